"""Export register verbs: exports list, exports destroy."""

from __future__ import annotations

import argparse

from clientvault.cli.base import (
    AUDIT_PAGE,
    EXIT_OK,
    EXIT_PROBLEM,
    Context,
    Parser,
    locked,
)
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService


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

    return locked(ctx, work)


def cmd_exports_destroy(ctx: Context) -> int:
    """Overwrite and delete a registered file, then mark it destroyed; exit 1 if a changed file was left in place."""
    from clientvault.services.exports import DestroyOutcome, ExportService

    def work(vault: Vault, vaults: VaultService) -> int:
        outcome = ExportService(vault).destroy(ctx.args.export_id)
        ctx.print(ctx.args.export_id, outcome.value)
        return EXIT_PROBLEM if outcome is DestroyOutcome.CHANGED else EXIT_OK

    return locked(ctx, work)


def register(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``exports list`` and ``exports destroy``."""
    exports = verbs.add_parser("exports", parents=[common], help="the export register: saved files of client data")
    export_verbs = exports.add_subparsers(dest="exports_verb", metavar="ACTION", required=True, parser_class=Parser)
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
