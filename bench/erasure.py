"""Erasing one client at 100 000 clients: SQLCipher vault vs the same statements on plain SQLite.

The vault is built once with ``services.seed.populate_synthetic`` and cached under
``bench/results/`` (gitignored); every run works on a fresh copy. Rows:

* ``vault: erase locked client`` — the retention-expiry path (DOMAIN.md workflow 4): a locked
  client has no search entry (locking already purged it), so the erasure is rows, sealed blob,
  ledger, register, audit, commit and ``wal_checkpoint(TRUNCATE)``. Target ≤ 300 ms.
* ``vault: erase active client`` — a deletion request on a client still in the search index:
  the same plus deleting its search entry (FTS5 secure-delete removes its terms in place).
* ``vault: erase active client, 20 clients added since`` — the index has fresh small segments;
  with secure-delete the cost must not depend on them (an index rewrite would).
* ``plain: …`` — the same delete statements (``storage.erasure.erase_client``) on a plaintext
  copy of the same database, same SQLite build: the cost of encryption is the ratio.

``execute(verify=False)``: the integrity check that follows a real erasure reads every page (it
is timed separately, ``vault: integrity check``) and VACUUM is off (the firm's default).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.common import (
    BENCH_CLIENTS,
    BENCH_PASSWORD,
    RESULTS_DIR,
    PlainDb,
    Result,
    cached_vault,
    plain_copy,
    work_copy,
)
from clientvault.core.records import ClientInput
from clientvault.core.roles import Role
from clientvault.security.keyfile import FAST_KDF
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.services.locking import LockService
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.storage.erasure import erase_client
from clientvault.storage.users import UserRepository

CLIENTS = BENCH_CLIENTS
SAMPLES = int(os.environ.get("BENCH_ERASURE_SAMPLES", "7"))
PASSWORD = BENCH_PASSWORD
TARGET = 0.300


def _work_copy(folder: Path) -> Path:
    return work_copy(folder, f"erasure-work-{CLIENTS}")


def _plain_copy(vault: Vault) -> Path:
    return plain_copy(vault, RESULTS_DIR / f"erasure-plain-{CLIENTS}.db")


def _clients(vault: Vault, status: str, n: int, offset: int) -> list[int]:
    rows = vault.db.all("SELECT id FROM clients WHERE status = ? ORDER BY id LIMIT ? OFFSET ?", (status, n, offset))
    return [int(r[0]) for r in rows]


def run() -> list[Result]:
    """Time erasures in the vault and the same statements on plain SQLite."""
    vaults = VaultService(kdf=FAST_KDF, cipher_log=RESULTS_DIR / "sqlcipher.log")
    work = _work_copy(cached_vault(vaults, CLIENTS))
    vault = vaults.unlock(work, "bench", PASSWORD)
    try:
        total = int(vault.db.scalar("SELECT count(*) FROM clients"))
        active = _clients(vault, "active", 2 * SAMPLES + 2, total // 3)
        plain_path = _plain_copy(vault)
        locks, erasure = LockService(vault), ErasureService(vault)
        locked = active[: SAMPLES + 1]
        for cid in locked:
            locks.lock(cid, "bench: engagement ended")

        # The law's path (issue 10): a second person approves, an appraisal, a witness, and — the
        # records being within their retention period — the partner's typed override. Only the
        # execution is timed.
        if UserRepository(vault.db).by_username("second") is None:
            UserService(vault, vaults).add("second", "第二人", Role.PRIVACY_OFFICER, PASSWORD)
        second = ErasureService(vaults.unlock(work, "second", PASSWORD))

        def erase(cid: int) -> float:
            rid = erasure.request(cid, "partner_decision", "service_ended")
            erasure.override(rid, "委托已终止，会计档案已移交客户，无需继续保管")
            erasure.appraise(cid)
            second.approve(rid)
            start = time.perf_counter()
            erasure.execute(rid, verify=False, witness="监销人甲")
            return time.perf_counter() - start

        locked_times = [erase(cid) for cid in locked][1:]  # the first one warms the caches
        active_times = [erase(cid) for cid in active[SAMPLES + 1 :]][1:]
        # The realistic case: clients were added since the last erasure, so the index has new
        # small segments; secure-delete edits the segment holding the terms, whatever its age.
        clients = ClientService(vault)
        fresh_times = []
        for cid in _clients(vault, "active", SAMPLES, total // 2):
            for i in range(20):
                clients.create(ClientInput(name=f"新增客户{cid}-{i}有限公司", engagement_start="2026-01-01"))
            fresh_times.append(erase(cid))
        start = time.perf_counter()
        problems = vault.db.integrity_problems()
        integrity = time.perf_counter() - start
        assert problems == []
        size_mb = vault.paths.db.stat().st_size / 1e6
        second.vault.lock()
    finally:
        vault.lock()

    plain = PlainDb(plain_path)
    try:
        plain_locked, plain_active = [], []
        for cid in active[: SAMPLES + 1]:  # same ids, still present and indexed in the plaintext copy
            with plain.transaction():
                plain.execute("DELETE FROM client_search WHERE rowid = ?", (cid,))
                plain.execute("UPDATE clients SET status = 'locked' WHERE id = ?", (cid,))
            start = time.perf_counter()
            with plain.transaction():
                erase_client(plain, cid)  # type: ignore[arg-type]
            plain.checkpoint()
            plain_locked.append(time.perf_counter() - start)
        for cid in active[SAMPLES + 1 :]:
            start = time.perf_counter()
            with plain.transaction():
                erase_client(plain, cid)  # type: ignore[arg-type]
            plain.checkpoint()
            plain_active.append(time.perf_counter() - start)
    finally:
        plain.close()
    note = f"{total} clients, vault.db {size_mb:.0f} MB, no VACUUM, WAL checkpoint(TRUNCATE) included"
    return [
        Result("erasure", "plain: erase locked client (same statements)", tuple(plain_locked[1:]), baseline=True),
        Result("erasure", "vault: erase locked client (retention path)", tuple(locked_times), target=TARGET,
               note=note),
        Result("erasure", "plain: erase active client incl. search entry", tuple(plain_active[1:])),
        Result("erasure", "vault: erase active client incl. search entry", tuple(active_times), target=TARGET),
        Result("erasure", "vault: erase active client, 20 clients added since", tuple(fresh_times), target=TARGET,
               note="fresh index segments since the last erasure"),
        Result("erasure", "vault: integrity check after erasure (every page)", (integrity,)),
    ]  # fmt: skip
