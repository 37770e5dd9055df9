-- Storage encoding 3 of accel_batch.data: the lossless packed form of engine/RawCodec
-- (docs/binary-frame.md, "Storage encoding 3"). Ingest writes it from now on; rows of
-- encodings 1 and 2 keep reading and are re-encoded batch by batch by RawReencoding
-- (osteon.raw.reencode.*). scale stays the int16 counts' LSB per g, null otherwise.
alter table accel_batch drop constraint if exists accel_batch_encoding_check;
alter table accel_batch add constraint accel_batch_encoding_check check (encoding in (1, 2, 3));
