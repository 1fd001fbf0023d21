"""Typed errors → translated messages, and the crash dialog for everything else.

Known errors carry codes, never sentences; this module and ``ui/error_codes.py`` (the sentences per
field code, state code and spreadsheet refusal) are the one place that turns them into words.
Anything that is not a ``KnownError`` is a bug: the user sees its type name and a reference
only (never a value that could be client data), and the log gets the traceback without locals.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from clientvault.core.crash import log_crash
from clientvault.core.errors import (
    AccessDenied,
    AgreementMissing,
    BackupFolderError,
    DamagedFile,
    DiskFull,
    DuplicateIdentifier,
    GenerationMismatch,
    InvalidState,
    KeysChanged,
    KeysFileError,
    KnownError,
    LoginThrottled,
    MigrationFailed,
    NewerDatabase,
    NotFound,
    NoticeIncomplete,
    SpreadsheetRefused,
    UnsupportedLocation,
    ValidationError,
    VaultBusy,
    VaultReadOnly,
    VersionConflict,
    WrongCredentials,
    known_os_error,
)
from clientvault.ui.error_codes import field_message, notice_incomplete_message, spreadsheet_message, state_message
from clientvault.ui.i18n import fmt

__all__ = [
    "error_message",
    "field_message",
    "known",
    "notice_incomplete_message",
    "report_crash",
    "show_error",
    "show_inline",
    "show_tamper_warning",
    "spreadsheet_message",
    "state_message",
]

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


def error_message(exc: BaseException) -> str:
    """Return the translated sentence for a known error (a generic one for anything else)."""
    if isinstance(exc, WrongCredentials):
        return translate("Errors", "The user name or password is not correct.")
    if isinstance(exc, LoginThrottled):
        return fmt(
            translate("Errors", "Too many failed attempts. Please wait %1 seconds and try again."), exc.retry_after
        )
    if isinstance(exc, DamagedFile):
        if exc.detail == "tampered":
            return translate(
                "Errors",
                "The backup key in the backups folder is not the one a partner set up. No backup was written; "
                "ask a partner to check the backups folder.",
            )
        if exc.detail == "missing":
            return translate("Errors", "The vault database file is missing. Restore it from a backup.")
        if exc.detail == "page1":
            return translate("Errors", "The first page of the vault database is damaged. Restore it from a backup.")
        if exc.detail == "pages":
            return translate(
                "Errors",
                "Some pages of the vault database are damaged. Run the integrity check on the Audit page, "
                "then restore the vault from a backup.",
            )
        if exc.detail == "truncated":
            return translate(
                "Errors", "The vault database file is incomplete (a truncated copy?). Restore it from a backup."
            )
        if exc.detail == "io_error":
            return translate(
                "Errors",
                "The vault database could not be read or written (a drive or network error). "
                "Check the drive or office share, then run the integrity check.",
            )
        return translate("Errors", "The vault database is damaged or unreadable. Restore it from a backup.")
    if isinstance(exc, KeysFileError):
        if exc.reason in ("missing", "not_found"):
            return translate("Errors", "The key file (vault.keys) is missing. Restore it from a backup.")
        if exc.reason == "newer_format":
            return translate(
                "Errors", "The key file was written by a newer version of ClientVault. Please update the application."
            )
        if exc.reason in ("other_vault", "vault_mismatch"):
            return translate("Errors", "The key file (vault.keys) belongs to another vault.")
        if exc.reason in ("forged_slot", "role_mismatch", "envelope"):
            return translate(
                "Errors",
                "This login was altered in the key file or the staff list and was not certified by a partner. "
                "Ask a partner to check the audit log.",
            )
        if exc.reason == "no_slot":
            return translate("Errors", "Your access to this vault was withdrawn on another workstation.")
        if exc.reason == "old_format":
            return translate(
                "Errors", "The key file was made by a pre-release version of ClientVault and cannot be opened."
            )
        return translate("Errors", "The key file (vault.keys) is damaged or unreadable. Restore it from a backup.")
    if isinstance(exc, GenerationMismatch):
        return translate(
            "Errors",
            "The database and the key file are from different points in time (an old copy was put back). "
            "Restore both files from the same backup.",
        )
    if isinstance(exc, NewerDatabase):
        return translate(
            "Errors", "This vault was written by a newer version of ClientVault. Please update the application."
        )
    if isinstance(exc, MigrationFailed):
        return fmt(
            translate(
                "Errors",
                "The vault could not be upgraded for this version of ClientVault and was left as it was. "
                "The copy taken before the upgrade is kept in the backups folder as %1.",
            ),
            exc.backup,
        )
    if isinstance(exc, AgreementMissing) and exc.reason == "expired":
        return fmt(
            translate(
                "Errors",
                "You cannot reveal sensitive items: your confidentiality agreement ended on %1. Ask the partner "
                "or the privacy officer to record the renewed agreement in the staff register. The attempt has "
                "been recorded.",
            ),
            exc.until,
        )
    if isinstance(exc, AgreementMissing):
        return translate(
            "Errors",
            "You cannot reveal sensitive items: no signed confidentiality agreement of yours is recorded. Ask the "
            "partner or the privacy officer to record it in the staff register. The attempt has been recorded.",
        )
    if isinstance(exc, NoticeIncomplete):
        return notice_incomplete_message(exc)
    if isinstance(exc, AccessDenied):
        return translate("Errors", "Your role does not allow this. The attempt has been recorded.")
    if isinstance(exc, ValidationError):
        return "\n".join(field_message(f, c) for f, c in sorted(exc.errors.items()))
    if isinstance(exc, VaultBusy):
        return translate("Errors", "The vault is busy on another workstation. Please try again in a moment.")
    if isinstance(exc, DiskFull):
        return translate("Errors", "The disk is full. Nothing was changed; free some space and try again.")
    if isinstance(exc, VaultReadOnly):
        return translate(
            "Errors",
            "The vault folder is read-only (a read-only drive or share, or no write permission). ClientVault "
            "must be able to write there, even to show records. Nothing was changed.",
        )
    if isinstance(exc, KeysChanged):
        return translate("Errors", "The vault keys were changed on another workstation. Please log in again.")
    if isinstance(exc, BackupFolderError):
        return backup_folder_message(exc.reason)
    if isinstance(exc, UnsupportedLocation):
        return translate(
            "Errors",
            "This folder cannot hold a vault (cloud-sync folders are refused because they copy the files "
            "outside the firm). Choose a local or office-share folder.",
        )
    if isinstance(exc, VersionConflict):
        return translate("Errors", "Someone else saved this record in the meantime. Reload it and try again.")
    if isinstance(exc, DuplicateIdentifier) and exc.field == "uscc":
        return translate("Errors", "Another client already has this unified social credit code.")
    if isinstance(exc, DuplicateIdentifier):
        return translate("Errors", "A person of another client already has this ID number.")
    if isinstance(exc, NotFound) and exc.record == "person":
        return translate("Errors", "This person is not in the vault, or not one of this client's people.")
    if isinstance(exc, NotFound):
        return translate("Errors", "The record no longer exists.")
    if isinstance(exc, InvalidState):
        return state_message(exc.code)
    if isinstance(exc, SpreadsheetRefused):
        return spreadsheet_message(exc.reason)
    if isinstance(exc, KnownError):
        return translate("Errors", "The operation could not be completed.")
    return translate("Errors", "An unexpected error occurred.")


def known(exc: BaseException) -> BaseException:
    """``exc``, or the typed error it stands for when it is a full or read-only drive's ``OSError``."""
    return (known_os_error(exc) or exc) if isinstance(exc, OSError) else exc


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show a known error as a message box, or an unknown one as a crash report."""
    exc = known(exc)
    if isinstance(exc, KnownError):
        QMessageBox.warning(parent, translate("Errors", "ClientVault"), error_message(exc))
    else:
        report_crash(parent, type(exc), exc, exc.__traceback__)


def show_inline(target: QLabel | Callable[[str], None], parent: QWidget | None, exc: BaseException) -> None:
    """Show a known error in the form itself (``target``: its error label, or what shows the sentence);
    anything else is a bug: the crash report."""
    exc = known(exc)
    if not isinstance(exc, KnownError):
        show_error(parent, exc)
    elif isinstance(target, QLabel):
        target.setText(error_message(exc))
        target.setVisible(True)
    else:
        target(error_message(exc))


def report_crash(
    parent: QWidget | None,
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> str:
    """Log a bug (traceback, no locals, no message text) and show a dialog with a reference only."""
    ref = uuid.uuid4().hex[:8].upper()
    # The exception message may contain client data: log only frames (file, line, function) and the type.
    log_crash(log, "unexpected error", exc_type, tb, reference=ref)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("Errors", "ClientVault"))
    box.setText(translate("Errors", "Something went wrong. Your data has not been changed."))
    box.setInformativeText(
        fmt(
            translate("Errors", "Error: %1\nReference: %2\nPlease give this reference to your administrator."),
            exc_type.__name__,
            ref,
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return ref


def show_tamper_warning(parent: QWidget, kinds: list[str]) -> None:
    """Tell the user, once after login, what the login found altered (it is also in the audit log)."""
    texts = {
        "slots": translate(
            "Errors",
            "The key file holds logins that no partner certified. They are ignored; a partner's login removes them.",
        ),
        "signer": translate(
            "Errors",
            "The partner signing key recorded in the key file or the database was changed. The true one is used.",
        ),
        "audit": translate(
            "Errors",
            "The audit log changed since the last checkpoint in a way its signatures do not allow. "
            "No new checkpoint was signed. Open the audit log and run the check.",
        ),
    }
    lines = [texts.get(k, k) for k in kinds]
    QMessageBox.warning(parent, translate("Errors", "Tampering detected"), "\n\n".join(lines))


def backup_folder_message(reason: str) -> str:
    """Why a backups folder cannot be used (unavailable at backup time, or a refused move target)."""
    messages = {
        "unavailable": translate(
            "Errors",
            "The backups folder is not available (an unplugged drive or a share that is not connected). No backup "
            "was written anywhere else. Connect it, or choose another folder in Settings.",
        ),
        "not_folder": translate("Errors", "That path is a file, not a folder."),
        "not_writable": translate("Errors", "That folder cannot be written (no permission, or a read-only drive)."),
        "inside_vault": translate("Errors", "The backups folder cannot be inside the vault folder."),
        "cloud_sync": translate(
            "Errors", "Cloud-sync folders are refused: they copy the files outside the firm. Choose another folder."
        ),
        "other_vault": translate("Errors", "That folder holds another vault's backups. Choose an empty folder."),
        "copy_failed": translate(
            "Errors",
            "Copying the backups to the new folder failed. The current backups folder is still in use and complete.",
        ),
    }
    return messages.get(reason, translate("Errors", "The backups folder cannot be used."))
