"""Login: password or workstation PIN, demo logins, and the partner's recovery-code reset."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError, ValidationError, WrongCredentials
from clientvault.services.context import Vault
from clientvault.services.demo_logins import DemoLogin
from clientvault.ui.context import UiContext
from clientvault.ui.errors import error_message, show_error
from clientvault.ui.labels import role_name
from clientvault.ui.widgets.password import NewPasswordWidget
from clientvault.ui.widgets.text import embolden, wrapped_label


def _error_label(parent: QWidget) -> QLabel:
    label = wrapped_label(parent, name="error")
    label.setStyleSheet("color: #b00020;")
    return label


class LoginDialog(QDialog):
    """Asks for a user name and a password (or PIN). After ``accept()``, :attr:`vault` is unlocked."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, username: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault: Vault | None = None
        self.use_pin = False
        self.setWindowTitle(self.tr("ClientVault — log in"))
        title = embolden(QLabel(self.tr("Log in to the client vault"), self))
        self.username = QLineEdit(username, self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label = QLabel(self.tr("Password:"), self)
        self.remember = QCheckBox(self.tr("Remember me on this workstation (log in with a PIN for 30 days)"), self)
        self.remember.setObjectName("remember")
        self.switch_button = QPushButton(self)
        self.switch_button.setFlat(True)
        self.switch_button.setObjectName("switch_mode")
        self.switch_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot_button = QPushButton(self.tr("Forgot the partner password? Use the recovery code…"), self)
        self.forgot_button.setFlat(True)
        self.forgot_button.setObjectName("forgot")
        self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.error = _error_label(self)
        self.buttons = QDialogButtonBox(self)
        self.login_button = self.buttons.addButton(self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.setObjectName("login")
        self.login_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.secret_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        if ctx.demo_logins:
            layout.addWidget(self._demo_box(ctx.demo_logins))
        layout.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        self.switch_button.clicked.connect(lambda: self._set_mode(not self.use_pin))
        self.forgot_button.clicked.connect(self._forgot)
        self.username.editingFinished.connect(self._offer_pin)
        self._set_mode(False)
        self.setMinimumWidth(460)
        if username:
            QTimer.singleShot(0, self.password.setFocus)
            self._offer_pin()

    def _demo_box(self, logins: list[DemoLogin]) -> QGroupBox:
        box = QGroupBox(self.tr("Demo vault — synthetic data only. Sign in as:"), self)
        box.setObjectName("demo_logins")
        grid = QGridLayout(box)
        for row, login in enumerate(logins):
            button = QPushButton(role_name(login.role), box)
            button.setObjectName(f"demo_{login.username}")
            button.clicked.connect(lambda _=False, d=login: self.use_demo(d))
            grid.addWidget(button, row, 0)
            grid.addWidget(QLabel(login.username, box), row, 1)
            pw = QLabel(login.password, box)
            pw.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(pw, row, 2)
        return box

    def use_demo(self, login: DemoLogin) -> None:
        """Fill in a demo account's name and password."""
        self._set_mode(False)
        self.username.setText(login.username)
        self.password.setText(login.password)
        self.login_button.setFocus()

    def _offer_pin(self) -> None:
        name = self.username.text().strip()
        available = bool(name) and self.ctx.vaults.has_workstation_login(self.ctx.folder, name)
        self.switch_button.setVisible(available or self.use_pin)
        if available and not self.use_pin and not self.password.text():
            self._set_mode(True)

    def _set_mode(self, pin: bool) -> None:
        self.use_pin = pin
        self.password.clear()
        self.secret_label.setText(self.tr("PIN:") if pin else self.tr("Password:"))
        self.switch_button.setText(self.tr("Use my password instead") if pin else self.tr("Use my workstation PIN"))
        self.remember.setVisible(not pin)
        self.switch_button.setVisible(pin)

    def try_login(self) -> None:
        """Unlock with what was typed; shows the error inline on failure."""
        name, secret = self.username.text().strip(), self.password.text()
        self.error.clear()
        if not name or not secret:
            self.error.setText(self.tr("Enter your user name and password."))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.use_pin:
                vault = self.ctx.vaults.unlock_with_pin(self.ctx.folder, name, secret)
            else:
                vault = self.ctx.vaults.unlock(self.ctx.folder, name, secret)
        except KnownError as exc:
            self.error.setText(error_message(exc))
            self.password.clear()
            self.password.setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.password.clear()
        self.vault = vault
        if self.remember.isChecked() and not self.use_pin:
            PinSetupDialog(self.ctx, vault, self).exec()
        self.accept()

    def _forgot(self) -> None:
        dialog = RecoveryResetDialog(self.ctx, self, username=self.username.text().strip())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.vault is not None:
            self.vault = dialog.vault
            self.accept()


class PinSetupDialog(QDialog):
    """Sets up PIN login on this workstation for the logged-in user."""

    def __init__(self, ctx: UiContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault = vault
        self.setWindowTitle(self.tr("Remember this workstation"))
        explain = wrapped_label(
            self,
            self.tr(
                "Choose a PIN of at least 6 characters. For the next 30 days you can log in on this computer with "
                "the PIN; the secret it unlocks stays in the system keychain."
            ),
        )
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_again = QLineEdit(self)
        self.pin_again.setObjectName("pin_again")
        self.pin_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("PIN:"), self.pin)
        form.addRow(self.tr("Repeat PIN:"), self.pin_again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Store the workstation slot; explain the fallback when there is no keychain."""
        if self.pin.text() != self.pin_again.text():
            self.error.setText(self.tr("The two PINs differ."))
            return
        try:
            ok = self.ctx.vaults.remember_workstation(self.vault, self.pin.text())
        except ValidationError as exc:
            self.error.setText(error_message(exc))
            return
        except Exception as exc:
            show_error(self, exc)
            return
        if not ok:
            QMessageBox.information(
                self,
                self.windowTitle(),
                self.tr(
                    "This computer has no usable system keychain, so the PIN cannot be remembered. "
                    "Please keep logging in with your password."
                ),
            )
        self.accept()


class RecoveryResetDialog(QDialog):
    """Resets a partner's password with the printed recovery code."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, username: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault: Vault | None = None
        self.setWindowTitle(self.tr("Reset the partner password"))
        explain = wrapped_label(
            self,
            self.tr("Type the recovery code from the recovery sheet kept in the firm's safe, with or without dashes."),
        )
        self.code = QLineEdit(self)
        self.code.setObjectName("recovery_code")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.username = QLineEdit(username, self)
        self.username.setObjectName("username")
        self.passwords = NewPasswordWidget(self, label=self.tr("New password:"))
        self.error = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Recovery code:"), self.code)
        form.addRow(self.tr("Partner user name:"), self.username)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.reset)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.passwords)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def reset(self) -> None:
        """Set the new password and log the partner in."""
        if not self.passwords.is_acceptable():
            self.error.setText(self.tr("Enter the new password twice (at least 10 characters)."))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.vault = self.ctx.vaults.reset_partner_password(
                self.ctx.folder, self.code.text(), self.username.text().strip(), self.passwords.text()
            )
        except KnownError as exc:
            self.error.setText(
                self.tr("The recovery code or the partner user name is not correct.")
                if isinstance(exc, WrongCredentials)
                else error_message(exc)
            )
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.passwords.clear()
        self.code.clear()
        self.accept()


class ChangePasswordDialog(QDialog):
    """Changes the logged-in user's own password (only that user's key slot is re-wrapped)."""

    def __init__(self, ctx: UiContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault = vault
        self.setWindowTitle(self.tr("Change password"))
        self.old = QLineEdit(self)
        self.old.setObjectName("old_password")
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwords = NewPasswordWidget(self, label=self.tr("New password:"))
        self.error = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Current password:"), self.old)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.passwords)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def change(self) -> None:
        """Re-wrap the user's slot under the new password."""
        if not self.passwords.is_acceptable():
            self.error.setText(self.tr("Enter the new password twice (at least 10 characters)."))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ctx.vaults.change_password(self.vault, self.old.text(), self.passwords.text())
        except KnownError as exc:
            self.error.setText(
                self.tr("The current password is not correct.")
                if isinstance(exc, WrongCredentials)
                else error_message(exc)
            )
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.old.clear()
        self.passwords.clear()
        QMessageBox.information(self, self.windowTitle(), self.tr("Your password has been changed."))
        self.accept()
