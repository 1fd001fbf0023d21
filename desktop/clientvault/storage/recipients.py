"""Repository for the recipients list (PIPL Art 23) and the purposes that provide data to each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clientvault.storage.audit import now_iso
from clientvault.storage.db import Database

RECIPIENT_FIELDS = (
    "name_zh",
    "name_en",
    "contact",
    "purpose_zh",
    "purpose_en",
    "method_zh",
    "method_en",
    "categories",
    "active",
)
RECIPIENT_COLS = ("id", *RECIPIENT_FIELDS, "version", "created_at", "created_by", "updated_at", "updated_by")


class RecipientRepository:
    """SQL about recipients and their links to purposes (by purpose code)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _rows(self, where: str = "", params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        sql = f"SELECT {', '.join(RECIPIENT_COLS)} FROM recipients{' WHERE ' + where if where else ''} ORDER BY id"
        return [dict(zip(RECIPIENT_COLS, r, strict=True)) for r in self.db.all(sql, list(params))]

    def all(self, *, include_inactive: bool = False) -> list[dict[str, Any]]:
        """Every recipient (active ones only unless asked), oldest first."""
        return self._rows("" if include_inactive else "active = 1")

    def get(self, recipient_id: int) -> dict[str, Any] | None:
        """One recipient row, or None."""
        rows = self._rows("id = ?", [recipient_id])
        return rows[0] if rows else None

    def insert(self, values: dict[str, Any], user_id: int | None) -> int:
        """Add a recipient; return its id."""
        cols = list(RECIPIENT_FIELDS)
        cur = self.db.execute(
            f"INSERT INTO recipients ({', '.join(cols)}, created_at, created_by)"
            f" VALUES ({', '.join('?' for _ in cols)}, ?, ?)",
            [*(values[c] for c in cols), now_iso(), user_id],
        )
        return int(cur.lastrowid)

    def update(self, recipient_id: int, values: dict[str, Any], user_id: int | None) -> None:
        """Change a recipient's fields and bump its version."""
        cols = list(RECIPIENT_FIELDS)
        self.db.execute(
            f"UPDATE recipients SET {', '.join(f'{c} = ?' for c in cols)}, version = version + 1,"
            " updated_at = ?, updated_by = ? WHERE id = ?",
            [*(values[c] for c in cols), now_iso(), user_id, recipient_id],
        )

    def links(self) -> list[tuple[str, int]]:
        """Every ``(purpose code, recipient id)`` link, in print order per purpose."""
        rows = self.db.all(
            "SELECT purpose_code, recipient_id FROM purpose_recipients ORDER BY purpose_code, position, recipient_id"
        )
        return [(str(code), int(rid)) for code, rid in rows]

    def for_purpose(self, code: str) -> list[int]:
        """The recipient ids a purpose names, in print order."""
        rows = self.db.all(
            "SELECT recipient_id FROM purpose_recipients WHERE purpose_code = ? ORDER BY position, recipient_id",
            [code],
        )
        return [int(r[0]) for r in rows]

    def set_for_purpose(self, code: str, recipient_ids: Sequence[int]) -> None:
        """Replace the recipients a purpose names (in this order)."""
        self.db.execute("DELETE FROM purpose_recipients WHERE purpose_code = ?", [code])
        for i, rid in enumerate(recipient_ids):
            self.db.execute(
                "INSERT INTO purpose_recipients (purpose_code, recipient_id, position) VALUES (?, ?, ?)",
                [code, rid, i],
            )
