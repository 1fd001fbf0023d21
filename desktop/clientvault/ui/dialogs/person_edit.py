"""Add or edit a person linked to a client (legal representative, finance contact, …), with the
second-workstation conflict flow of the client editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import DuplicateIdentifier, KnownError, ValidationError, VersionConflict
from clientvault.core.records import PersonInput, PersonRole, PersonView
from clientvault.services.clients import ClientService, SharedIdentifier
from clientvault.ui.client_labels import ID_TYPES, field_error, field_label, id_type_name, person_role_name
from clientvault.ui.dialogs.conflict import ConflictDialog
from clientvault.ui.dialogs.shared_identifier import ask_shared, refusal
from clientvault.ui.errors import error_message, show_inline
from clientvault.ui.i18n import fmt

# Service error keys → the editor they belong to.
_ERROR_FIELDS = {
    "person_name": "name",
    "id_number": "id_number",
    "person.id_number": "id_number",
    "id_type": "id_type",
    "person_phone": "phone",
    "person_email": "email",
    "person_address": "address",
}
#: Every editable person field, in form order.
PERSON_FIELDS = ("role", "name", "id_type", "id_number", "phone", "email", "address")


def _shown(field: str, value: str) -> str:
    """A stored person value as the conflict view shows it (codes by their names)."""
    if field == "role" and value in PersonRole.__members__.values():
        return person_role_name(PersonRole(value))
    if field == "id_type":
        return id_type_name(value)
    return value


class PersonEditDialog(QDialog):
    """One person's fields; ID fields only for roles that may see ID numbers.

    An existing person is edited on the values the service stores now (contacts unmasked, the ID
    number masked: leave it empty to keep it). When another workstation saved the person in the
    meantime, the conflict dialog shows both versions and nothing is overwritten without a choice.
    """

    def __init__(
        self,
        service: ClientService,
        client_id: int,
        person: PersonView | None = None,
        parent: QWidget | None = None,
        *,
        with_ids: bool = False,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.client_id = client_id
        self.person = person
        self.with_ids = with_ids
        self.person_id: int | None = person.id if person else None
        self.conflict_dialog: ConflictDialog | None = None
        self.shared: tuple[SharedIdentifier, ...] = ()  # what the user confirmed (see shared_identifier.py)
        self.original: dict[str, str] = {}
        self.version = person.version if person else 0
        self.setWindowTitle(self.tr("Add a person") if person is None else self.tr("Edit person"))
        self.setMinimumWidth(480)
        self.role = QComboBox(self)
        for r in PersonRole:
            self.role.addItem(person_role_name(r), r.value)
        self.name = QLineEdit(self)
        self.name.setMaxLength(100)
        self.id_type = QComboBox(self)
        for code in ID_TYPES:
            self.id_type.addItem(id_type_name(code), code)
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(40)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(40)
        self.email = QLineEdit(self)
        self.email.setMaxLength(254)
        self.address = QLineEdit(self)
        self.address.setMaxLength(300)
        self.editors: dict[str, QWidget] = {
            "role": self.role,
            "name": self.name,
            "id_type": self.id_type,
            "id_number": self.id_number,
            "phone": self.phone,
            "email": self.email,
            "address": self.address,
        }
        labels = {
            "role": self.tr("&Relation:"),
            "name": self.tr("&Name:"),
            "id_type": self.tr("ID &type:"),
            "id_number": self.tr("&ID number:"),
            "phone": self.tr("&Phone:"),
            "email": self.tr("&E-mail:"),
            "address": self.tr("&Address:"),
        }
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, editor in self.editors.items():
            editor.setObjectName(key)
            if key.startswith("id_") and not with_ids:
                editor.setVisible(False)
                continue
            error = QLabel(self)
            error.setObjectName(f"{key}_error")
            error.setStyleSheet("color: #b00020;")
            error.setVisible(False)
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(editor)
            cell.addWidget(error)
            label = QLabel(labels[key], self)
            label.setBuddy(editor)
            form.addRow(label, cell)
            self.errors[key] = error
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        if person is not None:
            self.original = service.person_edit_values(person.id)
            self.version = int(self.original["version"])
            self.set_values(self.original)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.name.setFocus()

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields this dialog offers (ID fields only with ``with_ids``)."""
        return tuple(f for f in PERSON_FIELDS if self.with_ids or not f.startswith("id_"))

    def values(self) -> dict[str, str]:
        """The form's values as text (an empty ID number means: keep the stored one)."""
        out = {f: w.text() for f, w in self.editors.items() if isinstance(w, QLineEdit)}
        out["role"] = str(self.role.currentData())
        out["id_type"] = str(self.id_type.currentData())
        return {f: out[f] for f in self.fields}

    def set_values(self, values: dict[str, str]) -> None:
        """Fill the form; a (masked) stored ID number becomes the placeholder of an empty ID field."""
        self.role.setCurrentIndex(max(0, self.role.findData(values.get("role", PersonRole.CONTACT.value))))
        for f in ("name", "phone", "email", "address"):
            if f in values:
                line = self.editors[f]
                assert isinstance(line, QLineEdit)
                line.setText(values[f])
        if values.get("id_type"):
            self.id_type.setCurrentIndex(max(0, self.id_type.findData(values["id_type"])))
        stored = self.original.get("id_number", "")
        typed = values.get("id_number", "")
        self.id_number.setText("" if typed == stored else typed)
        self.id_number.setPlaceholderText(fmt(self.tr("%1 (leave empty to keep)"), stored) if stored else "")

    def to_input(self) -> PersonInput:
        """The person as typed (an empty ID number on edit means: keep the stored one)."""
        id_number = self.id_number.text().strip() if self.with_ids else ""
        return PersonInput(
            role=PersonRole(self.role.currentData()),
            name=self.name.text(),
            id_type=self.id_type.currentData() if id_number else None,
            id_number=id_number or None,
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.text(),
        )

    def save(self) -> bool:
        """Validate and save; errors appear under their fields. Returns True when saved."""
        for e in (*self.errors.values(), self.general_error):
            e.setVisible(False)
        data = self.to_input()
        try:
            if self.person is None:
                self.person_id = self.service.add_person(self.client_id, data, shared=self.shared)
            else:
                self.service.update_person(self.person.id, self.version, data, shared=self.shared)
                self.version += 1
        except DuplicateIdentifier as exc:
            if (confirmed := ask_shared(self, self.service, exc)) is None:
                self.general_error.setText(refusal(self.service, exc))
                self.general_error.setVisible(True)
                return False
            self.shared += (confirmed,)
            return self.save()
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        except VersionConflict:
            self.show_conflict()
            return False
        except Exception as exc:
            show_inline(self.general_error, self, exc)
            return False
        self.accept()
        return True

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each error under its field."""
        other = []
        first: QWidget | None = None
        for key, code in errors.items():
            target = _ERROR_FIELDS.get(key)
            if target in self.errors:
                self.errors[target].setText(field_error(key, code))
                self.errors[target].setVisible(True)
                first = first or self.editors[target]
            else:
                other.append(f"{field_label(key)}: {field_error(key, code)}")
        if other:
            self.general_error.setText("\n".join(other))
            self.general_error.setVisible(True)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_conflict(self) -> ConflictDialog | None:
        """Show your version and the stored one side by side; keep yours, take theirs, or merge."""
        assert self.person is not None
        try:
            theirs = self.service.person_edit_values(self.person.id)
        except KnownError as exc:  # e.g. removed on the other workstation
            self.general_error.setText(error_message(exc))
            self.general_error.setVisible(True)
            return None
        mine = self.values()
        if not self.id_number.text().strip():
            # An empty ID field keeps whatever is stored, so it never conflicts.
            for f in ("id_type", "id_number"):
                if f in mine:
                    mine[f] = theirs.get(f, "")
        dialog = ConflictDialog(
            self.original,
            mine,
            theirs,
            {f: field_label(f) for f in self.fields},
            self,
            intro=self.tr(
                "Someone saved this person on another workstation while you were editing it. Nothing has been "
                "overwritten. Compare both versions and choose what to keep for each field that differs."
            ),
            display=_shown,
        )
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda result: self._resolved(dialog, theirs, result))
        dialog.open()
        return dialog

    def _resolved(self, dialog: ConflictDialog, theirs: dict[str, str], result: int) -> None:
        self.conflict_dialog = None
        if result != QDialog.DialogCode.Accepted:
            return  # back to the form, nothing saved
        merged = dialog.merged()
        self.original = theirs
        self.version = int(theirs["version"])
        self.set_values(merged)
        if dialog.choice == ConflictDialog.TAKE_THEIRS:
            self.accept()
            return
        self.save()
