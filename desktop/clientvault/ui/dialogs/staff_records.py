"""The staff register's dialogs: record an agreement, a training session, the partner's reveal override."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.services.staff_register import (
    MAX_OVERRIDE_DAYS,
    StaffRegisterService,
    StaffStanding,
    TrainingSession,
)
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt
from clientvault.ui.labels import role_name
from clientvault.ui.widgets.form_fields import date_edit, edited_day
from clientvault.ui.widgets.text import wrapped_label


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _error_label(dialog: QWidget) -> QLabel:
    label = wrapped_label(dialog, name="error")
    label.setStyleSheet("color: #b00020;")
    return label


class StaffAgreementDialog(QDialog):
    """Record a signed confidentiality agreement or commitment, optionally with its scan."""

    def __init__(
        self,
        service: StaffRegisterService,
        members: list[StaffStanding],
        parent: QWidget | None = None,
        *,
        user_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Record a confidentiality agreement"))
        today = service.today()
        self.member = QComboBox(self)
        self.member.setObjectName("member")
        for m in members:
            if m.active:
                self.member.addItem(fmt(self.tr("%1 (%2)"), m.display_name, role_name(m.role)), m.user_id)
        if user_id is not None and self.member.findData(user_id) >= 0:
            self.member.setCurrentIndex(self.member.findData(user_id))
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Confidentiality agreement"), "agreement")
        self.kind.addItem(self.tr("Signed confidentiality commitment"), "commitment")
        self.signed = date_edit(self, "signed_on", today)
        self.has_end = QCheckBox(self.tr("Ends on:"), self)
        self.has_end.setObjectName("has_end")
        self.has_end.setChecked(True)
        self.until = date_edit(self, "valid_until", date(today.year + 3, today.month, min(today.day, 28)))
        self.has_end.toggled.connect(self.until.setEnabled)
        self.scan_path: Path | None = None
        self.scan_label = QLabel(self.tr("(no scan)"), self)
        self.scan_label.setObjectName("scan_label")
        choose = QPushButton(self.tr("Choose scan…"), self)
        choose.setObjectName("choose_scan")
        choose.clicked.connect(lambda: self.choose_scan())
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_label, 1)
        scan_row.addWidget(choose)
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.error = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Member of staff:"), self.member)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Signed on:"), self.signed)
        form.addRow(self.has_end, self.until)
        form.addRow(self.tr("Signed copy (PDF or image):"), scan_row)
        form.addRow(self.tr("Note:"), self.note)
        buttons = _buttons(self)
        buttons.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            wrapped_label(self, self.tr("The scan is kept inside the encrypted vault; viewing it is recorded."))
        )
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def choose_scan(self, path: Path | None = None) -> None:
        """Pick the signed copy (a file dialog unless ``path`` is given)."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Signed copy"), "", self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)")
            )
            if not chosen:
                return
            path = Path(chosen)
        self.scan_path = path
        self.scan_label.setText(path.name)

    def submit(self) -> None:
        """Record the agreement; an error stays in the dialog with every field kept."""
        if self.member.currentData() is None:
            self.error.setText(self.tr("Choose the member of staff."))
            return
        try:
            scan = self.scan_path.read_bytes() if self.scan_path else None
        except OSError:
            self.error.setText(self.tr("The scan file could not be read."))
            return
        try:
            self.service.record_agreement(
                int(self.member.currentData()),
                edited_day(self.signed),
                kind=str(self.kind.currentData()),
                valid_until=edited_day(self.until) if self.has_end.isChecked() else None,
                scan=scan,
                note=self.note.text(),
            )
        except KnownError as exc:
            self.error.setText(error_message(exc))
            return
        self.accept()


