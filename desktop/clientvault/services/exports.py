"""The export register (DOMAIN.md "Registers"): every file of personal data that leaves the vault.

A saved PDF (consent form, certificate, letter) or an Excel export is written by
:meth:`ExportService.save` — atomically, mode 0600 — and registered in the same step with who,
when, why, the file name and folder, SHA-256, row count, the clients it holds and a destroy-by
date. Printing from memory writes no file and is audited by the caller instead. The register
entry and its audit event (ids only) share one transaction; if that fails the file is removed,
so no unregistered file is left behind.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from clientvault.core.errors import NotFound, ValidationError
from clientvault.core.roles import Capability, Scope
from clientvault.security.atomic import atomic_write_bytes
from clientvault.services.context import Vault
from clientvault.storage.exports import ExportRepository

MAX_PURPOSE = 200


class ExportKind(StrEnum):
    """What sort of file was exported (the register is shared by every exporter)."""

    CONSENT_FORM = "consent_form"
    CONSENT_FORM_BATCH = "consent_form_batch"
    EXCEL = "excel"
    REQUEST_COPY = "request_copy"
    LETTER = "letter"
    CERTIFICATE = "certificate"


#: Default days until a registered file should be destroyed, per kind.
DEFAULT_KEEP_DAYS: dict[ExportKind, int] = {
    ExportKind.CONSENT_FORM: 30,
    ExportKind.CONSENT_FORM_BATCH: 30,
    ExportKind.EXCEL: 30,
    ExportKind.REQUEST_COPY: 30,
    ExportKind.LETTER: 365,
    ExportKind.CERTIFICATE: 3650,
}

#: The capability each kind needs (printing consent forms is open to every role).
KIND_CAPABILITY: dict[ExportKind, Capability] = {
    ExportKind.CONSENT_FORM: Capability.RECORD_CONSENT,
    ExportKind.CONSENT_FORM_BATCH: Capability.RECORD_CONSENT,
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
            keep_days: Days until the file should be destroyed (default per kind).
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
        if not purpose.strip():
            raise ValidationError({"purpose": "required"})
        if len(purpose) > MAX_PURPOSE:
            raise ValidationError({"purpose": "too_long"})
        days = DEFAULT_KEEP_DAYS.get(kind, 30) if keep_days is None else keep_days
        if days < 0:
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
                        "destroy_by": (self.today() + timedelta(days=days)).isoformat(),
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

    def register(self, *, due_only: bool = False, limit: int = 200, offset: int = 0) -> list[ExportEntry]:
        """The register, newest first (``due_only``: files past their destroy-by date)."""
        own = self._reader()
        due = self.today().isoformat() if due_only else None
        return [self._view(r) for r in self.repo.page(user_id=own, due_before=due, limit=limit, offset=offset)]

    def count(self, *, due_only: bool = False) -> int:
        """Number of entries :meth:`register` would list in total."""
        own = self._reader()
        return self.repo.count(user_id=own, due_before=self.today().isoformat() if due_only else None)

    def mark_destroyed(self, export_id: int) -> None:
        """Record that a registered file has been destroyed."""
        entry = self.get(export_id)
        with self.vault.db.transaction():
            if not self.repo.mark_destroyed(entry.id, self.vault.session.user_id):
                raise NotFound("export", export_id)
            self.vault.record("export.destroyed", f"export:{export_id}")
