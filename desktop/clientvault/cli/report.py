"""The compliance report verb: report --from DATE --to DATE --out FILE.pdf [--lang zh|en]."""

from __future__ import annotations

import argparse
from datetime import date

from clientvault.cli.base import EXIT_OK, EXIT_PROBLEM, Context, Parser, locked, new_file
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_report(ctx: Context) -> int:
    """Write the compliance audit report (PIPL Art 54); exit 1 when the audit chain did not verify."""
    from clientvault.services.compliance_report import ComplianceReportService

    out = new_file(ctx.args.out)  # checked before the login: a wrong path costs no password

    def work(vault: Vault, vaults: VaultService) -> int:
        saved = ComplianceReportService(vault).save(ctx.args.date_from, ctx.args.date_to, out, ctx.args.report_lang)
        ctx.print(saved.path, saved.number, "chain=ok" if saved.chain_ok else "chain=FAILED", f"head={saved.head_hash}")
        return EXIT_OK if saved.chain_ok else EXIT_PROBLEM

    return locked(ctx, work)


def register(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``report``."""
    p = verbs.add_parser(
        "report",
        parents=[common],
        help="write the compliance audit report (PIPL Art 54) for a period as PDF (partner, privacy officer)",
    )
    p.add_argument("--from", dest="date_from", metavar="DATE", type=_day, required=True, help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", type=_day, required=True, help="last day (YYYY-MM-DD)")
    p.add_argument("--out", metavar="FILE.pdf", required=True, help="where to write the PDF")
    p.add_argument("--lang", dest="report_lang", choices=("zh", "en"), default="zh", help="report language")
    p.set_defaults(handler=cmd_report)
