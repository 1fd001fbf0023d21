"""The export register as a table model that pages lazily through ``ExportService.register``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt

from clientvault.services.exports import DestroyOutcome, ExportEntry, ExportKind, ExportService, RegisterFilter
from clientvault.ui.i18n import format_date, format_number, format_timestamp
from clientvault.ui.models.lazy import PAGE, LazyTableModel
from clientvault.ui.models.lazy import Index as _Index


class ExportTableModel(LazyTableModel[ExportEntry]):
    """Register entries newest first, within the role's scope, filtered by destruction state."""

    COLUMNS = ("at", "user", "kind", "purpose", "file", "rows", "destroy_by", "status")

    def __init__(
        self,
        exports: ExportService,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent, page_size=page_size)
        self._exports = exports
        self._today = today
        self._status = RegisterFilter.DUE
        self._total = 0
        self._names: dict[int, str] = {}
        self.reload()

    @property
    def total(self) -> int:
        """How many entries match the filter (not all of them are loaded)."""
        return self._total

    @property
    def status(self) -> RegisterFilter:
        """The filter shown."""
        return self._status

    def set_status(self, status: RegisterFilter) -> None:
        """Show due, all or destroyed entries."""
        self._status = status
        self.reload()

    def prepare(self) -> bool:
        self._names = self._exports.user_names()
        self._total = self._exports.count(status=self._status)
        return self._total > 0

    def fetch_page(self, loaded: Sequence[ExportEntry], limit: int) -> list[ExportEntry]:
        return self._exports.register(status=self._status, offset=len(loaded), limit=limit)

    def has_more(self, page: list[ExportEntry]) -> bool:
        return bool(page) and len(self._rows) + len(page) < self._total

    def header_labels(self) -> Sequence[str]:
        return (
            self.tr("When"),
            self.tr("Who"),
            self.tr("Kind"),
            self.tr("Purpose"),
            self.tr("File name"),
            self.tr("Rows"),
            self.tr("Destroy by"),
            self.tr("Status"),
        )

    def kind_name(self, kind: str) -> str:
        """The translated name of an export kind (the code when unknown)."""
        return {
            ExportKind.CONSENT_FORM: self.tr("Consent form"),
            ExportKind.CONSENT_FORM_BATCH: self.tr("Consent forms (batch)"),
            ExportKind.EXCEL: self.tr("Excel export"),
            ExportKind.REQUEST_COPY: self.tr("Copy for a data request"),
            ExportKind.LETTER: self.tr("Letter"),
            ExportKind.CERTIFICATE: self.tr("Erasure certificate"),
        }.get(kind, kind)

    def status_text(self, e: ExportEntry) -> str:
        """Where the entry stands: kept, due, or how it was destroyed."""
        if e.destroyed_at:
            return {
                DestroyOutcome.OVERWRITTEN: self.tr("Destroyed (overwritten and deleted)"),
                DestroyOutcome.MISSING: self.tr("Marked destroyed (file was already gone)"),
                DestroyOutcome.CHANGED: self.tr("Marked destroyed (file had changed; left in place)"),
                DestroyOutcome.NO_LOCATION: self.tr("Marked destroyed (location unknown)"),
            }.get(e.destroy_outcome, self.tr("Marked destroyed"))
        if e.is_due(self._today()):
            return self.tr("Due for destruction")
        return self.tr("Kept")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "at":
                return format_timestamp(e.at)
            if col == "user":
                return self._names.get(e.user_id, "—") if e.user_id is not None else "—"
            if col == "kind":
                return self.kind_name(e.kind)
            if col == "purpose":
                return e.purpose
            if col == "file":
                return e.file_name
            if col == "rows":
                return format_number(e.row_count)
            if col == "destroy_by":
                return format_date(e.destroy_by) if e.destroy_by else "—"
            return self.status_text(e)
        if role == Qt.ItemDataRole.ToolTipRole and col == "file":
            return e.location  # the folder, for whoever has to find the file
        if role == Qt.ItemDataRole.ForegroundRole and col == "status" and e.is_due(self._today()):
            return Qt.GlobalColor.darkRed
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "rows":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
