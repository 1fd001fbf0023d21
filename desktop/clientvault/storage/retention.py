"""Repositories for locked records, lock requests, retention rules and legal holds."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from clientvault.storage.audit import now_iso
from clientvault.storage.clients import (
    CLIENT_DERIVED_COLUMNS,
    CLIENT_PERSONAL_COLUMNS,
    VISIBLE_STATUSES,
    ClientRepository,
    with_name_key,
)
from clientvault.storage.db import Database

#: Personal columns of ``clients`` emptied when a record is sealed (shared with erasure).
CLIENT_SEALED_COLUMNS: dict[str, Any] = CLIENT_PERSONAL_COLUMNS
#: Personal columns of ``persons`` emptied when sealing.
PERSON_SEALED_COLUMNS: dict[str, Any] = {
    "name": "",
    "id_type": None,
    "id_number": None,
    "phone": "",
    "email": "",
    "address": "",
}
#: Personal columns of ``sensitive_items`` emptied when sealing.
ITEM_SEALED_COLUMNS: dict[str, Any] = {"label": "", "value": ""}
#: Columns of ``consent_evidence`` (the scans of signed consent forms) emptied when sealing. The
#: row itself stays (consents point at it); its bytes and their checksum go into the blob.
EVIDENCE_SEALED_COLUMNS: dict[str, Any] = {"data": b"", "size": 0, "sha256": ""}
#: Kinds of typed reasons kept in ``client_reasons``.
REASON_KINDS = ("lock_request", "lock_refused", "lock", "open", "unlock", "hold", "hold_released", "erasure_refused")


@dataclass(frozen=True)
class SealedRow:
    """A sealed (locked) client as stored: ciphertext and retention dates."""

    client_id: int
    kind: str
    nonce: bytes
    ciphertext: bytes
    previous_status: str
    sealed_at: str
    sealed_by: int | None
    retention_from: str
    retention_until: str
    retention_rule: str
    engagement_end: str | None
    hold_count: int


@dataclass(frozen=True)
class RetentionRule:
    """How long one category of the firm's records must be kept, why, and what it requires kept.

    ``permanent``: kept without end (``years`` is then 0). ``starts``: ``"year_end"`` (the day
    after the end of the accounting year, 会计档案管理办法 第十四条) or ``"disposal"`` (固定资产卡片).
    ``covers``: the item classes of a client this rule requires the firm to keep.
    """

    category: str
    years: int
    legal_source: str
    applies: bool
    permanent: bool = False
    starts: str = "year_end"
    covers: tuple[str, ...] = ()
    title: str = ""
    version: int = 1


@dataclass(frozen=True)
class RuleVersion:
    """One saved version of a retention rule (the history of the firm's edits)."""

    category: str
    version: int
    years: int
    permanent: bool
    starts: str
    covers: tuple[str, ...]
    applies: bool
    title: str
    legal_source: str
    changed_at: str
    changed_by: int | None


@dataclass(frozen=True)
class SealingRecord:
    """What sealing a client kept (item, class, the rule requiring it) and erased (item, class)."""

    id: int
    client_id: int
    request_id: int | None
    sealed_at: str
    sealed_by: int | None
    kept: tuple[dict[str, str], ...]
    erased: tuple[dict[str, str], ...]
    certificate_no: str | None
    retention_until: str
    archive_rows: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Appraisal:
    """A 会计档案鉴定意见书 record: who appraised which categories of a client, when, concluding what."""

    id: int
    client_id: int
    categories: tuple[str, ...]
    conclusion: str
    appraised_by: int
    appraised_at: str
    used_by: str | None


@dataclass(frozen=True)
class Handover:
    """A 会计档案移交清册 record: a client's archives handed over when the relationship ended."""

    id: int
    client_id: int
    categories: tuple[str, ...]
    years_from: int | None
    years_to: int | None
    recipient: str
    handed_at: str
    handed_by: int
    signed: bool


def _split(text: str) -> tuple[str, ...]:
    return tuple(x for x in str(text or "").split(",") if x)


@dataclass(frozen=True)
class LockRequestRow:
    """An accountant's request to lock a client."""

    id: int
    client_id: int
    requested_by: int
    requested_at: str
    reason: str
    state: str


@dataclass(frozen=True)
class ClientReason:
    """A reason typed about a client; audit events point at it as ``note:<id>``."""

    id: int
    client_id: int
    kind: str
    text: str
    at: str
    user_id: int | None

    @property
    def ref(self) -> str:
        """What the audit event's ``reason`` holds."""
        return f"note:{self.id}"


@dataclass(frozen=True)
class HoldRow:
    """A legal hold on a client."""

    id: int
    client_id: int
    reason: str
    placed_by: int
    placed_at: str
    released_at: str | None


_SEALED_SELECT = (
    "SELECT s.client_id, c.kind, s.nonce, s.ciphertext, s.previous_status, s.sealed_at, s.sealed_by,"
    " s.retention_from, s.retention_until, s.retention_rule, c.engagement_end,"
    " (SELECT count(*) FROM legal_holds h WHERE h.client_id = s.client_id AND h.released_at IS NULL)"
    " FROM sealed_records s JOIN clients c ON c.id = s.client_id"
)


def _sealed(r: tuple[Any, ...]) -> SealedRow:
    return SealedRow(
        int(r[0]), str(r[1]), bytes(r[2]), bytes(r[3]), str(r[4]), str(r[5]), r[6], str(r[7]), str(r[8]),
        str(r[9]), r[10], int(r[11]),
    )  # fmt: skip


class RetentionRepository:
    """All SQL about sealing, lock requests, retention rules and legal holds."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- sealing -------------------------------------------------------------------------------

    def seal(
        self,
        client_id: int,
        *,
        nonce: bytes,
        ciphertext: bytes,
        previous_status: str,
        sealed_by: int,
        retention_from: str,
        retention_until: str,
        retention_rule: str,
    ) -> None:
        """Store the blob, empty every personal column, set status ``locked``, drop the search entry.

        The search entry is deleted here; FTS5 secure-delete removes its terms in place.
        """
        self.db.execute(
            "INSERT INTO sealed_records (client_id, nonce, ciphertext, previous_status, sealed_at, sealed_by,"
            " retention_from, retention_until, retention_rule) VALUES (?,?,?,?,?,?,?,?,?)",
            (client_id, nonce, ciphertext, previous_status, now_iso(), sealed_by, retention_from, retention_until,
             retention_rule),
        )  # fmt: skip
        self._set(
            "clients",
            "id",
            client_id,
            {**CLIENT_SEALED_COLUMNS, **CLIENT_DERIVED_COLUMNS, "status": "locked"},
            extra=", updated_at = ?, version = version + 1",
            extra_params=[now_iso()],
        )
        self._set("persons", "client_id", client_id, PERSON_SEALED_COLUMNS, extra=", version = version + 1")
        self._set("sensitive_items", "client_id", client_id, ITEM_SEALED_COLUMNS, extra=", version = version + 1")
        self._set("consent_evidence", "client_id", client_id, EVIDENCE_SEALED_COLUMNS)
        self.db.execute("DELETE FROM client_search WHERE rowid = ?", (client_id,))

    def _set(
        self,
        table: str,
        key: str,
        value: int,
        columns: dict[str, Any],
        *,
        extra: str = "",
        extra_params: list[Any] | None = None,
    ) -> None:
        sets = ", ".join(f"{c} = ?" for c in columns)
        self.db.execute(
            f"UPDATE {table} SET {sets}{extra} WHERE {key} = ?", [*columns.values(), *(extra_params or []), value]
        )

    def evidence(self, client_id: int) -> list[dict[str, Any]]:
        """The client's consent scans with their bytes (to seal them with the record)."""
        rows = self.db.all(
            "SELECT id, size, sha256, data FROM consent_evidence WHERE client_id = ? ORDER BY id", (client_id,)
        )
        return [{"id": int(r[0]), "size": int(r[1]), "sha256": str(r[2]), "data": bytes(r[3])} for r in rows]

    def get_sealed(self, client_id: int) -> SealedRow | None:
        """Return one sealed record."""
        row = self.db.one(_SEALED_SELECT + " WHERE s.client_id = ?", (client_id,))
        return _sealed(row) if row else None

    def sealed_page(self, *, offset: int = 0, limit: int = 200) -> list[SealedRow]:
        """Sealed records ordered by retention end (soonest first)."""
        rows = self.db.all(
            _SEALED_SELECT + " ORDER BY s.retention_until, s.client_id LIMIT ? OFFSET ?", (limit, offset)
        )
        return [_sealed(r) for r in rows]

    def sealed_count(self) -> int:
        """How many clients are locked."""
        return int(self.db.scalar("SELECT count(*) FROM sealed_records"))

    def expired(self, today: str) -> list[int]:
        """Ids of locked clients whose retention ended before ``today`` (ISO date)."""
        return [
            int(r[0])
            for r in self.db.all(
                "SELECT client_id FROM sealed_records WHERE retention_until <= ? ORDER BY retention_until", (today,)
            )
        ]

    def unseal(
        self,
        client_id: int,
        client: dict[str, Any],
        persons: list[dict[str, Any]],
        items: list[dict[str, Any]],
        status: str,
        evidence: list[dict[str, Any]] | None = None,
    ) -> None:
        """Put the opened blob's values back into the clear columns and delete the blob.

        ``evidence``: the consent scans as :meth:`evidence` returned them (bytes, size, checksum).
        """
        self._set(
            "clients",
            "id",
            client_id,
            {**with_name_key({k: client.get(k) for k in CLIENT_SEALED_COLUMNS}), "status": status},
            extra=", updated_at = ?, version = version + 1",
            extra_params=[now_iso()],
        )
        for p in persons:
            self._set("persons", "id", int(p["id"]), {k: p.get(k) for k in PERSON_SEALED_COLUMNS})
        for i in items:
            self._set("sensitive_items", "id", int(i["id"]), {k: i.get(k) for k in ITEM_SEALED_COLUMNS})
        for e in evidence or []:
            self.db.execute(
                "UPDATE consent_evidence SET data = ?, size = ?, sha256 = ? WHERE id = ? AND client_id = ?",
                (e["data"], int(e["size"]), e["sha256"], int(e["id"]), client_id),
            )
        self.db.execute("DELETE FROM sealed_records WHERE client_id = ?", (client_id,))
        if status in VISIBLE_STATUSES:
            ClientRepository(self.db).reindex(client_id)

    # -- typed reasons -------------------------------------------------------------------------

    def add_reason(self, client_id: int, kind: str, text: str, user_id: int | None) -> ClientReason:
        """Keep a typed reason with its client (deleted when the client is erased)."""
        if kind not in REASON_KINDS:
            raise ValueError(kind)
        at = now_iso()
        cur = self.db.execute(
            "INSERT INTO client_reasons (client_id, kind, text, at, user_id) VALUES (?,?,?,?,?)",
            (client_id, kind, text, at, user_id),
        )
        return ClientReason(int(cur.lastrowid), client_id, kind, text, at, user_id)

    def reasons(self, client_id: int) -> list[ClientReason]:
        """The reasons typed about a client, oldest first."""
        rows = self.db.all(
            "SELECT id, client_id, kind, text, at, user_id FROM client_reasons WHERE client_id = ? ORDER BY id",
            (client_id,),
        )
        return [ClientReason(*r) for r in rows]

    def reason(self, reason_id: int) -> ClientReason | None:
        """One reason by id (None once its client was erased)."""
        row = self.db.one(
            "SELECT id, client_id, kind, text, at, user_id FROM client_reasons WHERE id = ?", (reason_id,)
        )
        return ClientReason(*row) if row else None

    # -- lock requests -------------------------------------------------------------------------

    def add_lock_request(self, client_id: int, user_id: int, reason: str) -> int:
        """Record an accountant's request to lock a client."""
        cur = self.db.execute(
            "INSERT INTO lock_requests (client_id, requested_by, requested_at, reason) VALUES (?,?,?,?)",
            (client_id, user_id, now_iso(), reason),
        )
        return int(cur.lastrowid)

    def open_lock_request(self, client_id: int) -> LockRequestRow | None:
        """The client's pending lock request, if any."""
        row = self.db.one(
            "SELECT id, client_id, requested_by, requested_at, reason, state FROM lock_requests"
            " WHERE client_id = ? AND state = 'requested' ORDER BY id DESC LIMIT 1",
            (client_id,),
        )
        return LockRequestRow(*row) if row else None

    def lock_requests(self, state: str = "requested") -> list[LockRequestRow]:
        """Lock requests in ``state``, oldest first."""
        rows = self.db.all(
            "SELECT id, client_id, requested_by, requested_at, reason, state FROM lock_requests WHERE state = ?"
            " ORDER BY id",
            (state,),
        )
        return [LockRequestRow(*r) for r in rows]

    def decide_lock_requests(self, client_id: int, state: str, user_id: int, reason: str) -> None:
        """Close every pending request of the client as ``locked`` or ``refused``."""
        self.db.execute(
            "UPDATE lock_requests SET state = ?, decided_by = ?, decided_at = ?, decision_reason = ?"
            " WHERE client_id = ? AND state = 'requested'",
            (state, user_id, now_iso(), reason, client_id),
        )

    # -- retention rules -----------------------------------------------------------------------

    _RULE_COLS = "category, years, legal_source, applies, permanent, starts, covers, title, version"

    def rules(self) -> list[RetentionRule]:
        """Every retention rule, in display order."""
        rows = self.db.all(f"SELECT {self._RULE_COLS} FROM retention_rules ORDER BY sort_order, category")
        return [
            RetentionRule(str(r[0]), int(r[1]), str(r[2]), bool(r[3]), bool(r[4]), str(r[5]), _split(r[6]),
                          str(r[7]), int(r[8]))
            for r in rows
        ]  # fmt: skip

    def set_rule(
        self,
        category: str,
        years: int,
        legal_source: str,
        applies: bool,
        user_id: int,
        *,
        permanent: bool = False,
        starts: str = "year_end",
        covers: tuple[str, ...] = (),
        title: str = "",
    ) -> int:
        """Change (or add) a rule and save the new version in the history; returns the version."""
        now = now_iso()
        current = self.db.scalar("SELECT version FROM retention_rules WHERE category = ?", (category,))
        version = 1 if current is None else int(current) + 1
        self.db.execute(
            "INSERT INTO retention_rules (category, years, legal_source, applies, permanent, starts, covers, title,"
            " version, sort_order, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,200,?,?)"
            " ON CONFLICT (category) DO UPDATE SET years = excluded.years, legal_source = excluded.legal_source,"
            " applies = excluded.applies, permanent = excluded.permanent, starts = excluded.starts,"
            " covers = excluded.covers, title = excluded.title, version = excluded.version,"
            " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            (category, years, legal_source, int(applies), int(permanent), starts, ",".join(covers), title, version,
             now, user_id),
        )  # fmt: skip
        self.db.execute(
            "INSERT INTO retention_rule_versions (category, version, years, permanent, starts, covers, applies, title,"
            " legal_source, changed_at, changed_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (category, version, years, int(permanent), starts, ",".join(covers), int(applies), title, legal_source,
             now, user_id),
        )  # fmt: skip
        return version

    def rule_versions(self, category: str | None = None) -> list[RuleVersion]:
        """The saved versions of one rule (or of all), oldest first."""
        where, params = ("WHERE category = ?", (category,)) if category else ("", ())
        rows = self.db.all(
            "SELECT category, version, years, permanent, starts, covers, applies, title, legal_source, changed_at,"
            f" changed_by FROM retention_rule_versions {where} ORDER BY category, version",
            params,
        )
        return [
            RuleVersion(str(r[0]), int(r[1]), int(r[2]), bool(r[3]), str(r[4]), _split(r[5]), bool(r[6]), str(r[7]),
                        str(r[8]), str(r[9]), r[10])
            for r in rows
        ]  # fmt: skip

    # -- sealing records, appraisals, handovers ---------------------------------------------

    def add_sealing_record(
        self,
        client_id: int,
        *,
        request_id: int | None,
        sealed_by: int,
        kept: list[dict[str, str]],
        erased: list[dict[str, str]],
        certificate_no: str | None,
        retention_until: str,
        archive_rows: list[dict[str, Any]] | None = None,
    ) -> int:
        """Record what sealing kept and erased (classes and ids only)."""
        cur = self.db.execute(
            "INSERT INTO sealing_records (client_id, request_id, sealed_at, sealed_by, kept, erased, certificate_no,"
            " retention_until, archive_rows) VALUES (?,?,?,?,?,?,?,?,?)",
            (client_id, request_id, now_iso(), sealed_by, json.dumps(kept, sort_keys=True),
             json.dumps(erased, sort_keys=True), certificate_no, retention_until,
             json.dumps(archive_rows or [], ensure_ascii=False, sort_keys=True)),
        )  # fmt: skip
        return int(cur.lastrowid)

    def sealing_records(self, client_id: int) -> list[SealingRecord]:
        """The client's sealing records, oldest first."""
        rows = self.db.all(
            "SELECT id, client_id, request_id, sealed_at, sealed_by, kept, erased, certificate_no, retention_until,"
            " archive_rows FROM sealing_records WHERE client_id = ? ORDER BY id",
            (client_id,),
        )
        return [
            SealingRecord(int(r[0]), int(r[1]), r[2], str(r[3]), r[4], tuple(json.loads(r[5])),
                          tuple(json.loads(r[6])), r[7], str(r[8]), tuple(json.loads(r[9] or "[]")))
            for r in rows
        ]  # fmt: skip

    def add_appraisal(self, client_id: int, categories: tuple[str, ...], conclusion: str, user_id: int) -> int:
        """Record a 鉴定意见书."""
        cur = self.db.execute(
            "INSERT INTO appraisals (client_id, categories, conclusion, appraised_by, appraised_at) VALUES (?,?,?,?,?)",
            (client_id, ",".join(categories), conclusion, user_id, now_iso()),
        )
        return int(cur.lastrowid)

    def appraisals(self, client_id: int) -> list[Appraisal]:
        """The client's appraisals, newest first."""
        rows = self.db.all(
            "SELECT id, client_id, categories, conclusion, appraised_by, appraised_at, used_by FROM appraisals"
            " WHERE client_id = ? ORDER BY id DESC",
            (client_id,),
        )
        return [Appraisal(int(r[0]), int(r[1]), _split(r[2]), str(r[3]), int(r[4]), str(r[5]), r[6]) for r in rows]

    def use_appraisal(self, appraisal_id: int, certificate_no: str) -> None:
        """Mark an appraisal as the one a destruction relied on."""
        self.db.execute("UPDATE appraisals SET used_by = ? WHERE id = ?", (certificate_no, appraisal_id))

    def add_handover(self, client_id: int, categories: tuple[str, ...], years: tuple[int | None, int | None],
                     recipient: str, user_id: int, signed: bool, *, handed_at: str | None = None) -> int:  # fmt: skip
        """Record a 移交清册 entry (``handed_at``: the day of the handover, default now)."""
        cur = self.db.execute(
            "INSERT INTO handovers (client_id, categories, years_from, years_to, recipient, handed_at, handed_by,"
            " signed) VALUES (?,?,?,?,?,?,?,?)",
            (client_id, ",".join(categories), years[0], years[1], recipient, handed_at or now_iso(), user_id,
             int(signed)),
        )  # fmt: skip
        return int(cur.lastrowid)

    def handover(self, handover_id: int) -> Handover | None:
        """One handover record."""
        r = self.db.one(
            "SELECT id, client_id, categories, years_from, years_to, recipient, handed_at, handed_by, signed"
            " FROM handovers WHERE id = ?",
            (handover_id,),
        )
        if r is None:
            return None
        return Handover(int(r[0]), int(r[1]), _split(r[2]), r[3], r[4], str(r[5]), str(r[6]), int(r[7]), bool(r[8]))

    def handovers(self, client_id: int) -> list[Handover]:
        """The client's handover records, oldest first."""
        rows = self.db.all(
            "SELECT id, client_id, categories, years_from, years_to, recipient, handed_at, handed_by, signed"
            " FROM handovers WHERE client_id = ? ORDER BY id",
            (client_id,),
        )
        return [
            Handover(int(r[0]), int(r[1]), _split(r[2]), r[3], r[4], str(r[5]), str(r[6]), int(r[7]), bool(r[8]))
            for r in rows
        ]

    # -- legal holds ---------------------------------------------------------------------------

    def add_hold(self, client_id: int, reason: str, user_id: int) -> int:
        """Place a legal hold."""
        cur = self.db.execute(
            "INSERT INTO legal_holds (client_id, reason, placed_by, placed_at) VALUES (?,?,?,?)",
            (client_id, reason, user_id, now_iso()),
        )
        return int(cur.lastrowid)

    def release_hold(self, client_id: int, hold_id: int, reason: str, user_id: int) -> bool:
        """Release an active hold of the client; False when it has none with that id."""
        cur = self.db.execute(
            "UPDATE legal_holds SET released_by = ?, released_at = ?, release_reason = ?"
            " WHERE id = ? AND client_id = ? AND released_at IS NULL",
            (user_id, now_iso(), reason, hold_id, client_id),
        )
        return int(cur.rowcount) == 1

    def active_holds(self, client_id: int) -> list[HoldRow]:
        """The client's holds that are still in force."""
        rows = self.db.all(
            "SELECT id, client_id, reason, placed_by, placed_at, released_at FROM legal_holds"
            " WHERE client_id = ? AND released_at IS NULL ORDER BY id",
            (client_id,),
        )
        return [HoldRow(*r) for r in rows]
