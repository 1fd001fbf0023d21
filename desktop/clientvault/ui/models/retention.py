"""Table models for the locked-records, erasure and backup pages: rows fetched page by page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt

from clientvault.ui.models.lazy import PAGE, LazyTableModel
from clientvault.ui.models.lazy import Index as _Index

T = TypeVar("T")


class PagedTableModel(LazyTableModel[T]):
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
        super().__init__(parent, page_size=page_size)
        self._titles_given = list(headers)
        self._fetch = fetch
        self._cell = cell
        self._tooltip = tooltip
        self.reload()

    def fetch_page(self, loaded: Sequence[T], limit: int) -> list[T]:
        return self._fetch(len(loaded), limit)

    def header_labels(self) -> Sequence[str]:
        return self._titles_given

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(row, index.column())
        return None
