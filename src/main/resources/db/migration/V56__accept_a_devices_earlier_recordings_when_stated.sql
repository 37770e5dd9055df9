-- Samples must start after a device's registration, so that a reused device cannot hand one patient
-- another's recordings. A clinician who registers a device may state explicitly that its recordings
-- from an earlier instant are this patient's (a wearable worn before it was paired, a demo's history):
-- data_from is then that instant, else the registration time. Ingest compares batches with it.
alter table device add column data_from timestamptz;
update device set data_from = registered_at;
alter table device alter column data_from set not null;
