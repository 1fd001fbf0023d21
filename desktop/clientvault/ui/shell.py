"""The desktop flow: first run or login, then the main window; back to login on log-out."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from clientvault.services.context import Vault
from clientvault.ui.context import UiContext
from clientvault.ui.dialogs.login import LoginDialog

if TYPE_CHECKING:
    from clientvault.ui.dialogs.first_run import FirstRunDialog
    from clientvault.ui.main_window import MainWindow

MAIN_WINDOW = "clientvault.ui.main_window"
#: The first import waits this long, so the login window is painted before anything heavy loads.
FIRST_DELAY_MS = 100


#: Imported one per event-loop turn while the login window is up, the heaviest leaves first.
PRELOAD = (
    "reportlab.pdfgen.canvas",
    "reportlab.platypus",
    "reportlab.graphics.barcode.qr",
    "openpyxl",
    "PySide6.QtPrintSupport",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    MAIN_WINDOW,
)


class Preloader(QObject):
    """Import the main window's modules on the GUI thread, one per turn of the event loop.

    The login window is on screen before any of them is imported; by the time the user has typed
    a password they usually are, so the click opens the main window without the wait. Not on a
    thread: importing Qt modules beside the running GUI, or a daemon thread still importing when
    the app quits, crashed the process (seen as a segfault at exit in the frozen bundle).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pending = list(PRELOAD)
        QTimer.singleShot(FIRST_DELAY_MS, self._next)

    def _next(self) -> None:
        if self.pending:
            importlib.import_module(self.pending.pop(0))
            QTimer.singleShot(0, self._next)

    def join(self) -> None:
        """Import whatever is left now."""
        while self.pending:
            importlib.import_module(self.pending.pop(0))


def preload_main_window(parent: QObject | None = None) -> Preloader:
    """Start importing the main window's modules while the login window is shown."""
    return Preloader(parent)


class Shell(QObject):
    """Owns the top-level windows of one app run."""

    def __init__(self, ctx: UiContext, app: QApplication) -> None:
        super().__init__(app)
        self.ctx = ctx
        self.app = app
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None
        self.preload: Preloader | None = None

    def start(self) -> None:
        """Show the first-run wizard for a new folder, else the login dialog."""
        if self.ctx.vaults.vault_exists(self.ctx.folder):
            self.show_login()
        else:
            # A new vault only; the wizard imports the consent and PDF code (see preload_main_window).
            from clientvault.ui.dialogs.first_run import FirstRunDialog

            wizard = FirstRunDialog(self.ctx)
            wizard.finished.connect(lambda result: self._after_wizard(wizard, result))
            self.dialog = wizard
            wizard.show()

    def _after_wizard(self, wizard: FirstRunDialog, result: int) -> None:
        if result == QDialog.DialogCode.Accepted and wizard.created is not None:
            self.show_main(wizard.created.vault)
        else:
            self.app.quit()

    def show_login(self, username: str = "") -> None:
        """Ask for credentials."""
        login = LoginDialog(self.ctx, username=username)
        login.finished.connect(lambda result: self._after_login(login, result))
        self.dialog = login
        login.show()
        if self.preload is None:
            self.preload = preload_main_window(self)

    def _after_login(self, login: LoginDialog, result: int) -> None:
        if result == QDialog.DialogCode.Accepted and login.vault is not None:
            self.show_main(login.vault)
        elif self.window is None:
            self.app.quit()

    def show_main(self, vault: Vault) -> None:
        """Open the main window for an unlocked vault."""
        from clientvault.ui.main_window import MainWindow  # after the login: see preload_main_window

        if self.window is not None:
            self.window.deleteLater()
        self.window = MainWindow(self.ctx, vault, self.app)
        self.window.sig_logged_out.connect(self._logged_out)
        self.window.show()
        self.dialog = None
        if vault.warnings:
            from clientvault.ui.errors import show_tamper_warning

            show_tamper_warning(self.window, vault.warnings)

    def _logged_out(self) -> None:
        if self.window is not None:
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        self.show_login()
