"""The consent tab the client page embeds: consents, forms, why each field is collected.

``ConsentTab(vault, operations, client_id, lang=...)`` — ``lang`` is the document language
(``"zh"`` or ``"en"``) used for printed forms and purpose names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clientvault.services.changes import Changes
from clientvault.services.consent import ConsentService, ConsentView, IssuedForm
from clientvault.services.context import Vault
from clientvault.services.form_correction import FormCorrectionService, may_correct
from clientvault.ui.dialogs.form_correction import FormCorrectionDialog
from clientvault.ui.dialogs.return_form import ReturnFormDialog, consent_error, scope_label, status_label
from clientvault.ui.i18n import fmt
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.pdf import PdfPreviewDialog
from clientvault.ui.widgets.person_consents import PersonConsentTable
from clientvault.ui.widgets.tables import make_table_view, selected_item
from clientvault.ui.widgets.text import wrapped_label

_Index = QModelIndex | QPersistentModelIndex


class ConsentTableModel(QAbstractTableModel):
    """A client's consents (a handful per client, so loaded at once)."""

    def __init__(self, service: ConsentService, client_id: int, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.client_id = client_id
        self.lang = lang
        self.rows: list[ConsentView] = []
        self.names: dict[str, str] = {}
        self.persons: dict[int | None, str] = {}
        self.headers = [
            self.tr("Person"),
            self.tr("Purpose"),
            self.tr("Consent"),
            self.tr("Status"),
            self.tr("Form"),
            self.tr("Granted"),
            self.tr("Valid until"),
            self.tr("Withdrawn"),
        ]

    def reload(self) -> None:
        """Read the consents again."""
        self.beginResetModel()
        self.rows = self.service.consents(self.client_id)
        self.names = {p.code: p.name(self.lang) for p in self.service.purposes.catalogue(include_inactive=True)}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            status = status_label(c.status)
            if c.needs_reconsent:
                status = fmt(self.tr("%1 (notice changed: ask again)"), status)
            return [
                self.persons.get(c.person_id, "") or self.tr("The client (no named person)"),
                self.names.get(c.purpose_code, c.purpose_code),
                scope_label(c.scope),
                status,
                c.form_no,
                c.granted_on,
                c.expires_on,
                c.withdrawn_on,
            ][index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return c
        return None


class FormPreviewDialog(PdfPreviewDialog):
    """Preview of a form, with Print and Save (saving records the file in the export register).

    Opening the preview issues nothing: the form (its number, its pending consents) is recorded
    when it is printed or saved (``ConsentService.issue_previewed``); closed unused, it leaves no trace.
    """

    sig_saved = Signal()
    """The form was saved to a file (and entered in the export register)."""
    sig_issued = Signal()
    """The previewed form was issued (recorded) because it was printed or saved."""

    def __init__(self, service: ConsentService, form: IssuedForm, parent: QWidget | None = None) -> None:
        super().__init__(
            form.pdf,
            self.tr("Consent form %1").replace("%1", form.form_no.split(",")[0]),
            parent,
            printed=self._printed_now,
            save=self._save,
            file_name="consent-form.pdf",
            describe_error=consent_error,
        )
        self.service = service
        self.form = form

    def _issue(self) -> None:
        """Record the previewed form(s) now that they leave the screen (once)."""
        if self.form.pending:
            self.form = self.service.issue_previewed(self.form)
            self.sig_issued.emit()

    def _printed_now(self) -> None:
        try:
            self._issue()
            self.service.print_recorded(self.form)
        except Exception as exc:  # printed, but not recorded: the paper must not be handed out
            QMessageBox.warning(self, self.windowTitle(), consent_error(exc))

    def _save(self, path: Path) -> object:
        self._issue()
        saved = self.service.save_form(self.form, path)
        self.sig_saved.emit()
        return saved

    def print_form(self) -> None:
        """Send the form to a printer chosen by the user (nothing is written to disk)."""
        self.print_document()

    def save_form(self, path: str | None = None) -> None:
        """Save to a file the user picks, and register it."""
        self.save_document(path)


class ConsentTab(QWidget):
    """Consents of one client: print a form, return a signed one, withdraw, view the scan."""

    sig_changed = Signal()
    """Consents changed (granted or withdrawn): the client page may refresh what opens."""

    def __init__(
        self,
        vault: Vault,
        operations: Operations,
        client_id: int,
        *,
        lang: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = ConsentService(vault)
        self.operations = operations
        self.client_id = client_id
        self.lang = lang
        self.model = ConsentTableModel(self.service, client_id, lang, self)
        self.view = make_table_view(self, "consents", self.model, fit_columns=False, stretch_last=False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.print_button = QPushButton(self.tr("Print consent form…"), self)
        self.print_button.setObjectName("print_form")
        self.return_button = QPushButton(self.tr("Return signed form…"), self)
        self.return_button.setObjectName("return_form")
        self.withdraw_button = QPushButton(self.tr("Withdraw consent"), self)
        self.withdraw_button.setObjectName("withdraw")
        self.scan_button = QPushButton(self.tr("View scan"), self)
        self.scan_button.setObjectName("view_scan")
        self.correct_button = QPushButton(self.tr("Correct a returned form…"), self)
        self.correct_button.setObjectName("correct_form")
        self.correct_button.setVisible(may_correct(vault.session.role))
        buttons = QHBoxLayout()
        for b in (self.print_button, self.return_button, self.withdraw_button, self.scan_button, self.correct_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.reasons = QTableWidget(0, 2, self)
        self.reasons.setObjectName("field_reasons")
        self.reasons.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Collected for")])
        self.reasons.verticalHeader().hide()
        self.reasons.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.reasons.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.reasons.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status = wrapped_label(self, name="status")

        self.persons = PersonConsentTable(self.service, client_id, lang, self)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Consent by person (select a person to print their form)"), self))
        layout.addWidget(self.persons, 1)
        layout.addWidget(self.view, 2)
        layout.addWidget(QLabel(self.tr("Why each field is collected"), self))
        layout.addWidget(self.reasons, 1)
        layout.addWidget(self.status)

        self.print_button.clicked.connect(self.print_form)
        self.return_button.clicked.connect(self.return_form)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.scan_button.clicked.connect(self.view_scan)
        self.correct_button.clicked.connect(lambda: self.correct_form())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def _field_names(self) -> dict[str, str]:
        return {
            "client.name": self.tr("Name"),
            "client.uscc": self.tr("Unified social credit code"),
            "client.tax_no": self.tr("Tax number"),
            "client.industry": self.tr("Industry"),
            "client.address": self.tr("Address"),
            "client.phone": self.tr("Phone"),
            "client.email": self.tr("E-mail"),
            "person.name": self.tr("Person: name"),
            "person.id_number": self.tr("Person: ID number"),
            "person.phone": self.tr("Person: phone"),
            "person.email": self.tr("Person: e-mail"),
            "person.address": self.tr("Person: address"),
            "sensitive.bank_account": self.tr("Bank account"),
            "sensitive.tax_login": self.tr("Tax-bureau login"),
            "sensitive.social_insurance_login": self.tr("Social-insurance login"),
        }

    def reload(self) -> None:
        """Refresh consents, the per-person table and field reasons."""
        self.persons.reload()
        self.model.persons = {r.person_id: self.persons.person_text(r) for r in self.persons.rows}
        self.model.reload()
        self.view.resizeColumnsToContents()
        reasons = self.service.field_reasons(self.client_id, self.lang)
        baseline = {c.value for c in self.service.baseline_categories()}
        from clientvault.core.records import FIELD_CATEGORY

        names = self._field_names()
        self.reasons.setRowCount(len(reasons))
        for row, (field, purposes) in enumerate(reasons.items()):
            if purposes:
                why = "、".join(purposes) if self.lang == "zh" else ", ".join(purposes)
            elif FIELD_CATEGORY[field].value in baseline:
                why = self.tr("Needed to identify and contact the client")
            else:
                why = self.tr("Not collected: no active purpose needs it")
            self.reasons.setItem(row, 0, QTableWidgetItem(names.get(field, field)))
            self.reasons.setItem(row, 1, QTableWidgetItem(why))
        self.reasons.resizeColumnToContents(0)
        self._selection_changed()

    def selected(self) -> ConsentView | None:
        """The selected consent."""
        return selected_item(self.view, self.model.rows.__getitem__)

    def _selection_changed(self, *_: object) -> None:
        c = self.selected()
        self.withdraw_button.setEnabled(c is not None and c.status in ("granted", "pending"))
        self.scan_button.setEnabled(c is not None and c.evidence_id is not None)

    def print_form(self) -> FormPreviewDialog | None:
        """Show forms for printing or saving (issued when printed or saved): one per signer (PIPL Art 14).

        With a person selected in the per-person table, that person's form; otherwise a form for
        each person who still owes an answer (one PDF).
        """
        person = self.persons.selected_person()
        try:
            if person is not None:
                form = self.service.preview_form(self.client_id, person_id=person.person_id, lang=self.lang)
            else:
                previews = self.service.issue_forms([self.client_id], lang=self.lang, preview=True)
                if not previews:
                    self.status.setText(
                        self.tr("Everyone has answered every purpose. Select a person to print their form again.")
                    )
                    return None
                form = previews[0]
        except Exception as exc:
            self.status.setText(consent_error(exc))
            return None
        dialog = FormPreviewDialog(self.service, form, self)
        dialog.sig_issued.connect(self._form_issued)
        dialog.sig_saved.connect(lambda: self.operations.report(Changes(exports=True), self))
        dialog.setObjectName("form_preview")
        dialog.open()
        return dialog

    def correct_form(self) -> FormCorrectionDialog:
        """Open the correction of a returned form (the selected consent's form, if any)."""
        c = self.selected()
        dialog = FormCorrectionDialog(FormCorrectionService(self.service.vault, self.service), self.lang,
                                      c.form_no if c is not None else "", self)  # fmt: skip
        dialog.setObjectName("form_correction")
        dialog.sig_corrected.connect(self._corrected)
        dialog.open()
        return dialog

    def _corrected(self, _client_id: int) -> None:
        self.reload()
        self.status.setText(self.tr("The form's answers were corrected; the correction is in the audit log."))
        self.operations.report(Changes(consent=True), self)

    def _form_issued(self) -> None:
        self.reload()
        self.operations.report(Changes(consent=True), self)  # a form is out: the overview's "pending" count

    def return_form(self) -> ReturnFormDialog:
        """Open the return dialog for a signed form of this client."""
        dialog = ReturnFormDialog(self.service, self.client_id, self.lang, self)
        dialog.accepted.connect(self._returned)
        dialog.open()
        return dialog

    def _returned(self) -> None:
        self.reload()
        self.status.setText(self.tr("Consents recorded."))
        self.sig_changed.emit()

    def withdraw_selected(self, *, confirm: bool = True) -> None:
        """Withdraw the selected consent's purpose for its person (one action, effective at once)."""
        c = self.selected()
        if c is None:
            return
        name = self.model.names.get(c.purpose_code, c.purpose_code)
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Withdraw consent"),
                fmt(self.tr("Withdraw the consent to “%1”? Processing for it stops at once."), name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            result = self.service.withdraw(self.client_id, c.purpose_code, person_id=c.person_id)
        except Exception as exc:
            self.status.setText(consent_error(exc))
            return
        self.reload()
        self.status.setText(
            fmt(self.tr("Consent to “%1” withdrawn. %2 stored item(s) flagged for erasure."), name, len(result.flagged))
        )
        self.sig_changed.emit()

    def view_scan(self) -> QWidget | None:
        """Show the scan of the signed form (PDF in the preview; images in a label)."""
        c = self.selected()
        if c is None or c.evidence_id is None:
            return None
        try:
            mime, data = self.service.evidence(c.evidence_id)
        except Exception as exc:
            self.status.setText(consent_error(exc))
            return None
        if mime == "application/pdf":
            dialog: QWidget = PdfPreviewDialog(data, self.tr("Scan of the signed form"), self)
        else:
            from PySide6.QtGui import QPixmap
            from PySide6.QtWidgets import QDialog, QScrollArea

            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("Scan of the signed form"))
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            label = QLabel(dialog)
            label.setPixmap(pixmap)
            area = QScrollArea(dialog)
            area.setWidget(label)
            QVBoxLayout(dialog).addWidget(area)
            dialog.resize(700, 900)
        dialog.setObjectName("scan_view")
        dialog.show()
        return dialog
