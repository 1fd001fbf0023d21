-- Shared identifiers (issue 13): a client whose credit code another client already has (a
-- branch), or a person whose ID number a person of another client already has (the same
-- person), is saved only after the user confirmed it. The choice is kept here: which records,
-- which field, who and when -- never the value itself.
CREATE TABLE identifier_confirmations (
    id               INTEGER PRIMARY KEY,
    client_id        INTEGER NOT NULL,
    person_id        INTEGER,
    other_client_id  INTEGER NOT NULL,
    field            TEXT NOT NULL CHECK (field IN ('uscc', 'id_number')),
    choice           TEXT NOT NULL CHECK (choice IN ('branch', 'same_person')),
    confirmed_by     INTEGER NOT NULL,
    confirmed_at     TEXT NOT NULL
);
CREATE INDEX identifier_confirmations_by_client ON identifier_confirmations (client_id);
