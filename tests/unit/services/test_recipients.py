"""The recipients list (PIPL Art 23): seeded rows, add/update/get, links to purposes, roles, audit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from clientvault.core.errors import AccessDenied, NotFound, ValidationError, VersionConflict
from clientvault.core.records import DataCategory
from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter, AuditService
from clientvault.services.consent import ConsentService
from clientvault.services.context import Vault
from clientvault.services.purposes import PurposeInput, PurposeService
from clientvault.services.recipients import RecipientInput, RecipientService
from clientvault.services.vault import VaultService
from tests.conftest import STAFF_PASSWORD

AUDITOR = RecipientInput(
    name_zh="杭州审计服务有限公司",
    name_en="Hangzhou Audit Services Co., Ltd.",
    contact="0571-8888 0000，audit@example.cn",
    purpose_zh="年度审计",
    purpose_en="annual audit",
    method_zh="加密电子邮件",
    method_en="encrypted e-mail",
    categories=frozenset({DataCategory.IDENTITY, DataCategory.BANK}),
    purposes=("bank_services",),
)


def test_seeded_recipients_name_contact_purpose_method_and_categories(new_vault: Vault) -> None:
    service = RecipientService(new_vault)
    rows = service.list()
    assert [r.name_zh for r in rows][:2] == ["主管税务机关", "市场监督管理部门"]
    for r in rows:
        assert r.contact and r.purpose_zh and r.purpose_en and r.method_zh and r.method_en and r.categories
    # Every purpose that provides data to third parties names recipients from the list.
    for p in PurposeService(new_vault).catalogue():
        if p.third_party:
            assert service.for_purpose(p.code), p.code
    assert {r.name_zh for r in service.for_purpose("bank_services")} == {"代发工资银行（客户开户行）"}


def test_add_links_purposes_and_saves_their_next_version(new_vault: Vault) -> None:
    service = RecipientService(new_vault)
    before = PurposeService(new_vault).get("bank_services")
    added = service.add(AUDITOR)
    assert service.get(added.id) == added
    assert added.purposes == ("bank_services",) and added.version == 1
    after = PurposeService(new_vault).get("bank_services")
    assert after.version == before.version + 1
    assert "杭州审计服务有限公司" in after.recipients_zh and "Hangzhou Audit" in after.recipients_en
    assert after.notice_hash != before.notice_hash  # consents for the old notice are asked again
    assert [r.id for r in service.for_purpose("bank_services")][-1] == added.id
    events = AuditService(new_vault).page(AuditFilter(action_prefix="recipient."))
    assert [(e.action, e.object) for e in events] == [("recipient.add", f"recipient:{added.id}")]


def test_update_checks_version_and_unlinks(new_vault: Vault) -> None:
    service = RecipientService(new_vault)
    added = service.add(AUDITOR)
    changed = service.update(
        added.id, replace(AUDITOR, contact="0571-0000 1111", purposes=()), expected_version=added.version
    )
    assert changed.contact == "0571-0000 1111" and changed.version == 2 and changed.purposes == ()
    assert added.id not in [r.id for r in service.for_purpose("bank_services")]
    with pytest.raises(VersionConflict):
        service.update(added.id, AUDITOR, expected_version=1)
    with pytest.raises(NotFound):
        service.get(9999)


def test_every_field_is_required_and_purposes_must_exist(new_vault: Vault) -> None:
    service = RecipientService(new_vault)
    with pytest.raises(ValidationError) as err:
        service.add(replace(AUDITOR, contact=" ", method_en="", categories=frozenset()))
    assert err.value.errors == {"contact": "required", "method_en": "required", "categories": "required"}
    with pytest.raises(ValidationError) as err:
        service.add(replace(AUDITOR, purposes=("no_such_purpose",)))
    assert err.value.errors == {"purposes": "unknown"}
    assert "杭州审计服务有限公司" not in [r.name_zh for r in service.list(include_inactive=True)]


def test_a_third_party_purpose_keeps_at_least_one_recipient(new_vault: Vault) -> None:
    service = RecipientService(new_vault)
    bank = service.for_purpose("bank_services")[0]
    with pytest.raises(ValidationError):
        # the paying bank also serves payroll; unlinking it from bank services leaves that purpose empty
        service.update(
            bank.id,
            replace(RecipientInput.from_recipient(service.get(bank.id)), purposes=()),
            expected_version=bank.version,
        )
    assert bank.id in [r.id for r in service.for_purpose("bank_services")]


def test_only_partner_and_privacy_officer_edit_everyone_reads(
    new_vault: Vault, fast_vaults: VaultService, add_staff: Callable[..., int]
) -> None:
    add_staff("acc", Role.ACCOUNTANT)
    add_staff("priv", Role.PRIVACY_OFFICER)
    acc = fast_vaults.unlock(new_vault.paths.folder, "acc", STAFF_PASSWORD)
    priv = fast_vaults.unlock(new_vault.paths.folder, "priv", STAFF_PASSWORD)
    try:
        assert RecipientService(acc).list()
        with pytest.raises(AccessDenied):
            RecipientService(acc).add(AUDITOR)
        assert RecipientService(priv).add(AUDITOR).id
        assert ConsentService(acc).notice_details() is not None
    finally:
        acc.lock()
        priv.lock()


def test_save_purpose_names_its_recipients_from_the_list(new_vault: Vault) -> None:
    service = RecipientService(new_vault)
    purposes = PurposeService(new_vault)
    bank = purposes.get("bank_services")
    data = replace(PurposeInput.from_purpose(bank), recipients_zh="随便写的", recipients_en="free text")
    with pytest.raises(ValidationError) as refused:  # a third-party purpose needs a recipient from the list
        service.save_purpose("bank_services", data, (), expected_version=bank.version)
    assert refused.value.errors == {"recipients": "required"}
    with pytest.raises(ValidationError):
        service.save_purpose("bank_services", data, (999,), expected_version=bank.version)
    tax = service.for_purpose("tax_filing")[0]
    paying = service.for_purpose("bank_services")[0]
    saved = service.save_purpose("bank_services", data, (paying.id, tax.id), expected_version=bank.version)
    assert saved.version == bank.version + 1
    assert saved.recipients_zh == f"{paying.name_zh}、{tax.name_zh}"  # the typed text is replaced by the list
    assert [r.id for r in service.for_purpose("bank_services")] == [paying.id, tax.id]
    again = service.save_purpose("bank_services", data, (paying.id, tax.id), expected_version=saved.version)
    assert again.version == saved.version  # nothing changed: no new version


def test_saving_a_seeded_purpose_unchanged_asks_nobody_again(new_vault: Vault) -> None:
    # The seeded purposes' recipients text is the list's names (migration 0024), so saving one
    # unchanged through the list keeps its version and its notice hash: no consent is asked again.
    service = RecipientService(new_vault)
    purposes = PurposeService(new_vault)
    for purpose in purposes.catalogue():
        named = service.for_purpose(purpose.code)
        if not named:
            continue
        assert purpose.recipients_zh == "、".join(r.name_zh for r in named), purpose.code
        saved = service.save_purpose(
            purpose.code,
            PurposeInput.from_purpose(purpose),
            tuple(r.id for r in named),
            expected_version=purpose.version,
        )
        assert (saved.version, saved.notice_hash) == (purpose.version, purpose.notice_hash), purpose.code
