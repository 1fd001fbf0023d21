"""Intake (assistant): create a prospect with only what intake needs, plus its contact person."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import DuplicateIdentifier, ValidationError
from clientvault.core.records import PersonInput, PersonRole
from clientvault.services.clients import ClientService, SharedIdentifier
from clientvault.ui.client_labels import field_error, person_role_name
from clientvault.ui.dialogs.client_edit import ClientForm
from clientvault.ui.dialogs.shared_identifier import ask_shared, refusal
from clientvault.ui.errors import show_inline
from clientvault.ui.widgets.text import wrapped_label

#: What a prospect needs before its consent form is signed (services.clients.INTAKE_FIELDS, in form order).
INTAKE_FORM_FIELDS = ("kind", "name", "uscc", "tax_no", "industry", "phone", "email", "notes")


class IntakeDialog(QDialog):
    """New prospect: identity and contact of the enquiring business, and who we spoke to."""

    sig_created = Signal(int)
    """A prospect was created (its id)."""

    def __init__(self, service: ClientService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.client_id: int | None = None
        self.shared: tuple[SharedIdentifier, ...] = ()  # what the user confirmed (see shared_identifier.py)
        self.setWindowTitle(self.tr("New prospect"))
        self.setMinimumWidth(560)
        intro = wrapped_label(
            self,
            self.tr(
                "Record only what intake needs. ID numbers, bank accounts and logins are collected after the "
                "client has signed the consent form."
            ),
        )
        intro.setStyleSheet("color: #555;")
        self.form = ClientForm(INTAKE_FORM_FIELDS, self)
        box = QGroupBox(self.tr("Contact person (optional)"), self)
        self.contact_role = QComboBox(box)
        self.contact_role.setObjectName("contact_role")
        for r in (PersonRole.CONTACT, PersonRole.LEGAL_REP, PersonRole.FINANCE_CONTACT, PersonRole.OWNER):
            self.contact_role.addItem(person_role_name(r), r.value)
        self.contact_name = QLineEdit(box)
        self.contact_name.setObjectName("contact_name")
        self.contact_name.setMaxLength(100)
        self.contact_phone = QLineEdit(box)
        self.contact_phone.setObjectName("contact_phone")
        self.contact_phone.setMaxLength(40)
        self.contact_error = QLabel(box)
        self.contact_error.setObjectName("contact_error")
        self.contact_error.setStyleSheet("color: #b00020;")
        self.contact_error.setVisible(False)
        contact = QFormLayout(box)
        for text, editor in (
            (self.tr("Re&lation:"), self.contact_role),
            (self.tr("C&ontact name:"), self.contact_name),
            (self.tr("Contact p&hone:"), self.contact_phone),
        ):
            label = QLabel(text, box)
            label.setBuddy(editor)
            contact.addRow(label, editor)
        contact.addRow(self.contact_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Create prospect"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.form.editor("name").setFocus()

    def save(self) -> bool:
        """Create the prospect (and its contact person). Returns True when created."""
        self.form.clear_errors()
        self.contact_error.setVisible(False)
        persons: tuple[PersonInput, ...] = ()
        if self.contact_name.text().strip() or self.contact_phone.text().strip():
            persons = (
                PersonInput(
                    role=PersonRole(self.contact_role.currentData()),
                    name=self.contact_name.text(),
                    phone=self.contact_phone.text(),
                ),
            )
        try:
            self.client_id = self.service.create(self.form.to_input(), persons=persons, shared=self.shared)
        except DuplicateIdentifier as exc:
            if (confirmed := ask_shared(self, self.service, exc)) is None:
                self.form.show_general_error(refusal(self.service, exc))
                return False
            self.shared += (confirmed,)
            return self.save()
        except ValidationError as exc:
            client_errors = {k: c for k, c in exc.errors.items() if not k.startswith("person")}
            person_errors = [field_error(k, c) for k, c in exc.errors.items() if k.startswith("person")]
            self.form.show_errors(client_errors)
            if person_errors:
                self.contact_error.setText("\n".join(person_errors))
                self.contact_error.setVisible(True)
            return False
        except Exception as exc:
            show_inline(self.form.show_general_error, self, exc)
            return False
        self.sig_created.emit(self.client_id)
        self.accept()
        return True
