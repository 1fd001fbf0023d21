"""Settings section: this workstation's display language and idle-lock minutes (every role).

They live in the workstation's settings file (like the window's size), not in the vault; each
change is still audited (``settings.workstation``, the setting and its new value as a code).
The language applies from the next start (``--lang`` still overrides it); the idle lock at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QPushButton, QSpinBox, QWidget

from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.firm import record_workstation_setting
from clientvault.ui.context import IDLE_MINUTES_KEY, UiContext
from clientvault.ui.i18n import LANGUAGE_KEY
from clientvault.ui.operations import Operations
from clientvault.ui.pages.settings_sections import SettingsSection
from clientvault.ui.widgets.text import wrapped_label


class WorkstationSection(SettingsSection):
    """Display language (中文 / English) and minutes of inactivity before the lock screen."""

    def __init__(self, ctx: UiContext, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("This workstation"), ctx, vault, operations, parent)
        self.setObjectName("workstation_box")
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.language)))
        self.idle = QSpinBox(self)
        self.idle.setObjectName("idle_minutes")
        self.idle.setRange(1, 120)
        self.idle.setValue(max(1, ctx.idle_timeout_ms() // 60_000))
        self.idle.setSuffix(self.tr(" min"))
        self.workstation_message = wrapped_label(self, name="workstation_message")
        self.workstation_save = QPushButton(self.tr("Save for this workstation"), self)
        self.workstation_save.setObjectName("save_workstation")
        self.workstation_save.clicked.connect(self.save_workstation)
        form = QFormLayout(self)
        form.addRow(self.tr("Display language:"), self.language)
        form.addRow(self.tr("Lock after idle:"), self.idle)
        row = QHBoxLayout()
        row.addWidget(self.workstation_message, 1)
        row.addWidget(self.workstation_save)
        form.addRow(row)

    def save_workstation(self) -> None:
        """Remember the language (used from the next start) and the idle-lock minutes (at once); audited."""
        language = str(self.language.currentData())
        minutes = self.idle.value()
        before_language = self.ctx.settings.value(LANGUAGE_KEY) or self.ctx.language
        before_minutes = self.ctx.idle_timeout_ms() // 60_000
        self.ctx.settings.setValue(LANGUAGE_KEY, language)
        self.ctx.settings.setValue(IDLE_MINUTES_KEY, minutes)
        self.ctx.settings.sync()
        if language != before_language:
            record_workstation_setting(self.vault, "language", language)
        if minutes != before_minutes:
            record_workstation_setting(self.vault, "idle_lock_minutes", str(minutes))
        text = self.tr("Saved. The idle lock applies now; the language from the next start.")
        self.say(self.workstation_message, text, True)
        self.operations.report(Changes(settings=True), self)
