-- Patient-reported mood (docs/mood.md): each response to a questionnaire as the app submitted it and
-- as it was scored. Special-category data: exported and erased with the patient (patient_id), never
-- logged.
create table questionnaire_response (
    -- Chosen by the app: a retried submission carries the same id and is stored once.
    id                  uuid primary key,
    patient_id          uuid not null references patient (id),
    -- The definition it was scored by: src/main/resources/questionnaires/<questionnaire>.v<version>.json
    questionnaire       text not null check (questionnaire ~ '^[a-z0-9-]{1,32}$'),
    version             integer not null check (version > 0),
    -- Item scores in item order, as answered.
    answers             smallint[] not null check (cardinality(answers) between 1 and 50 and 0 <= all (answers)),
    answered_at         timestamptz not null,
    received_at         timestamptz not null,
    -- Subject of the token that submitted it (the patient's own).
    submitted_by        text not null,
    total               smallint not null check (total >= 0),
    -- Severity band of the total; null for a screener.
    band                text,
    positive_screen     boolean not null,
    -- The answer to the questionnaire's safety item (PHQ-9 item 9); null when it has none.
    safety_item_answer  smallint
);
create index questionnaire_response_patient_idx on questionnaire_response (patient_id, answered_at);

-- Two alerts from responses (docs/alerts.md): phq9_item9, any answer above 0 to PHQ-9 item 9 (thoughts
-- of death or self-harm), raised at once whatever the total; phq_worsening, a total 5 or more above the
-- patient's baseline or a first entry into the moderately severe or severe band. Each response is its
-- own episode. Every item-9 alert stays open until acknowledged: none may hide another, so the rule is
-- left out of the one-open-alert index.
alter table alert drop constraint alert_rule_check;
alter table alert add constraint alert_rule_check
    check (rule in ('non_adherence', 'safety_cap', 'no_sync', 'mood_decline', 'phq9_item9', 'phq_worsening'));
drop index alert_one_open_idx;
create unique index alert_one_open_idx on alert (patient_id, rule, coalesce(metric, ''))
    where status = 'open' and rule <> 'phq9_item9';
