-- Purposes, consent, consent forms, evidence scans, erasure flags and the export register.

-- The purpose catalogue. A row is one immutable VERSION of a purpose; editing inserts the next
-- version and clears `current` on the old one. Consents and forms point at the version they were
-- given for, so a changed notice never rewrites what a client agreed to.
CREATE TABLE purposes (
    id                  INTEGER PRIMARY KEY,
    code                TEXT NOT NULL,
    version             INTEGER NOT NULL,
    name_zh             TEXT NOT NULL,
    name_en             TEXT NOT NULL,
    description_zh      TEXT NOT NULL DEFAULT '',
    description_en      TEXT NOT NULL DEFAULT '',
    lawful_basis        TEXT NOT NULL CHECK (lawful_basis IN ('consent', 'contract', 'legal_obligation')),
    categories          TEXT NOT NULL,  -- comma-separated core.records.DataCategory values
    retention_years     INTEGER NOT NULL CHECK (retention_years >= 0),  -- 0: until consent ends
    necessary           INTEGER NOT NULL CHECK (necessary IN (0, 1)),
    separate_sensitive  INTEGER NOT NULL CHECK (separate_sensitive IN (0, 1)),
    third_party         INTEGER NOT NULL CHECK (third_party IN (0, 1)),
    recipients_zh       TEXT NOT NULL DEFAULT '',
    recipients_en       TEXT NOT NULL DEFAULT '',
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    current             INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
    sort_order          INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    created_by          INTEGER,
    UNIQUE (code, version)
);
CREATE UNIQUE INDEX purposes_current ON purposes (code) WHERE current = 1;

-- A printed consent form. client_id NULL: a blank form, bound to a client when it comes back.
CREATE TABLE consent_forms (
    id           INTEGER PRIMARY KEY,
    form_no      TEXT NOT NULL UNIQUE,
    client_id    INTEGER REFERENCES clients (id) ON DELETE CASCADE,
    person_id    INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    lang         TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
    status       TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'returned', 'void')),
    issued_at    TEXT NOT NULL,
    issued_by    INTEGER,
    returned_at  TEXT,
    returned_by  INTEGER
);
CREATE INDEX consent_forms_by_client ON consent_forms (client_id, status);

