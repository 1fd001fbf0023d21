"""The client page's entrusted-processing tab (PIPL Art 21): the client's entrustment agreements.

For the employees' payroll, individual income tax, social insurance and housing fund the firm
processes on the client's behalf; the agreement with the client is the basis, not each employee's
consent. The tab lists the agreements the acting role may see and records a new one (the payroll
purpose and its employee categories ticked). ``attach`` is the client page's one-line hook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from clientvault.core.roles import Capability, can
from clientvault.services.changes import Changes
from clientvault.services.entrustments import Entrustment, EntrustmentService
from clientvault.ui.dialogs.agreement_edit import AgreementTermsDialog, categories_text, end_handling_name, state_name
from clientvault.ui.i18n import fmt, format_date
from clientvault.ui.widgets.tables import make_table_view
from clientvault.ui.widgets.text import wrapped_label

if TYPE_CHECKING:
    from clientvault.ui.pages.client_detail import ClientDetailPage

PAYROLL = "payroll_social_insurance"
EMPLOYEE_CATEGORIES = ["identity", "id_document", "bank", "salary", "income_tax", "social_insurance", "housing_fund"]


class EntrustmentSection(QWidget):
    """The client's entrustment agreements and a button to record one."""

    def __init__(self, page: ClientDetailPage) -> None:
        super().__init__(page)
        self.setObjectName("entrustment_tab")
        self.page = page
        self.service = EntrustmentService(page.service.vault)
        self.rows: list[Entrustment] = []
        self.note = wrapped_label(
            self,
            self.tr(
                "The employees' payroll, individual income tax, social insurance and housing fund are processed "
                "on this client's behalf (PIPL Art 21): the entrustment agreement with the client is the basis, "
                "and no employee is asked for consent. Without an agreement in force the sharing log refuses to "
                "give those data out."
            ),
        )
        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Signed"), self.tr("Term"), self.tr("Categories"), self.tr("At the end"),
             self.tr("State")]
        )  # fmt: skip
        self.view = make_table_view(self, "entrustments", self.model)
        self.new_button = QPushButton(self.tr("Record entrustment agreement…"), self)
        self.new_button.setObjectName("new_entrustment")
        self.new_button.clicked.connect(lambda: self.record())
        self.status = wrapped_label(self, name="entrustment_status")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)

    @classmethod
    def attach(cls, page: ClientDetailPage) -> None:
        """Add (or refresh) the tab on the client page, for the roles with the registers."""
        if not can(page.service.role, Capability.REGISTERS):
            return
        section = page.findChild(EntrustmentSection, "entrustment_tab")
        if section is None:
            section = cls(page)
        section.fill()
        page.tabs.addTab(section, section.title())

    def title(self) -> str:
        """The tab's title with the number of agreements."""
        return fmt(self.tr("En&trusted processing (%1)"), len(self.rows))  # E is the page's Edit

    def fill(self) -> None:
        """Read the client's agreements again."""
        self.rows = self.service.entries(client_id=self.page.client_id)
        self.model.removeRows(0, self.model.rowCount())
        for e in self.rows:
            open_ended = self.tr("open-ended")
            term = f"{format_date(e.starts_on)} – {format_date(e.ends_on) if e.ends_on else open_ended}"
            cells = [e.number, format_date(e.signed_on), term, categories_text(e.categories, self.page.lang),
                     end_handling_name(e.end_handling), state_name(e.state)]  # fmt: skip
            self.model.appendRow([QStandardItem(c) for c in cells])

    def record(self) -> AgreementTermsDialog:
        """Open the dialog for this client, the payroll purpose and its categories ticked (returned: tests)."""
        name = self.page.detail.name if self.page.detail is not None else ""
        dialog = AgreementTermsDialog(
            self.page.service.vault, self.service.record, lang=self.page.lang, clients=[(self.page.client_id, name)],
            parent=self,
        )  # fmt: skip
        if PAYROLL in dialog.purpose_boxes:
            dialog.tick([PAYROLL], EMPLOYEE_CATEGORIES)
        dialog.accepted.connect(self._recorded)
        dialog.open()
        return dialog

    def _recorded(self) -> None:
        self.status.setText(self.tr("Entrustment agreement recorded."))
        self.page.reload()
        self.page.operations.report(Changes(requests=True), self.page)
