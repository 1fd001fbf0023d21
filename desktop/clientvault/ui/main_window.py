"""The main window: role-based navigation over pages, and the lock screen.

Thin on purpose: it picks the pages a role may see, stacks them, and swaps in the lock screen.
Each page owns its model and talks to services itself.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.services.changes import Changes, data_version
from clientvault.services.closing import close_backup_due, finish_session
from clientvault.services.context import Vault
from clientvault.services.erasure import complete_pending_erasures
from clientvault.ui.context import UiContext
from clientvault.ui.daily_jobs import changes_of, daily_work
from clientvault.ui.errors import error_message
from clientvault.ui.help_menu import HelpMenu
from clientvault.ui.i18n import fmt
from clientvault.ui.labels import role_name
from clientvault.ui.lock import IdleWatcher, LockScreen, SessionWatcher
from clientvault.ui.operations import Operations
from clientvault.ui.page_list import page_factories
from clientvault.ui.page_set import PageSet
from clientvault.ui.pages.clients import ClientsPage
from clientvault.ui.widgets.capture import exclude_from_capture

log = logging.getLogger(__name__)
PENDING_ERASURE_CHECK_MS = 30_000
"""How often the window looks for another workstation's changes and finishes pending erasures."""


class MainWindow(QMainWindow):
    """Hosts the pages of the logged-in role and locks on idle, Ctrl+L and OS signals."""

    sig_logged_out = Signal()
    """The user chose to log in as someone else (the vault is locked)."""

    def __init__(self, ctx: UiContext, vault: Vault, app: QApplication, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault = vault
        self._app = app
        self.operations = Operations(self)
        self.closing: threading.Thread | None = None  # the close-time backup (see closeEvent)
        self.closing_progress: QWidget | None = None  # its progress window
        # One path for every change to reach every page (see services/changes.py): actions report
        # to the operations helper; the page shown reloads now, the others when next shown.
        self.operations.sig_changed.connect(self.broadcast)
        self._data_version = 0
        self.pages = PageSet(self._make_page)
        self.setWindowTitle(self.tr("ClientVault"))
        self.resize(QSize(1100, 700))

        self.header = QLabel(self)
        self.header.setObjectName("header")
        self.header.setStyleSheet("padding: 6px 10px; background: #1f3b57; color: white;")
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(180)
        self.stack = QStackedWidget(self)
        body = QWidget(self)
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.content = QWidget(self)
        col = QVBoxLayout(self.content)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.header)
        col.addWidget(body, 1)
        self.lock_screen = LockScreen(self)
        self.outer = QStackedWidget(self)
        self.outer.addWidget(self.content)
        self.outer.addWidget(self.lock_screen)
        self.setCentralWidget(self.outer)

        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setObjectName("lock_action")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.logout_action = QAction(self.tr("Log in as someone &else"), self)
        self.logout_action.triggered.connect(self.logout)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("&Vault"))
        menu.addAction(self.lock_action)
        menu.addAction(self.logout_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.addAction(self.lock_action)
        self.help = HelpMenu(self, lambda: self.ctx.language)  # user guide, shortcuts, about
        self.help_menu, self.about_action = self.help.menu, self.help.about_action

        self.idle = IdleWatcher(app, ctx.idle_timeout_ms(), self)
        # The periodic look at other workstations' changes; it also finishes erasures left
        # "pending on disk" once the readers let go (check_external_changes).
        self.pending_erasures = QTimer(self)
        self.pending_erasures.setInterval(PENDING_ERASURE_CHECK_MS)
        self.pending_erasures.timeout.connect(self.check_external_changes)
        self.pending_erasures.start()
        self.idle.sig_idle.connect(self.lock)
        self.idle.sig_slept.connect(self.lock)
        self.session_watcher = SessionWatcher(app, self)
        self.session_watcher.sig_os_lock.connect(self.lock)
        self.lock_screen.sig_unlock.connect(self.unlock)
        self.lock_screen.sig_switch_user.connect(self.logout)
        self.nav.currentRowChanged.connect(self._show_row)
        self._build_pages()

    # -- pages ---------------------------------------------------------------------------------

    def page_factories(self) -> list[tuple[str, str, Callable[[], QWidget]]]:
        """(key, title, factory) for the pages this role may see; the first is the role's home."""
        return page_factories(self)

    def open_filtered(self, key: str, flt: object) -> None:
        """Show page ``key`` and, if it has filters, apply ``flt`` (the dashboard's figures)."""
        self.show_page(key)
        page = self.pages[key]
        set_filter = getattr(page, "set_filter", None) or getattr(page, "show_bucket", None)
        if flt is not None and set_filter is not None:
            set_filter(flt)

    def open_client(self, client_id: int) -> None:
        """Show a client's page (from a home page's list)."""
        self.show_page("clients")
        clients = self.pages["clients"]
        assert isinstance(clients, ClientsPage)
        clients.open_client(client_id)

    def refresh_header(self) -> None:
        """The firm's name, the user and the role above the pages (the name may be changed in Settings)."""
        s = self.vault.session
        self.header.setText(
            fmt(self.tr("%1  ·  %2 (%3)  ·  Ctrl+L locks"), self.ctx.firm_name(self.vault), s.display_name,
                role_name(s.role))
        )  # fmt: skip

    def _build_pages(self) -> None:
        self.refresh_header()
        self.nav.blockSignals(True)
        # Each page is built when first shown (or first asked for): the login reaches the home
        # page without building the client list, the audit log or the erasure register.
        self.pages = PageSet(self._make_page)
        for key, title, factory in self.page_factories():
            self.pages.add(key, factory)
            holder = QWidget(self.stack)
            holder.setObjectName(f"placeholder_{key}")
            self.stack.addWidget(holder)
            QListWidgetItem(title, self.nav).setData(Qt.ItemDataRole.UserRole, key)
        self.nav.blockSignals(False)
        self.nav.setVisible(self.nav.count() > 1)  # a one-page role needs no navigation
        # Read before the first page is shown: otherwise its first look at other workstations'
        # changes saw a new number and told every page to reload (the home page read twice at login).
        self._data_version = data_version(self.vault)
        self.nav.setCurrentRow(0)
        self._show_row(0)
        self.outer.setCurrentWidget(self.content)
        self.vault.on_lock.append(self._vault_locked)
        self.idle.start()
        self._daily_jobs()

    def _daily_jobs(self) -> None:
        """Run the login-time jobs in the background (``ui/daily_jobs.py``); failures go to the status bar."""
        self.daily_jobs = self.operations.run(
            daily_work(self.vault), on_success=self._daily_jobs_done, on_failure=self._backup_failed
        )

    def _daily_jobs_done(self, result: object) -> None:
        assert isinstance(result, dict)
        changes = changes_of(result)
        if changes.kinds:
            self.operations.report(changes)
        for name, outcome in result.items():
            if isinstance(outcome, BaseException):
                if name == "backup":
                    self._backup_failed(outcome)
                else:
                    log.warning("daily %s job failed: %s", name, type(outcome).__name__)
                    self.statusBar().showMessage(
                        error_message(outcome) if isinstance(outcome, KnownError) else self.tr("A daily check failed")
                    )

    def _backup_failed(self, exc: BaseException) -> None:
        # A scheduled backup must never get in the way of work; the Backups page shows the state.
        log.warning("scheduled backup failed: %s", type(exc).__name__)
        self.statusBar().showMessage(error_message(exc) if isinstance(exc, KnownError) else self.tr("Backup failed"))

    def _make_page(self, key: str, factory: Callable[[], QWidget]) -> QWidget:
        """Build page ``key`` and put it where its placeholder was in the stack."""
        page = factory()
        page.setObjectName(f"page_{key}")
        index = self.pages.keys_in_order().index(key)
        holder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(holder)
        holder.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)
        return page

    def _show_row(self, row: int) -> None:
        keys = self.pages.keys_in_order()
        if 0 <= row < len(keys) and not self.vault.locked:
            _ = self.pages[keys[row]]  # build it now: it is about to be seen
            self.stack.setCurrentIndex(row)
            self.pages.deliver_missed(keys[row])
            self.check_external_changes()

    # -- keeping the pages true ----------------------------------------------------------------

    def broadcast(self, changes: Changes, source: QObject | None = None) -> None:
        """Hand ``changes`` to the pages: the one shown reloads now, the others when next shown."""
        if self.is_locked or self.vault.locked or self.closing is not None:
            return  # a late report (work that finished as the vault locked or the window closed)
        if changes.settings:
            self.idle.timeout_ms = self.ctx.idle_timeout_ms()
            self.refresh_header()
        self.pages.broadcast(changes, self.current_page_key, source)

    def check_external_changes(self) -> bool:
        """Whether another workstation changed the vault since the last look (then every page is told).

        Each look also finishes erasures another workstation's reading left "pending on disk"
        (retrying the checkpoint without waiting: the GUI thread never blocks on it).
        """
        if self.is_locked or self.vault.locked or self.closing is not None:
            return False
        self._complete_pending_erasures()
        try:
            version = data_version(self.vault)
        except KnownError as exc:  # busy or damaged: the next look tries again
            log.info("data version check: %s", type(exc).__name__)
            return False
        if version == self._data_version:
            return False
        self._data_version = version
        self.broadcast(Changes.everything(external=True))
        return True

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_external_changes()

    def _clear_pages(self) -> None:
        self.nav.blockSignals(True)  # removing the items must not build the pages they point at
        self.nav.clear()
        self.nav.blockSignals(False)
        while self.stack.count():
            page = self.stack.widget(0)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = PageSet(self._make_page)

    @property
    def current_page_key(self) -> str | None:
        """The key of the page shown."""
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def show_page(self, key: str) -> None:
        """Switch to the page ``key``."""
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return
        raise KeyError(key)

    # -- locking -------------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        """Whether the lock screen is up."""
        return self.outer.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Close the database, drop the keys, tear the pages down and show the lock screen."""
        if self.is_locked:
            return
        self.idle.stop()
        self.operations.cancel_all()
        self.operations.wait()
        self._clear_pages()
        self.vault.lock()
        self._show_lock_screen()

    def _complete_pending_erasures(self) -> None:
        if self.is_locked or self.vault.locked:
            return
        try:
            if complete_pending_erasures(self.vault):
                self.operations.report(Changes(requests=True))
        except KnownError as exc:  # busy or damaged: the next look (or the next open) tries again
            log.info("pending erasure check: %s", type(exc).__name__)

    def _vault_locked(self) -> None:
        # The vault was locked from elsewhere (e.g. a service found the keys changed).
        if not self.is_locked:
            self.idle.stop()
            self._clear_pages()
            self._show_lock_screen()

    def _show_lock_screen(self) -> None:
        s = self.vault.session
        pin = self.ctx.vaults.has_workstation_login(self.ctx.folder, s.username)
        self.lock_screen.prepare(s.display_name, s.username, pin)
        self.outer.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)

    def unlock(self, secret: str, use_pin: bool) -> None:
        """Re-authenticate the same user and rebuild the pages."""
        username = self.vault.session.username
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if use_pin:
                vault = self.ctx.vaults.unlock_with_pin(self.ctx.folder, username, secret)
            else:
                vault = self.ctx.vaults.unlock(self.ctx.folder, username, secret)
        except KnownError as exc:
            self.lock_screen.show_error(error_message(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.vault = vault
        self.menuBar().setEnabled(True)
        self._build_pages()

    def logout(self) -> None:
        """Lock and hand back to the login dialog."""
        self.lock()
        self.sig_logged_out.emit()

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        self.session_watcher.attach_window(int(self.winId()))
        self.capture_excluded = exclude_from_capture(int(self.winId()))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close at once. Nothing running and no backup due: lock now. Otherwise a thread waits for
        the workers, locks, and takes the backup the settings ask for; the process lives until that
        thread ends (services/closing.py) and ``self.closing`` is it.
        """
        self.idle.stop()
        self.pending_erasures.stop()
        self.operations.cancel_all()
        if not self.vault.locked:
            due = close_backup_due(self.vault)
            if self.operations.wait(0) and not due:
                self.vault.lock()
            else:
                self.vault.on_lock.clear()  # this window and its pages are going: nothing left to tell
                state = [0.0]
                self.closing = finish_session(self.vault, self.operations.wait, lambda f: state.__setitem__(0, f))
                if due:  # the backup takes a while: a small window says so until it is written
                    from clientvault.ui.widgets.closing_progress import ClosingProgress

                    self.closing_progress = ClosingProgress(self.closing, state)
                    self.closing_progress.show()
        super().closeEvent(event)
