"""One client: basic data, people, sensitive items (masked, reveal with a purpose), consent, history.

What the role may not do is not offered: every button is created only when the ``ClientDetail``
flags (computed by the service) or ``core.roles`` allow it. Each personal-data field shows the
purposes that need it (PIPL Art 17 "why is this collected"), and fields no purpose in force needs
are not offered for filling in (minimisation; the service refuses them anyway).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError, NotFound, ValidationError
from clientvault.core.records import (
    FIELD_CATEGORY,
    ClientDetail,
    ClientStatus,
    DataCategory,
    PersonView,
    SensitiveKind,
)
from clientvault.core.roles import Capability, Role, Scope, can, scope
from clientvault.services.audit import AuditService
from clientvault.services.changes import Changes
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentService
from clientvault.services.erasure import (
    DEFAULT_BASIS,
    LEGAL_BASES,
    ErasureRequestRow,
    ErasureService,
    WithdrawnItems,
    basis_text,
)
from clientvault.services.locking import LockService
from clientvault.ui.client_labels import (
    field_error,
    field_label,
    kind_name,
    person_role_name,
    sensitive_kind_name,
    status_name,
)
from clientvault.ui.dialogs.client_assign import AssignAccountantsDialog
from clientvault.ui.dialogs.client_edit import CLIENT_FIELDS, ClientEditDialog
from clientvault.ui.dialogs.intake import INTAKE_FORM_FIELDS
from clientvault.ui.dialogs.person_edit import PersonEditDialog
from clientvault.ui.dialogs.reason import ask_reason
from clientvault.ui.dialogs.return_form import ReturnFormDialog
from clientvault.ui.dialogs.reveal import RevealDialog, RevealTarget
from clientvault.ui.dialogs.sensitive_edit import SensitiveEditDialog
from clientvault.ui.dialogs.withdrawn_erasure import (
    button_text,
    notice_text,
    request_withdrawn_erasure,
    requested_text,
)
from clientvault.ui.errors import error_message, show_error, show_inline
from clientvault.ui.i18n import fmt, format_date
from clientvault.ui.models.clients import ClientHistoryTableModel, PersonTableModel
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.clipboard import SecretClipboard
from clientvault.ui.widgets.consent_tab import ConsentTab, FormPreviewDialog
from clientvault.ui.widgets.masked_value import REVEAL_MS, MaskedValue
from clientvault.ui.widgets.tables import Selection, make_table_view, selected_item
from clientvault.ui.widgets.text import embolden, wrapped_label

STATUS_STYLE = {
    ClientStatus.PROSPECT: "background: #e8f0fe; color: #174ea6;",
    ClientStatus.ACTIVE: "background: #e6f4ea; color: #1b5e20;",
    ClientStatus.ENDED: "background: #f1f3f4; color: #444;",
}
_BASIC_FIELDS = (
    "kind",
    "uscc",
    "tax_no",
    "industry",
    "address",
    "phone",
    "email",
    "engagement_start",
    "engagement_end",
    "accountants",
    "notes",
)
# Person fields whose purposes the people tab explains (``person.<name>`` in FIELD_CATEGORY).
_PERSON_FIELDS = ("name", "id_number", "phone", "email", "address")
_REASON_STYLE = "color: #6b6b6b;"
_ERROR_STYLE = "color: #b00020;"
# Request states in which an erasure request is still open.
_OPEN_ERASURE = ("requested", "approved")


class ErasureRequestDialog(QDialog):
    """Ask for a client's records to be erased: why, on what legal basis, and what happens next.

    Sending only files the request; the partner approves it, then the privacy officer or a partner
    executes it (the Erasure page). The dialog stays open with the error under its field when the
    service refuses the input.
    """

    def __init__(
        self,
        erasure: ErasureService,
        client_id: int,
        client_name: str,
        role: Role,
        parent: QWidget | None = None,
        *,
        lang: str = "zh",
    ) -> None:
        super().__init__(parent)
        self.erasure = erasure
        self.client_id = client_id
        self.request_id: int | None = None
        self.setWindowTitle(self.tr("Request erasure"))
        self.setMinimumWidth(520)
        what = QLabel(fmt(self.tr("Ask for every record of %1 to be erased for good."), client_name), self)
        what.setObjectName("what")
        what.setTextFormat(Qt.TextFormat.PlainText)
        what.setWordWrap(True)
        font = what.font()
        font.setBold(True)
        what.setFont(font)
        self.next_steps = QLabel(
            self.tr(
                "Nothing is deleted now. What happens next:\n"
                "1. A partner reviews the request and approves or refuses it.\n"
                "2. After approval, the privacy officer or a partner carries out the erasure: the client's data, "
                "people, sensitive items, consent records and scans are deleted for good and cannot be restored.\n"
                "3. The erasure is entered in the destruction register, with a certificate.\n"
                "A legal hold stops the erasure until it is lifted."
            ),
            self,
        )
        self.next_steps.setObjectName("next_steps")
        self.next_steps.setWordWrap(True)
        self.source = QComboBox(self)
        self.source.setObjectName("source")
        sources = [
            ("deletion_request", self.tr("The client asked for deletion")),
            ("consent_withdrawal", self.tr("The client withdrew consent")),
        ]
        if role is Role.PARTNER:
            sources.append(("partner_decision", self.tr("Partner's decision")))
        for code, text in sources:
            self.source.addItem(text, code)
        # The legal basis is one of the firm's coded bases (the certificate prints its wording).
        self.basis = QComboBox(self)
        self.basis.setObjectName("basis")
        self.basis.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.basis.setMinimumContentsLength(30)
        for code, basis in LEGAL_BASES.items():
            # The list names the case (the part after the citation); the full wording shows below it.
            self.basis.addItem(basis.zh.split("：", 1)[-1] if lang == "zh" else basis.en, code)
        self.wording = QLabel(self)
        self.wording.setObjectName("basis_wording")
        self.wording.setTextFormat(Qt.TextFormat.PlainText)
        self.wording.setWordWrap(True)
        self.wording.setStyleSheet(_REASON_STYLE)
        self.basis_error = QLabel(self)
        self.basis_error.setObjectName("basis_error")
        self.basis_error.setStyleSheet(_ERROR_STYLE)
        self.basis_error.setVisible(False)
        self.lang = lang
        self.source.currentIndexChanged.connect(self._preselect_basis)
        self.basis.currentIndexChanged.connect(self._show_wording)
        self._preselect_basis()
        self._show_wording()
        self.general_error = QLabel(self)
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(_ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        basis_cell = QVBoxLayout()
        basis_cell.setSpacing(1)
        basis_cell.addWidget(self.basis)
        basis_cell.addWidget(self.wording)
        basis_cell.addWidget(self.basis_error)
        form = QFormLayout()
        source_label = QLabel(self.tr("&Reason:"), self)
        source_label.setBuddy(self.source)
        basis_label = QLabel(self.tr("&Legal basis:"), self)
        basis_label.setBuddy(self.basis)
        form.addRow(source_label, self.source)
        form.addRow(basis_label, basis_cell)
        buttons = QDialogButtonBox(self)
        self.send_button = buttons.addButton(self.tr("&Send request"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("send")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(self.next_steps)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.source.setFocus()

    def _preselect_basis(self) -> None:
        code = DEFAULT_BASIS.get(str(self.source.currentData()))
        index = self.basis.findData(code)
        if index >= 0:
            self.basis.setCurrentIndex(index)

    def _show_wording(self) -> None:
        code = str(self.basis.currentData())
        self.wording.setText(basis_text(code, self.lang))
        self.basis.setToolTip(self.wording.text())
        self.basis_error.setVisible(False)

    def send(self) -> bool:
        """File the request; on a refusal show why and stay open. Returns True when filed."""
        self.basis_error.setVisible(False)
        self.general_error.setVisible(False)
        try:
            self.request_id = self.erasure.request(
                self.client_id, str(self.source.currentData()), str(self.basis.currentData())
            )
        except ValidationError as exc:
            other = []
            for key, code in exc.errors.items():
                if key == "legal_basis":
                    self.basis_error.setText(field_error(key, code))
                    self.basis_error.setVisible(True)
                    self.basis.setFocus(Qt.FocusReason.OtherFocusReason)
                else:
                    other.append(field_error(key, code))
            if other:
                self.general_error.setText("\n".join(other))
                self.general_error.setVisible(True)
            return False
        except Exception as exc:
            show_inline(self.general_error, self, exc)
            return False
        self.accept()
        return True


class ClientDetailPage(QWidget):
    """The client page; reloads from the service after every change."""

    sig_changed = Signal(int)
    """The client was edited, assigned or changed status (its id)."""
    sig_close_requested = Signal(int)
    """The user asked to close this client's page (its id)."""

    def __init__(
        self,
        service: ClientService,
        client_id: int,
        clipboard: SecretClipboard | None,
        parent: QWidget | None = None,
        *,
        reveal_ms: int = REVEAL_MS,
        operations: Operations | None = None,
        lang: str = "zh",
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.client_id = client_id
        self.clipboard = clipboard
        self.reveal_ms = reveal_ms
        self.lang = lang
        self.operations = operations or Operations(self)
        self.gone = False  # erased, sealed or no longer visible: the client list closes the tab
        self.consent = ConsentService(service.vault)
        self.reasons: dict[str, list[str]] = {}
        self.allowed: frozenset[DataCategory] = frozenset(DataCategory)
        self.detail: ClientDetail | None = None
        self.reveal_dialog: RevealDialog | None = None
        self.edit_dialog: ClientEditDialog | None = None
        self.erasure = ErasureService(service.vault)
        self.erasure_dialog: ErasureRequestDialog | None = None
        self.masked_values: dict[int, MaskedValue] = {}
        self._accountant_names: dict[int, str] = {}

        self.title = QLabel(self)
        self.title.setObjectName("client_name")
        embolden(self.title, 5)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.status)
        head.addStretch(1)
        head.addLayout(self.action_row)
        self.masked_note = QLabel(self.tr("Contact details are masked for your role."), self)
        self.masked_note.setObjectName("masked_note")
        self.masked_note.setStyleSheet("color: #8a5300;")
        self.erasure_note = QLabel(self)
        self.erasure_note.setObjectName("erasure_note")
        self.erasure_note.setStyleSheet("color: #b00020;")
        self.erasure_note.setVisible(False)
        # Items only a withdrawn purpose needed: the notice and its request action (not for the assistant).
        self.withdrawn: WithdrawnItems | None = None
        self.withdrawn_box = QWidget(self)
        self.withdrawn_box.setObjectName("withdrawn_box")
        self.withdrawn_note = wrapped_label(self.withdrawn_box, name="withdrawn_note")
        self.withdrawn_note.setTextFormat(Qt.TextFormat.PlainText)
        self.withdrawn_note.setStyleSheet("color: #8a5300;")
        self.withdrawn_button = QPushButton(button_text(), self.withdrawn_box)
        self.withdrawn_button.setObjectName("request_withdrawn")
        self.withdrawn_button.clicked.connect(lambda: self.request_withdrawn_erasure())
        withdrawn_row = QHBoxLayout(self.withdrawn_box)
        withdrawn_row.setContentsMargins(0, 0, 0, 0)
        withdrawn_row.addWidget(self.withdrawn_note, 1)
        withdrawn_row.addWidget(self.withdrawn_button)
        self.withdrawn_box.setVisible(False)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("client_tabs")
        self.basic = QWidget(self)
        self.basic_form = QFormLayout(self.basic)
        self.basic_values: dict[str, QLabel] = {}
        self.basic_cells: dict[str, QWidget] = {}
        self.basic_reasons: dict[str, QLabel] = {}
        for f in _BASIC_FIELDS:
            value = QLabel(self.basic)
            value.setObjectName(f"basic_{f}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            cell = QWidget(self.basic)
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(0)
            cell_layout.addWidget(value)
            if f"client.{f}" in FIELD_CATEGORY:
                self.basic_reasons[f] = self._reason_label(f"reason_client_{f}", self.basic)
                cell_layout.addWidget(self.basic_reasons[f])
            self.basic_form.addRow(fmt(self.tr("%1:"), field_label(f)), cell)
            self.basic_values[f] = value
            self.basic_cells[f] = cell
        self.people = QWidget(self)
        self.people_view = make_table_view(self.people, "people")
        self.people_buttons = QHBoxLayout()
        self.people_reasons_box = QGroupBox(self.tr("Why these details are collected"), self.people)
        self.people_reasons_form = QFormLayout(self.people_reasons_box)
        self.person_reasons: dict[str, QLabel] = {}
        for f in _PERSON_FIELDS:
            self.person_reasons[f] = self._reason_label(f"reason_person_{f}", self.people_reasons_box)
            self.people_reasons_form.addRow(fmt(self.tr("%1:"), self._person_field_name(f)), self.person_reasons[f])
        people_layout = QVBoxLayout(self.people)
        people_layout.addWidget(self.people_view, 1)
        people_layout.addLayout(self.people_buttons)
        people_layout.addWidget(self.people_reasons_box)
        self.person_model: PersonTableModel | None = None
        self.sensitive = QWidget(self)
        self.sensitive_grid = QGridLayout()
        self.sensitive_buttons = QHBoxLayout()
        sens_host = QWidget(self.sensitive)
        sens_host.setLayout(self.sensitive_grid)
        scroll = QScrollArea(self.sensitive)
        scroll.setWidgetResizable(True)
        scroll.setWidget(sens_host)
        sens_layout = QVBoxLayout(self.sensitive)
        why = wrapped_label(
            self.sensitive,
            self.tr(
                "Sensitive personal information (PIPL Art. 28): shown masked; each reveal needs a purpose and "
                "is recorded in the audit log."
            ),
        )
        why.setStyleSheet("color: #555;")
        self.sensitive_reasons_box = QGroupBox(self.tr("Why these items are collected"), self.sensitive)
        self.sensitive_reasons_form = QFormLayout(self.sensitive_reasons_box)
        self.sensitive_reasons: dict[SensitiveKind, QLabel] = {}
        for kind in SensitiveKind:
            self.sensitive_reasons[kind] = self._reason_label(f"reason_sensitive_{kind.value}", self.sensitive)
            self.sensitive_reasons_form.addRow(
                fmt(self.tr("%1:"), sensitive_kind_name(kind)), self.sensitive_reasons[kind]
            )
        self.minimised_note = wrapped_label(self.sensitive, name="minimised_note")
        self.minimised_note.setStyleSheet(_REASON_STYLE)
        sens_layout.addWidget(why)
        sens_layout.addWidget(scroll, 1)
        sens_layout.addLayout(self.sensitive_buttons)
        sens_layout.addWidget(self.minimised_note)
        sens_layout.addWidget(self.sensitive_reasons_box)
        self.consent_tab: ConsentTab | None = None
        if can(service.role, Capability.RECORD_CONSENT):
            self.consent_tab = ConsentTab(
                service.vault, self.operations, client_id, lang=lang, parent=self
            )
            self.consent_tab.setObjectName("consent_tab")
            self.consent_tab.sig_changed.connect(self._consents_changed)
        self.history = make_table_view(self, "history", selection=Selection.ExtendedSelection, fit_columns=False)
        self.history_model: ClientHistoryTableModel | None = None

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.masked_note)
        layout.addWidget(self.erasure_note)
        layout.addWidget(self.withdrawn_box)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        self.reload()

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the client again (as the acting role sees it) and rebuild what it offers."""
        try:
            d = self.service.get(self.client_id)
        except NotFound:
            self.title.setText(self.tr("This client no longer exists or is no longer visible to you."))
            self.tabs.setVisible(False)
            self.gone = True
            self.conceal_all()
            return
        self.detail = d
        if d.can_assign or d.accountant_ids:
            self._accountant_names = {a.id: a.display_name for a in self.service.accountants()}
        self.title.setText(d.name)
        self.status.setText(status_name(d.status))
        self.status.setStyleSheet(STATUS_STYLE.get(d.status, "") + " padding: 3px 8px; border-radius: 8px;")
        self.masked_note.setVisible(d.contacts_masked)
        self._load_reasons()
        self._fill_basic(d)
        self._show_withdrawn()
        self._build_actions(d)
        self._fill_people(d)
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.tabs.addTab(self.basic, self.tr("&Basic data"))
        self.tabs.addTab(self.people, fmt(self.tr("&People (%1)"), len(d.persons)))
        if self.shows_sensitive:
            self._fill_sensitive(d)
            self.tabs.addTab(self.sensitive, fmt(self.tr("&Sensitive items (%1)"), len(d.sensitive)))
        else:
            self.sensitive.setParent(self)
            self.sensitive.setVisible(False)
        if self.consent_tab is not None:
            self.consent_tab.reload()
            self.tabs.addTab(self.consent_tab, self.tr("&Consent"))
        if d.can_view_history:
            self._fill_history()
            self.tabs.addTab(self.history, self.tr("&History"))
        else:
            self.history.setVisible(False)
        self.tabs.setCurrentIndex(max(0, min(current, self.tabs.count() - 1)))

    # -- why each field is collected ----------------------------------------------------------

    def _reason_label(self, name: str, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        label.setFont(font)
        label.setStyleSheet(_REASON_STYLE)
        return label

    def _person_field_name(self, field: str) -> str:
        return {
            "name": self.tr("Name"),
            "id_number": self.tr("ID number"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "address": self.tr("Address"),
        }[field]

    def _load_reasons(self) -> None:
        """Ask the consent service which purposes need each field and which categories may be filled now."""
        self.reasons, self.allowed = {}, frozenset(DataCategory)
        if not can(self.service.role, Capability.RECORD_CONSENT):
            return  # no answers for this role: show no captions, offer what the role may do (the service decides)
        try:
            self.reasons = self.consent.field_reasons(self.client_id, self.lang)
            self.allowed = self.consent.allowed_categories(self.client_id)
        except KnownError:
            self.reasons, self.allowed = {}, frozenset(DataCategory)

    def reason_text(self, field: str) -> str:
        """Why ``field`` (a FIELD_CATEGORY name) is collected for this client, as shown beside it."""
        purposes = self.reasons.get(field)
        if purposes is None:
            return ""
        if purposes:
            return fmt(self.tr("Collected for: %1"), self._join(purposes))
        if FIELD_CATEGORY[field] in self.consent.baseline_categories():
            return self.tr("Needed to identify and contact the client")
        return self.tr("No current purpose needs this")

    def _join(self, names: Iterable[str]) -> str:
        # Purpose names come in the document language, so they are listed the way that language lists.
        return ("、" if self.lang == "zh" else ", ").join(names)

    def _show_reason(self, label: QLabel, field: str) -> None:
        text = self.reason_text(field)
        label.setText(text)
        label.setVisible(bool(text))
        needed = bool(self.reasons.get(field)) or FIELD_CATEGORY[field] in self.consent.baseline_categories()
        label.setStyleSheet(_REASON_STYLE if needed else "color: #8a5300;")

    def may_fill(self, field: str) -> bool:
        """Whether a purpose in force (or the baseline) lets ``field`` be filled in for this client."""
        return FIELD_CATEGORY[field] in self.allowed

    def _consents_changed(self) -> None:
        # A grant or a withdrawal changes what may be revealed and filled in: show it at once.
        self.reload()
        self.changed(Changes(consent=True))

    def changed(self, changes: Changes) -> None:
        """Tell every view what an action on this client changed (see ``services/changes.py``)."""
        self.operations.report(changes, self)

    @property
    def shows_sensitive(self) -> bool:
        """Whether this role gets the sensitive-items section at all."""
        d = self.detail
        return d is not None and (d.can_reveal_ids or d.can_reveal_credentials)

    def _fill_basic(self, d: ClientDetail) -> None:
        values = {
            "kind": kind_name(d.kind),
            "uscc": d.uscc,
            "tax_no": d.tax_no,
            "industry": d.industry,
            "address": d.address,
            "phone": d.phone,
            "email": d.email,
            "engagement_start": format_date(d.engagement_start) if d.engagement_start else "",
            "engagement_end": format_date(d.engagement_end) if d.engagement_end else "",
            "accountants": "、".join(self._accountant_names.get(i, "?") for i in d.accountant_ids),
            "notes": d.notes,
        }
        for f, label in self.basic_values.items():
            label.setText(values[f] or "—")
        for f, reason in self.basic_reasons.items():
            self._show_reason(reason, f"client.{f}")
            lbl = self.basic_form.labelForField(self.basic_cells[f])
            if lbl is not None:
                lbl.setToolTip(reason.text())
        # Address and notes are not shown at all to a role with masked contacts.
        for f in ("address", "notes"):
            self.basic_form.setRowVisible(self.basic_cells[f], not d.contacts_masked)

    def _clear(self, layout: QHBoxLayout | QGridLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.setParent(None)
                w.deleteLater()

    def _button(self, layout: QHBoxLayout | QGridLayout, name: str, text: str, slot: object) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.clicked.connect(slot)
        if isinstance(layout, QHBoxLayout):
            layout.addWidget(b)
        return b

    def _build_actions(self, d: ClientDetail) -> None:
        self._clear(self.action_row)
        self.buttons: dict[str, QPushButton] = {}
        role = self.service.role
        if d.can_edit:
            self.buttons["edit"] = self._button(self.action_row, "edit", self.tr("&Edit…"), self.edit)
        if d.can_edit and scope(role, Capability.EDIT_CLIENTS) is not Scope.PROSPECTS:
            for status, text in self._status_actions(d.status):
                self.buttons[f"status_{status.value}"] = self._button(
                    self.action_row, f"status_{status.value}", text, lambda _=False, s=status: self.set_status(s)
                )
        if d.can_assign:
            self.buttons["assign"] = self._button(self.action_row, "assign", self.tr("&Assign…"), self.assign)
        lock = LockService(self.service.vault).actions(self.client_id)
        if lock.can_request and not lock.can_lock:
            self.buttons["request_lock"] = self._button(
                self.action_row, "request_lock", self.tr("Request &lock…"), lambda: self.request_lock()
            )
        if lock.can_lock:
            self.buttons["lock"] = self._button(self.action_row, "lock", self.tr("&Lock (seal)…"), lambda: self.lock())
        self._build_erasure_action(role)
        close = self._button(
            self.action_row, "close", self.tr("Close"), lambda: self.sig_close_requested.emit(self.client_id)
        )
        close.setToolTip(self.tr("Close this client's page (Ctrl+W)"))

    def _build_erasure_action(self, role: Role) -> None:
        self.erasure_note.setVisible(False)
        if not can(role, Capability.REQUEST_ERASURE):
            return  # the assistant: not offered
        button = self._button(
            self.action_row, "request_erasure", self.tr("Request e&rasure…"), lambda: self.request_erasure()
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

    def _fill_people(self, d: ClientDetail) -> None:
        show_ids = any(p.id_number_masked is not None or p.id_type for p in d.persons) or d.can_reveal_ids
        if self.person_model is None or (("id_number" in self.person_model.columns) != show_ids):
            self.person_model = PersonTableModel(d.persons, show_ids=show_ids, parent=self)
            self.people_view.setModel(self.person_model)
            self.people_view.selectionModel().selectionChanged.connect(self._person_selected)
        else:
            self.person_model.set_persons(d.persons)
        self._clear(self.people_buttons)
        self.person_buttons: dict[str, QPushButton] = {}
        if d.can_reveal_ids:
            self.person_buttons["reveal"] = self._button(
                self.people_buttons, "reveal_id", self.tr("&Reveal ID number…"), self._reveal_selected_person
            )
        if d.can_edit:
            self.person_buttons["add"] = self._button(
                self.people_buttons, "add_person", self.tr("A&dd…"), self.add_person
            )
            self.person_buttons["edit"] = self._button(
                self.people_buttons, "edit_person", self.tr("Ed&it…"), self._edit_selected_person
            )
            self.person_buttons["remove"] = self._button(
                self.people_buttons, "remove_person", self.tr("Re&move"), self._remove_selected_person
            )
        self.people_buttons.addStretch(1)
        self._person_selected()
        for f, reason in self.person_reasons.items():
            self._show_reason(reason, f"person.{f}")
            self.people_reasons_form.setRowVisible(reason, bool(reason.text()) and (f != "id_number" or show_ids))
        self.people_reasons_box.setVisible(bool(self.reasons))

    def _fill_sensitive(self, d: ClientDetail) -> None:
        for mv in self.masked_values.values():
            mv.conceal()
        self._clear(self.sensitive_grid)
        self.masked_values = {}
        self._clear(self.sensitive_buttons)
        names = {p.id: p.name for p in d.persons}
        for col, text in enumerate((self.tr("Kind"), self.tr("Description"), self.tr("Value"))):
            self.sensitive_grid.addWidget(QLabel(f"<b>{text}</b>", self), 0, col)
        if not d.sensitive:
            self.sensitive_grid.addWidget(
                QLabel(self.tr("No sensitive items are stored for this client."), self), 1, 0, 1, 3
            )
        for row, item in enumerate(d.sensitive, start=1):
            allowed = d.can_reveal_ids if item.kind is SensitiveKind.BANK_ACCOUNT else d.can_reveal_credentials
            label = item.label + (fmt(self.tr(" — %1"), names[item.person_id]) if item.person_id in names else "")
            kind_label = QLabel(sensitive_kind_name(item.kind), self)
            kind_label.setToolTip(self.reason_text(f"sensitive.{item.kind.value}"))
            self.sensitive_grid.addWidget(kind_label, row, 0)
            desc = QLabel(label, self)
            desc.setWordWrap(True)
            self.sensitive_grid.addWidget(desc, row, 1)
            mv = MaskedValue(item.masked, can_reveal=allowed, clipboard=self.clipboard, parent=self)
            mv.setObjectName(f"item_{item.id}")
            mv.reveal_button.setAccessibleName(fmt(self.tr("Reveal %1"), sensitive_kind_name(item.kind)))
            mv.sig_reveal_requested.connect(lambda i=item.id: self.reveal_item(i))
            self.sensitive_grid.addWidget(mv, row, 2)
            self.masked_values[item.id] = mv
            if d.can_edit and allowed:
                rm = QPushButton(self.tr("Remove"), self)
                rm.setObjectName(f"remove_item_{item.id}")
                rm.clicked.connect(lambda _=False, i=item.id: self.remove_item(i))
                self.sensitive_grid.addWidget(rm, row, 3)
        self.sensitive_grid.setColumnStretch(1, 1)
        self.sensitive_grid.setRowStretch(len(d.sensitive) + 2, 1)
        if d.can_edit and self.fillable_kinds():
            self.add_item_button = self._button(
                self.sensitive_buttons, "add_item", self.tr("Add &item…"), self.add_item
            )
        self.sensitive_buttons.addStretch(1)
        # Minimisation: kinds this role could store but no purpose in force needs are not offered.
        withheld = [k for k in self._storable_kinds() if k not in self.fillable_kinds()] if d.can_edit else []
        self.minimised_note.setText(
            fmt(
                self.tr(
                    "Not offered for new items: %1 — no purpose in force for this client needs it "
                    "(record the engagement or the client's consent first)."
                ),
                self._join(sensitive_kind_name(k) for k in withheld),
            )
            if withheld
            else ""
        )
        self.minimised_note.setVisible(bool(withheld))
        shown = set(self._storable_kinds()) | {i.kind for i in d.sensitive}
        for kind, reason in self.sensitive_reasons.items():
            self._show_reason(reason, f"sensitive.{kind.value}")
            self.sensitive_reasons_form.setRowVisible(reason, kind in shown and bool(reason.text()))
        self.sensitive_reasons_box.setVisible(bool(self.reasons) and bool(shown))

    def _fill_history(self) -> None:
        if self.history_model is None:
            names = AuditService(self.service.vault).user_names()
            self.history_model = ClientHistoryTableModel(names, self)
            self.history.setModel(self.history_model)
        self.history_model.set_events(self.service.history(self.client_id))
        self.history.resizeColumnsToContents()

    # -- actions -------------------------------------------------------------------------------

    def _run(self, fn: object) -> bool:
        try:
            fn()  # type: ignore[operator]
        except NotFound:
            # Erased or sealed meanwhile (maybe at another workstation): the page closes, no error box.
            self.gone = True
            self.changed(Changes(clients=True, gone=frozenset({self.client_id})))
            return False
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Client"), error_message(exc))
            self.reload()
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        return True

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
        if self._run(lambda: self.service.set_status(self.client_id, d.version, status)):
            self.sig_changed.emit(self.client_id)
            self.reload()
            self.changed(Changes(clients=True))

    def request_lock(self, reason: str | None = None) -> bool:
        """Ask the partner to lock this client (accountant; the engagement is over)."""
        text = reason or ask_reason(
            self, self.tr("Request lock"), self.tr("Why should the partner lock this client's record?")
        )
        if not text or not self._run(lambda: LockService(self.service.vault).request_lock(self.client_id, text)):
            return False
        self.reload()
        self.changed(Changes(requests=True))
        return True

    def lock(self, reason: str | None = None) -> bool:
        """Seal this client under the partner key (partner); the page closes: only Locked records shows it."""
        text = reason or ask_reason(
            self,
            self.tr("Lock client"),
            self.tr("Sealed records are kept for the legal retention period and hidden from staff. Reason:"),
        )
        if not text or not self._run(lambda: LockService(self.service.vault).lock(self.client_id, text)):
            return False
        self.sig_changed.emit(self.client_id)
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

    def _selected_person(self) -> PersonView | None:
        if self.person_model is None:
            return None
        return selected_item(self.people_view, self.person_model.person)

    def _person_selected(self) -> None:
        p = self._selected_person()
        buttons = getattr(self, "person_buttons", {})
        if "reveal" in buttons:
            buttons["reveal"].setEnabled(p is not None and bool(p.id_number_masked))
        for key in ("edit", "remove"):
            if key in buttons:
                buttons[key].setEnabled(p is not None)

    def add_person(self) -> PersonEditDialog:
        """Open the dialog for a new person."""
        assert self.detail is not None
        dialog = PersonEditDialog(self.service, self.client_id, None, self, with_ids=self._offers_id_numbers())
        dialog.accepted.connect(self._edited)
        dialog.open()
        return dialog

    def _offers_id_numbers(self) -> bool:
        # An ID number is asked for only when the role handles them and a purpose needs them now;
        # left out, a stored number is kept as it is.
        return self.detail is not None and self.detail.can_reveal_ids and self.may_fill("person.id_number")

    def _edit_selected_person(self) -> None:
        p = self._selected_person()
        if p is not None:
            self.edit_person(p)

    def edit_person(self, person: PersonView) -> PersonEditDialog:
        """Open the dialog for an existing person."""
        assert self.detail is not None
        dialog = PersonEditDialog(self.service, self.client_id, person, self, with_ids=self._offers_id_numbers())
        dialog.finished.connect(lambda _r: self.reload())
        dialog.accepted.connect(lambda: self.changed(Changes(clients=True)))
        dialog.open()
        return dialog

    def _remove_selected_person(self) -> None:
        p = self._selected_person()
        if p is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove person"),
            fmt(self.tr("Remove %1 (%2) from this client?"), p.name, person_role_name(p.role)),
        )
        if answer == QMessageBox.StandardButton.Yes and self._run(lambda: self.service.remove_person(p.id)):
            self._edited()

    def _reveal_selected_person(self) -> None:
        p = self._selected_person()
        if p is not None:
            self.reveal_person_id(p.id)

    def reveal_person_id(self, person_id: int) -> RevealDialog:
        """Ask for a purpose and reveal a person's ID number."""
        assert self.detail is not None
        p = next(x for x in self.detail.persons if x.id == person_id)
        target = RevealTarget(
            "person",
            person_id,
            self.client_id,
            FIELD_CATEGORY["person.id_number"],
            fmt(self.tr("ID number of %1 (%2), client %3"), p.name, person_role_name(p.role), self.detail.name),
            p.id_number_masked or "",
        )
        return self._open_reveal(target)

    def reveal_item(self, item_id: int) -> RevealDialog:
        """Ask for a purpose and reveal a sensitive item."""
        assert self.detail is not None
        item = next(x for x in self.detail.sensitive if x.id == item_id)
        target = RevealTarget(
            "item",
            item_id,
            self.client_id,
            FIELD_CATEGORY[f"sensitive.{item.kind.value}"],
            fmt(self.tr("%1 — %2, client %3"), sensitive_kind_name(item.kind), item.label, self.detail.name),
            item.masked,
        )
        return self._open_reveal(target)

    def _open_reveal(self, target: RevealTarget) -> RevealDialog:
        if self.reveal_dialog is not None:
            self.reveal_dialog.close()
        dialog = RevealDialog(self.service, target, self.clipboard, self, reveal_ms=self.reveal_ms)
        self.reveal_dialog = dialog
        dialog.finished.connect(lambda _r: self._reveal_closed(dialog))
        dialog.open()
        return dialog

    def _reveal_closed(self, dialog: RevealDialog) -> None:
        if self.reveal_dialog is dialog:
            self.reveal_dialog = None
        if self.detail is not None and self.detail.can_view_history:
            self._fill_history()
        dialog.deleteLater()

    def _storable_kinds(self) -> list[SensitiveKind]:
        d = self.detail
        if d is None:
            return []
        kinds = [SensitiveKind.BANK_ACCOUNT] if d.can_reveal_ids else []
        if d.can_reveal_credentials:
            kinds += [SensitiveKind.TAX_LOGIN, SensitiveKind.SOCIAL_INSURANCE_LOGIN]
        return kinds

    def fillable_kinds(self) -> list[SensitiveKind]:
        """The kinds this role may store and a purpose in force for this client needs (offered in Add item)."""
        return [k for k in self._storable_kinds() if self.may_fill(f"sensitive.{k.value}")]

    def add_item(self) -> SensitiveEditDialog | None:
        """Open the dialog for a new sensitive item (None when no kind may be stored now)."""
        assert self.detail is not None
        kinds = self.fillable_kinds()
        if not kinds:
            return None
        dialog = SensitiveEditDialog(self.service, self.client_id, kinds, self.detail.persons, self)
        dialog.accepted.connect(self._edited)
        dialog.open()
        return dialog

    def remove_item(self, item_id: int) -> None:
        """Delete a sensitive item after confirmation."""
        answer = QMessageBox.question(self, self.tr("Remove item"), self.tr("Delete this sensitive item for good?"))
        if answer == QMessageBox.StandardButton.Yes and self._run(lambda: self.service.remove_sensitive(item_id)):
            self._edited()

    def _edited(self) -> None:
        self.reload()
        self.changed(Changes(clients=True))

    # -- consent -------------------------------------------------------------------------------

    def print_consent_form(self) -> FormPreviewDialog | None:
        """Issue a consent form for this client and preview it (Print…, Save as PDF… registers the file)."""
        if self.consent_tab is None:
            return None
        self.tabs.setCurrentWidget(self.consent_tab)
        return self.consent_tab.print_form()

    def return_signed_form(self) -> ReturnFormDialog | None:
        """Record a signed form of this client: the ticked consents are granted and the page refreshes."""
        if self.consent_tab is None:
            return None
        self.tabs.setCurrentWidget(self.consent_tab)
        return self.consent_tab.return_form()

    def conceal_all(self) -> None:
        """Hide every revealed value now (before locking or closing)."""
        for mv in self.masked_values.values():
            mv.conceal()
        if self.reveal_dialog is not None:
            self.reveal_dialog.value.conceal()
