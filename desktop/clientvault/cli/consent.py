"""Consent verbs: form (a consent form PDF, registered as an export), notice (the firm's details it prints)."""

from __future__ import annotations

import argparse

from clientvault.cli.base import (
    EXIT_OK,
    Context,
    Parser,
    UsageError,
    locked,
    new_file,
)
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService


def cmd_form(ctx: Context) -> int:
    """Issue a consent form (for --client, else blank), save it to --out, register it; print its number.

    ``--person``: the form names that person of the client as its signer (consent is per person,
    PIPL Art 14).
    """
    from clientvault.services.consent import ConsentService  # reportlab is heavy: loaded here

    if ctx.args.person is not None and ctx.args.client is None:
        raise UsageError("--person needs --client")
    out = new_file(ctx.args.out)

    def work(vault: Vault, vaults: VaultService) -> int:
        service = ConsentService(vault)
        form = service.issue_form(ctx.args.client, person_id=ctx.args.person, lang=ctx.args.lang)
        entry = service.save_form(form, out, purpose=ctx.args.purpose)
        ctx.print(form.form_no, entry.id, entry.destroy_by)
        return EXIT_OK

    return locked(ctx, work)


#: ``notice`` options and the NoticeDetails field each sets.
NOTICE_OPTIONS = {
    "address": "address",
    "phone": "phone",
    "email": "email",
    "privacy_contact": "privacy-contact",
    "complaint_channel": "complaint-channel",
}


def cmd_notice(ctx: Context) -> int:
    """Show the firm's details printed on every 告知同意书 (PIPL Art 17(1)(1)); change those given."""
    from dataclasses import replace

    from clientvault.services.consent import ConsentService

    def work(vault: Vault, vaults: VaultService) -> int:
        service = ConsentService(vault)
        current = service.notice_details()
        changes = {k: getattr(ctx.args, k) for k in NOTICE_OPTIONS if getattr(ctx.args, k) is not None}
        if changes:
            service.set_notice_details(replace(current, **changes))
            current = service.notice_details()
        ctx.print("name", vault.firm_name)
        for key in NOTICE_OPTIONS:
            ctx.print(key, getattr(current, key))
        return EXIT_OK

    return locked(ctx, work)


def register(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``form`` and ``notice``."""
    p = verbs.add_parser("form", parents=[common], help="save a consent form PDF (blank without --client)")
    p.add_argument("--out", metavar="FILE", required=True, help="the PDF to write (new file; registered)")
    p.add_argument("--client", metavar="ID", type=int, help="the client the form is for (default: a blank form)")
    p.add_argument("--person", metavar="ID", type=int, help="the person of --client who signs (named on the form)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the form")
    p.add_argument("--purpose", default="consent form", help="why the file is saved (export register)")
    p.set_defaults(handler=cmd_form)

    p = verbs.add_parser(
        "notice", parents=[common], help="show or set the firm's details printed on consent forms (PIPL Art 17)"
    )
    for key, option in NOTICE_OPTIONS.items():
        p.add_argument(f"--{option}", dest=key, metavar="TEXT", help=f"set the {option.replace('-', ' ')}")
    p.set_defaults(handler=cmd_notice)
