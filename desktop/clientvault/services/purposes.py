"""The purpose catalogue and the policies that decide which purpose allows processing.

A policy object plugs into :class:`~clientvault.services.clients.ClientService`. Two exist:

* :class:`EngagementPurposePolicy` — lawful-basis purposes of an active engagement only (the
  policy before consent tracking; kept for tests and tools that have no catalogue).
* :class:`ConsentPurposePolicy` — the default: reads the versioned catalogue and the consents.
  Consent-based purposes need a granted, unexpired, unwithdrawn consent of that person (or a
  client-level consent, or — for client-level items — any consent of the client); contract and
  legal-obligation purposes need an active engagement. Sensitive categories of a purpose that
  asks for separate consent (PIPL Art 29) need the separate "sensitive" consent as well.

Both also answer which data categories may be *filled in* for a client (minimisation,
GB/T 35273 §5.2): identity and contact data are always allowed (needed to conclude the
engagement, PIPL Art 13(2)); every other category needs an active purpose that declares it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from clientvault.core.errors import ConsentMissing, NotFound, ValidationError, VersionConflict
from clientvault.core.records import FIELD_CATEGORY, ClientStatus, DataCategory
from clientvault.core.roles import Capability
from clientvault.core.validation import free_text
from clientvault.services.context import Vault
from clientvault.storage.consent import ConsentRepository, PurposeRepository

#: Categories any client record may hold: identify the client and reach them (Art 13(2)).
BASELINE_CATEGORIES: frozenset[DataCategory] = frozenset({DataCategory.IDENTITY, DataCategory.CONTACT})
#: Sensitive categories (PIPL Art 28): they need separate consent where a purpose asks for it.
SENSITIVE_CATEGORIES: frozenset[DataCategory] = frozenset(
    {DataCategory.ID_DOCUMENT, DataCategory.BANK, DataCategory.CREDENTIALS}
)


class LawfulBasis(StrEnum):
    """PIPL Art 13 grounds the catalogue uses."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"


@dataclass(frozen=True)
class PurposeOption:
    """A purpose the user can pick when revealing a value."""

    code: str
    lawful_basis: str
    name_zh: str = ""  # the catalogue's own names (a firm may rename its purposes)
    name_en: str = ""


