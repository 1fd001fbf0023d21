"""Two processes on one vault: both write the audit log at once; a long write makes the other wait, then VaultBusy."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from clientvault.core.errors import VaultBusy
from clientvault.services.audit import AuditFilter
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD

PRELUDE = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services.vault import VaultService

    folder = Path(sys.argv[1])
    vaults = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "child-sqlcipher.log")
    vault = vaults.unlock(folder, "boss", "partner-pass-1")
    """
)
WRITER = PRELUDE + textwrap.dedent(
    """
    start = Path(sys.argv[2])
    while not start.exists():
        time.sleep(0.01)
    for i in range(int(sys.argv[3])):
        vault.record("test.concurrent", f"writer:{sys.argv[4]}:{i}")
    vault.lock()
    """
)
HOLDER = PRELUDE + textwrap.dedent(
    """
    ready, release = Path(sys.argv[2]), Path(sys.argv[3])
    with vault.db.transaction():
        vault.record("test.long_write")
        ready.write_text("1")
        while not release.exists():
            time.sleep(0.01)
    vault.lock()
    """
)
EVENTS = 60


def _spawn(script: str, *args: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _finish(proc: subprocess.Popen[bytes]) -> None:
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode(errors="replace")[-2000:]


def test_two_writers_at_once_keep_the_chain_whole(new_vault: Vault, fast_vaults: VaultService, vault_dir: Path) -> None:
    new_vault.lock()
    start = vault_dir.parent / "start"
    writers = [_spawn(WRITER, vault_dir, start, EVENTS, n) for n in (1, 2)]
    time.sleep(0.5)  # let both log in first; correctness does not depend on this
    start.write_text("go")
    for proc in writers:
        _finish(proc)
    vault = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    try:
        assert vault.audit.count(AuditFilter(action_prefix="test.concurrent")) == 2 * EVENTS
        status = vault.audit.verify()
        assert status.ok, status
        assert vault.db.integrity_problems() == []
    finally:
        vault.lock()


def test_a_long_write_makes_the_other_process_wait_then_vault_busy(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path
) -> None:
    ready, release = vault_dir.parent / "ready", vault_dir.parent / "release"
    holder = _spawn(HOLDER, vault_dir, ready, release)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert holder.poll() is None and time.monotonic() < deadline, "holder did not start"
            time.sleep(0.01)
        before = new_vault.audit.count()  # WAL: reading goes on while the other process writes
        with pytest.raises(VaultBusy):
            new_vault.record("test.blocked")
        assert new_vault.audit.count() == before
    finally:
        release.write_text("1")
        _finish(holder)
    new_vault.record("test.after_release")
    status = new_vault.audit.verify()
    assert status.ok, status
    assert new_vault.audit.count(AuditFilter(action_prefix="test.")) == 2
    assert new_vault.db.integrity_problems() == []
