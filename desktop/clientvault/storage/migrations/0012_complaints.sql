-- Complaints register (GB/T 35273 §8.8, issue 14): who complained (a client or one of its persons,
-- chosen from the vault, or nobody named), how, what about, who handles it, how it was resolved and
-- whether the complainant was told.
CREATE TABLE complaints (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER REFERENCES clients (id),
    person_id       INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    received_on     TEXT NOT NULL,
    channel         TEXT NOT NULL,
    category        TEXT NOT NULL CHECK (category IN ('collection', 'use', 'disclosure', 'security', 'rights',
                                                      'retention', 'service', 'other')),
    summary         TEXT NOT NULL,
    handler_id      INTEGER REFERENCES users (id),
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution      TEXT NOT NULL DEFAULT '',
    feedback_given  INTEGER NOT NULL DEFAULT 0 CHECK (feedback_given IN (0, 1)),
    resolved_on     TEXT,
    created_by      INTEGER NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX complaints_by_month ON complaints (received_on, category);
CREATE INDEX complaints_by_client ON complaints (client_id) WHERE client_id IS NOT NULL;
