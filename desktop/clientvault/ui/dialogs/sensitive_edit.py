"""Store a new sensitive item (bank account, tax-bureau or social-insurance login)."""

from __future__ import annotations

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

from clientvault.core.errors import ValidationError
from clientvault.core.records import PersonView, SensitiveInput, SensitiveKind
from clientvault.services.clients import ClientService
from clientvault.ui.client_labels import field_error, person_role_name, sensitive_kind_name
from clientvault.ui.errors import show_inline
from clientvault.ui.i18n import fmt


class SensitiveEditDialog(QDialog):
    """Kind, description, value and (optionally) the person it belongs to. The value is never shown back."""

    def __init__(
        self,
        service: ClientService,
        client_id: int,
        kinds: list[SensitiveKind],
        persons: tuple[PersonView, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.client_id = client_id
        self.item_id: int | None = None
        self.setWindowTitle(self.tr("Add a sensitive item"))
        self.setMinimumWidth(460)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for k in kinds:
            self.kind.addItem(sensitive_kind_name(k), k.value)
        self.label = QLineEdit(self)
        self.label.setObjectName("label")
        self.label.setMaxLength(100)
        self.label.setPlaceholderText(self.tr("e.g. bank and branch, account type"))
        self.value = QLineEdit(self)
        self.value.setObjectName("value")
        self.value.setMaxLength(200)
        self.person = QComboBox(self)
        self.person.setObjectName("person")
        self.person.addItem(self.tr("The client itself"), None)
        for p in persons:
            self.person.addItem(fmt(self.tr("%1 (%2)"), p.name, person_role_name(p.role)), p.id)
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, editor, text in (
            ("kind", self.kind, self.tr("&Kind:")),
            ("label", self.label, self.tr("&Description:")),
            ("value", self.value, self.tr("&Value:")),
            ("person", self.person, self.tr("&Belongs to:")),
        ):
            error = QLabel(self)
            error.setObjectName(f"{key}_error")
            error.setStyleSheet("color: #b00020;")
            error.setVisible(False)
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(editor)
            cell.addWidget(error)
            label = QLabel(text, self)
            label.setBuddy(editor)
            form.addRow(label, cell)
            self.errors[key] = error
        note = QLabel(self.tr("Stored encrypted; shown masked and revealed only with a purpose."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self._kind_changed()

    def _kind_changed(self) -> None:
        bank = self.kind.currentData() == SensitiveKind.BANK_ACCOUNT.value
        # Credentials are typed like passwords; account numbers are visible while typing (to check digits).
        self.value.setEchoMode(QLineEdit.EchoMode.Normal if bank else QLineEdit.EchoMode.Password)

    def save(self) -> bool:
        """Store the item. Returns True when saved."""
        for e in (*self.errors.values(), self.general_error):
            e.setVisible(False)
        try:
            self.item_id = self.service.add_sensitive(
                self.client_id,
                SensitiveInput(
                    kind=SensitiveKind(self.kind.currentData()),
                    value=self.value.text(),
                    label=self.label.text(),
                    person_id=self.person.currentData(),
                ),
            )
        except ValidationError as exc:
            for key, code in exc.errors.items():
                target = self.errors.get(key) or self.errors["value"]
                target.setText(field_error(key, code))
                target.setVisible(True)
            return False
        except Exception as exc:
            show_inline(self.general_error, self, exc)
            return False
        self.value.clear()
        self.accept()
        return True
