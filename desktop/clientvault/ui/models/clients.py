"""Table models over the client service: the lazy client list, a client's people and its history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal

from clientvault.core.records import ClientRow, PersonView
from clientvault.services.audit import AuditEvent
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.ui.client_labels import (
    client_action_name,
    id_type_name,
    kind_name,
    person_role_name,
    purpose_name,
    status_name,
)
from clientvault.ui.i18n import format_timestamp
from clientvault.ui.labels import outcome_name
from clientvault.ui.models.lazy import PAGE, LazyTableModel
from clientvault.ui.models.lazy import Index as _Index

_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole)
#: Searches count only this far: "1000+ matches" is as useful as an exact figure and far cheaper.
COUNT_CAP = 1000


class ClientTableModel(LazyTableModel[ClientRow]):
    """The clients the acting role sees; the next page is read (keyset) only when the view needs it."""

    sig_counted = Signal()
    """:attr:`total` and :attr:`capped` are known for the current filter."""

    COLUMNS = ("name", "kind", "uscc", "phone", "status", "accountants", "updated_at")
    #: Column → service sort key; other columns are not sortable (the header ignores clicks on them).
    SORT_KEYS: ClassVar[dict[int, str]] = {0: "name", 1: "kind", 2: "uscc", 4: "status", 6: "updated_at"}

    def __init__(
        self,
        service: ClientService,
        parent: QObject | None = None,
        *,
        flt: ClientFilter | None = None,
        page_size: int = PAGE,
        columns: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__(parent, page_size=page_size)
        self._service = service
        self._filter = flt or ClientFilter()
        self.columns = columns or self.COLUMNS
        self._total = 0
        self._counted = False
        self._generation = 0
        self.capped = False
        self.reload()

    @property
    def filter(self) -> ClientFilter:
        """The filter the list shows."""
        return self._filter

    def set_filter(self, flt: ClientFilter) -> None:
        """Show the clients matching ``flt`` (from the first page again)."""
        self._filter = flt
        self.reload()

    @property
    def total(self) -> int:
        """How many clients the list holds (counted now if the deferred count has not run yet)."""
        if not self._counted:
            self._count()
        return self._total

    @property
    def counted(self) -> bool:
        """Whether :attr:`total` is known (``sig_counted`` was emitted for this filter)."""
        return self._counted

    def reload(self) -> None:
        """First page first: the count follows (at once when it is free, else from the event loop).

        A list that fits one page is its own count; a search counts its bounded matches (already
        read for the page); the whole list is counted after the first page is on screen.
        """
        self._generation += 1
        self._counted = False
        self.capped = False
        super().reload()
        if not self.canFetchMore(QModelIndex()):
            self._set_total(len(self._rows), capped=False)
        elif self._filter.text.strip():
            self._count()
        else:
            QTimer.singleShot(0, partial(self._deferred_count, self._generation))

    def _deferred_count(self, generation: int) -> None:
        # The vault may have been locked (idle lock, Ctrl+L) between the first page and this call.
        if generation == self._generation and not self._counted and not self._service.vault.locked:
            self._count()

    def _count(self) -> None:
        searching = bool(self._filter.text.strip())
        counted = self._service.count(self._filter, cap=COUNT_CAP + 1 if searching else None)
        capped = searching and counted > COUNT_CAP
        self._set_total(min(counted, COUNT_CAP) if capped else counted, capped=capped)

    def _set_total(self, total: int, *, capped: bool) -> None:
        self._total, self.capped, self._counted = total, capped, True
        self.sig_counted.emit()

    def release(self) -> None:
        """Also SQLite's cache of decrypted pages, which a long scroll filled (32 MiB)."""
        self._service.release_memory()
        super().release()

    def fetch_page(self, loaded: Sequence[ClientRow], limit: int) -> list[ClientRow]:
        return self._service.page(self._filter, limit=limit, after=loaded[-1] if loaded else None)

    def client(self, row: int) -> ClientRow:
        """The client shown on ``row``."""
        return self.item(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(self.COLUMNS.index(self.columns[column]) if column < len(self.columns) else -1)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._filter.sort and descending == self._filter.descending:
            return
        self.set_filter(replace(self._filter, sort=key, descending=descending))

    def is_sortable(self, column: int) -> bool:
        """Whether the service can order the list by ``column``."""
        return self.COLUMNS.index(self.columns[column]) in self.SORT_KEYS

    def header_labels(self) -> Sequence[str]:
        titles = {
            "name": self.tr("Name"),
            "kind": self.tr("Kind"),
            "uscc": self.tr("Credit code"),
            "phone": self.tr("Phone"),
            "status": self.tr("Status"),
            "accountants": self.tr("Accountants"),
            "updated_at": self.tr("Last change"),
        }
        return [titles[c] for c in self.columns]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _ROLES:  # a repaint asks ~10 roles per cell
            return None
        r = self._rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "kind":
                return kind_name(r.kind)
            if col == "status":
                return status_name(r.status)
            if col == "updated_at":
                return format_timestamp(r.updated_at)
            return getattr(r, col)
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


class PersonTableModel(QAbstractTableModel):
    """A client's people (a handful per client, loaded with the client page)."""

    COLUMNS = ("name", "role", "id_type", "id_number", "phone", "email")

    def __init__(self, persons: tuple[PersonView, ...], *, show_ids: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = self.COLUMNS if show_ids else tuple(c for c in self.COLUMNS if not c.startswith("id_"))
        self._persons = list(persons)

    def set_persons(self, persons: tuple[PersonView, ...]) -> None:
        """Show ``persons`` instead."""
        self.beginResetModel()
        self._persons = list(persons)
        self.endResetModel()

    def person(self, row: int) -> PersonView:
        """The person on ``row``."""
        return self._persons[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._persons)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "name": self.tr("Name"),
            "role": self.tr("Relation"),
            "id_type": self.tr("ID type"),
            "id_number": self.tr("ID number"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
        }[self.columns[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self._persons[index.row()]
        col = self.columns[index.column()]
        if col == "role":
            return person_role_name(p.role)
        if col == "id_type":
            return id_type_name(p.id_type)
        if col == "id_number":
            return p.id_number_masked or ""
        return getattr(p, col)


class ClientHistoryTableModel(QAbstractTableModel):
    """The audit events about one client, newest first (values are never in the log)."""

    COLUMNS = ("at", "user", "action", "purpose", "outcome")

    def __init__(self, names: dict[int, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = names
        self._events: list[AuditEvent] = []

    def set_events(self, events: list[AuditEvent]) -> None:
        """Show ``events``."""
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def event_at(self, row: int) -> AuditEvent:
        """The event on ``row``."""
        return self._events[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Purpose"), self.tr("Outcome"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._events[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "at":
                return format_timestamp(e.at)
            if col == "user":
                return self._names.get(e.user_id, "—") if e.user_id is not None else "—"
            if col == "action":
                return client_action_name(e.action)
            if col == "purpose":
                return purpose_name(e.purpose) if e.purpose else ""
            return outcome_name(e.outcome)
        if role == Qt.ItemDataRole.ToolTipRole and col == "action":
            return f"{e.action} {e.object}"
        return None
