-- One row per patient and local calendar day (midnight to midnight in the patient's time zone),
-- written by the scoring core and read by the days and adherence APIs. Metric definitions are in
-- the metrics documentation; every row says how it was computed in provenance.
create table day_summary (
    patient_id                      uuid not null references patient (id),
    local_date                      date not null,
    -- Minutes the device was worn (non-wear removed); a day with too little wear is "no data".
    wear_minutes                    double precision not null check (wear_minutes >= 0),
    enmo_mg                         double precision,
    mvpa_minutes                    double precision,
    mvpa_bouted_1_minutes           double precision,
    mvpa_bouted_5_minutes           double precision,
    mvpa_bouted_10_minutes          double precision,
    steps                           integer,
    -- Peak counts per named band of the band set recorded in provenance, e.g. {"low": 812, "medium": 95, "high": 31}.
    impacts_by_band                 jsonb not null default '{}',
    -- Peaks at or above each threshold, keyed by the threshold in g with one decimal, for every
    -- 0.1 g step from 1.3 g up to the day's largest peak: {"1.3": 4410, ..., "4.2": 31, ...}.
    -- A threshold above the largest key has no peaks.
    impacts_at_or_above             jsonb not null default '{}',
    osteogenic_index                double precision,
    daily_stress_stimulus           double precision,
    sedentary_minutes               double precision,
    longest_sedentary_bout_minutes  double precision,
    -- Resistance sessions seen in the day's loading events.
    resistance_sessions             integer,
    -- Circadian rhythm over the 7 days ending with this one.
    rolling7_ra                     double precision,
    rolling7_is                     double precision,
    rolling7_iv                     double precision,
    -- Algorithm names and versions, parameters, placement, sample rate, calibration.
    provenance                      jsonb not null default '{}',
    computed_at                     timestamptz not null,
    primary key (patient_id, local_date)
);
