"""Random SIGKILLs of real child processes in the middle of erasure, rekey, user add/disable,
backup, restore and init; after each kill the vault is opened and every invariant checked.

Each iteration picks an operation, runs it as a real process (the command line, or a short
Python child for ``rekey``, which has no verb), kills it with SIGKILL after a random delay within
the operation's measured duration, and then checks the vault (tests/stress/common.py) plus the
operation's own all-or-nothing condition. Outcomes are counted per operation.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from clientvault.core.errors import KnownError
from clientvault.core.records import ClientInput
from clientvault.services.audit import AuditFilter
from clientvault.services.backup import BackupService
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.storage.clients import ClientRepository
from clientvault.storage.erasure import ErasureRepository
from clientvault.storage.users import UserRepository
from tests.fixtures.erasing import second_person
from tests.stress.common import (
    PARTNER,
    PARTNER_PASSWORD,
    STAFF_PASSWORD,
    Ledger,
    check_vault,
    cli_argv,
    cli_env,
    run_cli,
    vault_service,
)

OPS = ("import", "erase", "rekey", "user_add", "user_disable", "backup", "restore", "init")
IMPORT_ROWS = 60
REKEY = (
    "import sys\nfrom pathlib import Path\nfrom clientvault.security.keyfile import FAST_KDF\n"
    "from clientvault.services.vault import VaultService\n"
    "vs = VaultService(kdf=FAST_KDF)\nv = vs.unlock(Path(sys.argv[1]), 'boss', 'partner-pass-1')\n"
    "vs.rekey(v)\nv.lock()\nprint('rekeyed')\n"
)
#: The erasure as the law now asks it (issue 10): a second person approves, a witness signs.
ERASE = (
    "import sys\nfrom pathlib import Path\nfrom clientvault.security.keyfile import FAST_KDF\n"
    "from clientvault.services.vault import VaultService\nfrom tests.fixtures.erasing import destroy\n"
    "vs = VaultService(kdf=FAST_KDF)\nv = vs.unlock(Path(sys.argv[1]), 'boss', 'partner-pass-1')\n"
    "r = destroy(v, int(sys.argv[2]), vaults=vs)\nv.lock()\nprint(r.certificate_no, r.on_disk)\n"
)


@dataclass
class KillReport:
    """Counts per operation: runs, kills landed mid-operation, problems found afterwards."""

    runs: Counter[str] = field(default_factory=Counter)
    killed: Counter[str] = field(default_factory=Counter)  # the process was still running at the kill
    finished: Counter[str] = field(default_factory=Counter)  # it ended before the kill
    took_effect: Counter[str] = field(default_factory=Counter)  # the operation's effect is visible afterwards
    problems: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    @property
    def total_kills(self) -> int:
        return sum(self.killed.values())

    def failures(self) -> int:
        return sum(sum(c.values()) for c in self.problems.values())


def _unique_client(vault: Vault) -> tuple[int, list[str]]:
    tag = uuid.uuid4().hex[:10]
    name = f"压力客户{tag}有限公司"
    note = f"压力备忘{tag}机密" * 300  # overflow pages, as a long note makes
    cid = ClientService(vault).create(
        ClientInput(name=name, phone="13800001111", engagement_start="2021-01-01", notes=note)
    )
    return cid, [name, f"压力备忘{tag}机密"]


class KillCampaign:
    """One vault, many killed operations."""

    def __init__(self, work: Path, *, seed: int = 0) -> None:
        self.work = work
        self.folder = work / "vault"
        self.rng = random.Random(seed)
        self.ledger = Ledger()
        self.report = KillReport()
        self.env = cli_env(work, self.folder)
        self.clients: dict[int, list[str]] = {}
        self.durations: dict[str, float] = {}
        self.startup = 0.5
        self.n_users = 0
        self.n_inits = 0
        self.n_imports = 0
        self.work_time: dict[str, float] = {}  # from opening the vault's files to the end (calibrated)

    # -- setup -------------------------------------------------------------------------------

    def setup(self, clients: int = 12) -> None:
        vaults = vault_service()
        created = vaults.create(self.folder, firm_name="压力测试代账公司", partner_username=PARTNER,
                                partner_display_name="老板", partner_password=PARTNER_PASSWORD)  # fmt: skip
        vault = created.vault
        try:
            for _ in range(clients):
                cid, needles = _unique_client(vault)
                self.clients[cid] = needles
            second_person(vault, vaults).lock()  # the erasure's second person (issue 10's four eyes)
            BackupService(vault).backup()
        finally:
            vault.lock()
        t0 = time.perf_counter()
        run_cli(self.env, "--help")
        self.startup = time.perf_counter() - t0

    # -- one operation -------------------------------------------------------------------------

    def _prepare(self, op: str) -> tuple[list[str], dict[str, object]]:
        """The argv for ``op`` and what the all-or-nothing check needs to know."""
        vaults = vault_service()
        if op == "import":
            from tests.fixtures.workbooks import client_row, write_rows

            self.n_imports += 1
            base = self.n_imports * 1000
            book = write_rows(self.work / f"import-{self.n_imports}.xlsx",
                              (client_row(base + i) for i in range(IMPORT_ROWS)))  # fmt: skip
            return cli_argv("import", str(book)), {"names": [client_row(base + i)[0] for i in range(IMPORT_ROWS)]}
        if op == "init":
            self.n_inits += 1
            target = self.work / f"init-{self.n_inits}"
            return cli_argv("init", "--vault", str(target), "--firm", "新建公司"), {"target": target}
        vault = vaults.unlock(self.folder, PARTNER, PARTNER_PASSWORD)
        try:
            if op == "erase":
                if len(self.clients) < 3:
                    for _ in range(5):
                        cid, needles = _unique_client(vault)
                        self.clients[cid] = needles
                cid = self.rng.choice(sorted(self.clients))
                return [sys.executable, "-c", ERASE, str(self.folder), str(cid)], {"client": cid}
            if op == "user_add":
                self.n_users += 1
                name = f"u{self.n_users:04d}"
                pw = self.work / "staff-password"
                pw.write_text(STAFF_PASSWORD + "\n")
                argv = cli_argv("user", "add", name, "--role", "accountant", "--new-password-file", str(pw))
                return argv, {"user": name}
            if op == "user_disable":
                active = [u for u in self.ledger.added if u not in self.ledger.disabled | self.ledger.broken]
                if not active:  # nothing to disable: add an account instead (and check it as an add)
                    argv, info = self._prepare("user_add")
                    return argv, {**info, "op": "user_add"}
                name = self.rng.choice(sorted(active))
                return cli_argv("user", "disable", name), {"user": name}
            if op == "backup":
                return cli_argv("backup"), {"before": len(BackupService(vault).list())}
            if op == "restore":
                name = BackupService(vault).backup().file_name
                marker, _ = _unique_client(vault)  # added after the backup: gone iff the restore took effect
                restores = vault.audit.count(AuditFilter(action_prefix="backup.restore"))
                return cli_argv("restore", name), {"marker": marker, "restores": restores}
            if op == "rekey":
                return [sys.executable, "-c", REKEY, str(self.folder)], {}
        finally:
            vault.lock()
        raise ValueError(op)

    def _delay(self, op: str) -> float:
        """Seconds after the child first has a file of the vault open (start-up is not the target)."""
        return self.rng.uniform(0, self.work_time.get(op, 1.0) * 1.1)

    def _prefix(self, op: str, info: dict[str, object]) -> str:
        if op == "init":
            target = Path(str(info["target"]))
            return str(target.parent / f".{target.name}.")
        return str(self.folder) + os.sep

    def run_one(self, op: str, *, kill: bool = True) -> None:
        argv, info = self._prepare(op)
        op = str(info.get("op", op))
        self.report.runs[op] += 1
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, text=True)  # fmt: skip
        opened = _wait_until_open(proc, self._prefix(op, info))
        t_open = time.perf_counter() - t0
        rc: int | None
        if kill:
            try:
                rc = proc.wait(timeout=self._delay(op))
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                rc = None
        else:
            rc = proc.wait(timeout=300)
            self.durations[op] = time.perf_counter() - t0
            if opened:
                self.work_time[op] = max(time.perf_counter() - t0 - t_open, 0.05)
        out, err = proc.communicate()
        if rc is None:
            self.report.killed[op] += 1
        else:
            self.report.finished[op] += 1
            if rc != 0:
                self.report.problems[op][f"exit {rc}: {_first_line(err)}"] += 1
        self._after(op, info, rc, out)

    def _after(self, op: str, info: dict[str, object], rc: int | None, out: str) -> None:
        if op == "init":
            self._after_init(info["target"], rc)  # type: ignore[arg-type]
            return
        skip = [str(info["user"])] if op == "user_disable" else []
        problems, vault = check_vault(self.folder, self.ledger, login_sample=3, skip=skip)
        for p in problems:
            self.report.problems[op][p] += 1
        if vault is None:
            return
        try:
            self._all_or_nothing(op, info, rc, out, vault)
        except KnownError as exc:
            self.report.problems[op][f"check: {type(exc).__name__}"] += 1
        finally:
            vault.lock()

    def _all_or_nothing(self, op: str, info: dict[str, object], rc: int | None, out: str, vault: Vault) -> None:
        problems = self.report.problems[op]
        vaults = vault_service()
        if op == "import":
            names = list(info["names"])  # type: ignore[call-overload]
            marks = ",".join("?" * len(names))
            found = int(vault.db.scalar(f"SELECT count(*) FROM clients WHERE name IN ({marks})", names))
            if found == len(names):
                self.report.took_effect[op] += 1
            elif found:
                problems[f"import half done ({found} of {len(names)} rows)"] += 1
            elif rc == 0:
                problems["told imported but nothing there"] += 1
        elif op == "erase":
            cid = int(info["client"])  # type: ignore[call-overload]
            row = ClientRepository(vault.db).get_client(cid)
            present = row is not None and row["status"] != "erased"
            registered = any(e.client_id == cid for e in ErasureRepository(vault.db).register(limit=100000))
            if present == registered:
                problems["erasure half done" if present else "client gone without a register entry"] += 1
            if not present:
                self.report.took_effect[op] += 1
                self.ledger.erased += self.clients.pop(cid)
            elif rc == 0:
                problems["told erased but still there"] += 1
        elif op in ("user_add", "user_disable"):
            name = str(info["user"])
            row = UserRepository(vault.db).by_username(name)
            try:
                vaults.unlock(self.folder, name, STAFF_PASSWORD).lock()
                logs_in = True
            except KnownError:
                logs_in = False
            told = rc == 0
            if op == "user_add":
                if row is not None and row.active:
                    self.report.took_effect[op] += 1
                    self.ledger.added[name] = STAFF_PASSWORD
                    if not logs_in:
                        problems["listed active but cannot log in"] += 1
                        self.ledger.broken.add(name)
                elif told:
                    problems["told added but not active"] += 1
            else:
                disabled = row is not None and not row.active
                if disabled:
                    self.report.took_effect[op] += 1
                    self.ledger.disabled.add(name)
                    if logs_in:
                        problems["disabled but still logs in"] += 1
                elif told:
                    problems["told disabled but still active"] += 1
                elif not logs_in:
                    problems["active but cannot log in"] += 1
                    self.ledger.broken.add(name)
        elif op == "backup":
            backups = BackupService(vault)
            listed = backups.list()
            if len(listed) > int(info["before"]):  # type: ignore[call-overload]
                self.report.took_effect[op] += 1
                backups.verify(listed[0].file_name)
            elif rc == 0:
                problems["told backed up but not catalogued"] += 1
        elif op == "restore":
            marker_gone = ClientRepository(vault.db).get_client(int(info["marker"])) is None  # type: ignore[call-overload]
            if not marker_gone and (rc == 0 or rc is None):
                pass
            events = vault.audit.count(AuditFilter(action_prefix="backup.restore"))
            audited = events > int(info["restores"])  # type: ignore[call-overload]
            if marker_gone:
                self.report.took_effect[op] += 1
            if marker_gone and not audited:
                problems["restore took effect without its audit event"] += 1
            if rc == 0 and not marker_gone:
                problems["told restored but not in effect"] += 1
        elif op == "rekey" and rc is None:
            pass  # the vault opened and every added user logged in (check_vault)

    def _after_init(self, target: Path, rc: int | None) -> None:
        problems = self.report.problems["init"]
        vaults = vault_service()
        exists = vaults.vault_exists(target)
        if exists:
            self.report.took_effect["init"] += 1
            try:
                vaults.unlock(target, PARTNER, PARTNER_PASSWORD).lock()
            except KnownError as exc:
                problems[f"half-made vault: {type(exc).__name__}"] += 1
        elif rc == 0:
            problems["told created but no vault"] += 1
        else:  # a second init must work and clear the leftover
            done = run_cli(self.env, "init", "--vault", str(target), "--firm", "新建公司")
            if done.returncode != 0:
                problems[f"second init refused: {_first_line(done.stderr)}"] += 1
        left = [p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}.creating-")]
        if left and exists:
            problems["creation leftover not removed"] += 1

    # -- the campaign ---------------------------------------------------------------------------

    def calibrate(self, ops: tuple[str, ...] = OPS) -> None:
        """Run each operation once to the end: it must work, and its duration sets the kill window."""
        for op in ops:
            self.run_one(op, kill=False)

    def run(self, kills: int, ops: tuple[str, ...] = OPS) -> KillReport:
        while self.report.total_kills < kills:
            self.run_one(self.rng.choice(ops))
        problems, vault = check_vault(self.folder, self.ledger)  # every added user, at the end
        for p in problems:
            self.report.problems["final"][p] += 1
        if vault is not None:
            vault.lock()
        return self.report


def _wait_until_open(proc: subprocess.Popen[str], prefix: str, timeout: float = 120) -> bool:
    """Wait until the child has a file under ``prefix`` open (Linux ``/proc``); False if it ended first."""
    fd_dir = Path(f"/proc/{proc.pid}/fd")
    deadline = time.time() + timeout
    while proc.poll() is None and time.time() < deadline:
        try:
            for fd in fd_dir.iterdir():
                try:
                    if os.readlink(fd).startswith(prefix):
                        return True
                except OSError:
                    continue
        except OSError:
            return False
        time.sleep(0.002)
    return False


def _first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return (lines[-1] if lines else "")[:160]
