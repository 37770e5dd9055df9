-- What a scorer that holds a day's open scoring state needs to continue it without counting the
-- day's batches (docs/engine.md, "A growing day is continued").
--
-- The earliest start of the batches marked since the day was last scored: the mark row is
-- deleted when a scoring finishes, so this covers exactly the batches stored since then.
alter table day_dirty add column min_start timestamptz;

-- Which scoring wrote the row (a random id per scoring): a scorer whose id is still there knows
-- that no other scoring finished the day since its own.
alter table day_summary add column scoring_id uuid;
