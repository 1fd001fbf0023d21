"""Table models for the locked-records, erasure and backup pages: rows fetched page by page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
PAGE = 200


class PagedTableModel(QAbstractTableModel, Generic[T]):
    """Rows from ``fetch(offset, limit)``; the next page is read only when the view scrolls near the end.

    Args:
        headers: Column titles (already translated).
        fetch: Returns up to ``limit`` rows from ``offset``.
        cell: Returns the display text of (row, column).
        page_size: Rows per fetch.
    """

    def __init__(
        self,
        headers: Sequence[str],
        fetch: Callable[[int, int], list[T]],
        cell: Callable[[T, int], str],
        parent: QObject | None = None,
        *,
        page_size: int = PAGE,
        tooltip: Callable[[T, int], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._fetch = fetch
        self._cell = cell
        self._tooltip = tooltip
        self.page_size = page_size
        self._rows: list[T] = []
        self._more = True
        self.reload()

    def reload(self) -> None:
        """Start again from the first row."""
        self.beginResetModel()
        self._rows = []
        self._more = True
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def item(self, row: int) -> T:
        """The object shown on ``row``."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or not self._more:
            return
        rows = self._fetch(len(self._rows), self.page_size)
        self._more = len(rows) == self.page_size
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(row, index.column())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
