"""Assign accountants to a client (partner)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from clientvault.services.clients import ClientService
from clientvault.ui.errors import show_inline


class AssignAccountantsDialog(QDialog):
    """A checkable list of the active accountants."""

    def __init__(self, service: ClientService, client_id: int, current: tuple[int, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.client_id = client_id
        self.setWindowTitle(self.tr("Assign accountants"))
        self.list = QListWidget(self)
        self.list.setObjectName("accountants")
        for a in service.accountants():
            item = QListWidgetItem(a.display_name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if a.id in current else Qt.CheckState.Unchecked)
        label = QLabel(self.tr("&Accountants responsible for this client:"), self)
        label.setBuddy(self.list)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def selected(self) -> list[int]:
        """The ids of the checked accountants."""
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_checked(self, user_id: int, checked: bool) -> None:
        """Tick or untick one accountant."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == user_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def save(self) -> bool:
        """Save the assignment. Returns True when saved."""
        try:
            self.service.assign(self.client_id, self.selected())
        except Exception as exc:
            show_inline(self.error, self, exc)
            return False
        self.accept()
        return True
