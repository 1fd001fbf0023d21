"""Locked (partner-sealed) records: request, lock, open with a reason, unlock, legal holds.

Locking (SECURITY.md "Partner-sealed records") moves every personal field of a client, its
persons and its sensitive items into one AES-256-GCM blob under the partner key ``PK`` (AAD =
vault id + client id), empties the clear columns, deletes the search entry and rewrites the
search entry (FTS5 secure-delete removes its terms in place), and records the retention end date.
The client's consent scans go into the blob too. Without
``PK`` — every non-partner session, or anyone with only ``DK`` and a SQL shell — the record is
ciphertext. Status ``locked`` is outside ``VISIBLE_STATUSES``, so lists, search, counts and
client pages of every role skip it.

Reasons typed here (lock, unlock, opening, holds, refusals) are kept in ``client_reasons`` with the
client and erased with it; the audit event carries only ``note:<id>``, so a name typed into a
reason never lands in the append-only audit log.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from clientvault.core.errors import InvalidState, NotFound, ValidationError
from clientvault.core.roles import Capability, Role, Scope
from clientvault.core.validation import free_text
from clientvault.security.sealing import aad, open_sealed, seal
from clientvault.services.context import Vault
from clientvault.services.retention import archive_rows, period_start, retention_dates, sealing_plan
from clientvault.storage.clients import ClientRepository
from clientvault.storage.retention import (
    CLIENT_SEALED_COLUMNS,
    ITEM_SEALED_COLUMNS,
    PERSON_SEALED_COLUMNS,
    ClientReason,
    Handover,
    HoldRow,
    LockRequestRow,
    RetentionRepository,
    SealedRow,
    SealingRecord,
)

__all__ = [
    "ClientReason",
    "HoldRow",
    "LockActions",
    "LockRequestRow",
    "LockService",
    "LockedRecord",
    "LockedRow",
    "check_reason",
]

#: Format 2 adds the consent scans (``evidence``); format 1 blobs (no scans) still open.
BLOB_FORMAT = 2
BLOB_FORMATS = (1, 2)
MIN_REASON = 2
MAX_REASON = 500
LOCKABLE = ("active", "ended")


def check_reason(reason: str, field: str = "reason") -> str:
    """Return the tidied reason, or raise ``ValidationError`` if it is missing, too long or has control characters."""
    return free_text(field, reason, MAX_REASON, required=True, min_len=MIN_REASON)


SEALED_REVEAL_PURPOSES = ("authority_request", "litigation", "client_request", "archive_check")
"""Why a secret of a sealed record may be shown: an authority's request, a dispute, the client's own
request (PIPL Art 45), checking the archive before its period ends."""


@dataclass(frozen=True)
class LockedRow:
    """One line of the partner's "Locked records" list (no personal data: it is sealed)."""

    client_id: int
    kind: str
    sealed_at: str
    engagement_end: str | None
    retention_until: date
    retention_rule: str
    days_left: int  # negative: retention has run out (the record may be erased)
    on_hold: bool


@dataclass(frozen=True)
class LockedRecord:
    """A locked record opened for reading. Read-only: there is no way to save it back."""

    client_id: int
    kind: str
    client: dict[str, Any]
    persons: tuple[dict[str, Any], ...]
    items: tuple[dict[str, Any], ...]
    retention_until: date
    retention_rule: str
    holds: tuple[HoldRow, ...]
    evidence: tuple[dict[str, Any], ...] = ()  # consent scans: id, size, sha256, data (bytes)
    reasons: tuple[ClientReason, ...] = ()  # reasons typed about the client, oldest first


@dataclass(frozen=True)
class LockActions:
    """What the client page may offer the acting user about locking this client."""

    can_request: bool  # accountant (assigned) or partner, client active/ended, no request pending
    can_lock: bool  # partner holding PK, client active/ended
    request_pending: bool


