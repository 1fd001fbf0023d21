"""The partner's "Locked records" page: retention countdowns, lock requests, open/unlock/hold."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import InvalidState
from clientvault.core.records import ClientKind
from clientvault.services.changes import Changes
from clientvault.services.client_names import ClientName, client_names
from clientvault.services.context import Vault
from clientvault.services.locking import LockedRow, LockRequestRow, LockService
from clientvault.services.retention import RetentionService
from clientvault.services.vault import VaultService
from clientvault.ui.client_labels import kind_name
from clientvault.ui.client_names import client_caption
from clientvault.ui.dialogs.handover import HandoverDialog
from clientvault.ui.dialogs.locked_record import LockedRecordDialog
from clientvault.ui.dialogs.reason import ask_reason
from clientvault.ui.errors import show_error
from clientvault.ui.i18n import fmt, format_number
from clientvault.ui.models.retention import PagedTableModel
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.tables import make_table_view, selected_item
from clientvault.ui.widgets.text import embolden, wrapped_label


class LockedPage(QWidget):
    """Locked clients soonest-expiring first; nothing personal is shown until a record is opened."""

    sig_changed = Signal()
    """A record was locked, unlocked or its hold changed."""

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        operations: Operations | None = None,
        vaults: VaultService | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self._names: dict[int, ClientName] = {}  # the requests' clients: name and credit code
        self.operations = operations
        self._rule_titles: dict[str, str] = {r.category: r.title for r in RetentionService(vault).rules() if r.title}
        self.vaults = vaults  # gives a PIN session the partner key when a sealed record is opened
        self.locks = LockService(vault)
        heading = embolden(QLabel(self.tr("Locked records"), self))
        intro = wrapped_label(
            self,
            self.tr(
                "These clients' engagements are over. Their records are sealed with the partner key and kept "
                "only because the law requires it (PIPL Art 47: storage only). Opening one needs a reason and "
                "is recorded."
            ),
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")

        headers = [
            self.tr("Client no."),
            self.tr("Kind"),
            self.tr("Locked on"),
            self.tr("Keep until"),
            self.tr("Countdown"),
            self.tr("Rule"),
            self.tr("Legal hold"),
        ]
        self.model: PagedTableModel[LockedRow] = PagedTableModel(
            headers, lambda offset, limit: self.locks.locked(offset=offset, limit=limit), self._cell, self
        )
        self.view = make_table_view(self, "locked", self.model)

        self.open_button = QPushButton(self.tr("Open…"), self)
        self.open_button.setObjectName("open")
        self.unlock_button = QPushButton(self.tr("Unlock (client returns)…"), self)
        self.unlock_button.setObjectName("unlock")
        self.hold_button = QPushButton(self.tr("Legal hold…"), self)
        self.hold_button.setObjectName("hold")
        self.release_button = QPushButton(self.tr("Release hold…"), self)
        self.release_button.setObjectName("release")
        self.handover_button = QPushButton(self.tr("Hand over archives…"), self)
        self.handover_button.setObjectName("handover")
        row = QHBoxLayout()
        for b in (self.open_button, self.unlock_button, self.hold_button, self.release_button, self.handover_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.count_label)

        self.requests_label = QLabel(self.tr("Lock requests from accountants"), self)
        self.requests: PagedTableModel[LockRequestRow] = PagedTableModel(
            [self.tr("Client"), self.tr("Requested on"), self.tr("Reason")],
            self._fetch_requests,
            self._request_cell,
            self,
        )
        self.requests_view = make_table_view(self, "requests", self.requests)
        self.lock_button = QPushButton(self.tr("Lock client…"), self)
        self.lock_button.setObjectName("lock")
        self.refuse_button = QPushButton(self.tr("Refuse request…"), self)
        self.refuse_button.setObjectName("refuse")
        req_row = QHBoxLayout()
        req_row.addWidget(self.lock_button)
        req_row.addWidget(self.refuse_button)
        req_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        self.notice = wrapped_label(self, name="notice")  # what the last action did
        self.notice.setStyleSheet("color: #1b5e20;")
        layout.addWidget(self.notice)
        layout.addLayout(row)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.requests_label)
        layout.addWidget(self.requests_view, 1)
        layout.addLayout(req_row)

        self.open_button.clicked.connect(self.open_selected)
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.hold_button.clicked.connect(self.hold_selected)
        self.release_button.clicked.connect(self.release_selected)
        self.handover_button.clicked.connect(lambda: self.hand_over_selected())
        self.lock_button.clicked.connect(self.lock_requested)
        self.refuse_button.clicked.connect(self.refuse_requested)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.requests_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    # -- cells ---------------------------------------------------------------------------------

    def countdown(self, row: LockedRow) -> str:
        """The retention countdown shown for a row."""
        if row.days_left < 0:
            return self.tr("Retention ended: may be erased")
        years, days = divmod(row.days_left, 365)
        if years:
            return fmt(self.tr("%1 years %2 days left"), years, days)
        return fmt(self.tr("%1 days left"), row.days_left)

    def _cell(self, row: LockedRow, column: int) -> str:
        values = (
            str(row.client_id),
            kind_name(ClientKind(row.kind)) if row.kind in {k.value for k in ClientKind} else row.kind,
            row.sealed_at[:10],
            row.retention_until.isoformat(),
            self.countdown(row),
            self._rule_titles.get(row.retention_rule, row.retention_rule),
            self.tr("On hold") if row.on_hold else "",
        )
        return values[column]

    def _fetch_requests(self, offset: int, limit: int) -> list[LockRequestRow]:
        rows = self.locks.pending_requests()[offset : offset + limit]
        self._names.update(client_names(self.vault, (r.client_id for r in rows)))
        return rows

    def _request_cell(self, row: LockRequestRow, column: int) -> str:
        client = client_caption(self._names.get(row.client_id), row.client_id)
        return (client, row.requested_at[:10], row.reason)[column]

    # -- actions -------------------------------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        """Sealed records and lock requests are listed here: re-read them when either (or a client) changed."""
        if changes.touches("sealed", "requests", "clients"):
            self.refresh()

    def refresh(self) -> None:
        """Reload both lists."""
        self._rule_titles = {r.category: r.title for r in RetentionService(self.vault).rules() if r.title}
        self.model.reload()
        self.requests.reload()
        self.count_label.setText(fmt(self.tr("%1 locked"), format_number(self.locks.locked_count())))
        pending = self.requests.rowCount() > 0
        for w in (self.requests_label, self.requests_view, self.lock_button, self.refuse_button):
            w.setVisible(pending)
        self._update_buttons()

    def selected(self) -> LockedRow | None:
        """The selected locked record."""
        return selected_item(self.view, self.model.item)

    def selected_request(self) -> LockRequestRow | None:
        """The selected lock request."""
        return selected_item(self.requests_view, self.requests.item)

    def _update_buttons(self) -> None:
        row = self.selected()
        for b in (self.open_button, self.unlock_button, self.hold_button):
            b.setEnabled(row is not None)
        self.release_button.setEnabled(row is not None and row.on_hold)
        has_request = self.selected_request() is not None
        self.lock_button.setEnabled(has_request)
        self.refuse_button.setEnabled(has_request)

    def open_selected(self, reason: str | None = None, *, password: str | None = None) -> LockedRecordDialog | None:
        """Ask for a reason and show the record read-only (``reason``, ``password`` given: tests).

        A partner logged in with a workstation PIN holds no partner key: the password is asked for
        once (``VaultService.unlock_partner_key``) and the opening tried again.
        """
        row = self.selected()
        if row is None:
            return None
        if not reason:
            reason = ask_reason(self, self.tr("Open locked record"), self.tr("Why do you need to open this record?"))
        if not reason:
            return None
        try:
            try:
                record = self.locks.open(row.client_id, reason)
            except InvalidState as exc:
                if exc.code != "partner_key_unavailable" or self.vaults is None:
                    raise
                if password is None:
                    password, ok = QInputDialog.getText(
                        self, self.tr("Partner password"),
                        self.tr("Opening a sealed record needs the partner key. Your password:"),
                        QLineEdit.EchoMode.Password,
                    )  # fmt: skip
                    if not ok or not password:
                        return None
                self.vaults.unlock_partner_key(self.vault, password)
                record = self.locks.open(row.client_id, reason)
        except Exception as exc:
            show_error(self, exc)
            return None
        dialog = LockedRecordDialog(record, self, locks=self.locks)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def hand_over_selected(self) -> HandoverDialog:
        """Record the handover of the selected client's accounting archives (移交清册) and print the list."""
        row = self.selected()
        dialog = HandoverDialog(
            self.vault, row.client_id if row is not None else None, self, operations=self.operations
        )
        dialog.setObjectName("handover_dialog")
        dialog.show()
        return dialog

    def _with_reason(
        self, title: str, prompt: str, action: object, reason: str | None, changes: Changes | None = None
    ) -> bool:
        text = reason or ask_reason(self, title, prompt)
        if not text:
            return False
        try:
            action(text)  # type: ignore[operator]
        except Exception as exc:
            show_error(self, exc)
            return False
        self.refresh()
        self.sig_changed.emit()
        if self.operations is not None:
            self.operations.report(changes or Changes(sealed=True), self)
        return True

    def unlock_selected(self, reason: str | None = None) -> bool:
        """Unseal the selected record (client returns)."""
        row = self.selected()
        if row is None:
            return False
        return self._with_reason(
            self.tr("Unlock record"),
            self.tr("The client returns and the record becomes active again. Reason:"),
            lambda text: self.locks.unlock(row.client_id, text),
            reason,
            Changes(clients=True, sealed=True),
        )

    def hold_selected(self, reason: str | None = None) -> bool:
        """Put a legal hold on the selected record."""
        row = self.selected()
        if row is None:
            return False
        return self._with_reason(
            self.tr("Legal hold"),
            self.tr("A legal hold blocks erasure (litigation, unsettled fees, an authority's request). Reason:"),
            lambda text: self.locks.place_hold(row.client_id, text),
            reason,
        )

    def release_selected(self, reason: str | None = None) -> bool:
        """Release the holds on the selected record."""
        row = self.selected()
        if row is None:
            return False

        def release(text: str) -> None:
            for hold in self.locks.holds(row.client_id):
                self.locks.release_hold(row.client_id, hold.id, text)

        return self._with_reason(self.tr("Release legal hold"), self.tr("Why is the hold released?"), release, reason)

    def lock_requested(self, reason: str | None = None) -> bool:
        """Lock the client of the selected request."""
        req = self.selected_request()
        if req is None:
            return False
        if reason is None:
            answer = QMessageBox.question(
                self,
                self.tr("Lock client"),
                fmt(
                    self.tr("Seal client %1 with the partner key? Staff will no longer see it."),
                    client_caption(self._names.get(req.client_id), req.client_id),
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            reason = req.reason
        sealed = Changes(clients=True, sealed=True, requests=True, gone=frozenset({req.client_id}))
        if not self._with_reason("", "", lambda text: self.locks.lock(req.client_id, text), reason, sealed):
            return False
        self.notice.setText(self.tr("The client is sealed and listed above; staff no longer see it."))
        return True

    def refuse_requested(self, reason: str | None = None) -> bool:
        """Refuse the selected lock request."""
        req = self.selected_request()
        if req is None:
            return False
        if not self._with_reason(
            self.tr("Refuse lock request"),
            self.tr("Why is the request refused?"),
            lambda text: self.locks.refuse_request(req.client_id, text),
            reason,
            Changes(requests=True),
        ):
            return False
        self.notice.setText(self.tr("Lock request refused: the client stays as it is."))
        return True
