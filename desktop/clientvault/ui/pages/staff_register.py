"""The staff register page: agreements, training and refreshers per member of staff, the reveal override.

Partner and privacy officer see everyone and record; every other member of staff sees their own line
and the sessions they attended. Only the partner may allow reveals without an agreement.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QBrush, QColor, QStandardItem
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.core.roles import Role
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.staff_register import (
    MAX_REFRESHER_MONTHS,
    StaffRegisterService,
    StaffStanding,
    TrainingSession,
)
from clientvault.ui.dialogs.staff_records import (
    AttendanceDialog,
    RevealOverrideDialog,
    StaffAgreementDialog,
    TrainingDialog,
)
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt, format_date, format_number
from clientvault.ui.labels import role_name
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.register_page import headed_layout, refill, table_model, toolbar
from clientvault.ui.widgets.tables import make_table_view, selected_item
from clientvault.ui.widgets.text import wrapped_label

_ALERT_BG = "#fdf0ee"
_SUFFIX = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg", "image/tiff": ".tif"}


class StaffRegisterPage(QWidget):
    """One line per member of staff; the training sessions below."""

    def __init__(
        self,
        vault: Vault,
        operations: Operations,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.today = today
        self.service = StaffRegisterService(vault, today=today)
        self.lines: list[StaffStanding] = self.service.standings()  # AccessDenied without the register
        self.shown: list[StaffStanding] = []
        manage = self.service.can_manage()
        self.filter = QComboBox(self)
        self.filter.setObjectName("filter")
        self.filter.addItem(self.tr("Everyone"), None)
        self.filter.addItem(self.tr("Agreement missing or ended"), "agreements")
        self.filter.addItem(self.tr("Training overdue"), "training")
        self.filter.setVisible(manage)
        self.agreement_button = QPushButton(self.tr("Record agreement…"), self)
        self.agreement_button.setObjectName("record_agreement")
        self.training_button = QPushButton(self.tr("Record training…"), self)
        self.training_button.setObjectName("record_training")
        self.override_button = QPushButton(self.tr("Allow reveals without agreement…"), self)
        self.override_button.setObjectName("override")
        self.end_override_button = QPushButton(self.tr("End override"), self)
        self.end_override_button.setObjectName("end_override")
        self.scan_button = QPushButton(self.tr("Save signed copy…"), self)
        self.scan_button.setObjectName("save_scan")
        for b in (self.agreement_button, self.training_button):
            b.setVisible(manage)
        self.override_button.setVisible(vault.session.role is Role.PARTNER)
        self.end_override_button.setVisible(vault.session.role is Role.PARTNER)
        controls = toolbar(
            [self.filter],
            [
                self.agreement_button,
                self.training_button,
                self.override_button,
                self.end_override_button,
                self.scan_button,
            ],
        )
        self.model = table_model(
            self,
            [
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Confidentiality agreement"),
                self.tr("Last training"),
                self.tr("Refresher due"),
                self.tr("Override until"),
            ],
        )
        self.view = make_table_view(self, "staff_register", self.model)
        self.details = wrapped_label(self, name="details")
        self.months = QSpinBox(self)
        self.months.setObjectName("refresher_months")
        self.months.setRange(1, MAX_REFRESHER_MONTHS)
        self.months.setSuffix(self.tr(" months"))
        self.months.setEnabled(manage)
        self.months_button = QPushButton(self.tr("Save"), self)
        self.months_button.setObjectName("save_months")
        self.months_button.setVisible(manage)
        setting = QHBoxLayout()
        setting.addWidget(QLabel(self.tr("Training refresher every:"), self))
        setting.addWidget(self.months)
        setting.addWidget(self.months_button)
        setting.addStretch(1)
        self.sessions = table_model(self, [self.tr("Date"), self.tr("Topic"), self.tr("Trainer"), self.tr("Attended")])
        self.sessions_view = make_table_view(self, "training_sessions", self.sessions)
        self.training: list[TrainingSession] = []
        self.attendance_button = QPushButton(self.tr("Add attendees…"), self)
        self.attendance_button.setObjectName("add_attendance")
        self.attendance_button.setVisible(manage)
        self.attendance_button.setEnabled(False)
        self.status = wrapped_label(self, name="status")
        layout = headed_layout(
            self,
            self.tr("Staff register"),
            self.tr(
                "Everyone who works with client data signs a confidentiality agreement and attends training. "
                "Without an agreement in force a member of staff cannot reveal sensitive items (the partner, "
                "who signs for the firm, is not held)."
            )
            if manage
            else self.tr("Your confidentiality agreement and the training sessions you attended."),
        )
        layout.addLayout(controls)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.details)
        layout.addLayout(setting)
        layout.addLayout(toolbar([QLabel(self.tr("Training sessions:"), self)], [self.attendance_button]))
        layout.addWidget(self.sessions_view, 1)
        layout.addWidget(self.status)
        self.filter.currentIndexChanged.connect(lambda _i: self.show_lines())
        self.agreement_button.clicked.connect(lambda: self.record_agreement())
        self.training_button.clicked.connect(lambda: self.record_training())
        self.override_button.clicked.connect(lambda: self.allow_override())
        self.end_override_button.clicked.connect(lambda: self.end_override())
        self.scan_button.clicked.connect(lambda: self.save_scan())
        self.months_button.clicked.connect(lambda: self.save_months())
        self.attendance_button.clicked.connect(lambda: self.add_attendance())
        self.sessions_view.selectionModel().selectionChanged.connect(
            lambda *_: self.attendance_button.setEnabled(self.selected_session() is not None)
        )
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.reload()

    # -- showing ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the lines, the setting and the sessions."""
        if self.vault.locked:
            return
        self.lines = self.service.standings()
        self.months.setValue(self.service.refresher_months())
        names = {s.user_id: s.display_name for s in self.lines}
        self.training = self.service.sessions()
        refill(
            self.sessions,
            (
                [
                    format_date(s.held_on),
                    s.topic,
                    s.trainer,
                    "、".join(names.get(u, "") or f"#{u}" for u in s.attendees),
                ]
                for s in self.training
            ),
        )
        self.sessions_view.resizeColumnsToContents()
        self.show_lines()

    def set_filter(self, flt: object) -> None:
        """Show only the lines a dashboard figure counts (``agreements``, ``training``) or everyone."""
        index = self.filter.findData(flt)
        self.filter.setCurrentIndex(max(index, 0))
        self.show_lines()

    def show_lines(self) -> None:
        """Fill the table from :attr:`lines` through the filter."""
        flt = self.filter.currentData()
        today = self.today().isoformat()
        if flt == "agreements":
            shown = [s for s in self.lines if s.agreement_overdue]
        elif flt == "training":
            shown = [s for s in self.lines if s.active and s.refresher_due < today]
        else:
            shown = list(self.lines)
        self.shown = shown
        self.model.removeRows(0, self.model.rowCount())
        for s in shown:
            training_late = s.refresher_due < today
            cells = [
                QStandardItem(s.display_name),
                QStandardItem(role_name(s.role)),
                QStandardItem(self.agreement_text(s)),
                QStandardItem(format_date(s.last_training) if s.last_training else self.tr("never")),
                QStandardItem(format_date(s.refresher_due)),
                QStandardItem(format_date(s.override_until) if s.override_until else ""),
            ]
            if s.agreement_overdue:
                cells[2].setBackground(QBrush(QColor(_ALERT_BG)))
            if training_late:
                cells[4].setBackground(QBrush(QColor(_ALERT_BG)))
            self.model.appendRow(cells)
        self.view.resizeColumnsToContents()
        self.status.setText(fmt(self.tr("%1 members of staff shown."), format_number(len(shown))))
        self._selection_changed()

    def agreement_text(self, s: StaffStanding) -> str:
        """The agreement column's words."""
        if s.agreement == "missing":
            return self.tr("missing") if s.agreement_required else self.tr("none recorded (not required)")
        if s.agreement == "expired":
            return fmt(self.tr("ended %1"), format_date(s.agreement_until))
        if s.agreement == "expiring":
            return fmt(self.tr("valid, ends %1"), format_date(s.agreement_until))
        if s.agreement_until:
            return fmt(self.tr("valid until %1"), format_date(s.agreement_until))
        return self.tr("valid (no end date)")

    def selected(self) -> StaffStanding | None:
        """The selected line (or the only one, for staff who see themselves)."""
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return self.shown[rows[0].row()]
        return self.shown[0] if len(self.shown) == 1 and not self.service.can_manage() else None

    def _selection_changed(self) -> None:
        s = self.selected()
        self.override_button.setEnabled(
            s is not None and s.active and s.agreement_required and s.agreement in ("missing", "expired")
        )
        self.end_override_button.setEnabled(s is not None and bool(s.override_until))
        if s is None:
            self.details.setText("")
            self.scan_button.setEnabled(False)
            return
        agreements = self.service.agreements(s.user_id)
        kinds = {"agreement": self.tr("Agreement"), "commitment": self.tr("Commitment")}
        parts = [
            fmt(
                self.tr("%1 signed %2, %3%4"),
                kinds.get(a.kind, a.kind),
                format_date(a.signed_on),
                fmt(self.tr("until %1"), format_date(a.valid_until)) if a.valid_until else self.tr("no end date"),
                self.tr(" (scan on file)") if a.has_scan else "",
            )
            for a in agreements
        ]
        self.details.setText(
            fmt(self.tr("%1: %2"), s.display_name, "; ".join(parts)) if parts else
            fmt(self.tr("%1: no agreement recorded."), s.display_name)
        )  # fmt: skip
        self.scan_button.setEnabled(any(a.has_scan for a in agreements))

    # -- actions ---------------------------------------------------------------------------------

    def record_agreement(self) -> StaffAgreementDialog:
        """Open the agreement dialog for the selected member (returned: tests drive it)."""
        s = self.selected()
        dialog = StaffAgreementDialog(self.service, self.lines, self, user_id=s.user_id if s else None)
        dialog.accepted.connect(lambda: self._done(self.tr("Agreement recorded.")))
        dialog.open()
        return dialog

    def record_training(self) -> TrainingDialog:
        """Open the training dialog (returned: tests drive it)."""
        dialog = TrainingDialog(self.service, self.lines, self)
        dialog.accepted.connect(lambda: self._done(self.tr("Training session recorded.")))
        dialog.open()
        return dialog

    def allow_override(self) -> RevealOverrideDialog | None:
        """Open the partner's override dialog for the selected member (returned: tests drive it)."""
        s = self.selected()
        if s is None:
            return None
        dialog = RevealOverrideDialog(self.service, s, self)
        dialog.accepted.connect(lambda: self._done(fmt(self.tr("%1 may reveal until the day chosen."), s.display_name)))
        dialog.open()
        return dialog

    def end_override(self) -> bool:
        """End the selected member's override at once (partner; audited)."""
        s = self.selected()
        today = self.today().isoformat()
        live = [o for o in self.service.overrides(s.user_id) if not o.revoked and o.expires_on >= today] if s else []
        try:
            for o in live:
                self.service.revoke_override(o.id)
        except KnownError as exc:
            self.status.setText(error_message(exc))
            return False
        if not live or s is None:
            return False
        self._done(fmt(self.tr("%1 may no longer reveal without an agreement."), s.display_name))
        return True

    def selected_session(self) -> TrainingSession | None:
        """The training session selected below."""
        return selected_item(self.sessions_view, self.training.__getitem__)

    def add_attendance(self) -> AttendanceDialog | None:
        """Open the dialog adding attendees to the selected session (returned: tests drive it)."""
        session = self.selected_session()
        if session is None:
            return None
        dialog = AttendanceDialog(self.service, self.lines, session, self)
        dialog.accepted.connect(lambda: self._done(self.tr("Attendance added.")))
        dialog.open()
        return dialog

    def save_months(self) -> bool:
        """Store the refresher interval."""
        try:
            self.service.set_refresher_months(self.months.value())
        except KnownError as exc:
            self.status.setText(error_message(exc))
            return False
        self._done(self.tr("Refresher interval saved."), settings=True)
        return True

    def save_scan(self, path: Path | None = None) -> bool:
        """Save the selected member's newest signed copy to a file (viewing is audited)."""
        s = self.selected()
        agreement = next((a for a in self.service.agreements(s.user_id) if a.has_scan), None) if s else None
        if agreement is None:
            return False
        if path is None:
            suffix = _SUFFIX.get(agreement.scan_mime, "")
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save signed copy"), f"agreement-{agreement.id}{suffix}"
            )
            if not chosen:
                return False
            path = Path(chosen)
        try:
            _mime, data = self.service.agreement_scan(agreement.id)
            path.write_bytes(data)
        except KnownError as exc:
            self.status.setText(error_message(exc))
            return False
        except OSError:
            self.status.setText(self.tr("The file could not be written there."))
            return False
        self.status.setText(fmt(self.tr("Saved %1."), path.name))
        return True

    def _done(self, message: str, *, settings: bool = False) -> None:
        self.reload()
        self.status.setText(message)
        self.operations.report(Changes(users=True, settings=settings), self)

    def apply_changes(self, changes: Changes) -> None:
        """Reload when staff or the register changed (``users`` kind)."""
        if changes.touches("users", "settings") and not self.vault.locked:
            self.reload()
