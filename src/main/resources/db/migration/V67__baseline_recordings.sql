-- Baseline recordings (docs/interop.md, "Baseline recordings"): a file recorded before any
-- device was registered (e.g. a clinic's ActiGraph during a trial's baseline week), imported
-- for one patient and a stated wear period. Its samples are stored as a pseudo-device's
-- accel_batch rows, so that the engine scores its days as it scores any device's. The
-- pseudo-device's id, 'baseline/<recording id>', has a '/' that no registered device id can
-- have (ingest.DeviceIds), so no MQTT message can ever be stored under it.

alter table device add column source text not null default 'wearable'
    check (source in ('wearable', 'baseline'));

create table baseline_recording (
    id            uuid primary key,
    patient_id    uuid not null references patient (id),
    -- Set when the samples are stored (the pseudo-device is created in that transaction).
    device_id     text references device (id),
    sha256        bytea not null,
    format        text not null check (format in ('gt3x', 'actilife_csv', 'osteon_csv')),
    wear_from     timestamptz not null,
    wear_to       timestamptz not null check (wear_to > wear_from),
    status        text not null check (status in ('reading', 'scoring', 'done', 'failed')),
    progress      double precision not null default 0,
    samples       bigint not null default 0,
    -- Samples the file held outside the stated wear period: clipped, never stored.
    samples_outside bigint not null default 0,
    first_sample  timestamptz,
    last_sample   timestamptz,
    rate_hz       double precision,
    file_device   text,
    error_field   text,
    error         text,
    -- Refreshed by the importing instance while it reads; a 'reading' row whose heartbeat is
    -- older than osteon.baseline.stale-after lost its importer (a restart, a crash) and fails.
    heartbeat_at  timestamptz,
    uploaded_by   text not null,
    created_at    timestamptz not null,
    finished_at   timestamptz,
    unique (patient_id, sha256)
);

create index baseline_recording_status_idx on baseline_recording (status) where status in ('reading', 'scoring');
