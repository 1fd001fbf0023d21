"""The import preview: one line per row of the sheet, a column per mapped field, findings per cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from clientvault.core.masking import mask_bank_account, mask_id_number
from clientvault.services.imports import Choice, ImportPlan, PlannedRow
from clientvault.ui.excel_labels import field_name, issue_text

Index = QModelIndex | QPersistentModelIndex
_ERROR = QBrush(QColor("#f8d0d0"))
_WARNING = QBrush(QColor("#fff0c0"))
_MASK = {"id_number": mask_id_number, "bank_account": mask_bank_account}


class ImportPreviewModel(QAbstractTableModel):
    """Rows of an :class:`ImportPlan`; ID and account numbers are shown masked.

    Column 0 is the sheet row number, column 1 the row's state; the last column is checkable on
    rows that match an existing client (checked: fill that client's empty fields; else skip).
    """

    def __init__(self, plan: ImportPlan, parent: Any = None, *, only_findings: bool = False) -> None:
        super().__init__(parent)
        self.plan = plan
        self.fields = [f for _, f in sorted(plan.mapping.items())]
        self.choices: dict[int, Choice] = {}
        self.rows: list[PlannedRow] = plan.rows
        self.set_only_findings(only_findings)

    def set_only_findings(self, only: bool) -> None:
        """Show every row, or only rows with an error or a warning."""
        self.beginResetModel()
        self.rows = [r for r in self.plan.rows if r.issues] if only else self.plan.rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields) + 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Row")
        if section == 1:
            return self.tr("State")
        if section == len(self.fields) + 2:
            return self.tr("Fill empty fields")
        return field_name(self.fields[section - 2])

    def _state(self, row: PlannedRow) -> str:
        if row.refused:
            return self.tr("Refused")
        if row.match_id is not None:
            return self.tr("Matches")
        if row.issues:
            return self.tr("Warning")
        return self.tr("OK")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        last = len(self.fields) + 2
        if col == last:
            if role == Qt.ItemDataRole.CheckStateRole and row.match_id is not None and row.match_id > 0:
                chosen = self.choices.get(row.number, row.choice) is Choice.UPDATE_EMPTY
                return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
            return None
        if col < 2:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(row.number) if col == 0 else self._state(row)
            if role == Qt.ItemDataRole.ToolTipRole and col == 1:
                return "\n".join(issue_text(i) for i in row.issues if not i.field or i.field not in self.fields) or None
            if role == Qt.ItemDataRole.BackgroundRole and col == 1:
                return _ERROR if row.refused else (_WARNING if row.issues else None)
            return None
        field = self.fields[col - 2]
        mine = [i for i in row.issues if i.field == field]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.values.get(field)
            if value in (None, ""):
                return "—" if any(i.error for i in mine) else ""
            text = str(value)
            return _MASK[field](text) if field in _MASK else text
        if role == Qt.ItemDataRole.ToolTipRole and mine:
            return "\n".join(issue_text(i) for i in mine)
        if role == Qt.ItemDataRole.BackgroundRole and mine:
            return _ERROR if any(i.error for i in mine) else _WARNING
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == len(self.fields) + 2:
            row = self.rows[index.row()]
            if row.match_id is not None and row.match_id > 0:
                return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != len(self.fields) + 2:
            return False
        row = self.rows[index.row()]
        if row.match_id is None or row.match_id <= 0:
            return False
        checked = (
            Qt.CheckState(value) == Qt.CheckState.Checked
            if not isinstance(value, Qt.CheckState)
            else value == Qt.CheckState.Checked
        )
        self.choices[row.number] = Choice.UPDATE_EMPTY if checked else Choice.SKIP
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
