"""Numbered SQL migrations tracked in ``PRAGMA user_version``.

Each ``migrations/NNNN_name.sql`` runs in one transaction together with the version bump, so a
crash leaves the database at the previous version. Before migrating an existing database an
encrypted backup is written; a database newer than this app is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from clientvault.core.errors import NewerDatabase
from clientvault.storage.db import Database

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    """One shipped migration file."""

    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Return the shipped migrations in order (their numbers must be 1..N without gaps)."""
    found = []
    for entry in resources.files("clientvault.storage.migrations").iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    if [mig.version for mig in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("migration numbers must be contiguous")
    return found


def latest_version() -> int:
    """Return the schema version this app writes."""
    return len(migrations())


def migrate(db: Database, *, backup: Callable[[int], None] | None = None) -> list[int]:
    """Bring ``db`` to the latest schema; return the versions applied.

    Args:
        db: an open database.
        backup: called with the current version before the first migration of an existing
            (non-empty) database; it must write an encrypted backup or raise.

    Raises:
        NewerDatabase: the database was written by a newer app.
    """
    current = int(db.pragma("user_version"))
    pending = [m for m in migrations() if m.version > current]
    latest = latest_version()
    if current > latest:
        raise NewerDatabase(current, latest)
    if not pending:
        return []
    if current > 0 and backup is not None:
        backup(current)
    applied = []
    for mig in pending:
        # executescript would COMMIT on its own; run the statements inside our transaction instead.
        with db.transaction():
            for statement in split_statements(mig.sql):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {mig.version}")
        applied.append(mig.version)
    return applied


def split_statements(sql: str) -> list[str]:
    """Split a migration script into complete statements (handles triggers' inner semicolons)."""
    import sqlcipher3

    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlcipher3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
