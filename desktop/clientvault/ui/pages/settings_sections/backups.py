"""Settings section: backups and erasure (partner): when to back up, how many to keep, the folder."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from clientvault.core.roles import Capability, Role, can
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.retention import RetentionService, Settings
from clientvault.ui.context import UiContext
from clientvault.ui.errors import error_message
from clientvault.ui.operations import Operations
from clientvault.ui.pages.settings_sections import SettingsSection
from clientvault.ui.widgets.text import wrapped_label


class BackupSection(SettingsSection):
    """Back up on close / daily, how many scheduled backups to keep, rebuild after erasure; the folder."""

    def __init__(self, ctx: UiContext, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Backups and erasure"), ctx, vault, operations, parent)
        self.setObjectName("backup_box")
        self.retention = RetentionService(vault)
        s = self.retention.settings()
        self.on_close = QCheckBox(self.tr("Back up when the app closes"), self)
        self.on_close.setObjectName("on_close")
        self.on_close.setChecked(s.backup_on_close)
        self.daily = QCheckBox(self.tr("Back up daily (at the first login of the day)"), self)
        self.daily.setObjectName("daily")
        self.daily.setChecked(s.backup_daily)
        self.keep = QSpinBox(self)
        self.keep.setObjectName("keep")
        self.keep.setRange(1, 1000)
        self.keep.setValue(s.backup_keep)
        self.vacuum = QCheckBox(self.tr("Rebuild the database file after each erasure"), self)
        self.vacuum.setObjectName("vacuum")
        self.vacuum.setChecked(s.vacuum_after_erasure)
        self.folder = QLabel(str(vault.paths.backups), self)
        self.folder.setObjectName("backup_folder")
        self.open_folder = QPushButton(self.tr("Open folder"), self)
        self.open_folder.setObjectName("open_backup_folder")
        self.open_folder.clicked.connect(self.show_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder)
        self.backup_message = wrapped_label(self, name="backup_message")
        self.backup_save = QPushButton(self.tr("Save backup settings"), self)
        self.backup_save.setObjectName("save_backups")
        self.backup_save.clicked.connect(self.save_backups)
        form = QFormLayout(self)
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow("", self.on_close)
        form.addRow("", self.daily)
        form.addRow(self.tr("Scheduled backups kept:"), self.keep)
        form.addRow("", self.vacuum)
        form.addRow(self.backup_message, self.backup_save)

    @staticmethod
    def shown_to(role: Role) -> bool:
        return can(role, Capability.MANAGE_SETTINGS)

    def show_folder(self) -> bool:
        """Open the backups folder in the file manager (a local folder: no network)."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.vault.paths.backups)))

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
            self.say(self.backup_message, error_message(exc), False)
            return False
        self.say(self.backup_message, self.tr("Backup settings saved."), True)
        self.operations.report(Changes(settings=True), self)
        return True

    def apply_changes(self, changes: Changes) -> None:
        if not changes.touches("settings"):
            return
        s = self.retention.settings()
        self.on_close.setChecked(s.backup_on_close)
        self.daily.setChecked(s.backup_daily)
        self.keep.setValue(s.backup_keep)
        self.vacuum.setChecked(s.vacuum_after_erasure)
