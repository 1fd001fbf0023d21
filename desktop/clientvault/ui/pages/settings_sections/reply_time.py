"""Settings section: the firm's reply time for individuals' requests (PIPL Art 50; GB/T 35273 §8.7).

One setting with two readers: the requests register counts each request's due date with it, and
every 告知同意书 promises it. Default 15 working days, 1–30. Partner and privacy officer change it
(audited ``settings.request_due``); the requests register page edits the same setting.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QSpinBox, QWidget

from clientvault.core.roles import Role
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.subject_requests import SubjectRequestService
from clientvault.ui.context import UiContext
from clientvault.ui.errors import error_message
from clientvault.ui.operations import Operations
from clientvault.ui.pages.settings_sections import SettingsSection
from clientvault.ui.widgets.text import wrapped_label


class ReplyTimeSection(SettingsSection):
    """A spin box of working days and its Save button."""

    def __init__(self, ctx: UiContext, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Answers to individuals' requests"), ctx, vault, operations, parent)
        self.setObjectName("reply_time_section")
        self.service = SubjectRequestService(vault)
        self.days = QSpinBox(self)
        self.days.setObjectName("reply_days")
        self.days.setRange(1, 30)
        self.days.setSuffix(self.tr(" working days"))
        self.days.setValue(self.service.due_days())
        self.save_button = QPushButton(self.tr("Save reply time"), self)
        self.save_button.setObjectName("save_reply_days")
        self.save_button.clicked.connect(self.save)
        self.message = wrapped_label(self, name="reply_message")
        explain = wrapped_label(
            self,
            self.tr(
                "The firm answers a request (access, copy, correction, deletion, transfer, explanation) within "
                "this many working days. Consent forms print it and the requests register counts due dates "
                "with it."
            ),
        )
        form = QFormLayout(self)
        form.addRow(explain)
        row = QHBoxLayout()
        row.addWidget(self.days)
        row.addWidget(self.save_button)
        row.addStretch(1)
        form.addRow(self.tr("Reply within:"), row)
        form.addRow(self.message)

    @staticmethod
    def shown_to(role: Role) -> bool:
        return role in (Role.PARTNER, Role.PRIVACY_OFFICER)

    def save(self) -> bool:
        """Store the reply time (audited); new requests and the next forms use it."""
        try:
            self.service.set_due_days(self.days.value())
        except Exception as exc:
            self.say(self.message, error_message(exc), False)
            return False
        self.say(self.message, self.tr("Saved: new requests and the next consent forms use it."), True)
        self.operations.report(Changes(settings=True, requests=True), self)
        return True

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("settings", "requests"):
            self.days.setValue(self.service.due_days())
