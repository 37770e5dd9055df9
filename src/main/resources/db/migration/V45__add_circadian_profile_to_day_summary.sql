-- Each scored day keeps its activity profile for the circadian metrics (CircadianDay), so that
-- the rolling 7-day RA/IS/IV can be recomputed from stored rows when any day of the window is
-- scored again, without reading seven days of raw data. Indexes are local clock hours (24: the
-- skipped hour of a 23-h day is empty, the repeated hour of a 25-h day is merged) and local
-- 10-min bins (144). Only worn epochs count.
--
-- Arrays rather than one jsonb document: double precision keeps every sum to the bit, so rolling
-- values from stored profiles equal those of one analyzer over the same epochs; about 2 KB a day
-- against roughly twice that for the same numbers as jsonb numerics; typed and checked below.
-- Null on days without worn epochs (loading events only) and on days scored before this column.
alter table day_summary
    -- Per clock hour: sum of the binarised (1 at or above the light threshold, else 0) or raw
    -- ENMO of worn epochs, as provenance.circadianDay.parameters.binarise says.
    add column circadian_hour_sums    double precision[],
    -- Per clock hour: worn epochs.
    add column circadian_hour_epochs  integer[],
    -- Per 10-min bin: sum of worn epochs' ENMO in mg, never binarised.
    add column circadian_bin_sums     double precision[],
    -- Per 10-min bin: worn epochs.
    add column circadian_bin_epochs   integer[],
    -- (M10 − L5) / (M10 + L5) of this day alone; null when fewer hours than
    -- provenance.circadianDay.parameters.minDayValidHours were valid.
    add column relative_amplitude     double precision,
    add constraint day_summary_circadian_profile_check check (
        (circadian_hour_sums is null and circadian_hour_epochs is null
            and circadian_bin_sums is null and circadian_bin_epochs is null)
        or (cardinality(circadian_hour_sums) = 24 and cardinality(circadian_hour_epochs) = 24
            and cardinality(circadian_bin_sums) = 144 and cardinality(circadian_bin_epochs) = 144));

comment on column day_summary.rolling7_ra is
    'RA over the local days from 6 days before to this one that have a profile; null below the minimum of days (provenance.rolling7)';
comment on column day_summary.rolling7_is is 'IS over the same days as rolling7_ra';
comment on column day_summary.rolling7_iv is 'IV over the same days as rolling7_ra';
