-- The recipients list (PIPL Art 23): the third parties the firm provides personal information
-- to, as the firm maintains it. Each names the recipient, how to contact it, why it receives
-- data, how the data is provided and which categories (core.records.DataCategory values,
-- comma-separated). Purposes reference recipients through purpose_recipients (by purpose code,
-- in print order), so a purpose's notice names each recipient with these details.
-- version: bumped on every edit (optimistic concurrency); no personal data is stored here.
CREATE TABLE recipients (
    id          INTEGER PRIMARY KEY,
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    contact     TEXT NOT NULL,
    purpose_zh  TEXT NOT NULL,
    purpose_en  TEXT NOT NULL,
    method_zh   TEXT NOT NULL,
    method_en   TEXT NOT NULL,
    categories  TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  INTEGER,
    updated_at  TEXT,
    updated_by  INTEGER
);

-- The recipients each purpose provides data to, in print order. Linking or unlinking a recipient
-- saves the purpose's next version (its recipients text names them), so the notice hash changes
-- and consents given for the old notice ask again.
CREATE TABLE purpose_recipients (
    purpose_code  TEXT NOT NULL,
    recipient_id  INTEGER NOT NULL REFERENCES recipients (id),
    position      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (purpose_code, recipient_id)
) WITHOUT ROWID;
CREATE INDEX purpose_recipients_by_recipient ON purpose_recipients (recipient_id);

-- The recipients of the seeded purposes. The firm replaces the generic names and contacts with
-- the actual bank and local offices it works with (Purposes page, Recipients section).
INSERT INTO recipients (id, name_zh, name_en, contact, purpose_zh, purpose_en, method_zh, method_en, categories,
                        created_at)
VALUES
(1, '主管税务机关', 'the competent tax authority', '12366',
 '办理纳税申报、发票及税务登记', 'tax filing, invoices and tax registration',
 '通过电子税务局报送', 'submitted through the electronic tax bureau', 'identity,contact,id_document,bank',
 strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
(2, '市场监督管理部门', 'the market-regulation authority', '12315',
 '报送企业年度报告', 'submitting the annual report',
 '通过国家企业信用信息公示系统报送', 'submitted through the national enterprise credit information system',
 'identity,contact,id_document', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
(3, '社会保险经办机构', 'the social-insurance agency', '12333',
 '办理社会保险增减员和缴费', 'registering employees for social insurance and paying contributions',
 '通过社会保险网上服务平台报送', 'submitted through the social-insurance online service platform',
 'identity,contact,id_document', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
(4, '住房公积金管理中心', 'the housing-fund centre', '12329',
 '办理住房公积金增减员和缴存', 'registering employees for the housing fund and paying contributions',
 '通过住房公积金网上业务系统报送', 'submitted through the housing-fund online system',
 'identity,contact,id_document', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
(5, '代发工资银行（客户开户行）', 'the paying bank (the client''s bank)', '客户开户行营业网点',
 '代发工资、办理银行账户业务', 'paying salaries and handling bank-account business',
 '通过网上银行或在银行柜台提交', 'submitted through online banking or at the bank counter',
 'identity,id_document,bank', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));

INSERT INTO purpose_recipients (purpose_code, recipient_id, position) VALUES
('tax_filing', 1, 0),
('annual_report', 2, 0),
('payroll_social_insurance', 3, 0),
('payroll_social_insurance', 4, 1),
('payroll_social_insurance', 1, 2),
('payroll_social_insurance', 5, 3),
('bank_services', 5, 0);
