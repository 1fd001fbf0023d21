"""Individuals' requests register: due dates over the holiday calendar, roles, refusals, hand-overs, answers."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from clientvault.core.errors import AccessDenied, InvalidState, NotFound, ValidationError
from clientvault.core.roles import Role
from clientvault.core.workdays import parse_calendar
from clientvault.services.audit import AuditFilter, AuditService
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.services.exports import ExportKind, ExportService, RegisterFilter
from clientvault.services.locking import LockService
from clientvault.services.subject_requests import (
    RequestFilter,
    RequestKind,
    RequestStatus,
    SubjectRequestService,
    shipped_calendar,
)
from clientvault.services.vault import VaultService
from tests.conftest import STAFF_PASSWORD
from tests.fixtures.erasing import OVERRIDE, WITNESS
from tests.fixtures.planted import ID_NUMBER, PERSON, Planted, other_client, plant
from tests.unit.documents.pdfcheck import assert_fonts_embedded, pdf_text, squash

TODAY = date(2026, 3, 2)  # a Monday


@pytest.fixture
def planted(new_vault: Vault, add_staff: Callable[..., int]) -> Planted:
    acc = add_staff("acc", Role.ACCOUNTANT)
    add_staff("acc2", Role.ACCOUNTANT)
    add_staff("asst", Role.ASSISTANT)
    add_staff("priv", Role.PRIVACY_OFFICER)
    return plant(new_vault, accountant_ids=[acc])


@pytest.fixture
def logins(new_vault: Vault, fast_vaults: VaultService, planted: Planted) -> Iterator[dict[str, Vault]]:
    opened = {n: fast_vaults.unlock(new_vault.paths.folder, n, STAFF_PASSWORD) for n in ("acc", "acc2", "asst", "priv")}
    yield {"boss": new_vault, **opened}
    for v in opened.values():
        v.lock()


def svc(vault: Vault, today: date = TODAY) -> SubjectRequestService:
    return SubjectRequestService(vault, today=lambda: today)


def intake(vault: Vault, planted: Planted, kind: RequestKind = RequestKind.ACCESS, *, ok: bool = True,
           received: date = TODAY) -> int:  # fmt: skip
    entry = svc(vault).record(
        planted.client_id, planted.person_id, kind, identity_method="id_in_person", identity_ok=ok,
        received_on=received,
    )  # fmt: skip
    return entry.id


def test_shipped_calendar_holds_2025_to_2027_with_working_weekends() -> None:
    cal = shipped_calendar()
    assert cal.years == (2025, 2026, 2027)
    assert cal.is_working_day(date(2026, 2, 14))  # a Saturday, 调休上班 before the Spring Festival
    assert not cal.is_working_day(date(2026, 2, 16))  # a Monday inside the Spring Festival
    assert not cal.is_working_day(date(2026, 3, 7))  # an ordinary Saturday


def test_due_date_over_a_weekend(new_vault: Vault) -> None:
    # Received Monday 2 March 2026: 15 working days skip three weekends -> Monday 23 March.
    assert svc(new_vault).due_date(date(2026, 3, 2)) == date(2026, 3, 23)
    # Received on a Friday: the count starts on Monday.
    assert svc(new_vault).due_date(date(2026, 3, 6), 1) == date(2026, 3, 9)


def test_due_date_over_public_holidays_and_a_working_weekend(new_vault: Vault) -> None:
    # Received Thursday 30 Sep 2025 (the working Sunday 28 Sep counted before): 1-8 Oct are
    # holidays and Saturday 11 Oct is a working day.
    service = svc(new_vault)
    assert service.due_date(date(2025, 9, 30), 1) == date(2025, 10, 9)
    assert service.due_date(date(2025, 9, 30), 3) == date(2025, 10, 11)  # the 调休 Saturday counts
    # Spring Festival 2026: received Friday 13 Feb; Sat 14 Feb works, 15-23 Feb rest.
    assert service.due_date(date(2026, 2, 13), 2) == date(2026, 2, 24)


def test_the_firm_loads_its_own_calendar_and_bad_ones_are_refused(new_vault: Vault, logins: dict[str, Vault]) -> None:
    doc = {"format": 1, "years": {"2026": {"holidays": ["2026-03-03"], "workdays": []}}}
    service = svc(new_vault)
    before = service.due_date(date(2026, 3, 2), 1)
    service.set_calendar(json.dumps(doc))
    assert before == date(2026, 3, 3) and service.due_date(date(2026, 3, 2), 1) == date(2026, 3, 4)
    with pytest.raises(ValidationError) as bad:
        service.set_calendar('{"format": 1, "years": {"2026": {"workdays": ["2026-03-04"]}}}')  # a Wednesday
    assert bad.value.errors == {"calendar": "conflict"}
    with pytest.raises(ValidationError):
        service.set_calendar("not json")
    with pytest.raises(AccessDenied):
        svc(logins["acc"]).set_calendar(json.dumps(doc))
    assert parse_calendar(service.calendar().to_json()).holidays == {date(2026, 3, 3)}


def test_intake_roles_and_visibility(logins: dict[str, Vault], planted: Planted) -> None:
    by_asst = intake(logins["asst"], planted)
    by_acc = intake(logins["acc"], planted, RequestKind.CORRECTION)
    entry = svc(logins["boss"]).get(by_asst)
    assert entry.due_on == "2026-03-23" and entry.status is RequestStatus.OPEN and entry.person_name == PERSON
    assert {e.id for e in svc(logins["priv"]).entries()} == {by_asst, by_acc}
    assert {e.id for e in svc(logins["acc"]).entries()} == {by_asst, by_acc}  # own client's entries
    assert svc(logins["acc2"]).entries() == []  # not their client
    assert [e.id for e in svc(logins["asst"]).entries()] == [by_asst]  # only what they recorded
    with pytest.raises(NotFound):
        svc(logins["acc2"]).get(by_acc)
    with pytest.raises(AccessDenied):  # assistants record intake only
        svc(logins["asst"]).refuse(by_asst, "不是本人")
    with pytest.raises(AccessDenied):
        svc(logins["acc"]).complete(by_acc, "已更正")
    with pytest.raises(NotFound):  # an accountant cannot record for a client that is not theirs
        intake(logins["acc2"], planted)


def test_request_for_a_person_not_in_the_vault(new_vault: Vault, planted: Planted) -> None:
    other = other_client(new_vault)
    service = svc(new_vault)
    with pytest.raises(NotFound):
        service.record(planted.client_id, 99_999, RequestKind.ACCESS, identity_method="id_in_person", identity_ok=True)
    with pytest.raises(NotFound):  # a person of another client
        service.record(other, planted.person_id, RequestKind.ACCESS, identity_method="id_in_person", identity_ok=True)
    with pytest.raises(NotFound):
        service.record(99_999, None, RequestKind.ACCESS, identity_method="id_in_person", identity_ok=True)
    with pytest.raises(ValidationError) as bad:
        service.record(planted.client_id, planted.person_id, RequestKind.ACCESS, identity_method="", identity_ok=True)
    assert bad.value.errors == {"identity_method": "required"}
    with pytest.raises(ValidationError):
        service.record(
            planted.client_id, planted.person_id, RequestKind.ACCESS, identity_method="id_in_person",
            identity_ok=True, received_on=date(2026, 3, 3),
        )  # fmt: skip
    assert service.entries(RequestFilter.ALL) == []


def test_failed_identity_check_can_only_be_refused_with_a_reason(new_vault: Vault, planted: Planted) -> None:
    rid = intake(new_vault, planted, ok=False)
    service = svc(new_vault)
    with pytest.raises(InvalidState) as state:
        service.complete(rid, "已答复")
    assert state.value.code == "identity_not_verified"
    with pytest.raises(InvalidState):
        service.answer_pdf(rid)
    with pytest.raises(ValidationError):  # PIPL Art 50: a refusal needs its reason
        service.refuse(rid, "  ")
    done = service.refuse(rid, "身份核验未通过，请携带身份证件到本所办理")
    assert done.status is RequestStatus.REFUSED and not done.is_open
    with pytest.raises(InvalidState):
        service.refuse(rid, "again")
    events = AuditService(new_vault).page(AuditFilter(action_prefix="request.refuse"))
    assert len(events) == 1 and "身份" not in repr(events)


def test_extension_and_overdue_filters(new_vault: Vault, planted: Planted) -> None:
    rid = intake(new_vault, planted, received=date(2026, 2, 2))  # due 2026-02-27? (Spring Festival inside)
    entry = svc(new_vault).get(rid)
    late = date.fromisoformat(entry.due_on)
    assert [e.id for e in svc(new_vault, TODAY).entries(RequestFilter.OVERDUE)] == [rid]
    with pytest.raises(ValidationError):
        svc(new_vault).extend(rid, 10, "")
    extended = svc(new_vault).extend(rid, 15, "需向税务机关调取资料")
    assert extended.extended_to > entry.due_on and extended.effective_due == extended.extended_to
    assert svc(new_vault, TODAY).entries(RequestFilter.OVERDUE) == []
    assert late > date(2026, 2, 23)  # the Spring Festival week is not counted


def test_sealed_record_entry_only_the_partner_sees(logins: dict[str, Vault], planted: Planted) -> None:
    rid = intake(logins["boss"], planted)
    LockService(logins["boss"]).lock(planted.client_id, "服务终止")
    assert [e.id for e in svc(logins["boss"]).entries()] == [rid]
    entry = svc(logins["boss"]).get(rid)
    assert entry.client_status == "locked" and entry.client_name == ""
    for name in ("priv", "acc", "asst"):
        assert svc(logins[name]).entries(RequestFilter.ALL) == []
        with pytest.raises(NotFound):
            svc(logins[name]).get(rid)
    with pytest.raises(NotFound):  # nobody but the partner can file a new one against it
        intake(logins["priv"], planted)


def test_access_answer_pdf_and_workbook_go_to_the_export_register(
    logins: dict[str, Vault], planted: Planted, tmp_path: Path
) -> None:
    rid = intake(logins["asst"], planted, RequestKind.COPY)
    priv = svc(logins["priv"])
    pdf = priv.answer_pdf(rid)
    text = squash(pdf_text(pdf))
    assert_fonts_embedded(pdf)
    for needle in ("个人信息查阅、复制答复", PERSON, "银行账户", "身份证件号码", "处理目的"):
        assert needle in text
    assert ID_NUMBER not in text and ID_NUMBER[-4:] in text
    en = squash(pdf_text(priv.answer_pdf(rid, "en")))
    assert "Answertoarequesttoaccessorcopy" in en and "Lawfulbasis" in en
    saved = priv.save_answer(rid, tmp_path / "answer.pdf", tmp_path / "answer.xlsx")
    assert [e.kind for e in saved] == [ExportKind.REQUEST_COPY] * 2
    wb = openpyxl.load_workbook(tmp_path / "answer.xlsx")
    values = [c.value for row in wb["个人信息"].iter_rows() for c in row]
    assert PERSON in values and ID_NUMBER not in values
    register = ExportService(logins["boss"]).register(status=RegisterFilter.ALL)
    assert {e.id for e in saved} <= {e.id for e in register}
    done = priv.complete(rid, "已寄送副本")
    assert done.status is RequestStatus.DONE
    with pytest.raises(AccessDenied):
        svc(logins["acc"]).answer_pdf(rid)


def test_deletion_hands_over_to_erasure_and_closes_when_executed(logins: dict[str, Vault], planted: Planted) -> None:
    rid = intake(logins["asst"], planted, RequestKind.DELETION)
    service = svc(logins["priv"])
    with pytest.raises(InvalidState) as state:
        service.complete(rid, "done")
    assert state.value.code == "request_needs_handover"
    handed = service.hand_over(rid)
    assert handed.status is RequestStatus.HANDED_OVER and handed.erasure_request
    assert service.sync() == 0
    erasure = ErasureService(logins["boss"])
    erasure.override(handed.erasure_request, OVERRIDE)  # an active client: its retention period runs
    erasure.appraise(planted.client_id)
    erasure.approve(handed.erasure_request)
    ErasureService(logins["priv"]).execute(handed.erasure_request, witness=WITNESS)
    assert svc(logins["boss"]).sync() == 1
    done = svc(logins["boss"]).get(rid)
    assert done.status is RequestStatus.DONE and done.outcome == "erasure_executed" and done.client_name == ""
    assert not done.is_open


def test_withdrawal_goes_through_the_consent_workflow(new_vault: Vault, planted: Planted) -> None:
    rid = intake(new_vault, planted, RequestKind.WITHDRAWAL)
    service = svc(new_vault)
    with pytest.raises(ValidationError):
        service.hand_over(rid)
    with pytest.raises(InvalidState):  # nothing consented to that purpose: the consent service says so
        service.hand_over(rid, purpose_code="marketing")
    assert service.get(rid).is_open
    with pytest.raises(InvalidState):
        service.hand_over(intake(new_vault, planted, RequestKind.ACCESS))
