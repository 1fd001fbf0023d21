"""The settings page: firm details (partner, privacy officer), backups (partner), this workstation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter
from clientvault.services.consent import ConsentService
from clientvault.services.context import Vault
from clientvault.services.retention import RetentionService
from clientvault.services.vault import VaultService
from clientvault.ui.context import IDLE_MINUTES_KEY, UiContext
from clientvault.ui.i18n import LANGUAGE_KEY, choose_language
from clientvault.ui.main_window import MainWindow
from clientvault.ui.operations import Operations
from clientvault.ui.pages.backups import BackupsPage
from clientvault.ui.pages.settings import SettingsPage
from clientvault.ui.pages.settings_sections.backups import BackupSection
from clientvault.ui.pages.settings_sections.firm import FirmSection
from clientvault.ui.pages.settings_sections.retention import RetentionSection
from clientvault.ui.pages.settings_sections.workstation import WorkstationSection
from tests.ui.conftest import USERS

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_the_partner_changes_firm_details_and_backups_audited(
    qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault
) -> None:
    page = SettingsPage(ui_ctx, staffed_vault, Operations())
    qtbot.addWidget(page)
    assert page.has_section(FirmSection) and page.has_section(BackupSection) and page.has_section(RetentionSection)
    firm, backups = page.section(FirmSection), page.section(BackupSection)
    firm.notice_fields["address"].setText("浙江省杭州市西湖区文三路 100 号")
    firm.notice_fields["complaint_channel"].setText("投诉邮箱 complaints@example.com")
    firm.firm_name.setText("杭州明镜会计师事务所（特殊普通合伙）")
    assert firm.save_notice()
    assert staffed_vault.firm_name == "杭州明镜会计师事务所（特殊普通合伙）"
    renamed = staffed_vault.audit.page(AuditFilter(action_prefix="settings.change"))
    assert [e.object for e in renamed] == ["settings:firm_name"] and "明镜" not in renamed[0].reason
    details = ConsentService(staffed_vault).notice_details()
    assert details.address == "浙江省杭州市西湖区文三路 100 号"
    assert details.complaint_channel == "投诉邮箱 complaints@example.com"
    assert staffed_vault.audit.page(AuditFilter(action_prefix="notice.update"))
    backups.keep.setValue(4)
    backups.daily.setChecked(False)
    assert backups.save_backups()
    s = RetentionService(staffed_vault).settings()
    assert s.backup_keep == 4 and not s.backup_daily
    assert staffed_vault.audit.page(AuditFilter(action_prefix="settings.change"))


def test_a_refused_detail_is_said_and_nothing_is_stored(qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault) -> None:
    page = SettingsPage(ui_ctx, staffed_vault, Operations())
    qtbot.addWidget(page)
    firm = page.section(FirmSection)
    before = ConsentService(staffed_vault).notice_details()
    firm.notice_fields["email"].setText("x" * 301)  # over the 300 characters a notice line may have
    assert not firm.save_notice()
    assert firm.notice_message.text() and "x" * 301 not in firm.notice_message.text()
    assert ConsentService(staffed_vault).notice_details() == before


def test_the_privacy_officer_sees_firm_details_but_not_backups(
    qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault, fast_vaults: VaultService
) -> None:
    priv = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[Role.PRIVACY_OFFICER])
    try:
        page = SettingsPage(ui_ctx, priv, Operations())
        qtbot.addWidget(page)
        assert page.has_section(FirmSection) and not page.has_section(BackupSection)
        assert page.section(FirmSection).firm_name.isReadOnly()  # the name is the partner's
        assert page.has_section(RetentionSection) and page.has_section(WorkstationSection)
    finally:
        priv.lock()


def test_this_workstation_language_and_idle_lock(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault
) -> None:
    win = MainWindow(ui_ctx, staffed_vault, qapp)
    qtbot.addWidget(win)
    win.show()
    win.show_page("settings")
    page = win.pages["settings"]
    assert isinstance(page, SettingsPage)
    station = page.section(WorkstationSection)
    station.language.setCurrentIndex(station.language.findData("zh_CN"))
    station.idle.setValue(7)
    station.save_workstation()
    changed = staffed_vault.audit.page(AuditFilter(action_prefix="settings.workstation"))
    assert sorted((e.object, e.reason) for e in changed) == [
        ("settings:idle_lock_minutes", "7"),
        ("settings:language", "zh_CN"),
    ]
    assert ui_ctx.settings.value(LANGUAGE_KEY) == "zh_CN" and int(ui_ctx.settings.value(IDLE_MINUTES_KEY)) == 7
    assert choose_language(ui_ctx.settings) == "zh_CN"  # the next start is in Chinese, whatever the locale
    assert choose_language(ui_ctx.settings, "en") == "en"  # --lang still wins
    assert win.idle.timeout_ms == 7 * 60_000  # the idle lock applies at once
    # A change on the backups page shows here too (one path for every change).
    win.show_page("backups")
    backups = win.pages["backups"]
    assert isinstance(backups, BackupsPage)
    backups.keep.setValue(9)
    assert backups.save_settings()
    win.show_page("settings")
    assert page.section(BackupSection).keep.value() == 9
    win.close()


@pytest.mark.skipif(os.environ.get("CLIENTVAULT_SCREENSHOTS") != "1", reason="screenshots on request only")
def test_settings_screenshot(qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault, zh_cn: object) -> None:
    page = SettingsPage(ui_ctx, staffed_vault, Operations())
    qtbot.addWidget(page)
    firm = page.section(FirmSection)
    for key, text in (("address", "浙江省杭州市西湖区文三路 100 号 8 楼"), ("phone", "0571-88880000"),
                      ("email", "privacy@example.com"), ("privacy_contact", "保密专员 李女士，电话 0571-88880001"),
                      ("complaint_channel", "投诉邮箱 complaints@example.com")):  # fmt: skip
        firm.notice_fields[key].setText(text)
    station = page.section(WorkstationSection)
    station.language.setCurrentIndex(station.language.findData("zh_CN"))
    folder = page.findChild(QLabel, "backup_folder")
    assert folder is not None
    folder.setText("D:\\ClientVault\\backups")  # synthetic: no path of the test machine in the picture
    page.resize(1000, 1000)
    page.show()
    qtbot.wait(200)
    page.grab().save(str(SCREENSHOTS / "settings_page.png"))


def test_an_assistant_sees_only_this_workstation(
    qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault, fast_vaults: VaultService
) -> None:
    assistant = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[Role.ASSISTANT])
    try:
        page = SettingsPage(ui_ctx, assistant, Operations())
        qtbot.addWidget(page)
        assert [type(s) for s in page.sections] == [WorkstationSection]
    finally:
        assistant.lock()


def test_a_retention_rule_saved_on_the_settings_page_is_a_new_version(
    qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault
) -> None:
    page = SettingsPage(ui_ctx, staffed_vault, Operations())
    qtbot.addWidget(page)
    editor = page.section(RetentionSection).editor
    row = next(i for i, r in enumerate(editor.rules) if not r.permanent)
    editor.table.selectRow(row)
    rule = editor.selected()
    assert rule is not None
    editor.years.setValue(rule.years + 1)
    assert editor.save() is not None
    after = next(r for r in RetentionService(staffed_vault).rules() if r.category == rule.category)
    assert after.years == rule.years + 1 and after.version == rule.version + 1


def test_a_firm_name_that_is_empty_is_refused(qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault) -> None:
    page = SettingsPage(ui_ctx, staffed_vault, Operations())
    qtbot.addWidget(page)
    firm = page.section(FirmSection)
    before = staffed_vault.firm_name
    firm.firm_name.setText("   ")
    assert not firm.save_notice() and firm.notice_message.text()
    assert staffed_vault.firm_name == before
