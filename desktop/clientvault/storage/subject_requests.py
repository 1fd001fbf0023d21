"""Repository for the individuals' requests register (PIPL Arts 44-50)."""

from __future__ import annotations

from typing import Any

from clientvault.storage.audit import now_iso
from clientvault.storage.db import Database

REQUEST_COLS = (
    "id",
    "client_id",
    "person_id",
    "kind",
    "channel",
    "received_on",
    "identity_method",
    "identity_ok",
    "due_on",
    "extended_to",
    "extension_reason",
    "status",
    "outcome",
    "purpose_code",
    "erasure_request",
    "created_by",
    "created_at",
    "closed_by",
    "closed_at",
)
_SELECT = ", ".join(f"r.{c}" for c in REQUEST_COLS)


class SubjectRequestRepository:
    """SQL about the individuals' requests register."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, values: dict[str, Any]) -> int:
        """Add one request; return its id."""
        cols = [c for c in REQUEST_COLS if c in values and c not in ("id", "created_at")]
        cur = self.db.execute(
            f"INSERT INTO subject_requests (created_at, {', '.join(cols)}) VALUES (?, {', '.join('?' for _ in cols)})",
            [now_iso(), *(values[c] for c in cols)],
        )
        return int(cur.lastrowid)

    def update(self, request_id: int, values: dict[str, Any]) -> None:
        """Change some columns of one request."""
        cols = list(values)
        self.db.execute(
            f"UPDATE subject_requests SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
            [*(values[c] for c in cols), request_id],
        )

    def rows(
        self,
        *,
        where: str = "",
        params: tuple[Any, ...] | list[Any] = (),
        limit: int = 500,
    ) -> list[dict[str, Any]]:
        """Requests with their client's status and name and the person's name, most urgent first."""
        sql = (
            f"SELECT {_SELECT}, c.status, c.name, p.name FROM subject_requests r"
            " JOIN clients c ON c.id = r.client_id LEFT JOIN persons p ON p.id = r.person_id"
            f"{' WHERE ' + where if where else ''}"
            " ORDER BY (r.status IN ('open', 'handed_over')) DESC, coalesce(r.extended_to, r.due_on), r.id LIMIT ?"
        )
        out = []
        for row in self.db.all(sql, [*params, limit]):
            d = dict(zip(REQUEST_COLS, row[: len(REQUEST_COLS)], strict=True))
            d["client_status"], d["client_name"], d["person_name"] = row[len(REQUEST_COLS) :]
            out.append(d)
        return out

    def counts_by_kind(self, start: str, end: str) -> dict[tuple[str, str], int]:
        """(kind, status) -> number of requests received between two dates (inclusive), for reports."""
        rows = self.db.all(
            "SELECT kind, status, count(*) FROM subject_requests WHERE received_on BETWEEN ? AND ? GROUP BY 1, 2",
            (start, end),
        )
        return {(str(k), str(s)): int(n) for k, s, n in rows}
