"""Per person of a client: which purposes resting on consent they granted, refused or still owe.

Consent belongs to the person (PIPL Art 14): the legal representative's consent is not the
shareholders' or the contacts'. One row per person (and one for the client itself when consents
were recorded without a named person), one column per purpose that rests on consent.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from clientvault.core.records import PersonRole
from clientvault.services.consent import ConsentService, ConsentStatus, PersonConsent
from clientvault.ui.client_labels import person_role_name
from clientvault.ui.dialogs.return_form import status_label
from clientvault.ui.i18n import fmt


class PersonConsentTable(QTableWidget):
    """The persons of one client against the consent purposes (read-only; select a person to print their form)."""

    def __init__(self, service: ConsentService, client_id: int, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setObjectName("person_consents")
        self.service = service
        self.client_id = client_id
        self.lang = lang
        self.rows: list[PersonConsent] = []
        self.codes: list[str] = []
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def reload(self) -> None:
        """Read the persons' consents again."""
        self.rows = self.service.person_consents(self.client_id)
        names = {p.code: p.name(self.lang) for p in self.service.purposes.catalogue(include_inactive=True)}
        self.codes = list(self.rows[0].purposes) if self.rows else []
        self.clear()
        self.setColumnCount(2 + len(self.codes))
        self.setHorizontalHeaderLabels(
            [self.tr("Person"), *(names.get(c, c) for c in self.codes), self.tr("Form needed")]
        )
        self.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            self.setItem(r, 0, QTableWidgetItem(self.person_text(row)))
            for c, code in enumerate(self.codes, start=1):
                self.setItem(r, c, QTableWidgetItem(self.status_text(row, code)))
            needed = self.tr("Yes") if row.needs_form else self.tr("No")
            self.setItem(r, len(self.codes) + 1, QTableWidgetItem(needed))
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def person_text(self, row: PersonConsent) -> str:
        """The person's name and role, or the client itself."""
        if row.person_id is None:
            return self.tr("The client (no named person)")
        return fmt(self.tr("%1 (%2)"), row.name, person_role_name(PersonRole(row.role)))

    def status_text(self, row: PersonConsent, code: str) -> str:
        """Granted / refused / form out / … for one purpose, or "not asked"."""
        status = row.purposes.get(code)
        if status is None:
            return self.tr("Not asked")
        text = status_label(status)
        if status is ConsentStatus.GRANTED and code in row.reconsent:
            text = fmt(self.tr("%1 (notice changed: ask again)"), text)
        return text

    def selected_person(self) -> PersonConsent | None:
        """The row selected, if any."""
        rows = self.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None
