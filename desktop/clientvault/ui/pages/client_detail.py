"""One client: basic data, people, sensitive items (masked, reveal with a purpose), consent, history.

The page is the header (name, status, the actions the role may take, notices) over one tab per
section; each section is a widget of its own (``ui/pages/client_sections/``, the consent tab in
``ui/widgets/consent_tab.py``). What the role may not do is not offered: every button is created
only when the ``ClientDetail`` flags (computed by the service) or ``core.roles`` allow it. Each
personal-data field shows the purposes that need it (PIPL Art 17 "why is this collected"), and
fields no purpose in force needs are not offered for filling in (minimisation; the service
refuses them anyway). Every change is reported through :meth:`ClientDetailPage.changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from clientvault.core.errors import KnownError, NotFound
from clientvault.core.records import ClientDetail, ClientStatus, PersonView, SensitiveKind
from clientvault.core.roles import Capability, can
from clientvault.services.changes import Changes
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentService
from clientvault.services.erasure import ErasureService, WithdrawnItems
from clientvault.ui.client_labels import status_name
from clientvault.ui.dialogs.client_edit import ClientEditDialog
from clientvault.ui.dialogs.erasure_request import ErasureRequestDialog
from clientvault.ui.dialogs.person_edit import PersonEditDialog
from clientvault.ui.dialogs.return_form import ReturnFormDialog
from clientvault.ui.dialogs.reveal import RevealDialog, RevealTarget
from clientvault.ui.dialogs.sensitive_edit import SensitiveEditDialog
from clientvault.ui.dialogs.withdrawn_erasure import button_text
from clientvault.ui.errors import error_message, show_error
from clientvault.ui.i18n import fmt
from clientvault.ui.operations import Operations
from clientvault.ui.pages.client_sections.actions import ClientActions
from clientvault.ui.pages.client_sections.basic import BasicSection
from clientvault.ui.pages.client_sections.entrustment import EntrustmentSection
from clientvault.ui.pages.client_sections.history import HistorySection
from clientvault.ui.pages.client_sections.people import PeopleSection
from clientvault.ui.pages.client_sections.reasons import FieldReasons
from clientvault.ui.pages.client_sections.sensitive import SensitiveSection
from clientvault.ui.widgets.clipboard import SecretClipboard
from clientvault.ui.widgets.consent_tab import ConsentTab, FormPreviewDialog
from clientvault.ui.widgets.masked_value import REVEAL_MS
from clientvault.ui.widgets.text import embolden, wrapped_label

__all__ = ["ClientDetailPage", "ErasureRequestDialog"]

STATUS_STYLE = {
    ClientStatus.PROSPECT: "background: #e8f0fe; color: #174ea6;",
    ClientStatus.ACTIVE: "background: #e6f4ea; color: #1b5e20;",
    ClientStatus.ENDED: "background: #f1f3f4; color: #444;",
}


class ClientDetailPage(ClientActions, QWidget):
    """The client page; reloads from the service after every change."""

    sig_changed = Signal(int)
    """The client was edited, assigned or changed status (its id)."""
    sig_close_requested = Signal(int)
    """The user asked to close this client's page (its id)."""
    sig_notice = Signal(str)
    """What an action did, to be shown where the user looks once this page has closed."""

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
        self.field_reasons = FieldReasons(self.consent, client_id, service.role, lang, self)
        self.detail: ClientDetail | None = None
        self.reveal_dialog: RevealDialog | None = None
        self.edit_dialog: ClientEditDialog | None = None
        self.erasure = ErasureService(service.vault)
        self.erasure_dialog: ErasureRequestDialog | None = None
        self.buttons: dict[str, QPushButton] = {}
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
        self.done_note = QLabel(self)  # what the last action did (a lock request was sent, …)
        self.done_note.setObjectName("done_note")
        self.done_note.setStyleSheet("color: #1b5e20;")
        self.done_note.setVisible(False)
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
        self.basic = BasicSection(self.field_reasons, self)
        self.people = PeopleSection(self)
        self.sensitive = SensitiveSection(self)
        self.consent_tab: ConsentTab | None = None
        if can(service.role, Capability.RECORD_CONSENT):
            self.consent_tab = ConsentTab(service.vault, self.operations, client_id, lang=lang, parent=self)
            self.consent_tab.setObjectName("consent_tab")
            self.consent_tab.sig_changed.connect(self._consents_changed)
        self.history = HistorySection(service, client_id, self)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.masked_note)
        layout.addWidget(self.erasure_note)
        layout.addWidget(self.done_note)
        layout.addWidget(self.withdrawn_box)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        self.reload()

    # -- what the sections hold (kept here for callers that look the page over) -----------------

    @property
    def masked_values(self) -> dict[int, Any]:
        """The sensitive items' masked values, by item id."""
        return self.sensitive.masked_values

    @property
    def person_model(self) -> Any:
        """The people table's model (None before the first load)."""
        return self.people.model

    @property
    def people_view(self) -> Any:
        """The people table."""
        return self.people.view

    @property
    def person_buttons(self) -> dict[str, QPushButton]:
        """The people tab's buttons, by action."""
        return self.people.buttons

    @property
    def history_model(self) -> Any:
        """The history table's model (None until shown)."""
        return self.history.model

    @property
    def basic_values(self) -> dict[str, QLabel]:
        """The basic-data values, by field."""
        return self.basic.values

    @property
    def basic_reasons(self) -> dict[str, QLabel]:
        """Why each basic field is collected, by field."""
        return self.basic.reason_labels

    @property
    def person_reasons(self) -> dict[str, QLabel]:
        """Why each person field is collected, by field."""
        return self.people.reason_labels

    @property
    def sensitive_reasons(self) -> dict[SensitiveKind, QLabel]:
        """Why each kind of sensitive item is collected, by kind."""
        return self.sensitive.reason_labels

    def reason_text(self, field: str) -> str:
        """Why ``field`` (a FIELD_CATEGORY name) is collected for this client, as shown beside it."""
        return self.field_reasons.text(field)

    def may_fill(self, field: str) -> bool:
        """Whether a purpose in force (or the baseline) lets ``field`` be filled in for this client."""
        return self.field_reasons.may_fill(field)

    def fillable_kinds(self) -> list[SensitiveKind]:
        """The kinds this role may store and a purpose in force for this client needs (offered in Add item)."""
        return self.sensitive.fillable_kinds()

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
        self.field_reasons.load()
        self.basic.fill(d, self._accountant_names)
        self._show_withdrawn()
        self._build_actions(d)
        self.people.fill(d)
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.tabs.addTab(self.basic, self.tr("&Basic data"))
        self.tabs.addTab(self.people, fmt(self.tr("&People (%1)"), len(d.persons)))
        if self.shows_sensitive:
            self.sensitive.fill(d)
            self.tabs.addTab(self.sensitive, fmt(self.tr("&Sensitive items (%1)"), len(d.sensitive)))
        else:
            self.sensitive.setParent(self)
            self.sensitive.setVisible(False)
        if self.consent_tab is not None:
            self.consent_tab.reload()
            self.tabs.addTab(self.consent_tab, self.tr("&Consent"))
        EntrustmentSection.attach(self)  # entrusted processing (PIPL Art 21): the client's agreements
        if d.can_view_history:
            self.history.fill()
            self.tabs.addTab(self.history, self.tr("&History"))
        else:
            self.history.setVisible(False)
        self.tabs.setCurrentIndex(max(0, min(current, self.tabs.count() - 1)))

    @property
    def shows_sensitive(self) -> bool:
        """Whether this role gets the sensitive-items section at all."""
        d = self.detail
        return d is not None and (d.can_reveal_ids or d.can_reveal_credentials)

    def _consents_changed(self) -> None:
        # A grant or a withdrawal changes what may be revealed and filled in: show it at once.
        self.reload()
        self.changed(Changes(consent=True))

    def show_notice(self, text: str) -> None:
        """Confirm what an action did, under the page's header."""
        self.done_note.setText(text)
        self.done_note.setVisible(True)

    def changed(self, changes: Changes) -> None:
        """Tell every view what an action on this client changed (see ``services/changes.py``)."""
        self.operations.report(changes, self)

    def edited(self) -> None:
        """A section changed the client's data: read it again and tell the other views."""
        self.reload()
        self.changed(Changes(clients=True))

    def run(self, fn: Callable[[], object]) -> bool:
        """Call a service; a refusal is shown, a client gone meanwhile closes the page (no error box)."""
        try:
            fn()
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

    # -- sections' actions, as callers know them ------------------------------------------------

    def add_person(self) -> PersonEditDialog:
        """Open the dialog for a new person."""
        return self.people.add_person()

    def edit_person(self, person: PersonView) -> PersonEditDialog:
        """Open the dialog for an existing person."""
        return self.people.edit_person(person)

    def reveal_person_id(self, person_id: int) -> RevealDialog:
        """Ask for a purpose and reveal a person's ID number."""
        return self.people.reveal_person_id(person_id)

    def reveal_item(self, item_id: int) -> RevealDialog:
        """Ask for a purpose and reveal a sensitive item."""
        return self.sensitive.reveal_item(item_id)

    def add_item(self) -> SensitiveEditDialog | None:
        """Open the dialog for a new sensitive item (None when no kind may be stored now)."""
        return self.sensitive.add_item()

    def remove_item(self, item_id: int) -> None:
        """Delete a sensitive item after confirmation."""
        self.sensitive.remove_item(item_id)

    def open_reveal(self, target: RevealTarget) -> RevealDialog:
        """Ask for a purpose and reveal one value (one reveal dialog at a time)."""
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
            self.history.fill()
        dialog.deleteLater()

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
        self.sensitive.conceal()
        if self.reveal_dialog is not None:
            self.reveal_dialog.value.conceal()
