"""Entrusted processing (PIPL Art 21): the agreements under which the firm processes for its clients.

For the employees' payroll, individual income tax, social insurance and housing fund, the client is
the personal-information processor and the firm its entrusted party. The firm records the
entrustment agreement with the client (date signed, scope, purposes, categories, term, return or
deletion at the end and the client's confirmation of it) instead of asking employees for consent;
the sharing log refuses a disclosure of those categories without an agreement in force.

Roles (``Capability.REGISTERS``, the registers' rules): the partner and the privacy officer manage
every agreement (a sealed client's: the partner only); an accountant records and sees the
agreements of their assigned clients; an assistant records agreements at intake and sees the ones
they recorded. Ending an agreement and confirming the return or deletion is for the managers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from clientvault.core.errors import NotFound
from clientvault.core.records import DataCategory
from clientvault.core.roles import Capability, Role
from clientvault.services.agreements import AgreementRegister, EndHandling, agreement_state, in_force
from clientvault.services.context import Vault
from clientvault.services.registers import register_client
from clientvault.storage.audit import now_iso
from clientvault.storage.clients import VISIBLE_STATUSES, ClientRepository
from clientvault.storage.db import Database

#: Employees' data the firm only processes on a client's behalf (an agreement in force is needed).
ENTRUSTED_CATEGORIES: frozenset[DataCategory] = frozenset(
    {DataCategory.SALARY, DataCategory.INCOME_TAX, DataCategory.SOCIAL_INSURANCE, DataCategory.HOUSING_FUND}
)


@dataclass(frozen=True)
class Entrustment:
    """One entrustment agreement with a client."""

    id: int
    client_id: int
    signed_on: str
    scope: str
    purposes: tuple[str, ...]
    categories: tuple[str, ...]
    starts_on: str
    ends_on: str  # "" when open-ended
    end_handling: EndHandling
    ended_on: str
    end_confirmed_on: str
    end_confirmation: str
    created_by: int
    client_name: str  # "" for a sealed or erased client

    @property
    def number(self) -> str:
        """The printed agreement number."""
        return f"EA-{self.id:05d}"

    def in_force(self, day: date) -> bool:
        """Whether the agreement covers processing on ``day``."""
        return in_force(self.starts_on, self.ends_on, self.ended_on, day)

    @property
    def state(self) -> str:
        """``open``, ``ended`` (return or deletion not yet confirmed) or ``closed``."""
        return agreement_state(self.ended_on, self.end_confirmed_on)


_COLS = (
    "e.id, e.client_id, e.signed_on, e.scope, e.purposes, e.categories, e.starts_on, e.ends_on, e.end_handling,"
    " e.ended_on, e.end_confirmed_on, e.end_confirmation, e.created_by, c.status, c.name"
)


def _entry(r: Sequence[Any]) -> Entrustment:
    return Entrustment(
        id=int(r[0]),
        client_id=int(r[1]),
        signed_on=str(r[2]),
        scope=str(r[3]),
        purposes=tuple(p for p in str(r[4]).split(",") if p),
        categories=tuple(c for c in str(r[5]).split(",") if c),
        starts_on=str(r[6]),
        ends_on=str(r[7] or ""),
        end_handling=EndHandling(r[8]),
        ended_on=str(r[9] or ""),
        end_confirmed_on=str(r[10] or ""),
        end_confirmation=str(r[11]),
        created_by=int(r[12]),
        client_name="" if r[13] in ("locked", "erased") else str(r[14]),
    )


def agreement_in_force(db: Database, client_id: int, purpose: str, categories: frozenset[str], day: date) -> bool:
    """Whether an agreement of the client covers ``purpose`` and ``categories`` on ``day`` (no role check)."""
    rows = db.all(
        f"SELECT {_COLS} FROM entrustments e JOIN clients c ON c.id = e.client_id WHERE e.client_id = ?",
        (client_id,),
    )
    return any(e.in_force(day) and purpose in e.purposes and categories <= set(e.categories) for e in map(_entry, rows))


class EntrustmentService(AgreementRegister):
    """Keeps the entrustment agreements for the acting session."""

    table = "entrustments"
    action = "entrustment"

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today
        self.clients = ClientRepository(vault.db)

    def _visible(self) -> tuple[str, list[Any]]:
        uid = self.vault.session.user_id
        if self.role is Role.PARTNER:
            return "", []
        if self.role is Role.PRIVACY_OFFICER:
            return "c.status != 'locked'", []
        marks = ",".join("?" for _ in VISIBLE_STATUSES)
        if self.role is Role.ACCOUNTANT:
            return (
                f"c.status IN ({marks}) AND e.client_id IN"
                " (SELECT client_id FROM client_accountants WHERE user_id = ?)",
                [*VISIBLE_STATUSES, uid],
            )
        return f"c.status IN ({marks}) AND e.created_by = ?", [*VISIBLE_STATUSES, uid]

    def entries(self, *, client_id: int | None = None, limit: int = 500) -> list[Entrustment]:
        """The agreements the acting role may see (of one client, or all), open ones first."""
        self.vault.require(Capability.REGISTERS, "register:entrustments")
        where, params = self._visible()
        parts = [f"({where})"] if where else []
        if client_id is not None:
            parts.append("e.client_id = ?")
            params = [*params, client_id]
        rows = self.vault.db.all(
            f"SELECT {_COLS} FROM entrustments e JOIN clients c ON c.id = e.client_id"
            f"{' WHERE ' + ' AND '.join(parts) if parts else ''}"
            " ORDER BY e.end_confirmed_on IS NOT NULL, e.signed_on DESC, e.id DESC LIMIT ?",
            [*params, limit],
        )
        return [_entry(r) for r in rows]

    def get(self, entrustment_id: int) -> Entrustment:
        """One agreement the acting role may see (NotFound otherwise)."""
        self.vault.require(Capability.REGISTERS, f"entrustment:{entrustment_id}")
        where, params = self._visible()
        rows = self.vault.db.all(
            f"SELECT {_COLS} FROM entrustments e JOIN clients c ON c.id = e.client_id WHERE e.id = ?"
            f"{' AND (' + where + ')' if where else ''}",
            [entrustment_id, *params],
        )
        if not rows:
            raise NotFound("entrustment", entrustment_id)
        return _entry(rows[0])

    def _check_client(self, client_id: int) -> None:
        register_client(self.vault, self.clients, client_id)

    def record(
        self,
        client_id: int,
        *,
        scope: str,
        purposes: Sequence[str],
        categories: Sequence[str],
        signed_on: date,
        starts_on: date | None = None,
        ends_on: date | None = None,
        end_handling: EndHandling | str = EndHandling.DELETE,
    ) -> Entrustment:
        """Record an agreement (every role with the register; an accountant for own clients only).

        Raises:
            NotFound: the client is not in the vault or not visible to the role.
            ValidationError: no scope, no or unknown purposes or categories, categories the purposes do
                not process (``categories: not_in_purpose``), a signing date in the future, an end
                before the start, an unknown end handling.
        """
        self.vault.require(Capability.REGISTERS, "register:entrustments")
        self._check_client(client_id)
        t = self.check_terms(
            scope=scope, purposes=purposes, categories=categories, signed_on=signed_on, starts_on=starts_on,
            ends_on=ends_on, end_handling=end_handling,
        )  # fmt: skip
        with self.vault.db.transaction():
            cur = self.vault.db.execute(
                "INSERT INTO entrustments (client_id, signed_on, scope, purposes, categories, starts_on, ends_on,"
                " end_handling, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (client_id, t.signed_on, t.scope, t.purposes, t.categories, t.starts_on, t.ends_on,
                 t.end_handling.value, self.vault.session.user_id, now_iso()),
            )  # fmt: skip
            eid = int(cur.lastrowid)
            self.vault.record("entrustment.record", f"entrustment:{eid}", reason=f"client:{client_id}")
        return self.get(eid)

    def end(self, entrustment_id: int, ended_on: date | None = None) -> Entrustment:
        """Record that the agreement ended (partner, privacy officer); the return or deletion is due."""
        self._require_manager(f"entrustment:{entrustment_id}")
        self._end(self.get(entrustment_id), ended_on)
        return self.get(entrustment_id)

    def confirm_end(self, entrustment_id: int, confirmation: str, confirmed_on: date | None = None) -> Entrustment:
        """Record the client's confirmation that the data was returned or deleted (managers; Art 21 para 2).

        Raises:
            InvalidState: ``entrustment_not_ended`` (end the agreement first), ``entrustment_confirmed``.
            ValidationError: no confirmation text (how it was confirmed), a date in the future.
        """
        self._require_manager(f"entrustment:{entrustment_id}")
        self._confirm_end(self.get(entrustment_id), confirmation, confirmed_on)
        return self.get(entrustment_id)

    def awaiting_confirmation(self) -> int:
        """Ended agreements whose return or deletion is not confirmed yet (as the role may see)."""
        return sum(1 for e in self.entries(limit=100_000) if e.state == "ended")
