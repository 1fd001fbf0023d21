-- Entrusted processing (PIPL Art 21; issues 10 and 14). For the employees' payroll, individual
-- income tax, social insurance and housing fund, the firm processes on its client's behalf: the
-- client is the processor in charge (个人信息处理者) and the firm its entrusted party (受托人). The
-- basis is the entrustment agreement with the client, not a consent the firm asks of each employee.
-- One row per agreement: when it was signed, what it covers (scope, purposes, categories), its term,
-- what happens to the data at the end (returned to the client or deleted) and the confirmation of it.
CREATE TABLE entrustments (
    id                INTEGER PRIMARY KEY,
    client_id         INTEGER NOT NULL REFERENCES clients (id),
    signed_on         TEXT NOT NULL,
    scope             TEXT NOT NULL,
    purposes          TEXT NOT NULL,  -- comma-separated purpose codes
    categories        TEXT NOT NULL,  -- comma-separated core.records.DataCategory values
    starts_on         TEXT NOT NULL,
    ends_on           TEXT,           -- NULL: until either side ends it
    end_handling      TEXT NOT NULL CHECK (end_handling IN ('return', 'delete', 'return_and_delete')),
    ended_on          TEXT,
    end_confirmed_on  TEXT,           -- the client confirmed the return or the deletion
    end_confirmation  TEXT NOT NULL DEFAULT '',
    end_confirmed_by  INTEGER REFERENCES users (id),
    created_by        INTEGER NOT NULL,
    created_at        TEXT NOT NULL
);
CREATE INDEX entrustments_by_client ON entrustments (client_id);

-- The payroll purpose lists what it really processes: the employees' salary, individual income
-- tax, social insurance and housing fund (with their identity, ID numbers and salary accounts, and
-- the client's social-insurance login), and rests on the entrustment agreement with the client
-- (recorded as "contract": the agreement is the contract; no employee consent is asked).
UPDATE purposes SET current = 0 WHERE code = 'payroll_social_insurance' AND current = 1;
INSERT INTO purposes (code, version, name_zh, name_en, description_zh, description_en, lawful_basis, categories,
                      retention_years, necessary, separate_sensitive, third_party, recipients_zh, recipients_en,
                      active, current, sort_order, created_at)
SELECT 'payroll_social_insurance', max(version) + 1, '代发工资及社保公积金代缴（受托处理）',
       'Payroll, social insurance and housing fund (entrusted processing)',
       '受客户委托，按照委托处理协议计算员工工资、代扣代缴个人所得税，办理社会保险及住房公积金的增减员和缴费（《个人信息保护法》第二十一条）。',
       'On the client''s behalf and under the entrustment agreement: calculating employees'' salaries, withholding '
       || 'individual income tax, registering employees for social insurance and the housing fund (PIPL Art 21).',
       'contract', 'bank,credentials,housing_fund,id_document,identity,income_tax,salary,social_insurance', 10, 1, 0, 1,
       '社会保险经办机构、住房公积金管理中心、税务机关、代发银行',
       'social-insurance agency, housing-fund centre, tax authorities, paying bank',
       (SELECT active FROM purposes WHERE code = 'payroll_social_insurance' ORDER BY version DESC LIMIT 1), 1, 40,
       strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
FROM purposes WHERE code = 'payroll_social_insurance' HAVING count(*) > 0;
