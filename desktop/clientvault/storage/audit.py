"""The hash-chained, append-only audit log (SECURITY.md "Audit log").

``hash = SHA-256(prev_hash || canonical event)``; the first event chains from a hash of the
vault id. Events hold ids, field names and codes only — never a personal-data value.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
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


def genesis_hash(vault_id: str) -> str:
    """Return the ``prev_hash`` of the first event of a vault."""
    return hashlib.sha256(f"clientvault-audit-genesis\x00{vault_id}".encode()).hexdigest()


def canonical(
    seq: int, at: str, user_id: int | None, action: str, obj: str, purpose: str, reason: str, outcome: str
) -> bytes:
    """Return the canonical bytes of an event that its hash covers."""
    return json.dumps(
        [seq, at, user_id, action, obj, purpose, reason, outcome], ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def event_hash(prev_hash: str, body: bytes) -> str:
    """Return ``SHA-256(prev_hash || body)`` as hex."""
    return hashlib.sha256(prev_hash.encode("ascii") + body).hexdigest()


def now_iso() -> str:
    """Return the current UTC time as an ISO string with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class AuditRepository:
    """Appends and reads audit events."""

    def __init__(self, db: Database, vault_id: str) -> None:
        self.db = db
        self.vault_id = vault_id

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
        """Append one event inside the caller's transaction (or its own)."""
        with self.db.transaction():
            head = self.db.one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
            seq = (head[0] + 1) if head else 1
            prev = str(head[1]) if head else genesis_hash(self.vault_id)
            when = at or now_iso()
            h = event_hash(prev, canonical(seq, when, user_id, action, obj, purpose, reason, outcome))
            self.db.execute(
                "INSERT INTO audit (seq, at, user_id, action, object, purpose, reason, outcome, prev_hash, hash)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (seq, when, user_id, action, obj, purpose, reason, outcome, prev, h),
            )
        return AuditEvent(seq, when, user_id, action, obj, purpose, reason, outcome, prev, h)

    def head(self) -> tuple[int, str]:
        """Return (seq, hash) of the newest event, or (0, genesis) for an empty log."""
        row = self.db.one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        return (int(row[0]), str(row[1])) if row else (0, genesis_hash(self.vault_id))

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
            "SELECT seq, at, user_id, action, object, purpose, reason, outcome, prev_hash, hash FROM audit"
            f"{where} ORDER BY seq DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [AuditEvent(*r) for r in rows]

    def iter_all(self, batch: int = 5000) -> Iterator[AuditEvent]:
        """Yield every event in chain order."""
        last = 0
        while True:
            rows = self.db.all(
                "SELECT seq, at, user_id, action, object, purpose, reason, outcome, prev_hash, hash FROM audit"
                " WHERE seq > ? ORDER BY seq LIMIT ?",
                (last, batch),
            )
            if not rows:
                return
            for r in rows:
                yield AuditEvent(*r)
            last = int(rows[-1][0])

    def verify(self) -> ChainStatus:
        """Walk the chain from the genesis; report the first event whose link or hash is wrong."""
        prev = genesis_hash(self.vault_id)
        expected_seq = 1
        count = 0
        for ev in self.iter_all():
            body = canonical(ev.seq, ev.at, ev.user_id, ev.action, ev.object, ev.purpose, ev.reason, ev.outcome)
            if ev.seq != expected_seq or ev.prev_hash != prev or event_hash(prev, body) != ev.hash:
                # The chain holds up to expected_seq - 1; a missing or renumbered row breaks it right there.
                return ChainStatus(False, count, expected_seq, prev)
            prev = ev.hash
            expected_seq += 1
            count += 1
        return ChainStatus(True, count, None, prev)
