"""Vault and staff verbs: init, user add/list/disable/passwd, recover."""

from __future__ import annotations

import argparse
from pathlib import Path

from clientvault.cli.base import (
    ENV_RECOVERY_CODE,
    EXIT_OK,
    Context,
    Parser,
    UsageError,
    locked,
    prompt,
    read_secret,
    require_vault,
)
from clientvault.core.errors import KnownError
from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService


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

    return locked(ctx, work)


def cmd_user_list(ctx: Context) -> int:
    """List staff accounts (partner only)."""

    def work(vault: Vault, vaults: VaultService) -> int:
        for u in UserService(vault, vaults).list():
            ctx.print(
                u.username, u.role.value, "active" if u.active else "disabled", u.workstation_logins, u.display_name
            )
        return EXIT_OK

    return locked(ctx, work)


def cmd_user_disable(ctx: Context) -> int:
    """Disable an account: its slots go and the database is re-keyed (partner only)."""

    def work(vault: Vault, vaults: VaultService) -> int:
        users = UserService(vault, vaults)
        users.disable(users.by_username(ctx.args.username).id)
        ctx.print("disabled", ctx.args.username)
        return EXIT_OK

    return locked(ctx, work)


def cmd_user_passwd(ctx: Context) -> int:
    """Change the acting user's own password (only that user's slot is re-wrapped)."""

    def work(vault: Vault, vaults: VaultService) -> int:
        UserService(vault, vaults).change_own_password(ctx.password(), ctx.new_password())
        ctx.print("password changed", vault.session.username)
        return EXIT_OK

    return locked(ctx, work)


def cmd_recover(ctx: Context) -> int:
    """Reset a partner's password with the printed recovery code."""
    folder, user = ctx.folder(), ctx.username()
    vaults = ctx.vaults()
    require_vault(vaults, folder)
    if ctx.args.recovery_code_file:
        code = read_secret(ctx.args.recovery_code_file, "recovery code file")
    else:
        code = ctx.env.get(ENV_RECOVERY_CODE) or prompt(
            "Recovery code: ", confirm=False, hint=f"set {ENV_RECOVERY_CODE} or use --recovery-code-file"
        )
    vault = vaults.reset_partner_password(folder, code, user, ctx.new_password())
    vault.lock()
    ctx.print("password reset", user)
    return EXIT_OK


def register_init(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``init``."""
    p = verbs.add_parser("init", parents=[common], help="create a vault and its first partner (--user)")
    p.add_argument("--firm", required=True, help="the firm's name")
    p.add_argument("--name", help="the partner's full name (default: the user name)")
    p.add_argument("--recovery-sheet", metavar="FILE", help="save the recovery sheet PDF to FILE (new file)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the recovery sheet")
    p.set_defaults(handler=cmd_init)


def register(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``user add|list|disable|passwd`` and ``recover``."""
    user = verbs.add_parser("user", parents=[common], help="staff accounts")
    user_verbs = user.add_subparsers(dest="user_verb", metavar="ACTION", required=True, parser_class=Parser)
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
