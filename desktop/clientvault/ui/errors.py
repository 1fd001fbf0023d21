"""Typed errors → translated messages, and the crash dialog for everything else.

Known errors carry codes, never sentences; this is the one place that turns them into words.
Anything that is not a ``KnownError`` is a bug: the user sees its type name and a reference
only (never a value that could be client data), and the log gets the traceback without locals.
"""

from __future__ import annotations

import logging
import traceback
import uuid
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from clientvault.core.errors import (
    AccessDenied,
    DamagedFile,
    DiskFull,
    GenerationMismatch,
    InvalidState,
    KeysChanged,
    KeysFileError,
    KnownError,
    LoginThrottled,
    NewerDatabase,
    NotFound,
    UnsupportedLocation,
    ValidationError,
    VaultBusy,
    VersionConflict,
    WrongCredentials,
)
from clientvault.ui.i18n import fmt

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def field_message(field: str, code: str) -> str:
    """Translate one validation error (field name + code)."""
    fields = {
        "firm_name": _t("Firm name"),
        "username": _t("User name"),
        "display_name": _t("Full name"),
        "password": _t("Password"),
        "new_password": _t("New password"),
        "pin": _t("PIN"),
    }
    codes = {
        "required": _t("%1 is required."),
        "too_long": _t("%1 is too long."),
        "format": _t("%1 contains characters that are not allowed."),
        "taken": _t("%1 is already in use."),
        "too_short": _t("%1 is too short."),
        "control_chars": _t("%1 contains control characters."),
        "mismatch": _t("%1 and its confirmation differ."),
    }
    name = fields.get(field, field)
    template = codes.get(code, _t("%1 is not valid."))
    if field == "username" and code == "format":
        return _t("User name: 2–64 letters, digits, dots, dashes or underscores.")
    if field in ("password", "new_password") and code == "too_short":
        return fmt(_t("%1 must have at least 10 characters."), name)
    if field == "pin" and code == "too_short":
        return _t("The PIN must have at least 6 characters.")
    return fmt(template, name)


def error_message(exc: BaseException) -> str:
    """Return the translated sentence for a known error (a generic one for anything else)."""
    if isinstance(exc, WrongCredentials):
        return _t("The user name or password is not correct.")
    if isinstance(exc, LoginThrottled):
        return fmt(_t("Too many failed attempts. Please wait %1 seconds and try again."), exc.retry_after)
    if isinstance(exc, DamagedFile):
        if exc.detail == "missing":
            return _t("The vault database file is missing. Restore it from a backup.")
        if exc.detail == "page1":
            return _t("The first page of the vault database is damaged. Restore it from a backup.")
        return _t("The vault database is damaged or unreadable. Restore it from a backup.")
    if isinstance(exc, KeysFileError):
        if exc.reason in ("missing", "not_found"):
            return _t("The key file (vault.keys) is missing. Restore it from a backup.")
        if exc.reason == "newer_format":
            return _t("The key file was written by a newer version of ClientVault. Please update the application.")
        if exc.reason in ("other_vault", "vault_mismatch"):
            return _t("The key file (vault.keys) belongs to another vault.")
        return _t("The key file (vault.keys) is damaged or unreadable. Restore it from a backup.")
    if isinstance(exc, GenerationMismatch):
        return _t(
            "The database and the key file are from different points in time (an old copy was put back). "
            "Restore both files from the same backup."
        )
    if isinstance(exc, NewerDatabase):
        return _t("This vault was written by a newer version of ClientVault. Please update the application.")
    if isinstance(exc, AccessDenied):
        return _t("Your role does not allow this. The attempt has been recorded.")
    if isinstance(exc, ValidationError):
        return "\n".join(field_message(f, c) for f, c in sorted(exc.errors.items()))
    if isinstance(exc, VaultBusy):
        return _t("The vault is busy on another workstation. Please try again in a moment.")
    if isinstance(exc, DiskFull):
        return _t("The disk is full. Nothing was changed; free some space and try again.")
    if isinstance(exc, KeysChanged):
        return _t("The vault keys were changed on another workstation. Please log in again.")
    if isinstance(exc, UnsupportedLocation):
        return _t(
            "This folder cannot hold a vault (cloud-sync folders are refused because they copy the files "
            "outside the firm). Choose a local or office-share folder."
        )
    if isinstance(exc, VersionConflict):
        return _t("Someone else saved this record in the meantime. Reload it and try again.")
    if isinstance(exc, NotFound):
        return _t("The record no longer exists.")
    if isinstance(exc, InvalidState):
        return state_message(exc.code)
    if isinstance(exc, KnownError):
        return _t("The operation could not be completed.")
    return _t("An unexpected error occurred.")


def state_message(code: str) -> str:
    """Translate an ``InvalidState`` code."""
    messages = {
        "cannot_disable_self": _t("You cannot disable your own account."),
        "last_partner": _t("The last active partner cannot be disabled."),
        "vault_exists": _t("This folder already holds a vault."),
        "partner_key_unavailable": _t("Only a partner who holds the partner key can add another partner."),
    }
    return messages.get(code, _t("The operation does not fit the current state."))


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show a known error as a message box, or an unknown one as a crash report."""
    if isinstance(exc, KnownError):
        QMessageBox.warning(parent, _t("ClientVault"), error_message(exc))
    else:
        report_crash(parent, type(exc), exc, exc.__traceback__)


def report_crash(
    parent: QWidget | None,
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> str:
    """Log a bug (traceback, no locals, no message text) and show a dialog with a reference only."""
    ref = uuid.uuid4().hex[:8].upper()
    # The exception message may contain client data: log only frames (file, line, function) and the type.
    frames = "".join(traceback.format_list(traceback.extract_tb(tb)))
    log.error("unexpected error %s, reference %s\n%s", exc_type.__name__, ref, frames)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_t("ClientVault"))
    box.setText(_t("Something went wrong. Your data has not been changed."))
    box.setInformativeText(
        fmt(_t("Error: %1\nReference: %2\nPlease give this reference to your administrator."), exc_type.__name__, ref)
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return ref
