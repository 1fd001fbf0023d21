"""The recovery sheet: rendered in memory, saved only where the partner asks, never overwriting."""

from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path

from clientvault.core.errors import DiskFull, InvalidState
from clientvault.documents.recovery_sheet import render_recovery_sheet


def recovery_sheet_pdf(firm_name: str, vault_id: str, recovery_code: str, lang: str = "zh") -> bytes:
    """Render the one-time recovery sheet (PDF bytes, local date of today).

    Args:
        firm_name: The firm's name as given at creation.
        vault_id: The vault's id, printed so a firm with several vaults knows which one.
        recovery_code: The grouped recovery code returned by ``VaultService.create``.
        lang: ``"zh"`` (default) or ``"en"``.

    Returns:
        The PDF document.
    """
    return render_recovery_sheet(
        firm_name=firm_name,
        vault_id=vault_id,
        recovery_code=recovery_code,
        created_at=datetime.now().astimezone(),
        lang=lang,
    )


def check_sheet_target(path: Path) -> None:
    """Refuse a target that exists or whose folder does not, before anything is created.

    Raises:
        InvalidState: ``"file_exists"`` or ``"folder_missing"``.
    """
    if path.exists():
        raise InvalidState("file_exists")
    if not path.parent.is_dir():
        raise InvalidState("folder_missing")


def save_recovery_sheet(path: Path, pdf: bytes) -> None:
    """Write the sheet to a new file readable by its owner only (mode 0600); never overwrite.

    The sheet holds the recovery code, so it is created exclusively: an existing file (perhaps
    another vault's sheet) is never replaced.

    Raises:
        InvalidState: ``"file_exists"`` when ``path`` exists.
        DiskFull: the disk ran out; the partial file is removed.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        raise InvalidState("file_exists") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(pdf)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        path.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise DiskFull() from None
        raise
