"""The recipients list (PIPL Art 23): the third parties the firm provides personal information to.

The firm maintains the list (partner and privacy officer, ``Capability.MANAGE_PURPOSES``); any
logged-in role reads it (it is printed on every consent notice). Each recipient has a name (zh,
en), a contact, the purpose of the provision, the method (zh, en) and the data categories
provided. Purposes name their recipients from this list (``purposes`` of a recipient: the purpose
codes, linked in ``purpose_recipients``). Linking, unlinking, renaming or withdrawing a recipient,
or changing its purpose of provision, method or categories, saves the next version of each purpose
concerned, with its recipients text naming them and its ``recipient_terms`` (:func:`recipient_terms`:
each recipient's purpose, method and categories), so the notice hash changes and consents given for
the old notice are asked again (``needs_reconsent``; PIPL Art 23: a recipient that changes the
original purpose or method must obtain consent again). A change of the contact alone is a
correction: no new version, nobody is asked again.

Audit events: ``recipient.add`` and ``recipient.update`` with ``recipient:<id>`` (and
``purpose.save`` for each purpose version saved); no free text in the audit log.
"""

from __future__ import annotations

import builtins
import json
from dataclasses import dataclass, replace
from typing import Any

from clientvault.core.errors import NotFound, ValidationError, VersionConflict
from clientvault.core.records import DataCategory
from clientvault.core.roles import Capability
from clientvault.core.validation import free_text
from clientvault.services.context import Vault
from clientvault.services.purposes import Purpose, PurposeInput, PurposeService, parse_categories
from clientvault.storage.recipients import RecipientRepository

__all__ = ["Recipient", "RecipientInput", "RecipientService", "recipient_terms"]

#: The columns of a recipient a person consents to (Art 23): a change of any asks again.
_TERMS = ("purpose_zh", "purpose_en", "method_zh", "method_en", "categories")
#: ... and those that make a new notice because they change the recipients text.
_NAMED = ("name_zh", "name_en", "active")

#: Field -> (maximum length, multiline) of the text fields.
_TEXT_FIELDS: dict[str, tuple[int, bool]] = {
    "name_zh": (100, False),
    "name_en": (100, False),
    "contact": (300, True),
    "purpose_zh": (300, True),
    "purpose_en": (300, True),
    "method_zh": (300, True),
    "method_en": (300, True),
}


@dataclass(frozen=True)
class Recipient:
    """One recipient as the firm maintains it."""

    id: int
    name_zh: str
    name_en: str
    contact: str
    purpose_zh: str
    purpose_en: str
    method_zh: str
    method_en: str
    categories: frozenset[DataCategory]
    active: bool
    version: int
    purposes: tuple[str, ...] = ()  # codes of the purposes that name it

    def name(self, lang: str) -> str:
        """The name in a document language (``zh`` or ``en``)."""
        return self.name_zh if lang == "zh" else self.name_en

    def purpose(self, lang: str) -> str:
        """Why it receives data, in a document language."""
        return self.purpose_zh if lang == "zh" else self.purpose_en

    def method(self, lang: str) -> str:
        """How the data is provided, in a document language."""
        return self.method_zh if lang == "zh" else self.method_en


@dataclass(frozen=True)
class RecipientInput:
    """What an editor enters for a recipient; ``purposes``: the purpose codes that provide data to it."""

    name_zh: str
    name_en: str
    contact: str
    purpose_zh: str
    purpose_en: str
    method_zh: str
    method_en: str
    categories: frozenset[DataCategory]
    active: bool = True
    purposes: tuple[str, ...] = ()

    @classmethod
    def from_recipient(cls, r: Recipient) -> RecipientInput:
        """The editable fields of a stored recipient (a starting point for an edit)."""
        return cls(
            r.name_zh, r.name_en, r.contact, r.purpose_zh, r.purpose_en, r.method_zh, r.method_en,
            r.categories, r.active, r.purposes,
        )  # fmt: skip


