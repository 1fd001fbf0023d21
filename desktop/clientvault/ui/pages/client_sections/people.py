"""The client page's people: who they are, their masked ID numbers (reveal with a purpose), edits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.records import FIELD_CATEGORY, ClientDetail, PersonView
from clientvault.core.roles import Capability, Scope, scope
from clientvault.services.changes import Changes
from clientvault.services.purposes import NEW_PERSON
from clientvault.services.spreadsheet_export import ExcelExportService, ExportScope
from clientvault.ui.client_labels import person_role_name
from clientvault.ui.dialogs.excel_export import ExcelExportDialog
from clientvault.ui.dialogs.person_edit import PersonEditDialog
from clientvault.ui.dialogs.reveal import RevealDialog, RevealTarget
from clientvault.ui.i18n import fmt
from clientvault.ui.models.clients import PersonTableModel
from clientvault.ui.pages.client_sections.common import add_button, clear_layout
from clientvault.ui.pages.client_sections.reasons import reason_label
from clientvault.ui.widgets.tables import make_table_view, selected_item

if TYPE_CHECKING:
    from clientvault.ui.pages.client_detail import ClientDetailPage

# Person fields whose purposes the people tab explains (``person.<name>`` in FIELD_CATEGORY).
PERSON_FIELDS = ("name", "id_number", "phone", "email", "address")


class PeopleSection(QWidget):
    """The people linked to a client (legal representative, contacts, …)."""

    def __init__(self, page: ClientDetailPage) -> None:
        super().__init__(page)
        self.page = page
        self.view = make_table_view(self, "people")
        self.buttons_row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.reasons_box = QGroupBox(self.tr("Why these details are collected"), self)
        self.reasons_form = QFormLayout(self.reasons_box)
        self.reason_labels: dict[str, QLabel] = {}
        for f in PERSON_FIELDS:
            self.reason_labels[f] = reason_label(f"reason_person_{f}", self.reasons_box)
            self.reasons_form.addRow(fmt(self.tr("%1:"), self._field_name(f)), self.reason_labels[f])
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons_row)
        layout.addWidget(self.reasons_box)
        self.model: PersonTableModel | None = None

    def _field_name(self, field: str) -> str:
        return {
            "name": self.tr("Name"),
            "id_number": self.tr("ID number"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "address": self.tr("Address"),
        }[field]

    def fill(self, d: ClientDetail) -> None:
        """Show the people of ``d`` and the actions the role may take on them."""
        show_ids = any(p.id_number_masked is not None or p.id_type for p in d.persons) or d.can_reveal_ids
        if self.model is None or (("id_number" in self.model.columns) != show_ids):
            self.model = PersonTableModel(d.persons, show_ids=show_ids, parent=self)
            self.view.setModel(self.model)
            self.view.selectionModel().selectionChanged.connect(self._selected_changed)
        else:
            self.model.set_persons(d.persons)
        clear_layout(self.buttons_row)
        self.buttons = {}
        if d.can_reveal_ids:
            self.buttons["reveal"] = add_button(
                self, self.buttons_row, "reveal_id", self.tr("Re&veal ID number…"), self._reveal_selected
            )
        if scope(self.page.service.role, Capability.EXPORT) in (Scope.ALL, Scope.SMALL_MASKED):
            self.buttons["export"] = add_button(
                self, self.buttons_row, "export_person", self.tr("E&xport to Excel…"), self._export_selected
            )
        if d.can_edit:
            self.buttons["add"] = add_button(self, self.buttons_row, "add_person", self.tr("A&dd…"), self.add_person)
            self.buttons["edit"] = add_button(
                self, self.buttons_row, "edit_person", self.tr("Ed&it…"), self._edit_selected
            )
            self.buttons["remove"] = add_button(
                self, self.buttons_row, "remove_person", self.tr("Re&move"), self._remove_selected
            )
        self.buttons_row.addStretch(1)
        self._selected_changed()
        for f, reason in self.reason_labels.items():
            self.page.field_reasons.show(reason, f"person.{f}")
            self.reasons_form.setRowVisible(reason, bool(reason.text()) and (f != "id_number" or show_ids))
        self.reasons_box.setVisible(bool(self.page.field_reasons.reasons))

    def selected(self) -> PersonView | None:
        """The person selected in the table."""
        if self.model is None:
            return None
        return selected_item(self.view, self.model.person)

    def _selected_changed(self) -> None:
        p = self.selected()
        if "reveal" in self.buttons:
            self.buttons["reveal"].setEnabled(p is not None and bool(p.id_number_masked))
        for key in ("edit", "remove", "export"):
            if key in self.buttons:
                self.buttons[key].setEnabled(p is not None)

    def _offers_id_numbers(self, person_id: int) -> bool:
        # An ID number is asked for only when the role handles them and a purpose in force for that
        # person (their own consent, PIPL Art 14) needs them now; left out, a stored number is kept.
        d = self.page.detail
        return d is not None and d.can_reveal_ids and self.page.field_reasons.may_fill("person.id_number", person_id)

    def add_person(self) -> PersonEditDialog:
        """Open the dialog for a new person."""
        page = self.page
        dialog = PersonEditDialog(
            page.service, page.client_id, None, page, with_ids=self._offers_id_numbers(NEW_PERSON)
        )
        dialog.accepted.connect(page.edited)
        dialog.open()
        return dialog

    def _edit_selected(self) -> None:
        p = self.selected()
        if p is not None:
            self.edit_person(p)

    def edit_person(self, person: PersonView) -> PersonEditDialog:
        """Open the dialog for an existing person."""
        page = self.page
        dialog = PersonEditDialog(
            page.service, page.client_id, person, page, with_ids=self._offers_id_numbers(person.id)
        )
        dialog.finished.connect(lambda _r: page.reload())
        dialog.accepted.connect(lambda: page.changed(Changes(clients=True)))
        dialog.open()
        return dialog

    def _remove_selected(self) -> None:
        p = self.selected()
        if p is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove person"),
            fmt(self.tr("Remove %1 (%2) from this client?"), p.name, person_role_name(p.role)),
        )
        if answer == QMessageBox.StandardButton.Yes and self.page.run(lambda: self.page.service.remove_person(p.id)):
            self.page.edited()

    def _export_selected(self) -> None:
        p = self.selected()
        if p is not None:
            self.export_person(p)

    def export_person(self, person: PersonView) -> ExcelExportDialog:
        """Export one person's record (access or copy request) through the export register."""
        page = self.page
        dialog = ExcelExportDialog(
            ExcelExportService(page.service.vault),
            page.operations,
            ExportScope(kind="client", client_id=page.client_id),
            page,
            person_id=person.id,
            person_name=person.name,
        )
        dialog.sig_saved.connect(lambda _entry: page.changed(Changes(exports=True)))
        dialog.open()
        return dialog

    def _reveal_selected(self) -> None:
        p = self.selected()
        if p is not None:
            self.reveal_person_id(p.id)

    def reveal_person_id(self, person_id: int) -> RevealDialog:
        """Ask for a purpose and reveal a person's ID number."""
        d = self.page.detail
        assert d is not None
        p = next(x for x in d.persons if x.id == person_id)
        target = RevealTarget(
            "person",
            person_id,
            self.page.client_id,
            FIELD_CATEGORY["person.id_number"],
            fmt(self.tr("ID number of %1 (%2), client %3"), p.name, person_role_name(p.role), d.name),
            p.id_number_masked or "",
        )
        return self.page.open_reveal(target)
