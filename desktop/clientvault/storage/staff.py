"""Repository for the staff register: confidentiality agreements, training, reveal overrides."""

from __future__ import annotations

from typing import Any

from clientvault.storage.audit import now_iso
from clientvault.storage.db import Database

AGREEMENT_COLS = (
    "id",
    "user_id",
    "kind",
    "signed_on",
    "valid_until",
    "note",
    "scan_mime",
    "scan_size",
    "recorded_by",
    "recorded_at",
)
OVERRIDE_COLS = ("id", "user_id", "reason", "expires_on", "granted_by", "granted_at", "revoked_at", "revoked_by")


class StaffRepository:
    """SQL about the staff register."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- agreements ------------------------------------------------------------------------------

    def insert_agreement(self, values: dict[str, Any], scan: tuple[str, int, str, bytes] | None) -> int:
        """Add one agreement (``scan``: mime, size, sha256, bytes); return its id."""
        mime, size, digest, data = scan if scan else (None, None, None, None)
        cur = self.db.execute(
            "INSERT INTO staff_agreements (user_id, kind, signed_on, valid_until, note, scan_mime, scan_size,"
            " scan_sha256, scan, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                values["user_id"],
                values["kind"],
                values["signed_on"],
                values["valid_until"],
                values["note"],
                mime,
                size,
                digest,
                data,
                values["recorded_by"],
                now_iso(),
            ),
        )
        return int(cur.lastrowid)

    def agreements(self, user_id: int | None = None) -> list[dict[str, Any]]:
        """Agreements (without the scan bytes), newest signature first; one user's or everyone's."""
        where, params = ("WHERE user_id = ?", [user_id]) if user_id is not None else ("", [])
        rows = self.db.all(
            f"SELECT {', '.join(AGREEMENT_COLS)} FROM staff_agreements {where} ORDER BY signed_on DESC, id DESC",
            params,
        )
        return [dict(zip(AGREEMENT_COLS, r, strict=True)) for r in rows]

    def agreement_scan(self, agreement_id: int) -> tuple[int, str, bytes] | None:
        """(user id, mime, bytes) of an agreement's scan, or None."""
        r = self.db.one("SELECT user_id, scan_mime, scan FROM staff_agreements WHERE id = ?", (agreement_id,))
        if r is None or r[2] is None:
            return None
        return int(r[0]), str(r[1]), bytes(r[2])

    def latest_valid_until(self, user_id: int, today: str) -> tuple[bool, str]:
        """(whether an agreement holds on ``today``, the latest end date of any agreement, "" if open-ended)."""
        r = self.db.one(
            "SELECT count(*) FROM staff_agreements WHERE user_id = ? AND signed_on <= ?"
            " AND (valid_until IS NULL OR valid_until >= ?)",
            (user_id, today, today),
        )
        holds = bool(r and int(r[0]))
        last = self.db.scalar("SELECT max(valid_until) FROM staff_agreements WHERE user_id = ?", (user_id,))
        return holds, str(last or "")

    # -- training --------------------------------------------------------------------------------

    def insert_session(self, held_on: str, topic: str, trainer: str, created_by: int) -> int:
        """Add one training session; return its id."""
        cur = self.db.execute(
            "INSERT INTO training_sessions (held_on, topic, trainer, created_by, created_at) VALUES (?,?,?,?,?)",
            (held_on, topic, trainer, created_by, now_iso()),
        )
        return int(cur.lastrowid)

    def add_attendance(self, session_id: int, user_ids: list[int]) -> None:
        """Mark users as having attended a session (again is harmless)."""
        self.db.executemany(
            "INSERT OR IGNORE INTO training_attendance (session_id, user_id) VALUES (?, ?)",
            [(session_id, u) for u in user_ids],
        )

    def sessions(self, user_id: int | None = None, limit: int = 500) -> list[dict[str, Any]]:
        """Sessions, newest first (``user_id``: only those the user attended), with attendee ids."""
        where, params = (
            ("WHERE id IN (SELECT session_id FROM training_attendance WHERE user_id = ?)", [user_id])
            if user_id is not None
            else ("", [])
        )
        rows = self.db.all(
            f"SELECT id, held_on, topic, trainer FROM training_sessions {where} ORDER BY held_on DESC, id DESC LIMIT ?",
            [*params, limit],
        )
        out = []
        for sid, held_on, topic, trainer in rows:
            attendees = [
                int(u) for (u,) in self.db.all("SELECT user_id FROM training_attendance WHERE session_id = ?", (sid,))
            ]
            out.append({"id": int(sid), "held_on": str(held_on), "topic": str(topic), "trainer": str(trainer),
                        "attendees": attendees})  # fmt: skip
        return out

    def session_exists(self, session_id: int) -> bool:
        """Whether a training session exists."""
        return self.db.one("SELECT 1 FROM training_sessions WHERE id = ?", (session_id,)) is not None

    def last_training(self) -> dict[int, str]:
        """user id -> date of the last session they attended."""
        rows = self.db.all(
            "SELECT a.user_id, max(s.held_on) FROM training_attendance a"
            " JOIN training_sessions s ON s.id = a.session_id GROUP BY a.user_id"
        )
        return {int(u): str(d) for u, d in rows}

    # -- overrides -------------------------------------------------------------------------------

    def insert_override(self, user_id: int, reason: str, expires_on: str, granted_by: int) -> int:
        """Record a partner's permission to reveal without an agreement; return its id."""
        cur = self.db.execute(
            "INSERT INTO reveal_overrides (user_id, reason, expires_on, granted_by, granted_at) VALUES (?,?,?,?,?)",
            (user_id, reason, expires_on, granted_by, now_iso()),
        )
        return int(cur.lastrowid)

    def active_override(self, user_id: int, today: str) -> dict[str, Any] | None:
        """The user's override in force on ``today`` (the one lasting longest), or None."""
        r = self.db.one(
            f"SELECT {', '.join(OVERRIDE_COLS)} FROM reveal_overrides WHERE user_id = ? AND revoked_at IS NULL"
            " AND expires_on >= ? ORDER BY expires_on DESC, id DESC LIMIT 1",
            (user_id, today),
        )
        return dict(zip(OVERRIDE_COLS, r, strict=True)) if r else None

    def overrides(self, user_id: int | None = None) -> list[dict[str, Any]]:
        """Every override ever granted (one user's or everyone's), newest first."""
        where, params = ("WHERE user_id = ?", [user_id]) if user_id is not None else ("", [])
        rows = self.db.all(f"SELECT {', '.join(OVERRIDE_COLS)} FROM reveal_overrides {where} ORDER BY id DESC", params)
        return [dict(zip(OVERRIDE_COLS, r, strict=True)) for r in rows]

    def revoke_override(self, override_id: int, by: int) -> int:
        """End an override now; return how many rows changed (0: none or already revoked)."""
        cur = self.db.execute(
            "UPDATE reveal_overrides SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
            (now_iso(), by, override_id),
        )
        return int(cur.rowcount)
