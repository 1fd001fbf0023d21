"""Four processes on one vault in DELETE-journal mode (as on a file share): adding users, editing
overlapping clients, erasing and reading at once; then every invariant is checked.

Each worker is a real process. It logs in again every few operations, as separate command runs
do, and writes one JSON line per finished operation (``added`` only after the service returned).
Errors are classified: ``VaultBusy`` and ``VersionConflict`` are the expected answers to
concurrency; ``GenerationMismatch`` or ``DamagedFile`` on a sound vault are false damage reports
(issue 9 item 3) and count as failures, as does any internal error.
"""

from __future__ import annotations

import json
import textwrap
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from clientvault.services.clients import ClientService
from clientvault.services.vault import VaultService
from tests.fixtures.erasing import second_person
from tests.stress.common import (
    DELETE_JOURNAL_HOOK,
    PARTNER,
    PARTNER_PASSWORD,
    Ledger,
    check_vault,
    cli_env,
    delete_journal,
    python_child,
    vault_service,
)
from tests.stress.kills import _unique_client

WORKER = textwrap.dedent(
    """
    import json, random, sys, time, uuid
    from pathlib import Path
    from clientvault.core.errors import KnownError, VaultBusy, VersionConflict
    from clientvault.core.records import ClientInput
    from clientvault.core.roles import Role
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services.clients import ClientFilter, ClientService
    from tests.fixtures.erasing import destroy
    from clientvault.services.users import UserService
    from clientvault.services.vault import VaultService

    folder, log_path, n = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    seconds, shared = float(sys.argv[4]), sys.argv[5]
    shared_ids = [int(x) for x in shared.split(",")]
    mine = [int(x) for x in sys.argv[6].split(",") if x]
    rng = random.Random(int(n))
    vaults = VaultService(kdf=FAST_KDF)
    log = log_path.open("a", encoding="utf-8")

    def note(**kw):
        log.write(json.dumps(kw) + "\\n")
        log.flush()

    vault, ops, added = None, 0, 0
    deadline = time.time() + seconds
    while time.time() < deadline:
        op = rng.choice(["add", "edit", "edit", "erase", "read", "read"])
        try:
            if vault is None or ops % 4 == 0:
                if vault is not None:
                    vault.lock()
                vault = None
                vault = vaults.unlock(folder, "boss", "partner-pass-1")
            ops += 1
            if op == "add":
                added += 1
                name = f"w{n}u{added:03d}"
                UserService(vault, vaults).add(name, name, Role.ACCOUNTANT, "staff-pass-123")
                note(op=op, ok=True, user=name)
            elif op == "edit":
                cid = rng.choice(shared_ids)
                svc = ClientService(vault)
                client = svc.get(cid)
                svc.update(cid, client.version, ClientInput(notes=f"worker {n} edit {ops}"))
                note(op=op, ok=True)
            elif op == "erase":
                if not mine:
                    note(op=op, ok=True, skipped=True)
                    continue
                cid = mine.pop()
                result = destroy(vault, cid, vaults=vaults)
                note(op=op, ok=True, client=cid, on_disk=result.on_disk)
            else:
                svc = ClientService(vault)
                svc.page(ClientFilter(text="压力"), limit=50)
                svc.count(ClientFilter())
                note(op=op, ok=True)
        except (VaultBusy, VersionConflict) as exc:
            note(op=op, ok=False, expected=True, error=type(exc).__name__)
        except KnownError as exc:
            note(op=op, ok=False, expected=False, error=type(exc).__name__, code=str(getattr(exc, "code", "")))
            if vault is not None:
                vault.lock()
            vault = None
        except Exception as exc:
            note(op=op, ok=False, expected=False, error="internal:" + type(exc).__name__)
            vault = None
    if vault is not None:
        vault.lock()
    note(op="end", ok=True)
    """
)


@dataclass
class ConcurrencyReport:
    """Counts of finished operations and errors per kind, plus the invariant problems."""

    ops: Counter[str] = field(default_factory=Counter)
    expected_errors: Counter[str] = field(default_factory=Counter)
    unexpected_errors: Counter[str] = field(default_factory=Counter)
    problems: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    workers: int = 0

    def failures(self) -> int:
        return sum(self.unexpected_errors.values()) + sum(self.problems.values())


def run_concurrent(work: Path, *, seconds: float = 60, workers: int = 4, delete_mode: bool = True) -> ConcurrencyReport:
    folder = work / "vault"
    ledger = Ledger()
    report = ConcurrencyReport(seconds=seconds, workers=workers)
    vaults: VaultService = vault_service()
    with delete_journal(delete_mode):
        vault = vaults.create(folder, firm_name="并发测试公司", partner_username=PARTNER, partner_display_name="老板",
                              partner_password=PARTNER_PASSWORD).vault  # fmt: skip
        assert str(vault.db.pragma("journal_mode")).lower() == ("delete" if delete_mode else "wal")
        shared = [ClientService(vault).create(_input(i)) for i in range(5)]
        second_person(vault, vaults).lock()  # the erasure's second person (issue 10's four eyes)
        pools: list[list[int]] = []
        needles: dict[int, list[str]] = {}
        for _ in range(workers):
            pool = []
            for _ in range(6):
                cid, values = _unique_client(vault)
                pool.append(cid)
                needles[cid] = values
            pools.append(pool)
        vault.lock()
    env = cli_env(work, folder)
    script = (DELETE_JOURNAL_HOOK if delete_mode else "") + WORKER
    logs = [work / f"worker-{n}.jsonl" for n in range(workers)]
    procs = [python_child(env, script, *_args(folder, logs[n], n, seconds, shared, pools[n])) for n in range(workers)]
    for proc in procs:
        proc.communicate(timeout=seconds + 300)
        if proc.returncode != 0:
            report.unexpected_errors[f"worker exit {proc.returncode}"] += 1
    for path in logs:
        for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
            entry = json.loads(line)
            if entry["op"] == "end":
                continue
            if entry["ok"]:
                report.ops[entry["op"]] += 1
                if entry["op"] == "add":
                    ledger.added[entry["user"]] = "staff-pass-123"
                if entry["op"] == "erase" and "client" in entry:
                    ledger.erased += needles[int(entry["client"])]
            elif entry.get("expected"):
                report.expected_errors[f"{entry['op']}: {entry['error']}"] += 1
            else:
                report.unexpected_errors[f"{entry['op']}: {entry['error']} {entry.get('code', '')}".strip()] += 1
    problems, opened = check_vault(folder, ledger, delete_mode=delete_mode)
    report.problems.update(problems)
    if opened is not None:
        opened.lock()
    return report


def _args(folder: Path, log: Path, n: int, seconds: float, shared: list[int], pool: list[int]) -> list[str]:
    return [str(folder), str(log), str(n), str(seconds), ",".join(map(str, shared)), ",".join(map(str, pool))]


def _input(i: int) -> object:
    from clientvault.core.records import ClientInput

    return ClientInput(name=f"共享客户{i}-{uuid.uuid4().hex[:6]}", phone="13800002222", engagement_start="2021-01-01")


def wait(seconds: float) -> None:  # pragma: no cover - helper for manual runs
    time.sleep(seconds)
