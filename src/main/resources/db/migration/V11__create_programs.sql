-- Templates physiotherapists start from. Components use the same JSON shape as the API
-- (see org.osteon.program.Component); the source says where each dose comes from.
create table program_template (
    id           text primary key,
    name         text not null,
    description  text not null,
    source       text not null,
    components   jsonb not null
);

-- A patient's program is the sequence of its versions. A change inserts a version and never
-- updates one: the version in force on a day is the one with the latest effective_from on or
-- before it (the higher version number when two start the same day).
create table program_version (
    patient_id      uuid not null references patient (id),
    version         integer not null check (version >= 1),
    effective_from  date not null,
    components      jsonb not null,
    template_id     text references program_template (id),
    author_role     text not null,
    author_subject  text not null,
    reason          text not null,
    created_at      timestamptz not null,
    primary key (patient_id, version)
);

create index program_version_effective_idx on program_version (patient_id, effective_from);
