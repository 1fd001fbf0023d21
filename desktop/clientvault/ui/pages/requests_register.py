"""The individuals' requests register page (PIPL Arts 44-50): intake for everyone, handling for managers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.subject_requests import (
    RequestFilter,
    RequestKind,
    RequestStatus,
    SubjectRequest,
    SubjectRequestService,
)
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt, format_date, format_number
from clientvault.ui.operations import Operations
from clientvault.ui.request_labels import request_kind_name, request_status_name
from clientvault.ui.widgets.register_page import (
    RegisterActions,
    action_button,
    headed_layout,
    refill,
    table_model,
    toolbar,
)
from clientvault.ui.widgets.tables import make_table_view, selected_item
from clientvault.ui.widgets.text import wrapped_label


class RequestsRegisterPage(QWidget, RegisterActions):
    """Lists the requests the role may see; partner and privacy officer answer, extend, refuse, hand over."""

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
        self.today = today
        self.service = SubjectRequestService(vault, today=today)
        self.service.entries(RequestFilter.OPEN, limit=1)  # AccessDenied (audited) for a role without the register
        self.manager = self.service.can_manage()
        self.entries: list[SubjectRequest] = []
        if self.manager:
            text = self.tr(
                "Requests to access, copy, correct, supplement or delete personal data, to withdraw consent, to "
                "explain the rules, to restrict processing or to transfer the data (PIPL Arts 44-50). Each is due "
                "the firm's number of working days after receipt; weekends and public holidays are not counted."
            )
        else:
            text = self.tr(
                "Record a request a person made in person, by phone or in writing. The privacy officer or a "
                "partner answers it."
            )
        self.filter = QComboBox(self)
        self.filter.setObjectName("filter")
        self.filter.addItem(self.tr("Open"), RequestFilter.OPEN)
        self.filter.addItem(self.tr("Due within 7 days"), RequestFilter.DUE_SOON)
        self.filter.addItem(self.tr("Overdue"), RequestFilter.OVERDUE)
        self.filter.addItem(self.tr("All"), RequestFilter.ALL)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        self.new_button = self._button("new", self.tr("New request…"), lambda: self.new_request())
        self.answer_button = self._button("answer", self.tr("Save answer (PDF and Excel)…"), lambda: self.save_answer())
        self.close_button = self._button("close", self.tr("Close as answered…"), lambda: self.close_answered())
        self.handover_button = self._button("handover", self.tr("Hand over…"), lambda: self.hand_over())
        self.extend_button = self._button("extend", self.tr("Extend…"), lambda: self.extend())
        self.refuse_button = self._button("refuse", self.tr("Refuse…"), lambda: self.refuse())
        self.calendar_button = self._button("calendar", self.tr("Holiday calendar…"), lambda: self.load_calendar())
        self.due_days = QSpinBox(self)
        self.due_days.setObjectName("due_days")
        self.due_days.setRange(1, 30)
        self.due_days.setValue(self.service.due_days())
        self.due_days.setSuffix(self.tr(" working days"))
        self.due_days.editingFinished.connect(self._save_due_days)
        controls = toolbar([QLabel(self.tr("Show:"), self), self.filter, self.count_label], [self.new_button])
        actions = toolbar(
            [self.answer_button, self.close_button, self.handover_button, self.extend_button, self.refuse_button], []
        )
        settings = toolbar([QLabel(self.tr("Answer within:"), self), self.due_days, self.calendar_button], [])
        self.model = table_model(
            self,
            [
                self.tr("No."),
                self.tr("Request"),
                self.tr("Person"),
                self.tr("Client"),
                self.tr("Received"),
                self.tr("Due"),
                self.tr("Identity"),
                self.tr("State"),
            ],
        )
        self.view = make_table_view(self, "requests", self.model)
        self.status = wrapped_label(self, name="status")
        layout = headed_layout(self, self.tr("Requests from individuals"), text)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        if self.manager:
            layout.addLayout(actions)
            layout.addLayout(settings)
        else:
            hidden: tuple[QWidget, ...] = (
                self.answer_button,
                self.close_button,
                self.handover_button,
                self.extend_button,
                self.refuse_button,
                self.calendar_button,
                self.due_days,
            )
            for w in hidden:
                w.hide()
        layout.addWidget(self.status)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        return action_button(self, name, text, slot)

    # -- list ----------------------------------------------------------------------------------

    def set_filter(self, flt: RequestFilter) -> None:
        """Show open, due-soon, overdue or all entries (the dashboard opens the page filtered)."""
        self.filter.setCurrentIndex(self.filter.findData(flt))

    def reload(self) -> None:
        """Re-read the register (closing handed-over deletions whose erasure finished)."""
        if self.vault.locked:
            return
        if self.manager and self.service.sync():
            self.operations.report(Changes(requests=True), self)
        before = self.selected()
        self.entries = self.service.entries(RequestFilter(self.filter.currentData()))
        today = self.today()
        rows = []
        for e in self.entries:
            due = format_date(e.effective_due) + (self.tr(" (extended)") if e.extended_to else "")
            if e.is_overdue(today):
                due += self.tr(" — overdue")
            person = e.person_name or (self.tr("(sealed or erased)") if not e.client_name else self.tr("the client"))
            cells = [
                e.number,
                request_kind_name(e.kind),
                person,
                e.client_name or self.tr("(sealed or erased)"),
                format_date(e.received_on),
                due,
                self.tr("Checked") if e.identity_ok else self.tr("Failed"),
                request_status_name(e.status),
            ]
            rows.append(cells)
        refill(self.model, rows)
        self.count_label.setText(fmt(self.tr("%1 requests"), format_number(len(self.entries))))
        if before is not None:  # keep the request being worked on selected
            for row, e in enumerate(self.entries):
                if e.id == before.id:
                    self.view.selectRow(row)
        self._update_buttons()

    def apply_changes(self, changes: Changes) -> None:
        """Reload when requests, clients or sealed records changed (here or on another workstation)."""
        if changes.touches("settings", "requests"):  # the reply time is also set on the Settings page
            self.due_days.setValue(self.service.due_days())
        if changes.touches("requests", "clients", "sealed"):
            self.reload()

    def selected(self) -> SubjectRequest | None:
        """The selected entry."""
        return selected_item(self.view, self.entries.__getitem__)

    def select_row(self, row: int) -> None:
        """Select one row (tests, keyboard)."""
        self.view.selectRow(row)

    def _update_buttons(self) -> None:
        e = self.selected()
        is_open = e is not None and e.status is RequestStatus.OPEN
        ok = is_open and e is not None and e.identity_ok
        kind = e.kind if e is not None else None
        self.answer_button.setEnabled(ok and kind in (RequestKind.ACCESS, RequestKind.COPY))
        self.close_button.setEnabled(ok and kind not in (RequestKind.DELETION, RequestKind.WITHDRAWAL))
        self.handover_button.setEnabled(ok and kind in (RequestKind.DELETION, RequestKind.WITHDRAWAL))
        self.extend_button.setEnabled(is_open)
        self.refuse_button.setEnabled(is_open)

    # -- actions -------------------------------------------------------------------------------

    def _try(self, action: Callable[[], object], message: str) -> bool:
        try:
            action()
        except KnownError as exc:
            self.status.setText(error_message(exc))  # shown on the page; nothing typed is lost
            return False
        self._done(message)
        return True

    def new_request(self) -> object:
        """Open the intake dialog (returns it; tests drive it)."""
        from clientvault.ui.dialogs.subject_request import SubjectRequestDialog

        dialog = SubjectRequestDialog(self.vault, self.service.record, self)
        dialog.accepted.connect(
            lambda: self._done(
                fmt(self.tr("Request %1 recorded; due %2."), dialog.created.number, format_date(dialog.created.due_on))
                if dialog.created
                else ""
            )
        )
        dialog.open()
        return dialog

    def save_answer(self, folder: Path | None = None) -> bool:
        """Save the answer to an access or copy request as PDF and workbook (both in the export register)."""
        e = self.selected()
        if e is None:
            return False
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the answer"))
            if not chosen:
                return False
            folder = Path(chosen)
        base = folder / f"{e.number}"
        return self._try(
            lambda: self.service.save_answer(e.id, base.with_suffix(".pdf"), base.with_suffix(".xlsx"), self.lang),
            fmt(self.tr("Saved %1 and %2 (both in the export register)."), f"{e.number}.pdf", f"{e.number}.xlsx"),
        )

    def close_answered(self, outcome: str | None = None) -> bool:
        """Close the selected request with what was done."""
        e = self.selected()
        if e is None:
            return False
        if outcome is None:
            outcome, ok = QInputDialog.getText(self, self.tr("Close request"), self.tr("What was done:"))
            if not ok:
                return False
        return self._try(lambda: self.service.complete(e.id, outcome), fmt(self.tr("Request %1 closed."), e.number))

    def refuse(self, reason: str | None = None) -> bool:
        """Refuse the selected request; the reason is required (PIPL Art 50) and told to the person."""
        e = self.selected()
        if e is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, self.tr("Refuse request"), self.tr("Reason (it is told to the person):")
            )
            if not ok:
                return False
        return self._try(lambda: self.service.refuse(e.id, reason), fmt(self.tr("Request %1 refused."), e.number))

    def extend(self, days: int | None = None, reason: str | None = None) -> bool:
        """Extend the selected request's due date by some working days, with the reason."""
        e = self.selected()
        if e is None:
            return False
        if days is None or reason is None:
            days, ok = QInputDialog.getInt(self, self.tr("Extend"), self.tr("Extra working days:"), 15, 1, 30)
            if not ok:
                return False
            reason, ok = QInputDialog.getText(self, self.tr("Extend"), self.tr("Reason (it is told to the person):"))
            if not ok:
                return False
        return self._try(
            lambda: self.service.extend(e.id, days, reason), fmt(self.tr("Request %1 extended."), e.number)
        )

    def hand_over(self, purpose_code: str | None = None) -> bool:
        """Deletion: open an erasure request. Withdrawal: withdraw the consent to a purpose now."""
        e = self.selected()
        if e is None:
            return False
        if e.kind is RequestKind.WITHDRAWAL and purpose_code is None:
            purpose_code, ok = QInputDialog.getText(self, self.tr("Withdraw consent"), self.tr("Purpose code:"))
            if not ok:
                return False
        if e.kind is RequestKind.DELETION:
            message = self.tr("An erasure request was opened; this request closes when the erasure is carried out.")
        else:
            message = self.tr("The consent was withdrawn and the request closed.")
        return self._try(lambda: self.service.hand_over(e.id, purpose_code=purpose_code or ""), message)

    def load_calendar(self, path: Path | None = None) -> bool:
        """Load the firm's own holiday calendar (JSON, the shipped file's layout)."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Holiday calendar"), "", "JSON (*.json)")
            if not chosen:
                return False
            path = Path(chosen)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            self.status.setText(self.tr("The file could not be read."))
            return False
        return self._try(lambda: self.service.set_calendar(text), self.tr("Holiday calendar loaded."))

    def _save_due_days(self) -> None:
        if self.due_days.value() != self.service.due_days():
            self._try(lambda: self.service.set_due_days(self.due_days.value()), self.tr("Answer period saved."))
