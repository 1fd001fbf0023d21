"""Copying secrets: marked as secret for clipboard managers and cleared after 30 seconds."""

from __future__ import annotations

import sys

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard

CLEAR_AFTER_MS = 30_000


class SecretClipboard(QObject):
    """Puts a secret on the clipboard and takes it off again unless the user copied something else."""

    def __init__(self, clipboard: QClipboard, parent: QObject | None = None, *, clear_after_ms: int = CLEAR_AFTER_MS):
        super().__init__(parent)
        self._clipboard = clipboard
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_unchanged)
        self._copied: str | None = None

    def copy(self, text: str) -> None:
        """Copy ``text`` as a secret and start the clear timer."""
        mime = QMimeData()
        mime.setText(text)
        # KDE Klipper and other managers skip history for this hint; Windows' cloud clipboard and
        # history skip data flagged "ExcludeClipboardContentFromMonitorProcessing".
        mime.setData("x-kde-passwordManagerHint", b"secret")
        if sys.platform == "win32":
            mime.setData("ExcludeClipboardContentFromMonitorProcessing", b"\x01\x00\x00\x00")
            mime.setData("CanIncludeInClipboardHistory", b"\x00\x00\x00\x00")
            mime.setData("CanUploadToCloudClipboard", b"\x00\x00\x00\x00")
        self._clipboard.setMimeData(mime)
        self._copied = text
        self._timer.start()

    def clear_if_unchanged(self) -> None:
        """Clear the clipboard if it still holds the secret we put there."""
        self._timer.stop()
        if self._copied is not None and self._clipboard.text() == self._copied:
            self._clipboard.clear()
        self._copied = None

    @property
    def pending(self) -> bool:
        """Whether a copied secret is waiting to be cleared."""
        return self._timer.isActive()
