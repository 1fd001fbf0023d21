"""Staff accounts."""

from __future__ import annotations

from dataclasses import dataclass

from clientvault.core.roles import Role
from clientvault.storage.audit import now_iso
from clientvault.storage.db import Database


@dataclass(frozen=True)
class UserRow:
    """A staff account as stored."""

    id: int
    username: str
    display_name: str
    role: Role
    status: str
    created_at: str
    version: int

    @property
    def active(self) -> bool:
        """Whether the account may log in."""
        return self.status == "active"


_COLS = "id, username, display_name, role, status, created_at, version"


def _row(r: tuple[object, ...]) -> UserRow:
    return UserRow(int(str(r[0])), str(r[1]), str(r[2]), Role(str(r[3])), str(r[4]), str(r[5]), int(str(r[6])))


class UserRepository:
    """Reads and writes the ``users`` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, username: str, display_name: str, role: Role, *, status: str = "active") -> UserRow:
        """Insert a user and return it (``status="disabled"``: an account whose key slot is not made yet)."""
        cur = self.db.execute(
            "INSERT INTO users (username, display_name, role, status, created_at, disabled_at) VALUES (?,?,?,?,?,?)",
            (username, display_name, role.value, status, now_iso(), now_iso() if status == "disabled" else None),
        )
        user = self.get(int(cur.lastrowid))
        assert user is not None
        return user

    def get(self, user_id: int) -> UserRow | None:
        """Return a user by id."""
        r = self.db.one(f"SELECT {_COLS} FROM users WHERE id = ?", (user_id,))
        return _row(r) if r else None

    def by_username(self, username: str) -> UserRow | None:
        """Return a user by user name (case-insensitive)."""
        r = self.db.one(f"SELECT {_COLS} FROM users WHERE username = ?", (username.strip(),))
        return _row(r) if r else None

    def list(self, *, include_disabled: bool = True) -> list[UserRow]:
        """Return all users ordered by role then name."""
        where = "" if include_disabled else " WHERE status = 'active'"
        return [_row(r) for r in self.db.all(f"SELECT {_COLS} FROM users{where} ORDER BY role, username")]

    def redo(self, user_id: int, display_name: str, role: Role) -> None:
        """Give an account whose creation never finished its new name and role."""
        self.db.execute(
            "UPDATE users SET display_name = ?, role = ?, version = version + 1 WHERE id = ?",
            (display_name, role.value, user_id),
        )

    def set_status(self, user_id: int, status: str) -> None:
        """Enable or disable an account."""
        self.db.execute(
            "UPDATE users SET status = ?, disabled_at = ?, version = version + 1 WHERE id = ?",
            (status, now_iso() if status == "disabled" else None, user_id),
        )

    def count_active(self, role: Role) -> int:
        """Count active users with ``role``."""
        return int(self.db.scalar("SELECT count(*) FROM users WHERE role = ? AND status = 'active'", (role.value,)))


class MetaRepository:
    """Key/value metadata of the vault (vault id, generation, firm name)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> str | None:
        """Return a value or ``None``."""
        v = self.db.scalar("SELECT value FROM meta WHERE key = ?", (key,))
        return None if v is None else str(v)

    def set(self, key: str, value: str) -> None:
        """Insert or replace a value."""
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


class SettingsRepository:
    """Firm settings (idle lock minutes, VACUUM after erasure, …) as text values."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: str) -> str:
        """Return a setting or ``default``."""
        v = self.db.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return default if v is None else str(v)

    def set(self, key: str, value: str) -> None:
        """Store a setting."""
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
