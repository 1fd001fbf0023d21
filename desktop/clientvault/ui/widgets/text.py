"""Labels the pages share: headings and wrapped paragraphs."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def embolden(label: QLabel, grow: int = 4) -> QLabel:
    """Make ``label`` bold and ``grow`` points larger (a page heading by default); returns it."""
    font = label.font()
    font.setPointSize(font.pointSize() + grow)
    font.setBold(True)
    label.setFont(font)
    return label


def wrapped_label(parent: QWidget, text: str = "", *, name: str = "") -> QLabel:
    """A label that wraps its text over several lines, with object name ``name`` (if given)."""
    label = QLabel(text, parent)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    return label