-- The purpose versions a form was printed with (its notice), in print order.
CREATE TABLE consent_form_purposes (
    form_id     INTEGER NOT NULL REFERENCES consent_forms (id) ON DELETE CASCADE,
    purpose_id  INTEGER NOT NULL REFERENCES purposes (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (form_id, purpose_id)
) WITHOUT ROWID;

-- A scan of a signed form. The bytes live only in the encrypted database.
CREATE TABLE consent_evidence (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    form_id    INTEGER REFERENCES consent_forms (id) ON DELETE SET NULL,
    mime       TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/png', 'image/jpeg', 'image/tiff')),
    size       INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    data       BLOB NOT NULL,
    added_at   TEXT NOT NULL,
    added_by   INTEGER
);
CREATE INDEX consent_evidence_by_client ON consent_evidence (client_id);

-- Consent of one person (person_id NULL: the client itself, e.g. its signatory) for one purpose
-- version. scope 'purpose' is the consent to the purpose; 'sensitive' and 'third_party' are the
-- separate consents of PIPL Arts 29 and 23.
CREATE TABLE consents (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    person_id    INTEGER REFERENCES persons (id) ON DELETE CASCADE,
    purpose_id   INTEGER NOT NULL REFERENCES purposes (id),
    scope        TEXT NOT NULL DEFAULT 'purpose' CHECK (scope IN ('purpose', 'sensitive', 'third_party')),
    status       TEXT NOT NULL CHECK (status IN ('pending', 'granted', 'refused', 'withdrawn', 'expired', 'void')),
    method       TEXT NOT NULL CHECK (method IN ('printed_form', 'in_person')),
    form_id      INTEGER REFERENCES consent_forms (id) ON DELETE SET NULL,
    notice_hash  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    granted_on   TEXT,
    expires_on   TEXT,
    withdrawn_on TEXT,
    evidence_id  INTEGER REFERENCES consent_evidence (id) ON DELETE SET NULL,
    recorded_by  INTEGER,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX consents_by_client ON consents (client_id, status);
CREATE INDEX consents_by_form ON consents (form_id);
CREATE INDEX consents_by_expiry ON consents (expires_on) WHERE status = 'granted';

-- Stored items that only withdrawn purposes needed: queued for the erasure workflow.
CREATE TABLE erasure_flags (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    person_id    INTEGER REFERENCES persons (id) ON DELETE CASCADE,
    item         TEXT NOT NULL,  -- "person:5.id_number", "item:9.bank_account"
    category     TEXT NOT NULL,
    purposes     TEXT NOT NULL,  -- comma-separated purpose codes that were withdrawn
    flagged_at   TEXT NOT NULL,
    flagged_by   INTEGER,
    resolved_at  TEXT,
    resolution   TEXT CHECK (resolution IN ('erased', 'needed_again', 'kept_by_law')),
    UNIQUE (client_id, item, flagged_at)
);
CREATE INDEX erasure_flags_open ON erasure_flags (client_id) WHERE resolved_at IS NULL;

-- Every file of personal data that left the vault (saved PDF, Excel export, …).
CREATE TABLE export_register (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    user_id       INTEGER,
    kind          TEXT NOT NULL,
    purpose       TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    location      TEXT NOT NULL DEFAULT '',
    sha256        TEXT NOT NULL,
    size          INTEGER NOT NULL DEFAULT 0,
    row_count     INTEGER NOT NULL DEFAULT 0,
    destroy_by    TEXT,
    destroyed_at  TEXT,
    destroyed_by  INTEGER,
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX export_register_by_at ON export_register (at);
CREATE INDEX export_register_due ON export_register (destroy_by) WHERE destroyed_at IS NULL;

CREATE TABLE export_clients (
    export_id  INTEGER NOT NULL REFERENCES export_register (id) ON DELETE CASCADE,
    client_id  INTEGER NOT NULL,
    PRIMARY KEY (export_id, client_id)
) WITHOUT ROWID;
CREATE INDEX export_clients_by_client ON export_clients (client_id);

-- The seeded catalogue (version 1): what a bookkeeping agency really does with personal data.
INSERT INTO purposes (code, version, name_zh, name_en, description_zh, description_en, lawful_basis, categories,
                      retention_years, necessary, separate_sensitive, third_party, recipients_zh, recipients_en,
                      sort_order, created_at)
VALUES
('bookkeeping', 1, '代理记账', 'Bookkeeping',
 '根据委托合同审核原始凭证、登记账簿、编制财务会计报告。',
 'Checking source vouchers, keeping the ledgers and preparing financial statements under the engagement contract.',
 'contract', 'identity,contact,id_document,bank', 30, 1, 0, 0, '', '', 10, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
('tax_filing', 1, '纳税申报', 'Tax filing',
 '按照税收征管法律法规代为办理纳税申报、发票及税务登记事项。',
 'Filing tax returns, handling invoices and tax registration as the tax-administration rules require.',
 'legal_obligation', 'identity,contact,id_document,bank,credentials', 10, 1, 0, 0, '税务机关', 'tax authorities',
 20, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
('annual_report', 1, '工商年报', 'Annual report',
 '按照企业信息公示规定代为报送年度报告。',
 'Submitting the statutory annual report to the market-regulation authority.',
 'legal_obligation', 'identity,contact,id_document,credentials', 10, 1, 0, 0, '市场监督管理部门',
 'market-regulation authority', 30, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
('payroll_social_insurance', 1, '代发工资及社保公积金代缴', 'Payroll, social insurance and housing fund',
 '计算工资、个人所得税代扣代缴，办理社会保险及住房公积金的增减员和缴费。',
 'Calculating payroll and withholding tax, registering employees for social insurance and the housing fund.',
 'consent', 'identity,contact,id_document,bank,credentials', 10, 0, 1, 1, '社会保险经办机构、住房公积金管理中心、代发银行',
 'social-insurance agency, housing-fund centre, paying bank', 40, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
('bank_services', 1, '银行开户及账户服务', 'Bank account services',
 '协助办理银行开户、变更、对账及网银事务。',
 'Helping to open, change and reconcile bank accounts and to handle online banking.',
 'consent', 'identity,contact,id_document,bank', 5, 0, 1, 1, '开户银行', 'the account bank',
 50, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
('marketing', 1, '财税资讯推送', 'Newsletters and service news',
 '通过短信或电子邮件发送财税政策资讯和本所服务信息，可随时退订。',
 'Sending tax-policy news and news of our services by text message or e-mail; unsubscribe at any time.',
 'consent', 'identity,contact', 0, 0, 0, 0, '', '', 60, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));

-- Child-side indexes of the foreign keys: deleting a person, form or evidence row (erasure)
-- must not scan these tables.
CREATE INDEX consent_forms_by_person ON consent_forms (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX consent_evidence_by_form ON consent_evidence (form_id) WHERE form_id IS NOT NULL;
CREATE INDEX consents_by_person ON consents (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX consents_by_evidence ON consents (evidence_id) WHERE evidence_id IS NOT NULL;
CREATE INDEX erasure_flags_by_person ON erasure_flags (person_id) WHERE person_id IS NOT NULL;
