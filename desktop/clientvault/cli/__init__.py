"""``clientvault`` — the command line: admin verbs over the same services as the GUI.

``clientvault`` alone starts the desktop app. Every verb except ``init`` and ``demo`` logs in as
``--user`` (same role checks, same audit events as the GUI), does its work and locks the vault.

Exit codes: 0 ok; 1 a problem was found (``verify``); 2 usage, login or another known error, with
one English line on stderr; 3 an unexpected internal error (a bug; the line names its type only);
130 interrupted.

Passwords are never taken from the command line (it shows in ``ps`` and shell history): the
login password comes from ``--password-file FILE`` or ``CLIENTVAULT_PASSWORD``, else a prompt on
the terminal; a new password from ``--new-password-file FILE``, else a prompt (typed twice).
Without a terminal and without a file or variable, the verb fails with exit code 2.

Layout: ``base`` holds the shared context (options, login, password sources, the error → one
line + exit code mapping); ``main`` builds the parser and dispatches; one module per group of
verbs (``vault``, ``audit``, ``demo``, ``consent``, ``erasure``, ``backups``, ``exports``,
``selfcheck``), each with a ``register(verbs, common)`` that adds its sub-parsers.
"""

from __future__ import annotations

from clientvault.cli.base import MESSAGES, Context, UsageError, error_message
from clientvault.cli.main import build_parser, main

__all__ = ["MESSAGES", "Context", "UsageError", "build_parser", "error_message", "main"]
