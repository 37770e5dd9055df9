-- Messages for device ids that are not registered are counted here, one row per id, instead of
-- one ingest_rejection row per message: on an open broker anyone can publish under any id, and a
-- row per message grew that table without bound. An operator still sees which unregistered ids
-- keep trying (a device set up with a wrong id), how often and why. Ids that could never be
-- registered (not 3 to 64 of A-Z a-z 0-9 . _ : -) share the row '(invalid id)'.
create table ingest_unregistered (
    device_id         text primary key,
    messages          bigint not null,
    first_seen        timestamptz not null,
    last_seen         timestamptz not null,
    last_stream       text not null,
    last_reason_code  text not null
);
