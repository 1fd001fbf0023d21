"""Settings section: backups and erasure (partner): when to back up, how many to keep, the folder.

"Change folder…" moves every backup and the catalogue to another folder (a second drive, an office
share) in the background; the page shows the new folder once the move has switched the setting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from clientvault.core.roles import Capability, Role, can
from clientvault.services.backup import BackupService
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.retention import RetentionService, Settings
from clientvault.ui.context import UiContext
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt
from clientvault.ui.operations import Operation, Operations, Progress
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
        self.backups = BackupService(vault)
        self.folder = QLabel(str(self.backups.folder), self)
        self.folder.setObjectName("backup_folder")
        self.folder.setTextInteractionFlags(
            self.folder.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.open_folder = QPushButton(self.tr("Open folder"), self)
        self.open_folder.setObjectName("open_backup_folder")
        self.open_folder.clicked.connect(self.show_folder)
        self.change_folder = QPushButton(self.tr("Change folder…"), self)
        self.change_folder.setObjectName("change_backup_folder")
        self.change_folder.setToolTip(
            self.tr("Move every backup to another folder, for example a second drive or an office share.")
        )
        self.change_folder.setVisible(can(vault.session.role, Capability.BACKUP_RESTORE))
        self.change_folder.clicked.connect(self.choose_folder)
        self.move_progress = QProgressBar(self)
        self.move_progress.setObjectName("move_progress")
        self.move_progress.setRange(0, 100)
        self.move_progress.hide()
        self.move_message = wrapped_label(self, name="move_message")
        self.move_message.hide()  # shown once a move starts (no empty row before)
        self.operation: Operation | None = None
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder)
        folder_row.addWidget(self.change_folder)
        self.backup_message = wrapped_label(self, name="backup_message")
        self.backup_save = QPushButton(self.tr("Save backup settings"), self)
        self.backup_save.setObjectName("save_backups")
        self.backup_save.clicked.connect(self.save_backups)
        form = QFormLayout(self)
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow("", self.move_progress)
        form.addRow("", self.move_message)
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
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.backups.folder)))

    def choose_folder(self) -> Operation | None:
        """Ask for a folder, then move the backups there in the background (partner)."""
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the backups folder"), str(self.backups.folder))
        if not chosen:
            return None
        return self.move_to(Path(chosen))

    def move_to(self, target: Path) -> Operation:
        """Move every backup and the catalogue to ``target``; the old folder stays in use until all are checked."""
        self.change_folder.setEnabled(False)
        self.move_progress.setValue(0)
        self.move_progress.show()
        self.move_message.show()
        self.say(
            self.move_message,
            self.tr("Moving the backups… The current folder stays in use until every copy is checked."),
            True,
        )

        def work(progress: Progress) -> Path:
            return self.backups.move_folder(target, progress=lambda f: progress.report(int(f * 100), 100))

        def done(result: object) -> None:
            self._finished()
            self.folder.setText(str(result))
            self.say(self.move_message, fmt(self.tr("Backups moved. The backups folder is now %1."), str(result)), True)

        def failed(exc: BaseException) -> None:
            self._finished()
            self.say(self.move_message, error_message(exc), False)

        self.operation = self.operations.run(
            work, on_success=done, on_failure=failed, on_progress=lambda d, _t: self.move_progress.setValue(d),
            changes=Changes(settings=True, backups=True), source=self,
        )  # fmt: skip
        return self.operation

    def _finished(self) -> None:
        self.move_progress.hide()
        self.change_folder.setEnabled(True)

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
        self.folder.setText(str(self.backups.folder))
        s = self.retention.settings()
        self.on_close.setChecked(s.backup_on_close)
        self.daily.setChecked(s.backup_daily)
        self.keep.setValue(s.backup_keep)
        self.vacuum.setChecked(s.vacuum_after_erasure)
