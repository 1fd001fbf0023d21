"""Help → User guide and Help → Keyboard shortcuts.

The user guide ships with the program as Markdown: the packaging puts ``docs/USER_GUIDE.<lang>.md``
into ``resources/help/`` (one text, no copy to drift); a source checkout reads ``docs/`` itself.
It is shown in a :class:`QTextBrowser` from the local file: no network, no browser. Pictures are
left out of the in-app guide (``docs/screenshots`` is not shipped); links to other places open nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.paths import resources_dir

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def guide_path(language: str) -> Path:
    """The shipped user guide in ``language`` ("zh_CN" → Chinese, anything else → English)."""
    name = f"USER_GUIDE.{'zh' if language.startswith('zh') else 'en'}.md"
    shipped = resources_dir() / "help" / name
    return shipped if shipped.is_file() else resources_dir().parent / "docs" / name


def guide_markdown(language: str) -> str:
    """The user guide's Markdown without its pictures."""
    return _IMAGE.sub("", guide_path(language).read_text(encoding="utf-8"))


class UserGuideDialog(QDialog):
    """The user guide in the UI language, read from the local file."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_guide")
        self.setWindowTitle(self.tr("ClientVault user guide"))
        self.path = guide_path(language)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide_text")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)  # in-page anchors only; nothing leaves the program
        self.browser.anchorClicked.connect(self._anchor)
        self.browser.setMarkdown(guide_markdown(language))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(820, 900)

    def _anchor(self, url: QUrl) -> None:
        if url.hasFragment() and not url.scheme():
            self.browser.scrollToAnchor(url.fragment())


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts of the main window and its pages, in the UI language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = self.rows()
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcut_table")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for r, (keys, what) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(keys))
            self.table.setItem(r, 1, QTableWidgetItem(what))
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 440)

    def rows(self) -> list[tuple[str, str]]:
        """(keys as this system writes them, what they do)."""

        def keys(seq: QKeySequence | QKeySequence.StandardKey | str) -> str:
            return QKeySequence(seq).toString(QKeySequence.SequenceFormat.NativeText)

        return [
            (keys("Ctrl+L"), self.tr("Lock the vault (everywhere in the program)")),
            (keys(QKeySequence.StandardKey.Quit), self.tr("Quit")),
            (keys(QKeySequence.StandardKey.Find), self.tr("Client list: go to the search field")),
            (self.tr("Down / Enter"), self.tr("In the search field: move into the results")),
            (self.tr("Enter"), self.tr("In the results: open the selected client")),
            (keys(QKeySequence.StandardKey.Close), self.tr("Client list: close the client tab shown")),
            (keys(QKeySequence.StandardKey.Refresh), self.tr("Client page: reload it")),
            (
                self.tr("Enter after a form number"),
                self.tr("Return or correct a form: look it up (saves nothing)"),
            ),
            (self.tr("Alt + underlined letter"), self.tr("Press the button or go to the field with that letter")),
            (keys(QKeySequence.StandardKey.HelpContents), self.tr("Open the user guide")),
        ]
