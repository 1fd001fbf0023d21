-- Retention the law sets (issue 10): the periods of 会计档案管理办法 附表一 and 税收征收管理法实施细则
-- 第二十九条, which items of a client each rule requires (sealing keeps only those), rule versions,
-- the override of a running retention, the sealing record, appraisal (鉴定意见书) and handover
-- (移交清册) records, and the destruction register's columns (销毁清册).

-- permanent: kept without end (years is then 0). starts: 'year_end' (the day after the end of the
-- accounting year, 第十四条) or 'disposal' (固定资产卡片: 5 years after the asset is disposed of).
-- covers: comma-separated item classes of a client the rule requires the firm to keep
-- (services.retention.ITEM_CLASSES). version: bumped on every edit (history below).
ALTER TABLE retention_rules ADD COLUMN permanent INTEGER NOT NULL DEFAULT 0 CHECK (permanent IN (0, 1));
ALTER TABLE retention_rules ADD COLUMN starts TEXT NOT NULL DEFAULT 'year_end' CHECK (starts IN ('year_end', 'disposal'));
ALTER TABLE retention_rules ADD COLUMN covers TEXT NOT NULL DEFAULT '';
ALTER TABLE retention_rules ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE retention_rules ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

UPDATE retention_rules SET title = '会计凭证', sort_order = 60,
  legal_source = '会计档案管理办法（财政部 国家档案局令第79号）第十四条、附表一：会计凭证（原始凭证、记账凭证）30年',
  covers = 'client.identity,person.legal_rep,person.owner,person.shareholder'
  WHERE category = 'accounting_vouchers';
UPDATE retention_rules SET title = '会计账簿', sort_order = 70,
  legal_source = '会计档案管理办法（财政部 国家档案局令第79号）第十四条、附表一：会计账簿（总账、明细账、日记账、其他辅助性账簿）30年',
  covers = 'client.identity'
  WHERE category = 'accounting_ledgers';
UPDATE retention_rules SET title = '月度、季度、半年度财务会计报告', sort_order = 90,
  legal_source = '会计档案管理办法（财政部 国家档案局令第79号）第十四条、附表一：月度、季度、半年度财务会计报告 10年',
  covers = ''
  WHERE category = 'financial_reports';
UPDATE retention_rules SET title = '涉税资料（账簿、记账凭证、报表、完税凭证、发票等）', sort_order = 140,
  legal_source = '税收征收管理法实施细则 第二十九条：账簿、记账凭证、报表、完税凭证、发票、出口凭证以及其他有关涉税资料应当保存10年',
  covers = 'client.identity,person.legal_rep,person.legal_rep.id_number,person.owner,person.owner.id_number,item.bank_account'
  WHERE category = 'tax_records';

INSERT INTO retention_rules (category, years, permanent, starts, title, legal_source, covers, sort_order) VALUES
 ('annual_reports', 0, 1, 'year_end', '年度财务会计报告',
  '会计档案管理办法（财政部 国家档案局令第79号）第十四条、附表一：年度财务会计报告 永久', '', 10),
 ('custody_register', 0, 1, 'year_end', '会计档案保管清册',
  '会计档案管理办法（财政部 国家档案局令第79号）附表一：会计档案保管清册 永久', '', 20),
 ('destruction_register', 0, 1, 'year_end', '会计档案销毁清册（含个人信息销毁证明）',
  '会计档案管理办法（财政部 国家档案局令第79号）第十七条、附表一：会计档案销毁清册 永久', '', 30),
 ('appraisal_opinions', 0, 1, 'year_end', '会计档案鉴定意见书',
  '会计档案管理办法（财政部 国家档案局令第79号）第十六条、附表一：会计档案鉴定意见书 永久', '', 40),
 ('handover_register', 30, 0, 'year_end', '会计档案移交清册',
  '会计档案管理办法（财政部 国家档案局令第79号）附表一：会计档案移交清册 30年', '', 80),
 ('bank_reconciliations', 10, 0, 'year_end', '银行存款余额调节表',
  '会计档案管理办法（财政部 国家档案局令第79号）附表一：银行存款余额调节表 10年', 'item.bank_account', 100),
 ('bank_statements', 10, 0, 'year_end', '银行对账单',
  '会计档案管理办法（财政部 国家档案局令第79号）附表一：银行对账单 10年', 'item.bank_account', 110),
 ('tax_returns', 10, 0, 'year_end', '纳税申报表',
  '会计档案管理办法（财政部 国家档案局令第79号）附表一：纳税申报表 10年', 'client.identity', 120),
 ('fixed_asset_cards', 5, 0, 'disposal', '固定资产卡片',
  '会计档案管理办法（财政部 国家档案局令第79号）附表一：固定资产卡片 固定资产报废清理后保管5年', '', 130);

