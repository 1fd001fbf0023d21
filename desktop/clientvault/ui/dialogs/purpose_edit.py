"""Editing a purpose of the catalogue (saving creates a new version) and the notice contact details."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.records import DataCategory
from clientvault.services.consent import ConsentService, NoticeDetails
from clientvault.services.purposes import LawfulBasis, Purpose, PurposeInput, PurposeService
from clientvault.services.recipients import RecipientService
from clientvault.ui.dialogs.return_form import consent_error
from clientvault.ui.widgets.text import wrapped_label

translate = QCoreApplication.translate


def basis_label(basis: str) -> str:
    """Translated lawful basis."""
    return {
        "consent": translate("Consent", "Consent"),
        "contract": translate("Consent", "Contract necessity"),
        "legal_obligation": translate("Consent", "Legal obligation"),
    }.get(basis, basis)


def category_label(category: str) -> str:
    """Translated data category."""
    return {
        "identity": translate("Consent", "Identity"),
        "contact": translate("Consent", "Contact details"),
        "id_document": translate("Consent", "ID numbers"),
        "bank": translate("Consent", "Bank accounts"),
        "credentials": translate("Consent", "Tax and social-insurance logins"),
        "salary": translate("Consent", "Salary"),
        "income_tax": translate("Consent", "Individual income tax"),
        "social_insurance": translate("Consent", "Social insurance"),
        "housing_fund": translate("Consent", "Housing fund"),
    }.get(category, category)


class PurposeEditDialog(QDialog):
    """Create a purpose (``purpose=None``) or save its next version."""

    def __init__(self, service: PurposeService, purpose: Purpose | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.purpose = purpose
        self.saved: Purpose | None = None
        self.setWindowTitle(self.tr("New purpose") if purpose is None else self.tr("Edit purpose (new version)"))
        self.code = QLineEdit(purpose.code if purpose else "", self)
        self.code.setObjectName("code")
        self.code.setEnabled(purpose is None)
        self.name_zh = QLineEdit(self)
        self.name_zh.setObjectName("name_zh")
        self.name_en = QLineEdit(self)
        self.name_en.setObjectName("name_en")
        self.description_zh = QPlainTextEdit(self)
        self.description_en = QPlainTextEdit(self)
        for edit in (self.description_zh, self.description_en):
            edit.setMaximumHeight(60)
        self.basis = QComboBox(self)
        self.basis.setObjectName("basis")
        for b in LawfulBasis:
            self.basis.addItem(basis_label(b.value), b.value)
        self.categories: dict[DataCategory, QCheckBox] = {}
        grid = QGridLayout()
        for i, cat in enumerate(DataCategory):
            box = QCheckBox(category_label(cat.value), self)
            box.setObjectName(f"cat_{cat.value}")
            self.categories[cat] = box
            grid.addWidget(box, i // 3, i % 3)
        self.retention = QSpinBox(self)
        self.retention.setObjectName("retention")
        self.retention.setRange(0, 100)
        self.retention.setSpecialValueText(self.tr("until consent ends"))
        self.necessary = QCheckBox(self.tr("Necessary for the service"), self)
        self.separate = QCheckBox(self.tr("Separate consent for sensitive data"), self)
        self.third = QCheckBox(self.tr("Provided to third parties (separate consent)"), self)
        # The recipients come from the firm's recipients list (PIPL Art 23): one box each.
        self.recipient_service = RecipientService(service.vault)
        self.recipients: dict[int, QCheckBox] = {}
        recipients_grid = QGridLayout()
        for i, r in enumerate(self.recipient_service.list()):
            box = QCheckBox(r.name_zh, self)
            box.setObjectName(f"recipient_{r.id}")
            box.setToolTip(r.contact)
            box.setChecked(purpose is not None and purpose.code in r.purposes)
            self.recipients[r.id] = box
            recipients_grid.addWidget(box, i // 2, i % 2)
        self.active = QCheckBox(self.tr("In use"), self)
        self.message = wrapped_label(self, name="message")
        self.message.setStyleSheet("color: #8e0000;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Name (Chinese):"), self.name_zh)
        form.addRow(self.tr("Name (English):"), self.name_en)
        form.addRow(self.tr("What is done (Chinese):"), self.description_zh)
        form.addRow(self.tr("What is done (English):"), self.description_en)
        form.addRow(self.tr("Lawful basis:"), self.basis)
        form.addRow(self.tr("Data categories:"), grid)
        # Retention is the firm's retention rules, the same text everywhere (services.retention_notice);
        # the stored number is kept as it is and no longer edited or shown.
        self.retention.hide()
        retention_note = wrapped_label(self, name="retention_note")
        retention_note.setText(
            self.tr("Retention follows the firm's retention rules (Erasure page, Retention rules…).")
        )
        form.addRow(self.tr("Retention:"), retention_note)
        form.addRow("", self.necessary)
        form.addRow("", self.separate)
        form.addRow("", self.third)
        form.addRow(self.tr("Recipients (from the list):"), recipients_grid)
        form.addRow("", self.active)
        layout = QVBoxLayout(self)
        if purpose is not None:
            note = wrapped_label(
                self,
                self.tr(
                    "Saving creates version %1. Forms already printed keep their version and are still accepted."
                ).replace("%1", str(purpose.version + 1)),
            )
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._load(purpose)

    def _load(self, p: Purpose | None) -> None:
        if p is None:
            self.active.setChecked(True)
            return
        self.name_zh.setText(p.name_zh)
        self.name_en.setText(p.name_en)
        self.description_zh.setPlainText(p.description_zh)
        self.description_en.setPlainText(p.description_en)
        self.basis.setCurrentIndex(self.basis.findData(p.lawful_basis.value))
        for cat, box in self.categories.items():
            box.setChecked(cat in p.categories)
        self.retention.setValue(p.retention_years)
        self.necessary.setChecked(p.necessary)
        self.separate.setChecked(p.separate_sensitive)
        self.third.setChecked(p.third_party)
        self.active.setChecked(p.active)

    def value(self) -> PurposeInput:
        """The fields as entered."""
        return PurposeInput(
            name_zh=self.name_zh.text(),
            name_en=self.name_en.text(),
            lawful_basis=LawfulBasis(self.basis.currentData()),
            categories=frozenset(c for c, box in self.categories.items() if box.isChecked()),
            retention_years=self.retention.value(),
            necessary=self.necessary.isChecked(),
            separate_sensitive=self.separate.isChecked(),
            third_party=self.third.isChecked(),
            description_zh=self.description_zh.toPlainText(),
            description_en=self.description_en.toPlainText(),
            active=self.active.isChecked(),
            sort_order=self.purpose.sort_order if self.purpose else 100,
        )

    def recipient_ids(self) -> tuple[int, ...]:
        """The ticked recipients in print order: those already named keep their place, new ones follow."""
        named = [r.id for r in self.recipient_service.for_purpose(self.purpose.code)] if self.purpose else []
        order = [*named, *(rid for rid in self.recipients if rid not in named)]
        return tuple(rid for rid in order if rid in self.recipients and self.recipients[rid].isChecked())

    def save(self) -> None:
        """Save a new version; stay open with the reason when refused."""
        try:
            self.saved = self.recipient_service.save_purpose(
                self.code.text().strip(),
                self.value(),
                self.recipient_ids(),
                expected_version=self.purpose.version if self.purpose else None,
            )
        except Exception as exc:
            self.message.setText(consent_error(exc))
            return
        self.accept()


class NoticeDetailsDialog(QDialog):
    """The firm's contact details printed in every consent notice."""

    def __init__(self, service: ConsentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Notice contact details"))
        current = service.notice_details()
        self.fields = {
            "address": (self.tr("Firm address:"), QLineEdit(current.address, self)),
            "phone": (self.tr("Telephone:"), QLineEdit(current.phone, self)),
            "email": (self.tr("E-mail:"), QLineEdit(current.email, self)),
            "privacy_contact": (self.tr("Privacy officer contact:"), QLineEdit(current.privacy_contact, self)),
            "complaint_channel": (self.tr("Complaint channel:"), QLineEdit(current.complaint_channel, self)),
        }
        form = QFormLayout()
        for key, (label, edit) in self.fields.items():
            edit.setObjectName(key)
            form.addRow(label, edit)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Store the details."""
        try:
            self.service.set_notice_details(NoticeDetails(**{k: e.text() for k, (_, e) in self.fields.items()}))
        except Exception as exc:
            self.message.setText(consent_error(exc))
            return
        self.accept()
