"""The client page's header actions: edit, status, assign, lock or ask for a lock, ask for erasure.

A mixin of ``ClientDetailPage`` (the page's header row); every action reloads the page and reports
what it changed through ``changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from clientvault.core.errors import KnownError
from clientvault.core.records import ClientDetail, ClientStatus
from clientvault.core.roles import Capability, Role, Scope, can, scope
from clientvault.services.changes import Changes
from clientvault.services.erasure import ErasureRequestRow
from clientvault.services.locking import LockService
from clientvault.ui.dialogs.client_assign import AssignAccountantsDialog
from clientvault.ui.dialogs.client_edit import CLIENT_FIELDS, ClientEditDialog
from clientvault.ui.dialogs.erasure_request import ErasureRequestDialog
from clientvault.ui.dialogs.intake import INTAKE_FORM_FIELDS
from clientvault.ui.dialogs.reason import ask_reason
from clientvault.ui.dialogs.withdrawn_erasure import notice_text, request_withdrawn_erasure, requested_text
from clientvault.ui.i18n import fmt
from clientvault.ui.pages.client_sections.common import add_button, clear_layout

if TYPE_CHECKING:
    from clientvault.ui.pages.client_detail import ClientDetailPage

    _Base = ClientDetailPage
else:
    _Base = object

# Request states in which an erasure request is still open.
_OPEN_ERASURE = ("requested", "approved")


class ClientActions(_Base):
    """The header row of the client page."""

    def _build_actions(self, d: ClientDetail) -> None:
        clear_layout(self.action_row)
        self.buttons = {}
        role = self.service.role

        def button(name: str, text: str, slot: Callable[..., Any]) -> QPushButton:
            self.buttons[name] = add_button(self, self.action_row, name, text, slot)
            return self.buttons[name]

        if d.can_edit:
            button("edit", self.tr("&Edit…"), self.edit)
        if d.can_edit and scope(role, Capability.EDIT_CLIENTS) is not Scope.PROSPECTS:
            for status, text in self._status_actions(d.status):
                button(f"status_{status.value}", text, lambda _=False, s=status: self.set_status(s))
        if d.can_assign:
            button("assign", self.tr("&Assign…"), self.assign)
        lock = LockService(self.service.vault).actions(self.client_id)
        if lock.can_request and not lock.can_lock:
            button("request_lock", self.tr("Request &lock…"), lambda: self.request_lock())
        if lock.can_lock:
            button("lock", self.tr("&Lock (seal)…"), lambda: self.lock())
        self._build_erasure_action(role)
        close = add_button(
            self, self.action_row, "close", self.tr("Close"), lambda: self.sig_close_requested.emit(self.client_id)
        )
        close.setToolTip(self.tr("Close this client's page (Ctrl+W)"))

    def _build_erasure_action(self, role: Role) -> None:
        self.erasure_note.setVisible(False)
        if not can(role, Capability.REQUEST_ERASURE):
            return  # the assistant: not offered
        button = add_button(
            self, self.action_row, "request_erasure", self.tr("Request e&rasure…"), lambda: self.request_erasure()
        )
        self.buttons["request_erasure"] = button
        pending = self.open_erasure_request()
        if pending is not None and self.withdrawn is not None and pending.id == self.withdrawn.open_request:
            button.setEnabled(False)  # the notice on flagged items says it already
            button.setToolTip(self.withdrawn_note.text())
            return
        if pending is None:
            button.setToolTip(self.tr("Ask for this client's records to be erased; a partner approves it first."))
            return
        note = (
            self.tr("Erasure request no. %1 is waiting for a partner's approval.")
            if pending.state == "requested"
            else self.tr("Erasure request no. %1 is approved and waiting to be carried out.")
        )
        self.erasure_note.setText(fmt(note, pending.id))
        self.erasure_note.setVisible(True)
        button.setEnabled(False)
        button.setToolTip(self.erasure_note.text())

    def _show_withdrawn(self) -> None:
        """Show the items only withdrawn purposes needed (roles that may request erasure)."""
        self.withdrawn = None
        if can(self.service.role, Capability.REQUEST_ERASURE):
            try:
                found = self.erasure.withdrawn_items(self.client_id)
            except KnownError:
                found = []
            self.withdrawn = found[0] if found else None
        flagged = self.withdrawn
        self.withdrawn_box.setVisible(flagged is not None)
        if flagged is None:
            return
        self.withdrawn_note.setText(notice_text(flagged))
        self.withdrawn_button.setVisible(flagged.open_request is None)

    def request_withdrawn_erasure(self, *, confirm: bool = True) -> int | None:
        """Ask for the erasure of the items no purpose needs since a withdrawal; a partner approves it."""
        if self.withdrawn is None or self.withdrawn.open_request is not None:
            return None
        rid = request_withdrawn_erasure(self, self.erasure, self.withdrawn, confirm=confirm)
        if rid is not None:
            self.reload()
            self.withdrawn_note.setText(requested_text(rid))
            self.changed(Changes(requests=True))
        return rid

    def open_erasure_request(self) -> ErasureRequestRow | None:
        """This client's open erasure request, as far as the role may see requests (None: none open)."""
        try:
            rows = self.erasure.requests(_OPEN_ERASURE)
        except KnownError:
            return None
        return next((r for r in rows if r.client_id == self.client_id), None)

    def _status_actions(self, status: ClientStatus) -> list[tuple[ClientStatus, str]]:
        return {
            ClientStatus.PROSPECT: [(ClientStatus.ACTIVE, self.tr("Start e&ngagement"))],
            ClientStatus.ACTIVE: [(ClientStatus.ENDED, self.tr("E&nd engagement"))],
            ClientStatus.ENDED: [(ClientStatus.ACTIVE, self.tr("Re&activate"))],
        }.get(status, [])

    def edit(self) -> ClientEditDialog:
        """Open the edit dialog (only the fields the role may change)."""
        fields = (
            INTAKE_FORM_FIELDS
            if scope(self.service.role, Capability.EDIT_CLIENTS) is Scope.PROSPECTS
            else CLIENT_FIELDS
        )
        dialog = ClientEditDialog(self.service, self.client_id, self, fields=fields)
        self.edit_dialog = dialog
        dialog.sig_saved.connect(self.sig_changed)
        dialog.sig_saved.connect(lambda _id: self.changed(Changes(clients=True)))
        dialog.finished.connect(lambda _r: self._edit_finished())
        dialog.open()
        return dialog

    def _edit_finished(self) -> None:
        self.edit_dialog = None
        self.reload()

    def set_status(self, status: ClientStatus) -> None:
        """Move the client to ``status`` (prospect → active → ended → active)."""
        d = self.detail
        if d is None:
            return
        if status is ClientStatus.ENDED:
            answer = QMessageBox.question(
                self,
                self.tr("End engagement"),
                fmt(self.tr("End the engagement with %1? Revealing its sensitive data will stop."), d.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        if self.run(lambda: self.service.set_status(self.client_id, d.version, status)):
            self.sig_changed.emit(self.client_id)
            self.reload()
            self.changed(Changes(clients=True))

    def request_lock(self, reason: str | None = None) -> bool:
        """Ask the partner to lock this client (accountant; the engagement is over)."""
        text = reason or ask_reason(
            self, self.tr("Request lock"), self.tr("Why should the partner lock this client's record?")
        )
        if not text or not self.run(lambda: LockService(self.service.vault).request_lock(self.client_id, text)):
            return False
        self.reload()
        self.changed(Changes(requests=True))
        self.show_notice(self.tr("Lock request sent: a partner decides on it under Locked records."))
        return True

    def lock(self, reason: str | None = None) -> bool:
        """Seal this client under the partner key (partner); the page closes: only Locked records shows it."""
        text = reason or ask_reason(
            self,
            self.tr("Lock client"),
            self.tr(
                "Sealed records are kept for the legal retention period and hidden from staff. Only the items a "
                "retention rule requires are kept; the others (logins, contacts, phone numbers, notes…) are "
                "erased for good. Reason:"
            ),
        )
        if not text or not self.run(lambda: LockService(self.service.vault).lock(self.client_id, text)):
            return False
        name = self.detail.name if self.detail is not None else ""
        self.sig_changed.emit(self.client_id)
        self.sig_notice.emit(fmt(self.tr("%1 is sealed: it is kept under Locked records, hidden from staff."), name))
        self.sig_close_requested.emit(self.client_id)
        self.changed(Changes(clients=True, sealed=True, requests=True, gone=frozenset({self.client_id})))
        return True

    def request_erasure(self) -> ErasureRequestDialog | None:
        """Ask for this client's records to be erased (partner, accountant, privacy officer): the dialog
        says what happens next; the request then waits for a partner's approval."""
        if self.detail is None or not can(self.service.role, Capability.REQUEST_ERASURE):
            return None
        dialog = ErasureRequestDialog(
            self.erasure, self.client_id, self.detail.name, self.service.role, self, lang=self.lang
        )
        self.erasure_dialog = dialog
        dialog.finished.connect(lambda result: self._erasure_dialog_closed(dialog, result))
        dialog.open()
        return dialog

    def _erasure_dialog_closed(self, dialog: ErasureRequestDialog, result: int) -> None:
        if self.erasure_dialog is dialog:
            self.erasure_dialog = None
        if result == QDialog.DialogCode.Accepted:
            self.reload()
            self.changed(Changes(requests=True))
        dialog.deleteLater()

    def assign(self) -> AssignAccountantsDialog:
        """Open the accountant assignment (partner)."""
        assert self.detail is not None
        dialog = AssignAccountantsDialog(self.service, self.client_id, self.detail.accountant_ids, self)
        dialog.accepted.connect(self._assigned)
        dialog.open()
        return dialog

    def _assigned(self) -> None:
        self.sig_changed.emit(self.client_id)
        self.reload()
        self.changed(Changes(clients=True))
