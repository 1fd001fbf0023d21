"""``clientvault`` — the command line: admin verbs over the same services as the GUI.

``clientvault`` alone starts the desktop app. Every verb except ``init`` and ``demo`` logs in as
``--user`` (same role checks, same audit events as the GUI), does its work and locks the vault.

Exit codes: 0 ok; 1 a problem was found (``verify``); 2 usage, login or another known error, with
one English line on stderr; 3 an unexpected internal error (a bug; the line names its type only);
130 interrupted.

Passwords are never taken from the command line (it shows in ``ps`` and shell history): the
login password comes from ``--password-file FILE`` or ``CLIENTVAULT_PASSWORD``, else a prompt on
the terminal; a new password from ``--new-password-file FILE``, else a prompt (typed twice).
Without a terminal and without a file or variable, the verb fails with exit code 2.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO

from clientvault.core.crash import log_crash
from clientvault.core.errors import (
    AccessDenied,
    ConsentMissing,
    DamagedFile,
    DiskFull,
    GenerationMismatch,
    InvalidState,
    KeysChanged,
    KeysFileError,
    KnownError,
    LoginThrottled,
    MigrationFailed,
    NewerDatabase,
    NotFound,
    UnsupportedLocation,
    ValidationError,
    VaultBusy,
    VersionConflict,
    WrongCredentials,
)
from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter, AuditService
from clientvault.services.context import Vault
from clientvault.services.profiles import KDF_PROFILES, kdf_profile
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService

log = logging.getLogger(__name__)

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


class _Parser(argparse.ArgumentParser):
    """An argparse parser that reports errors as one line (raised, so ``main`` prints them)."""

    def error(self, message: str) -> Any:  # argparse's signature is NoReturn; raising keeps that
        raise UsageError(message)


# -- error messages ----------------------------------------------------------------------------

_DAMAGE = {
    "page1": "the first page of vault.db is damaged; restore vault.db and vault.keys from the newest backup",
    "pages": "vault.db has damaged pages; run 'clientvault verify' and restore from the newest backup",
    "truncated": "vault.db is truncated (incomplete copy?); restore it from the newest backup",
    "missing": "vault.db is missing from the vault folder",
    "empty": "vault.db is empty; restore it from the newest backup",
}
_KEYS = {
    "missing": "vault.keys is missing (is --vault the right folder?)",
    "other_vault": "vault.keys belongs to another vault; put back this vault's own vault.keys",
    "newer_format": "vault.keys was written by a newer version of ClientVault",
    "unreadable": "vault.keys cannot be read (check the folder's permissions)",
    "no_recovery_slot": "this vault has no recovery slot",
    "not_this_db": (
        "the key in vault.keys does not open vault.db: the two files are from different vaults or from"
        " different points in time; restore both from the same backup"
    ),
}
_STATE = {
    "vault_exists": "a vault already exists in that folder",
    "cannot_disable_self": "you cannot disable your own account",
    "last_partner": "the last active partner cannot be disabled",
    "partner_key_unavailable": "only a partner can add another partner",
    "file_exists": "the recovery sheet file already exists; choose a new file name",
    "folder_missing": "the folder for the recovery sheet does not exist",
    "legal_hold": "a legal hold stands on this client: erasure refused (a partner must release the hold first)",
    "backups_not_set_up": "backups are not set up yet: a partner must take the first backup",
    "export_destroyed": "that export is already marked destroyed",
}
_FIELD_CODES = {
    "required": "is required",
    "too_short": "is too short",
    "too_long": "is too long",
    "format": "has characters that are not allowed",
    "taken": "is already in use",
    "control_chars": "contains control characters",
    "unknown": "is not known",
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


#: One sentence per known error type (none contains a personal-data value). A test checks that
#: every ``KnownError`` subclass has an entry, so a new error type cannot reach users unexplained.
MESSAGES: dict[type[KnownError], Callable[[Any], str]] = {
    WrongCredentials: lambda e: "wrong user name or password",
    LoginThrottled: lambda e: f"too many failed logins; try again in {e.retry_after} seconds",
    VaultBusy: lambda e: "the vault is busy (in use by another program or workstation); try again shortly",
    DiskFull: lambda e: "the disk is full; nothing was changed",
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
    ValidationError: _validation,
    VersionConflict: lambda e: "someone else changed this record meanwhile; try again",
    NotFound: lambda e: f"no such {e.record}",
    InvalidState: lambda e: _STATE.get(e.code, f"not possible in the current state ({e.code})"),
    UnsupportedLocation: lambda e: "the vault folder is in a cloud-sync folder; use a local or office-share folder",
    KeysChanged: lambda e: "another workstation changed the vault keys; log in again",
}


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

    def folder(self) -> Path:
        """The vault folder from ``--vault`` or ``CLIENTVAULT_VAULT``."""
        value = self.args.vault or self.env.get(ENV_VAULT)
        if not value:
            raise UsageError(f"no vault folder: use --vault DIR or set {ENV_VAULT}")
        return Path(value).expanduser()

    def username(self) -> str:
        """The acting user from ``--user`` or ``CLIENTVAULT_USER``."""
        value = self.args.user or self.env.get(ENV_USER)
        if not value:
            raise UsageError(f"no user name: use --user NAME or set {ENV_USER}")
        return str(value)

    def vaults(self) -> VaultService:
        """A VaultService with the production KDF (the fast one only inside the test suite)."""
        profile = self.args.kdf_profile or "production"
        if profile != "production" and self.env.get(ENV_TESTING) != "1":
            raise UsageError(f"--kdf-profile is for the test suite only ({ENV_TESTING}=1)")
        return VaultService(kdf=kdf_profile(profile), cipher_log=_log_dir() / "sqlcipher.log")

    def password(self, *, confirm: bool = False) -> str:
        """The login password: ``--password-file``, then ``CLIENTVAULT_PASSWORD``, then a prompt (asked once)."""
        if self._password is None:
            if self.args.password_file:
                self._password = _read_secret(self.args.password_file, "password file")
            elif self.env.get(ENV_PASSWORD):
                self._password = self.env[ENV_PASSWORD]
            else:
                hint = f"set {ENV_PASSWORD} or use --password-file"
                self._password = _prompt("Password: ", confirm=confirm, hint=hint)
        return self._password

    def new_password(self, what: str = "New password") -> str:
        """A new password: ``--new-password-file``, else prompted twice."""
        path = getattr(self.args, "new_password_file", None)
        if path:
            return _read_secret(path, "new password file")
        return _prompt(f"{what}: ", confirm=True, hint="use --new-password-file")

    def login(self, vaults: VaultService) -> Vault:
        """Log the acting user in (audited like a GUI login)."""
        folder, user = self.folder(), self.username()
        _require_vault(vaults, folder)
        return vaults.unlock(folder, user, self.password())

    def print(self, *fields: object) -> None:
        """Write one tab-separated line to stdout (tabs/newlines inside fields become spaces)."""
        self.out.write("\t".join(_clean(f) for f in fields) + "\n")


def _clean(value: object) -> str:
    return re.sub(r"[\t\r\n]", " ", "" if value is None else str(value))


def _log_dir() -> Path:
    """The per-user log folder (SQLCipher's log and the CLI's own log go there, never to stderr)."""
    import platformdirs

    folder = Path(platformdirs.user_log_path("ClientVault", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _read_secret(path: str, what: str) -> str:
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UsageError(f"cannot read the {what}") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise UsageError(f"the {what} is empty")
    return lines[0]


def _prompt(label: str, *, confirm: bool, hint: str) -> str:
    if not sys.stdin.isatty():
        raise UsageError(f"no password given and no terminal to ask on: {hint}")
    first = getpass.getpass(label)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise UsageError("the two passwords differ")
    return first


def _require_vault(vaults: VaultService, folder: Path) -> None:
    if not vaults.vault_exists(folder):
        raise UsageError("no vault in that folder (use 'clientvault init' to create one)")


def _locked(ctx: Context, work: Callable[[Vault, VaultService], int]) -> int:
    """Log in, run ``work``, and always lock afterwards."""
    vaults = ctx.vaults()
    vault = ctx.login(vaults)
    try:
        return work(vault, vaults)
    finally:
        vault.lock()


# -- verbs -------------------------------------------------------------------------------------


def cmd_init(ctx: Context) -> int:
    """Create a vault with its first partner; print (or save) the recovery code once."""
    # Loaded here: reportlab is heavy, and only init needs it.
    from clientvault.services.recovery import check_sheet_target, recovery_sheet_pdf, save_recovery_sheet

    folder, user = ctx.folder(), ctx.username()
    sheet = Path(ctx.args.recovery_sheet).expanduser() if ctx.args.recovery_sheet else None
    if sheet is not None:
        check_sheet_target(sheet)  # before anything is created: the code is shown only once
    vaults = ctx.vaults()
    created = vaults.create(
        folder,
        firm_name=ctx.args.firm,
        partner_username=user,
        partner_display_name=ctx.args.name or user,
        partner_password=ctx.password(confirm=True),
    )
    vault_id = created.vault.vault_id
    created.vault.lock()
    ctx.print("vault created", vault_id)
    if sheet is None:
        ctx.print("recovery code", created.recovery_code)
        return EXIT_OK
    try:
        save_recovery_sheet(sheet, recovery_sheet_pdf(ctx.args.firm, vault_id, created.recovery_code, ctx.args.lang))
    except (KnownError, OSError):
        ctx.print("recovery code", created.recovery_code)
        raise UsageError(
            "the recovery sheet could not be written; the recovery code is printed above: copy it now"
        ) from None
    ctx.print("recovery sheet", sheet)
    return EXIT_OK


def cmd_user_add(ctx: Context) -> int:
    """Add a staff account (partner only)."""

    def work(vault: Vault, vaults: VaultService) -> int:
        users = UserService(vault, vaults)
        info = users.add(ctx.args.username, ctx.args.name or ctx.args.username, Role(ctx.args.role), ctx.new_password())
        ctx.print("added", info.username, info.role.value)
        return EXIT_OK

    return _locked(ctx, work)


def cmd_user_list(ctx: Context) -> int:
    """List staff accounts (partner only)."""

    def work(vault: Vault, vaults: VaultService) -> int:
        for u in UserService(vault, vaults).list():
            ctx.print(
                u.username, u.role.value, "active" if u.active else "disabled", u.workstation_logins, u.display_name
            )
        return EXIT_OK

    return _locked(ctx, work)


def cmd_user_disable(ctx: Context) -> int:
    """Disable an account: its slots go and the database is re-keyed (partner only)."""

    def work(vault: Vault, vaults: VaultService) -> int:
        users = UserService(vault, vaults)
        users.disable(users.by_username(ctx.args.username).id)
        ctx.print("disabled", ctx.args.username)
        return EXIT_OK

    return _locked(ctx, work)


def cmd_user_passwd(ctx: Context) -> int:
    """Change the acting user's own password (only that user's slot is re-wrapped)."""

    def work(vault: Vault, vaults: VaultService) -> int:
        UserService(vault, vaults).change_own_password(ctx.password(), ctx.new_password())
        ctx.print("password changed", vault.session.username)
        return EXIT_OK

    return _locked(ctx, work)


def cmd_recover(ctx: Context) -> int:
    """Reset a partner's password with the printed recovery code."""
    folder, user = ctx.folder(), ctx.username()
    vaults = ctx.vaults()
    _require_vault(vaults, folder)
    if ctx.args.recovery_code_file:
        code = _read_secret(ctx.args.recovery_code_file, "recovery code file")
    else:
        code = ctx.env.get(ENV_RECOVERY_CODE) or _prompt(
            "Recovery code: ", confirm=False, hint=f"set {ENV_RECOVERY_CODE} or use --recovery-code-file"
        )
    vault = vaults.reset_partner_password(folder, code, user, ctx.new_password())
    vault.lock()
    ctx.print("password reset", user)
    return EXIT_OK


