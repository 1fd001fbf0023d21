"""The one lazy table model: rows are read a page at a time, only when the view scrolls near the end."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
PAGE = 200
#: A reset that drops at least this many rows hands the freed memory back to the system.
RELEASE_AFTER = 5000


def release_memory() -> None:
    """Collect the dropped rows and return free heap pages to the OS (glibc keeps them otherwise).

    After scrolling 300 000 clients and then searching, the process would stay at its peak size.
    """
    gc.collect()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # not glibc (musl): nothing to trim
            ctypes.CDLL("libc.so.6").malloc_trim(0)


class LazyTableModel(QAbstractTableModel, Generic[T]):
    """Rows from :meth:`fetch_page`, read through Qt's ``canFetchMore``/``fetchMore``.

    Subclasses implement :meth:`fetch_page` (by offset, ``len(loaded)``, or by keyset, after
    ``loaded[-1]``), :meth:`header_labels` (which also fixes the column count) and ``data``; they may override
    :meth:`prepare` (recount, reread names: run by :meth:`reload` before the first page) and
    :meth:`has_more` (default: a full page means there may be another).
    """

    def __init__(self, parent: QObject | None = None, *, page_size: int = PAGE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._rows: list[T] = []
        self._more = True
        self._titles: list[str] | None = None
        self.pages_fetched = 0

    def fetch_page(self, loaded: Sequence[T], limit: int) -> list[T]:
        """Up to ``limit`` rows that follow ``loaded`` (the rows read so far)."""
        raise NotImplementedError

    def header_labels(self) -> Sequence[str]:
        """The translated title of each column, in order."""
        raise NotImplementedError

    def _headers(self) -> Sequence[str]:
        # A repaint asks for the column count and titles thousands of times: translate once per reset.
        if self._titles is None:
            self._titles = list(self.header_labels())
        return self._titles

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers()[section]

    def prepare(self) -> bool:
        """Run by :meth:`reload` once the rows are cleared; ``False`` when there is nothing to read."""
        return True

    def has_more(self, page: list[T]) -> bool:
        """Whether another page may follow ``page`` (just read; not yet in the rows)."""
        return len(page) == self.page_size

    def reload(self) -> None:
        """Start again from the first page (the rows read so far are dropped and their memory returned)."""
        dropped = len(self._rows)
        self.beginResetModel()
        self._rows = []
        self._more = True
        self._titles = None  # the language may have changed
        self.pages_fetched = 0
        self.endResetModel()
        if dropped >= RELEASE_AFTER:
            self.release()
        self._more = self.prepare()
        self.fetchMore(QModelIndex())

    def release(self) -> None:
        """Run after a reset dropped many rows: return the memory they held (subclasses add caches)."""
        release_memory()

    def item(self, row: int) -> T:
        """The object shown on ``row``."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more:
            return
        page = self.fetch_page(self._rows, self.page_size)
        self._more = self.has_more(page)
        if not page:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.pages_fetched += 1
        self.endInsertRows()
