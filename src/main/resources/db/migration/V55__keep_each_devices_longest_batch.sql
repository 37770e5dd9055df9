-- The engine reads a day's batches from the day's start less the longest batch the device ever
-- sent, instead of a fixed day: a contract-valid 1-Hz batch of 400,000 samples covers 4.6 days,
-- and with a fixed day of look-back only its first two days were scored. Kept by ingest in the
-- same transaction as the batch; filled here from what is stored (one pass over accel_batch).
alter table device_stream add column longest_batch_seconds double precision not null default 0;

update device_stream ds set longest_batch_seconds = l.seconds
from (select device_id, max(samples / rate_hz) as seconds from accel_batch group by device_id) l
where ds.device_id = l.device_id and ds.stream = 'accel';
