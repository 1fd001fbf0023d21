"""Connections of their own for long work, so the one the GUI reads through is never held by it.

``Database`` serialises its statements with a lock: a whole-file check or a backup running on
the window's connection (even from a worker thread) makes every search wait for it. Work that
reads the whole file opens its own connection with the session's key (WAL: readers never block
each other, and a reader never blocks the writer).
"""

from __future__ import annotations

from dataclasses import replace

from clientvault.core.errors import VaultBusy
from clientvault.services.context import Vault
from clientvault.storage.db import Database


def own_connection(vault: Vault) -> Database:
    """A new connection to ``vault``'s database, keyed and self-checked like the first one."""
    keys = vault.session.keys
    if keys is None or vault.locked:
        raise VaultBusy()  # locked meanwhile
    return Database(vault.paths.db, keys.dk, vault.db.options)


def second_session(vault: Vault) -> Vault:
    """The same session on a connection of its own (for work that outlives the window's connection)."""
    return replace(vault, db=own_connection(vault), session=replace(vault.session), on_lock=[])


def whole_file_problems(vault: Vault) -> list[str]:
    """SQLCipher's page check and SQLite's integrity check of every page, on a connection of its own."""
    db = own_connection(vault)
    try:
        return db.integrity_problems()
    finally:
        db.close()
