"""Locking: the idle timer, OS session/sleep signals, and the lock screen.

What triggers a lock (all of them call the same ``MainWindow.lock``):

* **Idle**: no keyboard, mouse, wheel or touch input anywhere in the app for the idle timeout
  (default 5 minutes, setting ``security/idle_lock_minutes``). An event filter on the
  application notes the time of the last input; a timer compares.
* **Ctrl+L** (and the Lock menu item).
* **Sleep / hibernate, every platform**: the check timer notices a wall-clock jump (the process
  did not run for much longer than the timer interval), which is what a resume after sleep looks like.
* **Application suspended**: ``QGuiApplication.applicationStateChanged`` → ``ApplicationSuspended``
  (reported on platforms that suspend apps).
* **Log-out / shutdown**: ``QGuiApplication.commitDataRequest`` (X11/Wayland session manager, Windows
  ``WM_QUERYENDSESSION``).
* **Windows**: ``WM_WTSSESSION_CHANGE`` (screen lock, session switch, remote disconnect; registered with
  ``WTSRegisterSessionNotification``) and ``WM_POWERBROADCAST``/``PBT_APMSUSPEND`` (sleep), through a
  native event filter.
* **Linux desktops**: D-Bus ``org.freedesktop.ScreenSaver.ActiveChanged`` (KDE, and GNOME's
  ``org.gnome.ScreenSaver``) and logind's ``PrepareForSleep`` when a session/system bus exists.
* Not covered: macOS screen lock (Qt reports no event for it; the idle lock and the sleep
  detection still apply).
"""

from __future__ import annotations

import ctypes
import logging
import sys
import time

from PySide6.QtCore import QAbstractNativeEventFilter, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.ui.i18n import fmt
from clientvault.ui.widgets.text import embolden

