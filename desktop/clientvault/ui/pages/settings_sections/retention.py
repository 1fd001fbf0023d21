"""Settings section: the firm's retention rules (partner, privacy officer), the editor of the erasure page."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from clientvault.core.roles import Capability, Role, can
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.ui.context import UiContext
from clientvault.ui.operations import Operations
from clientvault.ui.pages.settings_sections import SettingsSection
from clientvault.ui.widgets.retention_rules import RetentionRulesEditor


class RetentionSection(SettingsSection):
    """Hosts :class:`RetentionRulesEditor` (each save a new, audited version of a rule)."""

    def __init__(self, ctx: UiContext, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Retention rules"), ctx, vault, operations, parent)
        self.setObjectName("retention_box")
        self.editor = RetentionRulesEditor(vault, self)
        self.editor.sig_saved.connect(lambda _code: self.operations.report(Changes(settings=True), self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)

    @staticmethod
    def shown_to(role: Role) -> bool:
        return can(role, Capability.MANAGE_PURPOSES)

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("settings"):
            self.editor.refresh()
