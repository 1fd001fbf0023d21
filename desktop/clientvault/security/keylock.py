"""One key change at a time across processes and workstations: an OS lock on ``vault.keys.lock``.

A key change reads ``vault.keys``, writes it twice and may re-encrypt the database; another
process changing keys in between would write from a stale copy and drop a slot. Every key
change, and every roll-forward of an interrupted one, therefore holds this lock from reading
the file to writing it the last time. The lock file itself holds nothing (it stays in the
folder); the lock is released by the OS when the process dies, however it dies.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from clientvault.core.errors import VaultBusy

LOCK_NAME = "vault.keys.lock"


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextlib.contextmanager
def key_change_lock(folder: Path, *, timeout: float = 10.0) -> Iterator[None]:
    """Hold the vault's key-change lock; raise :class:`VaultBusy` after ``timeout`` seconds."""
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise VaultBusy()
            time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing releases the lock