-- Every version of every rule (version 1 is the shipped one); an edit adds a row.
CREATE TABLE retention_rule_versions (
    id            INTEGER PRIMARY KEY,
    category      TEXT NOT NULL,
    version       INTEGER NOT NULL,
    years         INTEGER NOT NULL,
    permanent     INTEGER NOT NULL,
    starts        TEXT NOT NULL,
    covers        TEXT NOT NULL,
    applies       INTEGER NOT NULL,
    title         TEXT NOT NULL,
    legal_source  TEXT NOT NULL,
    changed_at    TEXT NOT NULL,
    changed_by    INTEGER,
    UNIQUE (category, version)
);
INSERT INTO retention_rule_versions (category, version, years, permanent, starts, covers, applies, title,
                                     legal_source, changed_at, changed_by)
  SELECT category, version, years, permanent, starts, covers, applies, title, legal_source,
         coalesce(updated_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), updated_by FROM retention_rules;

-- A partner's override of a running retention period (PIPL Art 47 para 2): the typed reason is
-- printed on the certificate, so it is checked to hold none of the client's names or ID numbers.
-- outcome: 'erased' (destroyed) or 'sealed' (storage only while the retention period runs).
ALTER TABLE erasure_requests ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE erasure_requests ADD COLUMN override_by INTEGER;
ALTER TABLE erasure_requests ADD COLUMN outcome TEXT;

-- The destruction register (销毁清册) columns: per archive category 档案名称/类别, 起止年度,
-- 档案编号, 应保管期限, 已保管期限 (JSON list, no personal data); the override and the appraisal.
ALTER TABLE destruction_register ADD COLUMN archive_rows TEXT NOT NULL DEFAULT '[]';
ALTER TABLE destruction_register ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE destruction_register ADD COLUMN appraisal_id INTEGER;

-- What sealing kept (each item with the rule that requires it) and what it erased (items no rule
-- requires, erased on the erasure path: certificate_no points at the register entry). Item
-- classes and ids only, never values.
CREATE TABLE sealing_records (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL,
    request_id      INTEGER,
    sealed_at       TEXT NOT NULL,
    sealed_by       INTEGER,
    kept            TEXT NOT NULL DEFAULT '[]',   -- [{"item": "person:5", "class": "person.legal_rep", "rule": "tax_records"}]
    erased          TEXT NOT NULL DEFAULT '[]',   -- [{"item": "item:9", "class": "item.tax_login"}]
    certificate_no  TEXT,                         -- the erasure of the items no rule requires
    retention_until TEXT NOT NULL,
    archive_rows    TEXT NOT NULL DEFAULT '[]'    -- the 销毁清册 rows the record will need (no personal data)
);
CREATE INDEX sealing_records_by_client ON sealing_records (client_id);

-- 会计档案鉴定意见书 (会计档案管理办法 第十六条): before archives whose period ended are destroyed,
-- an appraisal (by the archive, accounting and audit functions) records its conclusion.
CREATE TABLE appraisals (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL,
    categories   TEXT NOT NULL,          -- comma-separated rule categories appraised
    conclusion   TEXT NOT NULL CHECK (conclusion IN ('destroy', 'keep')),
    appraised_by INTEGER NOT NULL,
    appraised_at TEXT NOT NULL,
    used_by      TEXT                    -- the certificate of the destruction it allowed
);
CREATE INDEX appraisals_by_client ON appraisals (client_id);

-- 会计档案移交清册: a client's archives handed back when the relationship ends (what, to whom,
-- when, who handed over, signed). Kept 30 years (附表一).
CREATE TABLE handovers (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL,
    categories   TEXT NOT NULL,          -- comma-separated rule categories handed over
    years_from   INTEGER,
    years_to     INTEGER,
    recipient    TEXT NOT NULL,          -- the receiving organisation (as written on the paper 清册)
    handed_at    TEXT NOT NULL,
    handed_by    INTEGER NOT NULL,
    signed       INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1))
);
CREATE INDEX handovers_by_client ON handovers (client_id);
