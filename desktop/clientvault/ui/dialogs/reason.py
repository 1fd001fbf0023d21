"""Asking for a typed reason (opening a locked record, unlocking, holds, refusals, erasure basis)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

MIN_REASON = 2  # services.locking.MIN_REASON: the service checks it again


class ReasonDialog(QDialog):
    """A prompt, a one-line reason, OK enabled once something meaningful is typed."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None, *, extra_label: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setMaxLength(500)
        self.extra_edit = QLineEdit(self)
        self.extra_edit.setObjectName("extra")
        self.extra_label = QLabel(extra_label, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.extra_label)
        layout.addWidget(self.extra_edit)
        self.extra_label.setVisible(bool(extra_label))
        self.extra_edit.setVisible(bool(extra_label))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(len(self.reason.strip()) >= MIN_REASON)

    @property
    def reason(self) -> str:
        """The typed reason."""
        return self.reason_edit.text()

    @property
    def extra(self) -> str:
        """The optional second field (e.g. the witness)."""
        return self.extra_edit.text()


def ask_reason(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """Show a :class:`ReasonDialog`; return the reason, or None when cancelled."""
    dialog = ReasonDialog(title, prompt, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason
