"""The 告知同意书 as the services issue it: refused without the firm's contact (PIPL Art 17(1)(1)) or
without a listed recipient (Art 23); recipients, retention rules and the reply time come from the vault."""

from __future__ import annotations

from dataclasses import fields

import pytest

from clientvault.core.errors import NoticeIncomplete
from clientvault.core.records import ClientInput, DataCategory
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentService, NoticeDetails
from clientvault.services.context import Vault
from clientvault.services.notice import kept_after_end
from clientvault.services.retention import RetentionService
from clientvault.services.subject_requests import SubjectRequestService
from clientvault.storage.recipients import RecipientRepository
from clientvault.storage.retention import RetentionRepository
from tests.unit.documents.pdfcheck import pdf_text, squash


def _forms(vault: Vault) -> int:
    return int(vault.db.scalar("SELECT count(*) FROM consent_forms"))


def _client(vault: Vault) -> int:
    return ClientService(vault).create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))


@pytest.mark.parametrize("empty", ["address", "phone", "email", "privacy_contact"])
def test_an_empty_firm_contact_refuses_the_form(new_vault: Vault, empty: str) -> None:
    consent = ConsentService(new_vault)
    cid = _client(new_vault)
    details = consent.notice_details()
    consent.set_notice_details(
        NoticeDetails(**{**{f.name: getattr(details, f.name) for f in fields(details)}, empty: ""})
    )
    before = _forms(new_vault)
    for attempt in (
        lambda: consent.issue_form(cid),
        lambda: consent.issue_form(None, lang="en"),
        lambda: consent.preview_form(cid),
        lambda: consent.issue_forms([cid]),
    ):
        with pytest.raises(NoticeIncomplete) as refused:
            attempt()
        assert refused.value.missing == (empty,)
    assert _forms(new_vault) == before  # nothing recorded, no pending consent
    assert not new_vault.db.scalar("SELECT count(*) FROM consents WHERE client_id = ?", (cid,))


def test_all_missing_fields_are_named_in_order(new_vault: Vault) -> None:
    consent = ConsentService(new_vault)
    consent.set_notice_details(NoticeDetails(complaint_channel="投诉邮箱"))
    with pytest.raises(NoticeIncomplete) as refused:
        consent.issue_form(None)
    assert refused.value.missing == ("address", "phone", "email", "privacy_contact")
    consent.set_notice_details(
        NoticeDetails("杭州市文三路1号", "0571-88880000", "office@example.cn", "李四 0571-88880001")
    )
    assert consent.issue_form(None).pdf.startswith(b"%PDF")  # the complaint channel may stay empty


def test_a_third_party_purpose_without_a_listed_recipient_refuses_the_form(new_vault: Vault) -> None:
    with new_vault.db.transaction():  # a vault whose list lost the bank (as an older version could leave it)
        RecipientRepository(new_vault.db).set_for_purpose("bank_services", [])
    with pytest.raises(NoticeIncomplete) as refused:
        ConsentService(new_vault).issue_form(None)
    assert refused.value.missing == ("recipients",)


def test_the_form_prints_the_listed_recipients_retention_rules_and_reply_time(new_vault: Vault) -> None:
    SubjectRequestService(new_vault).set_due_days(10)
    text = squash(pdf_text(ConsentService(new_vault).issue_form(_client(new_vault)).pdf))
    assert "社会保险经办机构（联系方式：12333；提供目的：办理社会保险增减员和缴费" in text
    assert "主管税务机关（联系方式：12366" in text
    assert "自业务关系终止当年的会计年度终了后第一天起保存：身份信息30年（会计凭证）" in text
    assert "收到请求之日起10个工作日内答复" in text
    assert "三、敏感个人信息的必要性及对您的影响" in text and "个人留存联" in text


def test_retention_on_the_form_follows_the_firms_rules(new_vault: Vault) -> None:
    rules = RetentionRepository(new_vault.db).rules()
    groups = kept_after_end(frozenset(DataCategory), rules, "zh")
    kept = {c: (g.years, g.permanent, g.rule) for g in groups for c in g.categories}
    # what sealing keeps (services.retention.sealing_plan): logins and contact details are erased
    assert kept == {
        "identity": (30, False, "会计凭证"),
        "id_document": (10, False, "涉税资料"),
        "bank": (10, False, "涉税资料"),
    }
    tax = next(r for r in rules if r.category == "tax_records")
    RetentionService(new_vault).set_rule("tax_records", 12, tax.legal_source)
    groups = kept_after_end(frozenset({DataCategory.ID_DOCUMENT}), RetentionRepository(new_vault.db).rules(), "en")
    assert [(g.categories, g.years, g.rule) for g in groups] == [(("id_document",), 12, "tax records")]
