"""Shared context of the command line: constants, the one-line error messages, login and password sources."""

from __future__ import annotations

import argparse
import getpass
import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from clientvault.core.errors import (
    AccessDenied,
    AgreementMissing,
    BackupFolderError,
    ConsentMissing,
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
)
from clientvault.services.context import Vault
from clientvault.services.profiles import KDF_PROFILES, kdf_profile
from clientvault.services.vault import VaultService

PROG = "clientvault"
EXIT_OK, EXIT_PROBLEM, EXIT_ERROR, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
ENV_VAULT = "CLIENTVAULT_VAULT"
ENV_USER = "CLIENTVAULT_USER"
ENV_PASSWORD = "CLIENTVAULT_PASSWORD"  # noqa: S105 - the variable's name, not a password
ENV_RECOVERY_CODE = "CLIENTVAULT_RECOVERY_CODE"
#: ``--kdf-profile`` is honoured only when this is "1": a cheap KDF must never reach a real vault.
ENV_TESTING = "CLIENTVAULT_TESTING"
AUDIT_PAGE = 200


class UsageError(Exception):
    """Bad command line or missing input; the message is one English line without personal data."""


class Parser(argparse.ArgumentParser):
    """An argparse parser that reports errors as one line (raised, so ``main`` prints them)."""

    def error(self, message: str) -> Any:  # argparse's signature is NoReturn; raising keeps that
        raise UsageError(message)


# -- error messages ----------------------------------------------------------------------------

