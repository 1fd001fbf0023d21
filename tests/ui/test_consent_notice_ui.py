"""The 告知同意书 in the app: refused with a translated message naming the missing firm details, the
reply time on the Settings page, the recipients list on the Purposes page."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput, DataCategory, PersonInput, PersonRole
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentService, NoticeDetails
from clientvault.services.context import Vault
from clientvault.services.purposes import PurposeService
from clientvault.services.recipients import RecipientService
from clientvault.storage.recipients import RecipientRepository
from clientvault.ui.context import UiContext
from clientvault.ui.operations import Operations
from clientvault.ui.pages.purposes import PurposesPage
from clientvault.ui.pages.settings import SettingsPage
from clientvault.ui.pages.settings_sections.reply_time import ReplyTimeSection
from clientvault.ui.widgets.consent_tab import ConsentTab, FormPreviewDialog
from tests.ui.conftest import Translators
from tests.unit.documents.pdfcheck import pdf_text, squash


@pytest.fixture
def client_id(new_vault: Vault) -> int:
    clients = ClientService(new_vault)
    cid = clients.create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
    clients.add_person(cid, PersonInput(PersonRole.LEGAL_REP, "张三"))
    return cid


def _clear_contact(vault: Vault) -> None:
    consent = ConsentService(vault)
    current = consent.notice_details()
    consent.set_notice_details(NoticeDetails(current.address, current.phone, "", "", current.complaint_channel))


def test_the_tab_refuses_the_form_naming_the_missing_details(
    qapp: QApplication, new_vault: Vault, client_id: int
) -> None:
    _clear_contact(new_vault)
    tab = ConsentTab(new_vault, Operations(), client_id, lang="en")
    assert tab.print_form() is None
    assert tab.status.text() == (
        "The consent form cannot be printed: the firm's e-mail, privacy contact must be filled in (PIPL Art 17). "
        "Enter them on the Settings page."
    )
    assert not new_vault.db.scalar("SELECT count(*) FROM consent_forms")


def test_the_refusal_in_chinese(qapp: QApplication, zh_cn: Translators, new_vault: Vault, client_id: int) -> None:
    _clear_contact(new_vault)
    tab = ConsentTab(new_vault, Operations(), client_id, lang="zh")
    assert tab.print_form() is None
    assert (
        tab.status.text()
        == "无法打印告知同意书：须先填写本公司的电子邮箱、个人信息保护负责人联系方式（《个人信息保护法》第十七条）。"
        "请在“设置”页面填写。"
    )


def test_the_reply_time_set_on_the_settings_page_is_printed(
    qtbot: QtBot, ui_ctx: UiContext, new_vault: Vault, client_id: int
) -> None:
    page = SettingsPage(ui_ctx, new_vault, Operations())
    qtbot.addWidget(page)
    section = page.section(ReplyTimeSection)
    assert section.days.value() == 15  # the default
    section.days.setValue(10)
    assert section.save() and "Saved" in section.message.text()
    tab = ConsentTab(new_vault, Operations(), client_id, lang="zh")
    preview = tab.print_form()
    assert isinstance(preview, FormPreviewDialog)
    assert "收到请求之日起10个工作日内答复" in squash(pdf_text(preview.form.pdf))
    preview.close()


def test_recipients_section_adds_a_recipient_that_the_form_names(
    qapp: QApplication, new_vault: Vault, client_id: int
) -> None:
    page = PurposesPage(new_vault, Operations(), lang="zh")
    section = page.recipients
    assert section.table.rowCount() == len(RecipientService(new_vault).list(include_inactive=True))
    dialog = section.edit(None)
    for key, value in (
        ("name_zh", "杭州审计服务有限公司"), ("name_en", "Hangzhou Audit Services"), ("contact", "0571-8000 0000"),
        ("purpose_zh", "年度审计"), ("purpose_en", "annual audit"), ("method_zh", "加密电子邮件"),
        ("method_en", "encrypted e-mail"),
    ):  # fmt: skip
        dialog.fields[key].setText(value)
    dialog.save()
    assert dialog.message.text()  # no category chosen: refused, the dialog stays open
    dialog.categories[DataCategory.BANK].setChecked(True)
    dialog.purposes["bank_services"].setChecked(True)
    dialog.save()
    assert dialog.saved is not None and dialog.result() == dialog.DialogCode.Accepted
    assert "杭州审计服务有限公司" in [section.table.item(r, 0).text() for r in range(section.table.rowCount())]
    assert "杭州审计服务有限公司" in PurposeService(new_vault).get("bank_services").recipients_zh
    form = ConsentService(new_vault).issue_form(client_id)
    assert "杭州审计服务有限公司（联系方式：0571-80000000；提供目的：年度审计；提供方式：加密电子邮件" in squash(
        pdf_text(form.pdf)
    )


def test_the_purpose_editor_picks_recipients_from_the_list(qapp: QApplication, new_vault: Vault) -> None:
    page = PurposesPage(new_vault, Operations(), lang="en")
    codes = [p.code for p in page.purposes]
    page.table.selectRow(codes.index("bank_services"))
    dialog = page.edit(page.selected())
    ticked = [rid for rid, box in dialog.recipients.items() if box.isChecked()]
    assert ticked == [r.id for r in RecipientService(new_vault).for_purpose("bank_services")]
    for box in dialog.recipients.values():
        box.setChecked(False)
    dialog.save()
    assert dialog.message.text() == "Recipients is required."  # provided to third parties: name one
    tax = RecipientService(new_vault).for_purpose("tax_filing")[0]
    dialog.recipients[tax.id].setChecked(True)
    dialog.save()
    assert dialog.saved is not None and dialog.saved.recipients_en == tax.name_en
    assert [r.id for r in RecipientService(new_vault).for_purpose("bank_services")] == [tax.id]


def test_a_purpose_without_a_listed_recipient_is_explained(
    qapp: QApplication, new_vault: Vault, client_id: int
) -> None:
    with new_vault.db.transaction():
        RecipientRepository(new_vault.db).set_for_purpose("bank_services", [])
    tab = ConsentTab(new_vault, Operations(), client_id, lang="en")
    assert tab.print_form() is None
    assert tab.status.text() == (
        "The consent form cannot be printed: a purpose that provides data to third parties names no recipient "
        "from the recipients list (PIPL Art 23). Link one on the Purposes page."
    )
