"""Processes killed in the middle of a backup or a restore (issue 9 items 4 and 7).

Each test runs the operation in a real child process, stops it at a chosen step (the child
signals and waits there) and SIGKILLs it. The next open must then find: no temporary file, a
vault that opens and checks, and the restore either fully in effect *with* its ``backup.restore``
audit event, or not in effect and without one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from clientvault.security.oplock import writing_in
from clientvault.services.audit import AuditFilter
from clientvault.services.backup import BackupService
from clientvault.services.context import Vault, VaultPaths
from clientvault.services.leftovers import sweep_leftovers
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD
from tests.fixtures.planted import other_client

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and flock are POSIX")

CHILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services import backup as backup_module
    from clientvault.services.backup import BackupService
    from clientvault.services.vault import VaultService

    folder, marker, stage, arg = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]

    def stop_here():
        marker.write_text(stage)
        time.sleep(600)

    real_replace = os.replace

    def replace(src, dst, *a, **k):
        if stage == "backup-before-rename" and str(src).endswith(".tmp"):
            stop_here()
        real_replace(src, dst, *a, **k)
        if stage == "backup-before-catalogue" and str(dst).endswith(".cvbak"):
            stop_here()
        if stage == "restore-between-renames" and str(dst).endswith("vault.db.before-restore"):
            stop_here()
        if stage == "restore-after-swap" and str(src).endswith("vault.db.restoring"):
            stop_here()

    backup_module.os.replace = replace
    if stage == "restore-prepared":
        real_swap = BackupService._swap
        BackupService._swap = lambda self, work: stop_here()
    vault = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "child.log").unlock(folder, "boss", "partner-pass-1")
    service = BackupService(vault)
    if stage.startswith("backup"):
        service.backup()
    else:
        service.restore(arg)
    marker.write_text("finished")
    """
)


def _kill_at(folder: Path, stage: str, arg: str = "-") -> None:
    marker = folder.parent / f"marker-{stage}"
    marker.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(marker), stage, arg],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.time() + 120
    while not marker.exists():
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            _, err = proc.communicate()
            pytest.fail(f"child never reached {stage}: " + err.decode(errors="replace")[-2000:])
        time.sleep(0.01)
    assert marker.read_text() == stage
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)


def _temporaries(folder: Path) -> list[str]:
    names = [p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".restoring", ".before-restore"))]
    backups = folder / "backups"
    if backups.is_dir():
        listed = {b.file_name for b in _listing(folder)}
        names += [p.name for p in backups.iterdir() if p.name.endswith(".tmp") or "-journal" in p.name]
        names += [p.name for p in backups.glob("backup-*.cvbak") if p.name not in listed]
    return names


def _listing(folder: Path) -> list[object]:
    import json

    doc = json.loads((folder / "backups" / "catalogue.json").read_text(encoding="utf-8"))

    class _E:
        def __init__(self, name: str) -> None:
            self.file_name = name

    return [_E(e["file"]) for e in doc.get("backups", [])]


def _reopen(fast_vaults: VaultService, folder: Path) -> Vault:
    vault = fast_vaults.unlock(folder, PARTNER, PARTNER_PASSWORD)
    assert vault.db.integrity_problems() == []
    assert vault.audit.verify().ok
    return vault


def _clients(vault: Vault) -> int:
    return int(vault.db.scalar("SELECT count(*) FROM clients"))


def _restores(vault: Vault) -> int:
    return vault.audit.count(AuditFilter(action_prefix="backup.restore"))


@pytest.mark.parametrize("stage", ["backup-before-rename", "backup-before-catalogue"])
def test_a_killed_backup_leaves_nothing_after_the_next_open(
    new_vault: Vault, fast_vaults: VaultService, stage: str
) -> None:
    other_client(new_vault)
    BackupService(new_vault).backup()  # backups set up, one good backup
    folder = new_vault.paths.folder
    new_vault.lock()
    _kill_at(folder, stage)
    assert _temporaries(folder), "the kill should have left a temporary file"
    vault = _reopen(fast_vaults, folder)
    try:
        assert _temporaries(folder) == []
        assert len(BackupService(vault).list()) == 1  # the earlier backup is untouched
        BackupService(vault).verify(BackupService(vault).list()[0].file_name)
    finally:
        vault.lock()


def _restore_setup(vault: Vault) -> str:
    other_client(vault, "备份时的客户")
    name = BackupService(vault).backup().file_name
    for i in range(3):
        other_client(vault, f"备份后的客户{i}")
    return name


@pytest.mark.parametrize(
    ("stage", "restored"),
    [("restore-prepared", False), ("restore-between-renames", False), ("restore-after-swap", True)],
)
def test_a_killed_restore_is_all_or_nothing_with_its_audit_event(
    new_vault: Vault, fast_vaults: VaultService, stage: str, restored: bool
) -> None:
    name = _restore_setup(new_vault)
    folder = new_vault.paths.folder
    before = _restores(new_vault)
    new_vault.lock()
    _kill_at(folder, stage, name)
    assert _temporaries(folder), "the kill should have left a temporary file"
    vault = _reopen(fast_vaults, folder)
    try:
        assert _temporaries(folder) == []
        assert _clients(vault) == (1 if restored else 4)
        assert _restores(vault) == before + (1 if restored else 0)
    finally:
        vault.lock()


def test_a_sweep_leaves_the_files_of_a_process_still_at_work(new_vault: Vault) -> None:
    paths: VaultPaths = new_vault.paths
    BackupService(new_vault).ensure_set_up()
    tmp = paths.backups / ".backup-20260101T000000000000-manual.cvbak.tmp"
    work = paths.folder / "vault.db.restoring"
    with writing_in(paths.backups), writing_in(paths.folder):
        tmp.write_bytes(b"in progress")
        work.write_bytes(b"in progress")
        assert sweep_leftovers(paths) == []  # another process would hold these locks the same way
        assert tmp.exists() and work.exists()
    assert sorted(sweep_leftovers(paths)) == sorted([tmp.name, work.name])


def test_a_folder_the_sweep_cannot_change_still_opens(
    new_vault: Vault, fast_vaults: VaultService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only share or a permission error: the sweep gives up on that folder, the open goes on."""
    import clientvault.services.leftovers as leftovers

    def denied(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    folder = new_vault.paths.folder
    BackupService(new_vault).backup()
    new_vault.lock()
    monkeypatch.setattr(leftovers, "_sweep_backups", denied)
    monkeypatch.setattr(leftovers, "_sweep_vault_folder", denied)
    vault = fast_vaults.unlock(folder, PARTNER, PARTNER_PASSWORD)
    assert vault.db.integrity_problems() == []
    vault.lock()
