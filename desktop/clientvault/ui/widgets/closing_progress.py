"""A small window shown after the main window closed, while the close-time backup is written.

The main window closes at once (services/closing.py); when the settings ask for a backup on
close and the vault changed, a thread writes it and the process lives until it is done. This
window says so and shows how far it is, then closes itself.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

STEPS = 1000


class ClosingProgress(QWidget):
    """ "Finishing the backup…" with a progress bar, until ``thread`` ends."""

    def __init__(self, thread: threading.Thread, state: list[float]) -> None:
        super().__init__(None, Qt.WindowType.Dialog)
        self.setObjectName("closing_progress")
        self.setWindowTitle(self.tr("ClientVault"))
        self._thread = thread
        self._state = state
        label = QLabel(self.tr("Finishing the backup before ClientVault closes…"), self)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("progress")
        self.bar.setRange(0, STEPS)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.bar)
        self.resize(420, 90)
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def poll(self) -> None:
        """Show the backup's progress; close once the thread has finished."""
        self.bar.setValue(int(self._state[0] * STEPS))
        if not self._thread.is_alive():
            self._timer.stop()
            self.close()
