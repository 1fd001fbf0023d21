"""Small files written safely: temp file → fsync → ``os.replace`` (ARCHITECTURE rule 10)."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from clientvault.core.errors import DiskFull
from clientvault.security.oplock import writing_in

TMP_SUFFIX = ".tmp"  # ".<name>.<random>.tmp" beside the file; a killed writer's copy is swept at the next open

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` so that readers see either the old or the new file.

    Raises:
        DiskFull: the disk or quota ran out; the previous file is left exactly as it was.
    """
    folder = path.parent
    with writing_in(folder):  # a cleaner never takes this temp file for a leftover meanwhile
        _write(folder, path, data, mode)


def _write(folder: Path, path: Path, data: bytes, mode: int) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=folder)
    tmp = Path(tmp_name)
    try:
        # Windows has no fchmod; the folder's ACLs apply there.
        with contextlib.suppress(AttributeError, OSError):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno in _FULL:
            raise DiskFull() from None
        raise


def _fsync_dir(folder: Path) -> None:
    # A rename is durable only once the directory entry is flushed (POSIX); Windows can't open dirs.
    if os.name != "posix":
        return
    dfd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)
