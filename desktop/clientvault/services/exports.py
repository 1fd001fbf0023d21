"""The export register (DOMAIN.md "Registers"): every file of personal data that leaves the vault.

A saved PDF (consent form, certificate, letter) or an Excel export is written by
:meth:`ExportService.save` — atomically, mode 0600 — and registered in the same step with who,
when, why, the file name and folder, SHA-256, row count, the clients it holds and a destroy-by
date. Printing from memory writes no file and is audited by the caller instead. The register
entry and its audit event (ids only) share one transaction; if that fails the file is removed,
so no unregistered file is left behind.

Reading the register follows the ``EXPORT`` capability: the partner and the privacy officer
(``REGISTER_ONLY``: sees and destroys, never exports) see every entry; an accountant
(``SMALL_MASKED``) sees only their own; an assistant sees none (but may read back the entry of a
consent form they just saved). :meth:`ExportService.destroy` overwrites a registered file that is
still where it was saved and unchanged, then deletes it and marks the entry (SECURITY.md, "Secure
deletion", step 6). Overwriting in place is best effort: on SSDs (wear levelling) and on
journaling or copy-on-write filesystems the old blocks may survive elsewhere on the disk, and
only full-disk encryption guarantees they cannot be read back (NIST SP 800-88 Rev. 1).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from clientvault.core.errors import InvalidState, NotFound, ValidationError
from clientvault.core.roles import Capability, Scope
from clientvault.core.validation import free_text
from clientvault.security.atomic import atomic_write_bytes
from clientvault.services.context import Vault
from clientvault.storage.exports import ExportRepository
from clientvault.storage.users import UserRepository

MAX_PURPOSE = 200


class ExportKind(StrEnum):
    """What sort of file was exported (the register is shared by every exporter)."""

    CONSENT_FORM = "consent_form"
    CONSENT_FORM_BATCH = "consent_form_batch"
    EXCEL = "excel"
    REQUEST_COPY = "request_copy"
    LETTER = "letter"
    CERTIFICATE = "certificate"
    HANDOVER = "handover"  # a 会计档案移交清册


class RegisterFilter(StrEnum):
    """Which register entries to list."""

    DUE = "due"  # destroy-by date reached (today or earlier) and not yet destroyed
    ALL = "all"
    DESTROYED = "destroyed"


class DestroyOutcome(StrEnum):
    """What :meth:`ExportService.destroy` found and did (kept in the register and the audit event)."""

    OVERWRITTEN = "overwritten"  # found unchanged: overwritten with zeros, synced and deleted
    MISSING = "missing"  # no file at the recorded place any more: only marked destroyed
    CHANGED = "changed"  # a different file is there (hash or size differ): left alone, marked destroyed
    NO_LOCATION = "no_location"  # the register no longer says where the file is (client erased): only marked
    MARKED = "marked"  # marked destroyed by hand (the file was dealt with outside ClientVault)


_CHUNK = 1 << 20


#: Default days until a registered file should be destroyed, per kind. None: kept permanently
#: (an erasure certificate belongs with the destruction register, 会计档案管理办法 附表一: 永久).
DEFAULT_KEEP_DAYS: dict[ExportKind, int | None] = {
    ExportKind.CONSENT_FORM: 30,
    ExportKind.CONSENT_FORM_BATCH: 30,
    ExportKind.EXCEL: 30,
    ExportKind.REQUEST_COPY: 30,
    ExportKind.LETTER: 365,
    ExportKind.CERTIFICATE: None,
    ExportKind.HANDOVER: None,  # the signed handover list is kept with the 移交清册 record (30 years and more)
}

#: The capability each kind needs (printing consent forms is open to every role).
KIND_CAPABILITY: dict[ExportKind, Capability] = {
    ExportKind.CONSENT_FORM: Capability.RECORD_CONSENT,
    ExportKind.CONSENT_FORM_BATCH: Capability.RECORD_CONSENT,
    # Whoever may carry out an erasure may file its certificate (partner, privacy officer).
    ExportKind.CERTIFICATE: Capability.EXECUTE_ERASURE,
    # The handover list (移交清册) is filed by whoever records handovers (partner, privacy officer).
    ExportKind.HANDOVER: Capability.EXECUTE_ERASURE,
    # The answer to a person's access/copy request is filed by whoever keeps the requests register
    # (the privacy officer too, who may not export otherwise); callers check who may answer.
    ExportKind.REQUEST_COPY: Capability.REGISTERS,
    # Incident notification letters (PIPL Art 57) are filed by whoever manages the incidents register.
    ExportKind.LETTER: Capability.REGISTERS,
}


@dataclass(frozen=True)
class ExportEntry:
    """One line of the export register."""

    id: int
    at: str
    user_id: int | None
    kind: str
    purpose: str
    file_name: str
    location: str
    sha256: str
    size: int
    row_count: int
    destroy_by: str
    destroyed_at: str
    client_ids: tuple[int, ...] = ()
    destroyed_by: int | None = None
    destroy_outcome: str = ""

    def is_due(self, today: date) -> bool:
        """Whether the destroy-by date has come and the file is not yet destroyed."""
        return not self.destroyed_at and bool(self.destroy_by) and self.destroy_by <= today.isoformat()


class ExportService:
    """Writes exported files and keeps the register.

    Args:
        vault: The unlocked vault with the acting session.
        today: Returns the current date (tests pass a fixed one).
    """

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today
        self.repo = ExportRepository(vault.db)

    def save(
        self,
        data: bytes,
        path: Path,
        *,
        kind: ExportKind,
        purpose: str,
        client_ids: Sequence[int] = (),
        row_count: int = 0,
        keep_days: int | None = None,
        note: str = "",
    ) -> ExportEntry:
        """Write ``data`` to ``path`` and register it.

        Args:
            data: The file's bytes (rendered in memory).
            path: Where the user chose to save it.
            kind: What is exported.
            purpose: Why (free text or a purpose code; kept in the register, not in the audit log).
            client_ids: The clients whose data the file holds.
            row_count: Records in the file (forms in a PDF, rows in a sheet).
            keep_days: Days until the file should be destroyed (default per kind; certificates: never).
            note: Anything else worth keeping with the entry.

        Returns:
            The register entry.

        Raises:
            AccessDenied: the role may not export this kind.
            ValidationError: ``purpose`` missing or too long.
            DiskFull / OSError: the file could not be written (nothing registered).
        """
        capability = KIND_CAPABILITY.get(kind, Capability.EXPORT)
        granted = self.vault.require(capability, "export")
        if granted is Scope.REGISTER_ONLY:
            self.vault.deny(capability, "export")
        purpose = free_text("purpose", purpose, MAX_PURPOSE, required=True)
        days = DEFAULT_KEEP_DAYS.get(kind, 30) if keep_days is None else keep_days
        if days is not None and days < 0:
            raise ValidationError({"keep_days": "range"})
        target = Path(path)
        atomic_write_bytes(target, data)
        try:
            with self.vault.db.transaction():
                export_id = self.repo.insert(
                    {
                        "user_id": self.vault.session.user_id,
                        "kind": kind.value,
                        "purpose": purpose.strip(),
                        "file_name": target.name,
                        "location": str(target.parent),
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "size": len(data),
                        "row_count": row_count,
                        "destroy_by": None if days is None else (self.today() + timedelta(days=days)).isoformat(),
                        "note": note,
                    },
                    sorted(set(client_ids)),
                )
                self.vault.record(
                    "export.save",
                    f"export:{export_id}",
                    reason=f"{kind.value}:rows={row_count}:clients={len(set(client_ids))}",
                )
        except BaseException:
            with contextlib.suppress(OSError):
                target.unlink()
            raise
        return self.get(export_id)

    def _view(self, row: dict[str, Any]) -> ExportEntry:
        return ExportEntry(
            id=int(row["id"]),
            at=str(row["at"]),
            user_id=row["user_id"],
            kind=str(row["kind"]),
            purpose=str(row["purpose"]),
            file_name=str(row["file_name"]),
            location=str(row["location"]),
            sha256=str(row["sha256"]),
            size=int(row["size"]),
            row_count=int(row["row_count"]),
            destroy_by=row["destroy_by"] or "",
            destroyed_at=row["destroyed_at"] or "",
            client_ids=tuple(self.repo.client_ids(int(row["id"]))),
            destroyed_by=row["destroyed_by"],
            destroy_outcome=row["destroy_outcome"] or "",
        )

    def _reader(self) -> int | None:
        """Check the role may read the register; return the user id to restrict to (own entries)."""
        granted = self.vault.require(Capability.EXPORT, "export_register")
        return self.vault.session.user_id if granted is Scope.SMALL_MASKED else None

    def get(self, export_id: int) -> ExportEntry:
        """One register entry (own entries for roles that may only make small exports)."""
        row = self.repo.get(export_id)
        if row is None:
            raise NotFound("export", export_id)
        # The writer of an entry may always read it back (e.g. an assistant's saved consent form).
        if row["user_id"] != self.vault.session.user_id:
            own = self._reader()
            if own is not None and row["user_id"] != own:
                raise NotFound("export", export_id)
        return self._view(row)

    def register(
        self,
        *,
        due_only: bool = False,
        status: RegisterFilter = RegisterFilter.ALL,
        limit: int = 200,
        offset: int = 0,
    ) -> list[ExportEntry]:
        """The register, newest first, within the role's scope.

        Args:
            due_only: Same as ``status=RegisterFilter.DUE``.
            status: Due for destruction, all, or destroyed.
            limit: At most this many entries.
            offset: Skip this many (paging).

        Raises:
            AccessDenied: the role may not read the register (assistant).
        """
        own = self._reader()
        rows = self.repo.page(user_id=own, **self._filter(status, due_only), limit=limit, offset=offset)
        return [self._view(r) for r in rows]

    def count(self, *, due_only: bool = False, status: RegisterFilter = RegisterFilter.ALL) -> int:
        """Number of entries :meth:`register` would list in total."""
        own = self._reader()
        return self.repo.count(user_id=own, **self._filter(status, due_only))

    def _filter(self, status: RegisterFilter, due_only: bool) -> dict[str, Any]:
        if due_only or status is RegisterFilter.DUE:
            return {"due_before": self.today().isoformat()}
        if status is RegisterFilter.DESTROYED:
            return {"destroyed": True}
        return {}

    def user_names(self) -> dict[int, str]:
        """Map user ids to user names, for the register's "who" column (roles that may read it)."""
        self._reader()
        return {u.id: u.username for u in UserRepository(self.vault.db).list()}

    def _destroyable(self, export_id: int) -> ExportEntry:
        """The entry, if the role may destroy it: partner and privacy officer any, an accountant their own."""
        own = self._reader()
        entry = self.get(export_id)
        if own is not None and entry.user_id != own:
            raise NotFound("export", export_id)
        if entry.destroyed_at:
            raise InvalidState("export_destroyed")
        return entry

    def mark_destroyed(self, export_id: int) -> None:
        """Record that a registered file has been destroyed outside ClientVault (outcome ``marked``)."""
        entry = self._destroyable(export_id)
        self._mark(entry.id, DestroyOutcome.MARKED)

    def destroy(self, export_id: int) -> DestroyOutcome:
        """Overwrite and delete a registered file, then mark its entry destroyed.

        The file at the recorded folder and name is opened (never through a symbolic link) and
        hashed; only if its size and SHA-256 match the register is it overwritten with zeros
        (same size), fsynced and unlinked. A file that is gone is only marked (``missing``); a
        file that has changed is left where it is and marked (``changed``) -- it is not the file
        that was exported, so deleting it could destroy someone's work. The audit event carries
        the export id and the outcome code only (no file name, no folder). An entry whose folder
        and name were blanked by an erasure is only marked (``no_location``).

        Overwriting is best effort: on SSDs and on journaling or copy-on-write filesystems the
        old blocks may survive elsewhere, and only full-disk encryption guarantees they are gone
        (NIST SP 800-88 Rev. 1). If the file was removed but the database write then fails, the
        next attempt finds it ``missing`` and marks it.

        Args:
            export_id: The register entry.

        Returns:
            What was found and done.

        Raises:
            AccessDenied: the role may not read the register (assistant).
            NotFound: no such entry within the role's scope.
            InvalidState: ``export_destroyed`` -- already marked destroyed.
            OSError: the file matched but could not be overwritten or removed (nothing marked).
        """
        entry = self._destroyable(export_id)
        folder = Path(entry.location)
        if not folder.is_absolute() or not entry.file_name or Path(entry.file_name).name != entry.file_name:
            # Blanked by an erasure (or never recorded): never guess a path relative to the working folder.
            outcome = DestroyOutcome.NO_LOCATION
        else:
            outcome = _overwrite_and_unlink(folder / entry.file_name, entry.sha256, entry.size)
        self._mark(entry.id, outcome)
        return outcome

    def _mark(self, export_id: int, outcome: DestroyOutcome) -> None:
        with self.vault.db.transaction():
            if not self.repo.mark_destroyed(export_id, self.vault.session.user_id, outcome.value):
                raise InvalidState("export_destroyed")
            self.vault.record("export.destroyed", f"export:{export_id}", reason=outcome.value)


def _overwrite_and_unlink(path: Path, sha256: str, size: int) -> DestroyOutcome:
    """Zero and delete ``path`` if it is the registered file; say what was found.

    One descriptor serves both the hash and the overwrite, so the file checked is the file
    zeroed even if the name is swapped meanwhile.
    """
    flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return DestroyOutcome.MISSING
    except OSError:
        if path.is_symlink():  # O_NOFOLLOW refused a link: whatever it points at is not ours
            return DestroyOutcome.CHANGED
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size != size:
            return DestroyOutcome.CHANGED
        digest = hashlib.sha256()
        while chunk := os.read(fd, _CHUNK):
            digest.update(chunk)
        if digest.hexdigest() != sha256:
            return DestroyOutcome.CHANGED
        os.lseek(fd, 0, os.SEEK_SET)
        left = size
        zeros = bytes(min(_CHUNK, size))
        while left > 0:
            left -= os.write(fd, zeros[: min(left, len(zeros))])
        os.fsync(fd)
    finally:
        os.close(fd)
    path.unlink()
    with contextlib.suppress(OSError):  # make the removal durable where the OS allows (not on Windows)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return DestroyOutcome.OVERWRITTEN
