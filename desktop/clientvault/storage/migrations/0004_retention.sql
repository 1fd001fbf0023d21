-- Locked (partner-sealed) records, retention rules, legal holds, erasure workflow and ledger,
-- destruction register, backup catalogue. None of these tables holds a personal-data value in
-- clear: sealed_records and the register's note hold ciphertext under the partner key; legal
-- bases are codes; the free text staff type as reasons lives in client-scoped rows
-- (client_reasons, lock_requests, legal_holds) that an erasure deletes with the client. The
-- append-only audit log and the ledger only ever point at them ("note:12").

-- Deleting a person makes SQLite look for sensitive items pointing at it (ON DELETE CASCADE);
-- without an index that is a scan of every item of every client, on each erasure.
CREATE INDEX sensitive_by_person ON sensitive_items (person_id);

-- One AES-256-GCM blob per locked client (AAD = vault id + client id), under the partner key.
CREATE TABLE sealed_records (
    client_id        INTEGER PRIMARY KEY REFERENCES clients (id),
    format           INTEGER NOT NULL DEFAULT 1,
    nonce            BLOB NOT NULL,
    ciphertext       BLOB NOT NULL,
    previous_status  TEXT NOT NULL,
    sealed_at        TEXT NOT NULL,
    sealed_by        INTEGER,
    retention_from   TEXT NOT NULL,  -- first day after the fiscal year in which the engagement ended
    retention_until  TEXT NOT NULL,  -- the latest end date over the applicable rules
    retention_rule   TEXT NOT NULL   -- the category whose rule gives retention_until
);
CREATE INDEX sealed_by_retention ON sealed_records (retention_until);

-- An accountant asks the partner to lock a client whose engagement is over.
CREATE TABLE lock_requests (
    id               INTEGER PRIMARY KEY,
    client_id        INTEGER NOT NULL REFERENCES clients (id),
    requested_by     INTEGER NOT NULL,
    requested_at     TEXT NOT NULL,
    reason           TEXT NOT NULL DEFAULT '',
    state            TEXT NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'locked', 'refused')),
    decided_by       INTEGER,
    decided_at       TEXT,
    decision_reason  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX lock_requests_open ON lock_requests (client_id) WHERE state = 'requested';

-- Retention periods per data category, with their legal source (firm-configurable).
CREATE TABLE retention_rules (
    category      TEXT PRIMARY KEY,
    years         INTEGER NOT NULL CHECK (years >= 0),
    legal_source  TEXT NOT NULL,
    applies       INTEGER NOT NULL DEFAULT 1 CHECK (applies IN (0, 1)),
    sort_order    INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT,
    updated_by    INTEGER
) WITHOUT ROWID;
INSERT INTO retention_rules (category, years, legal_source, sort_order) VALUES
 ('accounting_vouchers', 30, '会计档案管理办法（财政部 国家档案局令第79号）第十四条 · 附表一：会计凭证 30年', 10),
 ('accounting_ledgers', 30, '会计档案管理办法（财政部 国家档案局令第79号）第十四条 · 附表一：会计账簿 30年', 20),
 ('financial_reports', 10, '会计档案管理办法（财政部 国家档案局令第79号）附表一：月度、季度、半年度财务会计报告 10年', 30),
 ('tax_records', 10, '税收征收管理法实施细则 第二十九条：账簿、记账凭证、报表、完税凭证等保存10年', 40);

-- Reasons typed about one client (lock, unlock, opening a locked record, holds, refusals). The
-- audit event of the action carries "note:<id>" only, so a name typed into a reason goes with
-- the client at erasure instead of staying in the append-only audit log. AUTOINCREMENT: an id
-- is never reused, so an old audit event can never point at a later client's reason.
CREATE TABLE client_reasons (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id  INTEGER NOT NULL REFERENCES clients (id),
    kind       TEXT NOT NULL CHECK (kind IN ('lock_request', 'lock_refused', 'lock', 'open', 'unlock', 'hold',
                                             'hold_released', 'erasure_refused')),
    text       TEXT NOT NULL,
    at         TEXT NOT NULL,
    user_id    INTEGER
);
CREATE INDEX client_reasons_by_client ON client_reasons (client_id);