_PAGE_PROBLEM = re.compile(r"\bpage (\d+)\b")


def cmd_verify(ctx: Context) -> int:
    """Walk the audit chain and check every page's HMAC; exit 1 when something is wrong."""

    def work(vault: Vault, vaults: VaultService) -> int:
        audit = AuditService(vault)
        problems = audit.integrity()
        status = audit.verify()
        if status.ok:
            ctx.print("audit chain", "ok", f"{status.events} events", status.head_hash)
        else:
            ctx.print("audit chain", "broken", f"first broken seq {status.first_broken}")
        if not problems:
            ctx.print("pages", "ok")
        else:
            pages = sorted({int(m.group(1)) for p in problems for m in _PAGE_PROBLEM.finditer(p)})
            if pages:
                ctx.print("pages", "damaged", ",".join(str(p) for p in pages))
            for problem in problems:
                ctx.print("problem", problem)
        return EXIT_OK if status.ok and not problems else EXIT_PROBLEM

    try:
        return _locked(ctx, work)
    except (DamagedFile, GenerationMismatch) as exc:
        # Finding damage is verify's job: report it as a problem found, not as a failure to run.
        ctx.print("vault", "unusable", error_message(exc))
        return EXIT_PROBLEM


def _iso_bound(text: str | None, what: str) -> str | None:
    """Turn a date or date-time into the UTC ISO form the audit log stores (naive = local time)."""
    if not text:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{what} must be a date (2025-01-31) or date-time (2025-01-31T09:00)") from None
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def cmd_audit(ctx: Context) -> int:
    """List audit events, newest first, tab-separated."""
    since = _iso_bound(ctx.args.since, "--since")
    until = _iso_bound(ctx.args.until, "--until")
    if ctx.args.limit < 1:
        raise UsageError("--limit must be at least 1")

    def work(vault: Vault, vaults: VaultService) -> int:
        audit = AuditService(vault)
        names = audit.user_names()
        user_id = None
        if ctx.args.by:
            matches = [uid for uid, name in names.items() if name.casefold() == ctx.args.by.casefold()]
            if not matches:
                raise NotFound("user", "")
            user_id = matches[0]
        flt = AuditFilter(user_id=user_id, action_prefix=ctx.args.action, since=since, until=until)
        left, offset = ctx.args.limit, 0
        while left > 0:
            events = audit.page(flt, offset=offset, limit=min(left, AUDIT_PAGE))
            for e in events:
                who = names.get(e.user_id, "") if e.user_id is not None else ""
                ctx.print(e.seq, e.at, who, e.action, e.object, e.purpose, e.reason, e.outcome)
            if len(events) < min(left, AUDIT_PAGE):
                break
            left -= len(events)
            offset += len(events)
        return EXIT_OK

    return _locked(ctx, work)


