"""Erasure requests, approvals and execution, and the destruction register (partner, privacy officer)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.roles import Role
from clientvault.services.changes import Changes
from clientvault.services.client_names import ClientName, client_names
from clientvault.services.context import Vault
from clientvault.services.erasure import (
    ErasureCheck,
    ErasureRequestRow,
    ErasureResult,
    ErasureService,
    RegisterEntry,
    WithdrawnItems,
)
from clientvault.ui.client_names import client_caption
from clientvault.ui.dialogs.new_erasure_request import NewRequestDialog
from clientvault.ui.dialogs.reason import ReasonDialog, ask_reason
from clientvault.ui.dialogs.withdrawn_erasure import (
    button_text,
    request_withdrawn_erasure,
    requested_text,
)
from clientvault.ui.errors import show_error
from clientvault.ui.i18n import fmt
from clientvault.ui.models.retention import PagedTableModel
from clientvault.ui.operations import Operation, Operations
from clientvault.ui.pages.erasure_cells import ErasureCells
from clientvault.ui.pages.erasure_check import ErasureCheckRunner
from clientvault.ui.pages.erasure_law import LawActions
from clientvault.ui.widgets.pdf import PdfPreviewDialog
from clientvault.ui.widgets.tables import make_table_view, selected_item
from clientvault.ui.widgets.text import embolden, wrapped_label


class ErasurePage(ErasureCells, QWidget):
    """Requests (newest first) with approve/refuse/execute, and the destruction register with certificates."""

    sig_executed = Signal(object)
    """An erasure committed (ErasureResult; its whole-file check follows) or failed (the exception)."""
    sig_checked = Signal(object)
    """The whole-file check after an erasure finished (ErasureCheck) or failed (the exception)."""

    def __init__(
        self, vault: Vault, operations: Operations, parent: QWidget | None = None, *, pdf_lang: str = "zh"
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.pdf_lang = pdf_lang
        self.erasure = ErasureService(vault)
        self.operation: Operation | None = None
        role = vault.session.role
        heading = embolden(QLabel(self.tr("Erasure"), self))
        self.status = wrapped_label(self, name="status")
        self.check = ErasureCheckRunner(self.erasure, operations, self)
        self._names: dict[int, ClientName] = {}  # the listed clients' names and credit codes
        self.check.sig_checked.connect(self._checked)

        self.requests: PagedTableModel[ErasureRequestRow] = PagedTableModel(
            [self.tr("No."), self.tr("Client"), self.tr("Source"), self.tr("Scope"), self.tr("State"),
             self.tr("Requested on"), self.tr("Legal basis")],
            lambda offset, limit: self._named(self.erasure.requests(limit=limit, offset=offset)),
            self._request_cell,
            self,
        )  # fmt: skip
        self.requests_view = make_table_view(self, "requests", self.requests)
        self.new_button = QPushButton(self.tr("New request…"), self)
        self.new_button.setObjectName("new")
        self.check_button = QPushButton(self.tr("Check retention periods"), self)
        self.check_button.setObjectName("check")
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.setObjectName("approve")
        self.refuse_button = QPushButton(self.tr("Refuse…"), self)
        self.refuse_button.setObjectName("refuse")
        self.execute_button = QPushButton(self.tr("Execute erasure…"), self)
        self.execute_button.setObjectName("execute")
        # The privacy officer approves a request of a single-partner firm's partner (four eyes).
        self.approve_button.setVisible(role in (Role.PARTNER, Role.PRIVACY_OFFICER))
        self.refuse_button.setVisible(role is Role.PARTNER)
        self.law = LawActions(vault, self.erasure, self.selected_request, self._run, self)
        actions = QHBoxLayout()
        for b in (self.new_button, self.check_button, self.approve_button, self.refuse_button, self.execute_button,
                  *self.law.buttons):  # fmt: skip
            actions.addWidget(b)
        actions.addStretch(1)

        # Items only a withdrawn purpose needed, per client (a handful: read at once).
        self._withdrawn: list[WithdrawnItems] = []
        self.withdrawn: PagedTableModel[WithdrawnItems] = PagedTableModel(
            [self.tr("Client no."), self.tr("Client"), self.tr("Items"), self.tr("Flagged on"),
             self.tr("Request")],
            lambda offset, limit: self._withdrawn[offset : offset + limit],
            self._withdrawn_cell,
            self,
        )  # fmt: skip
        self.withdrawn_view = make_table_view(self, "withdrawn", self.withdrawn)
        self.withdrawn_button = QPushButton(button_text(), self)
        self.withdrawn_button.setObjectName("request_withdrawn")
        withdrawn_row = QHBoxLayout()
        withdrawn_row.addWidget(self.withdrawn_button)
        withdrawn_row.addStretch(1)

        self.register: PagedTableModel[RegisterEntry] = PagedTableModel(
            [self.tr("Certificate"), self.tr("Client"), self.tr("Executed on"), self.tr("Scope"),
             self.tr("Legal basis"), self.tr("Integrity"), self.tr("Witness")],
            lambda offset, limit: self._named(self.erasure.register(limit=limit, offset=offset)),
            self._register_cell,
            self,
        )  # fmt: skip
        self.register_view = make_table_view(self, "register", self.register)
        self.certificate_button = QPushButton(self.tr("Certificate…"), self)
        self.certificate_button.setObjectName("certificate")
        cert_row = QHBoxLayout()
        cert_row.addWidget(self.certificate_button)
        cert_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.status)
        layout.addWidget(self.check)
        layout.addLayout(actions)
        layout.addWidget(self.requests_view, 2)
        layout.addWidget(QLabel(self.tr("Flagged after consent withdrawal"), self))
        layout.addWidget(self.withdrawn_view, 1)
        layout.addLayout(withdrawn_row)
        layout.addWidget(QLabel(self.tr("Destruction register"), self))
        layout.addWidget(self.register_view, 2)
        layout.addLayout(cert_row)

        self.new_button.clicked.connect(self.new_request)
        self.check_button.clicked.connect(self.check_retention)
        self.approve_button.clicked.connect(self.approve_selected)
        self.refuse_button.clicked.connect(self.refuse_selected)
        self.execute_button.clicked.connect(self.execute_selected)
        self.certificate_button.clicked.connect(self.show_certificate)
        self.withdrawn_button.clicked.connect(lambda: self.request_withdrawn_selected())
        self.withdrawn_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._load_withdrawn()
        self.requests_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.register_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- state ---------------------------------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        """Requests, flagged items and the register: re-read them when requests, records or consents changed."""
        if changes.touches("requests", "sealed", "clients", "consent"):
            self.refresh()

    def refresh(self) -> None:
        """Reload both tables."""
        self.requests.reload()
        self.register.reload()
        self._load_withdrawn()
        self._update_buttons()

    def _load_withdrawn(self) -> None:
        try:
            self._withdrawn = self.erasure.withdrawn_items()
        except Exception as exc:
            self._withdrawn = []
            show_error(self, exc)
        self.withdrawn.reload()
        self._update_buttons()

    def selected_withdrawn(self) -> WithdrawnItems | None:
        """The selected client with flagged items."""
        return selected_item(self.withdrawn_view, self.withdrawn.item)

    def selected_request(self) -> ErasureRequestRow | None:
        """The selected request."""
        return selected_item(self.requests_view, self.requests.item)

    def selected_entry(self) -> RegisterEntry | None:
        """The selected register entry."""
        return selected_item(self.register_view, self.register.item)

    def _update_buttons(self) -> None:
        req = self.selected_request()
        busy = self.operation is not None and not self.operation.done
        self.approve_button.setEnabled(req is not None and req.state == "requested")
        self.refuse_button.setEnabled(req is not None and req.state in ("requested", "approved"))
        self.execute_button.setEnabled(req is not None and req.state == "approved" and not busy)
        self.law.update()
        self.certificate_button.setEnabled(self.selected_entry() is not None)
        flagged = self.selected_withdrawn()
        self.withdrawn_button.setEnabled(flagged is not None and flagged.open_request is None)

    def _run(self, action: object) -> bool:
        try:
            action()  # type: ignore[operator]
        except Exception as exc:
            show_error(self, exc)
            return False
        self.refresh()
        self.operations.report(Changes(requests=True), self)
        return True

    # -- actions -------------------------------------------------------------------------------

    def _name_of(self, client_id: int) -> str:
        return client_caption(client_names(self.vault, [client_id]).get(client_id), client_id)

    def new_request(self) -> int | None:
        """Ask for the request's client, source and basis; return the new request's number."""
        dialog = NewRequestDialog(self.source_labels(), self.basis_labels(), self, name_of=self._name_of)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        made: list[int] = []
        self._run(
            lambda: made.append(
                self.erasure.request(dialog.client.value(), dialog.source.currentData(), dialog.basis.currentData())
            )
        )
        return made[0] if made else None

    def request_withdrawn_selected(self, *, confirm: bool = True) -> int | None:
        """Ask for the erasure of the selected client's flagged items; a partner approves it first."""
        flagged = self.selected_withdrawn()
        if flagged is None or flagged.open_request is not None:
            return None
        rid = request_withdrawn_erasure(self, self.erasure, flagged, confirm=confirm)
        if rid is not None:
            self.refresh()
            self.status.setText(requested_text(rid))
            self.operations.report(Changes(requests=True), self)
        return rid

    def check_retention(self) -> list[int]:
        """Open requests for every locked record whose retention ended."""
        made: list[int] = []
        if self._run(lambda: made.extend(self.erasure.daily_check())):
            self.status.setText(fmt(self.tr("%1 new request(s) for records whose retention ended."), len(made)))
        return made

    def approve_selected(self) -> bool:
        """Approve the selected request (partner)."""
        req = self.selected_request()
        if req is None or not self._run(lambda: self.erasure.approve(req.id)):
            return False
        self.status.setText(fmt(self.tr("Request no. %1 approved: it can now be carried out."), req.id))
        return True

    def refuse_selected(self, reason: str | None = None) -> bool:
        """Refuse the selected request with a reason (partner)."""
        req = self.selected_request()
        if req is None:
            return False
        text = reason or ask_reason(self, self.tr("Refuse erasure"), self.tr("Why is the request refused?"))
        return bool(text) and self._run(lambda: self.erasure.refuse(req.id, text or ""))

    def confirm_word(self) -> str:
        """The word typed to confirm an erasure, in the UI language (销毁 in Chinese)."""
        return self.tr("ERASE")

    def is_confirm_word(self, typed: str) -> bool:
        """Whether ``typed`` is the confirmation word (case and surrounding spaces do not matter)."""
        return typed.strip().casefold() == self.confirm_word().casefold()

    def execute_selected(self, *, confirmed: bool = False, witness: str = "") -> Operation | None:
        """Carry out the selected approved request off the GUI thread."""
        req = self.selected_request()
        if req is None:
            return None
        if not confirmed:
            word = self.confirm_word()
            dialog = ReasonDialog(
                self.tr("Execute erasure"),
                fmt(self.tr("Erase client %1 permanently? This cannot be undone. Type %2 to confirm."),
                    req.client_id, word),
                self,
                extra_label=self.tr("Witness (not the person executing)"),
            )  # fmt: skip
            if dialog.exec() != QDialog.DialogCode.Accepted or not self.is_confirm_word(dialog.reason):
                return None
            witness = dialog.extra
        self.status.setText(self.tr("Erasing…"))
        self.operation = self.operations.run(
            lambda _progress: self.erasure.execute(req.id, witness=witness, check_later=True),
            on_success=self._executed,
            on_failure=self._failed,
        )
        self._update_buttons()
        return self.operation

    def _executed(self, result: object) -> None:
        assert isinstance(result, ErasureResult)
        text = fmt(self.tr("Erased. Certificate %1."), result.certificate_no)
        if result.outcome != "erased" or result.kept:  # a retention period runs (PIPL Art 47 para 2)
            text = self.law.outcome_text(result)
        elif result.on_disk == "pending" and result.checked:  # old page versions wait for other readers
            text += " " + self.check.pending_text()
        self.status.setText(text)
        if not self.vault.locked:
            self.refresh()
            # The client (or some of its items) is gone: its open page re-reads or closes.
            self.operations.report(Changes(clients=True, requests=True, sealed=True, consent=True), self)
            if not result.checked:  # the whole-file check follows in the background; then the certificate
                self.check.start(result.certificate_no)
        self.sig_executed.emit(result)

    def _checked(self, outcome: object) -> None:
        if self.vault.locked:
            return
        if isinstance(outcome, ErasureCheck):
            self.status.setText(self.check.outcome_text(outcome))
            self.refresh()
            self.operations.report(Changes(requests=True), self)
        else:
            show_error(self, outcome if isinstance(outcome, BaseException) else RuntimeError(str(outcome)))
        self.sig_checked.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        self._update_buttons()
        if not self.vault.locked:
            self.refresh()
        show_error(self, exc)
        self.sig_executed.emit(exc)

    def certificate_pdf(self) -> bytes | None:
        """The selected entry's certificate (audited)."""
        entry = self.selected_entry()
        if entry is None:
            return None
        try:
            return self.erasure.certificate_pdf(entry.certificate_no, lang=self.pdf_lang)
        except Exception as exc:
            show_error(self, exc)
            return None

    def show_certificate(self) -> PdfPreviewDialog | None:
        """Preview the selected entry's certificate, to print it or save it as a registered PDF."""
        entry = self.selected_entry()
        pdf = self.certificate_pdf()
        if entry is None or pdf is None:
            return None
        no = entry.certificate_no
        dialog = PdfPreviewDialog(
            pdf,
            self.tr("Erasure certificate"),
            self,
            printed=lambda: None,  # rendering the certificate was audited already
            save=lambda path: self.erasure.save_certificate(no, path, lang=self.pdf_lang),
            file_name=f"{no}.pdf",
        )
        dialog.setObjectName("certificate_preview")
        dialog.show()
        return dialog
