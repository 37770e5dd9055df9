-- Physiotherapists are known by the subject of their tokens (whatever the OIDC provider puts in
-- "sub"); the surrogate id is what admins and URLs use.
create table physiotherapist (
    id            uuid primary key,
    subject       text not null unique,
    display_name  text not null,
    created_at    timestamptz not null
);

-- Which physiotherapist cares for which patient. A patient may have several (cover, handover).
create table care_assignment (
    physio_id    uuid not null references physiotherapist (id),
    patient_id   uuid not null references patient (id),
    assigned_at  timestamptz not null,
    primary key (physio_id, patient_id)
);

create index care_assignment_patient_idx on care_assignment (patient_id);

-- Who did what to whose data: program changes with their reason, and physiotherapists' reads.
-- Append-only; the service never updates or deletes a row.
create table audit_event (
    id             bigserial primary key,
    at             timestamptz not null,
    actor_role     text not null,
    actor_subject  text not null,
    action         text not null,
    patient_id     uuid references patient (id),
    reason         text,
    detail         jsonb
);

create index audit_event_patient_idx on audit_event (patient_id, at);
create index audit_event_at_idx on audit_event (at);