def cmd_demo(ctx: Context) -> int:
    """Create a demo firm with one login per role; print ``role, user name, password`` per line."""
    from clientvault.services.demo import create_demo_vault

    folder = ctx.folder()
    if ctx.args.clients < 0:
        raise UsageError("--clients must not be negative")
    logins = create_demo_vault(ctx.vaults(), folder, clients=ctx.args.clients, seed=ctx.args.seed)
    for login in logins:
        ctx.print(login.role.value, login.username, login.password)
    return EXIT_OK


def _new_file(path: str) -> Path:
    """The ``--out`` file of a verb that saves one: a new file in an existing folder."""
    out = Path(path).expanduser()
    if out.is_dir():
        raise UsageError("the output path is a folder; give a file name in it")
    if out.exists():
        raise UsageError("the output file exists; choose a new file name")
    if not out.parent.is_dir():
        raise UsageError("the output folder does not exist")
    return out


def cmd_form(ctx: Context) -> int:
    """Issue a consent form (for --client, else blank), save it to --out, register it; print its number."""
    from clientvault.services.consent import ConsentService  # reportlab is heavy: loaded here

    out = _new_file(ctx.args.out)

    def work(vault: Vault, vaults: VaultService) -> int:
        service = ConsentService(vault)
        form = service.issue_form(ctx.args.client, lang=ctx.args.lang)
        entry = service.save_form(form, out, purpose=ctx.args.purpose)
        ctx.print(form.form_no, entry.id, entry.destroy_by)
        return EXIT_OK

    return _locked(ctx, work)


