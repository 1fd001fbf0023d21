"""Record the handover of a client's accounting archives and print its 移交清册 (partner, privacy officer).

When a client relationship ends, the client's archives go back to the client (or to the firm it
moves to): what (the retention rules' categories), to whom, which years, when, signed. The list is
previewed and printed from memory, or saved as a PDF recorded in the export register.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError, ValidationError
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.handover import Handover, HandoverService, handover_number
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt, format_date
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.pdf import PdfPreviewDialog
from clientvault.ui.widgets.text import wrapped_label

_UNKNOWN_YEAR = 1949  # the spin boxes' "not known" value (the service takes 1950–2100)


class HandoverDialog(QDialog):
    """What was handed over, to whom, which years, when, signed; the client's earlier handovers; print."""

    def __init__(
        self,
        vault: Vault,
        client_id: int | None = None,
        parent: QWidget | None = None,
        *,
        operations: Operations | None = None,
        lang: str = "zh",
    ) -> None:
        super().__init__(parent)
        self.service = HandoverService(vault)
        self.operations = operations
        self.lang = lang
        self.setWindowTitle(self.tr("Hand over accounting archives"))
        self.resize(640, 640)
        intro = wrapped_label(
            self,
            self.tr(
                "A client's accounting archives belong to the client. When the relationship ends, record what "
                "was handed over, to whom and when; the handover list (移交清册) is signed by both sides and "
                "kept for 30 years."
            ),
        )
        self.client = QSpinBox(self)
        self.client.setObjectName("client")
        self.client.setRange(1, 2_000_000_000)
        if client_id is not None:
            self.client.setValue(client_id)
        self.recipient = QLineEdit(self)
        self.recipient.setObjectName("recipient")
        self.recipient.setMaxLength(200)
        self.recipient.setPlaceholderText(self.tr("The client, or the firm that takes over its books"))
        self.categories = QListWidget(self)
        self.categories.setObjectName("categories")
        for rule in self.service.categories():
            item = QListWidgetItem(rule.title or rule.category, self.categories)
            item.setData(Qt.ItemDataRole.UserRole, rule.category)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.years_from, self.years_to = self._year_box("years_from"), self._year_box("years_to")
        years = QHBoxLayout()
        years.addWidget(self.years_from)
        years.addWidget(QLabel("–", self))
        years.addWidget(self.years_to)
        years.addStretch(1)
        self.handed_on = QDateEdit(QDate.currentDate(), self)
        self.handed_on.setObjectName("handed_on")
        self.handed_on.setCalendarPopup(True)
        self.handed_on.setDisplayFormat("yyyy-MM-dd")
        self.handed_on.setMaximumDate(QDate.currentDate())
        self.signed = QCheckBox(self.tr("The recipient signed the handover list"), self)
        self.signed.setObjectName("signed")
        self.signed.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Client no.:"), self.client)
        form.addRow(self.tr("Handed over to:"), self.recipient)
        form.addRow(self.tr("Archives handed over:"), self.categories)
        form.addRow(self.tr("Accounting years:"), years)
        form.addRow(self.tr("Day of handover:"), self.handed_on)
        form.addRow("", self.signed)
        self.record_button = QPushButton(self.tr("Record handover"), self)
        self.record_button.setObjectName("record")
        self.message = wrapped_label(self, name="message")
        self.history = QListWidget(self)
        self.history.setObjectName("handovers")
        self.print_button = QPushButton(self.tr("Preview and print the list…"), self)
        self.print_button.setObjectName("print")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Handovers of this client:"), self))
        layout.addWidget(self.history, 1)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(close)
        self.record_button.clicked.connect(lambda: self.record())
        self.print_button.clicked.connect(lambda: self.preview())
        self.client.valueChanged.connect(lambda _v: self.reload())
        self.history.itemSelectionChanged.connect(self._selection_changed)
        self.reload()

    def _year_box(self, name: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(_UNKNOWN_YEAR, 2100)
        box.setSpecialValueText(self.tr("not known"))
        box.setValue(_UNKNOWN_YEAR)
        return box

    def _year(self, box: QSpinBox) -> int | None:
        return None if box.value() == _UNKNOWN_YEAR else box.value()

    def chosen(self) -> tuple[str, ...]:
        """The categories ticked, in the rules' order."""
        items = (self.categories.item(i) for i in range(self.categories.count()))
        return tuple(str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked)

    def describe(self, h: Handover) -> str:
        """One line of the history: number, day, recipient, signed or not."""
        signed = self.tr("signed") if h.signed else self.tr("not signed yet")
        day = format_date(h.handed_at[:10])
        return fmt(self.tr("%1 · %2 · to %3 · %4 categories · %5"), handover_number(h), day, h.recipient,
                   len(h.categories), signed)  # fmt: skip

    def reload(self) -> None:
        """List the chosen client's handovers."""
        self.history.clear()
        try:
            records = self.service.handovers(self.client.value())
        except KnownError as exc:
            self.message.setText(error_message(exc))
            records = []
        for h in records:
            item = QListWidgetItem(self.describe(h), self.history)
            item.setData(Qt.ItemDataRole.UserRole, h.id)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.print_button.setEnabled(self.selected_id() is not None)

    def selected_id(self) -> int | None:
        """The handover selected in the history."""
        items = self.history.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def field_errors(self, errors: dict[str, str]) -> str:
        """The refusals, one sentence per field."""
        texts = {
            ("recipient", "required"): self.tr("Say who received the archives."),
            ("recipient", "too_long"): self.tr("The recipient's name is too long (at most 200 characters)."),
            ("categories", "required"): self.tr("Tick at least one kind of archive."),
            ("categories", "unknown"): self.tr("A ticked kind of archive is no longer in the retention rules."),
            ("years", "range"): self.tr("The years must run from an earlier to a later year (1950–2100)."),
            ("handed_on", "future"): self.tr("The day of the handover cannot be in the future."),
        }
        return " ".join(texts.get((f, c), fmt(self.tr("%1: not valid."), f)) for f, c in sorted(errors.items()))

    def record(self) -> int | None:
        """Record the handover as entered; show why not when refused."""
        qd = self.handed_on.date()
        try:
            hid = self.service.record(
                self.client.value(),
                self.chosen(),
                self.recipient.text(),
                years=(self._year(self.years_from), self._year(self.years_to)),
                handed_on=date(qd.year(), qd.month(), qd.day()),
                signed=self.signed.isChecked(),
            )
        except ValidationError as exc:
            self.message.setText(self.field_errors(exc.errors))
            return None
        except KnownError as exc:
            self.message.setText(error_message(exc))
            return None
        self.reload()
        for i in range(self.history.count()):
            if self.history.item(i).data(Qt.ItemDataRole.UserRole) == hid:
                self.history.setCurrentRow(i)
        self.message.setText(fmt(self.tr("Handover recorded as %1."), handover_number(self.service.get(hid))))
        if self.operations is not None:
            self.operations.report(Changes(), self)  # the audit log gained an event
        return hid

    def preview(self) -> PdfPreviewDialog | None:
        """Show the selected handover list for printing or saving (saving registers the file)."""
        hid = self.selected_id()
        if hid is None:
            return None
        try:
            pdf = self.service.pdf(hid, lang=self.lang)
        except KnownError as exc:
            self.message.setText(error_message(exc))
            return None

        def save(path: Path) -> object:
            entry = self.service.save(hid, path, lang=self.lang)
            if self.operations is not None:
                self.operations.report(Changes(exports=True), self)
            return entry

        dialog = PdfPreviewDialog(
            pdf, self.tr("Handover list"), self, save=save, file_name="handover-list.pdf", describe_error=error_message
        )
        dialog.setObjectName("handover_preview")
        dialog.open()
        return dialog
