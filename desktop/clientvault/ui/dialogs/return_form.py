"""Returning a signed consent form: scan or type the number, tick what the client ticked, attach the scan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import InvalidState, NotFound, ValidationError
from clientvault.services.clients import ClientService
from clientvault.services.consent import MAX_SCAN_BYTES, ConsentService, FormInfo, TickItem
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt
from clientvault.ui.widgets.text import wrapped_label

translate = QCoreApplication.translate


def status_label(status: str) -> str:
    """Translated consent status."""
    return {
        "pending": translate("Consent", "Pending"),
        "granted": translate("Consent", "Granted"),
        "refused": translate("Consent", "Refused"),
        "withdrawn": translate("Consent", "Withdrawn"),
        "expired": translate("Consent", "Expired"),
        "void": translate("Consent", "Void"),
    }.get(status, status)


def scope_label(scope: str) -> str:
    """Translated consent scope."""
    return {
        "purpose": translate("Consent", "Purpose"),
        "sensitive": translate("Consent", "Separate: sensitive data"),
        "third_party": translate("Consent", "Separate: third parties"),
    }.get(scope, scope)


def consent_error(exc: BaseException) -> str:
    """Translated message for the consent codes (other errors through the shell's mapping)."""
    if isinstance(exc, InvalidState):
        codes = {
            "form_used": translate("Consent", "This form number has already been returned; a form is used once."),
            "form_void": translate("Consent", "This form was voided and cannot be returned."),
            "form_other_client": translate("Consent", "This form was printed for another client."),
            "withdraw_legal_obligation": translate(
                "Consent",
                "This purpose is required by law (e.g. tax filing): it cannot be withdrawn, "
                "it ends when the statutory period ends.",
            ),
            "withdraw_contract": translate(
                "Consent", "This purpose rests on the engagement contract: end the engagement instead."
            ),
            "nothing_to_withdraw": translate("Consent", "There is no consent to withdraw for this purpose."),
            "purpose_needs_no_consent": translate("Consent", "This purpose does not rest on consent."),
        }
        if exc.code in codes:
            return codes[exc.code]
    if isinstance(exc, NotFound) and exc.record == "form":
        return translate("Consent", "No form with this number was ever issued.")
    if isinstance(exc, ValidationError):
        codes = {
            ("form_no", "format"): translate("Consent", "A form number looks like CF-XXXX-XXXX."),
            ("form_no", "check"): translate("Consent", "The form number has a typo (its check character is wrong)."),
            ("scan", "empty"): translate("Consent", "The scan file is empty."),
            ("scan", "too_large"): translate("Consent", "The scan is larger than 10 MB."),
            ("scan", "not_image_or_pdf"): translate("Consent", "The scan must be a PDF, PNG, JPEG or TIFF file."),
            ("expires_on", "past"): translate("Consent", "The end date must be after the signing date."),
            ("ticked", "not_on_form"): translate("Consent", "A ticked box is not on this form."),
        }
        for (field, code), text in codes.items():
            if exc.errors.get(field) == code:
                return text
    return error_message(exc)


class ReturnFormDialog(QDialog):
    """Records a signed form: the ticked boxes become granted consents, the scan their evidence."""

    def __init__(self, service: ConsentService, client_id: int, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return a signed consent form"))
        self.service = service
        self.client_id = client_id
        self.lang = lang
        self.info: FormInfo | None = None
        self.scan: bytes | None = None
        self.boxes: list[tuple[QCheckBox, TickItem]] = []

        self.number = QLineEdit(self)
        self.number.setObjectName("form_no")
        self.number.setPlaceholderText(self.tr("Scan the QR code or type CF-XXXX-XXXX"))
        self.lookup_button = QPushButton(self.tr("Look up"), self)
        self.lookup_button.setObjectName("lookup")
        row = QHBoxLayout()
        row.addWidget(self.number, 1)
        row.addWidget(self.lookup_button)
        self.ticks = QGroupBox(self.tr("What the client ticked"), self)
        self.ticks_layout = QVBoxLayout(self.ticks)
        self.person = QComboBox(self)
        self.person.setObjectName("person")
        self.person.addItem(self.tr("The client (no named person)"), None)
        self.signed = QDateEdit(QDate.currentDate(), self)
        self.signed.setObjectName("signed_on")
        self.signed.setCalendarPopup(True)
        self.has_end = QCheckBox(self.tr("Valid until"), self)
        self.has_end.setObjectName("has_end")
        self.end = QDateEdit(QDate.currentDate().addYears(3), self)
        self.end.setObjectName("expires_on")
        self.end.setCalendarPopup(True)
        self.end.setEnabled(False)
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.end, 1)
        self.scan_button = QPushButton(self.tr("Attach scan…"), self)
        self.scan_button.setObjectName("attach_scan")
        self.scan_label = QLabel(self.tr("No scan attached"), self)
        self.scan_label.setObjectName("scan_label")
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_button)
        scan_row.addWidget(self.scan_label, 1)
        self.message = wrapped_label(self, name="message")
        self.message.setStyleSheet("color: #8e0000;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Record consents"))
        self.ok.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("Form number:"), row)
        form.addRow(self.tr("Signed by:"), self.person)
        form.addRow(self.tr("Signed on:"), self.signed)
        form.addRow("", end_row)
        form.addRow(self.tr("Scan:"), scan_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.ticks)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.number.returnPressed.connect(self.lookup)  # QR scanners type the number and Enter
        self.lookup_button.clicked.connect(self.lookup)
        self.has_end.toggled.connect(self.end.setEnabled)
        self.scan_button.clicked.connect(self.choose_scan)
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        self._fill_persons()
        self.resize(560, 480)

    def _fill_persons(self) -> None:
        try:
            detail = ClientService(self.service.vault, self.service.policy).get(self.client_id)
        except Exception:
            return
        for p in detail.persons:
            self.person.addItem(p.name, p.id)

    def lookup(self) -> None:
        """Find the form and show one check box per box printed on it."""
        for box, _ in self.boxes:
            box.deleteLater()
        self.boxes.clear()
        self.info = None
        self.ok.setEnabled(False)
        try:
            info = self.service.form_info(self.number.text())
            if info.client_id is not None and info.client_id != self.client_id:
                raise InvalidState("form_other_client")
        except Exception as exc:
            self.message.setText(consent_error(exc))
            return
        self.info = info
        self.number.setText(info.form_no)
        self.message.clear()
        names = {p.code: p.name(self.lang) for p in info.purposes}
        for tick in info.ticks:
            text = fmt(self.tr("%1 — %2"), names.get(tick.code, tick.code), scope_label(tick.scope))
            box = QCheckBox(text, self.ticks)
            box.setObjectName(f"tick_{tick.code}_{tick.scope.value}")
            self.ticks_layout.addWidget(box)
            self.boxes.append((box, tick))
        if not info.ticks:
            self.message.setText(self.tr("This form has no boxes to tick."))
        if info.person_id is not None:
            index = self.person.findData(info.person_id)
            if index >= 0:
                self.person.setCurrentIndex(index)
            self.person.setEnabled(False)
        self.ok.setEnabled(True)

    def choose_scan(self, path: str | None = None) -> None:
        """Attach the scan of the signed paper (PDF or image, up to 10 MB)."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Scan of the signed form"), "", self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)")
            )
        if not path:
            return
        file = Path(path)
        try:
            if file.stat().st_size > MAX_SCAN_BYTES:  # refuse before reading a huge file into memory
                raise ValidationError({"scan": "too_large"})
            data = file.read_bytes()
            from clientvault.services.consent import sniff_scan

            sniff_scan(data)
        except OSError:
            self.message.setText(self.tr("The scan could not be read."))
            return
        except ValidationError as exc:
            self.message.setText(consent_error(exc))
            return
        self.scan = data
        self.scan_label.setText(fmt(self.tr("%1 (%2 KB)"), file.name, max(1, len(data) // 1024)))
        self.message.clear()

    def record(self) -> None:
        """Grant the ticked consents; stay open with a message on any refusal."""
        if self.info is None:
            return
        ticked = [tick for box, tick in self.boxes if box.isChecked()]
        end: date | None = self.end.date().toPython() if self.has_end.isChecked() else None  # type: ignore[assignment]
        signed: date = self.signed.date().toPython()  # type: ignore[assignment]
        try:
            self.service.return_form(
                self.info.form_no,
                self.client_id,
                ticked,
                scan=self.scan,
                person_id=self.person.currentData(),
                signed_on=signed,
                expires_on=end,
            )
        except Exception as exc:
            self.message.setText(consent_error(exc))
            return
        self.accept()
