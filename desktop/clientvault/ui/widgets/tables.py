"""The read-only table views the pages show their lists in, and the selected row of one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

T = TypeVar("T")
Selection = QAbstractItemView.SelectionMode


def make_table_view(
    parent: QWidget,
    name: str,
    model: QAbstractItemModel | None = None,
    *,
    selection: QAbstractItemView.SelectionMode = Selection.SingleSelection,
    fit_columns: bool = True,
    stretch_last: bool = True,
) -> QTableView:
    """A read-only view that selects whole rows and shows no row numbers.

    Args:
        parent: The view's parent widget.
        name: Its object name (tests and style sheets find it by this).
        model: The model to show, if there is one yet.
        selection: Single (the default) or extended selection.
        fit_columns: Size the columns to their contents.
        stretch_last: Let the last column take the remaining width.
    """
    view = QTableView(parent)
    view.setObjectName(name)
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    if fit_columns:
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    return view


def selected_item(view: QAbstractItemView, item: Callable[[int], T]) -> T | None:
    """``item(row)`` for the first selected row of ``view``, or ``None`` when nothing is selected."""
    rows = view.selectionModel().selectedRows()
    return item(rows[0].row()) if rows else None
