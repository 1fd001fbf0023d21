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
from tests.ui.conftest import USERS

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_the_partner_changes_firm_details_and_backups_audited(
    qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault
) -> None:
    page = SettingsPage(ui_ctx, staffed_vault, Operations())
    qtbot.addWidget(page)
    assert page.notice_box.isVisibleTo(page) and page.backup_box.isVisibleTo(page)
    page.notice_fields["address"].setText("浙江省杭州市西湖区文三路 100 号")
    page.notice_fields["complaint_channel"].setText("投诉邮箱 complaints@example.com")
    assert page.save_notice()
    details = ConsentService(staffed_vault).notice_details()
    assert details.address == "浙江省杭州市西湖区文三路 100 号"
    assert details.complaint_channel == "投诉邮箱 complaints@example.com"
    assert staffed_vault.audit.page(AuditFilter(action_prefix="notice.update"))
    page.keep.setValue(4)
    page.daily.setChecked(False)
    assert page.save_backups()
    s = RetentionService(staffed_vault).settings()
    assert s.backup_keep == 4 and not s.backup_daily
    assert staffed_vault.audit.page(AuditFilter(action_prefix="settings.change"))


def test_a_refused_detail_is_said_and_nothing_is_stored(qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault) -> None:
    page = SettingsPage(ui_ctx, staffed_vault, Operations())
    qtbot.addWidget(page)
    before = ConsentService(staffed_vault).notice_details()
    page.notice_fields["email"].setText("x" * 301)  # over the 300 characters a notice line may have
    assert not page.save_notice()
    assert page.notice_message.text() and "x" * 301 not in page.notice_message.text()
    assert ConsentService(staffed_vault).notice_details() == before


def test_the_privacy_officer_sees_firm_details_but_not_backups(
    qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault, fast_vaults: VaultService
) -> None:
    priv = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[Role.PRIVACY_OFFICER])
    try:
        page = SettingsPage(ui_ctx, priv, Operations())
        qtbot.addWidget(page)
        assert page.notice_box.isVisibleTo(page) and not page.backup_box.isVisibleTo(page)
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
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    page.idle.setValue(7)
    page.save_workstation()
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
    assert page.keep.value() == 9
    win.close()


@pytest.mark.skipif(os.environ.get("CLIENTVAULT_SCREENSHOTS") != "1", reason="screenshots on request only")
def test_settings_screenshot(qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault, zh_cn: object) -> None:
    page = SettingsPage(ui_ctx, staffed_vault, Operations())
    qtbot.addWidget(page)
    for key, text in (("address", "浙江省杭州市西湖区文三路 100 号 8 楼"), ("phone", "0571-88880000"),
                      ("email", "privacy@example.com"), ("privacy_contact", "保密专员 李女士，电话 0571-88880001"),
                      ("complaint_channel", "投诉邮箱 complaints@example.com")):  # fmt: skip
        page.notice_fields[key].setText(text)
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    folder = page.findChild(QLabel, "backup_folder")
    assert folder is not None
    folder.setText("D:\\ClientVault\\backups")  # synthetic: no path of the test machine in the picture
    page.resize(900, 720)
    page.show()
    qtbot.wait(200)
    page.grab().save(str(SCREENSHOTS / "settings_page.png"))
