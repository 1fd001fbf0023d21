"""Shared benchmark helpers: timing, medians, a table of medians and ratios, JSON results.

A benchmark module in ``bench/`` exposes ``run() -> list[Result]``; ``python -m bench`` finds it.
Every figure is the median of several runs, and each group carries a baseline measured in the
same run on the same machine, so a ratio stays meaningful when the machine changes.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

RESULTS_DIR = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Result:
    """One measured quantity.

    Attributes:
        group: Rows compared with each other (e.g. "unlock").
        name: What was measured.
        samples: Every measurement, in seconds.
        baseline: Whether this row is its group's baseline (ratios are relative to it).
        target: The figure this row must stay under, in seconds (None: no target).
        note: One line of context.
    """

    group: str
    name: str
    samples: tuple[float, ...]
    baseline: bool = False
    target: float | None = None
    note: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def median(self) -> float:
        """The median of the samples, in seconds."""
        return statistics.median(self.samples)


def measure(fn: Callable[[], object], *, repeat: int = 7, warmup: int = 1) -> tuple[float, ...]:
    """Call ``fn`` ``warmup + repeat`` times; return the last ``repeat`` durations in seconds."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return tuple(out)


def fmt_seconds(seconds: float) -> str:
    """Format a duration in ms (or s above 10 s)."""
    return f"{seconds:.2f} s" if seconds >= 10 else f"{seconds * 1000:.1f} ms"


def machine() -> dict[str, str]:
    """Describe the machine the figures come from."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": str(os.cpu_count()),
    }


def print_table(results: Iterable[Result], out: TextIO = sys.stdout) -> None:
    """Print medians, the ratio to the group's baseline and the target verdict."""
    rows = list(results)
    base = {r.group: r.median for r in rows if r.baseline}
    header = f"{'group':<10} {'measurement':<58} {'median':>10} {'n':>3} {'× base':>8} {'target':>10}"
    out.write(header + "\n" + "-" * len(header) + "\n")
    for r in rows:
        ratio = (
            f"{r.median / base[r.group]:.2f}" if r.group in base and not r.baseline else ("base" if r.baseline else "")
        )
        verdict = ""
        if r.target is not None:
            verdict = ("ok ≤ " if r.median <= r.target else "OVER ") + fmt_seconds(r.target)
        out.write(
            f"{r.group:<10} {r.name:<58} {fmt_seconds(r.median):>10} {len(r.samples):>3} {ratio:>8} {verdict:>10}\n"
        )
        if r.note:
            out.write(f"{'':<10}   {r.note}\n")


