"""The purpose catalogue (partner, privacy officer): versions, lawful basis, categories, notice details, recipients."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.roles import Capability, can
from clientvault.services.changes import Changes
from clientvault.services.consent import ConsentService
from clientvault.services.context import Vault
from clientvault.services.impact_assessments import ImpactAssessmentService
from clientvault.services.purposes import Purpose, PurposeService
from clientvault.services.retention_notice import retention_statements
from clientvault.ui.dialogs.purpose_edit import NoticeDetailsDialog, PurposeEditDialog, basis_label, category_label
from clientvault.ui.i18n import fmt
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.recipients import RecipientsSection
from clientvault.ui.widgets.tables import selected_item
from clientvault.ui.widgets.text import embolden, wrapped_label


class PurposesPage(QWidget):
    """Lists the current version of every purpose; editing saves a new version."""

    def __init__(
        self, vault: Vault, operations: Operations, *, lang: str = "zh", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.lang = lang
        self.service = PurposeService(vault)
        self.purposes: list[Purpose] = []
        heading = embolden(QLabel(self.tr("Purposes and notices"), self))
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("purposes")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Purpose"),
                self.tr("Version"),
                self.tr("Lawful basis"),
                self.tr("Data categories"),
                self.tr("Retention"),
                self.tr("Necessary"),
                self.tr("Separate consent"),
                self.tr("In use"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(self.tr("New purpose…"), self)
        self.new_button.setObjectName("new")
        self.edit_button = QPushButton(self.tr("Edit (new version)…"), self)
        self.edit_button.setObjectName("edit")
        self.notice_button = QPushButton(self.tr("Notice contact details…"), self)
        self.notice_button.setObjectName("notice")
        self.history = wrapped_label(self, name="history")
        editable = can(vault.session.role, Capability.MANAGE_PURPOSES)
        for b in (self.new_button, self.edit_button, self.notice_button):
            b.setVisible(editable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.notice_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.history)
        # The recipients the purposes provide data to (PIPL Art 23); every form names them.
        self.recipients = RecipientsSection(vault, operations, lang=lang, parent=self)
        layout.addWidget(self.recipients, 1)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.selected()))
        self.notice_button.clicked.connect(self.edit_notice)
        self.table.itemSelectionChanged.connect(self._show_history)
        self.reload()

    def apply_changes(self, changes: Changes) -> None:
        """The catalogue changes only through purpose edits (here or at another workstation)."""
        if changes.touches("consent", "settings"):  # settings: a retention rule edited
            self.reload()
        self.recipients.apply_changes(changes)

    def reload(self) -> None:
        """Read the catalogue again."""
        self.purposes = self.service.catalogue(include_inactive=True)
        # the 告知同意书's own retention text, from the firm's retention rules (never retention_years)
        kept = retention_statements(self.vault, self.purposes, self.lang)
        self.table.setRowCount(len(self.purposes))
        sep = "、" if self.lang == "zh" else ", "
        for row, p in enumerate(self.purposes):
            separate = []
            if p.separate_sensitive:
                separate.append(self.tr("sensitive"))
            if p.third_party:
                separate.append(self.tr("third parties"))
            cells = [
                p.name(self.lang),
                str(p.version),
                basis_label(p.lawful_basis.value),
                sep.join(category_label(c.value) for c in sorted(p.categories)),
                kept[p.code],
                self.tr("yes") if p.necessary else self.tr("optional"),
                sep.join(separate),
                self.tr("yes") if p.active else self.tr("no"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.edit_button.setEnabled(False)

    def selected(self) -> Purpose | None:
        """The selected purpose."""
        return selected_item(self.table, self.purposes.__getitem__)

    def _show_history(self) -> None:
        p = self.selected()
        self.edit_button.setEnabled(p is not None)
        if p is None:
            self.history.clear()
            return
        versions = self.service.history(p.code)
        text = self.tr("Versions: %1").replace("%1", ", ".join(f"v{v.version} ({v.created_at[:10]})" for v in versions))
        assessed = ImpactAssessmentService(self.vault).covering(purpose=p.code)  # PIPL Art 55
        covered = ", ".join(f"{a.number} ({a.assessed_on})" for a in assessed)
        more = fmt(self.tr("Impact assessments: %1"), covered) if assessed else self.tr("No impact assessment yet.")
        row = self.purposes.index(p) if p in self.purposes else -1
        cell = self.table.item(row, 4) if row >= 0 else None
        kept = fmt(self.tr("Retention: %1"), cell.text()) if cell is not None else ""  # the form's own text
        self.history.setText("\n".join(t for t in (text, more, kept) if t))

    def edit(self, purpose: Purpose | None) -> PurposeEditDialog:
        """Open the editor (non-modal, so tests can drive it)."""
        dialog = PurposeEditDialog(self.service, purpose, self)
        dialog.setObjectName("purpose_edit")
        dialog.accepted.connect(self.reload)
        dialog.accepted.connect(lambda: self.operations.report(Changes(consent=True), self))
        dialog.open()
        return dialog

    def edit_notice(self) -> NoticeDetailsDialog:
        """Edit the firm contact details printed in notices."""
        dialog = NoticeDetailsDialog(ConsentService(self.vault), self)
        dialog.setObjectName("notice_details")
        dialog.accepted.connect(lambda: self.operations.report(Changes(settings=True), self))
        dialog.open()
        return dialog