def cmd_erase(ctx: Context) -> int:
    """Request, approve and execute the erasure of one client (partner); print the certificate number.

    The legal basis is a code (``--basis``); a free note (``--note-file``, never on the command
    line) is sealed under the partner key in the register entry, and reaches neither the audit
    log nor the ledger mirror beside the backups.
    """
    from clientvault.services.erasure import ErasureService

    note = ""
    if ctx.args.note_file:
        source = ctx.args.note_file
        try:
            note = sys.stdin.read() if source == "-" else Path(source).expanduser().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise UsageError("cannot read the note file") from None

    def work(vault: Vault, vaults: VaultService) -> int:
        result = ErasureService(vault).erase_now(
            ctx.args.client, ctx.args.basis, witness=ctx.args.witness or "", note=note
        )
        integrity = (
            "not_run" if result.integrity_problems is None else ("ok" if not result.integrity_problems else "problems")
        )
        ctx.print(result.certificate_no, f"integrity={integrity}")
        return EXIT_OK if integrity != "problems" else EXIT_PROBLEM

    return _locked(ctx, work)


def cmd_certificate(ctx: Context) -> int:
    """Save an erasure certificate to --out and register it (partner, privacy officer).

    Prints the certificate number, the export register entry and its destroy-by date.
    """
    from clientvault.services.erasure import ErasureService

    out = _new_file(ctx.args.out)

    def work(vault: Vault, vaults: VaultService) -> int:
        entry = ErasureService(vault).save_certificate(ctx.args.number, out, lang=ctx.args.lang)
        ctx.print(ctx.args.number, entry.id, entry.destroy_by)
        return EXIT_OK

    return _locked(ctx, work)


