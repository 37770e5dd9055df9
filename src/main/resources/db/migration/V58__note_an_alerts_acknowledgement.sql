-- A physiotherapist may say, in a few lines, what they did about an alert when acknowledging it
-- (docs/alerts.md). Clinical free text: checked by the API (no control characters but line
-- breaks and tabs) and bounded here as well, so that no writer can store more than the API allows.
alter table alert
    add column acknowledgement_note text
        check (char_length(acknowledgement_note) <= 1000),
    add check (acknowledgement_note is null or acknowledged_at is not null);
