"""Small pieces the client page and its sections share: rebuilding button rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget


def clear_layout(layout: QHBoxLayout | QGridLayout) -> None:
    """Remove and delete every widget of ``layout`` (it is filled again on the next reload)."""
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget() if item is not None else None
        if w is not None:
            w.setParent(None)
            w.deleteLater()


def add_button(parent: QWidget, layout: QHBoxLayout, name: str, text: str, slot: Callable[..., Any]) -> QPushButton:
    """A push button named ``name`` at the end of ``layout``."""
    b = QPushButton(text, parent)
    b.setObjectName(name)
    b.clicked.connect(slot)
    layout.addWidget(b)
    return b
