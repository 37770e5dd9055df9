-- Sleep, the third side of mood (#13): each night's sleep period time window (HDCZA) and
-- sedentary time counted over waking wear only (docs/engine.md "Sleep").

-- What a night needs of one scored local day, written by the engine with the day's row: the
-- z-angle of each 5-s epoch from the day's first local midnight (NaN where not worn or no data),
-- as little-endian float32, 4 bytes an epoch (69,120 bytes for a 24-h day before TOAST
-- compression), and the day's runs of worn sedentary epochs as [start ms after starts_at,
-- epochs] pairs. Derived from the raw batches: deleted with the day's row, rebuilt by re-scoring.
create table day_sleep_epochs (
    patient_id      uuid not null references patient (id),
    local_date      date not null,
    starts_at       timestamptz not null,
    epoch_seconds   integer not null check (epoch_seconds > 0),
    z_angle         bytea not null,
    sedentary_runs  integer[] not null,
    primary key (patient_id, local_date)
);

-- One row per night with a window, keyed by the local date of the noon the night starts at
-- (noon of night_date to noon of the next day, in the patient's zone). A night without a window
-- (not worn enough, no long still block) has no row.
create table sleep_night (
    patient_id        uuid not null references patient (id),
    night_date        date not null,
    onset             timestamptz not null,
    wake              timestamptz not null check (wake > onset),
    duration_minutes  double precision not null,
    midpoint          timestamptz not null,
    threshold_deg     double precision not null,
    provenance        jsonb not null,
    computed_at       timestamptz not null default now(),
    primary key (patient_id, night_date)
);

-- Sedentary time outside the sleep windows that touch the day; sedentary_minutes and
-- longest_sedentary_bout_minutes stay the all-day values.
alter table day_summary
    add column waking_sedentary_minutes double precision,
    add column waking_longest_sedentary_bout_minutes double precision;
