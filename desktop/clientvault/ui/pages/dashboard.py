"""The compliance dashboard (partner, privacy officer): each figure a button that opens the filtered list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.services.changes import Changes
from clientvault.services.compliance_report import ComplianceReportService
from clientvault.services.context import Vault
from clientvault.services.dashboard import ComplianceFigures, DashboardService
from clientvault.services.processing_record import ProcessingRecordService
from clientvault.services.subject_requests import RequestFilter
from clientvault.services.trends import TREND_KINDS, TrendService
from clientvault.ui.errors import error_message, known
from clientvault.ui.i18n import fmt, format_number, format_timestamp
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.text import embolden, wrapped_label
from clientvault.ui.widgets.trend_chart import TrendChart

_CARD = (
    "QPushButton {{ background: {bg}; border: 1px solid {border}; border-radius: 6px; padding: 10px;"
    " text-align: left; font-size: 13px; }}"
)
_CALM = _CARD.format(bg="#f6f8fb", border="#d7dee8")
_ALERT = _CARD.format(bg="#fdf0ee", border="#e2a39a")

#: Backups older than this many days are shown as needing attention.
BACKUP_STALE_DAYS = 7


class DashboardPage(QWidget):
    """Counts that need attention; clicking one opens the register it counts, filtered."""

    sig_open = Signal(str, object)
    """Open page ``key`` with a filter (or None)."""

    def __init__(
        self,
        vault: Vault,
        operations: Operations,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        lang: str = "zh",
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.today = today
        self.vault = vault
        self.operations = operations
        self.service = DashboardService(vault, today=today)
        self.figures: ComplianceFigures = self.service.figures()  # AccessDenied for other roles
        self.cards: dict[str, QPushButton] = {}
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        layout = QVBoxLayout(self)
        layout.addWidget(embolden(QLabel(self.tr("Compliance dashboard"), self), 5))
        layout.addWidget(
            wrapped_label(
                self,
                self.tr("What needs attention now. Click a figure to open the list it counts."),
            )
        )
        layout.addLayout(self.grid)
        layout.addWidget(QLabel(self.tr("Last 12 months:"), self))
        self.trend_service = TrendService(vault, today=today)
        titles = {
            "requests": self.tr("Requests from individuals"),
            "complaints": self.tr("Complaints"),
            "reveals": self.tr("Sensitive values revealed"),
            "exports": self.tr("Files exported"),
        }
        self.charts: dict[str, TrendChart] = {}
        charts = QGridLayout()
        charts.setSpacing(10)
        for n, kind in enumerate(TREND_KINDS):
            chart = TrendChart(titles[kind], self)
            chart.setObjectName(f"trend_{kind}")
            self.charts[kind] = chart
            charts.addWidget(chart, n // 2, n % 2)
        layout.addLayout(charts)
        self.report_button = QPushButton(self.tr("Compliance report (PDF)…"), self)
        self.report_button.setObjectName("report")
        layout.addWidget(self.report_button)
        self.status = wrapped_label(self, name="status")
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.report_button.clicked.connect(lambda: self.ask_report())
        self.ropa_button = QPushButton(self.tr("Record of processing activities (PDF and Excel)…"), self)
        self.ropa_button.setObjectName("ropa")
        layout.insertWidget(layout.indexOf(self.report_button) + 1, self.ropa_button)
        self.ropa_button.clicked.connect(lambda: self.save_processing_record())
        specs = [
            ("requests_due", "requests_register", RequestFilter.DUE_SOON),
            ("requests_overdue", "requests_register", RequestFilter.OVERDUE),
            ("complaints", "complaints", None),
            ("incidents", "incidents", None),
            ("erasures", "erasure", None),
            ("audit", "audit", None),
            ("backup", "backups", None),
            ("consents_missing", "consent_overview", "missing"),
            ("consents_expiring", "consent_overview", "expiring"),
            ("retention", "locked", None),
            ("staff_agreements", "staff_register", "agreements"),
            ("staff_training", "staff_register", "training"),
            ("assessments", "impact_assessments", None),
        ]
        for n, (key, page, flt) in enumerate(specs):
            button = QPushButton(self)
            button.setObjectName(f"card_{key}")
            button.setMinimumHeight(70)
            button.clicked.connect(lambda _c=False, p=page, f=flt: self.sig_open.emit(p, f))
            self.cards[key] = button
            self.grid.addWidget(button, n // 3, n % 3)
        self.show_figures()
        self.show_trends()

    def show_trends(self) -> None:
        """Recount the monthly series and draw them."""
        for trend in self.trend_service.monthly():
            self.charts[trend.kind].set_data(trend.months, trend.counts)

    def show_figures(self) -> None:
        """Write the figures onto the cards."""
        f = self.figures
        texts = {
            "requests_due": (f.requests_due_soon, self.tr("requests due within 7 days"), False),
            "requests_overdue": (f.requests_overdue, self.tr("requests overdue"), f.requests_overdue > 0),
            "complaints": (f.complaints_open, self.tr("complaints open"), False),
            "incidents": (f.incidents_open, self.tr("incidents open"), f.incidents_open > 0),
            "erasures": (f.erasures_awaiting, self.tr("erasures awaiting approval"), False),
            "consents_missing": (
                f.consents_missing,
                fmt(self.tr("clients missing consents (%1 persons without their own)"), f.persons_missing_consent),
                False,
            ),
            "consents_expiring": (f.consents_expiring, self.tr("clients with consents expiring"), False),
            "retention": (f.retention_ending, self.tr("sealed records reaching their retention end"), False),
            "staff_agreements": (
                f.staff_agreements_overdue,
                self.tr("staff without a confidentiality agreement in force"),
                f.staff_agreements_overdue > 0,
            ),
            "staff_training": (f.staff_training_overdue, self.tr("staff overdue for training"), False),
            "assessments": (
                f.assessments_missing,
                self.tr("sensitive purposes and recipients without an impact assessment"),
                f.assessments_missing > 0,
            ),
        }
        for key, (n, caption, alert) in texts.items():
            self.cards[key].setText(f"{format_number(n)}\n{caption}")
            self.cards[key].setStyleSheet(_ALERT if alert else _CALM)
        if f.chain_ok:
            audit = fmt(
                self.tr("Audit log intact\n%1 events · head %2"), format_number(f.chain_events), f.head_hash[:16]
            )
        else:
            audit = self.tr("Audit log check FAILED\nopen the audit log")
        self.cards["audit"].setText(audit)
        self.cards["audit"].setStyleSheet(_CALM if f.chain_ok else _ALERT)
        if f.backup_age_days is None:
            backup, stale = self.tr("No backup yet"), True
        else:
            backup = fmt(
                self.tr("Last backup %1 days ago\n%2"),
                format_number(f.backup_age_days),
                format_timestamp(f.last_backup_at),
            )
            stale = f.backup_age_days > BACKUP_STALE_DAYS
        self.cards["backup"].setText(backup)
        self.cards["backup"].setStyleSheet(_ALERT if stale else _CALM)
        self.cards["backup"].setEnabled(self.vault.session.is_partner)  # the backups page is the partner's
        self.cards["retention"].setEnabled(self.vault.session.is_partner)  # so is the locked-records page
        for key in ("consents_missing", "consents_expiring"):  # the consent overview is the privacy officer's
            self.cards[key].setEnabled(not self.vault.session.is_partner)

    def apply_changes(self, changes: Changes) -> None:
        """Recount when anything the figures depend on changed."""
        if self.vault.locked:
            return
        if changes.touches("requests", "clients", "sealed", "backups", "users", "exports"):
            self.figures = self.service.figures()
            self.show_figures()
        if changes.touches("requests", "clients", "exports", "audit") and self.isVisible():
            self.show_trends()  # a hidden page recounts when shown

    def showEvent(self, event: QShowEvent) -> None:
        """Recount the trends each time the page is shown: a reveal reports no change of its own."""
        super().showEvent(event)
        if not self.vault.locked and not event.spontaneous():
            self.show_trends()

    def ask_report(self) -> None:
        """Ask for the period and the file, then write the compliance report."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Compliance report"))
        today = self.today()
        start = QDateEdit(QDate(today.year, 1, 1), dialog)
        end = QDateEdit(QDate(today.year, today.month, today.day), dialog)
        for edit in (start, end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")  # the one date format of the UI (ui/i18n.format_date)
        form = QFormLayout(dialog)
        form.addRow(self.tr("From:"), start)
        form.addRow(self.tr("To:"), end)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save compliance report"), "compliance-report.pdf", "PDF (*.pdf)"
        )
        if path:
            first, last = start.date().toPython(), end.date().toPython()
            assert isinstance(first, date) and isinstance(last, date)
            self.save_report(Path(path), first, last)

    def save_report(self, path: Path, start: date, end: date) -> bool:
        """Write the compliance report (PIPL Art 54) for ``start``..``end`` to ``path``."""
        try:
            saved = ComplianceReportService(self.vault).save(start, end, path, self.lang)
        except KnownError as exc:
            self.status.setText(error_message(exc))
            return False
        self.status.setText(
            fmt(self.tr("Saved %1; audit log head %2."), saved.path.name, saved.head_hash[:16])
            if saved.chain_ok
            else fmt(self.tr("Saved %1, but the audit log check FAILED: see the report."), saved.path.name)
        )
        return True

    def save_processing_record(self, folder: Path | None = None) -> bool:
        """Write the record of processing activities (PDF and workbook) into a chosen folder."""
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the record of processing activities"))
            if not chosen:
                return False
            folder = Path(chosen)
        stem = folder / f"processing-record-{self.today():%Y%m%d}"
        try:
            saved = ProcessingRecordService(self.vault, today=self.today).save(
                stem.with_suffix(".pdf"), stem.with_suffix(".xlsx"), self.lang
            )
        except KnownError as exc:
            self.status.setText(error_message(exc))
            return False
        except OSError as exc:  # a full disk or a read-only folder has its own message
            typed = known(exc)
            self.status.setText(
                error_message(typed) if typed is not exc else self.tr("The files could not be written to that folder.")
            )
            return False
        self.status.setText(fmt(self.tr("Saved %1 and %2."), saved.pdf.name, saved.xlsx.name))
        return True
