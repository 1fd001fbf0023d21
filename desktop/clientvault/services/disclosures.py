"""The sharing log (PIPL Arts 21, 23): each disclosure of client data to a third party, checked first.

A disclosure names the client (and person) from the vault, the recipient, the purpose from the
catalogue and the categories given. It is refused with the reason when the law does not allow it:
categories the purpose does not cover (minimisation), a consent-based purpose without the person's
consent in force, sensitive categories without the separate consent (Art 29), or a third-party
purpose without the separate consent to provide the data to others (Art 23), or the employees'
payroll, income-tax, social-insurance or housing-fund data — or anything under a purpose that
processes them (payroll) — without an entrustment agreement with the client in force that covers
the purpose and those categories (Art 21). Refusals are audited.

Roles: partner and privacy officer log and see every disclosure (a sealed client's: the partner
only); an accountant logs and sees those of their assigned clients; an assistant has no access.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from clientvault.core.errors import InvalidState, NotFound, ValidationError
from clientvault.core.records import DataCategory
from clientvault.core.roles import Capability, Role
from clientvault.core.validation import free_text
from clientvault.services.context import Vault
from clientvault.services.entrustments import ENTRUSTED_CATEGORIES, agreement_in_force
from clientvault.services.purposes import ConsentPurposePolicy, PurposeService
from clientvault.services.registers import register_client
from clientvault.storage.audit import now_iso
from clientvault.storage.clients import VISIBLE_STATUSES, ClientRepository
from clientvault.storage.consent import ConsentRepository


@dataclass(frozen=True)
class Disclosure:
    """One line of the sharing log."""

    id: int
    client_id: int
    person_id: int | None
    recipient: str
    purpose_code: str
    basis: str
    categories: tuple[str, ...]
    disclosed_on: str
    created_by: int
    client_name: str
    recipient_id: int | None = None  # from the recipients list, when chosen there


class DisclosureService:
    """Checks and logs disclosures for the acting session."""

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today
        self.clients = ClientRepository(vault.db)

    def _require(self, obj: str) -> Role:
        self.vault.require(Capability.REGISTERS, obj)
        role = self.vault.session.role
        if role is Role.ASSISTANT:
            self.vault.deny(Capability.REGISTERS, obj)
        return role

    def _refuse(self, obj: str, code: str, purpose: str) -> None:
        with self.vault.db.transaction():
            self.vault.record("disclosure.record", obj, purpose=purpose, outcome=f"refused_{code}")
        raise InvalidState(f"disclosure_{code}")

    def record(
        self,
        client_id: int,
        recipient: str,
        purpose_code: str,
        categories: Sequence[str],
        *,
        person_id: int | None = None,
        disclosed_on: date | None = None,
        recipient_id: int | None = None,
    ) -> Disclosure:
        """Check a disclosure against the purpose and the consents in force, then log it.

        Raises:
            NotFound: client or person not in the vault (or not visible to the role).
            ValidationError: no recipient, no or unknown categories, a date in the future.
            InvalidState: ``disclosure_not_in_purpose``, ``disclosure_without_consent``,
                ``disclosure_without_sensitive_consent``, ``disclosure_without_third_party_consent``,
                ``disclosure_without_entrustment`` (employees' payroll data without an agreement in force),
                ``disclosure_recipient_not_in_notice`` (a recipient of the list the purpose does not name).
        """
        obj = f"client:{client_id}"
        self._require(obj)
        listed = None
        if recipient_id is not None:
            listed = self.vault.db.one("SELECT name_zh FROM recipients WHERE id = ? AND active = 1", (recipient_id,))
            if listed is None:
                raise NotFound("recipient", recipient_id)
        who = free_text("recipient", recipient or (str(listed[0]) if listed else ""), 200, required=True)
        try:
            cats = frozenset(DataCategory(c) for c in categories)
        except ValueError:
            raise ValidationError({"categories": "unknown"}) from None
        if not cats:
            raise ValidationError({"categories": "required"})
        when = disclosed_on or self.today()
        if when > self.today():
            raise ValidationError({"disclosed_on": "future"})
        client = register_client(self.vault, self.clients, client_id)
        if person_id is not None:
            person = self.clients.get_person(person_id)
            if person is None or int(person["client_id"]) != client_id:
                raise NotFound("person", person_id)
        purpose = PurposeService(self.vault).get(purpose_code)
        if not cats <= purpose.categories:
            self._refuse(obj, "not_in_purpose", purpose_code)
        if recipient_id is not None and not self._named_by(purpose_code, recipient_id):
            self._refuse(obj, "recipient_not_in_notice", purpose_code)  # Art 23: the notice names the recipient
        # A purpose that processes employees' data on the client's behalf (payroll) rests on the
        # entrustment agreement (Art 21): one in force must cover the purpose and the entrusted categories.
        entrusted = frozenset(c.value for c in cats & ENTRUSTED_CATEGORIES)
        if (purpose.categories & ENTRUSTED_CATEGORIES) and not agreement_in_force(
            self.vault.db, client_id, purpose_code, entrusted, when
        ):
            self._refuse(obj, "without_entrustment", purpose_code)
        if purpose.requires_consent:
            active = {a.purpose.code: a for a in ConsentPurposePolicy(self.today).active(self.vault, client, person_id)}
            granted = active.get(purpose_code)
            if granted is None:
                self._refuse(obj, "without_consent", purpose_code)
            assert granted is not None
            if not cats <= granted.categories:
                self._refuse(obj, "without_sensitive_consent", purpose_code)
            if purpose.third_party and not self._third_party_consent(client_id, person_id, purpose_code):
                self._refuse(obj, "without_third_party_consent", purpose_code)
        with self.vault.db.transaction():
            cur = self.vault.db.execute(
                "INSERT INTO disclosures (client_id, person_id, recipient, purpose_code, basis, categories,"
                " disclosed_on, created_by, created_at, recipient_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (client_id, person_id, who, purpose_code, purpose.lawful_basis.value,
                 ",".join(sorted(c.value for c in cats)), when.isoformat(), self.vault.session.user_id, now_iso(),
                 recipient_id),
            )  # fmt: skip
            did = int(cur.lastrowid)
            self.vault.record("disclosure.record", f"disclosure:{did}", purpose=purpose_code, reason=obj)
        return self.get(did)

    def _named_by(self, purpose_code: str, recipient_id: int) -> bool:
        """Whether the purpose's notice names the recipient (``purpose_recipients``)."""
        sql = "SELECT 1 FROM purpose_recipients WHERE purpose_code = ? AND recipient_id = ?"
        return self.vault.db.one(sql, (purpose_code, recipient_id)) is not None

    def _third_party_consent(self, client_id: int, person_id: int | None, code: str) -> bool:
        rows = ConsentRepository(self.vault.db).valid_consents(client_id, self.today().isoformat())
        return any(
            str(r["code"]) == code and r["scope"] == "third_party" and r["person_id"] in (None, person_id) for r in rows
        )

    def _where(self) -> tuple[str, list[Any]]:
        role = self._require("register:disclosures")
        if role is Role.PARTNER:
            return "", []
        if role is Role.PRIVACY_OFFICER:
            return " WHERE c.status != 'locked'", []
        marks = ",".join("?" for _ in VISIBLE_STATUSES)
        return (
            f" WHERE c.status IN ({marks}) AND d.client_id IN"
            " (SELECT client_id FROM client_accountants WHERE user_id = ?)",
            [*VISIBLE_STATUSES, self.vault.session.user_id],
        )

    def entries(self, *, limit: int = 500) -> list[Disclosure]:
        """The log, newest first, as far as the role may see it."""
        where, params = self._where()
        rows = self.vault.db.all(
            "SELECT d.id, d.client_id, d.person_id, d.recipient, d.purpose_code, d.basis, d.categories,"
            " d.disclosed_on, d.created_by, c.status, c.name, d.recipient_id"
            " FROM disclosures d JOIN clients c ON c.id = d.client_id"
            f"{where} ORDER BY d.disclosed_on DESC, d.id DESC LIMIT ?",
            [*params, limit],
        )
        return [
            Disclosure(int(r[0]), int(r[1]), r[2], str(r[3]), str(r[4]), str(r[5]), tuple(str(r[6]).split(",")),
                       str(r[7]), int(r[8]), "" if r[9] in ("locked", "erased") else str(r[10]), r[11])
            for r in rows
        ]  # fmt: skip

    def get(self, disclosure_id: int) -> Disclosure:
        """One logged disclosure the role may see."""
        for d in self.entries(limit=100_000):
            if d.id == disclosure_id:
                return d
        raise NotFound("disclosure", disclosure_id)
