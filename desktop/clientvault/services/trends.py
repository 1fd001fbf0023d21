"""Monthly trends for the compliance dashboard: requests, complaints, reveals and exports per month.

Requests and complaints are grouped by the day received, exports by the export register's time;
reveals are the audit events of sensitive values shown (refused attempts are not counted; a sealed
record's value shown by the partner is), counted month by month over a partial index that holds
only them (migration 0022), so no event body is read. Months are calendar months (audit and export
times are UTC). Measured (docs/BENCHMARKS.md, ``bench/trends.py``): 57 ms for all four series at a
million audit events of which 200 000 reveals, where grouping the reveals' bodies took 4.2 s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from clientvault.core.roles import Capability, Role
from clientvault.services.context import Vault

TREND_KINDS = ("requests", "complaints", "reveals", "exports")

_SQL = {
    "requests": "SELECT substr(received_on, 1, 7), count(*) FROM subject_requests WHERE received_on >= ? GROUP BY 1",
    "complaints": "SELECT substr(received_on, 1, 7), count(*) FROM complaints WHERE received_on >= ? GROUP BY 1",
    "exports": "SELECT substr(at, 1, 7), count(*) FROM export_register WHERE at >= ? GROUP BY 1",
}
#: One month's reveals shown: its terms match the partial index audit_reveals_by_at (migration 0022)
#: exactly (``INDEXED BY`` makes a mismatch an error), so a count walks that index's range and never
#: reads an event's body.
REVEALS_IN_MONTH = (
    "SELECT count(*) FROM audit INDEXED BY audit_reveals_by_at"
    " WHERE action IN ('sensitive.reveal', 'locked.reveal') AND outcome = 'ok' AND at >= ? AND at < ?"
)


@dataclass(frozen=True)
class Trend:
    """One series: a count per month, oldest first."""

    kind: str
    months: tuple[str, ...]  # "YYYY-MM"
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        """The sum over the months."""
        return sum(self.counts)


def last_months(today: date, n: int) -> list[str]:
    """The ``n`` calendar months ending with ``today``'s, oldest first, as ``YYYY-MM``."""
    out = []
    year, month = today.year, today.month
    for _ in range(n):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


class TrendService:
    """Counts per month for the partner and the privacy officer."""

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today

    def monthly(self, months: int = 12) -> list[Trend]:
        """Every series of :data:`TREND_KINDS` over the last ``months`` months (AccessDenied for other roles)."""
        self.vault.require(Capability.REGISTERS, "dashboard")
        if self.vault.session.role not in (Role.PARTNER, Role.PRIVACY_OFFICER):
            self.vault.deny(Capability.REGISTERS, "dashboard")
        keys = last_months(self.today(), months)
        start = keys[0] + "-01"
        out = []
        bounds = [*keys, _next_month(keys[-1])]
        for kind in TREND_KINDS:
            if kind == "reveals":
                pairs = zip(keys, bounds[1:], strict=True)
                counts = tuple(int(self.vault.db.scalar(REVEALS_IN_MONTH, pair)) for pair in pairs)
            else:
                found = {str(m): int(n) for m, n in self.vault.db.all(_SQL[kind], (start,))}
                counts = tuple(found.get(k, 0) for k in keys)
            out.append(Trend(kind, tuple(keys), counts))
        return out


def _next_month(key: str) -> str:
    year, month = int(key[:4]), int(key[5:7])
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
