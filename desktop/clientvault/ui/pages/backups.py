"""Backups (partner): take, verify, restore, purge; schedule and erasure settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clientvault.services.backup import BackupInfo, BackupService, PurgeResult, RestoreResult
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.retention import RetentionService, Settings
from clientvault.ui.errors import show_error
from clientvault.ui.i18n import fmt, format_number
from clientvault.ui.models.retention import PagedTableModel
from clientvault.ui.operations import Operation, Operations, Progress
from clientvault.ui.widgets.tables import make_table_view, selected_item
from clientvault.ui.widgets.text import embolden, wrapped_label


class BackupsPage(QWidget):
    """Backups newest first; long work (backup, restore, purge) runs off the GUI thread."""

    sig_restored = Signal()
    """The vault's database was replaced by a backup: pages must be rebuilt (log in again)."""
    sig_done = Signal(object)
    """A background job finished (its result or the exception)."""

    def __init__(self, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.backups = BackupService(vault)
        self.retention = RetentionService(vault)
        self.operation: Operation | None = None
        heading = embolden(QLabel(self.tr("Backups"), self))
        intro = wrapped_label(
            self,
            self.tr(
                "Each backup is an encrypted copy with its own key, checked after it is written. Restoring "
                "replays the erasure ledger, so erased clients never come back."
            ),
        )
        self.status = wrapped_label(self, name="status")
        self.progress = QProgressBar(self)  # shown while a backup is written and checked
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 1000)
        self.progress.hide()

        kinds = {
            "manual": self.tr("On demand"),
            "on_close": self.tr("On close"),
            "daily": self.tr("Daily"),
            "pre_restore": self.tr("Before restore"),
        }
        self.model: PagedTableModel[BackupInfo] = PagedTableModel(
            [self.tr("Taken"), self.tr("Kind"), self.tr("Size"), self.tr("Clients"), self.tr("Erasures applied"),
             self.tr("File")],
            lambda offset, limit: self.backups.list()[offset : offset + limit],
            lambda b, c: (b.created_at[:16].replace("T", " "), kinds.get(b.kind, b.kind),
                          fmt(self.tr("%1 KB"), format_number(b.size // 1024)),
                          format_number(b.row_counts.get("clients", 0)), str(b.ledger_seq), b.file_name)[c],
            self,
        )  # fmt: skip
        self.view = make_table_view(self, "backups", self.model)

        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.backup_button.setObjectName("backup")
        self.verify_button = QPushButton(self.tr("Check"), self)
        self.verify_button.setObjectName("verify")
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.restore_button.setObjectName("restore")
        self.purge_button = QPushButton(self.tr("Purge erased clients from all backups"), self)
        self.purge_button.setObjectName("purge")
        row = QHBoxLayout()
        for b in (self.backup_button, self.verify_button, self.restore_button, self.purge_button):
            row.addWidget(b)
        row.addStretch(1)

        settings = self.retention.settings()
        self.on_close = QCheckBox(self.tr("Back up when the app closes"), self)
        self.on_close.setObjectName("on_close")
        self.on_close.setChecked(settings.backup_on_close)
        self.daily = QCheckBox(self.tr("Back up daily"), self)
        self.daily.setObjectName("daily")
        self.daily.setChecked(settings.backup_daily)
        self.keep = QSpinBox(self)
        self.keep.setObjectName("keep")
        self.keep.setRange(1, 1000)
        self.keep.setValue(settings.backup_keep)
        self.vacuum = QCheckBox(self.tr("Rebuild the database file after each erasure (VACUUM)"), self)
        self.vacuum.setObjectName("vacuum")
        self.vacuum.setChecked(settings.vacuum_after_erasure)
        self.save_button = QPushButton(self.tr("Save settings"), self)
        self.save_button.setObjectName("save_settings")
        srow = QHBoxLayout()
        srow.addWidget(self.on_close)
        srow.addWidget(self.daily)
        srow.addWidget(QLabel(self.tr("Keep scheduled backups:"), self))
        srow.addWidget(self.keep)
        srow.addWidget(self.vacuum)
        srow.addStretch(1)
        srow.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addLayout(srow)

        self.backup_button.clicked.connect(self.backup_now)
        self.verify_button.clicked.connect(self.verify_selected)
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        self.purge_button.clicked.connect(self.purge)
        self.save_button.clicked.connect(self.save_settings)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        """The selected backup."""
        return selected_item(self.view, self.model.item)

    def _update_buttons(self) -> None:
        busy = self.operation is not None and not self.operation.done
        chosen = self.selected() is not None
        self.backup_button.setEnabled(not busy)
        self.purge_button.setEnabled(not busy)
        self.verify_button.setEnabled(chosen and not busy)
        self.restore_button.setEnabled(chosen and not busy)

    def _start(
        self, busy_text: str, work: Callable[[Progress], Any], done: Callable[[Any], None], *, steps: bool = False
    ) -> Operation:
        self.status.setText(busy_text)
        self.progress.setValue(0)
        self.progress.setVisible(steps)

        def finished(result: Any) -> None:
            self.progress.hide()
            done(result)

        self.operation = self.operations.run(
            work, on_success=finished, on_failure=self._failed, on_progress=lambda d, _t: self.progress.setValue(d)
        )
        self._update_buttons()
        return self.operation

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.status.setText("")
        self._update_buttons()
        show_error(self, exc)
        self.sig_done.emit(exc)

    def backup_now(self) -> Operation:
        """Take a backup in the background."""

        def done(info: Any) -> None:
            assert isinstance(info, BackupInfo)
            self.status.setText(fmt(self.tr("Backup %1 written and checked."), info.file_name))
            self.model.reload()
            self._update_buttons()
            self.operations.report(Changes(backups=True), self)
            self.sig_done.emit(info)

        backups = self.backups

        def work(progress: Progress) -> BackupInfo:
            last = [-1]

            def report(fraction: float) -> None:
                step = int(fraction * 1000)
                if step != last[0]:  # one signal per visible step
                    last[0] = step
                    progress.report(step, 1000)

            return backups.backup("manual", progress=report)

        return self._start(self.tr("Backing up: copying the vault, then checking the copy…"), work, done, steps=True)

    def verify_selected(self) -> bool:
        """Check the selected backup again."""
        b = self.selected()
        if b is None:
            return False
        try:
            self.backups.verify(b.file_name)
        except Exception as exc:
            show_error(self, exc)
            return False
        self.status.setText(fmt(self.tr("Backup %1 is intact."), b.file_name))
        return True

    def restore_selected(self, *, confirmed: bool = False) -> Operation | None:
        """Replace the vault's database with the selected backup (after confirmation)."""
        b = self.selected()
        if b is None:
            return None
        if not confirmed:
            answer = QMessageBox.question(
                self,
                self.tr("Restore backup"),
                fmt(self.tr("Replace the vault with the backup of %1? Changes made since are lost (erasures are "
                            "applied again). Everyone must log in again afterwards."), b.created_at[:16]),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return None

        def done(result: Any) -> None:
            assert isinstance(result, RestoreResult)
            self.status.setText(
                fmt(self.tr("Restored. %1 erasure(s) applied again to the restored copy."), result.replayed)
            )
            self.sig_done.emit(result)
            self.sig_restored.emit()

        return self._start(self.tr("Restoring…"), lambda _p: self.backups.restore(b.file_name), done)

    def purge(self) -> Operation:
        """Apply the erasure ledger to every backup in the background."""

        def done(result: Any) -> None:
            assert isinstance(result, PurgeResult)
            self.status.setText(
                fmt(self.tr("%1 backup(s) checked, %2 erasure(s) applied, %3 could not be opened."),
                    result.backups, result.applied, len(result.failed))
            )  # fmt: skip
            self.model.reload()
            self._update_buttons()
            self.operations.report(Changes(backups=True), self)
            self.sig_done.emit(result)

        return self._start(self.tr("Purging backups…"), lambda _p: self.backups.purge(), done)

    def save_settings(self) -> bool:
        """Store the schedule and erasure settings."""
        try:
            self.retention.set_settings(
                Settings(
                    vacuum_after_erasure=self.vacuum.isChecked(),
                    backup_on_close=self.on_close.isChecked(),
                    backup_daily=self.daily.isChecked(),
                    backup_keep=self.keep.value(),
                )
            )
        except Exception as exc:
            show_error(self, exc)
            return False
        self.status.setText(self.tr("Settings saved."))
        self.operations.report(Changes(settings=True), self)
        return True

    def apply_changes(self, changes: Changes) -> None:
        """The list shows the backups (a scheduled one, or one taken elsewhere); the boxes show the settings."""
        if changes.touches("backups"):
            self.model.reload()
            self._update_buttons()
        if changes.touches("settings"):
            s = self.retention.settings()
            self.on_close.setChecked(s.backup_on_close)
            self.daily.setChecked(s.backup_daily)
            self.keep.setValue(s.backup_keep)
            self.vacuum.setChecked(s.vacuum_after_erasure)
