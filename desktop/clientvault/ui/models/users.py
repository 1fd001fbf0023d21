"""The staff list as a lazily filled table model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from clientvault.services.users import UserInfo, UserService
from clientvault.ui.i18n import format_date, format_number
from clientvault.ui.labels import role_name
from clientvault.ui.models.lazy import Index as _Index
from clientvault.ui.models.lazy import LazyTableModel

BATCH = 100


class UserTableModel(LazyTableModel[UserInfo]):
    """Rows come from ``UserService.list()``; handed to the view in batches as it scrolls."""

    COLUMNS = ("username", "display_name", "role", "status", "created", "workstations")

    def __init__(self, users: UserService, parent: QObject | None = None) -> None:
        super().__init__(parent, page_size=BATCH)
        self._service = users
        self._all: list[UserInfo] = []
        self.reload()

    def prepare(self) -> bool:
        self._all = self._service.list()
        return bool(self._all)

    def fetch_page(self, loaded: Sequence[UserInfo], limit: int) -> list[UserInfo]:
        return self._all[len(loaded) : len(loaded) + limit]

    def has_more(self, page: list[UserInfo]) -> bool:
        return len(self._rows) + len(page) < len(self._all)

    def user(self, row: int) -> UserInfo:
        """The account shown on ``row``."""
        return self.item(row)

    def header_labels(self) -> Sequence[str]:
        return (
            self.tr("User name"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Created"),
            self.tr("Workstation logins"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        u = self._rows[index.row()]
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
