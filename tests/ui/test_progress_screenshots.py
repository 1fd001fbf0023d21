"""Screenshots (on request: CLIENTVAULT_SCREENSHOTS=1) of the progress shown for long work (issue 12):
the Erasure page while the vault file is checked after an erasure, the Backups page while a
backup is written, and the window that stays while the close-time backup is written. Without the
variable the same widgets render into tmp_path and the pictures are checked to be non-empty."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.app import register_font
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.ui.operations import Operations
from clientvault.ui.pages.backups import BackupsPage
from clientvault.ui.pages.erasure import ErasurePage
from clientvault.ui.widgets.closing_progress import ClosingProgress
from tests.fixtures.erasing import destroy
from tests.fixtures.planted import plant

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _folder(tmp_path: Path) -> Path:
    return SCREENSHOTS if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1" else tmp_path


def _save(widget: object, path: Path) -> None:
    image = widget.grab().toImage()  # type: ignore[attr-defined]
    assert image.width() > 200 and image.height() > 50
    assert image.save(str(path))


def test_progress_screenshots(
    qtbot: QtBot, qapp: QApplication, staffed_vault: Vault, zh_cn: object, tmp_path: Path
) -> None:
    register_font(qapp)  # the shipped CJK font, as the app has it, before the widgets
    folder = _folder(tmp_path)
    planted = plant(staffed_vault)
    result = destroy(staffed_vault, planted.client_id, check_later=True)
    page = ErasurePage(staffed_vault, Operations())
    qtbot.addWidget(page)
    page.status.setText(page.tr("Erased. Certificate %1.").replace("%1", result.certificate_no))
    # The state the page shows while the check runs (the check itself takes seconds only on a large vault).
    page.check.label.setText(
        page.check.tr("Checking the vault file after erasure %1; the certificate is issued when it is done…").replace(
            "%1", result.certificate_no
        )
    )
    page.check.bar.setValue(420)
    page.check.show()
    page.resize(1100, 760)
    page.show()
    qtbot.wait(100)
    _save(page, folder / "erasure_check_progress.png")
    ErasureService(staffed_vault).finish_check(result.certificate_no)

    backups = BackupsPage(staffed_vault, Operations())
    qtbot.addWidget(backups)
    backups.status.setText(backups.tr("Backing up: copying the vault, then checking the copy…"))
    backups.progress.setValue(650)
    backups.progress.show()
    backups.resize(1000, 600)
    backups.show()
    qtbot.wait(100)
    _save(backups, folder / "backup_progress.png")

    release = threading.Event()
    thread = threading.Thread(target=release.wait, daemon=True)
    thread.start()
    closing = ClosingProgress(thread, [0.57])
    qtbot.addWidget(closing)
    closing.poll()
    closing.show()
    qtbot.wait(100)
    _save(closing, folder / "closing_backup_progress.png")
    release.set()
    thread.join()
    qtbot.waitUntil(lambda: (closing.poll(), not closing.isVisible())[1], timeout=2000)
