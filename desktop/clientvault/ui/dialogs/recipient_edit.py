"""Add or edit a recipient of the firm's recipients list (PIPL Art 23)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.records import DataCategory
from clientvault.services.purposes import Purpose
from clientvault.services.recipients import Recipient, RecipientInput, RecipientService
from clientvault.ui.dialogs.purpose_edit import category_label
from clientvault.ui.dialogs.return_form import consent_error
from clientvault.ui.widgets.text import wrapped_label

# The text fields, in form order.
TEXT_FIELDS = ("name_zh", "name_en", "contact", "purpose_zh", "purpose_en", "method_zh", "method_en")


class RecipientEditDialog(QDialog):
    """Every field Art 23 asks the notice to name: name, contact, purpose, method, categories; and the
    purposes of the catalogue that provide data to this recipient."""

    def __init__(
        self,
        service: RecipientService,
        recipient: Recipient | None,
        purposes: list[Purpose],
        *,
        lang: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.recipient = recipient
        self.saved: Recipient | None = None
        self.setWindowTitle(self.tr("New recipient") if recipient is None else self.tr("Edit recipient"))
        labels = {
            "name_zh": self.tr("Name (Chinese):"),
            "name_en": self.tr("Name (English):"),
            "contact": self.tr("Contact:"),
            "purpose_zh": self.tr("Purpose of the provision (Chinese):"),
            "purpose_en": self.tr("Purpose of the provision (English):"),
            "method_zh": self.tr("Method of provision (Chinese):"),
            "method_en": self.tr("Method of provision (English):"),
        }
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key in TEXT_FIELDS:
            edit = QLineEdit(str(getattr(recipient, key)) if recipient else "", self)
            edit.setObjectName(key)
            edit.setMaxLength(300)
            form.addRow(labels[key], edit)
            self.fields[key] = edit
        self.categories: dict[DataCategory, QCheckBox] = {}
        grid = QGridLayout()
        for i, cat in enumerate(DataCategory):
            box = QCheckBox(category_label(cat.value), self)
            box.setObjectName(f"cat_{cat.value}")
            box.setChecked(recipient is not None and cat in recipient.categories)
            self.categories[cat] = box
            grid.addWidget(box, i // 3, i % 3)
        form.addRow(self.tr("Categories provided:"), grid)
        self.purposes: dict[str, QCheckBox] = {}
        pgrid = QGridLayout()
        for i, p in enumerate(purposes):
            box = QCheckBox(p.name(lang), self)
            box.setObjectName(f"purpose_{p.code}")
            box.setChecked(recipient is not None and p.code in recipient.purposes)
            self.purposes[p.code] = box
            pgrid.addWidget(box, i // 2, i % 2)
        form.addRow(self.tr("Purposes that provide data to it:"), pgrid)
        self.active = QCheckBox(self.tr("In use"), self)
        self.active.setObjectName("active")
        self.active.setChecked(recipient.active if recipient else True)
        form.addRow("", self.active)
        note = wrapped_label(
            self,
            self.tr(
                "Every consent form names this recipient with these details. Changing the purposes, the name, "
                "the purpose of provision, the method, the categories or whether it is in use saves a new version "
                "of each purpose concerned: consents given for the old notice are asked again (PIPL Art 23). "
                "A new contact alone is a correction: nobody is asked again."
            ),
        )
        self.message = wrapped_label(self, name="message")
        self.message.setStyleSheet("color: #8e0000;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def value(self) -> RecipientInput:
        """The fields as entered."""
        text = {k: e.text() for k, e in self.fields.items()}
        return RecipientInput(
            **text,
            categories=frozenset(c for c, box in self.categories.items() if box.isChecked()),
            active=self.active.isChecked(),
            purposes=tuple(code for code, box in self.purposes.items() if box.isChecked()),
        )

    def save(self) -> None:
        """Add or update; stay open with the reason when refused."""
        try:
            if self.recipient is None:
                self.saved = self.service.add(self.value())
            else:
                self.saved = self.service.update(
                    self.recipient.id, self.value(), expected_version=self.recipient.version
                )
        except Exception as exc:
            self.message.setText(consent_error(exc))
            return
        self.accept()
