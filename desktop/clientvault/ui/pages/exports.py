"""The export register (partner, privacy officer; an accountant sees their own): due files, destruction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton, QWidget

from clientvault.core.roles import Role
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.exports import DestroyOutcome, ExportEntry, ExportService, RegisterFilter
from clientvault.ui.errors import show_error
from clientvault.ui.i18n import fmt, format_number
from clientvault.ui.models.exports import ExportTableModel
from clientvault.ui.operations import Operation, Operations
from clientvault.ui.widgets.register_page import headed_layout, toolbar
from clientvault.ui.widgets.tables import make_table_view, selected_item
from clientvault.ui.widgets.text import wrapped_label


class ExportsPage(QWidget):
    """Lists the files of personal data that left the vault; destroys a selected one off the GUI thread."""

    sig_destroyed = Signal(object)
    """A destruction finished (its DestroyOutcome, or the exception)."""

    def __init__(
        self,
        vault: Vault,
        operations: Operations,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.exports = ExportService(vault, today=today)
        self.operation: Operation | None = None
        if vault.session.role is Role.ACCOUNTANT:
            text = self.tr(
                "The files you saved or exported from ClientVault. Destroy each file once its destroy-by date has "
                "come: ClientVault overwrites it with zeros and deletes it, if it is still where it was saved and "
                "unchanged."
            )
        else:
            text = self.tr(
                "Every file of client data saved or exported from ClientVault. Destroy each file once its "
                "destroy-by date has come: ClientVault overwrites it with zeros and deletes it, if it is still "
                "where it was saved and unchanged."
            )
        self.filter = QComboBox(self)
        self.filter.setObjectName("status_filter")
        self.filter.addItem(self.tr("Due for destruction"), RegisterFilter.DUE)
        self.filter.addItem(self.tr("All"), RegisterFilter.ALL)
        self.filter.addItem(self.tr("Destroyed"), RegisterFilter.DESTROYED)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        self.destroy_button = QPushButton(self.tr("Destroy file…"), self)
        self.destroy_button.setObjectName("destroy")
        controls = toolbar([QLabel(self.tr("Show:"), self), self.filter, self.count_label], [self.destroy_button])

        self.model = ExportTableModel(self.exports, self, today=today)
        self.view = make_table_view(self, "exports", self.model)
        self.status = wrapped_label(self, name="status")

        layout = headed_layout(self, self.tr("Export register"), text)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self.filter.currentIndexChanged.connect(self.apply_filter)
        self.destroy_button.clicked.connect(lambda: self.destroy_selected())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_count()
        self._update_buttons()

    def set_filter(self, status: RegisterFilter) -> None:
        """Show due, all or destroyed entries."""
        self.filter.setCurrentIndex(self.filter.findData(status))

    def apply_filter(self) -> None:
        """Reload the list with the chosen filter."""
        self.model.set_status(RegisterFilter(self.filter.currentData()))
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        self.count_label.setText(fmt(self.tr("%1 files"), format_number(self.model.total)))

    def selected(self) -> ExportEntry | None:
        """The selected register entry."""
        return selected_item(self.view, self.model.item)

    def _update_buttons(self) -> None:
        busy = self.operation is not None and not self.operation.done
        entry = self.selected()
        self.destroy_button.setEnabled(entry is not None and not entry.destroyed_at and not busy)

    def destroy_selected(self, *, confirmed: bool = False) -> Operation | None:
        """Overwrite and delete the selected file, then mark it destroyed (after a confirmation)."""
        entry = self.selected()
        if entry is None or entry.destroyed_at:
            return None
        if not confirmed:
            answer = QMessageBox.question(
                self,
                self.tr("Destroy file"),
                fmt(self.tr("Destroy %1?"), entry.file_name)
                + "\n\n"
                + self.tr(
                    "If the file is still in its folder and unchanged, it is overwritten with zeros and deleted. "
                    "If it is gone, or has changed since it was saved, it is left alone and only marked as "
                    "destroyed."
                )
                + "\n\n"
                + self.tr(
                    "On SSDs and on journaling filesystems the disk may keep old copies of the data elsewhere; "
                    "only full-disk encryption (such as BitLocker or FileVault) guarantees they cannot be "
                    "read back (NIST SP 800-88). Copies made elsewhere (USB sticks, e-mail) must be deleted "
                    "by hand."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        export_id = entry.id
        self.status.setText(self.tr("Destroying the file…"))
        self.operation = self.operations.run(
            lambda _p: self.exports.destroy(export_id), on_success=self._destroyed, on_failure=self._failed
        )
        self._update_buttons()
        return self.operation

    def _destroyed(self, outcome: Any) -> None:
        assert isinstance(outcome, DestroyOutcome)
        self.status.setText(
            {
                DestroyOutcome.OVERWRITTEN: self.tr("The file was overwritten, deleted and marked as destroyed."),
                DestroyOutcome.MISSING: self.tr(
                    "The file was no longer in its folder; the entry is marked as destroyed."
                ),
                DestroyOutcome.NO_LOCATION: self.tr(
                    "The register no longer records where the file was (a client in it was erased); the entry is "
                    "marked as destroyed. Delete the file by hand if you know where it is."
                ),
                DestroyOutcome.CHANGED: self.tr(
                    "The file has changed since it was saved, so it was left in place; the entry is marked as "
                    "destroyed. Check the file and delete it by hand if it still holds client data."
                ),
            }.get(outcome, self.tr("Marked as destroyed."))
        )
        self._reload()
        self.operations.report(Changes(exports=True), self)
        self.sig_destroyed.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        self._reload()
        show_error(self, exc)
        self.sig_destroyed.emit(exc)

    def apply_changes(self, changes: Changes) -> None:
        """The register lists saved files: re-read it when one was saved or destroyed (here or elsewhere)."""
        if changes.touches("exports", "clients"):
            self._reload()

    def _reload(self) -> None:
        if not self.vault.locked:
            self.model.reload()
            self._update_count()
        self._update_buttons()
