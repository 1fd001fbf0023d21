"""The client page's history: the audit events about this client (roles that may see them)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from clientvault.services.audit import AuditService
from clientvault.services.clients import ClientService
from clientvault.ui.models.clients import ClientHistoryTableModel
from clientvault.ui.widgets.tables import Selection, make_table_view


class HistorySection(QWidget):
    """The events about one client, newest first; re-read after each reveal and change."""

    def __init__(self, service: ClientService, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.client_id = client_id
        self.view = make_table_view(self, "history", selection=Selection.ExtendedSelection, fit_columns=False)
        self.model: ClientHistoryTableModel | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def fill(self) -> None:
        """Read the client's events again."""
        if self.model is None:
            names = AuditService(self.service.vault).user_names()
            self.model = ClientHistoryTableModel(names, self)
            self.view.setModel(self.model)
        self.model.set_events(self.service.history(self.client_id))
        self.view.resizeColumnsToContents()