_DAMAGE = {
    "tampered": "the backup catalogue's public key is not the one a partner signed: no backup was written; "
    "a partner must check the backups folder",
    "page1": "the first page of vault.db is damaged; restore vault.db and vault.keys from the newest backup",
    "pages": "vault.db has damaged pages; run 'clientvault verify' and restore from the newest backup",
    "truncated": "vault.db is truncated (incomplete copy?); restore it from the newest backup",
    "missing": "vault.db is missing from the vault folder",
    "empty": "vault.db is empty; restore it from the newest backup",
    "io_error": "vault.db could not be read or written (drive or network error); check the drive, then run "
    "'clientvault verify'",
    "cannot_open": "vault.db cannot be opened (check the file's permissions)",
}
_KEYS = {
    "missing": "vault.keys is missing (is --vault the right folder?)",
    "other_vault": "vault.keys belongs to another vault; put back this vault's own vault.keys",
    "newer_format": "vault.keys was written by a newer version of ClientVault",
    "unreadable": "vault.keys cannot be read (check the folder's permissions)",
    "no_recovery_slot": "this vault has no recovery slot",
    "forged_slot": "this login was altered in vault.keys and no partner certified it; ask a partner to check the"
    " audit log",
    "envelope": "the keys of this login were altered in vault.keys; a partner (or the recovery code) must repair it",
    "role_mismatch": "the staff list says another role than the partner certified for this login; ask a partner",
    "no_slot": "your access to this vault was withdrawn",
    "old_format": "vault.keys was made by a pre-release version of ClientVault and cannot be opened",
    "not_this_db": (
        "the key in vault.keys does not open vault.db: the two files are from different vaults or from"
        " different points in time; restore both from the same backup"
    ),
}
_STATE = {
    "vault_exists": "a vault already exists in that folder",
    "cannot_disable_self": "you cannot disable your own account",
    "last_partner": "the last active partner cannot be disabled",
    "partner_key_unavailable": "this needs the partner key: log in as a partner with the password",
    "password_session_needed": "log in with the password (not a PIN) to remember a workstation",
    "file_exists": "the recovery sheet file already exists; choose a new file name",
    "folder_missing": "the folder for the recovery sheet does not exist",
    "erasure_check_running": "the vault file is still being checked after this erasure; the certificate is "
    "issued once the check has finished",
    "erasure_pending_on_disk": "another workstation is reading the vault: the erased values are still on disk; "
    "the certificate is issued once they are gone (try again when the other workstations are idle)",
    "legal_hold": "a legal hold stands on this client: erasure refused (a partner must release the hold first)",
    "four_eyes_requester": "the person who asks for an erasure cannot approve it: name another partner, or the "
    "privacy officer of a single-partner firm, with --approver",
    "retention_running": "a legal retention period is still running for this client: 'retention_ended' is refused",
    "appraisal_missing": "the client's accounting archives need an appraisal before destruction (--appraise)",
    "backups_not_set_up": "backups are not set up yet: a partner must take the first backup",
    "export_destroyed": "that export is already marked destroyed",
    "import_refused_rows": "rows were refused; nothing was imported (fix the rows in the file and try again)",
    "import_empty": "the sheet has no data rows; nothing was imported",
    "import_record_changed": "a matching client changed during the import; nothing was imported, try again",
    "export_needs_approval": "this export is above the row threshold: a partner must approve it first",
    "export_approval_mismatch": "the approval does not cover this export (other rows, filter or purpose)",
    "export_approval_used": "that approval was already used",
    "export_not_approved": "that export request is not approved",
    "user_disabled": "that account is disabled",
    "override_not_needed": "no override is needed: a partner, or someone whose confidentiality agreement is in force",
}
SPREADSHEET = {
    "not_found": "the file does not exist",
    "locked": "the file is open in Excel or WPS (or locked by another program); close it and try again",
    "unreadable": "the file cannot be read (check its permissions)",
    "xls": "the file is an old .xls workbook; open it in Excel or WPS and save it as .xlsx",
    "csv": "the file is a CSV text file, not a workbook; open it in Excel or WPS and save it as .xlsx",
    "encrypted": "the workbook is protected with a password; save an unprotected copy and import that",
    "not_workbook": "the file is not an Excel workbook (.xlsx)",
    "damaged": "the workbook is damaged or incomplete (truncated copy?); save it again from Excel or WPS",
    "zip_bomb": "the workbook unpacks to far more data than a client list holds; it was not opened",
    "too_large": "the file is too large for a client list",
    "empty": "the workbook has no data",
    "no_sheet": "the workbook has no sheet of that name",
    "no_header": "no header row found in the first 30 rows (a client name column and one more known column)",
    "no_data": "the sheet has a header row but no data rows",
    "too_many_rows": "the sheet has more rows than one import takes; split it",
}
_FIELD_CODES = {
    "required": "is required",
    "too_short": "is too short",
    "too_long": "is too long",
    "format": "has characters that are not allowed",
    "taken": "is already in use",
    "control_chars": "contains control or text-direction characters",
    "unknown": "is not known",
    "engagement_range": "must be a date from 1980-01-01 to 2099-12-31",
    "before_start": "is before the start",
}


def _validation(exc: ValidationError) -> str:
    parts = []
    for name, code in sorted(exc.errors.items()):
        what = name.replace("_", " ")
        if code == "too_short" and name in ("password", "new_password"):
            parts.append(f"{what} is too short (at least 10 characters)")
        elif code == "format" and name == "username":
            parts.append("user name: use 2-64 letters, digits, dots, dashes or underscores")
        else:
            parts.append(f"{what} {_FIELD_CODES.get(code, 'is not valid')}")
    return "invalid input: " + "; ".join(parts)


_BACKUP_FOLDER = {
    "unavailable": "the backups folder is not available (an unplugged drive or an unmounted share?); no backup "
    "was written anywhere else; connect it, or choose another folder with 'backup-folder PATH'",
    "not_folder": "that path is a file, not a folder",
    "not_writable": "that folder cannot be written (no permission, or a read-only drive or share)",
    "inside_vault": "the backups folder cannot be inside the vault folder (choose another drive or share)",
    "cloud_sync": "that folder is a cloud-sync folder; backups stay on local or office-share drives",
    "other_vault": "that folder holds another vault's backups; choose an empty folder",
    "copy_failed": "copying the backups to the new folder failed; the current backups folder is still in use "
    "and complete",
}


