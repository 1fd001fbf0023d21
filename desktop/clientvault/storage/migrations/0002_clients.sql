-- Client records: clients, their people, their sensitive items, accountant assignments, search.
CREATE TABLE clients (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL CHECK (kind IN ('enterprise', 'individual_business', 'individual')),
    name              TEXT NOT NULL,
    name_key          BLOB,  -- sort key derived from name (core.search.pinyin_key)
    uscc              TEXT,
    tax_no            TEXT,
    address           TEXT NOT NULL DEFAULT '',
    industry          TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    engagement_start  TEXT,
    engagement_end    TEXT,
    status            TEXT NOT NULL CHECK (status IN ('prospect', 'active', 'ended', 'locked', 'erased')),
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    created_by        INTEGER,
    version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX clients_by_status ON clients (status);
-- Names sort in pinyin order through a stored byte key: memcmp-sorted in C, no collation that
-- a plain SQL shell would lack, and a sort of 100 000 rows costs no Python call per comparison.
CREATE INDEX clients_by_name_key ON clients (name_key);
CREATE INDEX clients_by_uscc ON clients (uscc) WHERE uscc IS NOT NULL;
CREATE INDEX clients_by_tax_no ON clients (tax_no) WHERE tax_no IS NOT NULL;

CREATE TABLE client_accountants (
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (client_id, user_id)
) WITHOUT ROWID;
CREATE INDEX client_accountants_by_user ON client_accountants (user_id, client_id);

CREATE TABLE persons (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('legal_rep', 'finance_contact', 'shareholder', 'contact', 'owner')),
    name       TEXT NOT NULL,
    id_type    TEXT,
    id_number  TEXT,
    phone      TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX persons_by_client ON persons (client_id);
CREATE INDEX persons_by_id_number ON persons (id_number) WHERE id_number IS NOT NULL;

CREATE TABLE sensitive_items (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    person_id   INTEGER REFERENCES persons (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('bank_account', 'tax_login', 'social_insurance_login')),
    label       TEXT NOT NULL DEFAULT '',
    value       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sensitive_by_client ON sensitive_items (client_id);

-- Search index with secure-delete, so removed tokens are overwritten in place. It keeps its own
-- copy of the indexed text (in client_search_content, zeroed on delete by secure_delete): a
-- contentless table with contentless_delete=1 only tombstones a deleted row and leaves its
-- terms in the index until the next full merge, which is residue (tests/unit/security).
-- Text is pre-split into unigrams (column u) and bigrams (column b) so that Chinese substrings of
-- any length match: one character by u, two or more as a phrase of bigrams in b. Phone digits go
-- to separate columns so that roles who may not see contact details cannot find clients by phone.
CREATE VIRTUAL TABLE client_search USING fts5 (
    u, b, pu, pb,
    tokenize = 'unicode61 remove_diacritics 0', detail = 'full'
);
INSERT INTO client_search (client_search, rank) VALUES ('secure-delete', 1);
