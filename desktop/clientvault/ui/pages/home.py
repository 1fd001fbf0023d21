"""Each role's home page: accountant "my clients", assistant intake, partner / privacy officer overview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.records import ClientStatus
from clientvault.core.roles import Capability, Role, can
from clientvault.services.changes import Changes
from clientvault.services.clients import AccountantOption, ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.ui.client_labels import status_name
from clientvault.ui.dialogs.intake import IntakeDialog
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt, format_number
from clientvault.ui.labels import role_name
from clientvault.ui.models.clients import ClientTableModel
from clientvault.ui.operations import Operation, Operations
from clientvault.ui.pages.clients import make_client_table
from clientvault.ui.widgets.text import embolden, wrapped_label

#: How long after the home page is built the per-accountant counts start (after the first paint).
WORKLOAD_DELAY_MS = 300

_CARD_STYLE = "QFrame#card { background: #f6f8fb; border: 1px solid #d7dee8; border-radius: 6px; }"


class HomePage(QWidget):
    """Common frame: heading, count cards, one client list; subclasses choose what to show."""

    sig_open_client = Signal(int)
    """The user wants to open a client's page (its id)."""
    sig_show_page = Signal(str)
    """The user wants another page of the main window (its key, e.g. "clients", "audit")."""

    def __init__(self, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.service = ClientService(vault)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        embolden(self.heading, 5)
        self.subtitle = wrapped_label(self, name="subtitle")
        self.subtitle.setStyleSheet("color: #555;")
        self.cards = QHBoxLayout()
        self.cards.setSpacing(10)
        self.count_labels: dict[str, QLabel] = {}
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.subtitle)
        self.layout_.addLayout(self.cards)
        self.model: ClientTableModel | None = None
        self.view: QTableView | None = None
        self._card_statuses: tuple[ClientStatus, ...] = ()

    def add_card(self, key: str, title: str, value: int) -> QLabel:
        """A count card (big number, caption)."""
        card = QFrame(self)
        card.setObjectName("card")
        card.setStyleSheet(_CARD_STYLE)
        number = QLabel(format_number(value), card)
        number.setObjectName(f"count_{key}")
        embolden(number, 9)
        caption = QLabel(title, card)
        col = QVBoxLayout(card)
        col.addWidget(number)
        col.addWidget(caption)
        self.cards.addWidget(card)
        self.count_labels[key] = number
        return number

    def status_cards(self, statuses: tuple[ClientStatus, ...]) -> dict[ClientStatus, int]:
        """One card per status plus the total; returns the counts."""
        self._card_statuses = statuses
        counts = self.service.status_counts()
        self.add_card("total", self.tr("Clients in total"), sum(counts.get(s, 0) for s in statuses))
        for s in statuses:
            self.add_card(s.value, status_name(s), counts.get(s, 0))
        self.cards.addStretch(1)
        return counts

    def add_list(self, title: str, flt: ClientFilter, columns: tuple[str, ...]) -> QTableView:
        """A client list (lazy, same model as the client page); Enter or double-click opens a client."""
        label = QLabel(f"<b>{title}</b>", self)
        self.model = ClientTableModel(self.service, self, flt=flt, columns=columns, page_size=100)
        self.view = make_client_table(self.model, self)
        self.view.setObjectName("home_clients")
        label.setBuddy(self.view)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.layout_.addWidget(label)
        self.layout_.addWidget(self.view, 1)
        return self.view

    def refresh(self) -> None:
        """Re-read the counts and the list (after a change elsewhere)."""
        if self._card_statuses:
            counts = self.service.status_counts()
            statuses = self._card_statuses
            self.count_labels["total"].setText(format_number(sum(counts.get(s, 0) for s in statuses)))
            for s in statuses:
                self.count_labels[s.value].setText(format_number(counts.get(s, 0)))
        if self.model is not None:
            self.model.reload()

    def apply_changes(self, changes: Changes) -> None:
        """Counts and lists show clients: re-read them when clients changed (here or at another workstation)."""
        if changes.touches("clients", "sealed", "users"):
            self.refresh()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid() and self.model is not None:
            self.sig_open_client.emit(self.model.client(index.row()).id)

    def _link(self, text: str, key: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(f"go_{key}")
        b.clicked.connect(lambda: self.sig_show_page.emit(key))
        return b


class AccountantHomePage(HomePage):
    """My clients: the clients assigned to me, by status, most recently changed first."""

    def __init__(self, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(vault, operations, parent)
        self.heading.setText(self.tr("My clients"))
        self.subtitle.setText(fmt(self.tr("%1, these are the clients assigned to you."), vault.session.display_name))
        self.status_cards((ClientStatus.ACTIVE, ClientStatus.PROSPECT, ClientStatus.ENDED))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._link(self.tr("Search all my clients…"), "clients"))
        self.layout_.addLayout(row)
        self.add_list(
            self.tr("Recently changed"),
            ClientFilter(sort="updated_at", descending=True),
            ("name", "kind", "uscc", "phone", "status", "updated_at"),
        )


class AssistantHomePage(HomePage):
    """Intake: create prospects (only what intake needs) and follow them up."""

    sig_prospect_created = Signal(int)
    """A prospect was created from this page (its id)."""

    def __init__(self, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(vault, operations, parent)
        self.heading.setText(self.tr("Intake"))
        self.subtitle.setText(
            self.tr(
                "Record new enquiries as prospects. Their consent forms are printed before any ID numbers, "
                "bank accounts or logins are collected."
            )
        )
        self.status_cards((ClientStatus.PROSPECT, ClientStatus.ACTIVE))
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New prospect…"), self)
        self.new_button.setObjectName("new_prospect")
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self.new_prospect)
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self._link(self.tr("Search clients…"), "clients"))
        self.layout_.addLayout(row)
        self.add_list(
            self.tr("Prospects, newest first"),
            ClientFilter(status=ClientStatus.PROSPECT, sort="updated_at", descending=True),
            ("name", "kind", "uscc", "phone", "updated_at"),
        )

    def new_prospect(self) -> IntakeDialog:
        """Open the intake dialog."""
        dialog = IntakeDialog(self.service, self)
        dialog.sig_created.connect(self._created)
        dialog.open()
        return dialog

    def _created(self, client_id: int) -> None:
        self.refresh()
        self.operations.report(Changes(clients=True), self)
        self.sig_prospect_created.emit(client_id)


