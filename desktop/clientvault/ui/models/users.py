"""The staff list as a lazily filled table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from clientvault.services.users import UserInfo, UserService
from clientvault.ui.i18n import format_date, format_number
from clientvault.ui.labels import role_name

_Index = QModelIndex | QPersistentModelIndex
BATCH = 100


class UserTableModel(QAbstractTableModel):
    """Rows come from ``UserService.list()``; handed to the view in batches as it scrolls."""

    COLUMNS = ("username", "display_name", "role", "status", "created", "workstations")

    def __init__(self, users: UserService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = users
        self._all: list[UserInfo] = []
        self._shown = 0
        self.reload()

    def reload(self) -> None:
        """Fetch the list again."""
        self.beginResetModel()
        self._all = self._service.list()
        self._shown = min(BATCH, len(self._all))
        self.endResetModel()

    def user(self, row: int) -> UserInfo:
        """The account shown on ``row``."""
        return self._all[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._shown < len(self._all)

    def fetchMore(self, parent: _Index) -> None:
        n = min(BATCH, len(self._all) - self._shown)
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + n - 1)
        self._shown += n
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("User name"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Created"),
            self.tr("Workstation logins"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        u = self._all[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "username": u.username,
                "display_name": u.display_name,
                "role": role_name(u.role),
                "status": self.tr("Active") if u.active else self.tr("Disabled"),
                "created": format_date(u.created_at),
                "workstations": format_number(u.workstation_logins),
            }[col]
        if role == Qt.ItemDataRole.ForegroundRole and not u.active:
            return Qt.GlobalColor.gray
        return None
