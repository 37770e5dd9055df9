-- Remote therapeutic monitoring evidence (docs/rtm.md). An episode is the span a physiotherapist
-- enrolled the patient in RTM: its 30-day periods are counted from its first day. Episodes of one
-- patient never overlap (checked by the service under a lock on the patient row).
create table rtm_episode (
    id              uuid primary key,
    patient_id      uuid not null references patient (id),
    start_date      date not null,
    -- Last day, inclusive; null while the episode runs.
    end_date        date check (end_date is null or end_date >= start_date),
    created_by      text not null,
    created_at      timestamptz not null
);
create index rtm_episode_patient on rtm_episode (patient_id, start_date);

-- Time a physiotherapist spent on the patient's remote monitoring. The activity is clinical free
-- text, checked by the API (printable, one line) and bounded here as well. An entry logged in
-- error is deleted, and the deletion audited.
create table rtm_time_entry (
    id                  uuid primary key,
    patient_id          uuid not null references patient (id),
    physiotherapist_id  uuid not null references physiotherapist (id),
    started_at          timestamptz not null,
    ended_at            timestamptz not null,
    activity            text not null check (char_length(activity) between 1 and 200),
    -- Whether the time included a live (real-time, synchronous) interaction with the patient.
    interactive         boolean not null,
    logged_at           timestamptz not null,
    check (ended_at > started_at and ended_at - started_at <= interval '24 hours')
);
create index rtm_time_entry_patient on rtm_time_entry (patient_id, started_at);
