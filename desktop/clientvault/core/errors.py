"""The typed error hierarchy.

Known errors carry no user-facing sentence and never a personal-data value: the UI and the CLI
map each type to a translated message. Anything that is not a ``KnownError`` is a bug.
"""

from __future__ import annotations

import errno


class ClientVaultError(Exception):
    """Root of every error this application raises on purpose."""


class KnownError(ClientVaultError):
    """An expected failure the user can act on; mapped to a message by the UI/CLI."""


class WrongCredentials(KnownError):
    """Unknown user or wrong password (deliberately the same error for both)."""


class VaultBusy(KnownError):
    """Another process holds the vault (or a write lock) and did not release it in time."""


class DiskFull(KnownError):
    """The disk (or quota) ran out while writing; the previous state is intact."""


class VaultReadOnly(KnownError):
    """The vault folder or one of its files cannot be written (read-only drive or share, no permission).

    ClientVault writes on every login (the audit log), so a read-only vault cannot be used at all;
    nothing was changed.
    """


class DamagedFile(KnownError):
    """A vault file is damaged. ``which`` names the file kind, ``detail`` a non-personal code."""

    def __init__(self, which: str, detail: str = "") -> None:
        super().__init__(which, detail)
        self.which = which
        self.detail = detail


class KeysFileError(KnownError):
    """``vault.keys`` is missing, unreadable, or belongs to another vault. ``reason`` is a code."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class GenerationMismatch(KnownError):
    """``vault.db`` and ``vault.keys`` are from different points in time (an old copy was restored)."""

    def __init__(self, db_generation: int, keys_generation: int) -> None:
        super().__init__(db_generation, keys_generation)
        self.db_generation = db_generation
        self.keys_generation = keys_generation


class NewerDatabase(KnownError):
    """The database was written by a newer version of the application."""

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(found, supported)
        self.found = found
        self.supported = supported


class AccessDenied(KnownError):
    """The acting role may not do this (the attempt is audited)."""

    def __init__(self, capability: str) -> None:
        super().__init__(capability)
        self.capability = capability


class ConsentMissing(KnownError):
    """The purpose named for a reveal or processing step has no valid consent/legal basis."""

    def __init__(self, purpose: str) -> None:
        super().__init__(purpose)
        self.purpose = purpose


class ValidationError(KnownError):
    """One or more fields are invalid. ``errors`` maps field name to an error code (no values)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(sorted(errors))
        self.errors = dict(errors)


class VersionConflict(KnownError):
    """Someone else saved this record since it was loaded (optimistic concurrency)."""

    def __init__(self, record: str, record_id: int, expected: int, found: int) -> None:
        super().__init__(record, record_id, expected, found)
        self.record = record
        self.record_id = record_id
        self.expected = expected
        self.found = found


class NotFound(KnownError):
    """The record does not exist (or is not visible to this role)."""

    def __init__(self, record: str, record_id: int | str) -> None:
        super().__init__(record, record_id)
        self.record = record
        self.record_id = record_id


class InvalidState(KnownError):
    """The operation does not fit the record's current state. ``code`` says which rule."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class MigrationFailed(KnownError):
    """Upgrading the database schema failed; the database is still at ``version``.

    ``backup`` names the encrypted copy taken before the upgrade (a file in the vault's
    ``backups`` folder, keyed like the database); it is kept until a later upgrade succeeds.
    """

    def __init__(self, version: int, backup: str) -> None:
        super().__init__(version, backup)
        self.version = version
        self.backup = backup


class UnsupportedLocation(KnownError):
    """The vault folder is somewhere we refuse to keep it (e.g. a cloud-sync folder)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class BackupFolderError(KnownError):
    """The backups folder cannot be used. ``reason`` is a code.

    ``unavailable``: the configured folder is missing or holds no catalogue (an unplugged drive,
    a share that is not mounted); nothing is written anywhere else. Refused targets of a move:
    ``not_folder`` (a file), ``not_writable``, ``inside_vault``, ``cloud_sync``, ``other_vault``
    (another vault's backups are there); ``copy_failed``: a copy could not be written during a
    move (the old folder is still the backups folder).
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class LoginThrottled(KnownError):
    """Too many failed logins for this name; try again after ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class SpreadsheetRefused(KnownError):
    """A file offered for import is not read. ``reason`` is a code (see ``documents.spreadsheet``).

    Codes: ``not_found``, ``locked``, ``unreadable``, ``xls``, ``csv``, ``encrypted``, ``not_workbook``,
    ``damaged``, ``zip_bomb``, ``too_large``, ``empty``, ``no_sheet``, ``no_header``, ``no_data``,
    ``too_many_rows``.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class DuplicateIdentifier(KnownError):
    """Another client already has this credit code (``field`` "uscc") or ID number ("id_number").

    Carries the other client's id only (never the value or a name): the UI asks the service for
    the name it shows, and saves again with a confirmation (a branch, the same person).
    """

    def __init__(self, field: str, other_client_id: int) -> None:
        super().__init__(field, other_client_id)
        self.field = field
        self.other_client_id = other_client_id


class KeysChanged(KnownError):
    """Another workstation changed the vault keys (user disabled, rekey); log in again."""


class AgreementMissing(KnownError):
    """The acting member of staff has no confidentiality agreement in force, so may not reveal.

    ``reason``: ``missing`` (none recorded) or ``expired`` (``until`` is the last day of the latest).
    Recording an agreement in the staff register, or the partner's time-limited override, lifts it.
    """

    def __init__(self, reason: str, until: str = "") -> None:
        super().__init__(reason, until)
        self.reason = reason
        self.until = until


class NoticeIncomplete(KnownError):
    """The consent form cannot be printed: the notice would leave out what PIPL Art 17(1)(1) or Art 23 asks.

    ``missing``: codes of what is missing, in a fixed order — ``name``, ``address``, ``phone``,
    ``email``, ``privacy_contact`` (the firm's details, edited on the settings page) and
    ``recipients`` (a purpose that provides data to third parties names no recipient from the list).
    """

    def __init__(self, missing: tuple[str, ...]) -> None:
        super().__init__(missing)
        self.missing = missing


#: errno values that mean "no room left" (disk, quota, or a file-size limit).
_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG})
#: errno values that mean "may not write here" (read-only file system, permissions).
_READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def known_os_error(exc: OSError) -> KnownError | None:
    """Classify an operating-system error from writing a vault's files, or ``None`` if it is none of ours.

    Full disk (or quota, or file-size limit) is :class:`DiskFull`; a read-only drive or missing
    permission is :class:`VaultReadOnly`. The one classifier of OS errors: the atomic file writer,
    the command line and the desktop app's error mapping all use it.
    """
    if exc.errno in _FULL_ERRNOS:
        return DiskFull()
    if exc.errno in _READ_ONLY_ERRNOS:
        return VaultReadOnly()
    return None