#: One sentence per known error type (none contains a personal-data value). A test checks that
#: every ``KnownError`` subclass has an entry, so a new error type cannot reach users unexplained.
MESSAGES: dict[type[KnownError], Callable[[Any], str]] = {
    WrongCredentials: lambda e: "wrong user name or password",
    LoginThrottled: lambda e: f"too many failed logins; try again in {e.retry_after} seconds",
    VaultBusy: lambda e: "the vault is busy (in use by another program or workstation); try again shortly",
    DiskFull: lambda e: "the disk is full; nothing was changed",
    VaultReadOnly: lambda e: (
        "the vault folder (or the file to write) is read-only: a read-only drive or share, or no write "
        "permission; ClientVault writes to the vault even to read it (every login is audited); nothing was changed"
    ),
    DamagedFile: lambda e: _DAMAGE.get(
        e.detail,
        "vault.db failed its safety self-check"
        if e.detail.startswith("self_check")
        else f"{e.which} is damaged or is not a ClientVault file; restore it from the newest backup",
    ),
    KeysFileError: lambda e: _KEYS.get(e.reason, "vault.keys is damaged; restore it from the newest backup"),
    GenerationMismatch: lambda e: (
        "vault.db and vault.keys are from different points in time (an old copy of one was put back); "
        "restore both files from the same backup"
    ),
    NewerDatabase: lambda e: (
        f"the vault was written by a newer version of ClientVault (schema {e.found}, this version knows {e.supported})"
    ),
    MigrationFailed: lambda e: (
        f"upgrading the vault database from schema {e.version} failed; it was left as it was, and the copy "
        f"taken before the upgrade is kept as backups/{e.backup}"
    ),
    AccessDenied: lambda e: f"your role may not do this ({e.capability}); the attempt was recorded",
    ConsentMissing: lambda e: f"no valid consent or legal basis for the purpose '{e.purpose}'",
    AgreementMissing: lambda e: (
        f"your confidentiality agreement ended on {e.until}: sensitive values cannot be revealed until the renewal "
        "is recorded in the staff register; the attempt was recorded"
        if e.reason == "expired"
        else "no signed confidentiality agreement of yours is recorded in the staff register: sensitive values "
        "cannot be revealed until it is; the attempt was recorded"
    ),
    NoticeIncomplete: lambda e: _notice_incomplete(e),
    ValidationError: _validation,
    VersionConflict: lambda e: "someone else changed this record meanwhile; try again",
    DuplicateIdentifier: lambda e: (
        f"client no. {e.other_client_id} already has this "
        + ("unified social credit code" if e.field == "uscc" else "ID number (on one of its people)")
    ),
    NotFound: lambda e: f"no such {e.record}",
    InvalidState: lambda e: _STATE.get(e.code, f"not possible in the current state ({e.code})"),
    UnsupportedLocation: lambda e: "the vault folder is in a cloud-sync folder; use a local or office-share folder",
    KeysChanged: lambda e: "another workstation changed the vault keys; log in again",
    BackupFolderError: lambda e: _BACKUP_FOLDER.get(e.reason, "the backups folder cannot be used"),
    SpreadsheetRefused: lambda e: SPREADSHEET.get(e.reason, "the file cannot be read as a workbook"),
}


def _notice_incomplete(exc: NoticeIncomplete) -> str:
    firm = [m.replace("_", " ") for m in exc.missing if m != "recipients"]
    parts = []
    if firm:
        parts.append(f"the firm's {', '.join(firm)} must be filled in (PIPL Art 17; settings page or first run)")
    if "recipients" in exc.missing:
        parts.append("a purpose that provides data to third parties names no recipient from the list (PIPL Art 23)")
    return "the consent form cannot be printed: " + "; ".join(parts)


