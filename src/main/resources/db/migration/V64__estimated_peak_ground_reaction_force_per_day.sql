-- The day's estimated peak ground-reaction force (docs/metrics.md §4, docs/metrics-implementation.md
-- "Estimated peak ground-reaction force"), written by the engine with the rest of the row:
-- {"estimated": bool, "reason": text or null, "models": [{"model", "equation", "peaks", "meanPeakG",
-- "maxPeakG", "meanNewtons", "maxNewtons", "meanBodyWeights", "maxBodyWeights"}], "provenance": {...}}
-- with the equations, their coefficients, sources and validation figures in the provenance.
-- One jsonb column rather than one column per figure: the models depend on the placement (two for
-- the hip, lower back and ankle, none for the wrist), and the figures are read with their provenance.
-- Null on rows scored before this version, until the day is scored again.
alter table day_summary add column estimated_peak_grf jsonb;
