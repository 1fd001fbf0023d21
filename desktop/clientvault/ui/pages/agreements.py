"""The agreements register (PIPL Arts 21, 23): entrustment agreements with clients, agreements with recipients.

Every register role sees and records the entrustment agreements of the clients it may see (an
assistant: the ones it recorded); the partner and the privacy officer end an agreement and record
the confirmation of the return or deletion. The agreements with recipients of the recipients list
are for the partner and the privacy officer to record, and accountants to read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton, QTableView, QWidget

from clientvault.core.errors import KnownError
from clientvault.core.roles import Role
from clientvault.services.changes import Changes
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.services.entrustments import Entrustment, EntrustmentService
from clientvault.services.recipient_agreements import RecipientAgreement, RecipientAgreementService
from clientvault.ui.dialogs.agreement_edit import (
    AgreementTermsDialog,
    agreement_kind_name,
    categories_text,
    end_handling_name,
    state_name,
)
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt, format_date, format_number
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.register_page import RegisterActions, headed_layout, refill, table_model, toolbar
from clientvault.ui.widgets.tables import make_table_view
from clientvault.ui.widgets.text import wrapped_label


class AgreementsPage(QWidget, RegisterActions):
    """Two tables: the clients' entrustment agreements and the agreements with recipients."""

    def __init__(
        self,
        vault: Vault,
        operations: Operations,
        parent: QWidget | None = None,
        *,
        lang: str = "zh",
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.lang = lang
        self.entrustments = EntrustmentService(vault, today=today)
        self.entrustments.entries(limit=1)  # AccessDenied (audited) for a role without the registers
        self.with_recipients = vault.session.role is not Role.ASSISTANT
        self.recipients = RecipientAgreementService(vault, today=today)
        self.client_rows: list[Entrustment] = []
        self.recipient_rows: list[RecipientAgreement] = []
        manage = self.entrustments.can_manage()
        self.new_entrustment = QPushButton(self.tr("New entrustment agreement…"), self)
        self.new_entrustment.setObjectName("new_entrustment")
        self.new_recipient = QPushButton(self.tr("New agreement with a recipient…"), self)
        self.new_recipient.setObjectName("new_recipient")
        self.new_recipient.setVisible(manage)
        self.end_button = QPushButton(self.tr("End agreement…"), self)
        self.end_button.setObjectName("end")
        self.confirm_button = QPushButton(self.tr("Confirm return or deletion…"), self)
        self.confirm_button.setObjectName("confirm")
        for b in (self.end_button, self.confirm_button):
            b.setVisible(manage)
            b.setEnabled(False)
        self.count_label = QLabel(self)
        top = toolbar(
            [self.count_label], [self.new_entrustment, self.new_recipient, self.end_button, self.confirm_button]
        )
        headers = [self.tr("No."), self.tr("Client"), self.tr("Signed"), self.tr("Term"), self.tr("Categories"),
                   self.tr("At the end"), self.tr("State")]  # fmt: skip
        self.client_model = table_model(self, headers)
        self.client_view = make_table_view(self, "entrustments", self.client_model)
        headers = [self.tr("No."), self.tr("Recipient"), self.tr("Role"), self.tr("Signed"), self.tr("Term"),
                   self.tr("Categories"), self.tr("At the end"), self.tr("State")]  # fmt: skip
        self.recipient_model = table_model(self, headers)
        self.recipient_view = make_table_view(self, "recipient_agreements", self.recipient_model)
        self.status = wrapped_label(self, name="status")
        layout = headed_layout(
            self,
            self.tr("Agreements"),
            self.tr(
                "Entrustment agreements: for the employees' payroll, individual income tax, social insurance "
                "and housing fund the firm processes on its client's behalf (PIPL Art 21). The agreement with "
                "the client, not each employee's consent, is the basis; the sharing log refuses to give those "
                "data out without one in force. At the end of an agreement the data is returned or deleted, "
                "and the confirmation of it is recorded here."
            ),
        )
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Entrustment agreements with clients:"), self))
        layout.addWidget(self.client_view, 1)
        self.recipient_label = QLabel(self.tr("Agreements with recipients and processors (PIPL Arts 21, 23):"), self)
        layout.addWidget(self.recipient_label)
        layout.addWidget(self.recipient_view, 1)
        self.recipient_label.setVisible(self.with_recipients)
        self.recipient_view.setVisible(self.with_recipients)
        layout.addWidget(self.status)
        self.new_entrustment.clicked.connect(lambda: self.record_entrustment())
        self.new_recipient.clicked.connect(lambda: self.record_recipient_agreement())
        self.end_button.clicked.connect(lambda: self.end_selected())
        self.confirm_button.clicked.connect(lambda: self.confirm_selected())
        for view in (self.client_view, self.recipient_view):
            view.selectionModel().selectionChanged.connect(lambda *_, v=view: self._selected_in(v))
        self.reload()

    def _term(self, starts: str, ends: str) -> str:
        open_ended = self.tr("open-ended")
        return f"{format_date(starts)} – {format_date(ends) if ends else open_ended}"

    def reload(self) -> None:
        """Re-read both tables."""
        if self.vault.locked:
            return
        self.client_rows = self.entrustments.entries()
        refill(self.client_model, (
            [e.number, e.client_name or self.tr("(sealed or erased)"), format_date(e.signed_on),
             self._term(e.starts_on, e.ends_on), categories_text(e.categories, self.lang),
             end_handling_name(e.end_handling), state_name(e.state)]
            for e in self.client_rows
        ))  # fmt: skip
        self.recipient_rows = self.recipients.entries() if self.with_recipients else []
        refill(self.recipient_model, (
            [a.number, a.recipient_name(self.lang), agreement_kind_name(a.kind), format_date(a.signed_on),
             self._term(a.starts_on, a.ends_on), categories_text(a.categories, self.lang),
             end_handling_name(a.end_handling), state_name(a.state)]
            for a in self.recipient_rows
        ))  # fmt: skip
        total = len(self.client_rows) + len(self.recipient_rows)
        self.count_label.setText(fmt(self.tr("%1 agreements"), format_number(total)))
        self._selected_in(None)

    def apply_changes(self, changes: Changes) -> None:
        """Reload when the registers or clients changed."""
        if changes.touches("requests", "clients", "sealed"):
            self.reload()

    def selected(self) -> Entrustment | RecipientAgreement | None:
        """The selected agreement of either table."""
        for view, rows in ((self.client_view, self.client_rows), (self.recipient_view, self.recipient_rows)):
            picked = view.selectionModel().selectedRows()
            if picked:
                return rows[picked[0].row()]  # type: ignore[return-value]
        return None

    def _selected_in(self, view: QTableView | None) -> None:
        if view is not None and view.selectionModel().selectedRows():  # one selection across both tables
            (self.recipient_view if view is self.client_view else self.client_view).clearSelection()
        a = self.selected()
        self.end_button.setEnabled(a is not None and a.state == "open")
        self.confirm_button.setEnabled(a is not None and a.state == "ended")

    def record_entrustment(self) -> AgreementTermsDialog:
        """Open the dialog for an entrustment agreement (returned: tests drive it)."""
        rows = ClientService(self.vault).page(ClientFilter(), limit=500)
        dialog = AgreementTermsDialog(
            self.vault, self.entrustments.record, lang=self.lang, clients=[(r.id, r.name) for r in rows], parent=self
        )
        dialog.accepted.connect(lambda: self._done(self.tr("Entrustment agreement recorded.")))
        dialog.open()
        return dialog

    def record_recipient_agreement(self) -> AgreementTermsDialog:
        """Open the dialog for an agreement with a recipient (returned: tests drive it)."""
        dialog = AgreementTermsDialog(self.vault, self.recipients.record, lang=self.lang, parent=self)
        dialog.accepted.connect(lambda: self._done(self.tr("Agreement with the recipient recorded.")))
        dialog.open()
        return dialog

    def _service(self, a: Entrustment | RecipientAgreement) -> EntrustmentService | RecipientAgreementService:
        return self.entrustments if isinstance(a, Entrustment) else self.recipients

    def end_selected(self, ask: bool = True) -> bool:
        """End the selected agreement today (the return or deletion is then due)."""
        a = self.selected()
        if a is None:
            return False
        if ask:
            _text, ok = QInputDialog.getText(
                self, self.tr("End agreement"), fmt(self.tr("End agreement %1 today? Type its number:"), a.number)
            )
            if not ok or _text.strip() != a.number:
                return False
        try:
            self._service(a).end(a.id)
        except KnownError as exc:
            self.status.setText(error_message(exc))
            return False
        self._done(fmt(self.tr("Agreement %1 ended: record the confirmation of the return or deletion."), a.number))
        return True

    def confirm_selected(self, confirmation: str | None = None) -> bool:
        """Record how the other party confirmed the return or deletion of the data."""
        a = self.selected()
        if a is None:
            return False
        if confirmation is None:
            confirmation, ok = QInputDialog.getMultiLineText(
                self, self.tr("Confirm return or deletion"), self.tr("How was it confirmed (document, date)?")
            )
            if not ok:
                return False
        try:
            self._service(a).confirm_end(a.id, confirmation)
        except KnownError as exc:
            self.status.setText(error_message(exc))
            return False
        self._done(fmt(self.tr("Return or deletion confirmed for agreement %1."), a.number))
        return True
