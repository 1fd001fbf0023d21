"""The hash-chained, signed, append-only audit log (docs/SECURITY.md "Audit log").

``hash = SHA-256(prev_hash ‖ body)`` where ``body`` is the canonical JSON of the event; the first
event chains from a hash of the vault id. Each event is signed (Ed25519 over the hash) by the
acting session: with the partner signing key when the session holds ``PK`` (such an event is a
*checkpoint*), else with the key of the slot it logged in through. Events hold ids, field names
and codes only — never a personal-data value.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from clientvault.storage.db import Database


@dataclass(frozen=True)
class AuditEvent:
    """One stored audit row."""

    seq: int
    at: str
    user_id: int | None
    action: str
    object: str
    purpose: str
    reason: str
    outcome: str
    prev_hash: str
    hash: str
    signer: str | None = None
    sig: str | None = None


_COLUMNS = "seq, at, user_id, action, object, purpose, reason, outcome, prev_hash, hash, signer, sig"


@dataclass(frozen=True)
class AuditFilter:
    """Filters for listing events (all optional)."""

    user_id: int | None = None
    action_prefix: str | None = None
    object: str | None = None
    object_prefix: str | None = None  # "client:7" matches "client:7" and "client:7/…"
    since: str | None = None  # ISO timestamp, inclusive
    until: str | None = None  # ISO timestamp, exclusive


@dataclass(frozen=True)
class ChainStatus:
    """Result of walking the chain. ``first_broken`` is the seq of the first bad link, if any."""

    ok: bool
    events: int
    first_broken: int | None
    head_hash: str
    checkpoint: int = 0  # seq of the newest event signed with the partner key that verified
    problem: str = ""  # chain | checkpoint | signature | keys_checkpoint | workstation_checkpoint
    window: int = 0  # events after the checkpoint (each checked against its session's signature)


def genesis_hash(vault_id: str) -> str:
    """Return the ``prev_hash`` of the first event of a vault."""
    return hashlib.sha256(f"clientvault-audit-genesis\x00{vault_id}".encode()).hexdigest()


def canonical(
    seq: int,
    at: str,
    user_id: int | None,
    action: str,
    obj: str,
    purpose: str,
    reason: str,
    outcome: str,
    signer: str | None = None,
) -> bytes:
    """Return the canonical bytes of an event (its ``body``) that its hash covers.

    Events written before signatures existed have eight fields (no ``signer``).
    """
    fields: list[object] = [seq, at, user_id, action, obj, purpose, reason, outcome]
    if signer is not None:
        fields.append(signer)
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def event_hash(prev_hash: str, body: bytes) -> str:
    """Return ``SHA-256(prev_hash ‖ body)`` as hex."""
    return hashlib.sha256(prev_hash.encode("ascii") + body).hexdigest()


def signed_message(vault_id: str, event_hash_hex: str) -> bytes:
    """The bytes an event signature covers: ``"clientvault-audit" 0x00 vault_id 0x00 hash``."""
    return f"clientvault-audit\x00{vault_id}\x00{event_hash_hex}".encode("ascii")


#: (signer name, sign(message) -> signature): "partner" or the slot id of the session.
Signer = tuple[str, Callable[[bytes], bytes]]


def now_iso() -> str:
    """Return the current UTC time as an ISO string with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class AuditRepository:
    """Appends and reads audit events."""

    def __init__(self, db: Database, vault_id: str, signer: Signer | None = None) -> None:
        self.db = db
        self.vault_id = vault_id
        self.signer = signer

    def append(
        self,
        *,
        user_id: int | None,
        action: str,
        obj: str = "",
        purpose: str = "",
        reason: str = "",
        outcome: str = "ok",
        at: str | None = None,
    ) -> AuditEvent:
        """Append one event inside the caller's transaction (or its own), signed by the session's key."""
        name = self.signer[0] if self.signer else None
        with self.db.transaction():
            head = self.db.one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
            seq = (head[0] + 1) if head else 1
            prev = str(head[1]) if head else genesis_hash(self.vault_id)
            when = at or now_iso()
            body = canonical(seq, when, user_id, action, obj, purpose, reason, outcome, name or "")
            h = event_hash(prev, body)
            sig = base64.b64encode(self.signer[1](signed_message(self.vault_id, h))).decode() if self.signer else None
            self.db.execute(
                "INSERT INTO audit (seq, body, prev_hash, hash, sig) VALUES (?,?,?,?,?)",
                (seq, body.decode("utf-8"), prev, h, sig),
            )
        return AuditEvent(seq, when, user_id, action, obj, purpose, reason, outcome, prev, h, name or "", sig)

    def head(self) -> tuple[int, str]:
        """Return (seq, hash) of the newest event, or (0, genesis) for an empty log."""
        row = self.db.one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        return (int(row[0]), str(row[1])) if row else (0, genesis_hash(self.vault_id))

    def hash_at(self, seq: int) -> str | None:
        """Return the hash of event ``seq`` (None if there is no such event)."""
        value = self.db.scalar("SELECT hash FROM audit WHERE seq = ?", (seq,))
        return None if value is None else str(value)

    def last_signed_by(self, signer: str) -> AuditEvent | None:
        """Return the newest event whose body names ``signer`` (the newest checkpoint for "partner")."""
        row = self.db.one(f"SELECT {_COLUMNS} FROM audit WHERE signer = ? ORDER BY seq DESC LIMIT 1", (signer,))
        return AuditEvent(*row) if row else None

    def signed_by(self, signer: str) -> Iterator[AuditEvent]:
        """Every event whose body names ``signer``, oldest first (through the signer index)."""
        rows = self.db.all(f"SELECT {_COLUMNS} FROM audit WHERE signer = ? ORDER BY seq", (signer,))
        return (AuditEvent(*r) for r in rows)

    def _where(self, flt: AuditFilter) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if flt.user_id is not None:
            clauses.append("user_id = ?")
            params.append(flt.user_id)
        if flt.action_prefix:
            clauses.append("action >= ? AND action < ?")
            params += [flt.action_prefix, flt.action_prefix + "\U0010ffff"]
        if flt.object is not None:
            clauses.append("object = ?")
            params.append(flt.object)
        if flt.object_prefix is not None:
            clauses.append("(object = ? OR (object >= ? AND object < ?))")
            params += [flt.object_prefix, flt.object_prefix + "/", flt.object_prefix + "0"]
        if flt.since:
            clauses.append("at >= ?")
            params.append(flt.since)
        if flt.until:
            clauses.append("at < ?")
            params.append(flt.until)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def count(self, flt: AuditFilter | None = None) -> int:
        """Count events matching ``flt``."""
        where, params = self._where(flt or AuditFilter())
        return int(self.db.scalar(f"SELECT count(*) FROM audit{where}", params))

    def page(self, flt: AuditFilter | None = None, *, offset: int = 0, limit: int = 200) -> list[AuditEvent]:
        """Return a page of events, newest first."""
        where, params = self._where(flt or AuditFilter())
        rows = self.db.all(
            f"SELECT {_COLUMNS} FROM audit{where} ORDER BY seq DESC LIMIT ? OFFSET ?", [*params, limit, offset]
        )
        return [AuditEvent(*r) for r in rows]

    def iter_all(self, batch: int = 5000, *, after: int = 0) -> Iterator[AuditEvent]:
        """Yield every event after ``after`` in chain order."""
        last = after
        while True:
            rows = self.db.all(f"SELECT {_COLUMNS} FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", (last, batch))
            if not rows:
                return
            for r in rows:
                yield AuditEvent(*r)
            last = int(rows[-1][0])

    def verify(
        self, *, after: int = 0, until: int | None = None, anchors: Mapping[int, str] | None = None, batch: int = 50000
    ) -> ChainStatus:
        """Walk the hash chain (from the genesis, or from event ``after``); report the first bad link.

        The chain is defined by the bodies: ``hash_n = SHA-256(hash_(n-1) ‖ body_n)``. A missing,
        inserted, reordered or edited row changes every hash after it, so the stored ``prev_hash``
        column and the body's own ``seq`` need no check of their own; numbering is checked once
        (rows ``after+1 … N`` all present, the last body saying ``N``).

        Without ``anchors`` every computed hash is compared with the stored one. With ``anchors``
        (seq → hash that must hold there: the signed checkpoints, the head, the events whose
        signatures are checked) only those are compared, and a segment that fails is walked again
        row by row to name its first bad event. This is the hot loop of ``verify`` (1 000 000
        events: docs/BENCHMARKS.md) and stays bare.
        """
        sha256 = hashlib.sha256
        if after:
            start = self.hash_at(after)
            if start is None:
                return ChainStatus(False, 0, after, "")
            prev = start
        else:
            prev = genesis_hash(self.vault_id)
        count = 0
        last = after
        segment = after  # the last seq known good (anchor mode)
        end = until if until is not None else 2**62
        while True:
            if anchors is None:
                rows = self.db.all(
                    "SELECT seq, body, hash FROM audit WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
                    (last, end, batch),
                )
            else:
                rows = self.db.all(
                    "SELECT seq, body FROM audit WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?", (last, end, batch)
                )
            if not rows:
                break
            if anchors is None:
                for _seq, body, h in rows:
                    computed = sha256((prev + body).encode()).hexdigest()
                    if computed != h and not _legacy_ok(prev, body, h):
                        # The chain holds up to the event before this one.
                        return ChainStatus(False, count, after + count + 1, prev)
                    prev = h
                    count += 1
            else:
                for seq, body in rows:
                    prev = sha256((prev + body).encode()).hexdigest()
                    count += 1
                    expected = anchors.get(seq)
                    if expected is not None:
                        if prev != expected:
                            part = self.verify(after=segment, until=seq, batch=batch)
                            if not part.ok:
                                return ChainStatus(False, count, part.first_broken, part.head_hash)
                            prev = expected  # events from before schema 9 (their own hash form)
                        segment = seq
            last = int(rows[-1][0])
            if last != after + count:  # a gap or a renumbered row: the first seq that is off
                return ChainStatus(False, count, after + count, prev)
        if count and not str(self.db.scalar("SELECT body FROM audit WHERE seq = ?", (last,))).startswith(f"[{last},"):
            return ChainStatus(False, count, last, prev)
        if anchors is not None and count and segment != last:
            part = self.verify(after=segment, until=last, batch=batch)  # the tail after the last anchor
            if not part.ok:
                return ChainStatus(False, count, part.first_broken, part.head_hash)
        return ChainStatus(True, count, None, prev)


def _legacy_ok(prev: str, body: str, h: str) -> bool:
    """An event written before version 9 of the schema: eight fields, hashed in Python's canonical form."""
    try:
        fields = json.loads(body)
    except ValueError:
        return False
    if not isinstance(fields, list) or len(fields) != 8:
        return False
    return event_hash(prev, canonical(*fields)) == h