def write_json(results: Iterable[Result], folder: Path = RESULTS_DIR) -> Path:
    """Write the results (with medians and the machine) to ``bench/results/<timestamp>.json``."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"bench-{stamp}.json"
    doc = {
        "machine": machine(),
        "at": stamp,
        "results": [{**asdict(r), "median": r.median} for r in results],
    }
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


# --- a synthetic firm and its plaintext twin, shared by the data benchmarks -------------------

BENCH_CLIENTS = int(os.environ.get("BENCH_CLIENTS", "100000"))
BENCH_PASSWORD = "bench-password-1"
#: Audit events in the cached firm (issue 12: 1 000 000 for the 100 000-client firm).
BENCH_AUDIT_EVENTS = int(os.environ.get("BENCH_AUDIT_EVENTS", "1000000"))
#: The firm sizes of the growth table; 300 000 only with BENCH_LEVELS (building it is slow).
BENCH_LEVELS = tuple(int(n) for n in os.environ.get("BENCH_LEVELS", "10000,100000").split(",") if n)


def schema_tag() -> str:
    """A short digest of the shipped migrations: a cached vault built on another schema is rebuilt."""
    import hashlib

    from clientvault.storage.migrate import migrations

    return hashlib.sha256("".join(m.sql for m in migrations()).encode("utf-8")).hexdigest()[:10]


def cached_vault(vaults: Any, clients: int = BENCH_CLIENTS, audit_events: int | None = None) -> Path:
    """Build once per schema (under bench/results/, git-ignored) a firm with ``clients`` synthetic clients.

    Partner ``bench`` and eight accountants, all with :data:`BENCH_PASSWORD`; seed 2026. The
    audit log is filled up to ``audit_events`` events (default: :data:`BENCH_AUDIT_EVENTS` for the
    100 000-client firm, none for the other sizes) through ``AuditRepository.append``, so the chain
    is whatever the shipped code writes. Benchmarks that change data work on a copy
    (:func:`work_copy`).
    """
    import shutil

    from clientvault.core.errors import KnownError
    from clientvault.core.roles import Role
    from clientvault.services.seed import populate_synthetic
    from clientvault.services.users import UserService

    if audit_events is None:
        audit_events = BENCH_AUDIT_EVENTS if clients == 100_000 else 0
    folder = RESULTS_DIR / f"vault-{clients}-a{audit_events}"
    if (folder / "vault.db").exists():
        # A firm built on an older schema is migrated by its first unlock (minutes saved at each
        # schema change); one the current code cannot open at all is rebuilt.
        try:
            vaults.unlock(folder, "bench", BENCH_PASSWORD).lock()
            return folder
        except (KnownError, ValueError) as exc:
            print(f"  cached firm unusable ({type(exc).__name__}): rebuilding", file=sys.stderr)
            shutil.rmtree(folder)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    vault = vaults.create(
        partial,
        firm_name="基准测试公司",
        partner_username="bench",
        partner_display_name="Bench",
        partner_password=BENCH_PASSWORD,
    ).vault
    users = UserService(vault, vaults)
    for i in range(8):
        users.add(f"acc{i}", f"会计{i}", Role.ACCOUNTANT, BENCH_PASSWORD)
    start = time.perf_counter()
    populate_synthetic(vault, clients, seed=2026)
    print(f"  built {clients} clients in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    start = time.perf_counter()
    fill_audit(vault, audit_events)
    if audit_events:
        print(f"  appended audit events up to {audit_events} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    vault.db.checkpoint()
    vault.lock()
    partial.rename(folder)
    return folder


_AUDIT_MIX = (
    ("client.view", "client:{}"),
    ("client.search", "clients"),
    ("client.update", "client:{}"),
    ("client.reveal", "client:{}/id_number"),
    ("consent.record", "client:{}"),
    ("session.login", ""),
    ("export.list", "clients"),
    ("session.lock", ""),
)


def fill_audit(vault: Any, events: int, *, batch: int = 20_000) -> None:
    """Append audit events until the log holds ``events`` (a realistic mix of codes and ids)."""
    audit = vault.audit
    have = audit.head()[0]
    users = [int(r[0]) for r in vault.db.all("SELECT id FROM users ORDER BY id")]
    n = have
    while n < events:
        with vault.db.transaction():
            for _ in range(min(batch, events - n)):
                action, obj = _AUDIT_MIX[n % len(_AUDIT_MIX)]
                audit.append(
                    user_id=users[n % len(users)],
                    action=action,
                    obj=obj.format(n * 7919 % 100_000 + 1),
                    purpose="service" if action.startswith("client.reveal") else "",
                )
                n += 1


def work_copy(folder: Path, name: str) -> Path:
    """A fresh copy of a cached vault for a benchmark that changes data."""
    import shutil

    work = RESULTS_DIR / name
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(folder, work)
    return work


def plain_copy(vault: Any, target: Path) -> Path:
    """Decrypt an unlocked vault into a plaintext SQLite file (the baselines; synthetic data only)."""
    for p in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        p.unlink(missing_ok=True)
    vault.db.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
    vault.db.execute("SELECT sqlcipher_export('plain')")
    vault.db.execute("DETACH DATABASE plain")
    return target


class PlainDb:
    """The ``Database`` methods the repositories use, over a plaintext file.

    Same SQLite build as the vault (the sqlcipher3 module without a key), same pragmas and cache
    size, so the only difference from the vault is encryption.
    """

    def __init__(self, path: Path) -> None:
        import sqlcipher3

        from clientvault.storage.db import CACHE_KIB

        self.conn = sqlcipher3.connect(str(path), isolation_level=None)
        for pragma in (
            "secure_delete = 1",
            "foreign_keys = ON",
            "journal_mode = WAL",
            "synchronous = NORMAL",
            "temp_store = MEMORY",
            f"cache_size = -{CACHE_KIB}",
        ):
            self.conn.execute(f"PRAGMA {pragma}")

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.conn.execute(sql, params)

    def one(self, sql: str, params: Any = ()) -> Any:
        return self.conn.execute(sql, params).fetchone()

    def all(self, sql: str, params: Any = ()) -> list[Any]:
        return self.conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.one(sql, params)
        return row[0] if row else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[PlainDb]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def pragma(self, name: str) -> Any:
        return self.scalar(f"PRAGMA {name}")

    def checkpoint(self) -> None:
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.conn.close()
