"""Moving the backups folder (issue 13): copies checked against the catalogue before the switch,
refused targets, a chosen folder that is gone at backup time, and a move interrupted half-way."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from clientvault.core.errors import AccessDenied, BackupFolderError
from clientvault.core.roles import Role
from clientvault.services import backup as backup_module
from clientvault.services.audit import AuditFilter
from clientvault.services.backup import CATALOGUE, BackupService
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.closing import close_backup_due, unfinished_close_backup
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD, STAFF_PASSWORD
from tests.fixtures.planted import NAME, Planted, other_client, plant


@pytest.fixture
def planted(new_vault: Vault) -> Planted:
    return plant(new_vault)


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _two_backups(vault: Vault) -> list[str]:
    service = BackupService(vault)
    first = service.backup()
    other_client(vault)
    second = service.backup()
    return [first.file_name, second.file_name]


def test_move_then_list_verify_back_up_and_restore_from_the_new_folder(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, tmp_path: Path
) -> None:
    names = _two_backups(new_vault)
    old = new_vault.paths.backups
    before = _files(old)
    target = tmp_path / "nas" / "clientvault-backups"  # created by the move
    service = BackupService(new_vault)
    assert service.move_folder(target) == target
    assert service.folder == target
    moved = _files(target)
    assert {n: moved[n] for n in names} == {n: before[n] for n in names}  # byte-identical copies
    assert json.loads((target / CATALOGUE).read_text(encoding="utf-8"))["vault_id"] == new_vault.vault_id
    assert not any((old / n).exists() for n in names) and not (old / CATALOGUE).exists()
    assert sorted(b.file_name for b in service.list()) == sorted(names)
    service.verify(names[0])
    third = service.backup()
    assert (target / third.file_name).is_file() and not (old / third.file_name).exists()
    service.restore(names[0])  # taken before the move: the restored vault keeps the new folder
    assert len(ClientService(new_vault).page(ClientFilter())) == 1  # the first backup's one client
    assert service.folder == target and len(service.list()) == 3
    events = new_vault.audit.page(AuditFilter(action_prefix="settings.change"))
    assert [(e.object, e.reason) for e in events] == [("settings:backup_folder", "backup.folder changed")]
    assert str(tmp_path) not in json.dumps([e.reason for e in events])
    # Every workstation: another session of the same vault uses the new folder too.
    other = fast_vaults.unlock(new_vault.paths.folder, PARTNER, PARTNER_PASSWORD)
    try:
        assert BackupService(other).folder == target
    finally:
        other.lock()
    # ...and back to the vault's own backups folder.
    assert service.move_folder(old) == old
    assert service.folder == old and sorted(b.file_name for b in service.list()) == sorted([*names, third.file_name])
    assert not (target / CATALOGUE).exists()


@pytest.mark.parametrize("where", ["inside_vault", "vault_itself", "file", "cloud_sync"])
def test_refused_targets_change_nothing(new_vault: Vault, planted: Planted, tmp_path: Path, where: str) -> None:
    names = _two_backups(new_vault)
    before = _files(new_vault.paths.backups)
    a_file = tmp_path / "not-a-folder.txt"
    a_file.write_text("x", encoding="utf-8")
    target = {
        "inside_vault": new_vault.paths.folder / "elsewhere",
        "vault_itself": new_vault.paths.folder,
        "file": a_file,
        "cloud_sync": tmp_path / "OneDrive" / "backups",
    }[where]
    expected = {"inside_vault": "inside_vault", "vault_itself": "inside_vault", "file": "not_folder",
                "cloud_sync": "cloud_sync"}[where]  # fmt: skip
    service = BackupService(new_vault)
    with pytest.raises(BackupFolderError) as refused:
        service.move_folder(target)
    assert refused.value.reason == expected
    assert service.folder == new_vault.paths.backups and _files(new_vault.paths.backups) == before
    assert sorted(b.file_name for b in service.list()) == sorted(names)
    assert not new_vault.audit.page(AuditFilter(action_prefix="settings.change"))
    assert not (tmp_path / "OneDrive").exists() and not (new_vault.paths.folder / "elsewhere").exists()


def test_a_folder_that_cannot_be_written_is_refused(new_vault: Vault, planted: Planted, tmp_path: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root ignores permission bits; a read-only mount is tested in test_bad_input.py style as root")
    BackupService(new_vault).backup()
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(BackupFolderError) as refused:
            BackupService(new_vault).move_folder(locked / "backups")
        assert refused.value.reason == "not_writable"
        with pytest.raises(BackupFolderError) as refused:
            BackupService(new_vault).move_folder(locked)
        assert refused.value.reason == "not_writable"
    finally:
        locked.chmod(0o700)
    assert BackupService(new_vault).folder == new_vault.paths.backups


def test_another_vaults_backups_folder_is_refused(new_vault: Vault, planted: Planted, tmp_path: Path) -> None:
    target = tmp_path / "shared"
    target.mkdir()
    (target / CATALOGUE).write_text(json.dumps({"format": "clientvault-backups", "vault_id": "another"}), "utf-8")
    with pytest.raises(BackupFolderError) as refused:
        BackupService(new_vault).move_folder(target)
    assert refused.value.reason == "other_vault"


def test_only_a_partner_moves_the_folder(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, add_staff: Callable[..., int], tmp_path: Path
) -> None:
    BackupService(new_vault).backup()
    add_staff("po", Role.PRIVACY_OFFICER)
    po = fast_vaults.unlock(new_vault.paths.folder, "po", STAFF_PASSWORD)
    try:
        with pytest.raises(AccessDenied):
            BackupService(po).move_folder(tmp_path / "mine")
    finally:
        po.lock()
    assert not (tmp_path / "mine").exists()


def test_an_unplugged_folder_fails_the_backup_and_nothing_is_written_elsewhere(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, add_staff: Callable[..., int], tmp_path: Path
) -> None:
    names = _two_backups(new_vault)
    drive = tmp_path / "usb"
    BackupService(new_vault).move_folder(drive / "backups")
    moved = _files(drive / "backups")
    # Unplugged: the mount point is an empty folder (or missing altogether).
    for name in moved:
        (drive / "backups" / name).unlink()
    (drive / "backups").rmdir()
    everything_before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if "state" not in str(p))
    service = BackupService(new_vault)
    with pytest.raises(BackupFolderError) as failed:
        service.backup()
    assert failed.value.reason == "unavailable"
    (drive / "backups").mkdir()  # an empty mount point
    with pytest.raises(BackupFolderError):
        service.backup()
    (drive / "backups").rmdir()
    # A scheduled backup of another role fails the same way.
    add_staff("acc", Role.ACCOUNTANT)
    acc = fast_vaults.unlock(new_vault.paths.folder, "acc", STAFF_PASSWORD)
    try:
        with pytest.raises(BackupFolderError):
            BackupService(acc).scheduled("on_close")
    finally:
        acc.lock()
    other_client(new_vault, "改动后客户有限公司")  # something changed: the close-time backup is due
    assert close_backup_due(new_vault)  # tried (and failing, audited) rather than skipped without a word
    with pytest.raises(BackupFolderError):
        unfinished_close_backup(new_vault)
    after = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if "state" not in str(p))
    new_files = {p for p in set(after) - set(everything_before) if "backups" in p or p.endswith(".cvbak")}
    assert new_files == set() and not list(new_vault.paths.backups.glob("*.cvbak"))
    failures = new_vault.audit.page(AuditFilter(action_prefix="backup.create"))
    assert any(e.outcome == "folder_unavailable" for e in failures)
    assert len(names) == 2


def test_a_copy_failing_half_way_leaves_the_old_folder_authoritative_and_complete(
    new_vault: Vault, planted: Planted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = _two_backups(new_vault)
    old = new_vault.paths.backups
    before = _files(old)
    real = backup_module.copy_file
    copied: list[str] = []

    def fail_after_first(src: Path, dst: Path) -> None:
        if copied:
            raise OSError(5, "I/O error")  # the drive went away during the second copy
        real(src, dst)
        copied.append(src.name)

    monkeypatch.setattr(backup_module, "copy_file", fail_after_first)
    target = tmp_path / "second-drive"
    service = BackupService(new_vault)
    with pytest.raises(BackupFolderError) as failed:
        service.move_folder(target)
    assert failed.value.reason == "copy_failed"
    assert service.folder == old and _files(old) == before
    assert sorted(b.file_name for b in service.list()) == sorted(names)
    assert copied and not (target / CATALOGUE).exists() and not list(target.glob("*.cvbak"))  # copies removed
    assert not new_vault.audit.page(AuditFilter(action_prefix="settings.change"))
    service.backup()  # backups still go to the old folder
    # A process killed half-way leaves copies behind: the next move to that folder cleans them first.
    real(old / names[0], target / names[0])
    stale = target / "backup-20200101T000000000000-daily.cvbak"  # a backup pruned since
    stale.write_bytes(b"x" * 100)
    monkeypatch.setattr(backup_module, "copy_file", real)
    assert service.move_folder(target) == target
    assert len(service.list()) == 3 and not list(old.glob("*.cvbak")) and not stale.exists()


def test_a_copy_that_does_not_match_the_catalogue_is_not_switched_to(
    new_vault: Vault, planted: Planted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = _two_backups(new_vault)
    real = backup_module.copy_file

    def corrupting(src: Path, dst: Path) -> None:
        real(src, dst)
        data = bytearray(dst.read_bytes())
        data[len(data) // 2] ^= 0x01
        dst.write_bytes(bytes(data))

    monkeypatch.setattr(backup_module, "copy_file", corrupting)
    service = BackupService(new_vault)
    with pytest.raises(Exception) as failed:
        service.move_folder(tmp_path / "bad-drive")
    assert type(failed.value).__name__ == "DamagedFile"
    assert service.folder == new_vault.paths.backups
    assert sorted(b.file_name for b in service.list()) == sorted(names)
    assert NAME not in (new_vault.paths.backups / CATALOGUE).read_text(encoding="utf-8")
