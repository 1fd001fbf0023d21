"""Audit verification at 1 000 000 events, with the signature checks (issue 8).

The log is what a firm of ten people writes in about a year: events signed by three staff
sessions' slot keys and a partner checkpoint every 1 000 events (a partner login or close). It
is built once and cached under ``bench/results/`` (the build signs a million events).

Rows (group ``audit-verify``):
    * bare ``hashlib`` over the same bytes already in memory (the floor of any verifier);
    * the same walk reading the same rows from a plain SQLite copy (no encryption);
    * ``verify`` as ``clientvault verify`` runs it: chain, every checkpoint signature, every
      event after the newest checkpoint against its session's key, the ``vault.keys`` and
      workstation anchors;
    * the incremental check a partner's process runs before each checkpoint (the window only).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import time
from pathlib import Path

from bench.common import RESULTS_DIR, Result, measure, plain_copy
from clientvault.core.roles import Role
from clientvault.security import keyfile as kf
from clientvault.security.keyfile import FAST_KDF
from clientvault.services.audit import verify_chain, verify_window
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.storage.audit import canonical, event_hash, signed_message

EVENTS = 1_000_000
CHECKPOINT_EVERY = 1_000
TARGET = 3.0
PASSWORD = "bench-password-1"
STAFF = ("acc1", "acc2", "asst")


def _build(folder: Path, vaults: VaultService) -> None:
    created = vaults.create(
        folder,
        firm_name="基准测试公司",
        partner_username="bench",
        partner_display_name="Bench",
        partner_password=PASSWORD,
    )
    boss = created.vault
    for name in STAFF:
        UserService(boss, vaults).add(name, name, Role.ACCOUNTANT, PASSWORD)
    signers = []
    for name in STAFF:
        s = vaults.unlock(folder, name, PASSWORD)
        assert s.session.private is not None
        key = kf.slot_signing_key(s.vault_id, s.session.slot_id, s.session.private)
        signers.append((s.session.slot_id, s.session.user_id, key))
        s.lock()
    assert boss.session.keys is not None and boss.session.keys.pk is not None
    partner_key = kf.partner_signing_key(boss.vault_id, boss.session.keys.pk)
    vid = boss.vault_id
    seq, prev = boss.audit.head()
    rows: list[tuple[int, str, str, str, str]] = []
    import base64

    while seq < EVENTS:
        seq += 1
        if seq % CHECKPOINT_EVERY == 0:
            name, uid, key = kf.PARTNER, boss.session.user_id, partner_key
            action, obj = "audit.checkpoint", ""
        else:
            name, uid, key = signers[seq % len(signers)]
            action, obj = ("client.view", "client.reveal", "consent.record")[seq % 3], f"client:{seq % 100_000}"
        body = canonical(seq, "2026-12-04T09:00:00.000+00:00", uid, action, obj, "", "", "ok", name)
        h = event_hash(prev, body)
        sig = base64.b64encode(key.sign(signed_message(vid, h))).decode()
        rows.append((seq, body.decode(), prev, h, sig))
        prev = h
        if len(rows) >= 50_000:
            with boss.db.transaction():
                boss.db.executemany("INSERT INTO audit (seq, body, prev_hash, hash, sig) VALUES (?,?,?,?,?)", rows)
            rows.clear()
    with boss.db.transaction():
        boss.db.executemany("INSERT INTO audit (seq, body, prev_hash, hash, sig) VALUES (?,?,?,?,?)", rows)
    boss.lock()


def _plain_walk(path: Path, vault_id: str) -> None:
    conn = sqlite3.connect(str(path))
    prev = hashlib.sha256(f"clientvault-audit-genesis\x00{vault_id}".encode()).hexdigest()
    sha256 = hashlib.sha256
    for _seq, body, h in conn.execute("SELECT seq, body, hash FROM audit ORDER BY seq"):
        if sha256((prev + body).encode()).hexdigest() != h:
            raise AssertionError("plain copy does not verify")
        prev = h
    conn.close()


def run() -> list[Result]:
    """Build (or reuse) the 1 000 000-event vault and time its verification."""
    cache = RESULTS_DIR / f"audit-{EVENTS}"
    work = RESULTS_DIR / "audit-work"
    state = RESULTS_DIR / "audit-state"
    if not (cache / "vault.keys").exists():
        shutil.rmtree(cache, ignore_errors=True)
        cache.parent.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        _build(cache, VaultService(kdf=FAST_KDF, cipher_log=RESULTS_DIR / "sqlcipher.log"))
        print(f"  built {EVENTS} signed audit events in {time.perf_counter() - start:.0f} s", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(state, ignore_errors=True)
    shutil.copytree(cache, work)
    vaults = VaultService(kdf=FAST_KDF, cipher_log=RESULTS_DIR / "sqlcipher.log", state_dir=state)
    vault = vaults.unlock(work, "bench", PASSWORD)
    try:
        plain = plain_copy(vault, RESULTS_DIR / "audit-plain.db")
        bodies = [(p.encode(), b.encode()) for p, b in vault.db.all("SELECT prev_hash, body FROM audit ORDER BY seq")]
        sha256 = hashlib.sha256

        def bare() -> None:
            for p, b in bodies:
                sha256(p + b).hexdigest()

        def full() -> None:
            status = verify_chain(vault)
            assert status.ok, status

        events = len(bodies)
        results = [
            Result(
                "audit-verify",
                f"bare hashlib over {events} events' bytes in memory (baseline)",
                measure(bare, repeat=3),
                baseline=True,
            ),
            Result(
                "audit-verify",
                "same rows read from a plain SQLite copy + hashlib",
                measure(lambda: _plain_walk(plain, vault.vault_id), repeat=3),
            ),
            Result(
                "audit-verify",
                f"verify (chain + {events // CHECKPOINT_EVERY} checkpoints + window signatures)",
                measure(full, repeat=3),
                target=TARGET,
            ),
            Result(
                "audit-verify",
                "incremental check before a checkpoint (window only)",
                measure(lambda: verify_window(vault), repeat=5),
            ),
        ]
    finally:
        vault.lock()
        shutil.rmtree(work, ignore_errors=True)
        (RESULTS_DIR / "audit-plain.db").unlink(missing_ok=True)
    return results