-- A partner's legal hold (litigation, unsettled fees, an authority's request) blocks erasure.
CREATE TABLE legal_holds (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients (id),
    reason          TEXT NOT NULL,
    placed_by       INTEGER NOT NULL,
    placed_at       TEXT NOT NULL,
    released_by     INTEGER,
    released_at     TEXT,
    release_reason  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX legal_holds_active ON legal_holds (client_id) WHERE released_at IS NULL;

-- Erasure requests: requested -> approved -> executed, or refused. scope 'client' erases the
-- whole record; 'items' erases only the listed targets ("item:9", "person:5.id_number", …).
-- legal_basis is a code of services.erasure.LEGAL_BASES ("retention_ended"), never free text;
-- refusal_reason is "note:<id>" of a client_reasons row.
CREATE TABLE erasure_requests (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL,
    source          TEXT NOT NULL CHECK (source IN ('deletion_request', 'consent_withdrawal', 'retention_expiry',
                                                    'partner_decision')),
    scope           TEXT NOT NULL DEFAULT 'client' CHECK (scope IN ('client', 'items')),
    targets         TEXT NOT NULL DEFAULT '',
    legal_basis     TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'approved', 'executed',
                                                                     'refused')),
    requested_by    INTEGER NOT NULL,
    requested_at    TEXT NOT NULL,
    approved_by     INTEGER,
    approved_at     TEXT,
    refused_by      INTEGER,
    refused_at      TEXT,
    refusal_reason  TEXT NOT NULL DEFAULT '',
    executed_by     INTEGER,
    executed_at     TEXT,
    certificate_no  TEXT
);
CREATE INDEX erasure_requests_by_state ON erasure_requests (state, requested_at);
CREATE INDEX erasure_requests_by_client ON erasure_requests (client_id);

-- The erasure ledger (SECURITY.md recipe step 5): replayed on every restored backup, mirrored
-- into the plaintext backups/catalogue.json — ids, dates and legal-basis codes only.
CREATE TABLE erasure_ledger (
    seq             INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL,
    scope           TEXT NOT NULL CHECK (scope IN ('client', 'items')),
    targets         TEXT NOT NULL DEFAULT '',
    erased_at       TEXT NOT NULL,
    erased_by       INTEGER,
    legal_basis     TEXT NOT NULL,
    certificate_no  TEXT NOT NULL UNIQUE
);
CREATE INDEX erasure_ledger_by_client ON erasure_ledger (client_id);
CREATE TRIGGER erasure_ledger_no_update BEFORE UPDATE ON erasure_ledger
BEGIN SELECT RAISE(ABORT, 'erasure ledger is append-only'); END;
CREATE TRIGGER erasure_ledger_no_delete BEFORE DELETE ON erasure_ledger
BEGIN SELECT RAISE(ABORT, 'erasure ledger is append-only'); END;

-- The destruction register (会计档案销毁清册): one entry per executed erasure, the data of its
-- certificate. `erased` is a JSON object of counts per kind of record, never values. The
-- partner's optional free note is AES-256-GCM under the partner key (AAD = vault id +
-- certificate number): a name written there is not readable with the database key.
CREATE TABLE destruction_register (
    id                INTEGER PRIMARY KEY,
    certificate_no    TEXT NOT NULL UNIQUE,
    request_id        INTEGER,
    client_id         INTEGER NOT NULL,
    source            TEXT NOT NULL,
    scope             TEXT NOT NULL,
    erased            TEXT NOT NULL,
    legal_basis       TEXT NOT NULL,
    requested_by      INTEGER,
    requested_at      TEXT,
    approved_by       INTEGER,
    approved_at       TEXT,
    executed_by       INTEGER NOT NULL,
    executed_at       TEXT NOT NULL,
    witness           TEXT NOT NULL DEFAULT '',
    method            TEXT NOT NULL,
    integrity         TEXT NOT NULL DEFAULT 'not_run',
    vacuumed          INTEGER NOT NULL DEFAULT 0,
    note_nonce        BLOB,
    note_ciphertext   BLOB
);
CREATE INDEX destruction_by_time ON destruction_register (executed_at);

-- Backups taken of this vault (the keys that open them live in backups/catalogue.json, so a
-- damaged vault.db does not take its backups down with it).
CREATE TABLE backup_catalogue (
    id            INTEGER PRIMARY KEY,
    file_name     TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL CHECK (kind IN ('manual', 'on_close', 'daily', 'pre_restore')),
    created_at    TEXT NOT NULL,
    created_by    INTEGER,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    ledger_seq    INTEGER NOT NULL DEFAULT 0,
    row_counts    TEXT NOT NULL DEFAULT '{}',
    status        TEXT NOT NULL DEFAULT 'verified' CHECK (status IN ('verified', 'pruned', 'missing'))
);