def cmd_scan_residue(ctx: Context) -> int:
    """Search every decrypted page for the values in --values-file (one a line); exit 1 unless clean."""
    from clientvault.services.erasure import ErasureService

    source = ctx.args.values_file
    try:
        text = sys.stdin.read() if source == "-" else Path(source).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UsageError("cannot read the values file") from None
    needles = [line.strip() for line in text.splitlines() if line.strip()]
    if not needles:
        raise UsageError("the values file holds no values")

    def work(vault: Vault, vaults: VaultService) -> int:
        report = ErasureService(vault).scan_residue(needles)
        for f in report.files:
            ctx.print(f.kind, "present" if f.present else "absent", f"pages={f.pages}", f"verified={f.verified}")
        for hit in report.hits:  # value indexes only: the values never reach the output
            ctx.print("hit", hit.file, f"page={hit.page}", f"value#{hit.needle + 1}", hit.encoding)
        ctx.print("clean" if report.clean else "NOT CLEAN", f"hits={len(report.hits)}")
        return EXIT_OK if report.clean else EXIT_PROBLEM

    return _locked(ctx, work)


def cmd_backup(ctx: Context) -> int:
    """Take a checked, encrypted backup (partner); print its file name, size and SHA-256."""
    from clientvault.services.backup import BackupService

    def work(vault: Vault, vaults: VaultService) -> int:
        info = BackupService(vault).backup("manual")
        ctx.print(info.file_name, info.size, info.sha256)
        return EXIT_OK

    return _locked(ctx, work)


def cmd_restore(ctx: Context) -> int:
    """Restore a backup (partner): checked, erasure ledger replayed, current vault kept aside until done."""
    from clientvault.services.backup import BackupService

    def work(vault: Vault, vaults: VaultService) -> int:
        result = BackupService(vault).restore(ctx.args.backup)
        ctx.print(result.file_name, f"erasures_replayed={result.replayed}", f"audit_events_kept={result.audit_carried}")
        return EXIT_OK

    return _locked(ctx, work)


def cmd_purge_backups(ctx: Context) -> int:
    """Apply the erasure ledger to every backup file (partner); exit 1 if a backup could not be purged."""
    from clientvault.services.backup import BackupService

    def work(vault: Vault, vaults: VaultService) -> int:
        result = BackupService(vault).purge()
        ctx.print(f"backups={result.backups}", f"erasures_applied={result.applied}", f"failed={len(result.failed)}")
        for name in result.failed:
            ctx.print("failed", name)
        return EXIT_OK if not result.failed else EXIT_PROBLEM

    return _locked(ctx, work)


def cmd_exports_list(ctx: Context) -> int:
    """List the export register within the role's scope (``--due``: only files past their destroy-by date)."""
    from clientvault.services.exports import ExportService, RegisterFilter

    status = RegisterFilter.DUE if ctx.args.due else RegisterFilter.ALL

    def work(vault: Vault, vaults: VaultService) -> int:
        exports = ExportService(vault)
        names = exports.user_names()
        offset = 0
        while page := exports.register(status=status, offset=offset, limit=AUDIT_PAGE):
            for e in page:
                who = names.get(e.user_id, "") if e.user_id is not None else ""
                state = f"destroyed:{e.destroy_outcome or 'marked'}" if e.destroyed_at else "kept"
                ctx.print(e.id, e.at, who, e.kind, e.purpose, e.file_name, e.row_count, e.destroy_by, state)
            offset += len(page)
        return EXIT_OK

    return _locked(ctx, work)


def cmd_exports_destroy(ctx: Context) -> int:
    """Overwrite and delete a registered file, then mark it destroyed; exit 1 if a changed file was left in place."""
    from clientvault.services.exports import DestroyOutcome, ExportService

    def work(vault: Vault, vaults: VaultService) -> int:
        outcome = ExportService(vault).destroy(ctx.args.export_id)
        ctx.print(ctx.args.export_id, outcome.value)
        return EXIT_PROBLEM if outcome is DestroyOutcome.CHANGED else EXIT_OK

    return _locked(ctx, work)