@dataclass(frozen=True)
class Purpose:
    """One version of a purpose in the catalogue."""

    id: int
    code: str
    version: int
    name_zh: str
    name_en: str
    description_zh: str
    description_en: str
    lawful_basis: LawfulBasis
    categories: frozenset[DataCategory]
    retention_years: int  # 0: kept until the consent ends
    necessary: bool  # necessary for the service (Art 16: optional ones may be refused)
    separate_sensitive: bool  # separate consent for its sensitive categories (Art 29)
    third_party: bool  # data given to a third party; separate consent (Art 23)
    recipients_zh: str = ""
    recipients_en: str = ""
    recipient_terms: str = ""  # what its recipients do with the data (services.recipients.recipient_terms)
    active: bool = True
    current: bool = True
    sort_order: int = 0
    created_at: str = ""

    @property
    def requires_consent(self) -> bool:
        """Whether processing for this purpose rests on the person's consent."""
        return self.lawful_basis is LawfulBasis.CONSENT

    @property
    def sensitive_categories(self) -> frozenset[DataCategory]:
        """The sensitive categories this purpose needs."""
        return self.categories & SENSITIVE_CATEGORIES

    def name(self, lang: str) -> str:
        """The purpose's name in a document language (``zh`` or ``en``)."""
        return self.name_zh if lang == "zh" else self.name_en

    def description(self, lang: str) -> str:
        """The description of the processing in a document language."""
        return self.description_zh if lang == "zh" else self.description_en

    def recipients(self, lang: str) -> str:
        """The third parties that receive data, in a document language."""
        return self.recipients_zh if lang == "zh" else self.recipients_en

    @property
    def notice_hash(self) -> str:
        """SHA-256 of everything the printed notice says about this purpose.

        Consents store it; a current version with a different hash asks for re-consent. It covers
        each named recipient's purpose of provision, method and categories (``recipient_terms``,
        PIPL Art 23) — only when recorded, so versions saved before they were keep their hash.
        """
        body = {
            "code": self.code,
            "name": [self.name_zh, self.name_en],
            "description": [self.description_zh, self.description_en],
            "basis": self.lawful_basis.value,
            "categories": sorted(c.value for c in self.categories),
            "retention_years": self.retention_years,
            "necessary": self.necessary,
            "separate_sensitive": self.separate_sensitive,
            "third_party": self.third_party,
            "recipients": [self.recipients_zh, self.recipients_en],
        }
        if self.recipient_terms:
            body["recipient_terms"] = self.recipient_terms
        return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PurposeInput:
    """What an editor may change in a purpose (saving creates a new version)."""

    name_zh: str
    name_en: str
    lawful_basis: LawfulBasis
    categories: frozenset[DataCategory]
    retention_years: int
    necessary: bool
    separate_sensitive: bool = False
    third_party: bool = False
    description_zh: str = ""
    description_en: str = ""
    recipients_zh: str = ""
    recipients_en: str = ""
    recipient_terms: str = ""  # set by RecipientService, never typed
    active: bool = True
    sort_order: int = 0

    @classmethod
    def from_purpose(cls, p: Purpose) -> PurposeInput:
        """The editable fields of an existing version (a starting point for an edit)."""
        return cls(
            name_zh=p.name_zh,
            name_en=p.name_en,
            lawful_basis=p.lawful_basis,
            categories=p.categories,
            retention_years=p.retention_years,
            necessary=p.necessary,
            separate_sensitive=p.separate_sensitive,
            third_party=p.third_party,
            description_zh=p.description_zh,
            description_en=p.description_en,
            recipients_zh=p.recipients_zh,
            recipients_en=p.recipients_en,
            recipient_terms=p.recipient_terms,
            active=p.active,
            sort_order=p.sort_order,
        )


def purpose_from_row(row: dict[str, Any]) -> Purpose:
    """Build a :class:`Purpose` from a repository row."""
    return Purpose(
        id=int(row["id"]),
        code=str(row["code"]),
        version=int(row["version"]),
        name_zh=str(row["name_zh"]),
        name_en=str(row["name_en"]),
        description_zh=str(row["description_zh"]),
        description_en=str(row["description_en"]),
        lawful_basis=LawfulBasis(row["lawful_basis"]),
        categories=parse_categories(str(row["categories"])),
        retention_years=int(row["retention_years"]),
        necessary=bool(row["necessary"]),
        separate_sensitive=bool(row["separate_sensitive"]),
        third_party=bool(row["third_party"]),
        recipients_zh=str(row["recipients_zh"]),
        recipients_en=str(row["recipients_en"]),
        recipient_terms=str(row.get("recipient_terms") or ""),
        active=bool(row["active"]),
        current=bool(row["current"]),
        sort_order=int(row["sort_order"]),
        created_at=str(row["created_at"]),
    )


def parse_categories(text: str) -> frozenset[DataCategory]:
    """Parse the stored comma-separated category list."""
    return frozenset(DataCategory(part) for part in text.split(",") if part)


_CODE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


