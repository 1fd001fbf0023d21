"""Excel verbs: ``import`` (client lists in) and ``export`` (safe workbooks out), plus export approvals.

The same services as the wizard and the client list: same role checks, same audit events. The
import report names row numbers, fields and reasons — never a cell's value.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from clientvault.cli.base import EXIT_OK, EXIT_PROBLEM, Context, Parser, UsageError, locked, new_file
from clientvault.core.records import ClientStatus
from clientvault.services.context import Vault
from clientvault.services.imports import Choice, ImportService, iter_issues
from clientvault.services.spreadsheet_export import ExcelExportService, ExportScope
from clientvault.services.vault import VaultService

#: One phrase per finding code (the wizard translates the same codes).
ISSUE_TEXT = {
    "required": "is empty but required",
    "required_with_id": "is needed when an ID number is given",
    "control_chars": "contains control characters",
    "too_long": "is too long",
    "length": "has the wrong number of characters",
    "format": "has characters or a shape it cannot have",
    "check_digit": "has a wrong check digit",
    "birth_date": "holds an impossible date of birth",
    "area_code": "has a region code that does not exist",
    "number_precision": "was stored by Excel as a number and has lost digits (format the column as text)",
    "date": "is not a valid date",
    "out_of_range": "is out of range",
    "unknown": "has a value that is not one of the allowed ones",
    "formula": "holds a formula (never evaluated; type the value instead)",
    "merged": "is part of a merged range over several rows",
    "merged_columns": "has merged cells (only the first cell's value is read)",
    "number_cell": "was a number cell (read as text)",
    "serial_date": "was an Excel serial day number (read as a date)",
    "fullwidth": "had full-width characters (normalised)",
    "no_purpose": "is not stored: no purpose in force needs this category",
    "role": "is not stored: your role may not set it",
    "unknown_accountant": "names no active accountant (not assigned)",
    "duplicate_in_file": "repeats the code of an earlier row",
    "duplicate_name_in_file": "repeats the name of an earlier row",
    "matches_existing": "matches an existing client",
    "matches_not_yours": "matches a client that is not assigned to you (skipped)",
}


def cmd_import(ctx: Context) -> int:
    """Plan an import, print the per-row report; write it unless --dry-run or a row is refused."""
    path = Path(ctx.args.file).expanduser()
    choice = Choice.UPDATE_EMPTY if ctx.args.on_match == "update-empty" else Choice.SKIP

    def work(vault: Vault, vaults: VaultService) -> int:
        service = ImportService(vault)
        layout = service.layout(path, ctx.args.sheet, ctx.args.mapping)
        plan = service.plan(path, layout)
        for row_no, issue in iter_issues(plan):
            field = issue.field or "row"
            text = ISSUE_TEXT.get(issue.code, issue.code)
            if issue.ref:
                text += f" (row {issue.ref})"
            ctx.print(f"row {row_no}", field, "error" if issue.error else "warning", issue.code, text)
        for field, reason in sorted(plan.dropped.items()):
            ctx.print("column", field, "not stored", reason, ISSUE_TEXT.get(reason, reason))
        refused = plan.refused
        matches = len(plan.matches)
        ctx.print("rows", len(plan.rows), f"refused={len(refused)}", f"matches={matches}", f"sha256={plan.sha256}")
        if refused:
            ctx.err(f"{len(refused)} of {len(plan.rows)} rows refused; nothing was imported")
            return EXIT_PROBLEM
        if ctx.args.dry_run:
            ctx.print("dry run", "nothing written")
            return EXIT_OK
        result = service.commit(plan, {r.number: choice for r in plan.matches})
        ctx.print("imported", f"created={result.created}", f"updated={result.updated}", f"skipped={result.skipped}")
        return EXIT_OK

    return locked(ctx, work)


def _scope(ctx: Context) -> ExportScope:
    args = ctx.args
    if args.client is not None and args.person is not None:
        raise UsageError("give either --client or --person")
    status = None
    if args.status:
        try:
            status = ClientStatus(args.status)
        except ValueError:
            raise UsageError("--status must be prospect, active or ended") from None
    if args.client is not None:
        return ExportScope(kind="client", client_id=args.client)
    if args.person is not None:
        return ExportScope(kind="person", person_id=args.person)
    return ExportScope(kind="list", search=args.search or "", status=status)


def cmd_export(ctx: Context) -> int:
    """Save the client list (or one client's / person's record) as .xlsx into the export register."""
    if not ctx.args.out.lower().endswith(".xlsx"):
        raise UsageError("the output file must end in .xlsx")
    out = new_file(ctx.args.out)
    scope = _scope(ctx)
    purpose = ctx.args.purpose or ""
    if not purpose.strip():
        raise UsageError("--purpose is required: say why the data leaves the vault")

    def work(vault: Vault, vaults: VaultService) -> int:
        service = ExcelExportService(vault)
        if ctx.args.request:
            approval = service.request(scope, purpose, unmasked=ctx.args.unmasked)
            ctx.print("requested", approval, "a partner approves with 'clientvault export-approve ID'")
            return EXIT_OK
        entry = service.save(scope, out, purpose, unmasked=ctx.args.unmasked, approval_id=ctx.args.approval)
        ctx.print(entry.file_name, entry.id, f"rows={entry.row_count}", entry.sha256, entry.destroy_by)
        return EXIT_OK

    return locked(ctx, work)


def cmd_export_approve(ctx: Context) -> int:
    """List pending export requests (no ID), or approve / refuse one (partner)."""

    def work(vault: Vault, vaults: VaultService) -> int:
        service = ExcelExportService(vault)
        if ctx.args.approval_id is None:
            for a in service.approvals():
                ctx.print(a.id, a.requested_at, a.requested_by, f"rows={a.row_count}", a.purpose, a.status)
            return EXIT_OK
        service.decide(ctx.args.approval_id, not ctx.args.refuse)
        ctx.print(ctx.args.approval_id, "refused" if ctx.args.refuse else "approved")
        return EXIT_OK

    return locked(ctx, work)


def cmd_export_threshold(ctx: Context) -> int:
    """Print the export approval threshold, or set it (partner)."""

    def work(vault: Vault, vaults: VaultService) -> int:
        service = ExcelExportService(vault)
        if ctx.args.rows is not None:
            service.set_threshold(ctx.args.rows)
        ctx.print("threshold", service.threshold())
        return EXIT_OK

    return locked(ctx, work)


def register(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``import``, ``export``, ``export-approve`` and ``export-threshold``."""
    p = verbs.add_parser(
        "import",
        parents=[common],
        help="import clients from an .xlsx (exit 1: rows refused, nothing written; 2: file not read)",
    )
    p.add_argument("file", metavar="FILE", help="the workbook (.xlsx)")
    p.add_argument("--sheet", metavar="NAME", help="the sheet (default: the first)")
    p.add_argument("--mapping", metavar="NAME", help="a column mapping saved in the wizard")
    p.add_argument("--dry-run", action="store_true", help="print the report, write nothing")
    p.add_argument("--on-match", choices=("skip", "update-empty"), default="skip",
                   help="rows matching an existing client: skip (default) or fill its empty fields")  # fmt: skip
    p.set_defaults(handler=cmd_import)

    p = verbs.add_parser("export", parents=[common], help="save clients as .xlsx (registered; masked by role)")
    p.add_argument("--out", metavar="FILE.xlsx", required=True, help="the workbook to write (new file)")
    p.add_argument("--search", metavar="TEXT", help="as the client list's search box")
    p.add_argument("--status", metavar="S", help="prospect, active or ended")
    p.add_argument("--client", metavar="ID", type=int, help="one client's full record")
    p.add_argument("--person", metavar="ID", type=int, help="one person's record (access or copy request)")
    p.add_argument("--purpose", metavar="TEXT", help="why the data leaves the vault (required)")
    p.add_argument("--unmasked", action="store_true", help="full ID and account numbers (partner only)")
    p.add_argument("--request", action="store_true", help="ask a partner to approve (above the row threshold)")
    p.add_argument("--approval", metavar="ID", type=int, help="the approved request to use")
    p.set_defaults(handler=cmd_export)

    p = verbs.add_parser("export-approve", parents=[common], help="list, approve or refuse export requests (partner)")
    p.add_argument("approval_id", metavar="ID", type=int, nargs="?", help="the request (none: list pending ones)")
    p.add_argument("--refuse", action="store_true", help="refuse instead of approve")
    p.set_defaults(handler=cmd_export_approve)

    p = verbs.add_parser("export-threshold", parents=[common], help="rows above which exports need approval")
    p.add_argument("rows", metavar="ROWS", type=int, nargs="?", help="the new threshold (partner; none: print it)")
    p.set_defaults(handler=cmd_export_threshold)
