"""The recipients list on the Purposes page (PIPL Art 23): who receives data, contact, purpose, method, categories."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.roles import Capability, can
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.impact_assessments import ImpactAssessmentService
from clientvault.services.purposes import PurposeService
from clientvault.services.recipient_agreements import RecipientAgreementService
from clientvault.services.recipients import Recipient, RecipientService
from clientvault.ui.dialogs.purpose_edit import category_label
from clientvault.ui.dialogs.recipient_edit import RecipientEditDialog
from clientvault.ui.i18n import fmt
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.tables import selected_item
from clientvault.ui.widgets.text import wrapped_label


class RecipientsSection(QGroupBox):
    """The firm's recipients; partner and privacy officer add and edit, every role may read."""

    def __init__(
        self, vault: Vault, operations: Operations, *, lang: str = "zh", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Recipients of personal information (printed on every consent form)"))
        self.setObjectName("recipients_section")
        self.vault = vault
        self.operations = operations
        self.lang = lang
        self.service = RecipientService(vault)
        self.rows: list[Recipient] = []
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("recipients")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Recipient"),
                self.tr("Contact"),
                self.tr("Purpose"),
                self.tr("Method"),
                self.tr("Categories"),
                self.tr("Used by"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(self.tr("New recipient…"), self)
        self.new_button.setObjectName("new_recipient")
        self.edit_button = QPushButton(self.tr("Edit recipient…"), self)
        self.edit_button.setObjectName("edit_recipient")
        editable = can(vault.session.role, Capability.MANAGE_PURPOSES)
        for b in (self.new_button, self.edit_button):
            b.setVisible(editable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        # The selected recipient's agreements and impact assessments (PIPL Arts 21, 23, 55).
        self.links = wrapped_label(self, name="recipient_links")
        layout.addWidget(self.links)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.selected()))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        """Read the list again (inactive recipients included, marked)."""
        self.rows = self.service.list(include_inactive=True)
        names = {p.code: p.name(self.lang) for p in PurposeService(self.vault).catalogue(include_inactive=True)}
        sep = "、" if self.lang == "zh" else ", "
        self.table.setRowCount(len(self.rows))
        for row, r in enumerate(self.rows):
            name = r.name(self.lang) if r.active else self.tr("%1 (not in use)").replace("%1", r.name(self.lang))
            cells = [
                name,
                r.contact,
                r.purpose(self.lang),
                r.method(self.lang),
                sep.join(category_label(c.value) for c in sorted(r.categories)),
                sep.join(names.get(code, code) for code in r.purposes),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.edit_button.setEnabled(False)

    def _selection_changed(self) -> None:
        r = self.selected()
        self.edit_button.setEnabled(r is not None)
        self.links.clear()
        if r is None or not can(self.vault.session.role, Capability.MANAGE_PURPOSES):
            return
        agreements = RecipientAgreementService(self.vault).entries(recipient_id=r.id)
        assessed = ImpactAssessmentService(self.vault).covering(recipient=r.id)
        self.links.setText(
            "\n".join(
                (
                    fmt(self.tr("Agreements: %1"), ", ".join(a.number for a in agreements))
                    if agreements
                    else self.tr("No agreement with this recipient recorded (Agreements page)."),
                    fmt(self.tr("Impact assessments: %1"), ", ".join(a.number for a in assessed))
                    if assessed
                    else self.tr("No impact assessment covers this recipient yet."),
                )
            )
        )

    def selected(self) -> Recipient | None:
        """The selected recipient."""
        return selected_item(self.table, self.rows.__getitem__)

    def edit(self, recipient: Recipient | None) -> RecipientEditDialog:
        """Open the editor (non-modal, so tests can drive it); saving reports a consent change."""
        purposes = PurposeService(self.vault).catalogue(include_inactive=True)
        dialog = RecipientEditDialog(self.service, recipient, purposes, lang=self.lang, parent=self)
        dialog.setObjectName("recipient_edit")
        dialog.accepted.connect(self.reload)
        dialog.accepted.connect(lambda: self.operations.report(Changes(consent=True), self))
        dialog.open()
        return dialog

    def apply_changes(self, changes: Changes) -> None:
        """Recipients change with the catalogue (here or at another workstation)."""
        if changes.touches("consent"):
            self.reload()
