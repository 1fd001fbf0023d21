"""The Excel export row threshold on the settings page: partner only, audited, used by export approvals."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clientvault.core.errors import AccessDenied, ValidationError
from clientvault.core.records import ClientInput
from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.spreadsheet_export import DEFAULT_THRESHOLD, ExcelExportService, ExportScope
from clientvault.services.vault import VaultService
from clientvault.ui.context import UiContext
from clientvault.ui.dialogs.excel_export import ExcelExportDialog
from clientvault.ui.operations import Operations
from clientvault.ui.pages.settings import SettingsPage
from clientvault.ui.pages.settings_sections.export_threshold import ExportThresholdSection
from tests.ui.conftest import USERS

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_partner_sets_the_threshold_audited_and_the_export_dialog_uses_it(
    qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault, fast_vaults: VaultService
) -> None:
    clients = ClientService(staffed_vault)
    acc_id = next(a.id for a in clients.accountants())
    for i in range(3):
        clients.assign(clients.create(ClientInput(name=f"客户{i}", engagement_start="2025-01-01")), [acc_id])
    page = SettingsPage(ui_ctx, staffed_vault, Operations())
    qtbot.addWidget(page)
    section = page.section(ExportThresholdSection)
    assert section.rows.value() == DEFAULT_THRESHOLD == 200
    acc = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[Role.ACCOUNTANT])
    try:
        dialog = ExcelExportDialog(ExcelExportService(acc), Operations(), ExportScope())
        qtbot.addWidget(dialog)
        dialog.purpose.setText("年报")
        assert dialog.save_button.isEnabled() and not dialog.request.isVisibleTo(dialog)  # 3 rows ≤ 200
        section.rows.setValue(2)
        assert section.save()
        assert "2 rows" in section.message.text()
        assert ExcelExportService(staffed_vault).threshold() == 2
        [event] = staffed_vault.audit.page(AuditFilter(action_prefix="settings.change"))
        assert event.object == "settings" and event.reason == "export.approval_threshold=2"
        dialog.refresh()  # the accountant's next export: 3 rows > 2 needs a partner's approval
        assert not dialog.save_button.isEnabled() and dialog.request.isVisibleTo(dialog)
        assert "above 2 rows" in dialog.info.text()
        with pytest.raises(AccessDenied):
            ExcelExportService(acc).set_threshold(500)  # only the partner changes it
    finally:
        acc.lock()
    with pytest.raises(ValidationError) as caught:
        ExcelExportService(staffed_vault).set_threshold(0)
    assert caught.value.errors == {"threshold": "out_of_range"}
    assert section.rows.minimum() == 1 and ExcelExportService(staffed_vault).threshold() == 2


@pytest.mark.parametrize("role", [Role.ACCOUNTANT, Role.ASSISTANT, Role.PRIVACY_OFFICER])
def test_only_the_partner_sees_the_section(
    qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault, fast_vaults: VaultService, role: Role
) -> None:
    other = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[role])
    try:
        page = SettingsPage(ui_ctx, other, Operations())
        qtbot.addWidget(page)
        assert not page.has_section(ExportThresholdSection)
    finally:
        other.lock()


@pytest.mark.skipif(os.environ.get("CLIENTVAULT_SCREENSHOTS") != "1", reason="screenshots on request only")
def test_export_threshold_screenshot(qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault, zh_cn: object) -> None:
    section = ExportThresholdSection(ui_ctx, staffed_vault, Operations())
    qtbot.addWidget(section)
    section.rows.setValue(500)
    section.save()
    section.resize(900, 160)
    section.show()
    qtbot.wait(200)
    section.grab().save(str(SCREENSHOTS / "settings_export_threshold.png"))
