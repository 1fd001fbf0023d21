"""The Erasure page says when an erasure is executed but still pending on disk (issue 9 item 2)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.services.audit import AuditFilter
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureResult
from clientvault.storage.erasure import ErasureRepository
from clientvault.ui.context import UiContext
from clientvault.ui.main_window import MainWindow
from clientvault.ui.operations import Operations
from clientvault.ui.pages.erasure import ErasurePage


def test_a_pending_erasure_is_reported_as_done_and_pending(qtbot: QtBot, staffed_vault: Vault) -> None:
    page = ErasurePage(staffed_vault, Operations(), pdf_lang="en")
    qtbot.addWidget(page)
    page._executed(ErasureResult("ER-2026-000009", 1, {"clients": 1}, (), False, on_disk="pending"))
    text = page.status.text()
    assert "ER-2026-000009" in text
    assert "Another workstation is reading the vault" in text or "另一台工作站" in text
    page._executed(ErasureResult("ER-2026-000010", 2, {"clients": 1}, (), False))
    assert "Another workstation" not in page.status.text() and "另一台工作站" not in page.status.text()


def test_the_main_windows_look_at_other_workstations_finishes_a_pending_erasure(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault
) -> None:
    from tests.fixtures.erasing import destroy
    from tests.fixtures.planted import plant

    result = destroy(staffed_vault, plant(staffed_vault).client_id)
    repo = ErasureRepository(staffed_vault.db)
    with staffed_vault.db.transaction():  # as if another workstation's read had held the checkpoint
        repo.set_on_disk(result.certificate_no, "pending")
    win = MainWindow(ui_ctx, staffed_vault, qapp)
    qtbot.addWidget(win)
    # The login-time jobs read on a connection of their own: a reader that holds the checkpoint.
    qtbot.waitUntil(lambda: win.daily_jobs.done, timeout=20000)
    win.check_external_changes()  # what the 30 s tick, window activation and page changes run
    assert repo.pending_on_disk() == []
    events = staffed_vault.audit.count(AuditFilter(action_prefix="erasure.on_disk"))
    assert events == 1
