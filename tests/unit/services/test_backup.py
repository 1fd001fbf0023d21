"""Backups: checked before they count, own keys that survive a rekey, restore with ledger replay,
purge, pruning, damaged backups and a disk that fills up mid-backup."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from clientvault.core.errors import AccessDenied, DamagedFile, InvalidState
from clientvault.core.roles import Role
from clientvault.security.residue import scan_residue
from clientvault.services.audit import AuditService
from clientvault.services.backup import BackupService, Catalogue
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.services.retention import RetentionService, Settings
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD, STAFF_PASSWORD
from tests.fixtures.erasing import destroy
from tests.fixtures.planted import ID_NUMBER, NAME, Planted, other_client, plant


@pytest.fixture
def planted(new_vault: Vault) -> Planted:
    return plant(new_vault)


def _bk(vault: Vault, file_name: str) -> bytes:
    keys = vault.session.keys
    assert keys is not None and keys.pk is not None
    cat = Catalogue(vault.paths.backups, vault.vault_id)
    return cat.backup_key(cat.entry(file_name), cat.private_key(keys.pk))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_is_checked_keyed_on_its_own_and_catalogued(new_vault: Vault, planted: Planted) -> None:
    info = BackupService(new_vault).backup()
    path = new_vault.paths.backups / info.file_name
    assert path.exists() and info.row_counts["clients"] == 1 and info.sha256 == _digest(path)
    keys = new_vault.session.keys
    assert keys is not None
    assert scan_residue(path, keys.dk, []).wrong_key  # not the vault key
    report = scan_residue(path, _bk(new_vault, info.file_name), [NAME])
    assert report.key_verified and report.hits  # the copy is complete and opens with its own key
    doc = json.loads((new_vault.paths.backups / "catalogue.json").read_text(encoding="utf-8"))
    assert NAME not in json.dumps(doc, ensure_ascii=False)
    assert (
        new_vault.db.scalar("SELECT status FROM backup_catalogue WHERE file_name = ?", (info.file_name,)) == "verified"
    )
    assert BackupService(new_vault).verify(info.file_name) == info
    assert [b.file_name for b in BackupService(new_vault).list()] == [info.file_name]


def test_backups_stay_restorable_after_a_user_is_disabled(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, add_staff: Callable[..., int]
) -> None:
    acc = add_staff("acc", Role.ACCOUNTANT)
    info = BackupService(new_vault).backup()
    keys = new_vault.session.keys
    assert keys is not None
    old_dk = keys.dk
    UserService(new_vault, fast_vaults).disable(acc)  # rekeys the vault
    keys = new_vault.session.keys
    assert keys is not None and keys.dk != old_dk
    other_client(new_vault)
    result = BackupService(new_vault).restore(info.file_name)
    assert result.replayed == 0
    assert [r.id for r in ClientService(new_vault).page(ClientFilter())] == [planted.client_id]
    new_vault.lock()
    again = fast_vaults.unlock(new_vault.paths.folder, PARTNER, PARTNER_PASSWORD)
    try:
        assert AuditService(again).verify().ok
        assert ClientService(again).get(planted.client_id).name == NAME
    finally:
        again.lock()
    # The disabled user's old DK opens no backup.
    assert scan_residue(new_vault.paths.backups / info.file_name, old_dk, []).wrong_key


def test_restore_of_an_older_backup_does_not_resurrect_erased_clients(new_vault: Vault, planted: Planted) -> None:
    keep = other_client(new_vault)
    old = BackupService(new_vault).backup()
    destroy(new_vault, planted.client_id)
    result = BackupService(new_vault).restore(old.file_name)
    assert result.replayed == 1 and result.audit_carried > 0
    db = new_vault.db
    assert db.scalar("SELECT status FROM clients WHERE id = ?", (planted.client_id,)) == "erased"
    assert db.scalar("SELECT count(*) FROM persons WHERE client_id = ?", (planted.client_id,)) == 0
    assert [r.id for r in ClientService(new_vault).page(ClientFilter())] == [keep]
    assert db.scalar("SELECT count(*) FROM erasure_ledger") == 1
    assert AuditService(new_vault).verify().ok
    db.checkpoint()
    keys = new_vault.session.keys
    assert keys is not None
    assert scan_residue(new_vault.paths.db, keys.dk, [NAME, ID_NUMBER]).clean


def test_restore_of_a_damaged_backup_is_refused_and_the_vault_untouched(new_vault: Vault, planted: Planted) -> None:
    info = BackupService(new_vault).backup()
    path = new_vault.paths.backups / info.file_name
    data = bytearray(path.read_bytes())
    data[4096 * 2 + 100] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedFile) as damaged:
        BackupService(new_vault).restore(info.file_name)
    assert damaged.value.which == "backup"
    assert ClientService(new_vault).get(planted.client_id).name == NAME
    assert not (new_vault.paths.folder / "vault.db.restoring").exists()
    refusals = new_vault.db.all("SELECT outcome FROM audit WHERE action = 'backup.restore'")
    assert refusals == [("damaged",)]  # the refusal is audited
    # Damage that keeps the checksum right (file replaced with a matching catalogue) is caught by the HMACs.
    cat = Catalogue(new_vault.paths.backups, new_vault.vault_id)
    entry = cat.entry(info.file_name)
    entry["sha256"] = _digest(path)
    cat.put(entry)
    cat.save()
    with pytest.raises(DamagedFile):
        BackupService(new_vault).restore(info.file_name)
    assert AuditService(new_vault).verify().ok


def test_purge_applies_the_ledger_to_every_backup(new_vault: Vault, planted: Planted) -> None:
    service = BackupService(new_vault)
    first, second = service.backup(), service.backup()
    destroy(new_vault, planted.client_id)
    result = service.purge()
    assert (result.backups, result.applied, result.failed) == (2, 2, ())
    for info in (first, second):
        path = new_vault.paths.backups / info.file_name
        report = scan_residue(path, _bk(new_vault, info.file_name), [NAME, ID_NUMBER])
        assert report.clean, report
        assert service.verify(info.file_name).ledger_seq == 1
    assert service.purge().applied == 0  # idempotent


def test_scheduled_backups_need_setup_and_keep_n(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, add_staff: Callable[..., int]
) -> None:
    add_staff("acc", Role.ACCOUNTANT)
    acc = fast_vaults.unlock(new_vault.paths.folder, "acc", STAFF_PASSWORD)
    try:
        assert BackupService(acc).scheduled("on_close") is None  # no partner has set backups up yet
        with pytest.raises(AccessDenied):
            BackupService(acc).backup("manual")
        with pytest.raises(InvalidState):
            BackupService(acc).backup("on_close")
    finally:
        acc.lock()
    RetentionService(new_vault).set_settings(Settings(backup_keep=2))
    BackupService(new_vault).backup()
    acc = fast_vaults.unlock(new_vault.paths.folder, "acc", STAFF_PASSWORD)
    try:
        for _ in range(3):  # an accountant closing the app takes a scheduled backup
            assert BackupService(acc).scheduled("on_close") is not None
        assert BackupService(acc).scheduled("daily") is None  # one was taken today already
    finally:
        acc.lock()
    kinds = [b.kind for b in BackupService(new_vault).list()]
    assert kinds == ["on_close", "on_close", "manual"]
    assert len(list(new_vault.paths.backups.glob("*.cvbak"))) == 3


# An LD_PRELOAD shim: writes to files whose path contains ENOSPC_MARKER fail with ENOSPC once
# ENOSPC_AFTER bytes were written to them — the disk filling up, at the libc boundary SQLite uses.
ENOSPC_SHIM = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>
static long long budget = -1;
static const char *marker = 0;
static int full(int fd, size_t n) {
    if (budget < 0) {
        const char *b = getenv("ENOSPC_AFTER");
        marker = getenv("ENOSPC_MARKER");
        budget = b ? atoll(b) : 0;
    }
    if (!marker) return 0;
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t len = readlink(link, path, sizeof path - 1);
    if (len < 0) return 0;
    path[len] = 0;
    if (!strstr(path, marker)) return 0;
    if ((long long)n > budget) { budget = 0; return 1; }
    budget -= (long long)n;
    return 0;
}
ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off) {
    static ssize_t (*real)(int, const void *, size_t, off_t);
    if (!real) real = dlsym(RTLD_NEXT, "pwrite64");
    if (full(fd, n)) { errno = ENOSPC; return -1; }
    return real(fd, buf, n, off);
}
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) {
    static ssize_t (*real)(int, const void *, size_t, off_t);
    if (!real) real = dlsym(RTLD_NEXT, "pwrite");
    if (full(fd, n)) { errno = ENOSPC; return -1; }
    return real(fd, buf, n, off);
}
ssize_t write(int fd, const void *buf, size_t n) {
    static ssize_t (*real)(int, const void *, size_t);
    if (!real) real = dlsym(RTLD_NEXT, "write");
    if (full(fd, n)) { errno = ENOSPC; return -1; }
    return real(fd, buf, n);
}
"""

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from clientvault.core.errors import DiskFull
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services.backup import BackupService
    from clientvault.services.vault import VaultService

    folder = Path(sys.argv[1])
    vault = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "child.log").unlock(folder, "boss", "partner-pass-1")
    try:
        BackupService(vault).backup()
    except DiskFull:
        print("disk_full")
    vault.lock()
    """
)


def _shim(tmp_path: Path) -> Path:
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None or not sys.platform.startswith("linux"):
        pytest.skip("needs a C compiler and LD_PRELOAD (Linux)")
    source = tmp_path / "enospc.c"
    source.write_text(ENOSPC_SHIM, encoding="utf-8")
    lib = tmp_path / "libenospc.so"
    subprocess.run([gcc, "-shared", "-fPIC", "-O1", "-o", str(lib), str(source), "-ldl"], check=True)
    return lib


def test_disk_full_during_a_backup(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, tmp_path: Path
) -> None:
    shim = _shim(tmp_path)
    first = BackupService(new_vault).backup()
    first_path = new_vault.paths.backups / first.file_name
    digest = _digest(first_path)
    catalogue = (new_vault.paths.backups / "catalogue.json").read_bytes()
    new_vault.lock()
    env = {**os.environ, "LD_PRELOAD": str(shim), "ENOSPC_MARKER": ".cvbak.tmp", "ENOSPC_AFTER": str(40 * 4096)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(new_vault.paths.folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "disk_full", out.stderr[-3000:]
    assert _digest(first_path) == digest
    assert (new_vault.paths.backups / "catalogue.json").read_bytes() == catalogue
    assert sorted(p.name for p in new_vault.paths.backups.iterdir()) == sorted(["catalogue.json", first.file_name])
    vault = fast_vaults.unlock(new_vault.paths.folder, PARTNER, PARTNER_PASSWORD)
    try:
        assert BackupService(vault).verify(first.file_name) == first
        events = vault.audit.page(None, limit=50)
        assert any(e.action == "backup.create" and e.outcome == "disk_full" for e in events)
        assert AuditService(vault).verify().ok
    finally:
        vault.lock()
