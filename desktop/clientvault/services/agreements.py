"""What the agreement registers share (PIPL Arts 21, 23): the terms' checks and the end of an agreement.

Two registers keep agreements: the entrustment agreements under which the firm processes for a
client (``services.entrustments``) and the agreements with the recipients of the recipients list
(``services.recipient_agreements``). Both record the date signed, the scope, the purposes and the
categories (within what the purposes process), the term, what happens to the data at the end (return
or deletion), and later the end and its confirmation (partner and privacy officer).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from clientvault.core.errors import InvalidState, ValidationError
from clientvault.core.records import DataCategory
from clientvault.core.validation import free_text
from clientvault.services.purposes import PurposeService
from clientvault.services.registers import RegisterService

MAX_TEXT = 1000


class EndHandling(StrEnum):
    """What happens to the data when the agreement ends (PIPL Art 21 para 2)."""

    RETURN = "return"
    DELETE = "delete"
    RETURN_AND_DELETE = "return_and_delete"


@dataclass(frozen=True)
class Terms:
    """The checked terms of an agreement, as stored."""

    scope: str
    purposes: str  # comma-separated codes
    categories: str  # comma-separated DataCategory values
    signed_on: str
    starts_on: str
    ends_on: str | None
    end_handling: EndHandling


class AgreementEntry(Protocol):
    """The fields of a stored agreement the end workflow reads."""

    @property
    def id(self) -> int: ...
    @property
    def starts_on(self) -> str: ...
    @property
    def ended_on(self) -> str: ...
    @property
    def end_confirmed_on(self) -> str: ...
    @property
    def end_handling(self) -> EndHandling: ...


def agreement_state(ended_on: str, end_confirmed_on: str) -> str:
    """``open``, ``ended`` (return or deletion not yet confirmed) or ``closed``."""
    if end_confirmed_on:
        return "closed"
    return "ended" if ended_on else "open"


def in_force(starts_on: str, ends_on: str, ended_on: str, day: date) -> bool:
    """Whether an agreement with these dates covers processing on ``day``."""
    d = day.isoformat()
    return starts_on <= d and (not ends_on or d <= ends_on) and (not ended_on or d < ended_on)


class AgreementRegister(RegisterService):
    """The terms' checks and the end workflow of an agreement register."""

    table: str  # the agreements' table
    action: str  # audit action prefix and object kind ("entrustment", "recipient_agreement")
    today: Callable[[], date]

    def check_terms(
        self,
        *,
        scope: str,
        purposes: Sequence[str],
        categories: Sequence[str],
        signed_on: date,
        starts_on: date | None,
        ends_on: date | None,
        end_handling: EndHandling | str,
        errors: dict[str, str] | None = None,
    ) -> Terms:
        """Check the terms; every problem at once as a ValidationError (with ``errors`` found by the caller).

        Codes: ``scope: required``, ``purposes: required|unknown``, ``categories: required|unknown|
        not_in_purpose`` (categories the purposes do not process), ``signed_on: future``,
        ``ends_on: before_start``, ``end_handling: unknown``.
        """
        errors = dict(errors or {})
        text = ""
        try:
            text = free_text("scope", scope, MAX_TEXT, required=True, multiline=True)
        except ValidationError as exc:
            errors.update(exc.errors)
        catalogue = {p.code: p for p in PurposeService(self.vault).catalogue()}
        codes = sorted(set(purposes))
        if not codes:
            errors["purposes"] = "required"
        elif any(c not in catalogue for c in codes):
            errors["purposes"] = "unknown"
        cats: frozenset[DataCategory] = frozenset()
        try:
            cats = frozenset(DataCategory(c) for c in categories)
        except ValueError:
            errors["categories"] = "unknown"
        if not cats and "categories" not in errors:
            errors["categories"] = "required"
        elif "purposes" not in errors and cats:
            covered: frozenset[DataCategory] = frozenset().union(*(catalogue[c].categories for c in codes))
            if not cats <= covered:
                errors["categories"] = "not_in_purpose"
        if signed_on > self.today():
            errors["signed_on"] = "future"
        start = starts_on or signed_on
        if ends_on is not None and ends_on < start:
            errors["ends_on"] = "before_start"
        handling = EndHandling.DELETE
        try:
            handling = EndHandling(end_handling)
        except ValueError:
            errors["end_handling"] = "unknown"
        if errors:
            raise ValidationError(errors)
        return Terms(
            scope=text,
            purposes=",".join(codes),
            categories=",".join(sorted(c.value for c in cats)),
            signed_on=signed_on.isoformat(),
            starts_on=start.isoformat(),
            ends_on=ends_on.isoformat() if ends_on else None,
            end_handling=handling,
        )

    def _end(self, entry: AgreementEntry, ended_on: date | None) -> None:
        """Record the end of an agreement (the caller checked the role and read the entry)."""
        if entry.ended_on:
            raise InvalidState("entrustment_ended")
        day = ended_on or self.today()
        if day > self.today():
            raise ValidationError({"ended_on": "future"})
        if day.isoformat() < entry.starts_on:
            raise ValidationError({"ended_on": "before_start"})
        with self.vault.db.transaction():
            self.vault.db.execute(f"UPDATE {self.table} SET ended_on = ? WHERE id = ?", (day.isoformat(), entry.id))
            self.vault.record(f"{self.action}.end", f"{self.action}:{entry.id}", reason=entry.end_handling.value)

    def _confirm_end(self, entry: AgreementEntry, confirmation: str, confirmed_on: date | None) -> None:
        """Record the confirmation that the data was returned or deleted (the caller checked the role)."""
        if entry.end_confirmed_on:
            raise InvalidState("entrustment_confirmed")
        if not entry.ended_on:
            raise InvalidState("entrustment_not_ended")
        text = free_text("confirmation", confirmation, MAX_TEXT, required=True, multiline=True)
        day = confirmed_on or self.today()
        if day > self.today():
            raise ValidationError({"confirmed_on": "future"})
        with self.vault.db.transaction():
            self.vault.db.execute(
                f"UPDATE {self.table} SET end_confirmed_on = ?, end_confirmation = ?, end_confirmed_by = ?"
                " WHERE id = ?",
                (day.isoformat(), text, self.vault.session.user_id, entry.id),
            )
            self.vault.record(
                f"{self.action}.confirm_end", f"{self.action}:{entry.id}", reason=entry.end_handling.value
            )
