"""Agreements with recipients and processors (PIPL Arts 21, 23); disclosures naming a recipient of the list."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from clientvault.core.errors import AccessDenied, InvalidState, NotFound, ValidationError
from clientvault.services.audit import AuditFilter
from clientvault.services.context import Vault
from clientvault.services.disclosures import DisclosureService
from clientvault.services.entrustments import EndHandling
from clientvault.services.recipient_agreements import AgreementKind, RecipientAgreement, RecipientAgreementService
from tests.fixtures.planted import Planted

TODAY = date(2026, 3, 31)
TAX_AUTHORITY, SOCIAL_INSURANCE_AGENCY, PAYING_BANK = 1, 3, 5  # seeded recipients (migration 0018)


def svc(vault: Vault) -> RecipientAgreementService:
    return RecipientAgreementService(vault, today=lambda: TODAY)


def _record(vault: Vault, recipient_id: int | None = PAYING_BANK, **kw: Any) -> RecipientAgreement:
    args: dict[str, Any] = {
        "kind": AgreementKind.PROVISION,
        "scope": "代发工资：每月报送工资发放清单",
        "purposes": ["payroll_social_insurance"],
        "categories": ["identity", "bank", "salary"],
        "security_duties": "仅用于代发工资；加密传输；不得转委托；发生泄露二十四小时内通知本公司。",
        "signed_on": date(2026, 1, 10),
        "ends_on": date(2027, 1, 9),
        "end_handling": EndHandling.DELETE,
        **kw,
    }
    return svc(vault).record(recipient_id, **args)


def test_managers_record_accountants_read(logins: dict[str, Vault]) -> None:
    a = _record(logins["priv"])
    assert a.number == "RA-00001" and a.recipient_id == PAYING_BANK and a.state == "open"
    assert a.recipient_name("en") == "the paying bank (the client's bank)" and a.in_force(TODAY)
    assert [x.id for x in svc(logins["acc"]).entries()] == [a.id]
    assert svc(logins["boss"]).entries(recipient_id=TAX_AUTHORITY) == []
    with pytest.raises(AccessDenied):
        _record(logins["acc"])
    with pytest.raises(AccessDenied):
        svc(logins["asst"]).entries()


def test_an_agreement_without_a_recipient_is_refused(logins: dict[str, Vault]) -> None:
    with pytest.raises(ValidationError) as bad:
        _record(logins["boss"], None, security_duties="", kind="friendship", categories=["salary", "horoscope"])
    assert bad.value.errors == {
        "recipient_id": "required", "security_duties": "required", "kind": "unknown", "categories": "unknown",
    }  # fmt: skip
    with pytest.raises(NotFound):
        _record(logins["boss"], 999)
    with pytest.raises(ValidationError) as bad:  # the tax-filing purpose does not process salaries
        _record(logins["boss"], TAX_AUTHORITY, purposes=["tax_filing"])
    assert bad.value.errors == {"categories": "not_in_purpose"}
    assert svc(logins["boss"]).entries() == []


def test_end_and_confirm_the_deletion(logins: dict[str, Vault]) -> None:
    a = _record(logins["boss"], SOCIAL_INSURANCE_AGENCY, kind=AgreementKind.ENTRUSTED, categories=["social_insurance"])
    with pytest.raises(InvalidState):
        svc(logins["priv"]).confirm_end(a.id, "对方书面确认已删除")
    with pytest.raises(AccessDenied):
        svc(logins["acc"]).end(a.id)
    svc(logins["priv"]).end(a.id, date(2026, 3, 15))
    closed = svc(logins["priv"]).confirm_end(a.id, "对方2026-03-20出具删除证明")
    assert closed.state == "closed" and not closed.in_force(TODAY)
    actions = sorted(e.action for e in logins["boss"].audit.page(AuditFilter(action_prefix="recipient_agreement.")))
    assert actions == ["recipient_agreement.confirm_end", "recipient_agreement.end", "recipient_agreement.record"]


def test_disclosure_names_a_recipient_the_purpose_notice_names(new_vault: Vault, planted: Planted) -> None:
    disclosures = DisclosureService(new_vault, today=lambda: TODAY)
    d = disclosures.record(planted.client_id, "", "tax_filing", ["identity"], recipient_id=TAX_AUTHORITY)
    assert d.recipient == "主管税务机关" and d.recipient_id == TAX_AUTHORITY
    with pytest.raises(InvalidState) as refused:  # the tax-filing notice does not name the bank (Art 23)
        disclosures.record(planted.client_id, "", "tax_filing", ["identity"], recipient_id=PAYING_BANK)
    assert refused.value.code == "disclosure_recipient_not_in_notice"
    with pytest.raises(NotFound):
        disclosures.record(planted.client_id, "", "tax_filing", ["identity"], recipient_id=999)
    with pytest.raises(InvalidState) as refused:  # a consent purpose without consent: refused with the reason
        disclosures.record(planted.client_id, "", "bank_services", ["identity"], recipient_id=PAYING_BANK)
    assert refused.value.code == "disclosure_without_consent"
    assert [e.id for e in disclosures.entries()] == [d.id]
