"""A sensitive value shown masked; revealed only for a while, then masked again."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from clientvault.ui.i18n import fmt
from clientvault.ui.widgets.clipboard import SecretClipboard

REVEAL_MS = 30_000


class MaskedValue(QWidget):
    """Masked text, an optional Reveal button, and — while revealed — a countdown and a Copy button.

    The clear value is held only between :meth:`show_value` and :meth:`conceal` (the hide timer).
    """

    sig_reveal_requested = Signal()
    """The user pressed Reveal (the owner asks for a purpose and calls the service)."""
    sig_hidden = Signal()
    """A revealed value was masked again (timer, close, or lock)."""
    sig_copied = Signal()
    """The revealed value was copied to the clipboard as a secret."""

    def __init__(
        self,
        masked: str,
        *,
        can_reveal: bool = False,
        clipboard: SecretClipboard | None = None,
        reveal_ms: int = REVEAL_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._masked = masked
        self._value: str | None = None
        self._clipboard = clipboard
        self.text = QLabel(masked, self)
        self.text.setObjectName("value")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumWidth(170)
        self.reveal_button = QPushButton(self.tr("Reveal…"), self)
        self.reveal_button.setObjectName("reveal")
        self.reveal_button.setVisible(can_reveal)
        self.reveal_button.setAccessibleName(self.tr("Reveal the value"))
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setObjectName("copy")
        self.copy_button.setToolTip(self.tr("Copies the value; the clipboard is cleared after 30 seconds."))
        self.copy_button.setVisible(False)
        self.countdown = QLabel(self)
        self.countdown.setObjectName("countdown")
        self.countdown.setStyleSheet("color: #8a5300;")
        self.countdown.setVisible(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text)
        row.addWidget(self.countdown)
        row.addWidget(self.copy_button)
        row.addWidget(self.reveal_button)
        row.addStretch(1)

        self.hide_timer = QTimer(self)
        self.hide_timer.setSingleShot(True)
        self.hide_timer.setInterval(reveal_ms)
        self.hide_timer.timeout.connect(self.conceal)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_countdown)
        self.reveal_button.clicked.connect(self.sig_reveal_requested)
        self.copy_button.clicked.connect(self.copy)

    @property
    def revealed(self) -> bool:
        """Whether the clear value is on screen."""
        return self._value is not None

    def set_masked(self, masked: str) -> None:
        """Change the masked form (hides any revealed value)."""
        self._masked = masked
        self.conceal()

    def show_value(self, value: str) -> None:
        """Show ``value`` until the hide timer fires."""
        self._value = value
        self.text.setText(value)
        self.text.setStyleSheet("background: #fff3cd; padding: 2px 4px;")
        self.copy_button.setVisible(self._clipboard is not None)
        self.countdown.setVisible(True)
        self.reveal_button.setEnabled(False)
        self.hide_timer.start()
        self._tick.start()
        self._update_countdown()

    def conceal(self) -> None:
        """Mask the value again and forget it."""
        was = self._value is not None
        self._value = None
        self.hide_timer.stop()
        self._tick.stop()
        self.text.setText(self._masked)
        self.text.setStyleSheet("")
        self.copy_button.setVisible(False)
        self.countdown.setVisible(False)
        self.reveal_button.setEnabled(True)
        if was:
            self.sig_hidden.emit()

    def copy(self) -> None:
        """Put the revealed value on the clipboard, marked secret and cleared after 30 s."""
        if self._value is None or self._clipboard is None:
            return
        self._clipboard.copy(self._value)
        self.sig_copied.emit()

    def _update_countdown(self) -> None:
        # Coarse timers may report a little more than the interval: never show more than 30 s.
        seconds = min(self.hide_timer.interval() // 1000, max(0, (self.hide_timer.remainingTime() + 999) // 1000))
        self.countdown.setText(fmt(self.tr("hidden in %1 s"), seconds))
