"""The audit log as a table model that pages lazily through ``AuditService.page``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from clientvault.core.records import SensitiveKind
from clientvault.services.audit import AuditEvent, AuditFilter, AuditService
from clientvault.ui.client_labels import field_label, sensitive_kind_name
from clientvault.ui.i18n import fmt, format_timestamp
from clientvault.ui.labels import action_name, outcome_name
from clientvault.ui.models.lazy import PAGE, LazyTableModel
from clientvault.ui.models.lazy import Index as _Index

translate = QCoreApplication.translate


def readable_object(obj: str, user_names: dict[int, str]) -> str:
    """An audit object as words: ``client:12/item:3.bank_account`` → "客户 #12 · 敏感信息 #3 · 银行账户".

    Users are named; clients and people keep their numbers (the log holds no names, and an
    erased client's name is gone for good). Anything not understood is shown as stored.
    """
    if not obj:
        return "—"
    records = {
        "client": translate("AuditObjects", "Client #%1"),
        "person": translate("AuditObjects", "Person #%1"),
        "item": translate("AuditObjects", "Sensitive item #%1"),
        "request": translate("AuditObjects", "Request #%1"),
        "form": translate("AuditObjects", "Form %1"),
        "export": translate("AuditObjects", "Export #%1"),
        "entrustment": translate("AuditObjects", "Entrustment agreement #%1"),
        "recipient_agreement": translate("AuditObjects", "Agreement with a recipient #%1"),
        "recipient": translate("AuditObjects", "Recipient #%1"),
        "impact_assessment": translate("AuditObjects", "Impact assessment #%1"),
        "agreement": translate("AuditObjects", "Confidentiality agreement #%1"),
        "training": translate("AuditObjects", "Training session #%1"),
        "override": translate("AuditObjects", "Reveal override #%1"),
    }
    parts: list[str] = []
    for piece in obj.replace(".", "/").split("/"):
        kind, sep, ident = piece.partition(":")
        if sep and kind == "user" and ident.isdigit():
            parts.append(user_names.get(int(ident), fmt(translate("AuditObjects", "User #%1"), ident)))
        elif sep and kind in records:
            parts.append(fmt(records[kind], ident))
        elif sep and kind == "settings" and ident in _settings_names():
            parts.append(_settings_names()[ident])
        elif not sep and piece in {k.value for k in SensitiveKind}:
            parts.append(sensitive_kind_name(SensitiveKind(piece)))
        elif not sep and field_label(piece) != piece:
            parts.append(field_label(piece))
        else:
            return obj
    return " · ".join(parts)


def _settings_names() -> dict[str, str]:
    return {
        "firm_name": translate("AuditObjects", "Settings · firm name"),
        "language": translate("AuditObjects", "Settings · display language"),
        "idle_lock_minutes": translate("AuditObjects", "Settings · idle lock"),
        "retention": translate("AuditObjects", "Settings · backups and erasure"),
    }


class AuditTableModel(LazyTableModel[AuditEvent]):
    """Newest events first; the next page is read only when the view scrolls near the end."""

    COLUMNS = ("at", "user", "action", "object", "outcome", "seq")

    def __init__(self, audit: AuditService, parent: QObject | None = None, *, page_size: int = PAGE) -> None:
        super().__init__(parent, page_size=page_size)
        self._audit = audit
        self._filter = AuditFilter()
        self._total = 0
        self._names: dict[int, str] = {}
        self.reload()

    @property
    def total(self) -> int:
        """How many events match the filter (not all of them are loaded)."""
        return self._total

    def set_filter(self, flt: AuditFilter) -> None:
        """Show only events matching ``flt``."""
        self._filter = flt
        self.reload()

    def prepare(self) -> bool:
        self._names = self._audit.user_names()
        self._total = self._audit.count(self._filter)
        return self._total > 0

    def fetch_page(self, loaded: Sequence[AuditEvent], limit: int) -> list[AuditEvent]:
        return self._audit.page(self._filter, offset=len(loaded), limit=limit)

    def has_more(self, page: list[AuditEvent]) -> bool:
        if not page:
            self._total = len(self._rows)  # events vanished (cannot happen in an append-only log)
            return False
        return len(self._rows) + len(page) < self._total

    def event_at(self, row: int) -> AuditEvent:
        """The event shown on ``row``."""
        return self.item(row)

    def header_labels(self) -> Sequence[str]:
        return (
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Object"),
            self.tr("Outcome"),
            self.tr("No."),
        )

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
            if col == "action":
                return action_name(e.action)
            if col == "object":
                return readable_object(e.object, self._names)
            if col == "outcome":
                return outcome_name(e.outcome)
            return e.seq
        if role == Qt.ItemDataRole.ToolTipRole and col in ("action", "object"):
            return e.action if col == "action" else e.object  # the stored form, for IT
        if role == Qt.ItemDataRole.ForegroundRole and col == "outcome" and e.outcome != "ok":
            return Qt.GlobalColor.darkRed
        return None
