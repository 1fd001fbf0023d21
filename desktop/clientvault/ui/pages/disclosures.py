"""The sharing log page (PIPL Arts 21, 23): disclosures to third parties, checked before they are logged."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.core.records import DataCategory
from clientvault.services.changes import Changes
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.services.disclosures import Disclosure, DisclosureService
from clientvault.services.purposes import PurposeService
from clientvault.services.recipients import RecipientService
from clientvault.ui.dialogs.agreement_edit import categories_text
from clientvault.ui.dialogs.purpose_edit import basis_label
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt, format_date, format_number
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.register_page import (
    RegisterActions,
    finish_form,
    headed_layout,
    refill,
    table_model,
    toolbar,
)
from clientvault.ui.widgets.tables import make_table_view
from clientvault.ui.widgets.text import wrapped_label


class DisclosureDialog(QDialog):
    """Log one disclosure: client and person from the vault, recipient, purpose, categories."""

    def __init__(self, vault: Vault, service: DisclosureService, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log a disclosure"))
        self.service = service
        self.clients = ClientService(vault)
        self.created: Disclosure | None = None
        self.client, self.person, self.purpose = QComboBox(self), QComboBox(self), QComboBox(self)
        for row in self.clients.page(ClientFilter(), limit=500):
            self.client.addItem(row.name, row.id)
        for p in PurposeService(vault).catalogue():
            self.purpose.addItem(p.name(lang), p.code)
        self.listed = QComboBox(self)  # a recipient of the firm's list, or one typed below
        self.listed.setObjectName("listed_recipient")
        self.listed.addItem(self.tr("(not in the list: type it below)"), None)
        for r in RecipientService(vault).list():
            self.listed.addItem(r.name(lang), r.id)
        self.recipient = QLineEdit(self)
        self.recipient.setObjectName("recipient")
        self.boxes = {c: QCheckBox(c.value, self) for c in DataCategory}
        names = {
            DataCategory.IDENTITY: self.tr("Identity"),
            DataCategory.CONTACT: self.tr("Contact details"),
            DataCategory.ID_DOCUMENT: self.tr("ID numbers"),
            DataCategory.BANK: self.tr("Bank accounts"),
            DataCategory.CREDENTIALS: self.tr("Logins"),
            DataCategory.SALARY: self.tr("Salary"),
            DataCategory.INCOME_TAX: self.tr("Income tax"),
            DataCategory.SOCIAL_INSURANCE: self.tr("Social insurance"),
            DataCategory.HOUSING_FUND: self.tr("Housing fund"),
        }
        cats = QHBoxLayout()
        for c, box in self.boxes.items():
            box.setText(names[c])
            cats.addWidget(box)
        self.error = wrapped_label(self, name="error")
        form = QFormLayout()
        form.addRow(self.tr("Client:"), self.client)
        form.addRow(self.tr("Person:"), self.person)
        form.addRow(self.tr("Recipient from the list:"), self.listed)
        form.addRow(self.tr("Recipient:"), self.recipient)
        form.addRow(self.tr("Purpose:"), self.purpose)
        form.addRow(self.tr("Data given:"), cats)
        finish_form(self, form, self.error, self.submit)
        self.client.currentIndexChanged.connect(lambda _i: self._fill_persons())
        self._fill_persons()

    def _fill_persons(self) -> None:
        self.person.clear()
        self.person.addItem(self.tr("(the client)"), None)
        if self.client.currentData() is not None:
            for p in self.clients.get(self.client.currentData()).persons:
                self.person.addItem(p.name, p.id)

    def submit(self) -> None:
        """Check and log; a refusal (with its reason) stays in the dialog."""
        if self.client.currentData() is None:
            self.error.setText(self.tr("Choose a client."))
            return
        try:
            self.created = self.service.record(
                self.client.currentData(),
                self.recipient.text(),
                self.purpose.currentData(),
                [c.value for c, box in self.boxes.items() if box.isChecked()],
                person_id=self.person.currentData(),
                recipient_id=self.listed.currentData(),
            )
        except KnownError as exc:
            self.error.setText(error_message(exc))
            return
        self.accept()


class DisclosuresPage(QWidget, RegisterActions):
    """The sharing log: who received which client's data, under which purpose and basis."""

    def __init__(
        self, vault: Vault, operations: Operations, parent: QWidget | None = None, *, lang: str = "zh"
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.lang = lang
        self.service = DisclosureService(vault)
        self.service.entries(limit=1)  # AccessDenied (audited) for an assistant
        self.new_button = QPushButton(self.tr("Log a disclosure…"), self)
        self.new_button.setObjectName("new")
        self.count_label = QLabel(self)
        self.model = table_model(
            self,
            [self.tr("Date"), self.tr("Client"), self.tr("Recipient"), self.tr("Purpose"), self.tr("Basis"),
             self.tr("Categories")],
        )  # fmt: skip
        self.view = make_table_view(self, "disclosures", self.model)
        self.status = wrapped_label(self, name="status")
        layout = headed_layout(
            self,
            self.tr("Sharing log"),
            self.tr(
                "Each time client data is given to someone outside the firm (tax bureau, bank, social "
                "insurance), log it here. ClientVault refuses, with the reason, a disclosure the purpose does "
                "not cover or that lacks the consent in force, the separate consent for sensitive data or the "
                "separate consent to provide data to others (PIPL Arts 23, 29)."
            ),
        )
        layout.addLayout(toolbar([self.count_label], [self.new_button]))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.new_button.clicked.connect(lambda: self.new_disclosure())
        self.reload()

    def reload(self) -> None:
        """Re-read the log."""
        if self.vault.locked:
            return
        entries = self.service.entries()
        names = {p.code: p.name(self.lang) for p in PurposeService(self.vault).catalogue(include_inactive=True)}
        refill(self.model, (
            [format_date(d.disclosed_on), d.client_name or self.tr("(sealed or erased)"), d.recipient,
             names.get(d.purpose_code, d.purpose_code), basis_label(d.basis), categories_text(d.categories, self.lang)]
            for d in entries
        ))  # fmt: skip
        self.count_label.setText(fmt(self.tr("%1 disclosures"), format_number(len(entries))))

    def apply_changes(self, changes: Changes) -> None:
        """Reload when registers, consents or clients changed."""
        if changes.touches("requests", "consent", "clients", "sealed"):
            self.reload()

    def new_disclosure(self) -> DisclosureDialog:
        """Open the dialog (returned: tests drive it)."""
        dialog = DisclosureDialog(self.vault, self.service, self.lang, self)
        dialog.accepted.connect(lambda: self._done(self.tr("Disclosure logged.")))
        dialog.open()
        return dialog
