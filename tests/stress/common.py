"""Shared parts of the stress harness: the CLI environment, the invariants checked after every fault.

After each fault the harness opens the vault *in this process* (which runs the next-open sweep)
and checks, as docs/RELIABILITY.md lists: the vault opens; ``cipher_integrity_check`` and
``integrity_check`` pass; the audit chain verifies; every user told "added" can log in; an
independent page scan (security/residue.py) finds none of the erased values; no temporary file
is left. Each check failure is a short string naming the invariant, never a value.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from clientvault.core.errors import KnownError
from clientvault.security.keyfile import FAST_KDF
from clientvault.security.residue import scan_residue
from clientvault.security.workstation import WorkstationKeyring
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService
from tests.fixtures.memkeyring import MemoryKeyring

PARTNER, PARTNER_PASSWORD = "boss", "partner-pass-1"
STAFF_PASSWORD = "staff-pass-123"
ROOT = Path(__file__).resolve().parents[2]


def vault_service() -> VaultService:
    """The harness's own VaultService: fast KDF, no OS keyring."""
    return VaultService(kdf=FAST_KDF, keyring=WorkstationKeyring(backend=MemoryKeyring()))


@contextmanager
def delete_journal(enabled: bool) -> Iterator[None]:
    """Open vaults in DELETE-journal mode, as on a file share (the same hook the tests use)."""
    import clientvault.services.vault as vault_module

    if not enabled:
        yield
        return
    real = vault_module.is_network_path
    vault_module.is_network_path = lambda _path: True  # type: ignore[assignment]
    try:
        yield
    finally:
        vault_module.is_network_path = real  # type: ignore[assignment]


#: Prepended to every child script when the run is in DELETE-journal mode.
DELETE_JOURNAL_HOOK = "import clientvault.services.vault as _v; _v.is_network_path = lambda _p: True\n"


def cli_env(work: Path, folder: Path) -> dict[str, str]:
    """Environment for ``python -m clientvault.cli``: test KDF allowed, logs and state in ``work``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTVAULT_")}
    env.update(
        CLIENTVAULT_TESTING="1",
        CLIENTVAULT_VAULT=str(folder),
        CLIENTVAULT_USER=PARTNER,
        CLIENTVAULT_PASSWORD=PARTNER_PASSWORD,
        XDG_STATE_HOME=str(work / "state"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PYTHONPATH=os.pathsep.join([str(ROOT / "desktop"), str(ROOT), os.environ.get("PYTHONPATH", "")]),
    )
    return env


def cli_argv(*args: str) -> list[str]:
    """The argv of one CLI run with the fast KDF."""
    return [sys.executable, "-m", "clientvault.cli", "--kdf-profile", "fast", *args]


def run_cli(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the CLI to the end."""
    return subprocess.run(cli_argv(*args), env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=timeout)  # fmt: skip


def python_child(env: dict[str, str], script: str, *args: str) -> subprocess.Popen[str]:
    """Start a Python child running ``script`` (with ``args`` in ``sys.argv[1:]``)."""
    return subprocess.Popen([sys.executable, "-c", script, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)  # fmt: skip


@dataclass
class Ledger:
    """What the harness knows must hold: users told "added" (with passwords), values erased."""

    added: dict[str, str] = field(default_factory=dict)  # username -> password
    disabled: set[str] = field(default_factory=set)
    broken: set[str] = field(default_factory=set)  # found unable to log in once: counted once, not again
    erased: list[str] = field(default_factory=list)  # needles: each erased client's unique values

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"added": self.added, "disabled": sorted(self.disabled), "erased": self.erased}))


def temporaries(folder: Path) -> list[str]:
    """Temporary files in a vault folder and its backups (names only)."""
    found: list[str] = []
    if folder.parent.is_dir():
        found += [p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}.creating-")]
    if not folder.is_dir():
        return found
    for p in folder.iterdir():
        if p.name.endswith((".tmp", ".restoring", ".before-restore", "-journal")) or ".restoring-" in p.name:
            found.append(p.name)
    backups = folder / "backups"
    if backups.is_dir():
        try:
            doc = json.loads((backups / "catalogue.json").read_text(encoding="utf-8"))
            listed = {e["file"] for e in doc.get("backups", [])}
        except (OSError, ValueError):
            listed = set()
        for p in backups.iterdir():
            if (
                p.name.endswith(".tmp")
                or ".tmp-" in p.name
                or (p.name.startswith("backup-") and p.name.endswith(".cvbak") and p.name not in listed)
            ):
                found.append(p.name)
    return found


def check_vault(
    folder: Path,
    ledger: Ledger,
    *,
    delete_mode: bool = False,
    login_sample: int | None = None,
    extra: Sequence[str] = (),
    skip: Sequence[str] = (),
) -> tuple[list[str], Vault | None]:
    """Open the vault and check every invariant; return (problems, the open vault or None)."""
    problems: list[str] = []
    vaults = vault_service()
    with delete_journal(delete_mode):
        try:
            vault = vaults.unlock(folder, PARTNER, PARTNER_PASSWORD)
        except KnownError as exc:
            detail = getattr(exc, "code", "") or getattr(exc, "detail", "")
            return [f"does not open: {type(exc).__name__}:{detail}"], None
        except Exception as exc:
            return [f"does not open (internal): {type(exc).__name__}"], None
        try:
            if vault.db.integrity_problems():
                problems.append("integrity check fails")
            status = vault.audit.verify()
            if not status.ok:
                problems.append("audit chain broken")
            names = list(ledger.added.items())
            if login_sample is not None:
                names = names[-login_sample:]
            for username, password in names:
                if username in ledger.disabled or username in ledger.broken or username in skip:
                    continue  # ``skip``: the account the operation just tried to disable (checked by it)
                try:
                    vaults.unlock(folder, username, password).lock()
                except KnownError as exc:
                    problems.append(f"added user cannot log in ({type(exc).__name__})")
                    ledger.broken.add(username)
            keys = vault.session.keys
            assert keys is not None
            needles = [*ledger.erased, *extra]
            if needles:
                report = scan_residue(folder / "vault.db", keys.dk, needles)
                if report.hits:
                    problems.append(f"residue of erased values: {len(report.hits)} hit(s)")
                if not report.key_verified:
                    problems.append("residue scan could not verify the key")
            left = temporaries(folder)
            if left:  # file names only (dates and kinds), never contents
                kinds = sorted({re.sub(r"[0-9T]{8,}[0-9]*", "*", n) for n in left})
                problems.append(f"temporary files left: {', '.join(kinds)}")
        except KnownError as exc:
            problems.append(f"check failed: {type(exc).__name__}")
        except Exception as exc:
            problems.append(f"check failed (internal): {type(exc).__name__}")
    return problems, vault


def wait_for(path: Path, proc: subprocess.Popen[str], timeout: float = 120) -> bool:
    """Wait until ``path`` exists (a child's signal); False if the child ended first."""
    deadline = time.time() + timeout
    while not path.exists():
        if proc.poll() is not None or time.time() > deadline:
            return False
        time.sleep(0.01)
    return True
