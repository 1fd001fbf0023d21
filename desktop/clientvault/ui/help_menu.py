"""The main window's Help menu: the user guide (F1), the keyboard shortcuts, About."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow


class HelpMenu(QObject):
    """Adds "Help" to ``window``'s menu bar; ``language`` gives the UI language for the guide."""

    def __init__(self, window: QMainWindow, language: Callable[[], str]) -> None:
        super().__init__(window)
        self.window = window
        self.language = language
        self.guide_action = QAction(self.tr("&User guide"), window)
        self.guide_action.setObjectName("guide_action")
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.show_guide)
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), window)
        self.shortcuts_action.setObjectName("shortcuts_action")
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(self.tr("&About ClientVault"), window)
        self.about_action.setObjectName("about_action")
        self.about_action.triggered.connect(self.show_about)
        self.menu = window.menuBar().addMenu(self.tr("&Help"))
        for action in (self.guide_action, self.shortcuts_action, self.about_action):
            self.menu.addAction(action)

    def show_guide(self) -> QDialog:
        """The shipped guide in the UI language (a local file, no network)."""
        from clientvault.ui.dialogs.help import UserGuideDialog

        dialog = UserGuideDialog(self.language(), self.window)
        dialog.show()
        return dialog

    def show_shortcuts(self) -> QDialog:
        """The keyboard shortcuts."""
        from clientvault.ui.dialogs.help import ShortcutsDialog

        dialog = ShortcutsDialog(self.window)
        dialog.show()
        return dialog

    def show_about(self) -> None:
        """Version, the self-check, the licences of what ships."""
        from clientvault.ui.dialogs.about import AboutDialog

        AboutDialog(self.window).exec()