class PurposeService:
    """Reads and edits the purpose catalogue (editing: partner and privacy officer)."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.repo = PurposeRepository(vault.db)

    def catalogue(self, *, include_inactive: bool = False) -> list[Purpose]:
        """The current version of every purpose (any logged-in role may read the catalogue)."""
        self.vault.require(Capability.VIEW_CLIENTS, "purposes")
        return [purpose_from_row(r) for r in self.repo.current(include_inactive=include_inactive)]

    def get(self, code: str) -> Purpose:
        """The current version of one purpose."""
        self.vault.require(Capability.VIEW_CLIENTS, f"purpose:{code}")
        row = self.repo.current_by_code(code)
        if row is None:
            raise NotFound("purpose", code)
        return purpose_from_row(row)

    def history(self, code: str) -> list[Purpose]:
        """Every version of a purpose, newest first."""
        self.vault.require(Capability.VIEW_CLIENTS, f"purpose:{code}")
        rows = self.repo.history(code)
        if not rows:
            raise NotFound("purpose", code)
        return [purpose_from_row(r) for r in rows]

    def save(self, code: str, data: PurposeInput, *, expected_version: int | None) -> Purpose:
        """Create a purpose (``expected_version=None``) or its next version; return what is current.

        Forms already printed keep pointing at the version they carry, so they are still accepted
        when they come back. Saving unchanged fields creates no version.

        Raises:
            AccessDenied: the role may not manage purposes.
            ValidationError: a field is invalid (codes per field).
            VersionConflict: someone saved a newer version since ``expected_version`` was loaded.
        """
        self.vault.require(Capability.MANAGE_PURPOSES, f"purpose:{code}")
        values = _clean_purpose(code, data)
        with self.vault.db.transaction():
            current = self.repo.current_by_code(code)
            found = int(current["version"]) if current else 0
            if found != (expected_version or 0):
                raise VersionConflict("purpose", 0, expected_version or 0, found)
            if current is not None:
                old = purpose_from_row(current)
                if _clean_purpose(code, PurposeInput.from_purpose(old)) == values:
                    return old
            pid = self.repo.add_version(code, values, self.vault.session.user_id)
            row = self.repo.by_id(pid)
            assert row is not None
            saved = purpose_from_row(row)
            self.vault.record("purpose.save", f"purpose:{code}", reason=f"v{saved.version}")
        return saved


def _clean_purpose(code: str, data: PurposeInput) -> dict[str, Any]:
    errors: dict[str, str] = {}
    if not (2 <= len(code) <= 40 and set(code) <= _CODE_CHARS and code[0].isalpha()):
        errors["code"] = "format"
    for name in ("name_zh", "name_en"):
        try:
            free_text(name, getattr(data, name), 100, required=True)
        except ValidationError as exc:
            errors.update(exc.errors)
    for name in ("description_zh", "description_en", "recipients_zh", "recipients_en"):
        try:
            free_text(name, getattr(data, name), 1000, multiline=True)
        except ValidationError as exc:
            errors.update(exc.errors)
    if not data.categories:
        errors["categories"] = "required"
    if not 0 <= data.retention_years <= 100:
        errors["retention_years"] = "range"
    if data.lawful_basis is not LawfulBasis.CONSENT and not data.necessary:
        # Only consent can be refused; a contract/legal purpose is by definition necessary.
        errors["necessary"] = "optional_needs_consent"
    if data.separate_sensitive and not (data.categories & SENSITIVE_CATEGORIES):
        errors["separate_sensitive"] = "no_sensitive_category"
    if data.third_party and not (data.recipients_zh.strip() and data.recipients_en.strip()):
        errors["recipients_zh" if not data.recipients_zh.strip() else "recipients_en"] = "required"
    if errors:
        raise ValidationError(errors)
    return {
        "name_zh": data.name_zh.strip(),
        "name_en": data.name_en.strip(),
        "description_zh": data.description_zh.strip(),
        "description_en": data.description_en.strip(),
        "lawful_basis": LawfulBasis(data.lawful_basis).value,
        "categories": ",".join(sorted(c.value for c in data.categories)),
        "retention_years": int(data.retention_years),
        "necessary": int(data.necessary),
        "separate_sensitive": int(data.separate_sensitive),
        "third_party": int(data.third_party),
        "recipients_zh": data.recipients_zh.strip(),
        "recipients_en": data.recipients_en.strip(),
        "recipient_terms": data.recipient_terms,
        "active": int(data.active),
        "sort_order": int(data.sort_order),
    }


# --------------------------------------------------------------------------- policies


class PurposePolicy(Protocol):
    """Decides which purposes justify processing a category of a client's data."""

    def options(
        self, vault: Vault, client: dict[str, object], category: DataCategory, person_id: int | None = None
    ) -> list[PurposeOption]:
        """Return the purposes the user may choose from for this client (or that person's data) and category."""
        ...

    def require(
        self, vault: Vault, client: dict[str, object], person_id: int | None, purpose: str, category: DataCategory
    ) -> None:
        """Raise :class:`ConsentMissing` unless ``purpose`` currently justifies the processing."""
        ...

    def allowed_categories(
        self, vault: Vault, client: dict[str, object], person_id: int | None = None
    ) -> frozenset[DataCategory]:
        """Return the categories that may be filled in for this client, or for one of its persons (minimisation).

        ``person_id`` ``None``: the client's own items; :data:`NEW_PERSON`: a person not stored yet.
        """
        ...


