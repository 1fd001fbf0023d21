"""The Export register page: who sees which entries, the filter, and destroying a file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from clientvault.core.errors import AccessDenied
from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.exports import DestroyOutcome, ExportKind, ExportService, RegisterFilter
from clientvault.ui.context import UiContext
from clientvault.ui.main_window import MainWindow
from clientvault.ui.operations import Operations
from clientvault.ui.pages import exports as module
from clientvault.ui.pages.exports import ExportsPage

LATER = date.today() + timedelta(days=60)  # every 30-day export is due by then


def _save(vault: Vault, path: Path, keep_days: int = 30) -> int:
    entry = ExportService(vault).save(b"rows", path, kind=ExportKind.EXCEL, purpose="tax", keep_days=keep_days)
    return entry.id


def _select(page: ExportsPage, row: int) -> None:
    index = page.model.index(row, 0)
    page.view.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )


def _page(qtbot: QtBot, vault: Vault, today: date = LATER) -> ExportsPage:
    page = ExportsPage(vault, Operations(), today=lambda: today)
    qtbot.addWidget(page)
    return page


def test_each_role_sees_its_scope(qtbot: QtBot, logins: dict[Role, Vault], tmp_path: Path) -> None:
    _save(logins[Role.PARTNER], tmp_path / "p.xlsx")
    own = _save(logins[Role.ACCOUNTANT], tmp_path / "a.xlsx")
    assert _page(qtbot, logins[Role.PARTNER]).model.rowCount() == 2
    assert _page(qtbot, logins[Role.PRIVACY_OFFICER]).model.rowCount() == 2
    acc = _page(qtbot, logins[Role.ACCOUNTANT])
    assert [acc.model.item(r).id for r in range(acc.model.rowCount())] == [own]
    with pytest.raises(AccessDenied):
        ExportsPage(logins[Role.ASSISTANT], Operations())


def test_filter_due_all_destroyed(qtbot: QtBot, logins: dict[Role, Vault], tmp_path: Path) -> None:
    partner = logins[Role.PARTNER]
    _save(partner, tmp_path / "due.xlsx", keep_days=0)
    _save(partner, tmp_path / "later.xlsx", keep_days=365)
    page = _page(qtbot, partner, today=date.today())
    assert page.model.status is RegisterFilter.DUE and page.model.rowCount() == 1
    assert page.model.index(0, 7).data() == "Due for destruction"
    page.set_filter(RegisterFilter.ALL)
    assert page.model.rowCount() == 2 and "2" in page.count_label.text()
    page.set_filter(RegisterFilter.DESTROYED)
    assert page.model.rowCount() == 0 and not page.destroy_button.isEnabled()


def test_destroy_flow(qtbot: QtBot, logins: dict[Role, Vault], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "客户.xlsx"
    _save(logins[Role.PARTNER], path)
    page = _page(qtbot, logins[Role.PRIVACY_OFFICER])
    assert not page.destroy_button.isEnabled()
    _select(page, 0)
    assert page.destroy_button.isEnabled()
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> None:
        def question(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
            asked.append(text)
            return reply

        monkeypatch.setattr(module.QMessageBox, "question", question)

    answer(QMessageBox.StandardButton.No)
    assert page.destroy_selected() is None and path.exists()
    assert "SSD" in asked[0] and "NIST SP 800-88" in asked[0] and "客户.xlsx" in asked[0]

    answer(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.sig_destroyed, timeout=10000) as done:
        page.destroy_button.click()
    assert done.args == [DestroyOutcome.OVERWRITTEN] and not path.exists()
    assert "overwritten" in page.status.text()
    assert page.model.rowCount() == 0  # no longer due
    page.set_filter(RegisterFilter.DESTROYED)
    assert page.model.index(0, 7).data() == "Destroyed (overwritten and deleted)"


def test_changed_file_is_reported(qtbot: QtBot, logins: dict[Role, Vault], tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    _save(logins[Role.PARTNER], path)
    path.write_bytes(b"new work")
    page = _page(qtbot, logins[Role.PARTNER])
    _select(page, 0)
    with qtbot.waitSignal(page.sig_destroyed, timeout=10000) as done:
        page.destroy_selected(confirmed=True)
    assert done.args == [DestroyOutcome.CHANGED] and path.read_bytes() == b"new work"
    assert "left in place" in page.status.text()


@pytest.mark.parametrize(
    ("role", "shown"),
    [(Role.PARTNER, True), (Role.PRIVACY_OFFICER, True), (Role.ACCOUNTANT, True), (Role.ASSISTANT, False)],
)
def test_main_window_offers_the_page(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, logins: dict[Role, Vault], role: Role, shown: bool
) -> None:
    win = MainWindow(ui_ctx, logins[role], qapp)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.daily_jobs.done, timeout=20000)
    assert ("exports" in win.pages) is shown
    if shown:
        assert isinstance(win.pages["exports"], ExportsPage)
    win.operations.cancel_all()
    win.operations.wait()