# -- parser ------------------------------------------------------------------------------------


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
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


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (exposed for the docs and the tests)."""
    parser = _Parser(
        prog=PROG,
        description="ClientVault (客户保密柜) administration. Without a command, the desktop app starts.",
        epilog="Exit codes: 0 ok, 1 problem found (verify), 2 usage/login/known error, 3 internal error.",
    )
    _global_options(parser, suppress=False)
    common = _Parser(add_help=False)
    _global_options(common, suppress=True)
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND", parser_class=_Parser)

    p = verbs.add_parser("init", parents=[common], help="create a vault and its first partner (--user)")
    p.add_argument("--firm", required=True, help="the firm's name")
    p.add_argument("--name", help="the partner's full name (default: the user name)")
    p.add_argument("--recovery-sheet", metavar="FILE", help="save the recovery sheet PDF to FILE (new file)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the recovery sheet")
    p.set_defaults(handler=cmd_init)

    user = verbs.add_parser("user", parents=[common], help="staff accounts")
    user_verbs = user.add_subparsers(dest="user_verb", metavar="ACTION", required=True, parser_class=_Parser)
    p = user_verbs.add_parser("add", parents=[common], help="add an account (partner only)")
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--name", help="full name (default: the user name)")
    p.add_argument("--new-password-file", metavar="FILE", help="the new account's password (else prompted)")
    p.set_defaults(handler=cmd_user_add)
    p = user_verbs.add_parser("list", parents=[common], help="list accounts (partner only)")
    p.set_defaults(handler=cmd_user_list)
    p = user_verbs.add_parser("disable", parents=[common], help="disable an account and re-key (partner only)")
    p.add_argument("username")
    p.set_defaults(handler=cmd_user_disable)
    p = user_verbs.add_parser("passwd", parents=[common], help="change your own password")
    p.add_argument("--new-password-file", metavar="FILE", help="the new password (else prompted)")
    p.set_defaults(handler=cmd_user_passwd)

    p = verbs.add_parser("recover", parents=[common], help="reset a partner password with the recovery code")
    p.add_argument("--recovery-code-file", metavar="FILE", help=f"read the code from FILE (or {ENV_RECOVERY_CODE})")
    p.add_argument("--new-password-file", metavar="FILE", help="the new password (else prompted)")
    p.set_defaults(handler=cmd_recover)

    p = verbs.add_parser("verify", parents=[common], help="check the audit chain and every page (exit 1 on problems)")
    p.set_defaults(handler=cmd_verify)

    p = verbs.add_parser("audit", parents=[common], help="list audit events, newest first")
    p.add_argument("--by", metavar="NAME", help="only events of this user")
    p.add_argument("--action", metavar="PREFIX", help="only actions starting with PREFIX (e.g. session.)")
    p.add_argument("--since", metavar="WHEN", help="from this date or date-time (inclusive)")
    p.add_argument("--until", metavar="WHEN", help="up to this date or date-time (exclusive)")
    p.add_argument("--limit", type=int, default=100, help="at most this many events (default 100)")
    p.set_defaults(handler=cmd_audit)

    p = verbs.add_parser("demo", parents=[common], help="create a demo firm; print its logins")
    p.add_argument("--clients", type=int, default=300, help="synthetic clients (default 300)")
    p.add_argument("--seed", type=int, default=0, help="random seed of the synthetic data")
    p.set_defaults(handler=cmd_demo)

    p = verbs.add_parser("form", parents=[common], help="save a consent form PDF (blank without --client)")
    p.add_argument("--out", metavar="FILE", required=True, help="the PDF to write (new file; registered)")
    p.add_argument("--client", metavar="ID", type=int, help="the client the form is for (default: a blank form)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the form")
    p.add_argument("--purpose", default="consent form", help="why the file is saved (export register)")
    p.set_defaults(handler=cmd_form)

    from clientvault.services.erasure import LEGAL_BASES

    p = verbs.add_parser(
        "erase",
        parents=[common],
        help="erase a client now (partner; refused under legal hold)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="legal bases (--basis CODE; the certificate prints the full wording):\n"
        + "\n".join(f"  {b.code:<20} {b.source}: {b.en}" for b in LEGAL_BASES.values()),
    )
    p.add_argument("--client", metavar="ID", type=int, required=True, help="the client's number")
    p.add_argument("--basis", metavar="CODE", required=True, choices=list(LEGAL_BASES),
                   help="the legal basis, one of: " + ", ".join(LEGAL_BASES))  # fmt: skip
    p.add_argument("--witness", metavar="NAME", help="witness for the destruction register")
    p.add_argument("--note-file", metavar="FILE",
                   help="an optional note for the register, sealed under the partner key ('-': stdin)")  # fmt: skip
    p.set_defaults(handler=cmd_erase)
    p = verbs.add_parser(
        "certificate", parents=[common], help="save an erasure certificate PDF (partner, privacy officer)"
    )
    p.add_argument("number", metavar="NUMBER", help="the certificate number (ER-YYYY-NNNNNN)")
    p.add_argument("--out", metavar="FILE", required=True, help="the PDF to write (new file; registered)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the certificate")
    p.set_defaults(handler=cmd_certificate)
    p = verbs.add_parser("scan-residue", parents=[common], help="search every decrypted page for erased values")
    p.add_argument("--values-file", metavar="FILE", required=True, help="values to look for, one a line ('-': stdin)")
    p.set_defaults(handler=cmd_scan_residue)
    p = verbs.add_parser("backup", parents=[common], help="take a checked, encrypted backup (partner)")
    p.set_defaults(handler=cmd_backup)
    p = verbs.add_parser("restore", parents=[common], help="restore a backup by file name (partner)")
    p.add_argument("backup", help="the backup's file name (as 'backup' printed it)")
    p.set_defaults(handler=cmd_restore)
    p = verbs.add_parser("purge-backups", parents=[common], help="apply the erasure ledger to every backup (partner)")
    p.set_defaults(handler=cmd_purge_backups)

    exports = verbs.add_parser("exports", parents=[common], help="the export register: saved files of client data")
    export_verbs = exports.add_subparsers(dest="exports_verb", metavar="ACTION", required=True, parser_class=_Parser)
    p = export_verbs.add_parser("list", parents=[common], help="list registered files, newest first")
    p.add_argument("--due", action="store_true", help="only files due for destruction (destroy-by date reached)")
    p.set_defaults(handler=cmd_exports_list)
    p = export_verbs.add_parser(
        "destroy",
        parents=[common],
        help="overwrite and delete a registered file, then mark it destroyed (exit 1: changed file left in place)",
    )
    p.add_argument("export_id", metavar="ID", type=int, help="the register entry (as 'exports list' printed it)")
    p.set_defaults(handler=cmd_exports_destroy)
    return parser


def _configure_logging() -> None:
    """Send log records to the log folder unless the host (a test run) already configured logging."""
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.FileHandler(_log_dir() / "clientvault-cli.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _start_gui(argv: Sequence[str]) -> int:
    # Imported here, not at the top, so the admin verbs never load Qt. cli sits above app in
    # the layer contract: the command line may start the desktop app, never the reverse.
    from clientvault import app

    return int(app.main(list(argv)) or 0)


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; return the exit code.

    Args:
        argv: the arguments (default ``sys.argv[1:]``).
        out: where results go (default stdout).
        err: where the one-line error message goes (default stderr).
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args, extra = build_parser().parse_known_args(args_list)
        if args.verb is None:
            return _start_gui(args_list)
        if extra:
            raise UsageError(f"unrecognized arguments: {' '.join(extra)}")
        os.umask(0o077)  # everything a verb creates (vault, sheet, log) is private to the user
        _configure_logging()
        handler: Callable[[Context], int] = args.handler
        return handler(Context(args, out, dict(os.environ)))
    except UsageError as exc:
        err.write(f"{PROG}: {exc} (see '{PROG} --help')\n")
        return EXIT_ERROR
    except KnownError as exc:
        err.write(f"{PROG}: {error_message(exc)}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        err.write(f"{PROG}: interrupted\n")
        return EXIT_INTERRUPTED
    except Exception as exc:
        # A bug. The message may hold data, so only the type is shown; the log gets the type and
        # the frames (no message, no locals) for the developers.
        log_crash(log, "internal error in the command line", type(exc), exc.__traceback__)
        err.write(f"{PROG}: internal error ({type(exc).__name__}); details are in the log\n")
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
