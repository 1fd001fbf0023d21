"""Help → About: version and the self-check lines, in Chinese; the translations check itself."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault import __version__
from clientvault.services.context import Vault
from clientvault.services.selfcheck import Check
from clientvault.ui.context import UiContext
from clientvault.ui.dialogs import about as about_mod
from clientvault.ui.dialogs.about import AboutDialog
from clientvault.ui.i18n import Translators, check_translations
from clientvault.ui.main_window import MainWindow


def _rows(dialog: AboutDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_about_runs_the_real_selfcheck_in_chinese(qtbot: QtBot, zh_cn: Translators) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "关于客户保密柜"
    assert dialog.findChild(type(dialog.summary), "about_title").text() == f"<b>客户保密柜</b> {__version__}"
    rows = _rows(dialog)
    assert [row[0] for row in rows] == ["条码(二维码)", "PDF 中文字体", "加密数据库与检索", "系统密钥环", "中文翻译"]
    assert all(row[1] == "正常" for row in rows), rows
    assert "SQLCipher 4." in rows[2][2]
    assert dialog.summary.text() == "全部检查通过。"


def test_a_failed_line_is_marked_and_summarised(qtbot: QtBot, zh_cn: Translators) -> None:
    lines = [Check("pdf", True, "fine"), Check("keyring", False, "0 backends loaded; SecretService MISSING")]
    dialog = AboutDialog(checks=lambda: lines)
    qtbot.addWidget(dialog)
    assert [row[1] for row in _rows(dialog)] == ["正常", "失败"]
    assert dialog.summary.text().startswith("2 项检查中有 1 项失败")


def test_help_menu_opens_about(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, new_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[AboutDialog] = []

    def fake_exec(self: AboutDialog) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(about_mod.AboutDialog, "exec", fake_exec)
    monkeypatch.setattr(about_mod, "full_selfcheck", lambda: [Check("pdf", True, "fine")])
    win = MainWindow(ui_ctx, new_vault, qapp)
    qtbot.addWidget(win)
    assert win.about_action in win.help_menu.actions()
    win.about_action.trigger()
    assert len(shown) == 1
    assert shown[0].parent() is win
    assert _rows(shown[0]) == [["PDF with the Chinese font", "OK", "fine"]]


def test_translations_check_fails_for_a_language_without_catalogs(qapp: QApplication) -> None:
    good = check_translations("zh_CN")
    assert good.ok and "qt_zh_CN.qm" in good.detail and "客户保密柜" in good.detail
    bad = check_translations("xx_XX")  # no catalog of ours, none of Qt's
    assert not bad.ok
    assert "clientvault_xx_XX.qm MISSING" in bad.detail and "Qt missing" in bad.detail
