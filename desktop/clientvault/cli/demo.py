"""The demo verb: a demo firm with one login per role."""

from __future__ import annotations

import argparse

from clientvault.cli.base import (
    EXIT_OK,
    Context,
    Parser,
    UsageError,
)


def cmd_demo(ctx: Context) -> int:
    """Create a demo firm with one login per role; print ``role, user name, password`` per line."""
    from clientvault.services.demo import MAX_CLIENTS, create_demo_vault

    folder = ctx.folder()
    if not 0 <= ctx.args.clients <= MAX_CLIENTS:
        raise UsageError(f"--clients must be from 0 to {MAX_CLIENTS}")
    logins = create_demo_vault(ctx.vaults(), folder, clients=ctx.args.clients, seed=ctx.args.seed)
    for login in logins:
        ctx.print(login.role.value, login.username, login.password)
    return EXIT_OK


def register(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``demo``."""
    p = verbs.add_parser("demo", parents=[common], help="create a demo firm; print its logins")
    p.add_argument("--clients", type=int, default=300, help="synthetic clients (default 300, at most 10000)")
    p.add_argument("--seed", type=int, default=0, help="random seed of the synthetic data")
    p.set_defaults(handler=cmd_demo)