class LockService:
    """Locking workflow for the acting session (DOMAIN.md workflow 3)."""

    def __init__(self, vault: Vault, *, today: date | None = None) -> None:
        self.vault = vault
        self.repo = RetentionRepository(vault.db)
        self.clients = ClientRepository(vault.db)
        self._today = today

    @property
    def today(self) -> date:
        """The current date (fixed in tests)."""
        return self._today or date.today()

    def _aad(self, client_id: int) -> bytes:
        return aad("sealed-record", self.vault.vault_id, client_id)

    def _pk(self) -> bytes:
        keys = self.vault.session.keys
        if keys is None or keys.pk is None:
            raise InvalidState("partner_key_unavailable")
        return keys.pk

    def _client(self, client_id: int, statuses: tuple[str, ...]) -> dict[str, Any]:
        client = self.clients.get_client(client_id)
        if client is None or client["status"] not in statuses:
            raise NotFound("client", client_id)
        return client

    # -- requests ------------------------------------------------------------------------------

    def _note(self, client_id: int, kind: str, text: str) -> str:
        """Keep a typed reason with the client; return what the audit event may hold instead."""
        return self.repo.add_reason(client_id, kind, text, self.vault.session.user_id).ref

    def actions(self, client_id: int) -> LockActions:
        """What the client page should offer (no audit: it only reads state the page already shows)."""
        self.vault.require(Capability.VIEW_CLIENTS, f"client:{client_id}")
        client = self.clients.get_client(client_id)
        if client is None or client["status"] not in LOCKABLE:
            return LockActions(False, False, False)
        role = self.vault.session.role
        pending = self.repo.open_lock_request(client_id) is not None
        may_request = role is Role.PARTNER or (
            role is Role.ACCOUNTANT and self.clients.is_assigned(client_id, self.vault.session.user_id)
        )
        keys = self.vault.session.keys
        return LockActions(
            can_request=may_request and not pending,
            can_lock=role is Role.PARTNER and keys is not None and keys.pk is not None,
            request_pending=pending,
        )

    def request_lock(self, client_id: int, reason: str) -> int:
        """Ask the partner to lock a client whose engagement is over (accountant: own clients only)."""
        obj = f"client:{client_id}"
        granted = self.vault.require(Capability.LOCK_CLIENTS, obj)
        self._client(client_id, LOCKABLE)
        if self.vault.session.role is Role.ACCOUNTANT and not self.clients.is_assigned(
            client_id, self.vault.session.user_id
        ):
            self.vault.deny(Capability.LOCK_CLIENTS, obj)
        del granted
        text = check_reason(reason)
        with self.vault.db.transaction():
            if self.repo.open_lock_request(client_id) is not None:
                raise InvalidState("lock_already_requested")
            rid = self.repo.add_lock_request(client_id, self.vault.session.user_id, text)
            self.vault.record("client.lock_requested", obj, reason=self._note(client_id, "lock_request", text))
        return rid

    def pending_requests(self) -> list[LockRequestRow]:
        """Lock requests waiting for the partner."""
        self._require_partner("lock_requests")
        return self.repo.lock_requests("requested")

    def refuse_request(self, client_id: int, reason: str) -> None:
        """Refuse the pending lock request(s) of a client (partner)."""
        self._require_partner(f"client:{client_id}")
        text = check_reason(reason)
        with self.vault.db.transaction():
            if self.clients.get_client(client_id) is None:
                raise NotFound("client", client_id)
            self.repo.decide_lock_requests(client_id, "refused", self.vault.session.user_id, text)
            self.vault.record("client.lock_refused", f"client:{client_id}",
                              reason=self._note(client_id, "lock_refused", text))  # fmt: skip

    def _require_partner(self, obj: str) -> None:
        if self.vault.require(Capability.LOCK_CLIENTS, obj) is not Scope.ALL:
            self.vault.deny(Capability.LOCK_CLIENTS, obj)

    # -- lock ----------------------------------------------------------------------------------

    def lock(self, client_id: int, reason: str) -> date:
        """Seal a client under ``PK`` (partner). Returns the retention end date.

        Sealing keeps only what a retention rule requires (PIPL Arts 19, 47): each item is
        matched to the rule that covers its class (``services.retention.sealing_plan``); the
        items no rule requires are erased first, on the erasure path (ledger, register,
        certificate), and both lists go on the sealing record (:meth:`sealing_records`).

        Raises:
            NotFound: no such client, or it is not active/ended.
            InvalidState: ``partner_key_unavailable`` (a session without PK).
        """
        obj = f"client:{client_id}"
        self._require_partner(obj)
        text = check_reason(reason)
        self._pk()
        with self.vault.db.transaction():
            until, cert = self.seal_in_transaction(client_id, text)
        # Cleared values sit in WAL frames until a checkpoint writes the pages home.
        self.vault.db.checkpoint()
        if cert:
            from clientvault.services.backup import mirror_ledger

            mirror_ledger(self.vault)
        return until

    def seal_in_transaction(
        self, client_id: int, reason: str, *, request_id: int | None = None, basis: str = "service_ended"
    ) -> tuple[date, str | None]:
        """Erase what no rule requires, seal the rest (the caller holds the transaction and checks roles).

        Returns:
            The retention end date and the certificate of the erasure of unrequired items (None
            when every item is required).
        """
        from clientvault.services.erasure import ErasureService

        pk = self._pk()
        obj = f"client:{client_id}"
        client = self._client(client_id, LOCKABLE)
        ended = date.fromisoformat(client["engagement_end"]) if client.get("engagement_end") else self.today
        starts = period_start(ended)
        rules = self.repo.rules()
        evidence = self.repo.evidence(client_id)
        kept, erase = sealing_plan(client, self.clients.persons(client_id), self.clients.items(client_id),
                                   [int(e["id"]) for e in evidence], rules, starts)  # fmt: skip
        cert = None
        if erase:
            cert = ErasureService(self.vault, today=self.today).erase_unrequired(
                client_id, [e.item for e in erase], basis
            )
            client = self._client(client_id, LOCKABLE)
            evidence = self.repo.evidence(client_id)
        persons = self.clients.persons(client_id)
        items = self.clients.items(client_id)
        payload = {
            "format": BLOB_FORMAT,
            "client": {k: client.get(k) for k in (*CLIENT_SEALED_COLUMNS, "engagement_end")},
            "persons": [{"id": p["id"], "role": p["role"], **{k: p[k] for k in PERSON_SEALED_COLUMNS}}
                        for p in persons],
            "items": [{"id": i["id"], "kind": i["kind"], "person_id": i["person_id"],
                       **{k: i[k] for k in ITEM_SEALED_COLUMNS}} for i in items],
            "evidence": [{**e, "data": base64.b64encode(e["data"]).decode("ascii")} for e in evidence],
        }  # fmt: skip
        nonce, ciphertext = seal(pk, json.dumps(payload, ensure_ascii=False).encode("utf-8"), self._aad(client_id))
        classes = {k.cls for k in kept}
        dates = retention_dates(ended, rules, classes)
        start = client.get("engagement_start")
        rows = archive_rows(client_id, classes, rules, date.fromisoformat(start).year if start else None, ended.year)
        self.repo.seal(
            client_id,
            nonce=nonce,
            ciphertext=ciphertext,
            previous_status=str(client["status"]),
            sealed_by=self.vault.session.user_id,
            retention_from=dates.starts.isoformat(),
            retention_until=dates.until.isoformat(),
            retention_rule=dates.rule,
        )
        self.repo.add_sealing_record(
            client_id, request_id=request_id, sealed_by=self.vault.session.user_id,
            kept=[k.as_dict() for k in kept], erased=[e.as_dict() for e in erase], certificate_no=cert,
            retention_until=dates.until.isoformat(), archive_rows=rows,
        )  # fmt: skip
        self.repo.decide_lock_requests(client_id, "locked", self.vault.session.user_id, reason)
        self.vault.record("client.lock", obj, reason=self._note(client_id, "lock", reason))
        return dates.until, cert

    def sealing_records(self, client_id: int) -> list[SealingRecord]:
        """What each sealing of a client kept (with the rule) and erased (partner, privacy officer)."""
        if self.vault.session.role not in (Role.PARTNER, Role.PRIVACY_OFFICER):
            self.vault.deny(Capability.OPEN_LOCKED, f"client:{client_id}")
        return self.repo.sealing_records(client_id)

    # -- handover (移交清册) -------------------------------------------------------------------

    def handover(
        self,
        client_id: int,
        categories: tuple[str, ...],
        recipient: str,
        *,
        years: tuple[int | None, int | None] = (None, None),
        signed: bool = True,
    ) -> int:
        """Record that a client's accounting archives were handed over (partner, privacy officer).

        A client's archives belong to the client; when the relationship ends the firm hands them
        over and keeps a 移交清册 (附表一: 30 years). See :class:`~clientvault.services.handover.HandoverService`.
        """
        from clientvault.services.handover import HandoverService

        return HandoverService(self.vault, today=lambda: self.today).record(
            client_id, categories, recipient, years=years, signed=signed
        )

    def handovers(self, client_id: int) -> list[Handover]:
        """The client's handover records (partner, privacy officer)."""
        from clientvault.services.handover import HandoverService

        return HandoverService(self.vault, today=lambda: self.today).handovers(client_id)

    # -- the partner's locked-records page ---------------------------------------------------

    def _row(self, s: SealedRow) -> LockedRow:
        until = date.fromisoformat(s.retention_until)
        return LockedRow(
            client_id=s.client_id,
            kind=s.kind,
            sealed_at=s.sealed_at,
            engagement_end=s.engagement_end,
            retention_until=until,
            retention_rule=s.retention_rule,
            days_left=(until - self.today).days,
            on_hold=s.hold_count > 0,
        )

    def locked(self, *, offset: int = 0, limit: int = 200) -> list[LockedRow]:
        """Locked records, soonest retention end first (partner)."""
        self.vault.require(Capability.OPEN_LOCKED, "locked")
        return [self._row(s) for s in self.repo.sealed_page(offset=offset, limit=limit)]

    def locked_count(self) -> int:
        """How many records are locked (partner)."""
        self.vault.require(Capability.OPEN_LOCKED, "locked")
        return self.repo.sealed_count()

    def expired(self) -> list[int]:
        """Locked clients whose retention has run out (partner, privacy officer: the daily check)."""
        if self.vault.session.role not in (Role.PARTNER, Role.PRIVACY_OFFICER):
            self.vault.deny(Capability.EXECUTE_ERASURE, "locked")
        return self.repo.expired(self.today.isoformat())

    def _open_blob(self, client_id: int) -> tuple[SealedRow, dict[str, Any]]:
        sealed = self.repo.get_sealed(client_id)
        if sealed is None:
            raise NotFound("client", client_id)
        plain = open_sealed(self._pk(), sealed.nonce, sealed.ciphertext, self._aad(client_id), what="sealed_record")
        data = json.loads(plain.decode("utf-8"))
        if data.get("format") not in BLOB_FORMATS:
            raise InvalidState("sealed_format")
        data["evidence"] = [{**e, "data": base64.b64decode(e["data"])} for e in data.get("evidence", [])]
        return sealed, data

    def open(self, client_id: int, reason: str) -> LockedRecord:
        """Open a locked record read-only (partner, typed reason; every opening is audited)."""
        obj = f"client:{client_id}"
        self.vault.require(Capability.OPEN_LOCKED, obj)
        text = check_reason(reason)
        if self.repo.get_sealed(client_id) is None:
            raise NotFound("client", client_id)
        error: Exception | None = None
        with self.vault.db.transaction():
            note = self._note(client_id, "open", text)
            try:
                sealed, data = self._open_blob(client_id)
            except Exception as exc:  # the failed attempt is committed to the audit log, then raised
                error = exc
            self.vault.record("locked.open", obj, reason=note, outcome="failed" if error else "ok")
        if error is not None:
            raise error
        return LockedRecord(
            client_id=client_id,
            kind=sealed.kind,
            client=dict(data["client"]),
            persons=tuple(data["persons"]),
            items=tuple(data["items"]),
            retention_until=date.fromisoformat(sealed.retention_until),
            retention_rule=sealed.retention_rule,
            holds=tuple(self.repo.active_holds(client_id)),
            evidence=tuple(data["evidence"]),
            reasons=tuple(self.repo.reasons(client_id)),
        )

    def reveal_sealed(self, client_id: int, what: str, purpose: str) -> None:
        """Record why the partner shows one secret of a sealed record opened with :meth:`open` (audited).

        ``what`` names the value without its content (``person:<n>.id_number``, ``item:<n>``);
        ``purpose`` is one of :data:`SEALED_REVEAL_PURPOSES` (storage only: few reasons remain).
        """
        obj = f"client:{client_id}.{what}"
        self.vault.require(Capability.OPEN_LOCKED, obj)
        if purpose not in SEALED_REVEAL_PURPOSES:
            raise ValidationError({"purpose": "unknown"})
        if self.repo.get_sealed(client_id) is None:
            raise NotFound("client", client_id)
        with self.vault.db.transaction():
            self.vault.record("locked.reveal", obj, purpose=purpose)

    def unlock(self, client_id: int, reason: str) -> None:
        """Unseal a record because the client returns (partner, reason audited); it becomes active."""
        obj = f"client:{client_id}"
        self._require_partner(obj)
        text = check_reason(reason)
        with self.vault.db.transaction():
            _sealed, data = self._open_blob(client_id)
            self.repo.unseal(client_id, data["client"], data["persons"], data["items"], "active", data["evidence"])
            self.vault.record("client.unlock", obj, reason=self._note(client_id, "unlock", text))

    # -- legal holds ---------------------------------------------------------------------------

    def place_hold(self, client_id: int, reason: str) -> int:
        """Put a legal hold on a client (partner): erasure is refused while it stands."""
        obj = f"client:{client_id}"
        self._require_partner(obj)
        text = check_reason(reason)
        with self.vault.db.transaction():
            if self.clients.get_client(client_id) is None:
                raise NotFound("client", client_id)
            hid = self.repo.add_hold(client_id, text, self.vault.session.user_id)
            self.vault.record("client.hold", obj, reason=self._note(client_id, "hold", text))
        return hid

    def release_hold(self, client_id: int, hold_id: int, reason: str) -> None:
        """Release a legal hold (partner)."""
        obj = f"client:{client_id}"
        self._require_partner(obj)
        text = check_reason(reason)
        with self.vault.db.transaction():
            if not self.repo.release_hold(client_id, hold_id, text, self.vault.session.user_id):
                raise NotFound("hold", hold_id)
            self.vault.record("client.hold_released", obj, reason=self._note(client_id, "hold_released", text))

    def reasons(self, client_id: int) -> list[ClientReason]:
        """The reasons typed about a client (partner, privacy officer): what ``note:<id>`` in its audit events says."""
        if self.vault.session.role not in (Role.PARTNER, Role.PRIVACY_OFFICER):
            self.vault.deny(Capability.OPEN_LOCKED, f"client:{client_id}")
        return self.repo.reasons(client_id)

    def holds(self, client_id: int) -> list[HoldRow]:
        """Holds in force on a client (partner, privacy officer)."""
        if self.vault.session.role not in (Role.PARTNER, Role.PRIVACY_OFFICER):
            self.vault.deny(Capability.OPEN_LOCKED, f"client:{client_id}")
        return self.repo.active_holds(client_id)
