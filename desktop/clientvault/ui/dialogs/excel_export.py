"""Export to Excel (the filtered list, the open client's record, or one person's) and the partner's requests list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.core.roles import Role
from clientvault.services.exports import ExportEntry, ExportService
from clientvault.services.spreadsheet_export import ExcelExportService, ExportScope
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt
from clientvault.ui.operations import Operations, Progress


class ExcelExportDialog(QDialog):
    """Choose what to export and why; save into the export register (off the GUI thread)."""

    sig_saved = Signal(object)
    """A workbook was saved (its :class:`ExportEntry`)."""

    def __init__(
        self,
        service: ExcelExportService,
        operations: Operations,
        list_scope: ExportScope,
        parent: QWidget | None = None,
        *,
        client_id: int | None = None,
        client_name: str = "",
        person_id: int | None = None,
        person_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("excel_export")
        self.setWindowTitle(self.tr("Export to Excel"))
        self.service = service
        self.operations = operations
        self.list_scope = list_scope
        self.client_id = client_id
        self.entry: ExportEntry | None = None
        self.whole_list = QRadioButton(self.tr("The client &list, as searched and filtered"), self)
        self.whole_list.setObjectName("scope_list")
        self.whole_list.setChecked(True)
        self.one_client = QRadioButton(fmt(self.tr("The &record of %1"), client_name), self)
        self.one_client.setObjectName("scope_client")
        self.one_client.setVisible(client_id is not None and person_id is None)
        # One person's record (an access or copy request): that person on every client the role sees.
        self.person_id = person_id
        self.one_person = QRadioButton(
            fmt(self.tr("The personal &information of %1 (access or copy request)"), person_name), self
        )
        self.one_person.setObjectName("scope_person")
        self.one_person.setVisible(person_id is not None)
        if person_id is not None:
            self.whole_list.setVisible(False)
            self.one_person.setChecked(True)
        self.purpose = QLineEdit(self)
        self.purpose.setObjectName("export_purpose")
        self.purpose.setPlaceholderText(self.tr("Why the data leaves the vault (kept in the export register)"))
        self.unmasked = QCheckBox(self.tr("Full ID and account numbers (otherwise masked)"), self)
        self.unmasked.setObjectName("export_unmasked")
        self.unmasked.setVisible(service.vault.session.role is Role.PARTNER)
        self.info = QLabel(self)
        self.info.setObjectName("export_info")
        self.info.setWordWrap(True)
        self.request = QPushButton(self.tr("Ask a partner to &approve"), self)
        self.request.setObjectName("export_request")
        self.request.clicked.connect(self.ask_approval)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(self.tr("&Save…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("export_save")
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Purpose:"), self.purpose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.whole_list)
        layout.addWidget(self.one_client)
        layout.addWidget(self.one_person)
        layout.addLayout(form)
        layout.addWidget(self.unmasked)
        layout.addWidget(self.info)
        row = QHBoxLayout()
        row.addWidget(self.request)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        for w in (self.whole_list, self.one_client, self.one_person, self.unmasked):
            w.toggled.connect(self.refresh)
        self.purpose.textChanged.connect(self.refresh)
        self.refresh()

    def scope(self) -> ExportScope:
        """What the dialog says to export."""
        if self.one_person.isChecked() and self.person_id is not None:
            return ExportScope(kind="person", person_id=self.person_id)
        if self.one_client.isChecked() and self.client_id is not None:
            return ExportScope(kind="client", client_id=self.client_id)
        return self.list_scope

    def _approval(self) -> int | None:
        """An approved, unused request of the acting user for this export, if any."""
        scope, purpose = self.scope(), self.purpose.text().strip()
        for a in self.service.approvals(pending_only=False):
            same = a.scope == scope.fingerprint() and a.purpose == purpose and a.unmasked == self.unmasked.isChecked()
            if a.status == "approved" and same:
                return a.id
        return None

    def refresh(self) -> None:
        """Row count, threshold and whether an approval is needed or at hand."""
        try:
            rows = self.service.count(self.scope())
            needs = self.service.needs_approval(rows)
            approved = self._approval() if needs else None
        except KnownError as exc:
            self.info.setText(error_message(exc))
            self.save_button.setEnabled(False)
            self.request.setVisible(False)
            return
        text = fmt(self.tr("%1 rows."), rows)
        if needs and approved is None:
            text += " " + fmt(
                self.tr("Exports above %1 rows need a partner's approval first: ask for it, then save."),
                self.service.threshold(),
            )
        elif needs:
            text += " " + self.tr("A partner approved this export.")
        self.info.setText(text)
        has_purpose = bool(self.purpose.text().strip())
        self.request.setVisible(needs and approved is None)
        self.request.setEnabled(has_purpose)
        self.save_button.setEnabled(has_purpose and (not needs or approved is not None) and rows > 0)

    def ask_approval(self) -> None:
        """File a request for a partner."""
        try:
            number = self.service.request(self.scope(), self.purpose.text(), unmasked=self.unmasked.isChecked())
        except KnownError as exc:
            self.info.setText(error_message(exc))
            return
        self.info.setText(fmt(self.tr("Request %1 sent. Save once a partner has approved it."), number))
        self.request.setEnabled(False)

    def choose_file(self) -> None:
        """Ask where to save, then write off the GUI thread."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the workbook"), "", self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.save_to(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def save_to(self, path: Path) -> None:
        """Render and save into the export register."""
        scope, purpose, unmasked = self.scope(), self.purpose.text(), self.unmasked.isChecked()
        approval = self._approval() if self.service.needs_approval(self.service.count(scope)) else None
        service = self.service

        def work(progress: Progress) -> ExportEntry:
            return service.save(scope, path, purpose, unmasked=unmasked, approval_id=approval)

        self.save_button.setEnabled(False)
        self.info.setText(self.tr("Saving…"))
        self.operations.run(work, on_success=self._saved, on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.info.setText(error_message(exc))
        self.save_button.setEnabled(True)

    def _saved(self, entry: ExportEntry) -> None:
        self.entry = entry
        self.sig_saved.emit(entry)
        self.accept()


class ExportRequestsDialog(QDialog):
    """A partner's list of export requests waiting for a decision."""

    def __init__(self, service: ExcelExportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_requests")
        self.setWindowTitle(self.tr("Export requests"))
        self.service = service
        self.list = QListWidget(self)
        self.list.setObjectName("requests")
        approve = QPushButton(self.tr("&Approve"), self)
        approve.setObjectName("approve")
        refuse = QPushButton(self.tr("&Refuse"), self)
        refuse.setObjectName("refuse")
        close = QPushButton(self.tr("Close"), self)
        approve.clicked.connect(lambda: self.decide(True))
        refuse.clicked.connect(lambda: self.decide(False))
        close.clicked.connect(self.accept)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(approve)
        row.addWidget(refuse)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        """List the pending requests."""
        self.list.clear()
        names = ExportService(self.service.vault).user_names()
        for a in self.service.approvals():
            text = fmt(self.tr("#%1 · %2 · %3 rows · %4"), a.id, names.get(a.requested_by, ""), a.row_count, a.purpose)
            if a.unmasked:
                text += " · " + self.tr("unmasked")
            item = QListWidgetItem(text)
            item.setData(256, a.id)
            self.list.addItem(item)

    def decide(self, approve: bool) -> None:
        """Approve or refuse the selected request."""
        item = self.list.currentItem()
        if item is None:
            return
        request_id = int(item.data(256))
        try:
            self.service.decide(request_id, approve)
        except KnownError as exc:
            self.error.setStyleSheet("color: #b00020;")
            self.error.setText(error_message(exc))
            return
        self.reload()
        # Say what happened: the request leaves the list either way.
        done = (
            self.tr("Request #%1 approved: the accountant can now save the file.")
            if approve
            else self.tr("Request #%1 refused: no file will be saved for it.")
        )
        self.error.setStyleSheet("color: #1b5e20;")
        self.error.setText(fmt(done, request_id))
