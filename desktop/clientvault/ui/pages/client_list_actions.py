"""The client list's file actions: new client or prospect, import from Excel, export, export requests.

A mixin of :class:`~clientvault.ui.pages.clients.ClientsPage` (split from it to keep each module
small); its texts keep the "ClientsPage" translation context. Also the list's table view.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableView, QWidget

from clientvault.core.roles import Capability, Role, Scope, scope
from clientvault.services.changes import Changes
from clientvault.services.imports import ImportService
from clientvault.services.spreadsheet_export import ExcelExportService, ExportScope
from clientvault.ui.dialogs.client_edit import ClientEditDialog
from clientvault.ui.dialogs.excel_export import ExcelExportDialog, ExportRequestsDialog
from clientvault.ui.dialogs.import_wizard import ImportWizard
from clientvault.ui.dialogs.intake import IntakeDialog
from clientvault.ui.models.clients import ClientTableModel
from clientvault.ui.pages.client_detail import ClientDetailPage
from clientvault.ui.widgets.tables import make_table_view

translate = QCoreApplication.translate


def make_client_table(model: ClientTableModel, parent: QWidget) -> QTableView:
    """A read-only, row-selecting view over a client model (sortable on the columns the service sorts)."""
    view = make_table_view(parent, "", model, fit_columns=False)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    widths = {"name": 260, "kind": 130, "uscc": 170, "phone": 120, "status": 70, "accountants": 110}
    for col, name in enumerate(model.columns):
        if name in widths:
            view.setColumnWidth(col, widths[name])
    return view


class ClientListActions:
    """New, import, export: the buttons beside the search field and what they open."""

    def add_action_buttons(self, role: Role, filters: QHBoxLayout) -> None:
        """Add the buttons ``role`` may use to the filter row."""
        assert isinstance(self, QWidget)
        self.new_button: QPushButton | None = None
        edit_scope = scope(role, Capability.EDIT_CLIENTS)
        if edit_scope is not Scope.NONE:
            prospects = edit_scope is Scope.PROSPECTS
            text = translate("ClientsPage", "New &prospect…") if prospects else translate("ClientsPage", "&New client…")
            self.new_button = QPushButton(text, self)
            self.new_button.setObjectName("new_client")
            self.new_button.clicked.connect(self.new_client)
            filters.addWidget(self.new_button)
        self.import_button: QPushButton | None = None
        if scope(role, Capability.IMPORT_EXCEL) is not Scope.NONE:
            self.import_button = QPushButton(translate("ClientsPage", "&Import from Excel…"), self)
            self.import_button.setObjectName("import_excel")
            self.import_button.clicked.connect(self.import_excel)
            filters.addWidget(self.import_button)
        self.export_button: QPushButton | None = None
        if scope(role, Capability.EXPORT) not in (Scope.NONE, Scope.REGISTER_ONLY):
            self.export_button = QPushButton(translate("ClientsPage", "E&xport to Excel…"), self)
            self.export_button.setObjectName("export_excel")
            self.export_button.clicked.connect(self.export_excel)
            filters.addWidget(self.export_button)
        if role is Role.PARTNER:
            requests = QPushButton(translate("ClientsPage", "Export re&quests…"), self)
            requests.setObjectName("export_requests")
            requests.clicked.connect(self.export_requests)
            filters.addWidget(requests)

    def new_client(self) -> ClientEditDialog | IntakeDialog:
        """New client (partner, accountant) or new prospect (assistant, intake fields only)."""
        dialog: ClientEditDialog | IntakeDialog
        if scope(self.service.role, Capability.EDIT_CLIENTS) is Scope.PROSPECTS:
            dialog = IntakeDialog(self.service, self)
            dialog.sig_created.connect(self._created)
        else:
            dialog = ClientEditDialog(self.service, None, self)
            dialog.sig_saved.connect(self._created)
        dialog.open()
        return dialog

    def import_excel(self) -> ImportWizard:
        """Open the import wizard (file, mapping, preview, import)."""
        wizard = ImportWizard(ImportService(self.vault), self.operations, self)
        wizard.sig_imported.connect(lambda _result: self.apply_filter())
        wizard.open()
        return wizard

    def export_excel(self) -> ExcelExportDialog:
        """Export the list as searched and filtered, or the client whose tab is open."""
        flt = self.current_filter()
        list_scope = ExportScope(search=flt.text, status=flt.status, accountant_id=flt.accountant_id)
        page = self.tabs.currentWidget()
        detail = page.detail if isinstance(page, ClientDetailPage) else None
        dialog = ExcelExportDialog(
            ExcelExportService(self.vault),
            self.operations,
            list_scope,
            self,
            client_id=detail.id if detail else None,
            client_name=detail.name if detail else "",
        )
        dialog.sig_saved.connect(lambda _entry: self.operations.report(Changes(exports=True), self))
        dialog.open()
        return dialog

    def export_requests(self) -> ExportRequestsDialog:
        """The partner's list of export requests."""
        dialog = ExportRequestsDialog(ExcelExportService(self.vault), self)
        dialog.open()
        return dialog

    def _created(self, client_id: int) -> None:
        self.apply_filter()
        self.open_client(client_id)
        self.operations.report(Changes(clients=True), self)
