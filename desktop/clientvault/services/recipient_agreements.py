"""Agreements with recipients and processors (PIPL Arts 21, 23), linked to the recipients list.

A recipient of the list either receives data to process for its own purposes (``provision``, Art 23:
the agreement states what is provided and the recipient's duties) or processes on the firm's behalf
(``entrusted``, Art 21: the firm supervises it). Each agreement records the date signed, the scope,
the purposes and categories (within what the purposes process), the recipient's security duties,
the term, the return or deletion at the end and its confirmation. An agreement names a recipient of
the list; one without a recipient, or naming one not in the list, is refused.

Roles: the partner and the privacy officer manage the agreements; an accountant reads them (they
hold no client data); an assistant has no access.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from clientvault.core.errors import NotFound, ValidationError
from clientvault.core.validation import free_text
from clientvault.services.agreements import MAX_TEXT, AgreementRegister, EndHandling, agreement_state, in_force
from clientvault.services.context import Vault
from clientvault.storage.audit import now_iso


class AgreementKind(StrEnum):
    """The recipient's role under the agreement."""

    PROVISION = "provision"  # an independent recipient (Art 23)
    ENTRUSTED = "entrusted"  # a processor the firm entrusts (Art 21)


@dataclass(frozen=True)
class RecipientAgreement:
    """One agreement with a recipient."""

    id: int
    recipient_id: int
    recipient_name_zh: str
    recipient_name_en: str
    kind: AgreementKind
    signed_on: str
    scope: str
    purposes: tuple[str, ...]
    categories: tuple[str, ...]
    security_duties: str
    starts_on: str
    ends_on: str
    end_handling: EndHandling
    ended_on: str
    end_confirmed_on: str
    end_confirmation: str

    @property
    def number(self) -> str:
        """The printed agreement number."""
        return f"RA-{self.id:05d}"

    def recipient_name(self, lang: str) -> str:
        """The recipient's name in a language (``zh`` or ``en``)."""
        return self.recipient_name_zh if lang == "zh" else self.recipient_name_en

    def in_force(self, day: date) -> bool:
        """Whether the agreement covers ``day``."""
        return in_force(self.starts_on, self.ends_on, self.ended_on, day)

    @property
    def state(self) -> str:
        """``open``, ``ended`` or ``closed``."""
        return agreement_state(self.ended_on, self.end_confirmed_on)


_SELECT = (
    "SELECT a.id, a.recipient_id, r.name_zh, r.name_en, a.kind, a.signed_on, a.scope, a.purposes, a.categories,"
    " a.security_duties, a.starts_on, a.ends_on, a.end_handling, a.ended_on, a.end_confirmed_on, a.end_confirmation"
    " FROM recipient_agreements a JOIN recipients r ON r.id = a.recipient_id"
)


def _entry(r: Sequence[Any]) -> RecipientAgreement:
    return RecipientAgreement(
        id=int(r[0]),
        recipient_id=int(r[1]),
        recipient_name_zh=str(r[2]),
        recipient_name_en=str(r[3]),
        kind=AgreementKind(r[4]),
        signed_on=str(r[5]),
        scope=str(r[6]),
        purposes=tuple(p for p in str(r[7]).split(",") if p),
        categories=tuple(c for c in str(r[8]).split(",") if c),
        security_duties=str(r[9]),
        starts_on=str(r[10]),
        ends_on=str(r[11] or ""),
        end_handling=EndHandling(r[12]),
        ended_on=str(r[13] or ""),
        end_confirmed_on=str(r[14] or ""),
        end_confirmation=str(r[15]),
    )


class RecipientAgreementService(AgreementRegister):
    """Keeps the agreements with recipients for the acting session."""

    table = "recipient_agreements"
    action = "recipient_agreement"

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today

    def entries(self, *, recipient_id: int | None = None, limit: int = 500) -> list[RecipientAgreement]:
        """The agreements (of one recipient, or all), open ones first, newest first."""
        self._require_reader("register:recipient_agreements")
        where, params = ("", []) if recipient_id is None else (" WHERE a.recipient_id = ?", [recipient_id])
        rows = self.vault.db.all(
            f"{_SELECT}{where} ORDER BY a.end_confirmed_on IS NOT NULL, a.signed_on DESC, a.id DESC LIMIT ?",
            [*params, limit],
        )
        return [_entry(r) for r in rows]

    def get(self, agreement_id: int) -> RecipientAgreement:
        """One agreement (NotFound otherwise)."""
        self._require_reader(f"recipient_agreement:{agreement_id}")
        rows = self.vault.db.all(f"{_SELECT} WHERE a.id = ?", (agreement_id,))
        if not rows:
            raise NotFound("recipient_agreement", agreement_id)
        return _entry(rows[0])

    def record(
        self,
        recipient_id: int | None,
        *,
        kind: AgreementKind | str,
        scope: str,
        purposes: Sequence[str],
        categories: Sequence[str],
        security_duties: str,
        signed_on: date,
        starts_on: date | None = None,
        ends_on: date | None = None,
        end_handling: EndHandling | str = EndHandling.DELETE,
    ) -> RecipientAgreement:
        """Record an agreement with a recipient of the list (partner, privacy officer).

        Raises:
            AccessDenied: another role.
            NotFound: the recipient is not in the list.
            ValidationError: no recipient (``recipient_id: required``), no security duties, an unknown kind,
                and the terms' codes (:meth:`AgreementRegister.check_terms`).
        """
        self._require_manager("register:recipient_agreements")
        errors: dict[str, str] = {}
        if recipient_id is None:
            errors["recipient_id"] = "required"
        elif self.vault.db.scalar("SELECT 1 FROM recipients WHERE id = ?", (recipient_id,)) is None:
            raise NotFound("recipient", recipient_id)
        duties = ""
        try:
            duties = free_text("security_duties", security_duties, MAX_TEXT, required=True, multiline=True)
        except ValidationError as exc:
            errors.update(exc.errors)
        how = AgreementKind.PROVISION
        try:
            how = AgreementKind(kind)
        except ValueError:
            errors["kind"] = "unknown"
        t = self.check_terms(
            scope=scope, purposes=purposes, categories=categories, signed_on=signed_on, starts_on=starts_on,
            ends_on=ends_on, end_handling=end_handling, errors=errors,
        )  # fmt: skip
        with self.vault.db.transaction():
            cur = self.vault.db.execute(
                "INSERT INTO recipient_agreements (recipient_id, kind, signed_on, scope, purposes, categories,"
                " security_duties, starts_on, ends_on, end_handling, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (recipient_id, how.value, t.signed_on, t.scope, t.purposes, t.categories, duties, t.starts_on,
                 t.ends_on, t.end_handling.value, self.vault.session.user_id, now_iso()),
            )  # fmt: skip
            aid = int(cur.lastrowid)
            self.vault.record("recipient_agreement.record", f"recipient_agreement:{aid}", reason=f"kind={how.value}")
        return self.get(aid)

    def end(self, agreement_id: int, ended_on: date | None = None) -> RecipientAgreement:
        """Record that the agreement ended (partner, privacy officer)."""
        self._require_manager(f"recipient_agreement:{agreement_id}")
        self._end(self.get(agreement_id), ended_on)
        return self.get(agreement_id)

    def confirm_end(self, agreement_id: int, confirmation: str, confirmed_on: date | None = None) -> RecipientAgreement:
        """Record the recipient's confirmation that the data was returned or deleted (partner, privacy officer)."""
        self._require_manager(f"recipient_agreement:{agreement_id}")
        self._confirm_end(self.get(agreement_id), confirmation, confirmed_on)
        return self.get(agreement_id)
