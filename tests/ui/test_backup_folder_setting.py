"""Settings → backups: "Change folder…" (issue 13): the chooser, the move in the background, the page
showing the new folder, a refused folder said in red, and the button for partners only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from clientvault.core.roles import Role
from clientvault.services.backup import CATALOGUE, BackupService
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.ui.context import UiContext
from clientvault.ui.operations import Operations
from clientvault.ui.pages.backups import BackupsPage
from clientvault.ui.pages.settings import SettingsPage
from clientvault.ui.pages.settings_sections.backups import BackupSection

_PAGES: list[SettingsPage] = []


def _section(qtbot: QtBot, ui_ctx: UiContext, vault: Vault, operations: Operations) -> BackupSection:
    page = SettingsPage(ui_ctx, vault, operations)
    qtbot.addWidget(page)
    _PAGES.append(page)  # the section lives as long as its page
    return page.section(BackupSection)


@pytest.fixture(autouse=True)
def _forget_pages() -> object:
    yield
    _PAGES.clear()


def test_the_partner_moves_the_backups_and_the_page_shows_the_new_folder(
    qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = BackupService(staffed_vault).backup()
    operations = Operations()
    section = _section(qtbot, ui_ctx, staffed_vault, operations)
    assert section.folder.text() == str(staffed_vault.paths.backups)
    assert not section.change_folder.isHidden()
    target = tmp_path / "second-drive"
    asked: list[str] = []

    def chooser(parent: object, caption: str, start: str) -> str:
        asked.append(start)
        return str(target)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(chooser))
    reported: list[Changes] = []
    operations.sig_changed.connect(lambda changes, _source: reported.append(changes))
    op = section.choose_folder()
    assert op is not None and asked == [str(staffed_vault.paths.backups)]
    qtbot.waitUntil(lambda: section.change_folder.isEnabled(), timeout=30000)
    assert section.folder.text() == str(target)
    assert str(target) in section.move_message.text() and "b00020" not in section.move_message.styleSheet()
    assert (target / info.file_name).is_file() and (target / CATALOGUE).is_file()
    assert BackupService(staffed_vault).folder == target
    assert reported and reported[-1].touches("settings") and reported[-1].touches("backups")
    # Another view of the page (a second settings page) follows the change it is told about.
    other = _section(qtbot, ui_ctx, staffed_vault, Operations())
    other.folder.setText("stale")
    other.apply_changes(Changes(settings=True))
    assert other.folder.text() == str(target)
    # The backups page lists the moved backup.
    backups_page = BackupsPage(staffed_vault, Operations())
    qtbot.addWidget(backups_page)
    qtbot.waitUntil(lambda: backups_page.model.rowCount() == 1, timeout=10000)
    assert backups_page.model.data(backups_page.model.index(0, 5)) == info.file_name


def test_a_refused_folder_is_said_and_nothing_moves(
    qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    BackupService(staffed_vault).backup()
    section = _section(qtbot, ui_ctx, staffed_vault, Operations())
    inside = staffed_vault.paths.folder / "inside"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: str(inside)))
    section.choose_folder()
    qtbot.waitUntil(lambda: section.change_folder.isEnabled(), timeout=30000)
    assert section.move_message.text() == "The backups folder cannot be inside the vault folder."
    assert "b00020" in section.move_message.styleSheet()
    assert section.folder.text() == str(staffed_vault.paths.backups)
    assert BackupService(staffed_vault).folder == staffed_vault.paths.backups


def test_cancelling_the_chooser_does_nothing(
    qtbot: QtBot, ui_ctx: UiContext, staffed_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = _section(qtbot, ui_ctx, staffed_vault, Operations())
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: ""))
    assert section.choose_folder() is None
    assert section.move_message.text() == "" and section.folder.text() == str(staffed_vault.paths.backups)


def test_the_button_is_for_partners_only(qtbot: QtBot, ui_ctx: UiContext, logins: dict[Role, Vault]) -> None:
    for role, vault in logins.items():
        if not BackupSection.shown_to(role):
            continue
        section = BackupSection(ui_ctx, vault, Operations())
        qtbot.addWidget(section)
        assert section.change_folder.isHidden() == (role is not Role.PARTNER), role
