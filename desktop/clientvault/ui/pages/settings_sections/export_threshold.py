"""Settings section: the row threshold of Excel exports (issue 11).

An Excel export of more rows than this by anyone but a partner needs a partner's approval first
(request, approve, then the requester saves). Default 200 rows, 1–1 000 000. Partner only; the
change is audited (``settings.change``, ``export.approval_threshold=N``) by
:meth:`ExcelExportService.set_threshold`, and the export dialog reads it at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QSpinBox, QWidget

from clientvault.core.errors import KnownError
from clientvault.core.roles import Role
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.spreadsheet_export import ExcelExportService
from clientvault.ui.context import UiContext
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt
from clientvault.ui.operations import Operations
from clientvault.ui.pages.settings_sections import SettingsSection
from clientvault.ui.widgets.text import wrapped_label

MAX_THRESHOLD = 1_000_000


class ExportThresholdSection(SettingsSection):
    """A spin box of rows and its Save button."""

    def __init__(self, ctx: UiContext, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Excel exports"), ctx, vault, operations, parent)
        self.setObjectName("export_threshold_section")
        self.service = ExcelExportService(vault)
        self.rows = QSpinBox(self)
        self.rows.setObjectName("export_threshold")
        self.rows.setRange(1, MAX_THRESHOLD)
        self.rows.setSuffix(self.tr(" rows"))
        self.rows.setValue(self.service.threshold())
        self.save_button = QPushButton(self.tr("Save export threshold"), self)
        self.save_button.setObjectName("save_export_threshold")
        self.save_button.clicked.connect(self.save)
        self.message = wrapped_label(self, name="export_threshold_message")
        explain = wrapped_label(
            self,
            self.tr(
                "An Excel export of more rows than this, by anyone but a partner, needs a partner's approval "
                "first: the requester asks, a partner approves, then the requester saves the workbook."
            ),
        )
        form = QFormLayout(self)
        form.addRow(explain)
        row = QHBoxLayout()
        row.addWidget(self.rows)
        row.addWidget(self.save_button)
        row.addStretch(1)
        form.addRow(self.tr("Approval above:"), row)
        form.addRow(self.message)

    @staticmethod
    def shown_to(role: Role) -> bool:
        return role is Role.PARTNER

    def save(self) -> bool:
        """Store the threshold (audited); the next export uses it."""
        try:
            self.service.set_threshold(self.rows.value())
        except KnownError as exc:
            self.say(self.message, error_message(exc), False)
            return False
        text = fmt(self.tr("Saved: exports above %1 rows need a partner's approval."), self.rows.value())
        self.say(self.message, text, True)
        self.operations.report(Changes(settings=True), self)
        return True

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("settings"):
            self.rows.setValue(self.service.threshold())
