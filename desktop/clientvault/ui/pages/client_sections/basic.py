"""The client page's basic data: each field with the purposes that need it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from clientvault.core.records import FIELD_CATEGORY, ClientDetail
from clientvault.ui.client_labels import field_label, kind_name
from clientvault.ui.i18n import fmt, format_date
from clientvault.ui.pages.client_sections.reasons import FieldReasons, reason_label

BASIC_FIELDS = (
    "kind",
    "uscc",
    "tax_no",
    "industry",
    "address",
    "phone",
    "email",
    "engagement_start",
    "engagement_end",
    "accountants",
    "notes",
)


class BasicSection(QWidget):
    """Read-only basic data; address and notes are not shown to a role with masked contacts."""

    def __init__(self, reasons: FieldReasons, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reasons = reasons
        self.form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        self.cells: dict[str, QWidget] = {}
        self.reason_labels: dict[str, QLabel] = {}
        for f in BASIC_FIELDS:
            value = QLabel(self)
            value.setObjectName(f"basic_{f}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            cell = QWidget(self)
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(0)
            cell_layout.addWidget(value)
            if f"client.{f}" in FIELD_CATEGORY:
                self.reason_labels[f] = reason_label(f"reason_client_{f}", self)
                cell_layout.addWidget(self.reason_labels[f])
            self.form.addRow(fmt(self.tr("%1:"), field_label(f)), cell)
            self.values[f] = value
            self.cells[f] = cell

    def fill(self, d: ClientDetail, accountant_names: dict[int, str]) -> None:
        """Show ``d``."""
        values = {
            "kind": kind_name(d.kind),
            "uscc": d.uscc,
            "tax_no": d.tax_no,
            "industry": d.industry,
            "address": d.address,
            "phone": d.phone,
            "email": d.email,
            "engagement_start": format_date(d.engagement_start) if d.engagement_start else "",
            "engagement_end": format_date(d.engagement_end) if d.engagement_end else "",
            "accountants": "、".join(accountant_names.get(i, "?") for i in d.accountant_ids),
            "notes": d.notes,
        }
        for f, label in self.values.items():
            label.setText(values[f] or "—")
        for f, reason in self.reason_labels.items():
            self.reasons.show(reason, f"client.{f}")
            lbl = self.form.labelForField(self.cells[f])
            if lbl is not None:
                lbl.setToolTip(reason.text())
        # Address and notes are not shown at all to a role with masked contacts.
        for f in ("address", "notes"):
            self.form.setRowVisible(self.cells[f], not d.contacts_masked)
