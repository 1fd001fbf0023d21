"""How long a purpose's data is kept, as told to a person or an inspector: one text, from the rules.

The printed 告知同意书, the answer to an access request (PDF and workbook), the record of processing
activities and the Purposes page all show :func:`retention_statement`, computed from the firm's
retention rules (services.retention) the same way sealing decides what to keep: while the
engagement lasts (or until consent is withdrawn); after the end, the categories a rule requires
for the rule's period counted from the first day after the end of the accounting year in which
the engagement ended (会计档案管理办法 第十四条); everything else erased at sealing. Editing a rule
changes every one of them at once. A purpose's own ``retention_years`` is not shown anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from clientvault.core.records import DataCategory
from clientvault.documents import consent_form as cf
from clientvault.services.context import Vault
from clientvault.services.purposes import Purpose
from clientvault.services.retention import PERSON_ROLES, rule_until
from clientvault.storage.retention import RetentionRepository, RetentionRule

__all__ = ["CATEGORY_CLASSES", "kept_after_end", "retention_statement", "retention_statements"]

#: Which item classes of a client (services.retention.ITEM_CLASSES) hold each data category.
CATEGORY_CLASSES: dict[DataCategory, tuple[str, ...]] = {
    DataCategory.IDENTITY: ("client.identity", *(f"person.{r}" for r in PERSON_ROLES)),
    DataCategory.CONTACT: ("client.contact", *(f"person.{r}.contact" for r in PERSON_ROLES)),
    DataCategory.ID_DOCUMENT: tuple(f"person.{r}.id_number" for r in PERSON_ROLES),
    DataCategory.BANK: ("item.bank_account",),
    DataCategory.CREDENTIALS: ("item.tax_login", "item.social_insurance_login"),
}

#: English names of the shipped retention rules (the rules' own titles are Chinese).
_RULE_EN = {
    "accounting_vouchers": "accounting vouchers",
    "accounting_ledgers": "account books",
    "tax_records": "tax records",
    "tax_returns": "tax returns",
    "bank_statements": "bank statements",
    "bank_reconciliations": "bank reconciliations",
    "financial_reports": "financial reports",
    "handover_register": "handover register",
}


def _rule_title(rule: RetentionRule, lang: str) -> str:
    if lang == "en":
        return _RULE_EN.get(rule.category, rule.category.replace("_", " "))
    return (rule.title or rule.category).split("（")[0]


def kept_after_end(
    categories: frozenset[DataCategory], rules: Sequence[RetentionRule], lang: str
) -> tuple[cf.KeptAfterEnd, ...]:
    """The categories a retention rule requires after the engagement ends, grouped by the deciding rule.

    For each category: the applicable rule that keeps any of its item classes longest (the same
    choice as sealing, services.retention.covering_rule). Categories no rule covers are erased at
    sealing and appear in no group.
    """
    start = date(2000, 1, 1)  # any start: rules are compared by length
    groups: dict[str, tuple[RetentionRule, list[str]]] = {}
    for category in DataCategory:
        if category not in categories:
            continue
        classes = set(CATEGORY_CLASSES.get(category, ()))
        covering = [r for r in rules if r.applies and classes & set(r.covers)]
        if not covering:
            continue
        rule = max(covering, key=lambda r: (rule_until(r, start), r.category))
        groups.setdefault(rule.category, (rule, []))[1].append(category.value)
    ordered = sorted(groups.values(), key=lambda g: (-rule_until(g[0], start).toordinal(), g[0].category))
    return tuple(
        cf.KeptAfterEnd(tuple(cats), rule.years, rule.permanent, _rule_title(rule, lang)) for rule, cats in ordered
    )


def retention_statement(purpose: Purpose, rules: Sequence[RetentionRule], lang: str) -> str:
    """The retention of one purpose's data in ``lang``: the very text the 告知同意书 prints."""
    printed = cf.FormPurpose(
        code=purpose.code,
        name="",
        description="",
        lawful_basis=purpose.lawful_basis.value,
        categories=tuple(c.value for c in DataCategory if c in purpose.categories),
        retention_years=0,
        necessary=purpose.necessary,
        separate_sensitive=False,
        third_party=False,
        kept_after_end=kept_after_end(purpose.categories, rules, lang),
    )
    return cf.retention_text(printed, lang)


def retention_statements(vault: Vault, purposes: Sequence[Purpose], lang: str) -> dict[str, str]:
    """:func:`retention_statement` of each purpose, by code, under the firm's current rules."""
    rules = RetentionRepository(vault.db).rules()
    return {p.code: retention_statement(p, rules, lang) for p in purposes}
