"""The dashboard's monthly trends at 1 000 000 audit events, 200 000 of them reveals (issue 14).

The events are written straight into the table (the trend counts read ``action``, ``outcome`` and
``at`` only; the chain is not what is measured). Rows (group ``dashboard-trends``):
    * grouping the reveals by month from the event bodies (the query before migration 0022);
    * ``TrendService.monthly``: the four series, the reveals counted month by month over the
      partial index ``audit_reveals_by_at``.
"""

from __future__ import annotations

import json
import shutil
from datetime import date

from bench.common import RESULTS_DIR, Result, measure
from clientvault.security.keyfile import FAST_KDF
from clientvault.services.trends import TrendService, last_months
from clientvault.services.vault import VaultService

EVENTS = 1_000_000
REVEAL_EVERY = 5
TARGET = 0.5
PASSWORD = "bench-password-1"
BODY_GROUPED = (
    "SELECT substr(at, 1, 7), count(*) FROM audit NOT INDEXED WHERE action IN ('sensitive.reveal', 'locked.reveal')"
    " AND outcome = 'ok' AND at >= ? GROUP BY 1"
)


def run() -> list[Result]:
    """Fill a vault with a year of events and time the trend counts."""
    work = RESULTS_DIR / "trends-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    vaults = VaultService(kdf=FAST_KDF, cipher_log=RESULTS_DIR / "sqlcipher.log", state_dir=work / "state")
    vault = vaults.create(
        work / "vault", firm_name="基准测试公司", partner_username="bench", partner_display_name="Bench",
        partner_password=PASSWORD,
    ).vault  # fmt: skip
    try:
        months = last_months(date.today(), 12)
        first = int(vault.db.scalar("SELECT max(seq) FROM audit")) + 1
        rows = []
        for i in range(EVENTS):
            action = "sensitive.reveal" if i % REVEAL_EVERY == 0 else "client.open"
            at = f"{months[i * 12 // EVENTS]}-15T10:00:00.000+00:00"
            body = json.dumps([first + i, at, 1, action, f"client:{i % 5000}", "bookkeeping", "", "ok", ""])
            rows.append((first + i, body, "-", "-"))
        with vault.db.transaction():
            vault.db.executemany("INSERT INTO audit (seq, body, prev_hash, hash) VALUES (?, ?, ?, ?)", rows)
        del rows
        service = TrendService(vault)
        start = months[0] + "-01"
        assert service.monthly()[2].total == EVENTS // REVEAL_EVERY
        return [
            Result(
                "dashboard-trends",
                f"{EVENTS // REVEAL_EVERY} reveals grouped by month from the event bodies (baseline)",
                measure(lambda: vault.db.all(BODY_GROUPED, (start,)), repeat=3),
                baseline=True,
            ),
            Result(
                "dashboard-trends",
                "TrendService.monthly: four series, reveals counted over the partial index",
                measure(service.monthly, repeat=5),
                target=TARGET,
            ),
        ]
    finally:
        vault.lock()
        shutil.rmtree(work, ignore_errors=True)
