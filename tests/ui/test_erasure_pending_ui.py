"""The Erasure page says when an erasure is executed but still pending on disk (issue 9 item 2)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureResult
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
