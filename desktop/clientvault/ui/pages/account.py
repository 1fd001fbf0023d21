"""My account: who is logged in, in which firm and role; change password; PIN login."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clientvault.services.context import Vault
from clientvault.ui.context import UiContext
from clientvault.ui.dialogs.login import ChangePasswordDialog, PinSetupDialog
from clientvault.ui.i18n import format_timestamp
from clientvault.ui.labels import role_name
from clientvault.ui.widgets.text import embolden, wrapped_label


class AccountPage(QWidget):
    """The logged-in user's own account."""

    sig_lock_requested = Signal()
    """The user asked to lock now."""

    def __init__(self, ctx: UiContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault = vault
        s = vault.session
        heading = embolden(QLabel(self.tr("My account"), self))
        info = QGroupBox(self.tr("Account"), self)
        form = QFormLayout(info)
        self.firm = QLabel(ctx.firm_name(vault), info)
        self.name = QLabel(s.display_name, info)
        self.username = QLabel(s.username, info)
        self.role = QLabel(role_name(s.role), info)
        self.role.setObjectName("role")
        self.since = QLabel(format_timestamp(s.started_at.isoformat(timespec="milliseconds")), info)
        for w in (self.firm, self.name, self.username):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Firm:"), self.firm)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Logged in at:"), self.since)
        security = QGroupBox(self.tr("Sign-in and security"), self)
        sec = QVBoxLayout(security)
        self.pin_state = QLabel(security)
        self.pin_state.setWordWrap(True)
        self.password_button = QPushButton(self.tr("Change password…"), security)
        self.password_button.setObjectName("change_password")
        self.pin_button = QPushButton(self.tr("Set up PIN login on this workstation…"), security)
        self.pin_button.setObjectName("setup_pin")
        self.lock_button = QPushButton(self.tr("Lock now (Ctrl+L)"), security)
        self.lock_button.setObjectName("lock_now")
        note = wrapped_label(
            security,
            self.tr(
                "The vault locks itself after a few minutes without input, and when the computer sleeps or the "
                "screen is locked. Unlocking asks for your password or PIN again."
            ),
        )
        row = QHBoxLayout()
        row.addWidget(self.password_button)
        row.addWidget(self.pin_button)
        row.addWidget(self.lock_button)
        row.addStretch(1)
        sec.addWidget(self.pin_state)
        sec.addLayout(row)
        sec.addWidget(note)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(info)
        layout.addWidget(security)
        layout.addStretch(1)
        self.password_button.clicked.connect(lambda: ChangePasswordDialog(ctx, vault, self).exec())
        self.pin_button.clicked.connect(self._setup_pin)
        self.lock_button.clicked.connect(self.sig_lock_requested.emit)
        self._refresh_pin()

    def _setup_pin(self) -> None:
        PinSetupDialog(self.ctx, self.vault, self).exec()
        self._refresh_pin()

    def _refresh_pin(self) -> None:
        has = self.ctx.vaults.has_workstation_login(self.ctx.folder, self.vault.session.username)
        self.pin_state.setText(
            self.tr("PIN login is set up on this workstation.")
            if has
            else self.tr("PIN login is not set up on this workstation; you log in with your password.")
        )
