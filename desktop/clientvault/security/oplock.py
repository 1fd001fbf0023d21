"""Folder locks that tell a leftover temporary file from one another process is still writing.

A process that writes temporary files in a folder (a backup's ``.tmp``, a restore's
``vault.db.restoring``, a vault being created, an atomic replace) holds a **shared** lock on
the folder meanwhile. Cleaning up takes the **exclusive** lock without waiting: when it gets
it, no process is between the steps of such an operation, so every temporary file there is a
leftover of a killed process and may go. The lock is ``flock`` on the folder itself (no lock
file to leave behind); it is released by the OS when the process dies, however it dies.

Windows has no ``flock`` on folders: there the shared lock is a no-op and cleaning proceeds,
because Windows refuses to delete a file another process has open (the cleaner then skips it).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

try:  # POSIX only
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def _open(folder: Path) -> int | None:
    if fcntl is None:  # pragma: no cover - Windows
        return None
    try:
        return os.open(folder, os.O_RDONLY)
    except OSError:
        return None


@contextlib.contextmanager
def writing_in(folder: Path) -> Iterator[None]:
    """Hold the folder's shared lock while this process has temporary files in it."""
    fd = _open(folder)
    if fd is None:
        yield
        return
    try:
        # Waits only while a cleaner holds it (a few deletions); without flock support: as on Windows.
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


@contextlib.contextmanager
def cleaning(folder: Path) -> Iterator[bool]:
    """Try the folder's exclusive lock without waiting; yield whether leftovers may be removed now."""
    fd = _open(folder)
    if fd is None:
        yield fcntl is None and folder.is_dir()
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False  # another process is mid-operation: its files are not leftovers
            return
        except OSError:
            yield True
            return
        yield True
    finally:
        os.close(fd)
