"""Record a person's request (PIPL Arts 44-50): the person is chosen from the vault, never typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.core.records import ClientKind
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.services.subject_requests import CHANNELS, IDENTITY_METHODS, RequestKind, SubjectRequest
from clientvault.ui.errors import show_inline
from clientvault.ui.request_labels import request_kind_name
from clientvault.ui.widgets.text import wrapped_label


class SubjectRequestDialog(QDialog):
    """Intake of a request: client, person, kind, channel, identity check and date of receipt."""

    def __init__(self, vault: Vault, record: Callable[..., SubjectRequest], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New request from a person"))
        self.clients = ClientService(vault)
        self._record = record  # SubjectRequestService.record
        self.created: SubjectRequest | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Client name, code or tax number"))
        self.client = QComboBox(self)
        self.client.setObjectName("client")
        self.person = QComboBox(self)
        self.person.setObjectName("person")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for k in RequestKind:
            self.kind.addItem(request_kind_name(k), k)
        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        channel_names = {
            "in_person": self.tr("In person"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "letter": self.tr("Letter"),
            "other": self.tr("Other"),
        }
        for c in CHANNELS:
            self.channel.addItem(channel_names[c], c)
        self.method = QComboBox(self)
        self.method.setObjectName("method")
        method_names = {
            "id_in_person": self.tr("ID document shown in person (no copy kept)"),
            "callback_known_number": self.tr("Called back on the number on file"),
            "known_email": self.tr("Reply from the e-mail address on file"),
            "signed_letter": self.tr("Signed letter matching the records"),
            "video_call": self.tr("Video call with ID document shown"),
            "other": self.tr("Other"),
        }
        self.method.addItem(self.tr("Choose how the identity was checked"), "")
        for m in IDENTITY_METHODS:
            self.method.addItem(method_names[m], m)
        self.identity_ok = QCheckBox(self.tr("The identity check matched the records"), self)
        self.identity_ok.setObjectName("identity_ok")
        self.received = QDateEdit(QDate.currentDate(), self)
        self.received.setObjectName("received")
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")  # the one date format of the UI (ui/i18n.format_date)
        self.received.setMaximumDate(QDate.currentDate())
        self.error = wrapped_label(self, name="error")
        form = QFormLayout()
        form.addRow(self.tr("Find client:"), self.search)
        form.addRow(self.tr("Client:"), self.client)
        form.addRow(self.tr("Person:"), self.person)
        form.addRow(self.tr("Request:"), self.kind)
        form.addRow(self.tr("Received by:"), self.channel)
        form.addRow(self.tr("Received on:"), self.received)
        form.addRow(self.tr("Identity check:"), self.method)
        form.addRow("", self.identity_ok)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record request"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                self,
                self.tr(
                    "Choose the person from the vault. Note how their identity was checked; do not keep a copy "
                    "of their ID document."
                ),
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.find_clients)
        self.client.currentIndexChanged.connect(self._fill_persons)
        self.find_clients("")

    def find_clients(self, text: str) -> None:
        """List the clients matching ``text`` (the first 50, as the role may see them)."""
        self.client.blockSignals(True)
        self.client.clear()
        for row in self.clients.page(ClientFilter(text=text), limit=50):
            self.client.addItem(row.name, (row.id, row.kind))
        self.client.blockSignals(False)
        self._fill_persons()

    def _fill_persons(self) -> None:
        self.person.clear()
        data = self.client.currentData()
        if data is None:
            return
        client_id, kind = data
        if kind is not ClientKind.ENTERPRISE:
            self.person.addItem(self.tr("The client in person"), None)
        for p in self.clients.get(client_id).persons:
            self.person.addItem(p.name, p.id)

    def submit(self) -> None:
        """Record the request; errors show in the dialog and nothing is lost."""
        data = self.client.currentData()
        if data is None:
            self.error.setText(self.tr("Choose a client."))
            return
        received = self.received.date()
        try:
            self.created = self._record(
                data[0],
                self.person.currentData(),
                RequestKind(self.kind.currentData()),
                identity_method=self.method.currentData(),
                identity_ok=self.identity_ok.isChecked(),
                received_on=received.toPython(),
                channel=self.channel.currentData(),
            )
        except KnownError as exc:
            show_inline(self.error, self, exc)
            return
        self.accept()
