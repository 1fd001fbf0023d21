"""Fields the record dialogs share: a date picker and its day, a short text box, a grid of tick boxes."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QGridLayout, QPlainTextEdit, QWidget

K = TypeVar("K", bound=Hashable)


def date_edit(parent: QWidget, name: str, day: date | QDate) -> QDateEdit:
    """A date picker with a calendar pop-up, showing ``day`` in the UI's one date format (yyyy-MM-dd)."""
    start = day if isinstance(day, QDate) else QDate(day.year, day.month, day.day)
    edit = QDateEdit(start, parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def edited_day(edit: QDateEdit) -> date:
    """The day a date picker shows."""
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def short_text(parent: QWidget, name: str, height: int = 70) -> QPlainTextEdit:
    """A multi-line text box a few lines high, with object name ``name``."""
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setMaximumHeight(height)
    return edit


def tick_grid(
    parent: QWidget, items: Iterable[tuple[K, str]], columns: int, *, prefix: str = ""
) -> tuple[QWidget, dict[K, QCheckBox]]:
    """A widget of tick boxes, ``columns`` a row, one per ``(key, label)``; the boxes by key.

    With ``prefix`` each box is named ``prefix + str(key)`` (tests find them by it).
    """
    holder = QWidget(parent)
    grid = QGridLayout(holder)
    grid.setContentsMargins(0, 0, 0, 0)
    boxes: dict[K, QCheckBox] = {}
    for n, (key, label) in enumerate(items):
        box = QCheckBox(label, holder)
        if prefix:
            box.setObjectName(f"{prefix}{key}")
        boxes[key] = box
        grid.addWidget(box, n // columns, n % columns)
    return holder, boxes


def ticked(boxes: dict[K, QCheckBox]) -> list[K]:
    """The keys of the ticked boxes, in their order."""
    return [key for key, box in boxes.items() if box.isChecked()]
