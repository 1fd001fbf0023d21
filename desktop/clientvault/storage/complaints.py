"""Repository for the complaints register (GB/T 35273 §8.8)."""

from __future__ import annotations

from typing import Any

from clientvault.storage.audit import now_iso
from clientvault.storage.db import Database

COMPLAINT_COLS = (
    "id",
    "client_id",
    "person_id",
    "received_on",
    "channel",
    "category",
    "summary",
    "handler_id",
    "status",
    "resolution",
    "feedback_given",
    "resolved_on",
    "created_by",
)


class ComplaintRepository:
    """SQL about complaints."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, values: dict[str, Any]) -> int:
        """Add one complaint; return its id."""
        cols = [c for c in COMPLAINT_COLS if c in values and c != "id"]
        cur = self.db.execute(
            f"INSERT INTO complaints (created_at, {', '.join(cols)}) VALUES (?, {', '.join('?' for _ in cols)})",
            [now_iso(), *(values[c] for c in cols)],
        )
        return int(cur.lastrowid)

    def update(self, complaint_id: int, values: dict[str, Any]) -> None:
        """Change some columns of one complaint."""
        self.db.execute(
            f"UPDATE complaints SET {', '.join(f'{c} = ?' for c in values)} WHERE id = ?",
            [*values.values(), complaint_id],
        )

    def rows(self, where: str = "", params: list[Any] | None = None, limit: int = 500) -> list[dict[str, Any]]:
        """Complaints with the client's status and name and the person's name, open first, newest first."""
        cols = ", ".join(f"k.{c}" for c in COMPLAINT_COLS)
        sql = (
            f"SELECT {cols}, c.status, c.name, p.name FROM complaints k"
            " LEFT JOIN clients c ON c.id = k.client_id LEFT JOIN persons p ON p.id = k.person_id"
            f"{' WHERE ' + where if where else ''} ORDER BY k.status = 'open' DESC, k.received_on DESC, k.id DESC"
            " LIMIT ?"
        )
        out = []
        for row in self.db.all(sql, [*(params or []), limit]):
            d = dict(zip(COMPLAINT_COLS, row[: len(COMPLAINT_COLS)], strict=True))
            d["client_status"], d["client_name"], d["person_name"] = row[len(COMPLAINT_COLS) :]
            out.append(d)
        return out
