-- The ingest ledger: one row per accepted batch. Its primary key is what makes a re-sent
-- batch a duplicate; content_hash tells a re-send from a reused seq with other content.
-- Kept apart from the raw samples so that raw data can expire while the ledger stays.
create table ingest_batch (
    device_id     text not null references device (id),
    stream        text not null check (stream in ('accel', 'load')),
    seq           bigint not null check (seq >= 0),
    content_hash  bytea not null,
    samples       integer not null,
    received_at   timestamptz not null,
    primary key (device_id, stream, seq)
);

-- Raw accelerometer samples, one row per batch (never a row per sample). data holds the
-- three axes one after the other (all x, then all y, then all z), little-endian:
-- encoding 1 = int16 counts, g = count / scale (binary frames, stored as received);
-- encoding 2 = float32 g (JSON batches, stored without rounding).
create table accel_batch (
    device_id  text not null references device (id),
    seq        bigint not null,
    start_at   timestamptz not null,
    rate_hz    double precision not null,
    samples    integer not null,
    encoding   smallint not null check (encoding in (1, 2)),
    scale      double precision,
    data       bytea not null,
    primary key (device_id, seq)
);

create index accel_batch_time_idx on accel_batch (device_id, start_at);

-- Loading events (resistance sets, ground-reaction peaks), one row per event.
create table load_event (
    device_id  text not null references device (id),
    seq        bigint not null,
    idx        integer not null,
    t          timestamptz not null,
    kind       text not null check (kind in ('resistance', 'grf')),
    exercise   text,
    sets       integer,
    reps       integer,
    load_kg    double precision,
    one_rm_kg  double precision,
    peak_bw    double precision,
    cycles     integer,
    primary key (device_id, seq, idx)
);

create index load_event_time_idx on load_event (device_id, t);

-- Every rejected batch leaves this record and nothing else: never the payload itself,
-- only its size and hash. device_id is not a foreign key: unknown devices are recorded too.
create table ingest_rejection (
    id              bigserial primary key,
    device_id       text not null,
    stream          text not null,
    seq             bigint,
    reason_code     text not null,
    reason          text not null,
    payload_bytes   integer not null,
    payload_sha256  bytea not null,
    received_at     timestamptz not null
);

create index ingest_rejection_device_idx on ingest_rejection (device_id, stream, received_at);

-- Running totals per device and stream, updated in the same transaction as the batches,
-- so that sync status is one row read.
create table device_stream (
    device_id         text not null references device (id),
    stream            text not null check (stream in ('accel', 'load')),
    last_seq          bigint,
    batches_accepted  bigint not null default 0,
    samples_accepted  bigint not null default 0,
    duplicates        bigint not null default 0,
    rejections        bigint not null default 0,
    last_receipt_at   timestamptz,
    primary key (device_id, stream)
);
