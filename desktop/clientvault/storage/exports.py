"""Repository for the export register: every file of personal data that left the vault."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clientvault.storage.audit import now_iso
from clientvault.storage.db import Database

EXPORT_COLS = (
    "id",
    "at",
    "user_id",
    "kind",
    "purpose",
    "file_name",
    "location",
    "sha256",
    "size",
    "row_count",
    "destroy_by",
    "destroyed_at",
    "destroyed_by",
    "note",
    "destroy_outcome",
)


class ExportRepository:
    """SQL about the export register (shared by PDF saves and Excel exports)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, values: dict[str, Any], client_ids: Sequence[int]) -> int:
        """Register one exported file and the clients whose data it holds; return its id."""
        cols = [c for c in EXPORT_COLS if c in values and c not in ("id", "at")]
        cur = self.db.execute(
            f"INSERT INTO export_register (at, {', '.join(cols)}) VALUES (?, {', '.join('?' for _ in cols)})",
            [now_iso(), *(values[c] for c in cols)],
        )
        export_id = int(cur.lastrowid)
        self.db.executemany(
            "INSERT OR IGNORE INTO export_clients (export_id, client_id) VALUES (?, ?)",
            [(export_id, cid) for cid in client_ids],
        )
        return export_id

    def get(self, export_id: int) -> dict[str, Any] | None:
        """Return one register entry."""
        row = self.db.one(f"SELECT {', '.join(EXPORT_COLS)} FROM export_register WHERE id = ?", (export_id,))
        return dict(zip(EXPORT_COLS, row, strict=True)) if row else None

    def page(
        self,
        *,
        user_id: int | None = None,
        due_before: str | None = None,
        destroyed: bool | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Return entries newest first (optionally one user's, those due for destruction, or by destroyed state)."""
        clauses, params = self._where(user_id, due_before, destroyed)
        rows = self.db.all(
            f"SELECT {', '.join(EXPORT_COLS)} FROM export_register{clauses} ORDER BY id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [dict(zip(EXPORT_COLS, r, strict=True)) for r in rows]

    def count(self, *, user_id: int | None = None, due_before: str | None = None, destroyed: bool | None = None) -> int:
        """Count entries under the same filters as :meth:`page`."""
        clauses, params = self._where(user_id, due_before, destroyed)
        return int(self.db.scalar(f"SELECT count(*) FROM export_register{clauses}", params))

    @staticmethod
    def _where(user_id: int | None, due_before: str | None, destroyed: bool | None = None) -> tuple[str, list[Any]]:
        parts: list[str] = []
        params: list[Any] = []
        if user_id is not None:
            parts.append("user_id = ?")
            params.append(user_id)
        if due_before is not None:
            parts.append("destroyed_at IS NULL AND destroy_by IS NOT NULL AND destroy_by <= ?")
            params.append(due_before)
        if destroyed is not None:
            parts.append("destroyed_at IS NOT NULL" if destroyed else "destroyed_at IS NULL")
        return (" WHERE " + " AND ".join(parts)) if parts else "", params

    def client_ids(self, export_id: int) -> list[int]:
        """Return the clients whose data an export holds."""
        rows = self.db.all("SELECT client_id FROM export_clients WHERE export_id = ? ORDER BY client_id", (export_id,))
        return [int(r[0]) for r in rows]

    def exports_of_client(self, client_id: int) -> list[int]:
        """Return the ids of exports that hold a client's data (for erasure: which files to chase)."""
        rows = self.db.all("SELECT export_id FROM export_clients WHERE client_id = ? ORDER BY export_id", (client_id,))
        return [int(r[0]) for r in rows]

    def mark_destroyed(self, export_id: int, user_id: int | None, outcome: str | None = None) -> bool:
        """Record that the file was destroyed (and how: an outcome code); False if unknown or already marked."""
        cur = self.db.execute(
            "UPDATE export_register SET destroyed_at = ?, destroyed_by = ?, destroy_outcome = ?"
            " WHERE id = ? AND destroyed_at IS NULL",
            (now_iso(), user_id, outcome, export_id),
        )
        return int(cur.rowcount) == 1
