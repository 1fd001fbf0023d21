"""Closing with a backup due: the window goes at once and a small window shows the backup's
progress until it is written (issue 12)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput
from clientvault.services.backup import BackupService
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.seed import populate_synthetic
from clientvault.ui.context import UiContext
from clientvault.ui.main_window import MainWindow
from clientvault.ui.widgets.closing_progress import ClosingProgress
from tests.conftest import PARTNER, PARTNER_PASSWORD


def test_closing_with_a_backup_due_shows_its_progress_until_written(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, new_vault: Vault
) -> None:
    populate_synthetic(new_vault, 300, 5)
    win = MainWindow(ui_ctx, new_vault, qapp)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.daily_jobs.done, timeout=20000)
    ClientService(new_vault).create(ClientInput(name="关闭前公司"))  # a change since the daily backup
    win.close()
    assert not win.isVisible() and win.closing is not None
    progress = win.closing_progress
    assert isinstance(progress, ClosingProgress) and progress.isVisible()
    qtbot.addWidget(progress)
    values: list[int] = []
    progress.bar.valueChanged.connect(values.append)
    qtbot.waitUntil(lambda: not progress.isVisible(), timeout=60000)  # closes itself once written
    win.closing.join(timeout=60)
    assert values and max(values) > 500 and new_vault.locked
    again = ui_ctx.vaults.unlock(ui_ctx.folder, PARTNER, PARTNER_PASSWORD)
    try:
        assert "on_close" in {b.kind for b in BackupService(again).list()}
    finally:
        again.lock()


def test_closing_with_nothing_due_shows_no_progress_window(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, new_vault: Vault
) -> None:
    win = MainWindow(ui_ctx, new_vault, qapp)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.daily_jobs.done, timeout=20000)
    win.close()
    assert win.closing is None and win.closing_progress is None and new_vault.locked
