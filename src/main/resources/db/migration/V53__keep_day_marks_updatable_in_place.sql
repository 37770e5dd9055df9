-- A live stream marks its day every second, so day_dirty rows are updated far more often than
-- they are read. No index covers a column those updates change, and pages keep room, so that
-- PostgreSQL updates a mark in place (a HOT update) instead of leaving a dead row and index
-- entries behind each time. Claims take the oldest marks first, by since, which marks never change.
drop index day_dirty_ready_idx;
create index day_dirty_since_idx on day_dirty (since);
alter table day_dirty set (fillfactor = 50);
