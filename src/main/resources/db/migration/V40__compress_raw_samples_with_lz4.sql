-- Raw samples are compressed with LZ4 instead of PostgreSQL's default pglz: pglz spent
-- seconds per hour-long batch (an hour at 100 Hz is 4.3 MB of float32) for little gain,
-- and made a day of bulk sync persist at a fraction of the rate the broker delivers it.
-- Only where the server was built with LZ4 (Debian's is; some embedded builds are not);
-- elsewhere the default stays. New rows only; existing rows keep their compression.
do $$
begin
    if exists (select 1 from pg_settings
               where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        execute 'alter table accel_batch alter column data set compression lz4';
    end if;
end
$$;
