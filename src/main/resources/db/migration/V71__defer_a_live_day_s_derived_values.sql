-- When the engine is behind, a live day's summary is written at every scoring but its derived
-- values (sleep epochs and nights, waking sedentary time, circadian profile and rolling values) at
-- most every osteon.engine.derived-interval (docs/engine.md, Deferred derived values). Such a
-- scoring keeps the day's mark, ready again no sooner than due_at, so that the derived values are
-- computed even if no batch ever comes again; a new batch clears due_at (the day is scored as any
-- marked day). Not indexed: a mark's updates stay in place (V53).
alter table day_dirty add column due_at timestamptz;
