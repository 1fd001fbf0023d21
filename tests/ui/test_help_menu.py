"""Help menu: the user guide opens from the shipped local file in the UI language; the shortcut
list and the licences of what ships are shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.services.context import Vault
from clientvault.services.selfcheck import Check
from clientvault.ui.context import UiContext
from clientvault.ui.dialogs.about import AboutDialog
from clientvault.ui.dialogs.help import ShortcutsDialog, UserGuideDialog, guide_path
from clientvault.ui.i18n import Translators
from clientvault.ui.main_window import MainWindow

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_guide_is_read_from_the_docs_and_shipped_by_the_packaging() -> None:
    for lang, suffix in (("zh_CN", "zh"), ("en", "en")):
        assert guide_path(lang) == DOCS / f"USER_GUIDE.{suffix}.md"  # a source checkout: the docs themselves
    spec = (DOCS.parent / "packaging" / "clientvault.spec").read_text(encoding="utf-8")
    assert 'f"USER_GUIDE.{lang}.md"' in spec and '"help"' in spec  # the bundle: resources/help/


def test_help_opens_the_guide_in_the_ui_language(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, new_vault: Vault
) -> None:
    win = MainWindow(ui_ctx, new_vault, qapp)
    qtbot.addWidget(win)
    assert [a.objectName() for a in win.help_menu.actions()] == ["guide_action", "shortcuts_action", "about_action"]
    dialog = win.help.show_guide()
    assert isinstance(dialog, UserGuideDialog) and dialog.path == guide_path("en")
    text = dialog.browser.toPlainText()
    assert "ClientVault user guide" in text and "Logging in" in text and "screenshots/" not in text
    dialog.close()
    ui_ctx.language = "zh_CN"
    zh = win.help.show_guide()
    assert isinstance(zh, UserGuideDialog) and zh.path.name == "USER_GUIDE.zh.md"
    assert "使用指南" in zh.browser.toPlainText()
    zh.close()
    win.close()


def test_shortcut_list_in_chinese(qtbot: QtBot, zh_cn: Translators) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    rows = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text()) for r in range(dialog.table.rowCount())]
    assert rows[0][0] == "Ctrl+L" and "锁定" in rows[0][1]
    assert len({keys for keys, _ in rows}) == len(rows)  # no two lines claim the same keys


def test_about_lists_the_licences_of_shipped_fonts_and_libraries(qtbot: QtBot) -> None:
    dialog = AboutDialog(checks=lambda: [Check("pdf", True, "fine")])
    qtbot.addWidget(dialog)
    rows = {
        dialog.licences.item(r, 0).text(): (dialog.licences.item(r, 1).text(), dialog.licences.item(r, 2).text())
        for r in range(dialog.licences.rowCount())
    }
    assert rows["Qt / PySide6"][1].startswith("LGPL") and rows["Qt / PySide6"][0]
    assert "Apache-2.0" in rows["Droid Sans Fallback (font)"][1]
    assert "Bitstream Vera" in rows["DejaVu Sans, DejaVu Sans Mono (fonts)"][1]
    assert all(version != "?" for version, _ in rows.values())  # every listed library is really installed
