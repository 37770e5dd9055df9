-- Raw samples are compressed with LZ4 instead of PostgreSQL's default pglz: pglz spent
-- seconds per hour-long batch (an hour at 100 Hz is 4.3 MB of float32) for little gain,
-- and made a day of bulk sync persist at a fraction of the rate the broker delivers it.
-- New rows only; existing rows keep their compression until rewritten.
alter table accel_batch alter column data set compression lz4;