def error_message(exc: KnownError) -> str:
    """Return the one-line English message for a known error (most specific type wins)."""
    for kind in type(exc).__mro__:
        make = MESSAGES.get(kind)
        if make is not None:
            return make(exc)
    return f"the operation was refused ({type(exc).__name__})"


# -- the command context -----------------------------------------------------------------------


@dataclass
class Context:
    """Parsed arguments plus the process environment a verb needs."""

    args: argparse.Namespace
    out: TextIO
    env: dict[str, str]
    _password: str | None = None
    err_out: TextIO | None = None

    def __post_init__(self) -> None:
        check_arguments(self.args)

    def folder(self) -> Path:
        """The vault folder from ``--vault`` or ``CLIENTVAULT_VAULT``."""
        value = self.args.vault or self.env.get(ENV_VAULT)
        if not value:
            raise UsageError(f"no vault folder: use --vault DIR or set {ENV_VAULT}")
        folder = Path(check_text("--vault", value)).expanduser()
        if folder.exists() and not folder.is_dir():
            raise UsageError("--vault names a file: give the vault's folder")
        return folder

    def username(self) -> str:
        """The acting user from ``--user`` or ``CLIENTVAULT_USER``."""
        value = self.args.user or self.env.get(ENV_USER)
        if not value:
            raise UsageError(f"no user name: use --user NAME or set {ENV_USER}")
        return check_text("--user", str(value))

    def vaults(self) -> VaultService:
        """A VaultService with the production KDF (the fast one only inside the test suite)."""
        profile = self.args.kdf_profile or "production"
        if profile != "production" and self.env.get(ENV_TESTING) != "1":
            raise UsageError(f"--kdf-profile is for the test suite only ({ENV_TESTING}=1)")
        return VaultService(kdf=kdf_profile(profile), cipher_log=log_dir() / "sqlcipher.log", state_dir=state_dir())

    def password(self, *, confirm: bool = False) -> str:
        """The login password: ``--password-file``, then ``CLIENTVAULT_PASSWORD``, then a prompt (asked once)."""
        if self._password is None:
            if self.args.password_file:
                self._password = read_secret(self.args.password_file, "password file")
            elif self.env.get(ENV_PASSWORD):
                self._password = self.env[ENV_PASSWORD]
            else:
                hint = f"set {ENV_PASSWORD} or use --password-file"
                self._password = prompt("Password: ", confirm=confirm, hint=hint)
        return self._password

    def new_password(self, what: str = "New password") -> str:
        """A new password: ``--new-password-file``, else prompted twice."""
        path = getattr(self.args, "new_password_file", None)
        if path:
            return read_secret(path, "new password file")
        return prompt(f"{what}: ", confirm=True, hint="use --new-password-file")

    def login(self, vaults: VaultService) -> Vault:
        """Log the acting user in (audited like a GUI login)."""
        folder, user = self.folder(), self.username()
        require_vault(vaults, folder)
        vault = vaults.unlock(folder, user, self.password())
        for kind in vault.warnings:
            self.err(f"warning: {TAMPER_WARNINGS.get(kind, kind)}")
        return vault

    def err(self, line: str) -> None:
        """Write one line (no personal values) to stderr, prefixed like the error lines of ``main``."""
        (self.err_out or sys.stderr).write(f"{PROG}: {_clean(line)}\n")

    def print(self, *fields: object) -> None:
        """Write one tab-separated line to stdout (tabs/newlines inside fields become spaces)."""
        self.out.write("\t".join(_clean(f) for f in fields) + "\n")


#: What a login found altered (docs/SECURITY.md "Certificates" and "Audit log"); audited as key.tamper_detected.
TAMPER_WARNINGS = {
    "slots": "vault.keys holds key slots no partner certified; they are ignored (a partner login removes them)",
    "signer": "the partner signing key recorded in vault.keys or the database was changed; the true one is used",
    "audit": "the audit log changed since the last checkpoint; run verify, no checkpoint was signed",
}

