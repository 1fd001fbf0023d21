"""Settings section: the firm's name (partner) and the details printed on forms and letters.

The details (address, phone, e-mail, privacy contact, complaint channel) are the partner's and
the privacy officer's (``notice.update``); the name is the partner's (``settings.change``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QWidget

from clientvault.core.roles import Capability, Role, can
from clientvault.services.changes import Changes
from clientvault.services.consent import ConsentService, NoticeDetails
from clientvault.services.context import Vault
from clientvault.services.firm import set_firm_name
from clientvault.ui.context import UiContext
from clientvault.ui.dialogs.return_form import consent_error
from clientvault.ui.operations import Operations
from clientvault.ui.pages.settings_sections import SettingsSection
from clientvault.ui.widgets.text import wrapped_label


class FirmSection(SettingsSection):
    """The firm's name and the notice details; one Save for both."""

    def __init__(self, ctx: UiContext, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Firm details printed on consent forms and letters"), ctx, vault, operations, parent)
        self.setObjectName("notice_box")
        self.consent = ConsentService(vault)
        current = self.consent.notice_details()
        self.form = QFormLayout(self)
        self.firm_name = QLineEdit(vault.firm_name, self)
        self.firm_name.setObjectName("firm_name")
        self.firm_name.setReadOnly(not can(vault.session.role, Capability.MANAGE_SETTINGS))
        self.form.addRow(self.tr("Firm name:"), self.firm_name)
        self.notice_fields: dict[str, QLineEdit] = {}
        for key, label, value in (
            ("address", self.tr("Address:"), current.address),
            ("phone", self.tr("Telephone:"), current.phone),
            ("email", self.tr("E-mail:"), current.email),
            ("privacy_contact", self.tr("Privacy contact:"), current.privacy_contact),
            ("complaint_channel", self.tr("Complaint channel:"), current.complaint_channel),
        ):
            edit = QLineEdit(value, self)
            edit.setObjectName(key)
            self.form.addRow(label, edit)
            self.notice_fields[key] = edit
        self.notice_message = wrapped_label(self, name="notice_message")
        self.notice_save = QPushButton(self.tr("Save firm details"), self)
        self.notice_save.setObjectName("save_notice")
        self.notice_save.clicked.connect(self.save_notice)
        self.form.addRow(self.notice_message, self.notice_save)

    @staticmethod
    def shown_to(role: Role) -> bool:
        return can(role, Capability.MANAGE_PURPOSES)

    def save_notice(self) -> bool:
        """Store the firm's name (partner) and notice details (audited); the next form and letter print them."""
        details = NoticeDetails(**{k: e.text().strip() for k, e in self.notice_fields.items()})
        renamed = not self.firm_name.isReadOnly() and self.firm_name.text().strip() != self.vault.firm_name
        try:
            if renamed:
                self.firm_name.setText(set_firm_name(self.vault, self.firm_name.text()))
            self.consent.set_notice_details(details)
        except Exception as exc:
            self.say(self.notice_message, consent_error(exc), False)
            return False
        self.say(self.notice_message, self.tr("Saved: the next forms and letters print these details."), True)
        self.operations.report(Changes(settings=True, consent=True), self)
        return True

    def apply_changes(self, changes: Changes) -> None:
        if not changes.touches("settings"):
            return
        current = self.consent.notice_details()
        for key, edit in self.notice_fields.items():
            edit.setText(getattr(current, key))
        self.firm_name.setText(self.vault.firm_name)
