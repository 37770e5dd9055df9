-- Patients and their wearables. A device id is chosen by the client (firmware or phone)
-- and appears in MQTT topics, so it is the primary key rather than a surrogate.
create table patient (
    id            uuid primary key,
    display_name  text not null,
    time_zone     text not null,
    body_mass_kg  double precision,
    created_at    timestamptz not null
);

create table device (
    id            text primary key,
    patient_id    uuid not null references patient (id),
    placement     text not null check (placement in ('wrist', 'hip', 'waist', 'lower_back', 'ankle', 'thigh', 'insole')),
    range_g       double precision not null check (range_g > 0),
    model         text,
    registered_at timestamptz not null,
    revoked_at    timestamptz
);

create index device_patient_idx on device (patient_id);
