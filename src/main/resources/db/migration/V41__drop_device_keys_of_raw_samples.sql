-- A raw batch is written only in the transaction that created its ledger row, and the ledger
-- (ingest_batch) keeps its foreign key to device. The raw table's own foreign key added a
-- locking look-up of the device row for every batch written, the largest single cost of
-- storing 1-s batches (bench/ingest.sh); erasure deletes raw rows by device_id explicitly.
alter table accel_batch drop constraint if exists accel_batch_device_id_fkey;
alter table accel_batch drop constraint if exists accel_batch_device_id_fkey1;
