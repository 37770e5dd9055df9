-- The day's worn epochs classed vigorous, in minutes (docs/metrics.md §2): a part of mvpa_minutes,
-- so that moderate (mvpa − vigorous) and vigorous minutes can be reported apart, as the FHIR
-- export's LOINC 77592-4 and 77593-2 ask. Null where the cut points define no vigorous threshold
-- (moderate and vigorous cannot be told apart) and on rows scored before this column existed
-- (a day is filled in when it is next scored).
alter table day_summary add column vigorous_minutes double precision check (vigorous_minutes >= 0);
