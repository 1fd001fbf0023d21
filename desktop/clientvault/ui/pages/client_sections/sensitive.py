"""The client page's sensitive items (PIPL Art 28): masked, each reveal with a purpose, add and remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.records import FIELD_CATEGORY, ClientDetail, SensitiveKind
from clientvault.ui.client_labels import sensitive_kind_name
from clientvault.ui.dialogs.reveal import RevealDialog, RevealTarget
from clientvault.ui.dialogs.sensitive_edit import SensitiveEditDialog
from clientvault.ui.i18n import fmt
from clientvault.ui.pages.client_sections.common import add_button, clear_layout
from clientvault.ui.pages.client_sections.reasons import REASON_STYLE, reason_label
from clientvault.ui.widgets.masked_value import MaskedValue
from clientvault.ui.widgets.text import wrapped_label

if TYPE_CHECKING:
    from clientvault.ui.pages.client_detail import ClientDetailPage


class SensitiveSection(QWidget):
    """Bank accounts and tax / social-insurance logins, shown masked."""

    def __init__(self, page: ClientDetailPage) -> None:
        super().__init__(page)
        self.page = page
        self.grid = QGridLayout()
        self.buttons_row = QHBoxLayout()
        self.masked_values: dict[int, MaskedValue] = {}
        host = QWidget(self)
        host.setLayout(self.grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        why = wrapped_label(
            self,
            self.tr(
                "Sensitive personal information (PIPL Art. 28): shown masked; each reveal needs a purpose and "
                "is recorded in the audit log."
            ),
        )
        why.setStyleSheet("color: #555;")
        self.reasons_box = QGroupBox(self.tr("Why these items are collected"), self)
        self.reasons_form = QFormLayout(self.reasons_box)
        self.reason_labels: dict[SensitiveKind, QLabel] = {}
        for kind in SensitiveKind:
            self.reason_labels[kind] = reason_label(f"reason_sensitive_{kind.value}", self)
            self.reasons_form.addRow(fmt(self.tr("%1:"), sensitive_kind_name(kind)), self.reason_labels[kind])
        self.minimised_note = wrapped_label(self, name="minimised_note")
        self.minimised_note.setStyleSheet(REASON_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addWidget(scroll, 1)
        layout.addLayout(self.buttons_row)
        layout.addWidget(self.minimised_note)
        layout.addWidget(self.reasons_box)

    def conceal(self) -> None:
        """Hide every revealed value now."""
        for mv in self.masked_values.values():
            mv.conceal()

    def fill(self, d: ClientDetail) -> None:
        """Show the items of ``d``, masked, with what the role may do."""
        reasons = self.page.field_reasons
        self.conceal()
        clear_layout(self.grid)
        self.masked_values = {}
        clear_layout(self.buttons_row)
        names = {p.id: p.name for p in d.persons}
        for col, text in enumerate((self.tr("Kind"), self.tr("Description"), self.tr("Value"))):
            self.grid.addWidget(QLabel(f"<b>{text}</b>", self), 0, col)
        if not d.sensitive:
            self.grid.addWidget(QLabel(self.tr("No sensitive items are stored for this client."), self), 1, 0, 1, 3)
        for row, item in enumerate(d.sensitive, start=1):
            allowed = d.can_reveal_ids if item.kind is SensitiveKind.BANK_ACCOUNT else d.can_reveal_credentials
            label = item.label + (fmt(self.tr(" — %1"), names[item.person_id]) if item.person_id in names else "")
            kind_label = QLabel(sensitive_kind_name(item.kind), self)
            kind_label.setToolTip(reasons.text(f"sensitive.{item.kind.value}"))
            self.grid.addWidget(kind_label, row, 0)
            desc = QLabel(label, self)
            desc.setWordWrap(True)
            self.grid.addWidget(desc, row, 1)
            mv = MaskedValue(item.masked, can_reveal=allowed, clipboard=self.page.clipboard, parent=self)
            mv.setObjectName(f"item_{item.id}")
            mv.reveal_button.setAccessibleName(fmt(self.tr("Reveal %1"), sensitive_kind_name(item.kind)))
            mv.sig_reveal_requested.connect(lambda i=item.id: self.reveal_item(i))
            self.grid.addWidget(mv, row, 2)
            self.masked_values[item.id] = mv
            if d.can_edit and allowed:
                rm = QPushButton(self.tr("Remove"), self)
                rm.setObjectName(f"remove_item_{item.id}")
                rm.clicked.connect(lambda _=False, i=item.id: self.remove_item(i))
                self.grid.addWidget(rm, row, 3)
        self.grid.setColumnStretch(1, 1)
        self.grid.setRowStretch(len(d.sensitive) + 2, 1)
        if d.can_edit and self.fillable_kinds():
            self.add_item_button = add_button(self, self.buttons_row, "add_item", self.tr("Add &item…"), self.add_item)
        self.buttons_row.addStretch(1)
        # Minimisation: kinds this role could store but no purpose in force needs are not offered.
        withheld = [k for k in self.storable_kinds() if k not in self.fillable_kinds()] if d.can_edit else []
        self.minimised_note.setText(
            fmt(
                self.tr(
                    "Not offered for new items: %1 — no purpose in force for this client needs it "
                    "(record the engagement or the client's consent first)."
                ),
                reasons.join(sensitive_kind_name(k) for k in withheld),
            )
            if withheld
            else ""
        )
        self.minimised_note.setVisible(bool(withheld))
        shown = set(self.storable_kinds()) | {i.kind for i in d.sensitive}
        for kind, reason in self.reason_labels.items():
            reasons.show(reason, f"sensitive.{kind.value}")
            self.reasons_form.setRowVisible(reason, kind in shown and bool(reason.text()))
        self.reasons_box.setVisible(bool(reasons.reasons) and bool(shown))

    def storable_kinds(self) -> list[SensitiveKind]:
        """The kinds this role may store at all."""
        d = self.page.detail
        if d is None:
            return []
        kinds = [SensitiveKind.BANK_ACCOUNT] if d.can_reveal_ids else []
        if d.can_reveal_credentials:
            kinds += [SensitiveKind.TAX_LOGIN, SensitiveKind.SOCIAL_INSURANCE_LOGIN]
        return kinds

    def fillable_kinds(self) -> list[SensitiveKind]:
        """The kinds this role may store and a purpose in force for this client needs (offered in Add item)."""
        return [k for k in self.storable_kinds() if self.page.field_reasons.may_fill(f"sensitive.{k.value}")]

    def reveal_item(self, item_id: int) -> RevealDialog:
        """Ask for a purpose and reveal a sensitive item."""
        d = self.page.detail
        assert d is not None
        item = next(x for x in d.sensitive if x.id == item_id)
        target = RevealTarget(
            "item",
            item_id,
            self.page.client_id,
            FIELD_CATEGORY[f"sensitive.{item.kind.value}"],
            fmt(self.tr("%1 — %2, client %3"), sensitive_kind_name(item.kind), item.label, d.name),
            item.masked,
        )
        return self.page.open_reveal(target)

    def add_item(self) -> SensitiveEditDialog | None:
        """Open the dialog for a new sensitive item (None when no kind may be stored now)."""
        d = self.page.detail
        assert d is not None
        kinds = self.fillable_kinds()
        if not kinds:
            return None
        dialog = SensitiveEditDialog(self.page.service, self.page.client_id, kinds, d.persons, self.page)
        dialog.accepted.connect(self.page.edited)
        dialog.open()
        return dialog

    def remove_item(self, item_id: int) -> None:
        """Delete a sensitive item after confirmation."""
        answer = QMessageBox.question(self, self.tr("Remove item"), self.tr("Delete this sensitive item for good?"))
        if answer == QMessageBox.StandardButton.Yes and self.page.run(
            lambda: self.page.service.remove_sensitive(item_id)
        ):
            self.page.edited()
