"""Staff accounts (partner only): list, add, disable (with rekey), workstation logins."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.core.roles import Role
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.users import UserInfo, UserService
from clientvault.ui.context import UiContext
from clientvault.ui.errors import error_message, show_error
from clientvault.ui.i18n import fmt, format_date
from clientvault.ui.labels import role_name
from clientvault.ui.models.users import UserTableModel
from clientvault.ui.operations import Operation, Operations
from clientvault.ui.widgets.password import NewPasswordWidget
from clientvault.ui.widgets.tables import make_table_view, selected_item
from clientvault.ui.widgets.text import embolden, wrapped_label


class AddUserDialog(QDialog):
    """Creates a staff account with its own key slot."""

    def __init__(self, users: UserService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._users = users
        self.added: UserInfo | None = None
        self.setWindowTitle(self.tr("Add a staff account"))
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("display_name")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in (Role.ACCOUNTANT, Role.ASSISTANT, Role.PRIVACY_OFFICER, Role.PARTNER):
            self.role.addItem(role_name(role), role)
        self.passwords = NewPasswordWidget(self, label=self.tr("First password:"))
        note = QLabel(
            self.tr(
                "Give the first password to the colleague in person; they can change it after logging in. "
                "Record their signed confidentiality agreement in the staff register: without it they cannot "
                "reveal sensitive values."
            ),
            self,
        )
        note.setWordWrap(True)
        self.error = wrapped_label(self, name="error")
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.add)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.passwords)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def add(self) -> None:
        """Create the account."""
        if not self.passwords.is_acceptable():
            self.error.setText(self.tr("Enter the first password twice (at least 10 characters)."))
            return
        role = self.role.currentData()
        try:
            self.added = self._users.add(
                self.username.text().strip(), self.display_name.text().strip(), Role(role), self.passwords.text()
            )
        except KnownError as exc:
            self.error.setText(error_message(exc))
            return
        self.passwords.clear()
        self.accept()


class WorkstationLoginsDialog(QDialog):
    """Lists one user's remembered workstations; revoking one rekeys the vault."""

    def __init__(
        self, users: UserService, user: UserInfo, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.users = users
        self.user = user
        self.operations = operations
        self.operation: Operation | None = None
        self.setWindowTitle(fmt(self.tr("Workstation logins of %1"), user.display_name))
        explain = wrapped_label(
            self,
            self.tr(
                "Each entry is a computer where this person logs in with a PIN. Revoke one when a computer is "
                "lost or handed on; the vault is then re-encrypted so the remembered secret opens nothing."
            ),
        )
        self.list = QListWidget(self)
        self.list.setObjectName("workstations")
        self.revoke_button = QPushButton(self.tr("Revoke"), self)
        self.revoke_button.setObjectName("revoke")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.reload()
        self.resize(520, 320)

    def reload(self) -> None:
        """List the user's workstation slots."""
        self.list.clear()
        try:
            logins = self.users.workstation_logins(self.user.id)
        except KnownError as exc:
            show_error(self, exc)
            logins = []
        for login in logins:
            text = fmt(self.tr("Workstation %1 — valid until %2"), login.slot_id[:8], format_date(login.expires))
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, login.slot_id)
        if not self.list.count():
            self.list.addItem(self.tr("No workstation logins."))
        self.revoke_button.setEnabled(self.list.item(0).data(Qt.ItemDataRole.UserRole) is not None)

    def revoke_selected(self) -> None:
        """Revoke the selected workstation slot."""
        item = self.list.currentItem() or self.list.item(0)
        slot_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not slot_id:
            return
        # Revoking re-encrypts the whole vault: off the GUI thread, like disabling a user.
        self.revoke_button.setEnabled(False)
        self.operation = self.operations.run(
            lambda _p: self.users.revoke_workstation(slot_id),
            on_success=lambda _r: self.reload(),
            on_failure=self._revoke_failed,
        )

    def _revoke_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reload()


class StaffPage(QWidget):
    """The partner's list of staff accounts."""

    sig_changed = Signal()
    """Accounts changed (added, disabled, workstation revoked)."""

    def __init__(self, ctx: UiContext, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault = vault
        self.operations = operations
        self.users = UserService(vault, ctx.vaults)
        heading = embolden(QLabel(self.tr("Staff accounts"), self))
        intro = wrapped_label(
            self,
            self.tr(
                "Everyone who opens the vault has an account and a role. Disabling an account removes its "
                "keys and re-encrypts the vault."
            ),
        )
        self.model = UserTableModel(self.users, self)
        self.view = make_table_view(self, "users", self.model)
        self.add_button = QPushButton(self.tr("Add account…"), self)
        self.add_button.setObjectName("add_user")
        self.disable_button = QPushButton(self.tr("Disable…"), self)
        self.disable_button.setObjectName("disable_user")
        self.workstations_button = QPushButton(self.tr("Workstation logins…"), self)
        self.workstations_button.setObjectName("workstations")
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.disable_button)
        row.addWidget(self.workstations_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.view)
        self.add_button.clicked.connect(self.add_user)
        self.disable_button.clicked.connect(self.disable_selected)
        self.workstations_button.clicked.connect(self.show_workstations)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def apply_changes(self, changes: Changes) -> None:
        """The list of accounts (added or disabled here or at another workstation)."""
        if changes.touches("users"):
            self.model.reload()
            self._update_buttons()

    def selected(self) -> UserInfo | None:
        """The account selected in the table."""
        return selected_item(self.view, self.model.user)

    def _update_buttons(self, *_: Any) -> None:
        u = self.selected()
        me = self.vault.session.user_id
        self.disable_button.setEnabled(u is not None and u.active and u.id != me)
        self.workstations_button.setEnabled(u is not None)

    def add_user(self) -> None:
        """Open the add-account dialog."""
        dialog = AddUserDialog(self.users, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.model.reload()
            self._update_buttons()
            self.sig_changed.emit()
            self.operations.report(Changes(users=True), self)

    def confirm_disable(self, user: UserInfo) -> bool:
        """Ask the partner to confirm; separate so tests can replace it."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Disable account"))
        box.setText(fmt(self.tr("Disable the account of %1 (%2)?"), user.display_name, user.username))
        box.setInformativeText(
            self.tr(
                "Their key slots and remembered workstations are removed, and the whole vault is re-encrypted "
                "with a new key, so copies of old keys open nothing. This can take a while on a large vault."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def disable_selected(self) -> None:
        """Disable the selected account off the GUI thread (the rekey rewrites the database)."""
        user = self.selected()
        if user is None or not self.confirm_disable(user):
            return
        progress = QProgressDialog(self.tr("Re-encrypting the vault…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.setEnabled(False)

        def done(_: object) -> None:
            progress.close()
            self.setEnabled(True)
            self.model.reload()
            self._update_buttons()
            self.sig_changed.emit()
            self.operations.report(Changes(users=True, clients=True), self)

        def failed(exc: BaseException) -> None:
            progress.close()
            self.setEnabled(True)
            self.model.reload()
            show_error(self, exc)

        self.operation = self.operations.run(lambda _p: self.users.disable(user.id), on_success=done, on_failure=failed)

    def show_workstations(self) -> None:
        """Open the workstation-logins dialog of the selected account."""
        user = self.selected()
        if user is not None:
            WorkstationLoginsDialog(self.users, user, self.operations, self).exec()
            self.model.reload()