class OverviewHomePage(HomePage):
    """Partner and privacy officer: counts per status, each accountant's workload, recent changes."""

    def __init__(self, vault: Vault, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(vault, operations, parent)
        role = vault.session.role
        self.heading.setText(self.tr("Overview"))
        self.subtitle.setText(fmt(self.tr("%1 · %2"), vault.firm_name, role_name(role)))
        self.status_cards((ClientStatus.ACTIVE, ClientStatus.PROSPECT, ClientStatus.ENDED))

        self.workload = QTableWidget(0, 2, self)
        self.workload.setObjectName("workload")
        self.workload.setHorizontalHeaderLabels([self.tr("Accountant"), self.tr("Clients")])
        self.workload.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.workload.verticalHeader().hide()
        self.workload.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.workload.setColumnWidth(1, 120)
        self.workload.setMaximumHeight(130)
        self.workload.setVisible(False)
        self.workload_status = QLabel(self.tr("Counting each accountant's clients…"), self)
        self.workload_status.setObjectName("workload_status")
        box = QFrame(self)
        box.setObjectName("card")
        box.setStyleSheet(_CARD_STYLE)
        box_layout = QVBoxLayout(box)
        title = self.tr("Clients per accountant")
        box_layout.addWidget(QLabel(f"<b>{title}</b>", box))
        box_layout.addWidget(self.workload_status)
        box_layout.addWidget(self.workload)
        links = QVBoxLayout()
        links.addWidget(self._link(self.tr("Open the client list…"), "clients"))
        if can(role, Capability.VIEW_AUDIT):
            links.addWidget(self._link(self.tr("Open the audit log…"), "audit"))
        if role is Role.PARTNER:
            links.addWidget(self._link(self.tr("Staff accounts…"), "staff"))
        links.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(box, 1)
        row.addLayout(links)
        self.layout_.addLayout(row)
        self.add_list(
            self.tr("Recently changed clients"),
            ClientFilter(sort="updated_at", descending=True),
            ("name", "kind", "uscc", "status", "accountants", "updated_at"),
        )
        self.workload_operation: Operation | None = None
        # Counted once the window is on screen (issue 12: nothing optional between the login click
        # and the window; the counting competes for the two cores of a small office PC).
        QTimer.singleShot(WORKLOAD_DELAY_MS, self._first_workload)

    def _first_workload(self) -> None:
        if self.workload_operation is None and not self.vault.locked:
            self.load_workload()

    def apply_changes(self, changes: Changes) -> None:
        """Also count each accountant's clients again."""
        super().apply_changes(changes)
        if changes.touches("clients", "sealed", "users"):
            self.load_workload()

    def load_workload(self) -> Operation:
        """Count each accountant's clients off the GUI thread (a large firm has 100 000 clients)."""
        service = self.service

        def work(progress: Any) -> list[tuple[AccountantOption, int]]:
            accountants = service.accountants()
            out = []
            for i, a in enumerate(accountants):
                progress.check()
                out.append((a, service.count(ClientFilter(accountant_id=a.id))))
                progress.report(i + 1, len(accountants))
            return out

        self.workload_operation = self.operations.run(work, on_success=self._workload, on_failure=self._failed)
        return self.workload_operation

    def _workload(self, rows: object) -> None:
        assert isinstance(rows, list)
        if not rows:
            self.workload_status.setText(self.tr("No accountants yet: add them on the staff page."))
            return
        self.workload_status.setVisible(False)
        self.workload.setVisible(True)
        self.workload.setRowCount(len(rows))
        for r, (a, n) in enumerate(rows):
            name = QTableWidgetItem(a.display_name)
            name.setData(Qt.ItemDataRole.UserRole, a.id)
            count = QTableWidgetItem(format_number(n))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.workload.setItem(r, 0, name)
            self.workload.setItem(r, 1, count)

    def workload_counts(self) -> dict[int, str]:
        """Accountant id → the count shown."""
        out: dict[int, str] = {}
        for r in range(self.workload.rowCount()):
            name, count = self.workload.item(r, 0), self.workload.item(r, 1)
            if name is not None and count is not None:
                out[int(name.data(Qt.ItemDataRole.UserRole))] = count.text()
        return out

    def _failed(self, exc: BaseException) -> None:
        self.workload_status.setText(error_message(exc))


def home_page(vault: Vault, operations: Operations, parent: QWidget | None = None) -> HomePage:
    """The home page for the acting role."""
    role = vault.session.role
    if role is Role.ACCOUNTANT:
        return AccountantHomePage(vault, operations, parent)
    if role is Role.ASSISTANT:
        return AssistantHomePage(vault, operations, parent)
    return OverviewHomePage(vault, operations, parent)
