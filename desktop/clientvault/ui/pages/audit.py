"""The audit log (partner, privacy officer): lazy list, filters, and the chain status."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.services.audit import AuditFilter, AuditService, ChainStatus
from clientvault.services.audit_export import AuditExportService
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.ui.errors import error_message, known
from clientvault.ui.i18n import fmt, format_number
from clientvault.ui.labels import action_groups
from clientvault.ui.models.audit import AuditTableModel
from clientvault.ui.operations import Operation, Operations
from clientvault.ui.widgets.tables import Selection, make_table_view
from clientvault.ui.widgets.text import embolden, wrapped_label

_OK_STYLE = "background: #e6f4ea; color: #1b5e20; padding: 8px; border-radius: 4px;"
_BAD_STYLE = "background: #fdecea; color: #8e0000; padding: 8px; border-radius: 4px; font-weight: bold;"
_BUSY_STYLE = "background: #f1f3f4; color: #333; padding: 8px; border-radius: 4px;"


class AuditPage(QWidget):
    """Lists events newest first; checks the hash chain in the background."""

    sig_verified = Signal(object)
    """A chain check finished (ChainStatus, or the exception)."""

    def __init__(self, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.audit = AuditService(vault)
        self.verify_operation: Operation | None = None
        heading = embolden(QLabel(self.tr("Audit log"), self))
        self.banner = wrapped_label(self, name="chain_banner")
        self.verify_button = QPushButton(self.tr("Check the chain again"), self)
        self.verify_button.setObjectName("verify")
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.verify_button)

        self.user_filter = QComboBox(self)
        self.user_filter.setObjectName("user_filter")
        self.action_filter = QComboBox(self)
        self.action_filter.setObjectName("action_filter")
        self.action_filter.addItem(self.tr("All actions"), None)
        for prefix, label in action_groups():
            self.action_filter.addItem(label, prefix)
        self.date_filter = QCheckBox(self.tr("From"), self)
        self.date_filter.setObjectName("date_filter")
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30), self)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setObjectName("since")
        self.since.setCalendarPopup(True)
        self.until = QDateEdit(today, self)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setObjectName("until")
        self.until.setCalendarPopup(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("User:"), self))
        filters.addWidget(self.user_filter)
        filters.addWidget(QLabel(self.tr("Action:"), self))
        filters.addWidget(self.action_filter)
        filters.addWidget(self.date_filter)
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to"), self))
        filters.addWidget(self.until)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        self.excel_button = QPushButton(self.tr("Export to Excel…"), self)
        self.excel_button.setObjectName("excel")
        filters.addWidget(self.excel_button)
        self.excel_status = wrapped_label(self, name="excel_status")

        self.model = AuditTableModel(self.audit, self)
        self.view = make_table_view(
            self, "events", self.model, selection=Selection.ExtendedSelection, fit_columns=False, stretch_last=False
        )
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 150), (1, 110), (2, 200), (4, 80), (5, 60)):
            self.view.setColumnWidth(col, width)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(banner_row)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addWidget(self.excel_status)

        self._fill_users()
        self.user_filter.currentIndexChanged.connect(self.apply_filter)
        self.action_filter.currentIndexChanged.connect(self.apply_filter)
        self.date_filter.toggled.connect(self.apply_filter)
        self.since.dateChanged.connect(self.apply_filter)
        self.until.dateChanged.connect(self.apply_filter)
        self.verify_button.clicked.connect(self.verify)
        self.excel_button.clicked.connect(lambda: self.export_excel())
        self._update_count()
        self.verify()

    def export_excel(self, path: Path | None = None) -> bool:
        """Write the events the filters show to an Excel workbook."""
        path = path or _ask_path(self, self.tr("Export the audit log"))
        if path is None:
            return False
        try:
            n = AuditExportService(self.vault).save(path, self.current_filter())
        except (KnownError, OSError) as exc:
            typed = known(exc)
            known_error = isinstance(typed, KnownError)
            self.excel_status.setText(
                error_message(typed) if known_error else self.tr("The file could not be written.")
            )
            return False
        self.excel_status.setText(fmt(self.tr("Saved %1 events to %2."), format_number(n), path.name))
        return True

    def _fill_users(self) -> None:
        self.user_filter.addItem(self.tr("Everyone"), None)
        for uid, name in sorted(self.audit.user_names().items(), key=lambda kv: kv[1]):
            self.user_filter.addItem(name, uid)

    def current_filter(self) -> AuditFilter:
        """The filter the controls describe."""
        since = until = None
        if self.date_filter.isChecked():
            since = _utc_iso(self.since.date())
            until = _utc_iso(self.until.date().addDays(1))  # inclusive of the whole last day
        return AuditFilter(
            user_id=self.user_filter.currentData(),
            action_prefix=self.action_filter.currentData(),
            since=since,
            until=until,
        )

    def apply_filter(self) -> None:
        """Reload the list with the current filter."""
        self.since.setEnabled(self.date_filter.isChecked())
        self.until.setEnabled(self.date_filter.isChecked())
        self.model.set_filter(self.current_filter())
        self._update_count()

    def apply_changes(self, changes: Changes) -> None:
        """Every action is audited: re-read the list (and the names, when accounts changed)."""
        if changes.touches("users"):
            current = self.user_filter.currentData()
            self.user_filter.blockSignals(True)
            self.user_filter.clear()
            self._fill_users()
            self.user_filter.setCurrentIndex(max(0, self.user_filter.findData(current)))
            self.user_filter.blockSignals(False)
        if changes.touches("audit"):
            self.apply_filter()

    def _update_count(self) -> None:
        self.since.setEnabled(self.date_filter.isChecked())
        self.until.setEnabled(self.date_filter.isChecked())
        self.count_label.setText(fmt(self.tr("%1 events"), format_number(self.model.total)))

    def verify(self) -> None:
        """Walk the hash chain off the GUI thread."""
        if self.verify_operation is not None and not self.verify_operation.done:
            return
        self.banner.setStyleSheet(_BUSY_STYLE)
        self.banner.setText(self.tr("Checking the audit chain…"))
        self.verify_button.setEnabled(False)
        self.verify_operation = self.operations.run(
            lambda _progress: self.audit.verify(), on_success=self._verified, on_failure=self._verify_failed
        )

    def _verified(self, status: object) -> None:
        assert isinstance(status, ChainStatus)
        if self.vault.locked:
            return  # the check ended as the vault locked (window closed): the page is going away
        self.verify_button.setEnabled(True)
        if status.ok:
            self.banner.setStyleSheet(_OK_STYLE)
            self.banner.setText(
                fmt(
                    self.tr("Audit chain intact: all %1 events are linked and unaltered."),
                    format_number(status.events),
                )
            )
        else:
            self.banner.setStyleSheet(_BAD_STYLE)
            self.banner.setText(
                fmt(
                    self.tr(
                        "Audit chain BROKEN at event no. %1: the log has been altered outside ClientVault. "
                        "Tell the partner and the privacy officer, and keep a copy of the vault as evidence."
                    ),
                    status.first_broken if status.first_broken is not None else "?",
                )
            )
        if not self.vault.locked:
            self.model.reload()  # the check itself is an audited event
            self._update_count()
        self.sig_verified.emit(status)

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.banner.setStyleSheet(_BAD_STYLE)
        self.banner.setText(fmt(self.tr("The audit chain could not be checked: %1"), error_message(exc)))
        self.sig_verified.emit(exc)


def _ask_path(page: QWidget, title: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(page, title, "audit-log.xlsx", "Excel (*.xlsx)")
    return Path(path) if path else None


def _utc_iso(day: QDate) -> str:
    """Local midnight of ``day`` as the UTC ISO string the log stores."""
    local = QDateTime(day, QTime(0, 0), QTimeZone.systemTimeZone())
    return local.toUTC().toString("yyyy-MM-ddTHH:mm:ss.zzz") + "+00:00"
