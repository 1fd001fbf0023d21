"""PIPL Art 23: a recipient that changes the purpose or method of the provision (or the categories
provided) must obtain consent again. The notice hash of each purpose naming the recipient covers
them (``recipient_terms``), so the purpose's next version asks consents given for the old notice
again; a change of the recipient's contact is a correction and asks nobody."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clientvault.core.records import ClientInput, DataCategory, PersonInput, PersonRole
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentScope, ConsentService
from clientvault.services.context import Vault
from clientvault.services.purposes import PurposeInput, PurposeService
from clientvault.services.recipients import RecipientInput, RecipientService
from tests.unit.documents.pdfcheck import pdf_text, squash

CODE = "bank_services"  # consent, third party: names the payroll bank from the list


def _consented(vault: Vault) -> tuple[int, int]:
    # the seeded version names the bank generically (开户银行): saved once, it names the list's recipient
    seeded = PurposeService(vault).get(CODE)
    ids = tuple(r.id for r in RecipientService(vault).for_purpose(CODE))
    RecipientService(vault).save_purpose(CODE, PurposeInput.from_purpose(seeded), ids, expected_version=seeded.version)
    clients = ClientService(vault)
    cid = clients.create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
    pid = clients.add_person(cid, PersonInput(PersonRole.LEGAL_REP, "张三"))
    ConsentService(vault).record_in_person(cid, CODE, [ConsentScope.PURPOSE, ConsentScope.THIRD_PARTY], person_id=pid)
    return cid, pid


def _asked_again(vault: Vault, client_id: int) -> list[bool]:
    return [c.needs_reconsent for c in ConsentService(vault).consents(client_id) if c.purpose_code == CODE]


def _bank(vault: Vault) -> tuple[int, RecipientInput, int]:
    bank = RecipientService(vault).for_purpose(CODE)[0]
    full = RecipientService(vault).get(bank.id)
    return bank.id, RecipientInput.from_recipient(full), full.version


@pytest.mark.parametrize(
    "change",
    [
        {"purpose_zh": "代发工资并用于银行营销"},
        {"method_en": "upload to the bank's open platform"},
        {"categories": frozenset({DataCategory.IDENTITY, DataCategory.BANK, DataCategory.CONTACT})},
    ],
    ids=["purpose", "method", "categories"],
)
def test_a_recipients_new_purpose_method_or_categories_asks_again(new_vault: Vault, change: dict[str, object]) -> None:
    cid, _ = _consented(new_vault)
    assert _asked_again(new_vault, cid) == [False, False]
    before = PurposeService(new_vault).get(CODE)
    rid, data, version = _bank(new_vault)
    RecipientService(new_vault).update(rid, replace(data, **change), expected_version=version)  # type: ignore[arg-type]
    after = PurposeService(new_vault).get(CODE)
    assert after.version == before.version + 1 and after.notice_hash != before.notice_hash
    assert after.recipients_zh == before.recipients_zh  # same names: only what the recipient does changed
    assert _asked_again(new_vault, cid) == [True, True]


def test_a_recipients_new_contact_is_a_correction_and_asks_nobody(new_vault: Vault) -> None:
    cid, _ = _consented(new_vault)
    before = PurposeService(new_vault).get(CODE)
    rid, data, version = _bank(new_vault)
    RecipientService(new_vault).update(rid, replace(data, contact="0571-8765 4321"), expected_version=version)
    after = PurposeService(new_vault).get(CODE)
    assert (after.version, after.notice_hash) == (before.version, before.notice_hash)
    assert _asked_again(new_vault, cid) == [False, False]
    form = squash(pdf_text(ConsentService(new_vault).issue_form(cid).pdf))
    assert "0571-87654321" in form  # the next form prints the corrected contact


def test_the_new_method_is_printed_and_a_new_consent_is_not_asked_again(new_vault: Vault) -> None:
    cid, pid = _consented(new_vault)
    rid, data, version = _bank(new_vault)
    RecipientService(new_vault).update(rid, replace(data, method_zh="通过银行开放平台上传"), expected_version=version)
    assert "通过银行开放平台上传" in squash(pdf_text(ConsentService(new_vault).issue_form(cid).pdf))
    ConsentService(new_vault).record_in_person(
        cid, CODE, [ConsentScope.PURPOSE, ConsentScope.THIRD_PARTY], person_id=pid
    )
    latest = [c for c in ConsentService(new_vault).consents(cid) if c.purpose_code == CODE][:2]
    assert [c.needs_reconsent for c in latest] == [False, False]


def test_saving_the_purpose_with_the_same_recipients_keeps_its_notice(new_vault: Vault) -> None:
    """A version saved before recipient terms were recorded keeps its hash until something changes."""
    cid, _ = _consented(new_vault)
    before = PurposeService(new_vault).get(CODE)
    assert before.recipient_terms == ""  # saved from a version without terms (migration 0023 adds none)
    ids = tuple(r.id for r in RecipientService(new_vault).for_purpose(CODE))
    same = RecipientService(new_vault).save_purpose(
        CODE, PurposeInput.from_purpose(before), ids, expected_version=before.version
    )
    assert (same.version, same.notice_hash) == (before.version, before.notice_hash)
    assert _asked_again(new_vault, cid) == [False, False]
    rid, data, version = _bank(new_vault)
    RecipientService(new_vault).update(rid, replace(data, method_en="by courier"), expected_version=version)
    changed = PurposeService(new_vault).get(CODE)
    assert '"by courier"' in changed.recipient_terms and _asked_again(new_vault, cid) == [True, True]
    again = RecipientService(new_vault).save_purpose(
        CODE, replace(PurposeInput.from_purpose(changed), recipient_terms=""), ids, expected_version=changed.version
    )
    assert (again.version, again.notice_hash) == (changed.version, changed.notice_hash)  # the editor types no terms