def _recipient(row: dict[str, Any], purposes: tuple[str, ...]) -> Recipient:
    return Recipient(
        id=int(row["id"]),
        name_zh=str(row["name_zh"]),
        name_en=str(row["name_en"]),
        contact=str(row["contact"]),
        purpose_zh=str(row["purpose_zh"]),
        purpose_en=str(row["purpose_en"]),
        method_zh=str(row["method_zh"]),
        method_en=str(row["method_en"]),
        categories=parse_categories(str(row["categories"])),
        active=bool(row["active"]),
        version=int(row["version"]),
        purposes=purposes,
    )


def _clean(data: RecipientInput) -> dict[str, Any]:
    """Check an input; every field is required (Art 23 names each of them)."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name, (limit, multiline) in _TEXT_FIELDS.items():
        try:
            values[name] = free_text(name, getattr(data, name), limit, required=True, multiline=multiline).strip()
        except ValidationError as exc:
            errors.update(exc.errors)
    if not data.categories:
        errors["categories"] = "required"
    if errors:
        raise ValidationError(errors)
    values["categories"] = ",".join(c.value for c in DataCategory if c in data.categories)
    values["active"] = int(data.active)
    return values


def recipient_terms(rows: list[dict[str, Any]]) -> str:
    """What the active recipients (repository rows, in print order) do with the data, canonical JSON.

    Each recipient's purpose of provision, method (zh, en) and categories — not its name (in the
    recipients text) nor its contact (a correction). Empty when no recipient is named.
    """
    terms = [
        [str(r[k]) if k != "categories" else ",".join(sorted(str(r[k]).split(","))) for k in _TERMS]
        for r in rows
        if r["active"]
    ]
    return json.dumps(terms, ensure_ascii=False, separators=(",", ":")) if terms else ""


class RecipientService:
    """Reads and edits the recipients list.

    Args:
        vault: The unlocked vault with the acting session.
    """

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.repo = RecipientRepository(vault.db)

    def _purposes_of(self) -> dict[int, tuple[str, ...]]:
        out: dict[int, list[str]] = {}
        for code, rid in self.repo.links():
            out.setdefault(rid, []).append(code)
        return {rid: tuple(codes) for rid, codes in out.items()}

    def list(self, *, include_inactive: bool = False) -> list[Recipient]:
        """The recipients (active ones unless asked), oldest first (any logged-in role)."""
        self.vault.require(Capability.VIEW_CLIENTS, "recipients")
        links = self._purposes_of()
        return [_recipient(r, links.get(int(r["id"]), ())) for r in self.repo.all(include_inactive=include_inactive)]

    def get(self, recipient_id: int) -> Recipient:
        """One recipient (``NotFound`` if there is none with this id)."""
        self.vault.require(Capability.VIEW_CLIENTS, f"recipient:{recipient_id}")
        row = self.repo.get(recipient_id)
        if row is None:
            raise NotFound("recipient", str(recipient_id))
        return _recipient(row, self._purposes_of().get(recipient_id, ()))

    def for_purpose(self, code: str) -> builtins.list[Recipient]:
        """The active recipients a purpose names, in print order (any logged-in role)."""
        self.vault.require(Capability.VIEW_CLIENTS, "recipients")
        out = []
        for rid in self.repo.for_purpose(code):
            row = self.repo.get(rid)
            if row is not None and row["active"]:
                out.append(_recipient(row, ()))
        return out

    def add(self, data: RecipientInput) -> Recipient:
        """Add a recipient and link it to its purposes (partner, privacy officer).

        Raises:
            AccessDenied: the role may not manage purposes.
            ValidationError: a field is missing or invalid; ``purposes: unknown`` for a code not in
                the catalogue.
        """
        self.vault.require(Capability.MANAGE_PURPOSES, "recipients")
        values = _clean(data)
        with self.vault.db.transaction():
            rid = self.repo.insert(values, self.vault.session.user_id)
            self.vault.record("recipient.add", f"recipient:{rid}")
            self._link(rid, data.purposes, changed=False)
        return self.get(rid)

    def update(self, recipient_id: int, data: RecipientInput, *, expected_version: int) -> Recipient:
        """Change a recipient and its purposes (partner, privacy officer).

        Raises:
            NotFound: no such recipient.
            VersionConflict: someone saved it since ``expected_version`` was loaded.
            ValidationError: as :meth:`add`; a purpose that provides data to third parties would be
                left without a recipient (``recipients_zh: required``).
        """
        self.vault.require(Capability.MANAGE_PURPOSES, f"recipient:{recipient_id}")
        values = _clean(data)
        with self.vault.db.transaction():
            row = self.repo.get(recipient_id)
            if row is None:
                raise NotFound("recipient", str(recipient_id))
            if int(row["version"]) != expected_version:
                raise VersionConflict("recipient", recipient_id, expected_version, int(row["version"]))
            # name, withdrawal, purpose, method or categories: a new notice; the contact alone: not
            changed = any(str(row[k]) != str(values[k]) for k in (*_NAMED, *_TERMS))
            self.repo.update(recipient_id, values, self.vault.session.user_id)
            self.vault.record("recipient.update", f"recipient:{recipient_id}")
            self._link(recipient_id, data.purposes, changed=changed)
        return self.get(recipient_id)

    def save_purpose(
        self, code: str, data: PurposeInput, recipient_ids: tuple[int, ...], *, expected_version: int | None
    ) -> Purpose:
        """Save a purpose (new, or its next version) naming these recipients from the list, in this order.

        The purpose's recipients text becomes the recipients' names and its ``recipient_terms`` what
        they do with the data, so the notice hash follows the list; the links are replaced in the
        same transaction. With the same recipients as the current version, its terms are kept (a
        version saved before terms were recorded keeps its hash unless something else changes).

        Raises:
            AccessDenied: the role may not manage purposes.
            ValidationError: as ``PurposeService.save``; ``recipients: required`` for a purpose that
                provides data to third parties without a recipient, ``recipients: unknown`` for an id
                not in the list.
            VersionConflict: someone saved the purpose since ``expected_version``.
        """
        self.vault.require(Capability.MANAGE_PURPOSES, f"purpose:{code}")
        if data.third_party and not recipient_ids:
            raise ValidationError({"recipients": "required"})
        with self.vault.db.transaction():
            rows = [self.repo.get(r) for r in recipient_ids]
            if any(r is None for r in rows):
                raise ValidationError({"recipients": "unknown"})
            named = [r for r in rows if r is not None and r["active"]]
            terms = recipient_terms(named)
            if expected_version is not None and self.repo.for_purpose(code) == list(recipient_ids):
                terms = PurposeService(self.vault).get(code).recipient_terms
            data = replace(
                data,
                recipients_zh="、".join(str(r["name_zh"]) for r in named),
                recipients_en=", ".join(str(r["name_en"]) for r in named),
                recipient_terms=terms,
            )
            saved = PurposeService(self.vault).save(code, data, expected_version=expected_version)
            self.repo.set_for_purpose(code, list(recipient_ids))
        return saved

    def _link(self, recipient_id: int, codes: tuple[str, ...], *, changed: bool) -> None:
        """Make ``codes`` the purposes naming this recipient; re-save each purpose whose notice changes."""
        purposes = PurposeService(self.vault)
        catalogue = {p.code: p for p in purposes.catalogue(include_inactive=True)}
        unknown = [c for c in codes if c not in catalogue]
        if unknown:
            raise ValidationError({"purposes": "unknown"})
        for code, purpose in catalogue.items():
            current = self.repo.for_purpose(code)
            wanted = [r for r in current if r != recipient_id]
            if code in codes:
                wanted = current if recipient_id in current else [*current, recipient_id]
            if wanted == current and not (changed and recipient_id in current):
                continue
            self.repo.set_for_purpose(code, wanted)
            names = [self.repo.get(r) for r in wanted]
            active = [n for n in names if n is not None and n["active"]]
            data = replace(
                PurposeInput.from_purpose(purpose),
                recipients_zh="、".join(str(n["name_zh"]) for n in active),
                recipients_en=", ".join(str(n["name_en"]) for n in active),
                recipient_terms=recipient_terms(active),
            )
            purposes.save(code, data, expected_version=purpose.version)
