"""The erasure recipe's SQL: deleting a client's rows everywhere, purging the search index, and
the erasure requests, ledger, destruction register and backup catalogue.

The erase functions work on any schema version from 0002 on (a restored or purged backup can be
older than the app), so each table is touched only if it exists.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from clientvault.storage.audit import now_iso
from clientvault.storage.clients import (
    CLIENT_DERIVED_COLUMNS,
    CLIENT_PERSONAL_COLUMNS,
    VISIBLE_STATUSES,
    ClientRepository,
)
from clientvault.storage.db import Database

#: Client columns kept on the tombstone row of an erased client: id (never reused, so a replayed
#: ledger can never hit a newer client), kind, status and the row's own timestamps.
_CLIENT_ERASED = {**CLIENT_PERSONAL_COLUMNS, **CLIENT_DERIVED_COLUMNS, "engagement_end": None, "status": "erased"}
#: Per-client rows deleted by a whole-client erasure, child tables first: (table, condition with
#: one ``?`` for the client id). Tables of every migration are listed; missing ones are skipped
#: (a restored or purged backup can predate them). Free-text reasons (``client_reasons``, lock
#: requests, legal holds) go too: staff may have written names into them; the audit events that
#: pointed at them (``note:<id>``) then point at nothing.
CLIENT_TABLES: tuple[tuple[str, str], ...] = (
    ("consents", "client_id = ?"),
    ("consent_evidence", "client_id = ?"),
    ("form_corrections", "form_id IN (SELECT id FROM consent_forms WHERE client_id = ?)"),
    ("consent_form_purposes", "form_id IN (SELECT id FROM consent_forms WHERE client_id = ?)"),
    ("consent_forms", "client_id = ?"),
    ("erasure_flags", "client_id = ?"),
    ("sensitive_items", "client_id = ?"),
    ("persons", "client_id = ?"),
    ("client_accountants", "client_id = ?"),
    ("sealed_records", "client_id = ?"),
    ("lock_requests", "client_id = ?"),
    ("legal_holds", "client_id = ?"),
    ("client_reasons", "client_id = ?"),
    ("identifier_confirmations", "client_id = ?"),
)
#: What the typed columns of the export register say once a client in the file is erased.
ERASED_TEXT = "(erased)"
#: Export register columns a user types or picks (file name, folder, purpose, note): anyone may
#: have written the client's name into them. Erasure overwrites them on every entry that holds
#: the client; id, kind, sha256, size, row count, dates and destruction status stay, so the
#: register still proves the file left the vault and can still be marked destroyed.
EXPORT_TYPED_COLUMNS = ("file_name", "location", "purpose", "note")
#: Typed columns of the compliance registers (issue 14) that staff may have written a name into:
#: blanked on the entries about an erased client, which stay (the register still shows that a
#: request or complaint was made and how it ended, by codes and dates).
REGISTER_TYPED_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("subject_requests", ("outcome", "extension_reason")),
    ("complaints", ("summary", "resolution")),
    ("entrustments", ("scope", "end_confirmation")),
)
PERSON_FIELDS = {"id_number": None, "phone": "", "email": "", "address": ""}
CLIENT_FIELDS = {"phone": "", "email": "", "address": "", "notes": ""}


@dataclass(frozen=True)
class LegalBasis:
    """A legal basis an erasure may be made under, with its source in law (zh and en wording)."""

    code: str
    source: str  # short citation, e.g. "PIPL Art 47(1)(2)"
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        """The full wording printed on the certificate."""
        return self.zh if lang == "zh" else f"{self.source}: {self.en}"


#: The legal bases of an erasure. Requests, the ledger, the destruction register and the ledger
#: mirror in ``backups/catalogue.json`` (plaintext) hold the code only, never typed text.
LEGAL_BASES: dict[str, LegalBasis] = {
    b.code: b
    for b in (
        LegalBasis("purpose_fulfilled", "PIPL Art 47(1)(1)",
                   "《个人信息保护法》第四十七条第一款第（一）项：处理目的已实现、无法实现或者为实现处理目的不再必要",
                   "the purpose of processing has been achieved, cannot be achieved, or the data is no longer "
                   "necessary to achieve it"),
        LegalBasis("service_ended", "PIPL Art 47(1)(2)",
                   "《个人信息保护法》第四十七条第一款第（二）项：个人信息处理者停止提供产品或者服务",
                   "the firm has stopped providing its service to the client"),
        LegalBasis("retention_ended", "PIPL Art 47(1)(2)",
                   "《个人信息保护法》第四十七条第一款第（二）项：保存期限已届满"
                   "（《会计档案管理办法》第十四条、《税收征收管理法实施细则》第二十九条规定的保管期限）",
                   "the retention period has ended (Accounting Archives Measures Art 14; Tax Collection "
                   "Administration Law Implementing Rules Art 29)"),
        LegalBasis("consent_withdrawn", "PIPL Arts 15, 47(1)(3)",
                   "《个人信息保护法》第十五条、第四十七条第一款第（三）项：个人撤回同意",
                   "the individual has withdrawn consent"),
        LegalBasis("unlawful_processing", "PIPL Art 47(1)(4)",
                   "《个人信息保护法》第四十七条第一款第（四）项：个人信息处理者违反法律、行政法规或者违反约定处理个人信息",
                   "the data was processed in breach of laws, administrative regulations or the agreement"),
        LegalBasis("other_law", "PIPL Art 47(1)(5)",
                   "《个人信息保护法》第四十七条第一款第（五）项：法律、行政法规规定的其他情形",
                   "another case provided for by laws or administrative regulations"),
        LegalBasis("deletion_request", "PIPL Art 47(1)",
                   "《个人信息保护法》第四十七条第一款：个人请求删除（符合该款规定的情形）",
                   "the individual asked for deletion (a case of Art 47(1) applies)"),
    )
}  # fmt: skip
#: What a ledger entry of an older copy whose basis is not a known code is mirrored as.
UNKNOWN_BASIS = "unspecified"

_TARGET = re.compile(
    r"^(?:item:(?P<item>\d+)(?:\.[a-z_]+)?|person:(?P<person>\d+)(?:\.(?P<pfield>[a-z_]+))?"
    r"|client\.(?P<cfield>[a-z_]+)|evidence:(?P<evidence>\d+))$"
)


def tables(db: Database) -> set[str]:
    """Names of the tables in ``db``."""
    return {str(r[0]) for r in db.all("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def parse_targets(text: str) -> list[str]:
    """Split and validate a comma-separated target list (ids and field names only).

    Raises:
        ValueError: A target is not one of ``item:N``, ``person:N[.field]``, ``client.field``, ``evidence:N``.
    """
    out = []
    for raw in text.split(","):
        target = raw.strip()
        if not target:
            continue
        m = _TARGET.match(target)
        if m is None:
            raise ValueError("target")
        if m.group("pfield") and m.group("pfield") not in PERSON_FIELDS:
            raise ValueError("target")
        if m.group("cfield") and m.group("cfield") not in CLIENT_FIELDS:
            raise ValueError("target")
        out.append(target)
    return out


def erase_client(db: Database, client_id: int) -> dict[str, int]:
    """Delete every row about a client and blank its tombstone row; returns counts per kind.

    Runs inside the caller's transaction. The client's search entry is deleted too; the index
    runs with FTS5 secure-delete, so its terms are removed in place (tests/unit/storage/
    test_search_index.py shows no term survives).
    """
    have = tables(db)
    client = db.one("SELECT status FROM clients WHERE id = ?", (client_id,))
    if client is None:
        return {}
    counts: Counter[str] = Counter()
    for table, where in CLIENT_TABLES:
        if table not in have:
            continue
        cur = db.execute(f"DELETE FROM {table} WHERE {where}", (client_id,))
        if cur.rowcount:
            counts[table] += int(cur.rowcount)
    if "export_register" in have and "export_clients" in have:
        sets = ", ".join(f"{c} = ?" for c in EXPORT_TYPED_COLUMNS)
        # Not counted: the entries stay (blanked), and the certificate lists what was deleted.
        db.execute(
            f"UPDATE export_register SET {sets} WHERE id IN (SELECT export_id FROM export_clients WHERE client_id = ?)",
            [*(ERASED_TEXT for _ in EXPORT_TYPED_COLUMNS), client_id],
        )
        db.execute("DELETE FROM export_clients WHERE client_id = ?", (client_id,))
    for table, columns in REGISTER_TYPED_COLUMNS:
        if table in have:
            sets = ", ".join(f"{c} = ?" for c in columns)
            db.execute(f"UPDATE {table} SET {sets} WHERE client_id = ?", [*(ERASED_TEXT for _ in columns), client_id])
    if "client_search" in have and client[0] in VISIBLE_STATUSES:
        db.execute("DELETE FROM client_search WHERE rowid = ?", (client_id,))
        counts["client_search"] += 1
    sets = ", ".join(f"{c} = ?" for c in _CLIENT_ERASED)
    db.execute(
        f"UPDATE clients SET {sets}, updated_at = ?, version = version + 1 WHERE id = ?",
        [*_CLIENT_ERASED.values(), now_iso(), client_id],
    )
    counts["clients"] += 1
    return dict(counts)


def erase_targets(db: Database, client_id: int, targets: list[str]) -> dict[str, int]:
    """Erase only the listed parts of a client (partial erasure); returns counts per kind.

    Each target must belong to ``client_id``; targets of another client are ignored (and so
    not counted). The client's search entry is rebuilt from what is left, and the index purged.
    """
    have = tables(db)
    counts: Counter[str] = Counter()
    for target in targets:
        m = _TARGET.match(target)
        if m is None:
            raise ValueError("target")
        if m.group("item"):
            cur = db.execute(
                "DELETE FROM sensitive_items WHERE id = ? AND client_id = ?", (int(m.group("item")), client_id)
            )
            counts["sensitive_items"] += int(cur.rowcount)
        elif m.group("person"):
            pid = int(m.group("person"))
            field = m.group("pfield")
            if field:
                extra = ", id_type = NULL" if field == "id_number" else ""
                cur = db.execute(
                    f"UPDATE persons SET {field} = ?{extra}, version = version + 1 WHERE id = ? AND client_id = ?",
                    (PERSON_FIELDS[field], pid, client_id),
                )
                counts[f"persons.{field}"] += int(cur.rowcount)
            else:
                n = int(db.execute("DELETE FROM sensitive_items WHERE person_id = ? AND client_id = ?",
                                   (pid, client_id)).rowcount)  # fmt: skip
                counts["sensitive_items"] += n
                cur = db.execute("DELETE FROM persons WHERE id = ? AND client_id = ?", (pid, client_id))
                counts["persons"] += int(cur.rowcount)
        elif m.group("cfield"):
            field = m.group("cfield")
            cur = db.execute(
                f"UPDATE clients SET {field} = ?, version = version + 1 WHERE id = ?", (CLIENT_FIELDS[field], client_id)
            )
            counts[f"clients.{field}"] += int(cur.rowcount)
        elif m.group("evidence") and "consent_evidence" in have:
            cur = db.execute(
                "DELETE FROM consent_evidence WHERE id = ? AND client_id = ?", (int(m.group("evidence")), client_id)
            )
            counts["consent_evidence"] += int(cur.rowcount)
    if "erasure_flags" in have and targets:
        marks = ",".join("?" for _ in targets)
        db.execute(
            f"UPDATE erasure_flags SET resolved_at = ?, resolution = 'erased'"
            f" WHERE client_id = ? AND resolved_at IS NULL AND item IN ({marks})",
            [now_iso(), client_id, *targets],
        )
        # Flags name items with their kind ("item:9.bank_account"); match the bare form too.
        bare = [t for t in targets if t.startswith("item:")]
        for t in bare:
            db.execute(
                "UPDATE erasure_flags SET resolved_at = ?, resolution = 'erased'"
                " WHERE client_id = ? AND resolved_at IS NULL AND item LIKE ?",
                (now_iso(), client_id, t + ".%"),
            )
    if "client_search" in have:
        status = db.scalar("SELECT status FROM clients WHERE id = ?", (client_id,))
        if status in VISIBLE_STATUSES:
            ClientRepository(db).reindex(client_id)
            counts["client_search"] += 1
    return {k: v for k, v in counts.items() if v}


# ----------------------------------------------------------------------------------- workflow rows


@dataclass(frozen=True)
class ErasureRequestRow:
    """One erasure request as stored."""

    id: int
    client_id: int
    source: str
    scope: str
    targets: str
    legal_basis: str
    state: str
    requested_by: int
    requested_at: str
    approved_by: int | None
    approved_at: str | None
    refused_by: int | None
    refusal_reason: str
    executed_by: int | None
    executed_at: str | None
    certificate_no: str | None


@dataclass(frozen=True)
class LedgerEntry:
    """One erasure ledger entry (no personal data)."""

    seq: int
    client_id: int
    scope: str
    targets: str
    erased_at: str
    erased_by: int | None
    legal_basis: str
    certificate_no: str

    def to_json(self) -> dict[str, Any]:
        """The entry as a JSON object (mirrored, in plaintext, beside the backups).

        The legal basis is a code; anything else (an entry written before bases were codes)
        is mirrored as ``unspecified``, so typed text never reaches the plaintext file.
        """
        data = dict(self.__dict__)
        if data["legal_basis"] not in LEGAL_BASES:
            data["legal_basis"] = UNKNOWN_BASIS
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LedgerEntry:
        """Parse a mirrored entry."""
        return cls(
            int(data["seq"]), int(data["client_id"]), str(data["scope"]), str(data.get("targets", "")),
            str(data["erased_at"]), data.get("erased_by"), str(data["legal_basis"]), str(data["certificate_no"]),
        )  # fmt: skip


@dataclass(frozen=True)
class RegisterEntry:
    """One destruction register entry: the data printed on its certificate."""

    id: int
    certificate_no: str
    request_id: int | None
    client_id: int
    source: str
    scope: str
    erased: dict[str, int]
    legal_basis: str
    requested_by: int | None
    requested_at: str | None
    approved_by: int | None
    approved_at: str | None
    executed_by: int
    executed_at: str
    witness: str
    method: str
    integrity: str
    vacuumed: bool
    has_note: bool = False  # a partner's note is sealed under PK in the row
    on_disk: str = "complete"  # "pending": old page versions may still be on disk (readers held the WAL)


_REQ_COLS = (
    "id, client_id, source, scope, targets, legal_basis, state, requested_by, requested_at, approved_by,"
    " approved_at, refused_by, refusal_reason, executed_by, executed_at, certificate_no"
)
_LEDGER_COLS = "seq, client_id, scope, targets, erased_at, erased_by, legal_basis, certificate_no"
_REG_COLS = (
    "id, certificate_no, request_id, client_id, source, scope, erased, legal_basis, requested_by, requested_at,"
    " approved_by, approved_at, executed_by, executed_at, witness, method, integrity, vacuumed"
)
_REG_SELECT = f"SELECT {_REG_COLS}, note_ciphertext IS NOT NULL, on_disk FROM destruction_register"


def _register(r: tuple[Any, ...]) -> RegisterEntry:
    values = list(r)
    values[6] = json.loads(values[6] or "{}")
    values[17] = bool(values[17])
    values[18] = bool(values[18])
    return RegisterEntry(*values)


class ErasureRepository:
    """Requests, ledger, destruction register."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- requests ------------------------------------------------------------------------------

    def add_request(self, client_id: int, source: str, scope: str, targets: str, legal_basis: str, user_id: int) -> int:
        """Record a new request."""
        cur = self.db.execute(
            "INSERT INTO erasure_requests (client_id, source, scope, targets, legal_basis, requested_by, requested_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (client_id, source, scope, targets, legal_basis, user_id, now_iso()),
        )
        return int(cur.lastrowid)

    def get_request(self, request_id: int) -> ErasureRequestRow | None:
        """Return one request."""
        row = self.db.one(f"SELECT {_REQ_COLS} FROM erasure_requests WHERE id = ?", (request_id,))
        return ErasureRequestRow(*row) if row else None

    def requests(
        self, states: tuple[str, ...] | None = None, *, limit: int = 500, offset: int = 0
    ) -> list[ErasureRequestRow]:
        """Requests (optionally only in ``states``), newest first."""
        where, params = "", []
        if states:
            where = f" WHERE state IN ({','.join('?' for _ in states)})"
            params = list(states)
        rows = self.db.all(
            f"SELECT {_REQ_COLS} FROM erasure_requests{where} ORDER BY id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [ErasureRequestRow(*r) for r in rows]

    def open_request_for(self, client_id: int, source: str) -> ErasureRequestRow | None:
        """A not yet executed/refused whole-client request of ``source`` for the client."""
        row = self.db.one(
            f"SELECT {_REQ_COLS} FROM erasure_requests WHERE client_id = ? AND source = ? AND scope = 'client'"
            " AND state IN ('requested', 'approved') ORDER BY id DESC LIMIT 1",
            (client_id, source),
        )
        return ErasureRequestRow(*row) if row else None

    def open_requests(self, client_id: int) -> list[ErasureRequestRow]:
        """The client's requests that are neither executed nor refused, newest first."""
        rows = self.db.all(
            f"SELECT {_REQ_COLS} FROM erasure_requests WHERE client_id = ? AND state IN ('requested', 'approved')"
            " ORDER BY id DESC",
            (client_id,),
        )
        return [ErasureRequestRow(*r) for r in rows]

    def set_state(self, request_id: int, expected: str, state: str, user_id: int, *, reason: str = "",
                  certificate_no: str | None = None) -> bool:  # fmt: skip
        """Move a request from ``expected`` to ``state``; False if it was no longer in ``expected``."""
        column = {"approved": "approved", "refused": "refused", "executed": "executed"}[state]
        extra, params = "", list[Any]()
        if state == "refused":
            extra, params = ", refusal_reason = ?", [reason]
        if state == "executed":
            extra, params = ", certificate_no = ?", [certificate_no]
        cur = self.db.execute(
            f"UPDATE erasure_requests SET state = ?, {column}_by = ?, {column}_at = ?{extra}"
            " WHERE id = ? AND state = ?",
            [state, user_id, now_iso(), *params, request_id, expected],
        )
        return int(cur.rowcount) == 1

    # -- ledger --------------------------------------------------------------------------------

    def next_certificate_no(self, year: int) -> str:
        """The next certificate number, ``ER-<year>-<seq:06d>`` (seq of the ledger entry to come)."""
        seq = int(self.db.scalar("SELECT coalesce(max(seq), 0) FROM erasure_ledger")) + 1
        return f"ER-{year}-{seq:06d}"

    def append_ledger(self, client_id: int, scope: str, targets: str, user_id: int | None, legal_basis: str,
                      certificate_no: str, erased_at: str | None = None, seq: int | None = None) -> int:  # fmt: skip
        """Append an entry (``seq`` given: replaying an entry of another copy of the vault)."""
        cur = self.db.execute(
            f"INSERT INTO erasure_ledger ({_LEDGER_COLS}) VALUES (?,?,?,?,?,?,?,?)",
            (seq, client_id, scope, targets, erased_at or now_iso(), user_id, legal_basis, certificate_no),
        )
        return int(cur.lastrowid)

    def ledger(self, *, after_seq: int = 0) -> list[LedgerEntry]:
        """Ledger entries after ``after_seq``, in order."""
        rows = self.db.all(f"SELECT {_LEDGER_COLS} FROM erasure_ledger WHERE seq > ? ORDER BY seq", (after_seq,))
        return [LedgerEntry(*r) for r in rows]

    def has_certificate(self, certificate_no: str) -> bool:
        """Whether the ledger already holds this certificate's entry."""
        return self.db.scalar("SELECT 1 FROM erasure_ledger WHERE certificate_no = ?", (certificate_no,)) is not None

    def ledger_head(self) -> int:
        """The highest ledger seq (0 when empty)."""
        return int(self.db.scalar("SELECT coalesce(max(seq), 0) FROM erasure_ledger"))

    # -- destruction register ------------------------------------------------------------------

    def add_register(self, req: ErasureRequestRow | None, *, certificate_no: str, client_id: int, source: str,
                     scope: str, erased: dict[str, int], legal_basis: str, executed_by: int, witness: str,
                     method: str, note: tuple[bytes, bytes] | None = None) -> int:  # fmt: skip
        """Write the destruction register entry of an executed erasure (``note``: nonce, ciphertext)."""
        cur = self.db.execute(
            f"INSERT INTO destruction_register ({_REG_COLS.replace('id, ', '', 1)}, note_nonce, note_ciphertext)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                certificate_no, req.id if req else None, client_id, source, scope,
                json.dumps(erased, sort_keys=True), legal_basis, req.requested_by if req else executed_by,
                req.requested_at if req else now_iso(), req.approved_by if req else None,
                req.approved_at if req else None, executed_by, now_iso(), witness, method, "not_run", 0,
                note[0] if note else None, note[1] if note else None,
            ),
        )  # fmt: skip
        return int(cur.lastrowid)

    def set_register_result(self, certificate_no: str, integrity: str, vacuumed: bool) -> None:
        """Record the integrity check run after the erasure (and whether VACUUM ran)."""
        self.db.execute(
            "UPDATE destruction_register SET integrity = ?, vacuumed = ? WHERE certificate_no = ?",
            (integrity, int(vacuumed), certificate_no),
        )

    def set_on_disk(self, certificate_no: str, state: str) -> None:
        """Record whether the erasure's old page versions are gone from disk ("complete"/"pending")."""
        self.db.execute("UPDATE destruction_register SET on_disk = ? WHERE certificate_no = ?", (state, certificate_no))

    def pending_on_disk(self, *, unchecked: bool = True) -> list[tuple[str, int]]:
        """(certificate number, client id) of erasures whose old page versions may still be on disk.

        ``unchecked=False`` leaves out those whose whole-file check is still to run (it checkpoints).
        """
        extra = "" if unchecked else " AND integrity != 'pending'"
        rows = self.db.all(
            f"SELECT certificate_no, client_id FROM destruction_register WHERE on_disk = 'pending'{extra}"
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    def checks_to_run(self) -> list[str]:
        """Certificate numbers of erasures whose whole-file check has not run yet (integrity 'pending')."""
        rows = self.db.all("SELECT certificate_no FROM destruction_register WHERE integrity = 'pending' ORDER BY id")
        return [str(r[0]) for r in rows]

    def register(self, *, limit: int = 500, offset: int = 0) -> list[RegisterEntry]:
        """The destruction register, newest first."""
        rows = self.db.all(f"{_REG_SELECT} ORDER BY id DESC LIMIT ? OFFSET ?", (limit, offset))
        return [_register(r) for r in rows]

    def register_entry(self, certificate_no: str) -> RegisterEntry | None:
        """One register entry by certificate number."""
        row = self.db.one(f"{_REG_SELECT} WHERE certificate_no = ?", (certificate_no,))
        return _register(row) if row else None

    def register_note(self, certificate_no: str) -> tuple[bytes, bytes] | None:
        """The sealed note of a register entry (nonce, ciphertext), None without one."""
        row = self.db.one(
            "SELECT note_nonce, note_ciphertext FROM destruction_register WHERE certificate_no = ?"
            " AND note_ciphertext IS NOT NULL",
            (certificate_no,),
        )
        return (bytes(row[0]), bytes(row[1])) if row else None

    def set_register_extras(self, certificate_no: str, *, archive_rows: list[dict[str, Any]],
                            override_reason: str = "", appraisal_id: int | None = None) -> None:  # fmt: skip
        """The 销毁清册 rows, a partner's override of a running retention and the appraisal relied on."""
        self.db.execute(
            "UPDATE destruction_register SET archive_rows = ?, override_reason = ?, appraisal_id = ?"
            " WHERE certificate_no = ?",
            (json.dumps(archive_rows, ensure_ascii=False, sort_keys=True), override_reason, appraisal_id,
             certificate_no),
        )  # fmt: skip

    def register_extras(self, certificate_no: str) -> tuple[list[dict[str, Any]], str, int | None]:
        """(archive rows, override reason, appraisal id) of a register entry."""
        row = self.db.one(
            "SELECT archive_rows, override_reason, appraisal_id FROM destruction_register WHERE certificate_no = ?",
            (certificate_no,),
        )
        if row is None:
            return [], "", None
        return list(json.loads(row[0] or "[]")), str(row[1] or ""), row[2]

    def set_override(self, request_id: int, reason: str, user_id: int) -> bool:
        """Record a partner's override of a running retention on an open request."""
        cur = self.db.execute(
            "UPDATE erasure_requests SET override_reason = ?, override_by = ? WHERE id = ?"
            " AND state IN ('requested', 'approved')",
            (reason, user_id, request_id),
        )
        return int(cur.rowcount) == 1

    def override_of(self, request_id: int) -> tuple[str, int | None]:
        """(override reason, partner) of a request; ('', None) without one."""
        row = self.db.one("SELECT override_reason, override_by FROM erasure_requests WHERE id = ?", (request_id,))
        return (str(row[0] or ""), row[1]) if row else ("", None)

    def resolve_flags_kept(self, client_id: int, targets: tuple[str, ...]) -> None:
        """Resolve the withdrawal flags of items kept because a retention rule requires them (``kept_by_law``)."""
        if "erasure_flags" not in tables(self.db):
            return
        for target in targets:
            self.db.execute(
                "UPDATE erasure_flags SET resolved_at = ?, resolution = 'kept_by_law' WHERE client_id = ?"
                " AND resolved_at IS NULL AND (item = ? OR item LIKE ?)",
                (now_iso(), client_id, target, target + ".%"),
            )

    def set_outcome(self, request_id: int, outcome: str) -> None:
        """Whether an executed request destroyed (``erased``), sealed or kept the data."""
        self.db.execute("UPDATE erasure_requests SET outcome = ? WHERE id = ?", (outcome, request_id))

    def outcome_of(self, request_id: int) -> str | None:
        """The outcome of an executed request (None before execution)."""
        value = self.db.scalar("SELECT outcome FROM erasure_requests WHERE id = ?", (request_id,))
        return None if value is None else str(value)

    def register_count(self) -> int:
        """How many erasures were executed."""
        return int(self.db.scalar("SELECT count(*) FROM destruction_register"))


# ----------------------------------------------------------------------------------- backups


@dataclass(frozen=True)
class CatalogueRow:
    """A backup as listed in the database's catalogue."""

    file_name: str
    kind: str
    created_at: str
    created_by: int | None
    size: int
    sha256: str
    ledger_seq: int
    row_counts: dict[str, int]
    status: str


class BackupCatalogueRepository:
    """The ``backup_catalogue`` table (a mirror of ``backups/catalogue.json`` for listing and audit)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def upsert(self, row: CatalogueRow) -> None:
        """Insert or replace a row."""
        self.db.execute(
            "INSERT INTO backup_catalogue (file_name, kind, created_at, created_by, size, sha256, ledger_seq,"
            " row_counts, status) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (file_name) DO UPDATE SET"
            " size = excluded.size, sha256 = excluded.sha256, ledger_seq = excluded.ledger_seq,"
            " row_counts = excluded.row_counts, status = excluded.status",
            (row.file_name, row.kind, row.created_at, row.created_by, row.size, row.sha256, row.ledger_seq,
             json.dumps(row.row_counts, sort_keys=True), row.status),
        )  # fmt: skip

    def replace_all(self, rows: list[CatalogueRow]) -> None:
        """Make the table match ``rows`` (after a restore)."""
        self.db.execute("DELETE FROM backup_catalogue")
        for row in rows:
            self.upsert(row)

    def set_status(self, file_name: str, status: str) -> None:
        """Mark a backup pruned or missing."""
        self.db.execute("UPDATE backup_catalogue SET status = ? WHERE file_name = ?", (status, file_name))


def row_counts(db: Database) -> dict[str, int]:
    """Row counts of the tables a backup check compares (those that exist in ``db``)."""
    have = tables(db)
    wanted = ("clients", "persons", "sensitive_items", "audit", "erasure_ledger", "sealed_records", "users")
    return {t: int(db.scalar(f"SELECT count(*) FROM {t}")) for t in wanted if t in have}


def meta_get(db: Database, key: str) -> str | None:
    """Read one ``meta`` value (used on backup copies, which have no repositories of their own)."""
    value = db.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    return None if value is None else str(value)


def meta_set(db: Database, key: str, value: str) -> None:
    """Write one ``meta`` value on a backup copy."""
    db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
               (key, value))  # fmt: skip


def audit_tail(db: Database, after_seq: int) -> list[tuple[Any, ...]]:
    """Audit rows after ``after_seq`` verbatim (to carry them onto a restored copy)."""
    return db.all(
        "SELECT seq, body, prev_hash, hash, sig FROM audit WHERE seq > ? ORDER BY seq",
        (after_seq,),
    )


def append_audit_rows(db: Database, rows: list[tuple[Any, ...]]) -> None:
    """Insert audit rows verbatim (they chain on from the copy's head, which the caller checked)."""
    db.executemany(
        "INSERT INTO audit (seq, body, prev_hash, hash, sig) VALUES (?,?,?,?,?)",
        rows,
    )


def audit_head(db: Database) -> tuple[int, str]:
    """(seq, hash) of the last audit row, (0, '') when empty."""
    row = db.one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
    return (int(row[0]), str(row[1])) if row else (0, "")


# ----------------------------------------------------------------------------------- replay


def replay_ledger(db: Database, entries: list[LedgerEntry]) -> int:
    """Apply ledger entries that ``db`` (a restored or backed-up copy) has not applied yet.

    An entry counts as applied when the copy's own ledger holds its certificate number. Entries
    are recorded in the copy's ledger with their original seq, so the copy's ledger stays a
    prefix of the live one. Runs inside the caller's transaction.

    Returns:
        How many entries were applied.
    """
    have = tables(db)
    repo = ErasureRepository(db)
    applied = 0
    for entry in entries:
        if "erasure_ledger" in have and repo.has_certificate(entry.certificate_no):
            continue
        if entry.scope == "client":
            erase_client(db, entry.client_id)
        else:
            erase_targets(db, entry.client_id, parse_targets(entry.targets))
        if "erasure_ledger" in have:
            taken = db.scalar("SELECT 1 FROM erasure_ledger WHERE seq = ?", (entry.seq,)) is not None
            repo.append_ledger(entry.client_id, entry.scope, entry.targets, entry.erased_by, entry.legal_basis,
                               entry.certificate_no, entry.erased_at, None if taken else entry.seq)  # fmt: skip
        applied += 1
    return applied


def vacuum(db: Database) -> None:
    """Rebuild the database file (drops free pages; optional step 4 of the recipe)."""
    db.execute("VACUUM")
