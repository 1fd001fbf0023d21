"""Probe the SQLCipher build the app runs on (for the self-check): cipher, FTS5, encryption at rest.

The probe writes a throw-away database with a random key and no personal data into a folder the
caller owns (a temporary folder), with the same open path as a vault (:class:`Database`).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from clientvault.storage.db import Database

_SQLITE_HEADER = b"SQLite format 3\x00"
_PROBE_TEXT = ("客户 保密", "alpha beta", "gamma")


@dataclass(frozen=True)
class EngineProbe:
    """What the probe found."""

    cipher_version: str
    sqlite_version: str
    fts5_hits: int
    """Rows of the FTS5 table (same options as the client search) matching a Chinese and a Latin term."""
    encrypted: bool
    """The file on disk does not start with SQLite's plaintext header."""
    reopened: bool
    """The file opened again with the key and held the rows."""


def probe_engine(folder: Path) -> EngineProbe:
    """Create, fill, search, close and reopen an encrypted database in ``folder``."""
    path = folder / "selfcheck.db"
    key = secrets.token_bytes(32)
    db = Database(path, key)
    try:
        cipher = str(db.scalar("PRAGMA cipher_version") or "")
        sqlite = str(db.scalar("SELECT sqlite_version()") or "")
        db.executescript(
            "CREATE VIRTUAL TABLE probe USING fts5 (u, tokenize = 'unicode61 remove_diacritics 0', detail = 'full');"
            "INSERT INTO probe (probe, rank) VALUES ('secure-delete', 1);"
        )
        with db.transaction():
            for text in _PROBE_TEXT:
                db.execute("INSERT INTO probe (u) VALUES (?)", (text,))
        hits = int(db.scalar("SELECT count(*) FROM probe WHERE probe MATCH ?", ("保密 OR beta",)) or 0)
        db.checkpoint()
    finally:
        db.close()
    with path.open("rb") as fh:
        encrypted = fh.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER
    again = Database(path, key)
    try:
        reopened = int(again.scalar("SELECT count(*) FROM probe") or 0) == len(_PROBE_TEXT)
    finally:
        again.close()
    return EngineProbe(cipher, sqlite, hits, encrypted, reopened)
