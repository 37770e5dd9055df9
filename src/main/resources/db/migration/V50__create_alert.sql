-- Alerts for physiotherapists (docs/alerts.md). A rule names an episode (a non-adherence streak
-- by its first missed day, a safety-cap day by its date, a no-sync spell by the last sync, a
-- decline by its metric and the day it was first seen), and an episode raises at most one alert,
-- ever: every instance inserts with "on conflict do nothing", so neither repeated evaluation nor
-- several instances evaluating at once can raise it twice, and acknowledging does not re-arm it.
create table alert (
    id               uuid primary key,
    patient_id       uuid not null references patient (id),
    rule             text not null check (rule in ('non_adherence', 'safety_cap', 'no_sync', 'mood_decline')),
    -- The measure a rule watches when it watches several (mood_decline: mvpa_bouted_10, ra); else null.
    metric           text,
    episode          text not null,
    status           text not null default 'open' check (status in ('open', 'acknowledged', 'resolved')),
    raised_at        timestamptz not null,
    -- For the physiotherapist, with the numbers; never a name or other personal data.
    message          text not null,
    -- The numbers that triggered the alert, the parameters used and the definitions they follow.
    details          jsonb not null,
    -- Subject of the physiotherapist's token.
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    resolved_at      timestamptz,
    -- cleared: the condition no longer holds; superseded: a later safety-cap day took its place.
    resolution       text check (resolution in ('cleared', 'superseded')),
    unique (patient_id, rule, episode),
    check ((status = 'resolved') = (resolved_at is not null)),
    check ((acknowledged_by is null) = (acknowledged_at is null))
);

-- At most one open alert per patient, rule and metric: a physiotherapist's list shows the current
-- state of each concern, not a pile of repeats.
create unique index alert_one_open_idx on alert (patient_id, rule, coalesce(metric, '')) where status = 'open';
create index alert_patient_idx on alert (patient_id, raised_at);
