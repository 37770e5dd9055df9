-- Storage encoding 3 of accel_batch.data: the lossless packed form of engine/RawCodec
-- (docs/binary-frame.md, "Storage encoding 3"). Ingest writes it from now on; rows of
-- encodings 1 and 2 keep reading and are re-encoded batch by batch by engine/RawReencoding
-- (osteon.raw-reencode.*). scale stays the int16 counts' LSB per g, null otherwise.
-- The check's name depends on the history of V20 (accel_batch_encoding_check or ..._check1),
-- so it is found by what it checks; dropping it on the parent drops it on every partition.
do $$
declare
    r record;
begin
    for r in select conname from pg_constraint
             where conrelid = 'accel_batch'::regclass and contype = 'c'
               and pg_get_constraintdef(oid) like '%encoding%'
    loop
        execute format('alter table accel_batch drop constraint %I', r.conname);
    end loop;
end;
$$;
alter table accel_batch add constraint accel_batch_encoding_check check (encoding in (1, 2, 3));
