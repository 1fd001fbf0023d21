"""Integrity and audit verbs: verify, audit."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, date, datetime

from clientvault.cli.base import (
    AUDIT_PAGE,
    EXIT_OK,
    EXIT_PROBLEM,
    Context,
    Parser,
    UsageError,
    error_message,
    locked,
)
from clientvault.core.errors import DamagedFile, GenerationMismatch, NotFound
from clientvault.services.audit import AuditFilter, AuditService
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService

_PAGE_PROBLEM = re.compile(r"\bpage (\d+)\b")
_OPEN_PAGES_DAMAGED = "pages read on every login are damaged; restore vault.db and vault.keys from the newest backup"
_AUDIT_PAGE_DAMAGED = "a damaged page holds audit events; restore vault.db and vault.keys from the newest backup"


def cmd_verify(ctx: Context) -> int:
    """Walk the audit chain and check every page's HMAC; exit 1 when something is wrong."""

    def work(vault: Vault, vaults: VaultService) -> int:
        audit = AuditService(vault)
        problems = audit.integrity()
        try:
            status = audit.verify()
        except DamagedFile:
            # A damaged page inside the audit table: the chain cannot be read to its end.
            status = None
            ctx.print("audit chain", "unreadable", _AUDIT_PAGE_DAMAGED)
        if status is None:
            pass
        elif status.ok:
            ctx.print("audit chain", "ok", f"{status.events} events", status.head_hash)
        else:
            ctx.print("audit chain", "broken", f"first broken seq {status.first_broken}", status.problem)
        if not problems:
            ctx.print("pages", "ok")
        else:
            pages = sorted({int(m.group(1)) for p in problems for m in _PAGE_PROBLEM.finditer(p)})
            if pages:
                ctx.print("pages", "damaged", ",".join(str(p) for p in pages))
            for problem in problems:
                ctx.print("problem", problem)
        if status is not None and status.ok:
            # Events up to the partner's newest checkpoint are covered by its signature; after it,
            # each by its own session's key (docs/SECURITY.md "What remains open").
            ctx.print("checkpoint", f"seq {status.checkpoint}", f"{status.window} signed events after it")
        return EXIT_OK if status is not None and status.ok and not problems else EXIT_PROBLEM

    try:
        return locked(ctx, work)
    except (DamagedFile, GenerationMismatch) as exc:
        # Finding damage is verify's job: report it as a problem found, not as a failure to run.
        if isinstance(exc, DamagedFile) and exc.detail == "pages":
            ctx.print("vault", "unusable", _OPEN_PAGES_DAMAGED)  # not "run verify": this is verify
        else:
            ctx.print("vault", "unusable", error_message(exc))
        return EXIT_PROBLEM


def _iso_bound(text: str | None, what: str) -> str | None:
    """Turn a date or date-time into the UTC ISO form the audit log stores (naive = local time)."""
    if not text:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{what} must be a date (2025-01-31) or date-time (2025-01-31T09:00)") from None
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def cmd_audit(ctx: Context) -> int:
    """List audit events, newest first, tab-separated."""
    since = _iso_bound(ctx.args.since, "--since")
    until = _iso_bound(ctx.args.until, "--until")
    if ctx.args.limit < 1:
        raise UsageError("--limit must be at least 1")

    def work(vault: Vault, vaults: VaultService) -> int:
        audit = AuditService(vault)
        names = audit.user_names()
        user_id = None
        if ctx.args.by:
            matches = [uid for uid, name in names.items() if name.casefold() == ctx.args.by.casefold()]
            if not matches:
                raise NotFound("user", "")
            user_id = matches[0]
        flt = AuditFilter(user_id=user_id, action_prefix=ctx.args.action, since=since, until=until)
        left, offset = ctx.args.limit, 0
        while left > 0:
            events = audit.page(flt, offset=offset, limit=min(left, AUDIT_PAGE))
            for e in events:
                who = names.get(e.user_id, "") if e.user_id is not None else ""
                ctx.print(e.seq, e.at, who, e.action, e.object, e.purpose, e.reason, e.outcome)
            if len(events) < min(left, AUDIT_PAGE):
                break
            left -= len(events)
            offset += len(events)
        return EXIT_OK

    return locked(ctx, work)


def register(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``verify`` and ``audit``."""
    p = verbs.add_parser("verify", parents=[common], help="check the audit chain and every page (exit 1 on problems)")
    p.set_defaults(handler=cmd_verify)

    p = verbs.add_parser("audit", parents=[common], help="list audit events, newest first")
    p.add_argument("--by", metavar="NAME", help="only events of this user")
    p.add_argument("--action", metavar="PREFIX", help="only actions starting with PREFIX (e.g. session.)")
    p.add_argument("--since", metavar="WHEN", help="from this date or date-time (inclusive)")
    p.add_argument("--until", metavar="WHEN", help="up to this date or date-time (exclusive)")
    p.add_argument("--limit", type=int, default=100, help="at most this many events (default 100)")
    p.set_defaults(handler=cmd_audit)
