"""Handover verbs (会计档案移交清册): handover record, handover list, handover print."""

from __future__ import annotations

import argparse
import re
from datetime import date

from clientvault.cli.base import EXIT_OK, Context, Parser, UsageError, locked, new_file
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$")


def parse_years(text: str | None) -> tuple[int | None, int | None]:
    """``2019-2025`` or ``2024`` (one year) → (first, last); ``None`` → unknown."""
    if text is None:
        return None, None
    m = _YEARS.match(text)
    if m is None:
        raise UsageError("--years: write the first and last year as 2019-2025 (or one year)")
    first = int(m.group(1))
    return first, int(m.group(2) or first)


def parse_day(text: str | None) -> date | None:
    """``YYYY-MM-DD`` → a date; ``None`` → today (the service's default)."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError("--date: write the day of the handover as YYYY-MM-DD") from None


def cmd_handover_record(ctx: Context) -> int:
    """Record a handover of a client's archives (partner, privacy officer); print its id and list number."""
    from clientvault.services.handover import HandoverService, handover_number

    years = parse_years(ctx.args.years)
    day = parse_day(ctx.args.date)
    categories = tuple(c.strip() for c in ctx.args.category if c.strip())

    def work(vault: Vault, vaults: VaultService) -> int:
        service = HandoverService(vault)
        hid = service.record(
            ctx.args.client, categories, ctx.args.to, years=years, handed_on=day, signed=not ctx.args.unsigned
        )
        ctx.print(hid, handover_number(service.get(hid)))
        return EXIT_OK

    return locked(ctx, work)


def cmd_handover_list(ctx: Context) -> int:
    """List a client's handovers: id, number, day, years, categories, signed, recipient."""
    from clientvault.services.handover import HandoverService, handover_number

    def work(vault: Vault, vaults: VaultService) -> int:
        for h in HandoverService(vault).handovers(ctx.args.client):
            years = f"{h.years_from or ''}-{h.years_to or ''}" if (h.years_from or h.years_to) else "-"
            signed = "signed" if h.signed else "unsigned"
            ctx.print(h.id, handover_number(h), h.handed_at[:10], years, ",".join(h.categories), signed, h.recipient)
        return EXIT_OK

    return locked(ctx, work)


def cmd_handover_print(ctx: Context) -> int:
    """Save a handover list (移交清册) as a PDF (new file; recorded in the export register)."""
    from clientvault.services.handover import HandoverService, handover_number

    out = new_file(ctx.args.out)

    def work(vault: Vault, vaults: VaultService) -> int:
        service = HandoverService(vault)
        entry = service.save(ctx.args.handover_id, out, lang=ctx.args.lang)
        ctx.print(handover_number(service.get(ctx.args.handover_id)), entry.id)
        return EXIT_OK

    return locked(ctx, work)


def register(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``handover record``, ``handover list`` and ``handover print``."""
    handover = verbs.add_parser(
        "handover",
        parents=[common],
        help="hand a client's accounting archives over (会计档案移交清册; partner, privacy officer)",
    )
    actions = handover.add_subparsers(dest="handover_verb", metavar="ACTION", required=True, parser_class=Parser)
    p = actions.add_parser(
        "record",
        parents=[common],
        help="record a handover; prints its id and list number",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="categories are the retention rules' codes (accounting_vouchers, accounting_ledgers, "
        "annual_reports, ...);\nthe rules editor (Erasure page) lists them with their titles",
    )
    p.add_argument("--client", metavar="ID", type=int, required=True, help="the client's number")
    p.add_argument("--to", metavar="NAME", required=True, help="who receives the archives (an organisation)")
    p.add_argument("--category", metavar="CODE", action="append", required=True,
                   help="a category handed over (repeat for each)")  # fmt: skip
    p.add_argument("--years", metavar="FIRST-LAST", help="the accounting years handed over, e.g. 2019-2025")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the handover (default today; not in the future)")
    p.add_argument("--unsigned", action="store_true", help="the recipient has not signed the list yet")
    p.set_defaults(handler=cmd_handover_record)
    p = actions.add_parser("list", parents=[common], help="list a client's handovers")
    p.add_argument("--client", metavar="ID", type=int, required=True, help="the client's number")
    p.set_defaults(handler=cmd_handover_list)
    p = actions.add_parser("print", parents=[common], help="save a handover list as a PDF (registered export)")
    p.add_argument("handover_id", metavar="ID", type=int, help="the handover (as 'handover list' printed it)")
    p.add_argument("--out", metavar="FILE", required=True, help="the PDF to write (new file; registered)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the list")
    p.set_defaults(handler=cmd_handover_print)
