"""Correct a returned consent form whose answers were saved by mistake (partner, privacy officer).

Three steps, like returning a form: the number (Enter, as a QR scanner sends it, only looks the
form up and shows the answers recorded now), the boxes as the paper really says with a typed
reason, then "Review…" shows what changes before "Save correction" writes it (audited).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import InvalidState, ValidationError
from clientvault.services.consent import TickItem
from clientvault.services.form_correction import FormCorrectionService, ReturnedForm
from clientvault.ui.dialogs.return_form import consent_error, scope_label
from clientvault.ui.i18n import fmt
from clientvault.ui.widgets.text import wrapped_label


class FormCorrectionDialog(QDialog):
    """Look a returned form up, tick what the paper says, give a reason, review, save."""

    sig_corrected = Signal(int)
    """The form's answers were corrected (the client's id)."""

    def __init__(
        self, service: FormCorrectionService, lang: str, form_no: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct a returned form"))
        self.service = service
        self.lang = lang
        self.current: ReturnedForm | None = None
        self.boxes: list[tuple[QCheckBox, TickItem]] = []
        self.number = QLineEdit(form_no, self)
        self.number.setObjectName("form_no")
        self.number.setPlaceholderText(self.tr("Scan the QR code or type CF-XXXX-XXXX"))
        self.lookup_button = QPushButton(self.tr("Look up"), self)
        self.lookup_button.setObjectName("lookup")
        self.lookup_button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.number, 1)
        row.addWidget(self.lookup_button)
        self.ticks = QGroupBox(self.tr("What the paper really says"), self)
        self.ticks_layout = QVBoxLayout(self.ticks)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. the wrong box was ticked when the form was recorded"))
        self.message = wrapped_label(self, name="message")
        self.message.setStyleSheet("color: #8e0000;")
        self.review_box = QGroupBox(self.tr("Check before saving"), self)
        self.review_box.setObjectName("review_box")
        self.summary = wrapped_label(self.review_box, name="summary")
        self.confirm_button = QPushButton(self.tr("Save correction"), self.review_box)
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.setAutoDefault(False)
        review_layout = QVBoxLayout(self.review_box)
        review_layout.addWidget(self.summary)
        review_layout.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignRight)
        self.review_box.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.review_button = QPushButton(self.tr("&Review…"), self)
        self.review_button.setObjectName("review")
        self.review_button.setAutoDefault(False)
        self.review_button.setEnabled(False)
        self.buttons.addButton(self.review_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        form = QFormLayout()
        form.addRow(self.tr("Form number:"), row)
        form.addRow(self.tr("Reason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.ticks)
        layout.addWidget(self.message)
        layout.addWidget(self.review_box)
        layout.addWidget(self.buttons)
        self.number.returnPressed.connect(self.lookup)
        self.lookup_button.clicked.connect(self.lookup)
        self.review_button.clicked.connect(self.review)
        self.confirm_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.resize(560, 420)
        if form_no:
            self.lookup()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter never saves: in the number field it looks the form up (returnPressed).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _label(self, tick: TickItem) -> str:
        assert self.current is not None
        names = {p.code: p.name(self.lang) for p in self.current.info.purposes}
        return fmt(self.tr("%1 — %2"), names.get(tick.code, tick.code), scope_label(tick.scope))

    def lookup(self) -> None:
        """Find the returned form and tick the boxes as they are recorded now."""
        for box, _ in self.boxes:
            box.deleteLater()
        self.boxes.clear()
        self.current = None
        self.review_button.setEnabled(False)
        self.review_box.setVisible(False)
        try:
            self.current = self.service.returned(self.number.text())
        except Exception as exc:
            self.message.setText(self._error(exc))
            return
        self.number.setText(self.current.info.form_no)
        self.message.clear()
        for tick in self.current.info.ticks:
            box = QCheckBox(self._label(tick), self.ticks)
            box.setObjectName(f"tick_{tick.code}_{tick.scope.value}")
            box.setChecked(tick in self.current.ticked)
            box.toggled.connect(lambda _=False: self.review_box.setVisible(False))
            self.ticks_layout.addWidget(box)
            box.show()
            self.boxes.append((box, tick))
        self.review_button.setEnabled(bool(self.boxes))
        if self.boxes:
            self.boxes[0][0].setFocus()

    def chosen(self) -> frozenset[TickItem]:
        """The boxes ticked now."""
        return frozenset(t for box, t in self.boxes if box.isChecked())

    def review(self) -> None:
        """Show what the correction changes (nothing is saved yet)."""
        if self.current is None:
            return
        chosen = self.chosen()
        changes = [
            fmt(
                self.tr("%1: %2 → %3"),
                self._label(t),
                self.tr("agreed") if t in self.current.ticked else self.tr("not agreed"),
                self.tr("agreed") if t in chosen else self.tr("not agreed"),
            )
            for t in self.current.info.ticks
            if (t in chosen) != (t in self.current.ticked)
        ]
        if not changes:
            self.message.setText(self.tr("Nothing changes: the boxes are as recorded."))
            return
        self.message.clear()
        self.summary.setText("\n".join(changes))
        self.review_box.setVisible(True)
        self.confirm_button.setFocus()

    def save(self) -> bool:
        """Save the correction (audited). Returns True when saved."""
        if self.current is None:
            return False
        try:
            corrected = self.service.correct(self.current.info.form_no, self.chosen(), self.reason.text())
        except Exception as exc:
            self.message.setText(self._error(exc))
            return False
        self.sig_corrected.emit(corrected.client_id)
        self.accept()
        return True

    def _error(self, exc: BaseException) -> str:
        if isinstance(exc, InvalidState) and exc.code == "form_not_returned":
            return self.tr("This form has not been returned (or was voided): there is nothing to correct.")
        if isinstance(exc, ValidationError) and exc.errors.get("ticked") == "unchanged":
            return self.tr("Nothing changes: the boxes are as recorded.")
        if isinstance(exc, ValidationError) and "reason" in exc.errors:
            return self.tr("Give the reason for the correction (at least 4 characters, at most 500).")
        return consent_error(exc)
