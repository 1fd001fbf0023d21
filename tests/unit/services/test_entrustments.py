"""Entrusted processing (PIPL Art 21): agreements with clients, roles, the end of an agreement, the sharing log."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from clientvault.core.errors import AccessDenied, InvalidState, NotFound, ValidationError
from clientvault.services.audit import AuditFilter
from clientvault.services.context import Vault
from clientvault.services.disclosures import DisclosureService
from clientvault.services.entrustments import EndHandling, Entrustment, EntrustmentService
from clientvault.services.locking import LockService
from tests.fixtures.planted import NAME, Planted, other_client
from tests.fixtures.registers import FOUR

TODAY = date(2026, 3, 31)
PAYROLL = "payroll_social_insurance"
EMPLOYEE_DATA = ["identity", "id_document", "salary", "income_tax", "social_insurance", "housing_fund"]


@pytest.fixture
def register_staff() -> tuple[str, ...]:
    return FOUR


def svc(vault: Vault) -> EntrustmentService:
    return EntrustmentService(vault, today=lambda: TODAY)


def _record(vault: Vault, client_id: int, **kw: Any) -> Entrustment:
    args: dict[str, Any] = {
        "scope": "全体员工的工资核算、个税代扣代缴、社保及公积金增减员",
        "purposes": [PAYROLL],
        "categories": EMPLOYEE_DATA,
        "signed_on": date(2026, 1, 5),
        "ends_on": date(2026, 12, 31),
        "end_handling": EndHandling.RETURN_AND_DELETE,
        **kw,
    }
    return svc(vault).record(client_id, **args)


def test_roles_record_and_see_their_share(logins: dict[str, Vault], planted: Planted) -> None:
    by_asst = _record(logins["asst"], planted.client_id)
    by_acc = _record(logins["acc"], planted.client_id, signed_on=date(2026, 2, 1))
    assert by_asst.number == "EA-00001" and by_asst.client_name == NAME
    assert by_asst.starts_on == "2026-01-05" and by_asst.state == "open"
    both = {by_asst.id, by_acc.id}
    assert {e.id for e in svc(logins["boss"]).entries()} == both
    assert {e.id for e in svc(logins["priv"]).entries()} == both
    assert {e.id for e in svc(logins["acc"]).entries(client_id=planted.client_id)} == both  # own client
    assert svc(logins["acc2"]).entries() == []  # not their client
    assert [e.id for e in svc(logins["asst"]).entries()] == [by_asst.id]
    with pytest.raises(NotFound):  # an accountant records for own clients only
        _record(logins["acc2"], planted.client_id)
    for name in ("asst", "acc"):
        with pytest.raises(AccessDenied):
            svc(logins[name]).end(by_asst.id)


def test_bad_input_is_refused_and_nothing_is_recorded(new_vault: Vault, planted: Planted) -> None:
    service = svc(new_vault)
    with pytest.raises(ValidationError) as bad:
        service.record(
            planted.client_id, scope=" ", purposes=[], categories=["salary", "horoscope"], signed_on=date(2026, 4, 1),
            end_handling="burn",
        )  # fmt: skip
    assert bad.value.errors == {
        "scope": "required", "purposes": "required", "categories": "unknown", "signed_on": "future",
        "end_handling": "unknown",
    }  # fmt: skip
    with pytest.raises(ValidationError) as bad:  # marketing does not process salaries (minimisation)
        _record(new_vault, planted.client_id, purposes=["marketing"])
    assert bad.value.errors == {"categories": "not_in_purpose"}
    with pytest.raises(ValidationError) as bad:
        _record(new_vault, planted.client_id, purposes=["no_such_purpose"], ends_on=date(2025, 12, 31))
    assert bad.value.errors == {"purposes": "unknown", "ends_on": "before_start"}
    with pytest.raises(NotFound):
        _record(new_vault, 99_999)
    assert service.entries() == []


def test_end_then_confirm_the_return_or_deletion(logins: dict[str, Vault], planted: Planted) -> None:
    e = _record(logins["asst"], planted.client_id)
    priv = svc(logins["priv"])
    with pytest.raises(InvalidState) as state:
        priv.confirm_end(e.id, "客户书面确认已删除")
    assert state.value.code == "entrustment_not_ended"
    with pytest.raises(ValidationError):
        priv.end(e.id, date(2025, 1, 1))  # before the start
    ended = priv.end(e.id, date(2026, 3, 1))
    assert ended.state == "ended" and not ended.in_force(date(2026, 3, 1)) and ended.in_force(date(2026, 2, 28))
    assert priv.awaiting_confirmation() == 1
    with pytest.raises(InvalidState):
        priv.end(e.id)
    with pytest.raises(ValidationError) as bad:
        priv.confirm_end(e.id, "")
    assert bad.value.errors == {"confirmation": "required"}
    closed = priv.confirm_end(e.id, "客户2026-03-05书面确认：电子档案已返还，本公司副本已删除")
    assert closed.state == "closed" and closed.end_confirmed_on == "2026-03-31"
    assert priv.awaiting_confirmation() == 0
    actions = [ev.action for ev in logins["boss"].audit.page(AuditFilter(action_prefix="entrustment."))]
    assert sorted(actions) == ["entrustment.confirm_end", "entrustment.end", "entrustment.record"]


def test_sealed_client_agreement_only_the_partner_sees(logins: dict[str, Vault], planted: Planted) -> None:
    e = _record(logins["asst"], planted.client_id)
    LockService(logins["boss"]).lock(planted.client_id, "服务终止")
    assert [x.id for x in svc(logins["boss"]).entries()] == [e.id]
    assert svc(logins["boss"]).get(e.id).client_name == ""
    for name in ("priv", "acc", "asst"):
        assert svc(logins[name]).entries() == []
        with pytest.raises(NotFound):
            svc(logins[name]).get(e.id)
    with pytest.raises(NotFound):  # a new entry for a sealed client: nobody but the partner
        _record(logins["priv"], planted.client_id)
    assert _record(logins["boss"], planted.client_id, signed_on=date(2026, 3, 1))


def test_sharing_employee_data_needs_an_agreement_in_force(new_vault: Vault, planted: Planted) -> None:
    disclosures = DisclosureService(new_vault, today=lambda: TODAY)
    with pytest.raises(InvalidState) as refused:
        disclosures.record(planted.client_id, "社会保险经办机构", PAYROLL, ["identity", "social_insurance"])
    assert refused.value.code == "disclosure_without_entrustment"
    with pytest.raises(InvalidState):  # the payroll purpose rests on the agreement even for identity data
        disclosures.record(planted.client_id, "代发银行", PAYROLL, ["identity"])
    other = other_client(new_vault)
    _record(new_vault, other)  # another client's agreement does not count
    with pytest.raises(InvalidState):
        disclosures.record(planted.client_id, "社会保险经办机构", PAYROLL, ["identity", "social_insurance"])
    _record(new_vault, planted.client_id, categories=["identity", "salary"])  # not social insurance
    with pytest.raises(InvalidState):
        disclosures.record(planted.client_id, "社会保险经办机构", PAYROLL, ["identity", "social_insurance"])
    _record(new_vault, planted.client_id)
    assert disclosures.record(planted.client_id, "代发银行", PAYROLL, ["identity"])
    logged = disclosures.record(planted.client_id, "社会保险经办机构", PAYROLL, ["identity", "social_insurance"])
    assert logged.basis == "contract"  # the agreement, not the employees' consent
    with pytest.raises(InvalidState):  # a date after the term
        DisclosureService(new_vault, today=lambda: date(2027, 1, 5)).record(
            planted.client_id, "社会保险经办机构", PAYROLL, ["social_insurance"]
        )
    refusals = new_vault.audit.page(AuditFilter(action_prefix="disclosure.record"))
    assert sum(e.outcome == "refused_without_entrustment" for e in refusals) == 5


def test_erasure_blanks_the_typed_scope(new_vault: Vault, planted: Planted) -> None:
    from tests.fixtures.erasing import destroy

    e = _record(new_vault, planted.client_id, scope=f"{NAME}全体员工工资")
    destroy(new_vault, planted.client_id)
    after = svc(new_vault).get(e.id)
    assert after.scope == "(erased)" and after.client_name == "" and after.categories
