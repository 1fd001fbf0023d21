"""A backup reports how far it is (the copy, then its check) and the Backups page shows it (issue 12)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clientvault.services.backup import COPY_SHARE, BackupInfo, BackupService
from clientvault.services.context import Vault
from clientvault.services.seed import populate_synthetic
from clientvault.ui.operations import Operations
from clientvault.ui.pages.backups import BackupsPage


def test_a_backup_reports_the_copy_then_the_check(staffed_vault: Vault) -> None:
    populate_synthetic(staffed_vault, 300, 5)
    seen: list[float] = []
    info = BackupService(staffed_vault).backup("manual", progress=seen.append)
    assert isinstance(info, BackupInfo)
    assert seen == sorted(seen) and seen[0] >= 0 and seen[-1] <= 1  # the bar only moves forward
    assert any(0 < f < COPY_SHARE for f in seen), "no progress during the copy"
    assert any(COPY_SHARE <= f < 1 for f in seen), "no progress during the check"


def test_the_backups_page_shows_a_progress_bar_while_it_backs_up(qtbot: QtBot, staffed_vault: Vault) -> None:
    populate_synthetic(staffed_vault, 300, 5)
    page = BackupsPage(staffed_vault, Operations())
    qtbot.addWidget(page)
    assert not page.progress.isVisibleTo(page)
    values: list[int] = []
    page.progress.valueChanged.connect(values.append)
    with qtbot.waitSignal(page.sig_done, timeout=30000) as done:
        page.backup_now()
        assert page.progress.isVisibleTo(page)
    assert isinstance(done.args[0], BackupInfo) and not page.progress.isVisibleTo(page)
    assert values and max(values) > 500  # reached the check of the copy
    assert page.model.rowCount() == 1
