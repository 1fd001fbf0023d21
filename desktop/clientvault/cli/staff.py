"""Staff register verbs: staff (list), staff-agreement, staff-training."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from clientvault.cli.base import EXIT_OK, Context, Parser, locked
from clientvault.core.errors import ValidationError
from clientvault.services.context import Vault
from clientvault.services.staff_register import AGREEMENT_KINDS, StaffRegisterService
from clientvault.services.vault import VaultService


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_staff(ctx: Context) -> int:
    """One line per member of staff the role may see: user, role, agreement, until, last training, due, override."""

    def work(vault: Vault, vaults: VaultService) -> int:
        for s in StaffRegisterService(vault).standings():
            ctx.print(
                s.username, s.role.value, s.agreement, s.agreement_until or "-", s.last_training or "-",
                s.refresher_due, s.override_until or "-",
            )  # fmt: skip
        return EXIT_OK

    return locked(ctx, work)


def cmd_agreement(ctx: Context) -> int:
    """Record a signed confidentiality agreement (partner, privacy officer); print its number."""
    scan = None
    if ctx.args.scan:
        try:
            scan = Path(ctx.args.scan).read_bytes()
        except OSError:
            raise ValidationError({"scan": "unreadable"}) from None

    def work(vault: Vault, vaults: VaultService) -> int:
        register = StaffRegisterService(vault)
        agreement = register.record_agreement(
            register.member_id(ctx.args.member),
            ctx.args.signed,
            kind=ctx.args.kind,
            valid_until=ctx.args.until,
            scan=scan,
            note=ctx.args.note,
        )
        ctx.print(agreement.id, agreement.kind, agreement.signed_on, agreement.valid_until or "-")
        return EXIT_OK

    return locked(ctx, work)


def cmd_training(ctx: Context) -> int:
    """Record a training session and who attended (partner, privacy officer); print its number."""

    def work(vault: Vault, vaults: VaultService) -> int:
        register = StaffRegisterService(vault)
        attendees = [register.member_id(name) for name in ctx.args.attendee]
        session = register.record_training(ctx.args.date, ctx.args.topic, ctx.args.trainer, attendees)
        ctx.print(session.id, session.held_on, len(session.attendees))
        return EXIT_OK

    return locked(ctx, work)


def register(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``staff``, ``staff-agreement`` and ``staff-training``."""
    p = verbs.add_parser("staff", parents=[common], help="list the staff register (agreements, training, overrides)")
    p.set_defaults(handler=cmd_staff)

    p = verbs.add_parser(
        "staff-agreement", parents=[common], help="record a signed confidentiality agreement (partner, privacy officer)"
    )
    p.add_argument("--member", metavar="USER", required=True, help="the user name of the member of staff")
    p.add_argument("--signed", metavar="DATE", type=_day, required=True, help="the day it was signed (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", type=_day, help="its last day (default: no end date)")
    p.add_argument("--kind", choices=AGREEMENT_KINDS, default="agreement", help="agreement or signed commitment")
    p.add_argument("--scan", metavar="FILE", help="the signed copy (PDF, PNG, JPEG or TIFF; kept encrypted)")
    p.add_argument("--note", default="", help="a note")
    p.set_defaults(handler=cmd_agreement)

    p = verbs.add_parser(
        "staff-training", parents=[common], help="record a training session and who attended (partner, privacy officer)"
    )
    p.add_argument("--date", metavar="DATE", type=_day, required=True, help="the day it was held (YYYY-MM-DD)")
    p.add_argument("--topic", required=True, help="what it was about")
    p.add_argument("--trainer", required=True, help="who gave it")
    p.add_argument("--attendee", metavar="USER", action="append", default=[], help="a user who attended (repeat)")
    p.set_defaults(handler=cmd_training)