#: SQLite stores integers in 64 bits: a record number or count beyond that is refused as typed.
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
#: Positional arguments, named as ``--help`` shows them.
_POSITIONAL = {"approval_id": "ID", "export_id": "ID", "number": "NUMBER", "username": "USERNAME", "backup": "BACKUP"}


def _flag(dest: str) -> str:
    return _POSITIONAL.get(dest, "--" + dest.replace("_", "-"))


def check_text(flag: str, value: str) -> str:
    """Refuse text that came from bytes that are not UTF-8 (Python hands them on as lone surrogates)."""
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise UsageError(f"{flag} is not valid UTF-8 text (names, paths and values must be UTF-8)")
    return value


def check_arguments(args: argparse.Namespace) -> None:
    """Every argument as one clear line: no undecodable bytes, no integer beyond 64 bits."""
    for dest, value in vars(args).items():
        if isinstance(value, str):
            check_text(_flag(dest), value)
        elif isinstance(value, int) and not isinstance(value, bool) and not INT_MIN <= value <= INT_MAX:
            raise UsageError(f"{_flag(dest)} is out of range (at most {INT_MAX})")


def _clean(value: object) -> str:
    return re.sub(r"[\t\r\n]", " ", "" if value is None else str(value))


def state_dir() -> Path:
    """The per-user folder where this workstation remembers the newest audit checkpoint it saw."""
    import platformdirs

    return Path(platformdirs.user_state_path("ClientVault", appauthor=False))


def log_dir() -> Path:
    """The per-user log folder (SQLCipher's log and the CLI's own log go there, never to stderr)."""
    import platformdirs

    folder = Path(platformdirs.user_log_path("ClientVault", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def read_secret(path: str, what: str) -> str:
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UsageError(f"cannot read the {what}") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise UsageError(f"the {what} is empty")
    return lines[0]


def prompt(label: str, *, confirm: bool, hint: str) -> str:
    if not sys.stdin.isatty():
        raise UsageError(f"no password given and no terminal to ask on: {hint}")
    first = getpass.getpass(label)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise UsageError("the two passwords differ")
    return first


def require_vault(vaults: VaultService, folder: Path) -> None:
    if not vaults.vault_exists(folder):
        raise UsageError("no vault in that folder (use 'clientvault init' to create one)")


def locked(ctx: Context, work: Callable[[Vault, VaultService], int]) -> int:
    """Log in, run ``work``, and always lock afterwards."""
    vaults = ctx.vaults()
    vault = ctx.login(vaults)
    try:
        return work(vault, vaults)
    finally:
        vault.lock()


def new_file(path: str) -> Path:
    """The ``--out`` file of a verb that saves one: a new file in an existing folder."""
    out = Path(path).expanduser()
    if out.is_dir():
        raise UsageError("the output path is a folder; give a file name in it")
    if out.exists():
        raise UsageError("the output file exists; choose a new file name")
    if not out.parent.is_dir():
        raise UsageError("the output folder does not exist")
    return out


def global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    # Sub-parsers repeat the global options so they work after the verb too; SUPPRESS keeps a
    # sub-parser from overwriting a value given before the verb.
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument("--vault", metavar="DIR", default=default, help=f"vault folder (or {ENV_VAULT})")
    parser.add_argument("--user", metavar="NAME", default=default, help=f"log in as NAME (or {ENV_USER})")
    parser.add_argument(
        "--password-file",
        metavar="FILE",
        default=default,
        help=f"read the login password from FILE (or {ENV_PASSWORD})",
    )
    parser.add_argument("--kdf-profile", choices=sorted(KDF_PROFILES), default=default, help=argparse.SUPPRESS)


def configure_logging() -> None:
    """Send log records to the log folder unless the host (a test run) already configured logging."""
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.FileHandler(log_dir() / "clientvault-cli.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
