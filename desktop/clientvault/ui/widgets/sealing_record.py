"""The sealing record of a locked client: what sealing kept (with the rule that requires it) and
what it erased (PIPL Arts 19 and 47: only what a retention rule requires is kept).

Items are named by their kind in words (法定代表人：身份证号码, 银行账户, …) and, for kept persons,
by the name the opened record holds; rules by their title (会计凭证, …). No code is shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from clientvault.services.locking import SealingRecord
from clientvault.services.retention import RetentionRule
from clientvault.ui.i18n import fmt, format_timestamp

translate = QCoreApplication.translate


def item_class_name(cls: str) -> str:
    """The translated name of an item class (``person.legal_rep.id_number`` → "Legal representative: ID number").

    The words are the retention rules editor's (translation context ``RetentionRulesEditor``).
    """
    roles = {
        "legal_rep": translate("RetentionRulesEditor", "Legal representative"),
        "owner": translate("RetentionRulesEditor", "Owner"),
        "shareholder": translate("RetentionRulesEditor", "Shareholder"),
        "finance_contact": translate("RetentionRulesEditor", "Finance contact"),
        "contact": translate("RetentionRulesEditor", "Contact"),
    }
    fixed = {
        "client.identity": translate("RetentionRulesEditor", "Client: name, code, address"),
        "client.contact": translate("RetentionRulesEditor", "Client: phone and e-mail"),
        "client.notes": translate("RetentionRulesEditor", "Client: notes"),
        "item.bank_account": translate("RetentionRulesEditor", "Bank accounts"),
        "item.tax_login": translate("RetentionRulesEditor", "Tax-bureau logins"),
        "item.social_insurance_login": translate("RetentionRulesEditor", "Social-insurance logins"),
        "consent_evidence": translate("RetentionRulesEditor", "Scans of signed notice and consent forms"),
    }
    if cls in fixed:
        return fixed[cls]
    parts = cls.split(".")  # person.<role>[.id_number|.contact]
    role = parts[1] if len(parts) > 1 else cls
    sub = parts[2] if len(parts) > 2 else ""
    name = roles.get(role, role)
    if not sub:
        return name
    if sub == "id_number":
        return fmt(translate("RetentionRulesEditor", "%1: ID number"), name)
    return fmt(translate("RetentionRulesEditor", "%1: phone, e-mail, address"), name)


class SealingRecordView(QTreeWidget):
    """Each sealing of the client: when, until when, the erasure certificate; kept items with their
    rule, erased items."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sealing_record")
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Item"), self.tr("Kept because of")])
        self.setRootIsDecorated(True)

    def show_records(
        self, records: Sequence[SealingRecord], rules: Sequence[RetentionRule], persons: Sequence[dict[str, Any]] = ()
    ) -> None:
        """Fill the tree from the sealing records (``persons``: the opened record's, to name kept persons)."""
        self.clear()
        titles = {r.category: r.title or r.category for r in rules}
        names = {f"person:{p.get('id')}": str(p.get("name") or "") for p in persons}
        for record in records:
            head = QTreeWidgetItem(
                self,
                [
                    fmt(self.tr("Sealed on %1, kept until %2"), format_timestamp(record.sealed_at),
                        record.retention_until),
                    fmt(self.tr("Erasure certificate %1"), record.certificate_no) if record.certificate_no else "",
                ],
            )  # fmt: skip
            kept = QTreeWidgetItem(head, [fmt(self.tr("Kept (%1)"), len(record.kept)), ""])
            for k in record.kept:
                QTreeWidgetItem(kept, [self.item_text(k, names), titles.get(k.get("rule", ""), k.get("rule", ""))])
            erased = QTreeWidgetItem(head, [fmt(self.tr("Erased at sealing (%1)"), len(record.erased)), ""])
            # Erased persons' names are gone: items of one kind are one line, with their number.
            for text, count in Counter(self.item_text(e, {}) for e in record.erased).items():
                line = text if count == 1 else fmt(self.tr("%1 × %2"), text, count)
                QTreeWidgetItem(erased, [line, self.tr("No retention rule requires it")])
        self.expandAll()
        self.resizeColumnToContents(0)

    def item_text(self, entry: dict[str, str], names: dict[str, str]) -> str:
        """An item as words: its class, and the kept person's name when the record has it."""
        text = item_class_name(entry.get("class", ""))
        person = entry.get("item", "").split(".")[0]
        if names.get(person):
            text = fmt(self.tr("%1 — %2"), text, names[person])
        return text
