"""The parser (each verb group adds its own verbs) and ``main``: dispatch and the exit-code mapping."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from clientvault.cli import (
    audit,
    backups,
    consent,
    demo,
    erasure,
    excel,
    exports,
    handover,
    report,
    selfcheck,
    staff,
    vault,
)
from clientvault.cli.base import (
    EXIT_BUG,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    PROG,
    Context,
    Parser,
    UsageError,
    configure_logging,
    error_message,
    global_options,
)
from clientvault.core.crash import log_crash
from clientvault.core.errors import KnownError, known_os_error

log = logging.getLogger("clientvault.cli")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (exposed for the docs and the tests)."""
    parser = Parser(
        prog=PROG,
        description="ClientVault (客户保密柜) administration. Without a command, the desktop app starts.",
        epilog="Exit codes: 0 ok, 1 problem found (verify), 2 usage/login/known error, 3 internal error.",
    )
    global_options(parser, suppress=False)
    # The desktop app's own options (clientvault.app.parse_args), known here so that
    # `clientvault --lang zh_CN` starts the app instead of reading "zh_CN" as a command.
    gui = parser.add_argument_group("desktop app (no COMMAND)")
    gui.add_argument("--demo", action="store_true", help="create a demo vault in --vault if it has none")
    gui.add_argument("--lang", choices=("zh_CN", "en"), default=None, help="user interface language")
    common = Parser(add_help=False)
    global_options(common, suppress=True)
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND", parser_class=Parser)
    # The order is the order of ``--help``.
    vault.register_init(verbs, common)
    vault.register(verbs, common)
    audit.register(verbs, common)
    demo.register(verbs, common)
    consent.register(verbs, common)
    erasure.register(verbs, common)
    handover.register(verbs, common)
    backups.register(verbs, common)
    exports.register(verbs, common)
    excel.register(verbs, common)
    report.register(verbs, common)
    staff.register(verbs, common)
    selfcheck.register(verbs, common)
    return parser


def _start_gui(argv: Sequence[str]) -> int:
    # Imported here, not at the top, so the admin verbs never load Qt. cli sits above app in
    # the layer contract: the command line may start the desktop app, never the reverse.
    from clientvault import app

    return int(app.main(list(argv)) or 0)


def _one_line(text: str) -> str:
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


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
        configure_logging()
        handler: Callable[[Context], int] = args.handler
        return handler(Context(args, out, dict(os.environ), err_out=err))
    except UsageError as exc:
        # One line, whatever the arguments held (a CR or LF typed into one is echoed escaped).
        err.write(f"{PROG}: {_one_line(str(exc))} (see '{PROG} --help')\n")
        return EXIT_ERROR
    except KnownError as exc:
        err.write(f"{PROG}: {error_message(exc)}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        err.write(f"{PROG}: interrupted\n")
        return EXIT_INTERRUPTED
    except Exception as exc:
        known = known_os_error(exc) if isinstance(exc, OSError) else None
        if known is not None:
            # A file the verb writes (vault folder, recovery sheet, backup) on a full or read-only drive.
            err.write(f"{PROG}: {error_message(known)}\n")
            return EXIT_ERROR
        # A bug. The message may hold data, so only the type is shown; the log gets the type and
        # the frames (no message, no locals) for the developers.
        log_crash(log, "internal error in the command line", type(exc), exc.__traceback__)
        err.write(f"{PROG}: internal error ({type(exc).__name__}); details are in the log\n")
        return EXIT_BUG
