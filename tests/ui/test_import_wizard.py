"""The Excel import wizard and the export dialog, driven offscreen with pytest-qt on a real vault."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from clientvault.core.roles import Role
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.exports import ExportService
from clientvault.services.imports import ImportService
from clientvault.services.spreadsheet_export import ExcelExportService, ExportScope
from clientvault.services.vault import VaultService
from clientvault.ui.dialogs.excel_export import ExcelExportDialog, ExportRequestsDialog
from clientvault.ui.dialogs.import_wizard import PAGE_CONFIRM, PAGE_MAPPING, PAGE_PREVIEW, ImportWizard
from clientvault.ui.operations import Operations
from clientvault.ui.pages.clients import ClientsPage
from tests.fixtures.workbooks import HEADER, client_row, good_workbook, resident_id, uscc
from tests.ui.conftest import USERS


def _wizard(qtbot: QtBot, vault: Vault, path: Path) -> ImportWizard:
    wizard = ImportWizard(ImportService(vault), Operations())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.file_page.load_sheets()
    return wizard


def test_wizard_maps_previews_and_imports(qtbot: QtBot, new_vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2025 客户表"])
    ws.append([*HEADER, "联系方式"])
    for i in range(5):
        ws.append([*client_row(i), ""])
    wb.save(path)
    ClientService(new_vault)  # the partner imports
    wizard = _wizard(qtbot, new_vault, path)
    assert wizard.file_page.sheet.currentText() == "Sheet"
    wizard.next()
    assert wizard.currentId() == PAGE_MAPPING
    mapping = wizard.mapping_page
    assert mapping.fields() == ["name", "uscc", "legal_rep", "id_number", "phone", "bank_name", "bank_account",
                                "notes", None]  # fmt: skip
    # Correct a column by hand, save the mapping under a name.
    mapping.combos[7].setCurrentIndex(0)  # notes: ignore
    mapping.name.setText("我的表")
    mapping.save()
    assert ImportService(new_vault).mapping_names() == ["我的表"]
    wizard.next()
    assert wizard.currentId() == PAGE_PREVIEW
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10_000)
    assert preview.model is not None and preview.model.rowCount() == 5
    assert "5 rows read: 0 refused" in preview.summary.text()
    # ID numbers are masked in the preview.
    shown = [preview.model.index(0, c).data() for c in range(preview.model.columnCount())]
    assert resident_id(0) not in shown
    assert preview.isComplete()
    wizard.next()
    assert wizard.currentId() == PAGE_CONFIRM
    assert "5 new clients" in wizard.confirm_page.text.text()
    with qtbot.waitSignal(wizard.sig_imported, timeout=20_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.imported is not None and wizard.imported.created == 5
    assert ClientService(new_vault).count() == 5


def test_wizard_shows_per_cell_errors_and_refuses_to_go_on(qtbot: QtBot, new_vault: Vault, tmp_path: Path) -> None:
    bad = uscc(3)[:-1] + ("0" if uscc(3)[-1] != "0" else "1")
    path = good_workbook(tmp_path / "c.xlsx", 2, bad_last=["坏公司", bad, "李四", float(resident_id(3))])
    wizard = _wizard(qtbot, new_vault, path)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10_000)
    preview = wizard.preview_page
    model = preview.model
    assert model is not None
    assert not preview.isComplete()
    assert "1 refused" in preview.summary.text()
    uscc_col = 2 + model.fields.index("uscc")
    cell = model.index(2, uscc_col)
    assert cell.data() == "—"
    assert "check digit" in cell.data(Qt.ItemDataRole.ToolTipRole)
    id_cell = model.index(2, 2 + model.fields.index("id_number"))
    assert "lost digits" in id_cell.data(Qt.ItemDataRole.ToolTipRole)
    preview.only.setChecked(True)
    assert model.rowCount() == 1
    assert ClientService(new_vault).count() == 0


def test_unreadable_file_message_on_the_first_page(qtbot: QtBot, new_vault: Vault, tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_text("a,b\n1,2\n", encoding="utf-8")
    wizard = _wizard(qtbot, new_vault, tmp_path / "x.xlsx")
    assert "CSV" in wizard.file_page.error.text()
    assert not wizard.file_page.isComplete()


def test_export_dialog_saves_into_the_register(qtbot: QtBot, new_vault: Vault, tmp_path: Path) -> None:
    service = ImportService(new_vault)
    service.commit(service.plan(good_workbook(tmp_path / "in.xlsx", 3)))
    dialog = ExcelExportDialog(ExcelExportService(new_vault), Operations(), ExportScope())
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # no purpose yet
    dialog.purpose.setText("年度核对")
    assert dialog.save_button.isEnabled() and "3 rows" in dialog.info.text()
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.save_to(tmp_path / "out.xlsx")
    assert (tmp_path / "out.xlsx").exists()
    assert [e.row_count for e in ExportService(new_vault).register()] == [3]


def test_accountant_asks_partner_approves_then_saves(
    qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService, tmp_path: Path
) -> None:
    clients = ClientService(staffed_vault)
    acc_id = next(a.id for a in clients.accountants())
    service = ImportService(staffed_vault)
    service.commit(service.plan(good_workbook(tmp_path / "in.xlsx", 4)))
    for row in clients.page():
        clients.assign(row.id, [acc_id])
    ExcelExportService(staffed_vault).set_threshold(2)
    acc = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[Role.ACCOUNTANT])
    try:
        dialog = ExcelExportDialog(ExcelExportService(acc), Operations(), ExportScope())
        qtbot.addWidget(dialog)
        dialog.purpose.setText("年报")
        assert not dialog.save_button.isEnabled() and dialog.request.isVisibleTo(dialog)
        dialog.ask_approval()
        requests = ExportRequestsDialog(ExcelExportService(staffed_vault))
        qtbot.addWidget(requests)
        assert requests.list.count() == 1
        requests.list.setCurrentRow(0)
        requests.decide(True)
        assert requests.list.count() == 0 and "approved" in requests.error.text()  # the decision is confirmed
        dialog.refresh()
        assert dialog.save_button.isEnabled()
        with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
            dialog.save_to(tmp_path / "acc.xlsx")
        assert dialog.entry is not None and dialog.entry.row_count == 4
    finally:
        acc.lock()


def test_clients_page_buttons_follow_the_role(qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService) -> None:
    page = ClientsPage(staffed_vault, Operations(), lang="en")
    qtbot.addWidget(page)
    assert page.import_button is not None and page.export_button is not None
    wizard = page.import_excel()
    assert isinstance(wizard, ImportWizard)
    wizard.reject()
    asst = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[Role.ASSISTANT])
    priv = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[Role.PRIVACY_OFFICER])
    try:
        for vault in (asst, priv):
            other = ClientsPage(vault, Operations(), lang="en")
            qtbot.addWidget(other)
            assert other.import_button is None and other.export_button is None
    finally:
        asst.lock()
        priv.lock()


def test_per_row_choice_for_matching_clients(qtbot: QtBot, new_vault: Vault, tmp_path: Path) -> None:
    from clientvault.core.records import ClientInput

    clients = ClientService(new_vault)
    first = clients.create(ClientInput(name="老客户", uscc=uscc(0), engagement_start="2024-01-01"))
    clients.create(ClientInput(name="另一个老客户", uscc=uscc(1), engagement_start="2024-01-01"))
    wizard = _wizard(qtbot, new_vault, good_workbook(tmp_path / "c.xlsx", 3))
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10_000)
    model = wizard.preview_page.model
    assert model is not None
    choice_col = model.columnCount() - 1
    first_row = model.index(0, choice_col)
    assert model.flags(model.index(2, choice_col)) & Qt.ItemFlag.ItemIsUserCheckable == Qt.ItemFlag(0)  # no match
    assert first_row.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(first_row, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    wizard.next()
    assert "1 new clients" in wizard.confirm_page.text.text()
    with qtbot.waitSignal(wizard.sig_imported, timeout=20_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    result = wizard.imported
    assert result is not None and (result.created, result.updated, result.skipped) == (1, 1, 1)
    assert clients.get(first).phone == "13800000000"