#: ``person_id`` of a person being added: no consent can be theirs yet (PIPL Art 14), so only the
#: purposes that need no consent (contract, legal obligation) count for them.
NEW_PERSON = 0


def require_fields(
    policy: PurposePolicy,
    vault: Vault,
    client: dict[str, object],
    fields: Iterable[str],
    person_id: int | None = None,
) -> None:
    """Refuse to fill fields whose category no active purpose of the client (or that person) needs.

    Args:
        policy: The purpose policy in force.
        vault: The unlocked vault.
        client: The client row.
        fields: Names from :data:`~clientvault.core.records.FIELD_CATEGORY` that receive a value.
        person_id: The person whose data it is (their own consent counts, nobody else's;
            :data:`NEW_PERSON` for a person being added), ``None`` for the client's own items.

    Raises:
        ValidationError: ``{field: "no_purpose"}`` for each field that may not be filled.
    """
    wanted = [f for f in fields if f in FIELD_CATEGORY]
    if not wanted:
        return
    allowed = policy.allowed_categories(vault, client, person_id)
    refused = {f: "no_purpose" for f in wanted if FIELD_CATEGORY[f] not in allowed}
    if refused:
        vault.record("minimisation.refused", f"client:{client.get('id')}", reason=",".join(sorted(refused)))
        raise ValidationError(refused)


#: Engagement purposes and the categories each needs (contract necessity / legal obligation).
ENGAGEMENT_PURPOSES: dict[str, tuple[str, frozenset[DataCategory]]] = {
    "bookkeeping": ("contract", frozenset({DataCategory.ID_DOCUMENT, DataCategory.BANK})),
    "tax_filing": (
        "legal_obligation",
        frozenset({DataCategory.ID_DOCUMENT, DataCategory.BANK, DataCategory.CREDENTIALS}),
    ),
    "annual_report": ("legal_obligation", frozenset({DataCategory.ID_DOCUMENT, DataCategory.CREDENTIALS})),
    "payroll_social_insurance": ("contract", frozenset({DataCategory.ID_DOCUMENT, DataCategory.CREDENTIALS})),
    "bank_services": ("contract", frozenset({DataCategory.ID_DOCUMENT, DataCategory.BANK})),
}


class EngagementPurposePolicy:
    """Lawful-basis purposes of an active engagement (the policy before consent tracking)."""

    def options(
        self, vault: Vault, client: dict[str, object], category: DataCategory, person_id: int | None = None
    ) -> list[PurposeOption]:
        """Return the engagement purposes that need ``category`` while the engagement is active."""
        if client.get("status") != ClientStatus.ACTIVE.value:
            return []
        return [PurposeOption(code, basis) for code, (basis, cats) in ENGAGEMENT_PURPOSES.items() if category in cats]

    def require(
        self, vault: Vault, client: dict[str, object], person_id: int | None, purpose: str, category: DataCategory
    ) -> None:
        """Allow only an engagement purpose needing ``category`` on an active client."""
        if purpose not in {o.code for o in self.options(vault, client, category)}:
            raise ConsentMissing(purpose)

    def allowed_categories(
        self, vault: Vault, client: dict[str, object], person_id: int | None = None
    ) -> frozenset[DataCategory]:
        """Every category (this policy predates minimisation)."""
        return frozenset(DataCategory)


