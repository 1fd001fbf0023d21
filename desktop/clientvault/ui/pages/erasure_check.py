"""The whole-file check that follows an erasure, in the background with a progress bar.

The Erasure page answers "erased" as soon as the erasure has committed; this widget then runs
``ErasureService.finish_check`` (checkpoint, VACUUM if the firm asks for it, the integrity check
of every page) on a worker and a connection of its own, so the window's searches go on. The
certificate is issued once the check has finished. Locking the vault stops the check; the next
login of a partner or privacy officer runs it again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from clientvault.services.erasure import ErasureCheck, ErasureService
from clientvault.ui.i18n import fmt
from clientvault.ui.operations import Operation, Operations, Progress

STEPS = 1000  # the progress bar's resolution


class ErasureCheckRunner(QWidget):
    """A label and a progress bar, shown while an erasure's whole-file check runs."""

    sig_checked = Signal(object)
    """The check finished (:class:`ErasureCheck`) or failed (the exception)."""

    def __init__(self, erasure: ErasureService, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.erasure = erasure
        self.operations = operations
        self.operation: Operation | None = None
        self.label = QLabel(self)
        self.label.setObjectName("check_label")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("check_progress")
        self.bar.setRange(0, STEPS)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.bar)
        self.hide()

    @property
    def running(self) -> bool:
        """Whether a check is under way."""
        return self.operation is not None and not self.operation.done

    def start(self, certificate_no: str) -> Operation:
        """Run the check of erasure ``certificate_no`` on a worker; :attr:`sig_checked` tells the end."""
        self.label.setText(
            fmt(self.tr("Checking the vault file after erasure %1; the certificate is issued when it is done…"),
                certificate_no)
        )  # fmt: skip
        self.bar.setValue(0)
        self.show()
        erasure = self.erasure

        def work(progress: Progress) -> ErasureCheck:
            last = [-1]

            def report(fraction: float) -> bool:
                step = int(fraction * STEPS)
                if step != last[0]:  # a signal per visible step, not per SQLite callback
                    last[0] = step
                    progress.report(step, STEPS)
                return not progress.cancelled

            return erasure.finish_check(certificate_no, progress=report)

        self.operation = self.operations.run(
            work, on_success=self._done, on_failure=self._done, on_progress=lambda done, _t: self.bar.setValue(done)
        )
        return self.operation

    def pending_text(self) -> str:
        """What the user reads while another workstation's read keeps old page versions on disk."""
        return self.tr(
            "Another workstation is reading the vault: the old copies leave the disk when it lets go, "
            "and the certificate can be printed then."
        )

    def outcome_text(self, check: ErasureCheck) -> str:
        """The status line once the check has finished (or was stopped)."""
        if check.integrity == "pending":
            text = fmt(self.tr("Erased. Certificate %1; the check of the vault file runs again at the next login."),
                       check.certificate_no)  # fmt: skip
        else:
            words = {"ok": self.tr("passed"), "problems": self.tr("PROBLEMS"), "not_run": self.tr("not run")}
            text = fmt(self.tr("Erased. Certificate %1; integrity check: %2."), check.certificate_no,
                       words.get(check.integrity, check.integrity))  # fmt: skip
        return text + (" " + self.pending_text() if check.on_disk == "pending" else "")

    def _done(self, outcome: object) -> None:
        self.hide()
        self.sig_checked.emit(outcome)
