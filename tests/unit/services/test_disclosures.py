"""Sharing log (PIPL Arts 21, 23): disclosures checked against the purpose and the consents in force."""

from __future__ import annotations

import pytest

from clientvault.core.errors import AccessDenied, InvalidState, NotFound, ValidationError
from clientvault.services.audit import AuditFilter, AuditService
from clientvault.services.consent import ConsentScope, ConsentService
from clientvault.services.context import Vault
from clientvault.services.disclosures import DisclosureService
from clientvault.services.locking import LockService
from tests.fixtures.planted import Planted


def test_legal_obligation_needs_no_consent(logins: dict[str, Vault], planted: Planted) -> None:
    d = DisclosureService(logins["acc"]).record(
        planted.client_id,
        "国家税务总局某区税务局",
        "tax_filing",
        ["identity", "id_document"],
        person_id=planted.person_id,
    )
    assert d.basis == "legal_obligation" and d.categories == ("id_document", "identity")
    assert [e.id for e in DisclosureService(logins["priv"]).entries()] == [d.id]
    with pytest.raises(AccessDenied):
        DisclosureService(logins["asst"]).entries()


def test_disclosure_without_consent_is_refused_with_the_reason(new_vault: Vault, planted: Planted) -> None:
    service = DisclosureService(new_vault)
    with pytest.raises(InvalidState) as refused:
        service.record(planted.client_id, "某银行", "bank_services", ["identity"], person_id=planted.person_id)
    assert refused.value.code == "disclosure_without_consent"
    consent = ConsentService(new_vault)
    consent.record_in_person(planted.client_id, "bank_services", [ConsentScope.PURPOSE], person_id=planted.person_id)
    with pytest.raises(InvalidState) as refused:  # sensitive data without the separate consent (Art 29)
        service.record(planted.client_id, "某银行", "bank_services", ["bank"], person_id=planted.person_id)
    assert refused.value.code == "disclosure_without_sensitive_consent"
    with pytest.raises(InvalidState) as refused:  # to a third party without the separate consent (Art 23)
        service.record(planted.client_id, "某银行", "bank_services", ["identity"], person_id=planted.person_id)
    assert refused.value.code == "disclosure_without_third_party_consent"
    consent.record_in_person(
        planted.client_id, "bank_services", [ConsentScope.THIRD_PARTY, ConsentScope.SENSITIVE],
        person_id=planted.person_id,
    )  # fmt: skip
    ok = service.record(planted.client_id, "某银行", "bank_services", ["identity", "bank"], person_id=planted.person_id)
    assert ok.basis == "consent"
    refusals = AuditService(new_vault).page(AuditFilter(action_prefix="disclosure.record"))
    assert sorted(e.outcome for e in refusals) == [
        "ok", "refused_without_consent", "refused_without_sensitive_consent", "refused_without_third_party_consent",
    ]  # fmt: skip
    assert [e.id for e in service.entries()] == [ok.id]


def test_bad_input(new_vault: Vault, planted: Planted, logins: dict[str, Vault]) -> None:
    service = DisclosureService(new_vault)
    with pytest.raises(InvalidState) as refused:  # minimisation: the purpose does not cover bank accounts
        service.record(planted.client_id, "市场监督管理局", "annual_report", ["bank"])
    assert refused.value.code == "disclosure_not_in_purpose"
    with pytest.raises(ValidationError):
        service.record(planted.client_id, " ", "tax_filing", ["identity"])
    with pytest.raises(ValidationError):
        service.record(planted.client_id, "x", "tax_filing", [])
    with pytest.raises(NotFound):
        service.record(99_999, "x", "tax_filing", ["identity"])
    LockService(new_vault).lock(planted.client_id, "服务终止")
    with pytest.raises(NotFound):  # a sealed record: the partner only
        DisclosureService(logins["priv"]).record(planted.client_id, "x", "tax_filing", ["identity"])
    assert service.entries() == []
