"""Settings: the page composes its sections, one module each under ``settings_sections/``.

Each section shows only to the roles that may change it, has its own Save, and is audited by
its service (the firm's name and backups: ``settings.change``, partner; notice details:
``notice.update``, partner and privacy officer; retention rules: a new rule version; this
workstation's language and idle lock: ``settings.workstation``). To add a section, write its
module and add its class to :data:`SECTIONS`.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.ui.context import UiContext
from clientvault.ui.operations import Operations
from clientvault.ui.pages.settings_sections import SettingsSection
from clientvault.ui.pages.settings_sections.backups import BackupSection
from clientvault.ui.pages.settings_sections.export_threshold import ExportThresholdSection
from clientvault.ui.pages.settings_sections.firm import FirmSection
from clientvault.ui.pages.settings_sections.reply_time import ReplyTimeSection
from clientvault.ui.pages.settings_sections.retention import RetentionSection
from clientvault.ui.pages.settings_sections.workstation import WorkstationSection
from clientvault.ui.widgets.text import embolden

S = TypeVar("S", bound=SettingsSection)

SECTIONS: tuple[type[SettingsSection], ...] = (
    FirmSection,
    ReplyTimeSection,
    BackupSection,
    RetentionSection,
    ExportThresholdSection,
    WorkstationSection,
)
"""The sections in page order."""


class SettingsPage(QWidget):
    """The sections the role may change, one under the other, in a scroll area."""

    def __init__(self, ctx: UiContext, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault = vault
        self.operations = operations
        role = vault.session.role
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(embolden(QLabel(self.tr("Settings"), body), 5))
        self.sections = [cls(ctx, vault, operations, body) for cls in SECTIONS if cls.shown_to(role)]
        for section in self.sections:
            column.addWidget(section)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def section(self, cls: type[S]) -> S:
        """The section of type ``cls`` (``KeyError`` when this role does not see it)."""
        for s in self.sections:
            if isinstance(s, cls):
                return s
        raise KeyError(cls.__name__)

    def has_section(self, cls: type[SettingsSection]) -> bool:
        """Whether this role sees section ``cls``."""
        return any(isinstance(s, cls) for s in self.sections)

    def apply_changes(self, changes: Changes) -> None:
        """Show the settings as they are now (changed here, on the backups page or elsewhere)."""
        for section in self.sections:
            section.apply_changes(changes)
