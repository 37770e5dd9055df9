-- Days whose raw data changed since they were last scored: the scoring engine's work list.
-- Ingest marks a day in the same transaction that stores the batch, so a mark exists exactly
-- when there is unscored data, whatever crashes; marks for one day coalesce into one row.
create table day_dirty (
    patient_id     uuid not null references patient (id),
    local_date     date not null,
    -- When the oldest unscored change arrived: bounds how long a busy day waits.
    since          timestamptz not null,
    -- When the latest change arrived: a day is scored once it has been quiet for a while.
    marked_at      timestamptz not null,
    -- Raised by every mark; a scorer removes the row only if no mark came after its claim.
    version        bigint not null default 1,
    -- An instance scoring the day holds it until then; after a crash the claim simply expires.
    claimed_until  timestamptz,
    primary key (patient_id, local_date)
);

create index day_dirty_ready_idx on day_dirty (marked_at);
