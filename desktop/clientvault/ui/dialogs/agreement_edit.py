"""Record an agreement: an entrustment agreement with a client (PIPL Art 21) or one with a recipient (Art 23).

One dialog for both: the party (a client, or a recipient of the list and the recipient's role), the
date signed, the term, the scope, the purposes and categories, the recipient's security duties and
what happens to the data at the end. A refusal stays in the dialog with everything typed kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.core.records import DataCategory
from clientvault.services.agreements import EndHandling
from clientvault.services.context import Vault
from clientvault.services.purposes import PurposeService
from clientvault.services.recipient_agreements import AgreementKind
from clientvault.services.recipients import RecipientService
from clientvault.ui.dialogs.purpose_edit import category_label
from clientvault.ui.errors import error_message
from clientvault.ui.widgets.form_fields import date_edit, edited_day, short_text, tick_grid, ticked
from clientvault.ui.widgets.register_page import finish_form
from clientvault.ui.widgets.text import wrapped_label

translate = QCoreApplication.translate


def end_handling_name(handling: EndHandling) -> str:
    """The translated end-of-agreement handling."""
    return {
        EndHandling.RETURN: translate("Agreements", "Returned to the other party"),
        EndHandling.DELETE: translate("Agreements", "Deleted"),
        EndHandling.RETURN_AND_DELETE: translate("Agreements", "Returned, then deleted"),
    }[handling]


def agreement_kind_name(kind: AgreementKind) -> str:
    """The translated role of a recipient under its agreement."""
    return {
        AgreementKind.PROVISION: translate("Agreements", "Recipient (provision, Art 23)"),
        AgreementKind.ENTRUSTED: translate("Agreements", "Processor entrusted by the firm (Art 21)"),
    }[kind]


def state_name(state: str) -> str:
    """The translated state of an agreement."""
    return {
        "open": translate("Agreements", "In force"),
        "ended": translate("Agreements", "Ended: return or deletion to confirm"),
        "closed": translate("Agreements", "Ended: return or deletion confirmed"),
    }.get(state, state)


def categories_text(codes: tuple[str, ...], lang: str) -> str:
    """Translated categories in the catalogue's order, joined as the language does."""
    order = [c.value for c in DataCategory]
    known = sorted((c for c in codes if c in order), key=order.index)
    return ("、" if lang == "zh" else ", ").join(category_label(c) for c in known)


class AgreementTermsDialog(QDialog):
    """The agreement's fields; ``save`` (given by the page) records it and returns what was recorded."""

    def __init__(
        self,
        vault: Vault,
        save: Callable[..., object],
        *,
        lang: str,
        clients: list[tuple[int, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.save = save
        self.created: object | None = None
        self.with_recipient = clients is None
        self.setWindowTitle(
            self.tr("New agreement with a recipient") if self.with_recipient else self.tr("New entrustment agreement")
        )
        self.party = QComboBox(self)
        self.party.setObjectName("party")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        if self.with_recipient:
            self.party.addItem(self.tr("(choose a recipient)"), None)
            for r in RecipientService(vault).list():
                self.party.addItem(r.name(lang), r.id)
            for k in AgreementKind:
                self.kind.addItem(agreement_kind_name(k), k.value)
        else:
            for cid, name in clients or []:
                self.party.addItem(name, cid)
        today = QDate.currentDate()
        self.signed = date_edit(self, "signed_on", today)
        self.has_end = QCheckBox(self.tr("Term ends on"), self)
        self.has_end.setObjectName("has_end")
        self.has_end.setChecked(True)
        self.ends = date_edit(self, "ends_on", today.addYears(1))
        self.has_end.toggled.connect(self.ends.setEnabled)
        self.scope = short_text(self, "scope")
        self.duties = short_text(self, "security_duties")
        purposes, self.purpose_boxes = tick_grid(
            self, ((p.code, p.name(lang)) for p in PurposeService(vault).catalogue()), 2, prefix="purpose_"
        )
        cats, self.category_boxes = tick_grid(
            self, ((c, category_label(c.value)) for c in DataCategory), 3, prefix="category_"
        )
        self.handling = QComboBox(self)
        self.handling.setObjectName("end_handling")
        for h in EndHandling:
            self.handling.addItem(end_handling_name(h), h.value)
        self.handling.setCurrentIndex(self.handling.findData(EndHandling.DELETE.value))
        self.error = wrapped_label(self, name="error")
        form = QFormLayout()
        form.addRow(self.tr("Recipient:") if self.with_recipient else self.tr("Client:"), self.party)
        if self.with_recipient:
            form.addRow(self.tr("The recipient is:"), self.kind)
        else:
            self.kind.setVisible(False)
        form.addRow(self.tr("Signed on:"), self.signed)
        form.addRow(self.has_end, self.ends)
        form.addRow(self.tr("Scope:"), self.scope)
        form.addRow(self.tr("Purposes:"), purposes)
        form.addRow(self.tr("Categories:"), cats)
        if self.with_recipient:
            form.addRow(self.tr("Security duties:"), self.duties)
        else:
            self.duties.setVisible(False)
        form.addRow(self.tr("At the end, the data is:"), self.handling)
        finish_form(self, form, self.error, self.submit)

    def tick(self, purposes: list[str], categories: list[str]) -> None:
        """Tick purposes and categories (tests, and the client page's payroll preset)."""
        for code in purposes:
            self.purpose_boxes[code].setChecked(True)
        for c in categories:
            self.category_boxes[DataCategory(c)].setChecked(True)

    def submit(self) -> None:
        """Record the agreement; an error stays in the dialog with the fields kept."""
        terms = {
            "scope": self.scope.toPlainText(),
            "purposes": ticked(self.purpose_boxes),
            "categories": [c.value for c in ticked(self.category_boxes)],
            "signed_on": edited_day(self.signed),
            "ends_on": edited_day(self.ends) if self.has_end.isChecked() else None,
            "end_handling": self.handling.currentData(),
        }
        if self.with_recipient:
            terms["kind"] = self.kind.currentData()
            terms["security_duties"] = self.duties.toPlainText()
        try:
            self.created = self.save(self.party.currentData(), **terms)
        except KnownError as exc:
            self.error.setText(error_message(exc))
            return
        self.accept()
