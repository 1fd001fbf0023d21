"""Settings: the firm's notice details, backups and erasure, and this workstation's language and idle lock.

The firm's settings live in the vault and every change is audited by its service
(``notice.update`` — partner and privacy officer; ``settings.change`` — partner). The display
language and the idle-lock minutes belong to this workstation (its settings file, like the
window's size): they are not the firm's data and are not audited.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.roles import Capability, can
from clientvault.services.changes import Changes
from clientvault.services.consent import ConsentService, NoticeDetails
from clientvault.services.context import Vault
from clientvault.services.retention import RetentionService, Settings
from clientvault.ui.context import IDLE_MINUTES_KEY, UiContext
from clientvault.ui.dialogs.return_form import consent_error
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import LANGUAGE_KEY
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.text import embolden, wrapped_label

_OK_STYLE = "color: #1b5e20;"
_ERROR_STYLE = "color: #b00020;"


class SettingsPage(QWidget):
    """Three groups, each with its own Save; a group the role may not change is not shown."""

    def __init__(self, ctx: UiContext, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault = vault
        self.operations = operations
        self.consent = ConsentService(vault)
        self.retention = RetentionService(vault)
        role = vault.session.role
        layout = QVBoxLayout(self)
        layout.addWidget(embolden(QLabel(self.tr("Settings"), self), 5))

        # The firm's details printed in every consent notice and letter.
        self.notice_box = QGroupBox(self.tr("Firm details printed on consent forms and letters"), self)
        current = self.consent.notice_details()
        self.notice_fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self.notice_box)
        form.addRow(self.tr("Firm name:"), QLabel(vault.firm_name, self.notice_box))
        for key, label, value in (
            ("address", self.tr("Address:"), current.address),
            ("phone", self.tr("Telephone:"), current.phone),
            ("email", self.tr("E-mail:"), current.email),
            ("privacy_contact", self.tr("Privacy contact:"), current.privacy_contact),
            ("complaint_channel", self.tr("Complaint channel:"), current.complaint_channel),
        ):
            edit = QLineEdit(value, self.notice_box)
            edit.setObjectName(key)
            form.addRow(label, edit)
            self.notice_fields[key] = edit
        self.notice_message = wrapped_label(self.notice_box, name="notice_message")
        self.notice_save = QPushButton(self.tr("Save firm details"), self.notice_box)
        self.notice_save.setObjectName("save_notice")
        self.notice_save.clicked.connect(self.save_notice)
        form.addRow(self.notice_message, self.notice_save)
        self.notice_box.setVisible(can(role, Capability.MANAGE_PURPOSES))
        layout.addWidget(self.notice_box)

        # Backups and erasure (partner).
        self.backup_box = QGroupBox(self.tr("Backups and erasure"), self)
        s = self.retention.settings()
        self.on_close = QCheckBox(self.tr("Back up when the app closes"), self.backup_box)
        self.on_close.setObjectName("on_close")
        self.on_close.setChecked(s.backup_on_close)
        self.daily = QCheckBox(self.tr("Back up daily (at the first login of the day)"), self.backup_box)
        self.daily.setObjectName("daily")
        self.daily.setChecked(s.backup_daily)
        self.keep = QSpinBox(self.backup_box)
        self.keep.setObjectName("keep")
        self.keep.setRange(1, 1000)
        self.keep.setValue(s.backup_keep)
        self.vacuum = QCheckBox(self.tr("Rebuild the database file after each erasure"), self.backup_box)
        self.vacuum.setObjectName("vacuum")
        self.vacuum.setChecked(s.vacuum_after_erasure)
        folder = QLabel(str(vault.paths.backups), self.backup_box)
        folder.setObjectName("backup_folder")
        self.backup_message = wrapped_label(self.backup_box, name="backup_message")
        self.backup_save = QPushButton(self.tr("Save backup settings"), self.backup_box)
        self.backup_save.setObjectName("save_backups")
        self.backup_save.clicked.connect(self.save_backups)
        bform = QFormLayout(self.backup_box)
        bform.addRow(self.tr("Folder:"), folder)
        bform.addRow("", self.on_close)
        bform.addRow("", self.daily)
        bform.addRow(self.tr("Scheduled backups kept:"), self.keep)
        bform.addRow("", self.vacuum)
        bform.addRow(self.backup_message, self.backup_save)
        self.backup_box.setVisible(can(role, Capability.MANAGE_SETTINGS))
        layout.addWidget(self.backup_box)

        # This workstation.
        self.workstation_box = QGroupBox(self.tr("This workstation"), self)
        self.language = QComboBox(self.workstation_box)
        self.language.setObjectName("language")
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.language)))
        self.idle = QSpinBox(self.workstation_box)
        self.idle.setObjectName("idle_minutes")
        self.idle.setRange(1, 120)
        self.idle.setValue(max(1, ctx.idle_timeout_ms() // 60_000))
        self.idle.setSuffix(self.tr(" min"))
        self.workstation_message = wrapped_label(self.workstation_box, name="workstation_message")
        self.workstation_save = QPushButton(self.tr("Save for this workstation"), self.workstation_box)
        self.workstation_save.setObjectName("save_workstation")
        self.workstation_save.clicked.connect(self.save_workstation)
        wform = QFormLayout(self.workstation_box)
        wform.addRow(self.tr("Display language:"), self.language)
        wform.addRow(self.tr("Lock after idle:"), self.idle)
        row = QHBoxLayout()
        row.addWidget(self.workstation_message, 1)
        row.addWidget(self.workstation_save)
        wform.addRow(row)
        layout.addWidget(self.workstation_box)
        layout.addStretch(1)

    def _say(self, label: QLabel, text: str, ok: bool) -> None:
        label.setText(text)
        label.setStyleSheet(_OK_STYLE if ok else _ERROR_STYLE)

    def save_notice(self) -> bool:
        """Store the firm's notice details (audited); the next form and letter print them."""
        details = NoticeDetails(**{k: e.text().strip() for k, e in self.notice_fields.items()})
        try:
            self.consent.set_notice_details(details)
        except Exception as exc:
            self._say(self.notice_message, consent_error(exc), False)
            return False
        self._say(self.notice_message, self.tr("Saved: the next forms and letters print these details."), True)
        self.operations.report(Changes(settings=True, consent=True), self)
        return True

    def save_backups(self) -> bool:
        """Store the backup and erasure settings (audited)."""
        settings = Settings(
            vacuum_after_erasure=self.vacuum.isChecked(),
            backup_on_close=self.on_close.isChecked(),
            backup_daily=self.daily.isChecked(),
            backup_keep=self.keep.value(),
        )
        try:
            self.retention.set_settings(settings)
        except Exception as exc:
            self._say(self.backup_message, error_message(exc), False)
            return False
        self._say(self.backup_message, self.tr("Backup settings saved."), True)
        self.operations.report(Changes(settings=True), self)
        return True

    def save_workstation(self) -> None:
        """Remember the language (used from the next start) and the idle-lock minutes (at once)."""
        self.ctx.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self.ctx.settings.setValue(IDLE_MINUTES_KEY, self.idle.value())
        self.ctx.settings.sync()
        text = self.tr("Saved. The idle lock applies now; the language from the next start.")
        self._say(self.workstation_message, text, True)
        self.operations.report(Changes(audit=False, settings=True), self)

    def apply_changes(self, changes: Changes) -> None:
        """Show the firm's settings as they are now (changed here, on the backups page or elsewhere)."""
        if not changes.touches("settings"):
            return
        current = self.consent.notice_details()
        for key, edit in self.notice_fields.items():
            edit.setText(getattr(current, key))
        s = self.retention.settings()
        self.on_close.setChecked(s.backup_on_close)
        self.daily.setChecked(s.backup_daily)
        self.keep.setValue(s.backup_keep)
        self.vacuum.setChecked(s.vacuum_after_erasure)
