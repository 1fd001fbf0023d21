"""The scaffolding the register pages share: heading and intro, toolbar, table model, OK/Cancel forms.

The helpers take strings already translated by the page (``self.tr`` in the page keeps its own
translation context); they add no words of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.services.changes import Changes
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.text import embolden, wrapped_label


def headed_layout(page: QWidget, title: str, intro: str = "") -> QVBoxLayout:
    """The page's vertical layout, begun with its bold title and (if given) a wrapped intro paragraph."""
    layout = QVBoxLayout(page)
    layout.addWidget(embolden(QLabel(title, page)))
    if intro:
        layout.addWidget(wrapped_label(page, intro))
    return layout


def toolbar(left: Sequence[QWidget], right: Sequence[QWidget]) -> QHBoxLayout:
    """A row: ``left`` widgets, a stretch, then ``right`` widgets (the buttons)."""
    row = QHBoxLayout()
    for w in left:
        row.addWidget(w)
    row.addStretch(1)
    for w in right:
        row.addWidget(w)
    return row


def action_button(parent: QWidget, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
    """A push button with object name ``name`` that calls ``slot()`` when clicked."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.clicked.connect(lambda: slot())
    return button


def table_model(parent: QWidget, headers: Sequence[str]) -> QStandardItemModel:
    """An empty model with ``headers`` as its column titles."""
    model = QStandardItemModel(0, len(headers), parent)
    model.setHorizontalHeaderLabels(list(headers))
    return model


def refill(model: QStandardItemModel, rows: Iterable[Sequence[str]]) -> None:
    """Replace the model's rows with ``rows`` (one text a cell)."""
    model.removeRows(0, model.rowCount())
    for cells in rows:
        model.appendRow([QStandardItem(c) for c in cells])


def finish_form(dialog: QDialog, form: QLayout, error: QLabel, submit: Callable[[], None]) -> QDialogButtonBox:
    """Lay out a form dialog: the form, its error line, OK (runs ``submit``) and Cancel."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return buttons


class RegisterActions:
    """What a register page does after an action: say so, re-read, tell the other pages.

    The page has ``status`` (a label), ``operations`` and ``reload()``.
    """

    status: QLabel
    operations: Operations
    done_changes = Changes(requests=True)

    reload: Callable[[], None]

    def _done(self, message: str) -> None:
        self.status.setText(message)
        self.reload()
        assert isinstance(self, QWidget)
        self.operations.report(self.done_changes, self)
