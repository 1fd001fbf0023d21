"""The staff register: agreements (with scans), training and refreshers, the reveal clearance and its override."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from clientvault.core.errors import AccessDenied, AgreementMissing, InvalidState, NotFound, ValidationError
from clientvault.core.roles import Role
from clientvault.services.clearance import reveal_clearance
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.demo import create_demo_vault
from clientvault.services.staff_register import StaffRegisterService
from clientvault.services.vault import VaultService
from clientvault.storage.audit import AuditFilter
from tests.conftest import STAFF_PASSWORD
from tests.fixtures.planted import BANK, Planted, plant

TODAY = date.today()
#: A signed copy with a marker that must never be found in the vault file in clear.
SCAN_MARKER = b"SIGNED-NDA-SCAN-7f3a"
SCAN = b"\x89PNG\r\n\x1a\n" + SCAN_MARKER * 50


@dataclass
class Staff:
    partner: Vault
    acc: int
    officer: int
    assistant: int
    planted: Planted
    login: Callable[[str], Vault]


@pytest.fixture
def staff(new_vault: Vault, fast_vaults: VaultService, add_staff: Callable[..., int]) -> Iterator[Staff]:
    acc = add_staff("acc", Role.ACCOUNTANT, agreement=False)
    officer = add_staff("privacy", Role.PRIVACY_OFFICER, agreement=False)
    assistant = add_staff("assist", Role.ASSISTANT, agreement=False)
    planted = plant(new_vault, accountant_ids=[acc])
    opened: list[Vault] = []

    def login(name: str) -> Vault:
        v = fast_vaults.unlock(new_vault.paths.folder, name, STAFF_PASSWORD)
        opened.append(v)
        return v

    yield Staff(new_vault, acc, officer, assistant, planted, login)
    for v in opened:
        v.lock()


def _reveals(vault: Vault) -> list[tuple[str, str]]:
    return [(e.outcome, e.object) for e in vault.audit.page(AuditFilter(action_prefix="sensitive.reveal"))]


def test_reveal_without_an_agreement_is_refused_and_audited_until_one_is_recorded(staff: Staff) -> None:
    acc = staff.login("acc")
    clients = ClientService(acc)
    with pytest.raises(AgreementMissing) as refused:
        clients.reveal_item(staff.planted.bank_item_id, "bookkeeping")
    assert (refused.value.reason, refused.value.until) == ("missing", "")
    with pytest.raises(AgreementMissing):
        clients.reveal_id_number(staff.planted.person_id, "tax_filing")
    assert [o for o, _ in _reveals(acc)] == ["no_agreement_missing", "no_agreement_missing"]
    StaffRegisterService(staff.partner).record_agreement(staff.acc, TODAY, kind="commitment")
    assert clients.reveal_item(staff.planted.bank_item_id, "bookkeeping") == BANK
    assert _reveals(acc)[0][0] == "ok"


def test_partner_is_not_held_by_the_clearance(staff: Staff) -> None:
    assert ClientService(staff.partner).reveal_item(staff.planted.bank_item_id, "bookkeeping") == BANK


def test_an_expired_agreement_no_longer_clears(staff: Staff) -> None:
    register = StaffRegisterService(staff.partner)
    ended = TODAY - timedelta(days=1)
    register.record_agreement(staff.acc, TODAY - timedelta(days=400), valid_until=ended)
    with pytest.raises(AgreementMissing) as refused:
        ClientService(staff.login("acc")).reveal_item(staff.planted.bank_item_id, "bookkeeping")
    assert (refused.value.reason, refused.value.until) == ("expired", ended.isoformat())
    line = next(s for s in register.standings() if s.user_id == staff.acc)
    assert (line.agreement, line.agreement_overdue) == ("expired", True)
    # A renewal (signed today, ending in 20 days) clears, and shows as expiring.
    register.record_agreement(staff.acc, TODAY, valid_until=TODAY + timedelta(days=20))
    line = next(s for s in register.standings() if s.user_id == staff.acc)
    assert (line.agreement, line.agreement_overdue) == ("expiring", False)
    assert ClientService(staff.login("acc")).reveal_item(staff.planted.bank_item_id, "bookkeeping") == BANK


def test_partner_override_lets_one_person_reveal_until_its_end_audited(staff: Staff) -> None:
    register = StaffRegisterService(staff.partner)
    override = register.grant_override(staff.acc, "报税截止日，协议原件在路上", TODAY + timedelta(days=3))
    acc = staff.login("acc")
    assert ClientService(acc).reveal_item(staff.planted.bank_item_id, "bookkeeping") == BANK
    granted = staff.partner.audit.page(AuditFilter(action_prefix="staff.reveal_override"))
    assert [(e.action, e.object) for e in granted] == [
        ("staff.reveal_override", f"user:{staff.acc}/override:{override.id}")
    ]
    assert granted[0].reason.startswith(f"until={TODAY + timedelta(days=3)};报税截止日")
    line = next(s for s in register.standings() if s.user_id == staff.acc)
    assert line.override_until == (TODAY + timedelta(days=3)).isoformat()
    register.revoke_override(override.id)
    with pytest.raises(AgreementMissing):
        ClientService(acc).reveal_item(staff.planted.bank_item_id, "bookkeeping")
    with pytest.raises(NotFound):
        register.revoke_override(override.id)  # already ended
    # An override past its last day clears nothing.
    late = StaffRegisterService(staff.partner, today=lambda: TODAY - timedelta(days=10))
    late.grant_override(staff.acc, "上周临时授权", TODAY - timedelta(days=1))
    with pytest.raises(AgreementMissing):
        ClientService(acc).reveal_item(staff.planted.bank_item_id, "bookkeeping")


def test_override_bad_input(staff: Staff) -> None:
    register = StaffRegisterService(staff.partner)
    with pytest.raises(ValidationError) as e:
        register.grant_override(staff.acc, "", TODAY + timedelta(days=1))
    assert "reason" in e.value.errors
    for until in (TODAY - timedelta(days=1), TODAY + timedelta(days=31)):
        with pytest.raises(ValidationError) as e:
            register.grant_override(staff.acc, "急用", until)
        assert e.value.errors == {"until": "range"}
    with pytest.raises(InvalidState) as state:
        register.grant_override(staff.partner.session.user_id, "合伙人本人", TODAY)
    assert state.value.code == "override_not_needed"
    register.record_agreement(staff.acc, TODAY)
    with pytest.raises(InvalidState):
        register.grant_override(staff.acc, "已有协议", TODAY)
    with pytest.raises(NotFound):
        register.grant_override(9999, "无此人", TODAY)
    # Only the partner overrides; the privacy officer manages the register but may not (audited).
    officer = staff.login("privacy")
    with pytest.raises(AccessDenied):
        StaffRegisterService(officer).grant_override(staff.assistant, "隐私负责人", TODAY)
    denied = officer.audit.page(AuditFilter(action_prefix="access.denied"))
    assert denied and denied[0].object == f"user:{staff.assistant}"


def test_agreement_bad_input_keeps_nothing(staff: Staff) -> None:
    register = StaffRegisterService(staff.partner)
    cases = [
        (dict(signed_on=TODAY + timedelta(days=1)), {"signed_on": "future"}),
        (dict(signed_on=TODAY, valid_until=TODAY), {"valid_until": "before_start"}),
        (dict(signed_on=TODAY, kind="promise"), {"kind": "unknown"}),
        (dict(signed_on=TODAY, scan=b"plain text, not a scan"), {"scan": "not_image_or_pdf"}),
        (dict(signed_on=TODAY, scan=b""), {"scan": "empty"}),
        (dict(signed_on=TODAY, note="x\u202ey"), {"note": "control"}),
    ]
    for kwargs, errors in cases:
        with pytest.raises(ValidationError) as e:
            register.record_agreement(staff.acc, **kwargs)  # type: ignore[arg-type]
        assert set(e.value.errors) == set(errors), (kwargs, e.value.errors)
        if set(errors) != {"note"}:
            assert e.value.errors == errors
    assert register.agreements(staff.acc) == []
    with pytest.raises(NotFound):
        register.record_agreement(4242, TODAY)


def test_scan_is_stored_encrypted_and_viewing_it_is_audited(staff: Staff) -> None:
    register = StaffRegisterService(staff.partner)
    agreement = register.record_agreement(staff.acc, TODAY, scan=SCAN, note="纸质原件存档")
    assert (agreement.has_scan, agreement.scan_mime) == (True, "image/png")
    assert register.agreement_scan(agreement.id) == ("image/png", SCAN)
    staff.partner.db.checkpoint()
    for f in staff.partner.paths.folder.iterdir():
        if f.is_file():
            assert SCAN_MARKER not in f.read_bytes(), f.name
    views = staff.partner.audit.page(AuditFilter(action_prefix="staff.agreement_scan_view"))
    assert [e.object for e in views] == [f"user:{staff.acc}/agreement:{agreement.id}"]
    # The accountant sees their own copy, not someone else's.
    own = StaffRegisterService(staff.login("acc"))
    assert own.agreement_scan(agreement.id)[1] == SCAN
    other = register.record_agreement(staff.officer, TODAY, scan=SCAN)
    with pytest.raises(NotFound):
        own.agreement_scan(other.id)


def test_other_staff_see_their_own_entries_and_record_nothing(staff: Staff) -> None:
    register = StaffRegisterService(staff.partner)
    register.record_agreement(staff.acc, TODAY)
    register.record_training(TODAY, "个人信息保护法培训", "赵老师", [staff.acc, staff.officer])
    for name, uid in (("acc", staff.acc), ("assist", staff.assistant)):
        own = StaffRegisterService(staff.login(name))
        assert [s.user_id for s in own.standings()] == [uid]
        with pytest.raises(NotFound):
            own.agreements(staff.officer)
        with pytest.raises(AccessDenied):
            own.record_agreement(uid, TODAY)
        with pytest.raises(AccessDenied):
            own.record_training(TODAY, "自学", "本人", [uid])
    assert [s.topic for s in StaffRegisterService(staff.login("acc")).sessions()] == ["个人信息保护法培训"]
    assert StaffRegisterService(staff.login("assist")).sessions() == []
    officer = StaffRegisterService(staff.login("privacy"))
    assert {s.user_id for s in officer.standings()} == {
        staff.partner.session.user_id, staff.acc, staff.officer, staff.assistant
    }  # fmt: skip
    officer.record_agreement(staff.assistant, TODAY)  # the privacy officer manages the register


def test_refresher_due_dates_and_overdue_counts(staff: Staff) -> None:
    later = TODAY + timedelta(days=400)
    register = StaffRegisterService(staff.partner)
    # Nobody trained yet, accounts made today: the first session is due in 30 days.
    assert {s.refresher_due for s in register.standings()} == {(TODAY + timedelta(days=30)).isoformat()}
    assert register.overdue_counts() == (3, 0)  # three staff without agreements; the partner is not held
    session = register.record_training(TODAY, "保密制度与案例", "王建国", [staff.acc])
    assert session.attendees == (staff.acc,)
    register.add_attendance(session.id, [staff.officer, staff.officer])
    line = {s.user_id: s for s in register.standings()}
    assert line[staff.acc].last_training == TODAY.isoformat()
    leap_day = (TODAY.month, TODAY.day) == (2, 29)
    a_year_on = TODAY.replace(year=TODAY.year + 1, day=28 if leap_day else TODAY.day)
    assert line[staff.acc].refresher_due == a_year_on.isoformat()
    future = StaffRegisterService(staff.partner, today=lambda: later)
    assert future.overdue_counts()[1] == 4  # a year later everyone is due again
    register.set_refresher_months(24)
    assert StaffRegisterService(staff.partner, today=lambda: later).overdue_counts()[1] == 2  # partner, assistant
    for months in (0, 61):
        with pytest.raises(ValidationError):
            register.set_refresher_months(months)


def test_training_bad_input(staff: Staff) -> None:
    register = StaffRegisterService(staff.partner)
    with pytest.raises(ValidationError) as e:
        register.record_training(TODAY + timedelta(days=1), "", " ", [])
    assert set(e.value.errors) == {"held_on", "topic", "trainer", "attendees"}
    with pytest.raises(NotFound):
        register.record_training(TODAY, "培训", "讲师", [staff.acc, 777])
    with pytest.raises(NotFound):
        register.add_attendance(555, [staff.acc])
    assert register.sessions() == []


def test_the_demo_firm_has_signed_and_trained_staff(fast_vaults: VaultService, tmp_path: Path) -> None:
    logins = {d.role: d for d in create_demo_vault(fast_vaults, tmp_path / "demo", clients=2)}
    officer = fast_vaults.unlock(tmp_path / "demo", logins[Role.PRIVACY_OFFICER].username,
                                 logins[Role.PRIVACY_OFFICER].password)  # fmt: skip
    accountant = fast_vaults.unlock(tmp_path / "demo", logins[Role.ACCOUNTANT].username,
                                    logins[Role.ACCOUNTANT].password)  # fmt: skip
    try:
        register = StaffRegisterService(officer)
        assert register.overdue_counts() == (0, 0)
        assert {s.agreement for s in register.standings()} == {"valid"} and len(register.sessions()) == 1
        reveal_clearance(accountant)  # the demo's accountant may reveal
    finally:
        officer.lock()
        accountant.lock()


def test_the_compliance_report_lists_agreements_training_and_open_staff_items(staff: Staff) -> None:
    from clientvault.services.compliance_report import ComplianceReportService
    from tests.unit.documents.pdfcheck import pdf_text, squash

    register = StaffRegisterService(staff.partner)
    register.record_agreement(staff.acc, TODAY, kind="commitment", valid_until=TODAY + timedelta(days=365))
    register.record_agreement(staff.officer, TODAY - timedelta(days=400))  # before the period: not listed
    register.record_training(TODAY, "个人信息保护法要点", "外聘律师", [staff.acc, staff.officer])
    report = ComplianceReportService(staff.partner)
    zh = squash(pdf_text(report.render(TODAY - timedelta(days=30), TODAY)[0]))
    for needle in ("八、员工保密协议", "保密承诺书", "九、员工培训", "个人信息保护法要点", "外聘律师", "待办事项",
                   "没有有效保密协议的员工"):  # fmt: skip
        assert needle in zh, needle
    assert zh.count("保密协议（本期间签署）") == 1
    data = report.data(TODAY - timedelta(days=30), TODAY, "en")
    section = next(s for s in data.sections if s.key == "staff_agreements")
    assert [r[1:] for r in section.rows] == [("Confidentiality commitment", TODAY.isoformat(),
                                              (TODAY + timedelta(days=365)).isoformat())]  # fmt: skip
    training = next(s for s in data.sections if s.key == "training")
    assert training.rows == ((TODAY.isoformat(), "个人信息保护法要点", "外聘律师", "2"),)
    assert dict(data.open_items)["Staff without a confidentiality agreement in force"] == "1"  # the assistant
