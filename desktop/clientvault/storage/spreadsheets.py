"""Bulk reads for Excel import (matching keys) and export (rows of many clients at once)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clientvault.storage.clients import (
    CLIENT_COLS,
    CLIENT_FIELDS,
    ITEM_COLS,
    PERSON_COLS,
    PERSON_FIELDS,
    VISIBLE_STATUSES,
)
from clientvault.storage.db import Database

_CHUNK = 500


def code_index(db: Database) -> dict[str, int]:
    """Credit codes and tax numbers of live clients → client id (for matching imported rows)."""
    marks = ",".join("?" for _ in VISIBLE_STATUSES)
    out: dict[str, int] = {}
    for cid, uscc, tax_no in db.all(
        f"SELECT id, uscc, tax_no FROM clients WHERE status IN ({marks}) AND (uscc IS NOT NULL OR tax_no IS NOT NULL)",
        VISIBLE_STATUSES,
    ):
        for code in (uscc, tax_no):
            if code:
                out.setdefault(str(code), int(cid))
    return out


def id_number_index(db: Database) -> dict[str, int]:
    """ID numbers of persons of live clients → client id."""
    marks = ",".join("?" for _ in VISIBLE_STATUSES)
    return {
        str(number): int(cid)
        for number, cid in db.all(
            f"SELECT p.id_number, p.client_id FROM persons p JOIN clients c ON c.id = p.client_id"
            f" WHERE p.id_number IS NOT NULL AND c.status IN ({marks})",
            VISIBLE_STATUSES,
        )
    }


def _names(cols: str) -> list[str]:
    return [c.strip() for c in cols.split(",")]


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def clients_by_id(db: Database, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Client rows by id."""
    out: dict[int, dict[str, Any]] = {}
    names = _names(CLIENT_COLS)
    for part in _chunks(ids):
        marks = ",".join("?" for _ in part)
        for r in db.all(f"SELECT {CLIENT_COLS} FROM clients WHERE id IN ({marks})", list(part)):
            row = dict(zip(names, r, strict=True))
            out[int(row["id"])] = row
    return out


def persons_by_client(db: Database, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """Persons of the given clients, in id order."""
    out: dict[int, list[dict[str, Any]]] = {}
    names = _names(PERSON_COLS)
    for part in _chunks(ids):
        marks = ",".join("?" for _ in part)
        for r in db.all(f"SELECT {PERSON_COLS} FROM persons WHERE client_id IN ({marks}) ORDER BY id", list(part)):
            row = dict(zip(names, r, strict=True))
            out.setdefault(int(row["client_id"]), []).append(row)
    return out


def items_by_client(db: Database, ids: Sequence[int], kind: str) -> dict[int, list[dict[str, Any]]]:
    """Sensitive items of one kind of the given clients, in id order."""
    out: dict[int, list[dict[str, Any]]] = {}
    names = _names(ITEM_COLS)
    for part in _chunks(ids):
        marks = ",".join("?" for _ in part)
        for r in db.all(
            f"SELECT {ITEM_COLS} FROM sensitive_items WHERE kind = ? AND client_id IN ({marks}) ORDER BY id",
            [kind, *part],
        ):
            row = dict(zip(names, r, strict=True))
            out.setdefault(int(row["client_id"]), []).append(row)
    return out


#: Columns a bulk import writes to ``clients`` (after the explicit ``id``).
IMPORT_CLIENT_COLUMNS = (*CLIENT_FIELDS, "name_key", "created_at", "updated_at", "created_by")
IMPORT_PERSON_COLUMNS = ("client_id", *PERSON_FIELDS)


def next_client_id(db: Database) -> int:
    """The first free client id (call inside the import's write transaction)."""
    return int(db.scalar("SELECT ifnull(max(id), 0) FROM clients") or 0) + 1


def insert_clients(db: Database, rows: Sequence[Sequence[Any]]) -> None:
    """Insert many clients with explicit ids: each row is ``(id, *IMPORT_CLIENT_COLUMNS)``."""
    cols = ("id", *IMPORT_CLIENT_COLUMNS)
    db.executemany(f"INSERT INTO clients ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})", rows)


def insert_persons(db: Database, rows: Sequence[Sequence[Any]]) -> None:
    """Insert many persons: each row is ``IMPORT_PERSON_COLUMNS``."""
    cols = IMPORT_PERSON_COLUMNS
    db.executemany(f"INSERT INTO persons ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})", rows)


def insert_items(db: Database, rows: Sequence[Sequence[Any]]) -> None:
    """Insert many client-level sensitive items: ``(client_id, kind, label, value, created_at, updated_at)``."""
    db.executemany(
        "INSERT INTO sensitive_items (client_id, person_id, kind, label, value, created_at, updated_at)"
        " VALUES (?, NULL, ?, ?, ?, ?, ?)",
        rows,
    )


def insert_assignments(db: Database, rows: Sequence[tuple[int, int]]) -> None:
    """Assign many clients: ``(client_id, user_id)``."""
    db.executemany("INSERT INTO client_accountants (client_id, user_id) VALUES (?, ?)", rows)