log = logging.getLogger(__name__)

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits :attr:`sig_idle` after ``timeout_ms`` without user input, and :attr:`sig_slept` after a clock jump."""

    sig_idle = Signal()
    """No user input for the idle timeout."""
    sig_slept = Signal()
    """The computer was asleep (the wall clock jumped past the check interval)."""

    def __init__(self, app: QApplication, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.timeout_ms = timeout_ms
        self._last_input = time.monotonic()
        self._last_tick = time.time()
        self._timer = QTimer(self)
        self._timer.setInterval(max(20, min(1000, timeout_ms // 4)))
        self._timer.timeout.connect(self._tick)
        self.active = False

    def start(self) -> None:
        """Start watching (after a successful login/unlock)."""
        self._last_input = time.monotonic()
        self._last_tick = time.time()
        if not self.active:
            self._app.installEventFilter(self)
        self.active = True
        self._timer.start()

    def stop(self) -> None:
        """Stop watching (while locked)."""
        if self.active:
            self._app.removeEventFilter(self)
        self.active = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _tick(self) -> None:
        now = time.time()
        # A tick that arrives far later than scheduled means the process was frozen: sleep or hibernate.
        slept = now - self._last_tick > max(30.0, 10 * self._timer.interval() / 1000)
        self._last_tick = now
        if slept:
            log.info("clock jump detected; locking")
            self.sig_slept.emit()
        elif (time.monotonic() - self._last_input) * 1000 >= self.timeout_ms:
            self.sig_idle.emit()


class _WindowsSessionFilter(QAbstractNativeEventFilter):
    WM_WTSSESSION_CHANGE = 0x02B1
    WM_POWERBROADCAST = 0x0218
    PBT_APMSUSPEND = 0x0004
    LOCKING = frozenset({0x3, 0x5, 0x7, 0x2})  # remote disconnect, logoff, screen lock, console disconnect

    def __init__(self, watcher: SessionWatcher) -> None:
        super().__init__()
        self._watcher = watcher

    def nativeEventFilter(self, event_type: object, message: object) -> tuple[bool, int]:
        try:
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))  # type: ignore[call-overload]
            if (msg.message == self.WM_WTSSESSION_CHANGE and msg.wParam in self.LOCKING) or (
                msg.message == self.WM_POWERBROADCAST and msg.wParam == self.PBT_APMSUSPEND
            ):
                self._watcher.sig_os_lock.emit()
        except (ValueError, TypeError, OSError):
            pass
        return False, 0


class SessionWatcher(QObject):
    """Turns whatever the OS tells Qt about screen locks, session changes and sleep into one signal."""

    sig_os_lock = Signal()
    """The OS locked the screen, switched session, is going to sleep or the user is logging out."""

    def __init__(self, app: QGuiApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._native: _WindowsSessionFilter | None = None
        app.applicationStateChanged.connect(self._state_changed)
        app.commitDataRequest.connect(lambda _manager: self.sig_os_lock.emit())

    def attach_window(self, win_id: int) -> None:
        """Hook OS notifications that need a window (Windows) or a bus (Linux)."""
        if sys.platform == "win32" and self._native is None:
            self._native = _WindowsSessionFilter(self)
            self._app.installNativeEventFilter(self._native)
            try:
                ctypes.windll.wtsapi32.WTSRegisterSessionNotification(win_id, 0)  # type: ignore[attr-defined]
            except (AttributeError, OSError):
                log.info("session notifications unavailable")
        elif sys.platform.startswith("linux"):
            self._connect_dbus()

    def _connect_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path, iface in (
                ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
            ):
                session.connect(service, path, iface, "ActiveChanged", self, "_screensaver(bool)")
        system = QDBusConnection.systemBus()
        if system.isConnected():
            system.connect(
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                "_screensaver(bool)",
            )

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.sig_os_lock.emit()

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.sig_os_lock.emit()


class LockScreen(QWidget):
    """Covers the main window while locked; unlocking re-authenticates the same user."""

    sig_unlock = Signal(str, bool)
    """The user typed a secret (text, is_pin) and asked to unlock."""
    sig_switch_user = Signal()
    """The user wants to log in as someone else."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.use_pin = False
        self.pin_available = False
        card = QFrame(self)
        card.setObjectName("lock_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(460)
        self.title = embolden(QLabel(self.tr("ClientVault is locked"), card), 6)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel(card)
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who.setWordWrap(True)
        self.note = QLabel(
            self.tr("The database is closed and the keys are cleared from memory. Log in again to continue."), card
        )
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.secret = QLineEdit(card)
        self.secret.setObjectName("unlock_secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label = QLabel(card)
        self.error = QLabel(card)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.unlock_button = QPushButton(self.tr("Unlock"), card)
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.mode_button = QPushButton(card)
        self.mode_button.setFlat(True)
        self.switch_button = QPushButton(self.tr("Log in as someone else"), card)
        self.switch_button.setObjectName("switch_user")
        self.switch_button.setFlat(True)
        form = QFormLayout()
        form.addRow(self.secret_label, self.secret)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.addWidget(self.title)
        inner.addWidget(self.who)
        inner.addWidget(self.note)
        inner.addSpacing(8)
        inner.addLayout(form)
        inner.addWidget(self.mode_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.unlock_button.clicked.connect(self._unlock)
        self.secret.returnPressed.connect(self._unlock)
        self.mode_button.clicked.connect(lambda: self.set_mode(not self.use_pin))
        self.switch_button.clicked.connect(self.sig_switch_user.emit)
        self.set_mode(False)

    def prepare(self, display_name: str, username: str, pin_available: bool) -> None:
        """Show who is locked out and reset the field."""
        self.who.setText(fmt(self.tr("Locked for %1 (%2)"), display_name, username))
        self.pin_available = pin_available
        self.error.clear()
        self.set_mode(pin_available)
        self.secret.setFocus()

    def set_mode(self, pin: bool) -> None:
        """Ask for the PIN (True) or the password (False)."""
        self.use_pin = pin
        self.secret.clear()
        self.secret_label.setText(self.tr("PIN:") if pin else self.tr("Password:"))
        self.mode_button.setText(self.tr("Use my password instead") if pin else self.tr("Use my workstation PIN"))
        self.mode_button.setVisible(self.pin_available)

    def show_error(self, text: str) -> None:
        """Show why unlocking failed."""
        self.error.setText(text)
        self.secret.clear()
        self.secret.setFocus()

    def _unlock(self) -> None:
        if self.secret.text():
            secret = self.secret.text()
            self.secret.clear()
            self.sig_unlock.emit(secret, self.use_pin)
