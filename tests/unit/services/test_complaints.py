"""Complaints register: logging by every role, visibility, resolution with feedback, counts per category and month."""

from __future__ import annotations

from datetime import date

import pytest

from clientvault.core.errors import AccessDenied, InvalidState, NotFound, ValidationError
from clientvault.services.complaints import ComplaintCategory, ComplaintService
from clientvault.services.context import Vault
from clientvault.services.locking import LockService
from tests.fixtures.planted import PERSON, Planted, other_client
from tests.fixtures.registers import FOUR

TODAY = date(2026, 3, 31)


@pytest.fixture
def register_staff() -> tuple[str, ...]:
    return FOUR


def svc(vault: Vault) -> ComplaintService:
    return ComplaintService(vault, today=lambda: TODAY)


def test_every_role_logs_and_sees_its_share(logins: dict[str, Vault], planted: Planted) -> None:
    about = svc(logins["asst"]).record(
        ComplaintCategory.USE, "客户称收到推销短信", channel="phone", client_id=planted.client_id,
        person_id=planted.person_id, received_on=date(2026, 3, 2),
    )  # fmt: skip
    anon = svc(logins["priv"]).record(ComplaintCategory.SECURITY, "来访者称前台可见电脑屏幕", channel="in_person")
    assert about.person_name == PERSON and about.number == "CP-00001" and about.status == "open"
    assert {c.id for c in svc(logins["boss"]).entries()} == {about.id, anon.id}
    assert {c.id for c in svc(logins["priv"]).entries()} == {about.id, anon.id}
    assert [c.id for c in svc(logins["acc"]).entries()] == [about.id]  # own client's
    assert svc(logins["acc2"]).entries() == []
    assert [c.id for c in svc(logins["asst"]).entries()] == [about.id]  # what they logged
    with pytest.raises(AccessDenied):
        svc(logins["asst"]).resolve(about.id, "已处理", feedback_given=True)
    with pytest.raises(AccessDenied):
        svc(logins["acc"]).resolve(about.id, "已处理", feedback_given=True)
    # Handing a complaint to an accountant lets them see it.
    acc2 = logins["acc2"].session.user_id
    svc(logins["priv"]).assign(anon.id, acc2)
    assert [c.id for c in svc(logins["acc2"]).entries()] == [anon.id]


def test_bad_input_is_refused_and_nothing_is_logged(new_vault: Vault, planted: Planted) -> None:
    service = svc(new_vault)
    with pytest.raises(ValidationError) as bad:
        service.record(ComplaintCategory.OTHER, "  ", channel="fax")
    assert bad.value.errors == {"summary": "required", "channel": "unknown"}
    with pytest.raises(NotFound):
        service.record(ComplaintCategory.OTHER, "x", client_id=99_999)
    with pytest.raises(NotFound):  # a person of another client
        service.record(ComplaintCategory.OTHER, "x", client_id=other_client(new_vault), person_id=planted.person_id)
    with pytest.raises(ValidationError):
        service.record(ComplaintCategory.OTHER, "x", received_on=date(2026, 4, 1))
    assert service.entries(open_only=False) == []


def test_resolution_needs_text_and_records_feedback(new_vault: Vault, planted: Planted) -> None:
    c = svc(new_vault).record(ComplaintCategory.RIGHTS, "查阅请求超期未答复", client_id=planted.client_id)
    with pytest.raises(ValidationError):
        svc(new_vault).resolve(c.id, "", feedback_given=True)
    done = svc(new_vault).resolve(c.id, "已答复并致歉", feedback_given=True)
    assert done.status == "resolved" and done.feedback_given and done.resolved_on == TODAY.isoformat()
    assert done.handler_id == new_vault.session.user_id
    with pytest.raises(InvalidState):
        svc(new_vault).resolve(c.id, "again", feedback_given=False)
    assert svc(new_vault).entries() == [] and len(svc(new_vault).entries(open_only=False)) == 1


def test_counts_per_category_and_month(new_vault: Vault, planted: Planted) -> None:
    service = svc(new_vault)
    for day, cat in (
        (date(2026, 1, 5), ComplaintCategory.USE),
        (date(2026, 1, 20), ComplaintCategory.USE),
        (date(2026, 2, 3), ComplaintCategory.USE),
        (date(2026, 2, 4), ComplaintCategory.SECURITY),
    ):
        service.record(cat, "投诉", received_on=day)  # fmt: skip
    assert service.counts(date(2026, 1, 1), date(2026, 3, 31)) == {
        ("use", "2026-01"): 2,
        ("use", "2026-02"): 1,
        ("security", "2026-02"): 1,
    }
    assert service.counts(date(2026, 2, 1), date(2026, 2, 3)) == {("use", "2026-02"): 1}


def test_sealed_record_complaint_only_the_partner_sees(logins: dict[str, Vault], planted: Planted) -> None:
    c = svc(logins["asst"]).record(ComplaintCategory.RETENTION, "要求删除", client_id=planted.client_id)
    LockService(logins["boss"]).lock(planted.client_id, "服务终止")
    assert [e.id for e in svc(logins["boss"]).entries()] == [c.id]
    assert svc(logins["boss"]).get(c.id).client_name == ""
    for name in ("priv", "acc", "asst"):
        assert svc(logins[name]).entries(open_only=False) == []
        assert svc(logins[name]).counts(date(2026, 1, 1), TODAY) == {}


def test_erasure_blanks_what_staff_typed_about_the_client(new_vault: Vault, planted: Planted) -> None:
    from tests.fixtures.erasing import destroy

    c = svc(new_vault).record(ComplaintCategory.USE, f"{PERSON}投诉推销短信", client_id=planted.client_id)
    svc(new_vault).resolve(c.id, f"已向{PERSON}致歉", feedback_given=True)
    destroy(new_vault, planted.client_id)
    after = svc(new_vault).get(c.id)
    assert after.summary == "(erased)" and after.resolution == "(erased)" and after.category is ComplaintCategory.USE
    assert after.client_name == "" and after.feedback_given
