"""Qt's own dialogs speak Chinese too: the file dialog's labels come from the qt_zh_CN catalog."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from clientvault.ui.i18n import Translators

_HAN = re.compile(r"[\u4e00-\u9fff]")


def test_the_file_dialog_shows_chinese_labels(qtbot: QtBot, zh_cn: Translators) -> None:
    dialog = QFileDialog(None, "", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own widgets, as on a machine without a portal
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text().strip()]
    assert not {"Look in:", "File name:", "Files of type:", "&File name:"} & set(texts), texts
    assert any(_HAN.search(t) for t in texts), texts
