"""Retention the law sets (issue 10): erasure compares with the retention end, sealing keeps only
what a rule requires, the rules of 会计档案管理办法 附表一, four eyes, appraisal, the 销毁清册 and
the certificate's signature lines, handover records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from clientvault.core.errors import AccessDenied, InvalidState, ValidationError
from clientvault.core.records import PersonInput, PersonRole, SensitiveInput, SensitiveKind
from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.services.locking import LockService
from clientvault.services.retention import PERMANENT_UNTIL, RetentionService, retention_dates
from clientvault.services.vault import VaultService
from tests.conftest import STAFF_PASSWORD
from tests.fixtures.erasing import OVERRIDE, WITNESS, second_person
from tests.fixtures.planted import BANK, ID_NUMBER, PERSON, TAX_LOGIN, Planted, plant
from tests.unit.documents.pdfcheck import pdf_text, squash

CONTACT_ID = "330106198805050010"
SOCIAL_LOGIN = "shebao-login-Zk81"


@pytest.fixture
def planted(new_vault: Vault) -> Planted:
    return plant(new_vault)


@pytest.fixture
def second(new_vault: Vault) -> Vault:
    session = second_person(new_vault)
    yield session
    if not session.locked:
        session.lock()


def _fuller(vault: Vault, planted: Planted) -> tuple[int, int]:
    """Add a newsletter contact with an ID number and a social-insurance login; their ids."""
    clients = ClientService(vault)
    contact = clients.add_person(
        planted.client_id, PersonInput(role=PersonRole.CONTACT, name="订阅联系人", id_number=CONTACT_ID)
    )
    login = clients.add_sensitive(
        planted.client_id, SensitiveInput(kind=SensitiveKind.SOCIAL_INSURANCE_LOGIN, value=SOCIAL_LOGIN)
    )
    return contact, login


# -- 1. retention enforced ---------------------------------------------------------------------


def test_retention_ended_is_refused_before_the_date(new_vault: Vault, planted: Planted) -> None:
    erasure = ErasureService(new_vault)
    with pytest.raises(InvalidState) as active:  # an active client: the period has not even started
        erasure.request(planted.client_id, "retention_expiry", "retention_ended")
    assert active.value.code == "retention_running"
    until = LockService(new_vault).lock(planted.client_id, "engagement ended")
    with pytest.raises(InvalidState):  # sealed until 2057: refused the day before
        ErasureService(new_vault, today=until - timedelta(days=1)).request(
            planted.client_id, "retention_expiry", "retention_ended"
        )
    assert ErasureService(new_vault, today=until).request(planted.client_id, "retention_expiry", "retention_ended")
    outcomes = [e.outcome for e in new_vault.audit.page(AuditFilter(action_prefix="erasure.request"))]
    assert outcomes == ["ok", "retention_running", "retention_running"]


def test_a_deletion_request_while_retention_runs_seals_instead_of_destroying(
    new_vault: Vault, planted: Planted, second: Vault
) -> None:
    erasure = ErasureService(new_vault)
    rid = erasure.request(planted.client_id, "deletion_request", "deletion_request")
    ErasureService(second).approve(rid)
    result = erasure.execute(rid, witness=WITNESS)
    assert result.outcome == "sealed" and result.sealed_until is not None
    db = new_vault.db
    assert db.scalar("SELECT status FROM clients WHERE id = ?", (planted.client_id,)) == "locked"
    assert db.scalar("SELECT outcome FROM erasure_requests WHERE id = ?", (rid,)) == "sealed"
    # Nothing destroyed that a rule requires: the legal representative, their ID and the bank account.
    record = LockService(new_vault).open(planted.client_id, "inspection after a deletion request")
    assert record.persons[0]["name"] == PERSON and record.persons[0]["id_number"] == ID_NUMBER
    assert [i["value"] for i in record.items] == [BANK]
    # A second request on the sealed record changes nothing and says so.
    rid2 = erasure.request(planted.client_id, "deletion_request", "deletion_request")
    ErasureService(second).approve(rid2)
    assert erasure.execute(rid2, witness=WITNESS).outcome == "sealed"
    assert db.scalar("SELECT count(*) FROM sealed_records") == 1


def test_withdrawal_of_an_item_a_rule_requires_keeps_it(new_vault: Vault, planted: Planted, second: Vault) -> None:
    erasure = ErasureService(new_vault)
    bank, login = f"item:{planted.bank_item_id}", f"item:{planted.login_item_id}"
    rid = erasure.request(planted.client_id, "consent_withdrawal", "consent_withdrawn", targets=[bank, login])
    ErasureService(second).approve(rid)
    result = erasure.execute(rid, witness=WITNESS)
    assert result.kept == (bank,) and result.erased["sensitive_items"] == 1
    kinds = [s.kind.value for s in ClientService(new_vault).get(planted.client_id).sensitive]
    assert kinds == ["bank_account"]


def test_only_the_partner_overrides_and_the_reason_is_printed(
    new_vault: Vault, planted: Planted, second: Vault
) -> None:
    erasure = ErasureService(new_vault)
    rid = erasure.request(planted.client_id, "deletion_request", "deletion_request")
    with pytest.raises(AccessDenied):  # the privacy officer cannot override a legal period
        ErasureService(second).override(rid, OVERRIDE)
    with pytest.raises(ValidationError) as named:  # printed on the certificate: no names in it
        erasure.override(rid, f"{PERSON}本人书面要求")
    assert named.value.errors == {"reason": "personal_data"}
    erasure.override(rid, OVERRIDE)
    ErasureService(second).approve(rid)
    with pytest.raises(InvalidState) as no_appraisal:  # 会计档案管理办法 第十六条
        erasure.execute(rid, witness=WITNESS)
    assert no_appraisal.value.code == "appraisal_missing"
    appraisal = erasure.appraise(planted.client_id)
    result = erasure.execute(rid, witness=WITNESS)
    assert result.outcome == "erased"
    assert new_vault.db.scalar("SELECT status FROM clients WHERE id = ?", (planted.client_id,)) == "erased"
    events = new_vault.audit.page(AuditFilter(action_prefix="erasure.override"))
    assert [e.reason for e in events] == [f"request:{rid}"]  # the text is not in the audit log
    text = squash(pdf_text(erasure.certificate_pdf(result.certificate_no)))
    assert squash(OVERRIDE) in text and f"第{appraisal}号" in text
    for heading in (
        "档案名称/类别",
        "起止年度",
        "档案编号",
        "应保管期限",
        "已保管期限",
        "销毁时间",
        "会计凭证",
        "30年",
    ):
        assert heading in text
    for line in (
        "单位负责人",
        "档案管理机构负责人",
        "会计管理机构负责人",
        "档案管理机构经办人",
        "会计管理机构经办人",
        "监销人",
    ):
        assert line in text
    for english in ("secure_delete", "VACUUM", "wal_checkpoint", "ClientVault", "合伙人", "事务所", "本所"):
        assert english not in text


# -- 2. rules --------------------------------------------------------------------------------


def test_the_rules_cover_the_schedule_with_their_periods_and_sources(new_vault: Vault) -> None:
    rules = {r.category: r for r in RetentionService(new_vault).rules()}
    period = {c: ("permanent" if r.permanent else r.years) for c, r in rules.items()}
    assert period == {
        "annual_reports": "permanent", "custody_register": "permanent", "destruction_register": "permanent",
        "appraisal_opinions": "permanent", "accounting_vouchers": 30, "accounting_ledgers": 30,
        "handover_register": 30, "financial_reports": 10, "bank_reconciliations": 10, "bank_statements": 10,
        "tax_returns": 10, "fixed_asset_cards": 5, "tax_records": 10,
    }  # fmt: skip
    assert rules["fixed_asset_cards"].starts == "disposal"
    assert "第二十九条" in rules["tax_records"].legal_source
    assert all("第十五条" not in r.legal_source for r in rules.values())
    assert all(r.legal_source and r.title for r in rules.values())


def test_a_period_starts_the_day_after_the_accounting_year(new_vault: Vault) -> None:
    rules = RetentionService(new_vault).rules()
    dates = retention_dates(date(2024, 6, 30), rules)  # 第十四条: from the first day after the year ends
    assert (dates.starts, dates.until, dates.rule) == (date(2025, 1, 1), date(2055, 1, 1), "accounting_vouchers")
    only_bank = retention_dates(date(2024, 6, 30), rules, {"item.bank_account"})
    assert only_bank.until == date(2035, 1, 1)


def test_rule_edits_are_versioned_audited_and_limited_to_partner_and_privacy_officer(
    new_vault: Vault, second: Vault, add_staff: Callable[..., int], fast_vaults: VaultService
) -> None:
    assert (
        RetentionService(second).set_rule("tax_records", 15, "税收征收管理法实施细则 第二十九条（本公司延长至15年）")
        == 2
    )
    RetentionService(new_vault).set_rule(
        "annual_reports", 0, "附表一：年度财务会计报告 永久", covers=("client.identity",)
    )
    versions = RetentionService(new_vault).versions("tax_records")
    assert [(v.version, v.years) for v in versions] == [(1, 10), (2, 15)]
    assert versions[1].changed_by == second.session.user_id
    events = new_vault.audit.page(AuditFilter(action_prefix="retention.rule_set"))
    assert [e.reason for e in events][::-1] == ["version=2,years=15,applies=1", "version=2,permanent,applies=1"]
    for bad in ({"years": 0}, {"covers": ("client.secret",)}, {"starts": "whenever"}):
        kwargs = {"years": 10, **bad}
        years = kwargs.pop("years")
        with pytest.raises(ValidationError):
            RetentionService(new_vault).set_rule("tax_records", years, "src", **kwargs)  # type: ignore[arg-type]
    add_staff("acc", Role.ACCOUNTANT)
    acc = fast_vaults.unlock(new_vault.paths.folder, "acc", STAFF_PASSWORD)
    try:
        with pytest.raises(AccessDenied):
            RetentionService(acc).set_rule("tax_records", 1, "x")
        with pytest.raises(AccessDenied):
            RetentionService(acc).rules()
    finally:
        acc.lock()
    # The permanent rule now covers the client's identity: a record sealed now is kept for good.
    until = LockService(new_vault).lock(plant(new_vault).client_id, "ended")
    assert until == PERMANENT_UNTIL


# -- 3. sealing keeps only what a rule requires ----------------------------------------------------


def test_sealing_erases_what_no_rule_requires_and_lists_each_item(new_vault: Vault, planted: Planted) -> None:
    contact, social = _fuller(new_vault, planted)
    locks = LockService(new_vault)
    locks.lock(planted.client_id, "engagement ended")
    (record,) = locks.sealing_records(planted.client_id)
    kept = {k["item"]: k.get("rule") for k in record.kept}
    assert kept == {
        "client": "accounting_vouchers",
        f"person:{planted.person_id}": "accounting_vouchers",
        f"person:{planted.person_id}.id_number": "tax_records",
        f"item:{planted.bank_item_id}": "tax_records",
    }
    erased = {e["item"]: e["class"] for e in record.erased}
    assert erased == {
        "client.phone": "client.contact",
        "client.email": "client.contact",
        "client.notes": "client.notes",
        f"person:{planted.person_id}.phone": "person.legal_rep.contact",
        f"person:{contact}": "person.contact",  # the newsletter contact, with their ID number
        f"item:{planted.login_item_id}": "item.tax_login",
        f"item:{social}": "item.social_insurance_login",
    }
    # Erased on the erasure path: a ledger entry (replayed on restore) and a register entry.
    db = new_vault.db
    assert record.certificate_no is not None
    assert db.scalar("SELECT legal_basis FROM erasure_ledger WHERE certificate_no = ?", (record.certificate_no,))
    assert ErasureService(new_vault).register()[0].source == "sealing"
    # Zero residue: neither the logins nor the contact's ID number are on any page, sealed or not.
    report = ErasureService(new_vault).scan_residue([TAX_LOGIN, SOCIAL_LOGIN, CONTACT_ID, BANK])
    assert {h.needle for h in report.hits} == set(), report
    opened = locks.open(planted.client_id, "check what was kept")
    assert [i["kind"] for i in opened.items] == ["bank_account"]
    assert [p["role"] for p in opened.persons] == ["legal_rep"]
    assert opened.client["phone"] == "" and opened.client["notes"] == ""
    assert opened.retention_until == date(date.today().year + 31, 1, 1)  # vouchers: 30 years after the year


# -- 4. four eyes, appraisal, register, handover ---------------------------------------------------


def test_four_eyes(new_vault: Vault, planted: Planted, second: Vault) -> None:
    erasure = ErasureService(new_vault)
    rid = erasure.request(planted.client_id, "partner_decision", "service_ended")
    with pytest.raises(InvalidState) as own:
        erasure.approve(rid)  # the requester cannot approve
    assert own.value.code == "four_eyes_requester"
    with pytest.raises(InvalidState):
        erasure.erase_now(planted.client_id, "service_ended", witness=WITNESS)  # one partner alone
    ErasureService(second).approve(rid)  # single-partner firm: the privacy officer is the second person
    with pytest.raises(ValidationError) as nobody:
        erasure.execute(rid)
    assert nobody.value.errors == {"witness": "required"}
    with pytest.raises(ValidationError) as self_witness:
        erasure.execute(rid, witness="老板")  # the executor cannot be the only witness
    assert self_witness.value.errors == {"witness": "executor"}
    assert new_vault.db.scalar("SELECT status FROM clients WHERE id = ?", (planted.client_id,)) == "active"
    outcomes = [e.outcome for e in new_vault.audit.page(AuditFilter(action_prefix="erasure.approve"))]
    assert outcomes == ["ok", "four_eyes"]


def test_a_second_partner_approves_and_the_privacy_officer_then_may_not(
    new_vault: Vault, planted: Planted, second: Vault, add_staff: Callable[..., int], fast_vaults: VaultService
) -> None:
    add_staff("p2", Role.PARTNER)
    rid = ErasureService(new_vault).request(planted.client_id, "partner_decision", "service_ended")
    with pytest.raises(AccessDenied):  # two partners: the other partner approves
        ErasureService(second).approve(rid)
    p2 = fast_vaults.unlock(new_vault.paths.folder, "p2", STAFF_PASSWORD)
    try:
        ErasureService(p2).approve(rid)
    finally:
        p2.lock()


def test_handover_is_recorded(new_vault: Vault, planted: Planted) -> None:
    locks = LockService(new_vault)
    hid = locks.handover(
        planted.client_id, ("accounting_vouchers", "accounting_ledgers"), "客户财务部", years=(2019, 2025)
    )
    (h,) = locks.handovers(planted.client_id)
    assert (h.id, h.categories, h.years_from, h.years_to, h.recipient, h.signed) == (
        hid, ("accounting_vouchers", "accounting_ledgers"), 2019, 2025, "客户财务部", True
    )  # fmt: skip
    with pytest.raises(ValidationError):
        locks.handover(planted.client_id, ("no_such_rule",), "客户财务部")
    with pytest.raises(ValidationError):
        locks.handover(planted.client_id, ("accounting_vouchers",), " ")
    assert new_vault.audit.page(AuditFilter(action_prefix="client.handover"))[0].reason == f"handover:{hid}"


def test_the_sealing_erasure_has_an_all_chinese_certificate(new_vault: Vault, planted: Planted) -> None:
    LockService(new_vault).lock(planted.client_id, "engagement ended")
    (record,) = LockService(new_vault).sealing_records(planted.client_id)
    assert record.certificate_no is not None
    text = squash(pdf_text(ErasureService(new_vault).certificate_pdf(record.certificate_no)))
    assert "封存时删除无保存依据的项目" in text and "电话" in text and "备注" in text
    for word in ("phone", "notes", "sealing", "secure_delete", "事务所", "合伙人"):
        assert word not in text
