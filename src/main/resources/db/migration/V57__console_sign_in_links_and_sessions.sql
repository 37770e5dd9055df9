-- The physiotherapist's console signs in with a one-time link and keeps a server-side session.
-- Only hashes of the link's code and of the session id are stored: a copy of these tables lets
-- no one sign in. Rows past their expiry are useless and are deleted when new ones are made.
create table console_sign_in (
    code_hash  bytea primary key,
    subject    text        not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create table console_session (
    id_hash    bytea primary key,
    subject    text        not null,
    csrf_token text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
);
