-- Sharing log (PIPL Arts 21, 23; issue 14): each disclosure of a client's (or person's) data to
-- a third party: to whom, which client or person (chosen from the vault), which categories, under
-- which purpose and lawful basis. A disclosure the law does not allow is refused, not logged here
-- (the refusal is in the audit log).
CREATE TABLE disclosures (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients (id),
    person_id     INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    recipient     TEXT NOT NULL,
    purpose_code  TEXT NOT NULL,
    basis         TEXT NOT NULL CHECK (basis IN ('consent', 'contract', 'legal_obligation')),
    categories    TEXT NOT NULL,
    disclosed_on  TEXT NOT NULL,
    created_by    INTEGER NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX disclosures_by_client ON disclosures (client_id);
CREATE INDEX disclosures_by_date ON disclosures (disclosed_on);