@dataclass(frozen=True)
class ActivePurpose:
    """A purpose currently in force for a client (or one of its persons)."""

    purpose: Purpose  # the current version
    categories: frozenset[
        DataCategory
    ]  # what it may process now (the consented version's, minus unconsented sensitive)
    basis: LawfulBasis
    consent_ids: tuple[int, ...] = field(default=())


class ConsentPurposePolicy:
    """The catalogue-and-consent policy (the default of :class:`ClientService`).

    Args:
        today: Returns the current date (tests pass a fixed one).
    """

    def __init__(self, today: Callable[[], date] = date.today) -> None:
        self.today = today

    def active(self, vault: Vault, client: dict[str, object], person_id: int | None = None) -> list[ActivePurpose]:
        """The purposes in force for a client, in catalogue order.

        Args:
            vault: The unlocked vault.
            client: The client row (``id`` and ``status`` are read).
            person_id: For a person's own data: only that person's own consents count (PIPL
                Art 14: consent is given by the individual; a consent recorded for the client or
                signed by another person of it does not count). ``None``: the client's own items
                (not a person's), for which a consent of anyone of the client counts.
                :data:`NEW_PERSON`: a person not stored yet (no consent can be theirs).

        Returns:
            One entry per purpose whose lawful basis holds now.
        """
        status = client.get("status")
        if status not in (ClientStatus.PROSPECT.value, ClientStatus.ACTIVE.value):
            return []  # ended engagements: storage only (PIPL Art 47)
        current = {p.code: p for p in map(purpose_from_row, PurposeRepository(vault.db).current())}
        out: list[ActivePurpose] = []
        if status == ClientStatus.ACTIVE.value:
            out += [ActivePurpose(p, p.categories, p.lawful_basis) for p in current.values() if not p.requires_consent]
        client_id = client.get("id")
        if client_id is None:  # a client being created has no consents yet
            return out
        consents = ConsentRepository(vault.db).valid_consents(int(str(client_id)), self.today().isoformat())
        relevant = [c for c in consents if person_id is None or c["person_id"] == person_id]
        by_code: dict[str, list[dict[str, Any]]] = {}
        for c in relevant:
            by_code.setdefault(str(c["code"]), []).append(c)
        for code, rows in by_code.items():
            purpose = current.get(code)
            if purpose is None or not purpose.requires_consent:
                continue
            base = [r for r in rows if r["scope"] == "purpose"]
            if not base:
                continue
            cats: frozenset[DataCategory] = frozenset().union(*(parse_categories(str(r["categories"])) for r in base))
            if purpose.separate_sensitive and not any(r["scope"] == "sensitive" for r in rows):
                cats -= SENSITIVE_CATEGORIES
            out.append(ActivePurpose(purpose, cats, purpose.lawful_basis, tuple(int(r["id"]) for r in rows)))
        order = {code: i for i, code in enumerate(current)}
        return sorted(out, key=lambda a: order.get(a.purpose.code, 0))

    def options(
        self, vault: Vault, client: dict[str, object], category: DataCategory, person_id: int | None = None
    ) -> list[PurposeOption]:
        """Return the purposes in force for the client (or that person's data) that need ``category``."""
        return [
            PurposeOption(a.purpose.code, a.basis.value, a.purpose.name_zh, a.purpose.name_en)
            for a in self.active(vault, client, person_id)
            if category in a.categories
        ]

    def require(
        self, vault: Vault, client: dict[str, object], person_id: int | None, purpose: str, category: DataCategory
    ) -> None:
        """Raise :class:`ConsentMissing` unless ``purpose`` is in force for that person and category."""
        if not any(
            a.purpose.code == purpose and category in a.categories for a in self.active(vault, client, person_id)
        ):
            raise ConsentMissing(purpose)

    def allowed_categories(
        self, vault: Vault, client: dict[str, object], person_id: int | None = None
    ) -> frozenset[DataCategory]:
        """Baseline categories plus those of every purpose in force for the client (or that person)."""
        return BASELINE_CATEGORIES.union(*(a.categories for a in self.active(vault, client, person_id)))
