"""The complaints register page (GB/T 35273 §8.8): log for everyone, resolve for managers, counts per month."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.services.changes import Changes
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.complaints import CHANNELS, Complaint, ComplaintCategory, ComplaintService
from clientvault.services.context import Vault
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt, format_date, format_number
from clientvault.ui.operations import Operations
from clientvault.ui.request_labels import complaint_category_name
from clientvault.ui.widgets.register_page import (
    RegisterActions,
    finish_form,
    headed_layout,
    refill,
    table_model,
    toolbar,
)
from clientvault.ui.widgets.tables import make_table_view, selected_item
from clientvault.ui.widgets.text import wrapped_label


class ComplaintDialog(QDialog):
    """Log a complaint: category, channel, summary, and (optionally) the client and person it is about."""

    def __init__(self, vault: Vault, service: ComplaintService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New complaint"))
        self.service = service
        self.clients = ClientService(vault)
        self.created: Complaint | None = None
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        for c in ComplaintCategory:
            self.category.addItem(complaint_category_name(c), c)
        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        names = {
            "in_person": self.tr("In person"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "letter": self.tr("Letter"),
            "online": self.tr("Online"),
            "regulator": self.tr("Via a regulator"),
            "other": self.tr("Other"),
        }
        for ch in CHANNELS:
            self.channel.addItem(names[ch], ch)
        self.client = QComboBox(self)
        self.client.setObjectName("client")
        self.client.addItem(self.tr("(no client named)"), None)
        for row in self.clients.page(ClientFilter(), limit=200):
            self.client.addItem(row.name, row.id)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summary")
        self.error = wrapped_label(self, name="error")
        form = QFormLayout()
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Received by:"), self.channel)
        form.addRow(self.tr("About client:"), self.client)
        form.addRow(self.tr("Summary:"), self.summary)
        finish_form(self, form, self.error, self.submit)

    def submit(self) -> None:
        """Log the complaint; an error stays in the dialog with the text kept."""
        try:
            self.created = self.service.record(
                ComplaintCategory(self.category.currentData()),
                self.summary.toPlainText(),
                channel=self.channel.currentData(),
                client_id=self.client.currentData(),
            )
        except KnownError as exc:
            self.error.setText(error_message(exc))
            return
        self.accept()


class ComplaintsPage(QWidget, RegisterActions):
    """Lists complaints; partner and privacy officer resolve them; counts per category and month."""

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
        self.today = today
        self.service = ComplaintService(vault, today=today)
        self.service.entries(limit=1)  # AccessDenied (audited) for a role without the register
        self.entries: list[Complaint] = []
        self.show_all = QCheckBox(self.tr("Show resolved complaints too"), self)
        self.show_all.setObjectName("show_all")
        self.new_button = QPushButton(self.tr("New complaint…"), self)
        self.new_button.setObjectName("new")
        self.resolve_button = QPushButton(self.tr("Resolve…"), self)
        self.resolve_button.setObjectName("resolve")
        self.resolve_button.setVisible(self.service.can_manage())
        self.count_label = QLabel(self)
        controls = toolbar([self.show_all, self.count_label], [self.new_button, self.resolve_button])
        self.model = table_model(
            self,
            [
                self.tr("No."),
                self.tr("Received"),
                self.tr("Category"),
                self.tr("Client"),
                self.tr("Summary"),
                self.tr("State"),
                self.tr("Complainant told"),
            ],
        )
        self.view = make_table_view(self, "complaints", self.model)
        self.counts = QStandardItemModel(self)
        self.counts_view = make_table_view(self, "complaint_counts", self.counts)
        self.status = wrapped_label(self, name="status")
        layout = headed_layout(
            self,
            self.tr("Complaints"),
            self.tr(
                "Complaints about how the firm handles personal data: log each one with its channel and "
                "category; the partner or the privacy officer records the resolution and whether the "
                "complainant was told."
            ),
        )
        layout.addLayout(controls)
        layout.addWidget(self.view, 2)
        layout.addWidget(QLabel(self.tr("Complaints per category and month (last 12 months):"), self))
        layout.addWidget(self.counts_view, 1)
        layout.addWidget(self.status)
        self.show_all.toggled.connect(lambda _c: self.reload())
        self.new_button.clicked.connect(lambda: self.new_complaint())
        self.resolve_button.clicked.connect(lambda: self.resolve())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def reload(self) -> None:
        """Re-read the list and the counts."""
        if self.vault.locked:
            return
        self.entries = self.service.entries(open_only=not self.show_all.isChecked())
        refill(
            self.model,
            (
                [
                    c.number,
                    format_date(c.received_on),
                    complaint_category_name(c.category),
                    c.client_name or ("" if c.client_id is None else self.tr("(sealed or erased)")),
                    c.summary.splitlines()[0] if c.summary else "",
                    self.tr("Open") if c.status == "open" else self.tr("Resolved"),
                    (self.tr("Yes") if c.feedback_given else self.tr("No")) if c.status != "open" else "",
                ]
                for c in self.entries
            ),
        )
        self.count_label.setText(fmt(self.tr("%1 complaints"), format_number(len(self.entries))))
        self._reload_counts()
        self._update_buttons()

    def _reload_counts(self) -> None:
        today = self.today()
        start = date(today.year - 1, today.month, 1)
        counts = self.service.counts(start, today)
        months = sorted({m for _, m in counts})
        cats = [c for c in ComplaintCategory if any(k == c.value for k, _ in counts)]
        self.counts.clear()
        self.counts.setHorizontalHeaderLabels([self.tr("Category"), *months, self.tr("Total")])
        for cat in cats:
            row = [counts.get((cat.value, m), 0) for m in months]
            self.counts.appendRow(
                [QStandardItem(complaint_category_name(cat)), *(QStandardItem(str(n)) for n in row),
                 QStandardItem(str(sum(row)))]
            )  # fmt: skip

    def apply_changes(self, changes: Changes) -> None:
        """Reload when complaints (``requests`` kind: the registers) or clients changed."""
        if changes.touches("requests", "clients", "sealed"):
            self.reload()

    def selected(self) -> Complaint | None:
        """The selected complaint."""
        return selected_item(self.view, self.entries.__getitem__)

    def _update_buttons(self) -> None:
        c = self.selected()
        self.resolve_button.setEnabled(c is not None and c.status == "open")

    def new_complaint(self) -> ComplaintDialog:
        """Open the dialog (returned: tests drive it)."""
        dialog = ComplaintDialog(self.vault, self.service, self)
        dialog.accepted.connect(lambda: self._done(self.tr("Complaint logged.")))
        dialog.open()
        return dialog

    def resolve(self, resolution: str | None = None, feedback_given: bool | None = None) -> bool:
        """Record the resolution of the selected complaint and whether the complainant was told."""
        c = self.selected()
        if c is None:
            return False
        if resolution is None or feedback_given is None:
            resolution, ok = QInputDialog.getMultiLineText(self, self.tr("Resolve complaint"), self.tr("Resolution:"))
            if not ok:
                return False
            feedback_given = QInputDialog.getItem(
                self,
                self.tr("Resolve complaint"),
                self.tr("Was the complainant told the outcome?"),
                [self.tr("Yes"), self.tr("No")],
                0,
                False,
            )[0] == self.tr("Yes")
        try:
            self.service.resolve(c.id, resolution, feedback_given=feedback_given)
        except KnownError as exc:
            self.status.setText(error_message(exc))
            return False
        self._done(fmt(self.tr("Complaint %1 resolved."), c.number))
        return True
