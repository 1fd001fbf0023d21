"""Between the login click and the main window only what the first page needs runs (issue 12).

The home page is read once (not again by the window's first look at other workstations'
changes); the per-accountant counts and the login-time jobs start after the window is shown, and
locking during that wait stops them at once.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.services.context import Vault
from clientvault.ui.context import UiContext
from clientvault.ui.main_window import MainWindow
from clientvault.ui.pages.home import OverviewHomePage


def test_the_home_page_is_read_once_at_login(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []
    original = OverviewHomePage.refresh

    def counting(self: OverviewHomePage) -> None:
        reads.append(1)
        original(self)

    monkeypatch.setattr(OverviewHomePage, "refresh", counting)
    win = MainWindow(ui_ctx, staffed_vault, qapp)
    qtbot.addWidget(win)
    win.show()
    home = win.pages["home"]
    assert isinstance(home, OverviewHomePage)
    assert reads == []  # built with its counts; nothing told it to read them again
    assert not win.check_external_changes()  # the window's first look saw the current version
    assert home.workload_operation is None  # counted after the window is on screen
    qtbot.waitUntil(lambda: home.workload_operation is not None and home.workload_operation.done, timeout=10000)
    assert home.workload.rowCount() > 0
    qtbot.waitUntil(lambda: win.daily_jobs.done, timeout=20000)


def test_locking_before_the_login_jobs_start_stops_them_at_once(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault
) -> None:
    win = MainWindow(ui_ctx, staffed_vault, qapp)
    qtbot.addWidget(win)
    win.show()
    assert not win.daily_jobs.done  # waiting for the window to be on screen
    start = time.perf_counter()
    win.lock()
    assert win.is_locked and time.perf_counter() - start < 5  # no job was left to finish
    qtbot.waitUntil(lambda: win.daily_jobs.done, timeout=5000)
