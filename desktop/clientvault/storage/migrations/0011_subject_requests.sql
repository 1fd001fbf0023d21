-- Individuals' requests register (PIPL Arts 44-50, issue 14). The requester is a person (or the
-- client itself, for an individual client) already in the vault: no name is typed twice, and no
-- copy of an ID document is kept, only how the identity was checked and whether it matched.
CREATE TABLE subject_requests (
    id                INTEGER PRIMARY KEY,
    client_id         INTEGER NOT NULL REFERENCES clients (id),
    person_id         INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('access', 'copy', 'correction', 'supplement', 'deletion',
                                                    'withdrawal', 'explanation', 'restriction', 'transfer')),
    channel           TEXT NOT NULL DEFAULT '',
    received_on       TEXT NOT NULL,
    identity_method   TEXT NOT NULL,
    identity_ok       INTEGER NOT NULL CHECK (identity_ok IN (0, 1)),
    due_on            TEXT NOT NULL,
    extended_to       TEXT,
    extension_reason  TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'handed_over', 'done', 'refused')),
    outcome           TEXT NOT NULL DEFAULT '',
    purpose_code      TEXT NOT NULL DEFAULT '',   -- withdrawal: the purpose withdrawn
    erasure_request   INTEGER,                    -- deletion: the erasure request it handed over to
    created_by        INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    closed_by         INTEGER,
    closed_at         TEXT
);
CREATE INDEX subject_requests_open ON subject_requests (status, due_on);
CREATE INDEX subject_requests_by_client ON subject_requests (client_id);
