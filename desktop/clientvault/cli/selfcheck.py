"""The selfcheck verb: exercise what the app loads by name at run time (see services/selfcheck.py)."""

from __future__ import annotations

import argparse

from clientvault.cli.base import EXIT_OK, EXIT_PROBLEM, Context, Parser


def cmd_selfcheck(ctx: Context) -> int:
    """Print ``name, ok|FAILED, detail`` per check; exit 1 when one failed. Needs no vault and no login."""
    # Loaded here: the translations check loads Qt (QtCore only), which no other verb needs.
    from clientvault import app

    checks = app.selfcheck()
    for check in checks:
        ctx.print(check.name, "ok" if check.ok else "FAILED", check.detail)
    return EXIT_OK if all(check.ok for check in checks) else EXIT_PROBLEM


def register(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``selfcheck``."""
    p = verbs.add_parser(
        "selfcheck",
        parents=[common],
        help="check barcodes, Chinese PDF font, SQLCipher/FTS5, keyring, translations (exit 1 on a failure)",
    )
    p.set_defaults(handler=cmd_selfcheck)