class TrainingDialog(QDialog):
    """Record a training session: date, topic, trainer and who attended."""

    def __init__(self, service: StaffRegisterService, members: list[StaffStanding], parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Record a training session"))
        self.held = date_edit(self, "held_on", service.today())
        self.topic = QLineEdit(self)
        self.topic.setObjectName("topic")
        self.trainer = QLineEdit(self)
        self.trainer.setObjectName("trainer")
        self.attendees = QListWidget(self)
        self.attendees.setObjectName("attendees")
        for m in members:
            if m.active:
                item = QListWidgetItem(fmt(self.tr("%1 (%2)"), m.display_name, role_name(m.role)), self.attendees)
                item.setData(Qt.ItemDataRole.UserRole, m.user_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
        self.error = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Date:"), self.held)
        form.addRow(self.tr("Topic:"), self.topic)
        form.addRow(self.tr("Trainer:"), self.trainer)
        form.addRow(self.tr("Attended:"), self.attendees)
        buttons = _buttons(self)
        buttons.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def check(self, user_ids: list[int]) -> None:
        """Tick these members as attending."""
        for i in range(self.attendees.count()):
            item = self.attendees.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in user_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list[int]:
        """The ticked members."""
        return [
            int(self.attendees.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.attendees.count())
            if self.attendees.item(i).checkState() == Qt.CheckState.Checked
        ]

    def submit(self) -> None:
        """Record the session; an error stays in the dialog."""
        try:
            self.service.record_training(edited_day(self.held), self.topic.text(), self.trainer.text(), self.chosen())
        except KnownError as exc:
            self.error.setText(error_message(exc))
            return
        self.accept()


class AttendanceDialog(QDialog):
    """Add members of staff who attended a recorded session (they were missed, or caught up later)."""

    def __init__(
        self,
        service: StaffRegisterService,
        members: list[StaffStanding],
        session: TrainingSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.session = session
        self.setWindowTitle(fmt(self.tr("Attendance: %1 (%2)"), session.topic, session.held_on))
        self.attendees = QListWidget(self)
        self.attendees.setObjectName("attendees")
        for m in members:
            if m.active and m.user_id not in session.attendees:
                item = QListWidgetItem(fmt(self.tr("%1 (%2)"), m.display_name, role_name(m.role)), self.attendees)
                item.setData(Qt.ItemDataRole.UserRole, m.user_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
        self.error = _error_label(self)
        buttons = _buttons(self)
        buttons.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Also attended:"), self))
        layout.addWidget(self.attendees)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def check(self, user_ids: list[int]) -> None:
        """Tick these members."""
        for i in range(self.attendees.count()):
            item = self.attendees.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in user_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def submit(self) -> None:
        """Add the ticked members; an error stays in the dialog."""
        chosen = [
            int(self.attendees.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.attendees.count())
            if self.attendees.item(i).checkState() == Qt.CheckState.Checked
        ]
        try:
            self.service.add_attendance(self.session.id, chosen)
        except KnownError as exc:
            self.error.setText(error_message(exc))
            return
        self.accept()


class RevealOverrideDialog(QDialog):
    """The partner lets one person reveal before their agreement is on file: a reason and a last day."""

    def __init__(self, service: StaffRegisterService, member: StaffStanding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.member = member
        self.setWindowTitle(self.tr("Allow reveals without an agreement"))
        today = service.today()
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(70)
        self.until = date_edit(self, "until", today + timedelta(days=7))
        self.until.setMinimumDate(QDate(today.year, today.month, today.day))
        self.error = _error_label(self)
        explain = wrapped_label(
            self,
            fmt(
                self.tr(
                    "%1 has no confidentiality agreement in force, so cannot reveal sensitive items. You may allow "
                    "it for at most %2 days, with a reason; this is recorded in the audit log and the staff "
                    "register. Record the signed agreement as soon as it arrives."
                ),
                member.display_name,
                MAX_OVERRIDE_DAYS,
            ),
        )
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Last day:"), self.until)
        buttons = _buttons(self)
        buttons.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def submit(self) -> None:
        """Grant the override; an error stays in the dialog."""
        try:
            self.service.grant_override(self.member.user_id, self.reason.toPlainText(), edited_day(self.until))
        except KnownError as exc:
            self.error.setText(error_message(exc))
            return
        self.accept()
