"""The consent overview (privacy officer, partner): clients missing consent, pending forms, expiring, withdrawn."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.services.changes import Changes
from clientvault.services.client_names import ClientName, client_names
from clientvault.services.consent import OVERVIEW_BUCKETS, ConsentService, IssuedForm, OverviewRow
from clientvault.services.context import Vault
from clientvault.ui.client_names import client_caption
from clientvault.ui.dialogs.return_form import consent_error
from clientvault.ui.i18n import fmt, format_number
from clientvault.ui.models.lazy import Index as _Index
from clientvault.ui.models.lazy import LazyTableModel
from clientvault.ui.operations import Operation, Operations
from clientvault.ui.widgets.consent_tab import FormPreviewDialog
from clientvault.ui.widgets.tables import Selection, make_table_view
from clientvault.ui.widgets.text import embolden, wrapped_label


class OverviewTableModel(LazyTableModel[OverviewRow]):
    """Clients of one bucket, fetched page by page."""

    def __init__(self, service: ConsentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.bucket: str | None = "missing"
        self.names: dict[int, ClientName] = {}  # name and credit code per listed client
        self.headers = [
            self.tr("Client"),
            self.tr("Pending"),
            self.tr("Granted"),
            self.tr("Refused"),
            self.tr("Expiring"),
            self.tr("Expired"),
            self.tr("Withdrawn"),
            self.tr("Ask again"),
            self.tr("Persons without consent"),
        ]

    def set_bucket(self, bucket: str | None) -> None:
        """Show another bucket (``None``: every client)."""
        self.bucket = bucket
        self.reload()

    def fetch_page(self, loaded: Sequence[OverviewRow], limit: int) -> list[OverviewRow]:
        rows = self.service.overview(self.bucket, limit=limit, offset=len(loaded))
        self.names.update(client_names(self.service.vault, (r.client_id for r in rows)))
        return rows

    def header_labels(self) -> Sequence[str]:
        return self.headers

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                client_caption(self.names.get(r.client_id), r.client_id),
                r.pending, r.granted, r.refused, r.expiring, r.expired, r.withdrawn, r.reconsent,
                r.missing_persons,
            )  # fmt: skip
            return str(values[index.column()])
        if role == Qt.ItemDataRole.UserRole:
            return r
        return None


class ConsentOverviewPage(QWidget):
    """Counts per bucket as toggle buttons; the clients of the chosen bucket; batch printing."""

    def __init__(
        self, vault: Vault, operations: Operations, *, lang: str = "zh", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.lang = lang
        self.service = ConsentService(vault)
        self.batch: Operation | None = None
        heading = embolden(QLabel(self.tr("Consent overview"), self))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.bucket_buttons: dict[str, QPushButton] = {}
        buckets = QHBoxLayout()
        for key in OVERVIEW_BUCKETS:
            button = QPushButton(self)
            button.setObjectName(f"bucket_{key}")
            button.setCheckable(True)
            self.group.addButton(button)
            self.bucket_buttons[key] = button
            buckets.addWidget(button)
            button.clicked.connect(lambda _=False, k=key: self.show_bucket(k))
        buckets.addStretch(1)
        self.model = OverviewTableModel(self.service, self)
        self.view = make_table_view(
            self, "overview", self.model, selection=Selection.ExtendedSelection, fit_columns=False, stretch_last=False
        )
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.print_button = QPushButton(self.tr("Print forms for the selected clients…"), self)
        self.print_button.setObjectName("batch_print")
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.erasure = QLabel(self)
        self.erasure.setObjectName("erasure")
        self.message = wrapped_label(self, name="message")
        actions = QHBoxLayout()
        actions.addWidget(self.print_button)
        actions.addWidget(self.progress)
        actions.addStretch(1)
        actions.addWidget(self.erasure)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(buckets)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.print_button.clicked.connect(self.print_selected)
        self.refresh()
        self.show_bucket("missing")

    def _labels(self) -> dict[str, str]:
        return {
            "missing": self.tr("No consent yet: %1"),
            "pending": self.tr("Forms out: %1"),
            "expiring": self.tr("Expiring in 30 days: %1"),
            "expired": self.tr("Expired: %1"),
            "withdrawn": self.tr("Withdrawn: %1"),
            "reconsent": self.tr("Notice changed: %1"),
        }

    def apply_changes(self, changes: Changes) -> None:
        """Counts and the list follow consents, clients and erasure requests."""
        if changes.touches("consent", "clients", "requests", "settings"):
            self.refresh()
            self.model.reload()

    def refresh(self) -> None:
        """Update the counts on the bucket buttons and the erasure queue."""
        counts = self.service.overview_counts()
        for key, template in self._labels().items():
            self.bucket_buttons[key].setText(fmt(template, format_number(counts.get(key, 0))))
        # Consent belongs to the person (PIPL Art 14): how many persons have none of their own.
        self.bucket_buttons["missing"].setText(
            fmt(
                self.tr("No consent yet (%2 persons): %1"),
                format_number(counts.get("missing", 0)),
                format_number(counts.get("missing_persons", 0)),
            )
        )
        flagged = len(self.service.erasure_candidates())
        self.erasure.setText(fmt(self.tr("Items flagged for erasure: %1"), format_number(flagged)))

    def show_bucket(self, bucket: str) -> None:
        """List the clients of one bucket."""
        self.bucket_buttons[bucket].setChecked(True)
        self.model.set_bucket(bucket)

    def selected_ids(self) -> list[int]:
        """Client ids of the selected rows, in list order."""
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.item(r).client_id for r in rows]

    def print_selected(self) -> None:
        """Issue one form per selected client off the GUI thread, then preview the batch."""
        ids = self.selected_ids()
        if not ids or (self.batch is not None and not self.batch.done):
            return
        self.print_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, len(ids))

        def work(progress: Any) -> list[IssuedForm]:
            return self.service.issue_forms(ids, lang=self.lang, progress=progress.report, preview=True)

        self.batch = self.operations.run(
            work, on_success=self._printed, on_failure=self._failed, on_progress=self._progressed
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _printed(self, forms: object) -> None:
        self.print_button.setEnabled(True)
        self.progress.setVisible(False)
        assert isinstance(forms, list)
        if forms:  # nothing is issued until the batch is printed or saved (then _batch_issued)
            count = len(forms[0].pending)
            dialog = FormPreviewDialog(self.service, forms[0], self)
            dialog.sig_saved.connect(lambda: self.operations.report(Changes(exports=True), self))
            dialog.sig_issued.connect(lambda: self._batch_issued(count))
            dialog.setObjectName("batch_preview")
            dialog.open()
            self.message.setText(
                fmt(self.tr("%1 forms ready: they are issued when printed or saved."), format_number(count))
            )

    def _batch_issued(self, count: int) -> None:
        self.refresh()
        self.model.set_bucket(self.model.bucket)
        self.operations.report(Changes(consent=True), self)
        self.message.setText(fmt(self.tr("%1 forms issued."), format_number(count)))

    def _failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        self.progress.setVisible(False)
        self.message.setText(consent_error(exc))
