"""Returning a signed consent form: scan or type the number, tick what the client ticked, attach the scan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeyEvent
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
from clientvault.ui.i18n import fmt, format_date
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
            "form_outdated": translate(
                "Consent",
                "The purposes changed since this preview opened, so it was not issued. Close it and open a new one.",
            ),
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
    """Records a signed form: the ticked boxes become granted consents, the scan their evidence.

    Two deliberate steps, because a form is used once: (1) the form number — Enter, which is what a
    handheld QR scanner sends after the number, only looks the form up and moves to the first tick
    box; nothing in this step saves; (2) "Review…" shows a summary (agreed / not agreed per purpose,
    scan attached or not) and only "Record consents" there saves it.
    """

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
        self.signed.setDisplayFormat("yyyy-MM-dd")
        self.has_end = QCheckBox(self.tr("Valid until"), self)
        self.has_end.setObjectName("has_end")
        self.end = QDateEdit(QDate.currentDate().addYears(3), self)
        self.end.setObjectName("expires_on")
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
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
        self.ok.setText(self.tr("&Review…"))
        self.ok.setObjectName("review")
        self.ok.setEnabled(False)
        for b in self.buttons.buttons():  # Enter in a field must never press a button of this dialog
            if isinstance(b, QPushButton):
                b.setAutoDefault(False)
                b.setDefault(False)
        self.lookup_button.setAutoDefault(False)
        # Step 2: the summary, and the only button that saves.
        self.review_box = QGroupBox(self.tr("Check before recording (a form is used once)"), self)
        self.review_box.setObjectName("review_box")
        self.summary = wrapped_label(self.review_box, name="summary")
        self.confirm_button = QPushButton(self.tr("Record consents"), self.review_box)
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.setAutoDefault(False)
        self.back_button = QPushButton(self.tr("&Back"), self.review_box)
        self.back_button.setObjectName("back")
        self.back_button.setAutoDefault(False)
        review_row = QHBoxLayout()
        review_row.addStretch(1)
        review_row.addWidget(self.back_button)
        review_row.addWidget(self.confirm_button)
        review_layout = QVBoxLayout(self.review_box)
        review_layout.addWidget(self.summary)
        review_layout.addLayout(review_row)
        self.review_box.setVisible(False)

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
        layout.addWidget(self.review_box)
        layout.addWidget(self.buttons)
        self.entry = [self.number, self.lookup_button, self.person, self.signed, self.has_end, self.end]
        self.entry += [self.scan_button, self.ticks]

        self.number.returnPressed.connect(self.lookup)  # QR scanners type the number and Enter
        self.lookup_button.clicked.connect(self.lookup)
        self.has_end.toggled.connect(self.end.setEnabled)
        self.scan_button.clicked.connect(self.choose_scan)
        self.buttons.accepted.connect(self.review)
        self.buttons.rejected.connect(self.reject)
        self.confirm_button.clicked.connect(self.record)
        self.back_button.clicked.connect(self.back)
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
            box.show()  # now, not at the next layout pass: the focus moves to it below
            self.boxes.append((box, tick))
        if not info.ticks:
            self.message.setText(self.tr("This form has no boxes to tick."))
        if info.person_id is not None:
            index = self.person.findData(info.person_id)
            if index >= 0:
                self.person.setCurrentIndex(index)
            self.person.setEnabled(False)
        self.ok.setEnabled(True)
        if self.boxes:  # the scanner's Enter ends here: the user goes on ticking what the paper says
            self.boxes[0][0].setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A dialog presses its default button on Enter; here Enter never saves (in the number field it
        # looks the form up, through returnPressed; Space ticks a box, the buttons are clicked).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def summary_text(self) -> str:
        """What will be recorded: agreed / not agreed per box, who signed, when, and the scan."""
        assert self.info is not None
        lines = [fmt(self.tr("Form %1, signed by %2 on %3."), self.info.form_no, self.person.currentText(),
                     format_date(self.signed.date().toString("yyyy-MM-dd")))]  # fmt: skip
        for box, _tick in self.boxes:
            mark = self.tr("agreed") if box.isChecked() else self.tr("not agreed")
            lines.append(fmt(self.tr("• %1: %2"), box.text(), mark))
        lines.append(self.tr("Scan attached.") if self.scan else self.tr("No scan attached."))
        if not any(box.isChecked() for box, _ in self.boxes):
            lines.append(self.tr("Nothing is ticked: the form is recorded as refused for every purpose."))
        return "\n".join(lines)

    def review(self) -> None:
        """Step 2: show the summary; only "Record consents" saves."""
        if self.info is None:
            return
        self.summary.setText(self.summary_text())
        for w in self.entry:
            w.setEnabled(False)
        self.ok.setEnabled(False)
        self.review_box.setVisible(True)
        self.back_button.setFocus()

    def back(self) -> None:
        """Back to step 1 to change the ticks, the scan or the dates."""
        self.review_box.setVisible(False)
        for w in self.entry:
            w.setEnabled(True)
        self.end.setEnabled(self.has_end.isChecked())
        self.person.setEnabled(self.info is None or self.info.person_id is None)
        self.ok.setEnabled(self.info is not None)

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
