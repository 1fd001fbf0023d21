"""Bad input: damaged, truncated, swapped, old or newer files, and a full disk."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlcipher3

from clientvault.cli import error_message as cli_error_message
from clientvault.core.errors import (
    DamagedFile,
    DiskFull,
    GenerationMismatch,
    KeysFileError,
    MigrationFailed,
    NewerDatabase,
    WrongCredentials,
)
from clientvault.security import keyfile as kf
from clientvault.security.residue import decrypt_pages
from clientvault.services.audit import AuditService
from clientvault.services.context import Vault
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.storage import migrate as migrate_module
from clientvault.storage.db import Database
from clientvault.storage.migrate import Migration, latest_version
from clientvault.storage.users import SettingsRepository
from tests.conftest import PARTNER, PARTNER_PASSWORD

PAGE = 4096
FILLER = "Z" * 3000  # large enough for its own overflow page, which no login reads


@pytest.fixture
def closed(new_vault: Vault, vault_dir: Path) -> bytes:
    """A locked vault with a settings value on a page of its own; returns the data key."""
    with new_vault.db.transaction():
        SettingsRepository(new_vault.db).set("filler", FILLER)
    assert new_vault.session.keys is not None
    dk = new_vault.session.keys.dk
    new_vault.lock()
    return dk


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def _unlock(vaults: VaultService, folder: Path) -> Vault:
    return vaults.unlock(folder, PARTNER, PARTNER_PASSWORD)


def _damaged(vaults: VaultService, folder: Path) -> DamagedFile:
    with pytest.raises(DamagedFile) as info:
        _unlock(vaults, folder)
    assert info.value.which == "vault.db"
    return info.value


@pytest.mark.parametrize("offset", [5, 200, PAGE - 40], ids=["salt", "content", "hmac"])
def test_byte_flipped_on_page_1_is_told_apart_from_a_wrong_password(
    closed: bytes, fast_vaults: VaultService, vault_dir: Path, offset: int
) -> None:
    _flip(vault_dir / "vault.db", offset)
    assert _damaged(fast_vaults, vault_dir).detail == "page1"
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock(vault_dir, PARTNER, "not-the-password")


def _filler_page(db_path: Path, dk: bytes) -> int:
    """The settings b-tree page holding the filler's first part (its overflow page is separate).

    A b-tree page, because SQLCipher hands back a page that fails its HMAC as zeros (and logs it):
    on a b-tree page SQLite then reports corruption, on an overflow page the zeros would be read
    as data. ``verify`` finds both (docs/SECURITY.md, "Damage").
    """
    pages = [p.page for p in decrypt_pages(db_path, dk) if FILLER[:200].encode() in p.plaintext and p.looks_like_btree]
    assert len(pages) == 1
    return pages[0]


def test_byte_flipped_on_a_later_page(closed: bytes, fast_vaults: VaultService, vault_dir: Path) -> None:
    page = _filler_page(vault_dir / "vault.db", closed)
    assert page > 1
    _flip(vault_dir / "vault.db", (page - 1) * PAGE + 300)
    vault = _unlock(fast_vaults, vault_dir)  # login does not read that page
    try:
        assert AuditService(vault).integrity() == [f"HMAC verification failed for page {page}"]
        with pytest.raises(DamagedFile):
            SettingsRepository(vault.db).get("filler", "")
    finally:
        vault.lock()


def test_damage_on_a_page_that_login_reads(new_vault: Vault, fast_vaults: VaultService, vault_dir: Path) -> None:
    assert new_vault.session.keys is not None
    dk = new_vault.session.keys.dk
    users_root = int(new_vault.db.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'users'"))
    new_vault.lock()
    _flip(vault_dir / "vault.db", (users_root - 1) * PAGE + 300)
    assert _damaged(fast_vaults, vault_dir).detail == "pages"
    assert dk  # the key was right all along: the error is damage, not credentials


@pytest.mark.parametrize("keep", [0, 100, 2 * PAGE + 100], ids=["empty", "inside-page-1", "mid-page"])
def test_truncated_vault_db(closed: bytes, fast_vaults: VaultService, vault_dir: Path, keep: int) -> None:
    db = vault_dir / "vault.db"
    with db.open("r+b") as fh:
        fh.truncate(keep)
    with pytest.raises((DamagedFile, KeysFileError)) as info:
        _unlock(fast_vaults, vault_dir)
    assert not isinstance(info.value, WrongCredentials)


def test_truncated_tail_is_reported_by_the_integrity_check(
    closed: bytes, fast_vaults: VaultService, vault_dir: Path
) -> None:
    db = vault_dir / "vault.db"
    pages = db.stat().st_size // PAGE
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size - 1000)
    vault = _unlock(fast_vaults, vault_dir)
    try:
        problems = AuditService(vault).integrity()
    finally:
        vault.lock()
    assert any(f"page {pages}" in p for p in problems)


def test_vault_db_missing(closed: bytes, fast_vaults: VaultService, vault_dir: Path) -> None:
    (vault_dir / "vault.db").unlink()
    assert _damaged(fast_vaults, vault_dir).detail == "missing"


def _keys_error(vaults: VaultService, folder: Path, user: str = PARTNER, password: str = PARTNER_PASSWORD) -> str:
    with pytest.raises(KeysFileError) as info:
        vaults.unlock(folder, user, password)
    return info.value.reason


def test_vault_keys_missing(closed: bytes, fast_vaults: VaultService, vault_dir: Path) -> None:
    (vault_dir / "vault.keys").unlink()
    assert _keys_error(fast_vaults, vault_dir) == "missing"


def test_vault_keys_corrupt(closed: bytes, fast_vaults: VaultService, vault_dir: Path) -> None:
    keys = vault_dir / "vault.keys"
    keys.write_bytes(keys.read_bytes()[:-20])
    assert _keys_error(fast_vaults, vault_dir) == "corrupt"


def test_vault_keys_from_another_vault(
    closed: bytes, fast_vaults: VaultService, vault_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    fast_vaults.create(
        other,
        firm_name="别家公司",
        partner_username="other",
        partner_display_name="他",
        partner_password="other-pass-12",
    ).vault.lock()
    shutil.copy(other / "vault.keys", vault_dir / "vault.keys")
    assert _keys_error(fast_vaults, vault_dir, "other", "other-pass-12") == "not_this_db"
    with pytest.raises(WrongCredentials):  # this vault's own login is not in that file
        _unlock(fast_vaults, vault_dir)


@pytest.fixture
def before_password_change(closed: bytes, fast_vaults: VaultService, vault_dir: Path, tmp_path: Path) -> Path:
    """Copies of both files, then a password change; returns the folder holding the copies."""
    saved = tmp_path / "saved"
    saved.mkdir()
    for name in ("vault.db", "vault.keys"):
        shutil.copy(vault_dir / name, saved / name)
    vault = _unlock(fast_vaults, vault_dir)
    fast_vaults.change_password(vault, PARTNER_PASSWORD, "changed-pass-123")
    vault.lock()
    return saved


def test_old_vault_db_put_back(before_password_change: Path, fast_vaults: VaultService, vault_dir: Path) -> None:
    shutil.copy(before_password_change / "vault.db", vault_dir / "vault.db")
    with pytest.raises(GenerationMismatch) as info:
        fast_vaults.unlock(vault_dir, PARTNER, "changed-pass-123")
    assert (info.value.db_generation, info.value.keys_generation) == (1, 2)


def test_old_vault_keys_put_back(before_password_change: Path, fast_vaults: VaultService, vault_dir: Path) -> None:
    shutil.copy(before_password_change / "vault.keys", vault_dir / "vault.keys")
    with pytest.raises(GenerationMismatch) as info:
        _unlock(fast_vaults, vault_dir)
    assert (info.value.db_generation, info.value.keys_generation) == (2, 1)


def test_old_vault_db_put_back_after_a_rekey(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, tmp_path: Path, add_staff: Callable[..., int]
) -> None:
    acc = add_staff("acc")
    new_vault.lock()
    shutil.copy(vault_dir / "vault.db", tmp_path / "old.db")
    vault = _unlock(fast_vaults, vault_dir)
    UserService(vault, fast_vaults).disable(acc)
    vault.lock()
    shutil.copy(tmp_path / "old.db", vault_dir / "vault.db")
    assert _keys_error(fast_vaults, vault_dir) == "not_this_db"


def test_newer_database_is_refused(closed: bytes, fast_vaults: VaultService, vault_dir: Path) -> None:
    db = Database(vault_dir / "vault.db", closed)
    db.execute(f"PRAGMA user_version = {latest_version() + 1}")
    db.close()
    with pytest.raises(NewerDatabase) as info:
        _unlock(fast_vaults, vault_dir)
    assert (info.value.found, info.value.supported) == (latest_version() + 1, latest_version())


@pytest.fixture
def later_migration(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """Pretend the app ships one more migration than it does; yields its number."""
    real = migrate_module.migrations()
    extra = Migration(len(real) + 1, f"{len(real) + 1:04d}_extra.sql", "CREATE TABLE extra (x INTEGER);")
    monkeypatch.setattr(migrate_module, "migrations", lambda: [*real, extra])
    yield extra.version


def _pre_migration_copies(vault_dir: Path) -> list[Path]:
    return sorted((vault_dir / "backups").glob("pre-migration-v*"))


def test_a_successful_migration_deletes_its_pre_migration_copy(
    closed: bytes, fast_vaults: VaultService, vault_dir: Path, later_migration: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A copy left behind by an earlier failed upgrade goes as well: it saved the database just upgraded.
    (vault_dir / "backups").mkdir()
    stale = vault_dir / "backups" / f"pre-migration-v{later_migration - 1}-20240101T000000.db"
    stale.write_bytes(b"an earlier attempt's copy")
    exported: list[str] = []
    real_export = Database.export_to

    def export_to(self: Database, target: Path, key: bytes) -> None:
        real_export(self, target, key)
        exported.append(target.name)

    monkeypatch.setattr(Database, "export_to", export_to)
    vault = _unlock(fast_vaults, vault_dir)
    try:
        assert int(vault.db.pragma("user_version")) == later_migration
        actions = [e.action for e in vault.audit.page(limit=5)]
        assert actions[actions.index("session.login") : actions.index("session.login") + 2] == [
            "session.login",
            "vault.migrated",
        ]
    finally:
        vault.lock()
    assert len(exported) == 1 and exported[0].startswith(f"pre-migration-v{later_migration - 1}-")  # taken first
    assert _pre_migration_copies(vault_dir) == []  # … and deleted once the upgraded vault opened


@pytest.fixture
def broken_migration(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Migration]]:
    """Ship one more migration that fails halfway; yields the real migrations."""
    real = migrate_module.migrations()
    broken = Migration(len(real) + 1, "broken.sql", "CREATE TABLE half (x);\nCREATE TABLE users (dup);")
    monkeypatch.setattr(migrate_module, "migrations", lambda: [*real, broken])
    yield real


def test_a_failed_migration_keeps_the_encrypted_pre_migration_copy_and_names_it(
    closed: bytes, fast_vaults: VaultService, vault_dir: Path, broken_migration: list[Migration]
) -> None:
    with pytest.raises(MigrationFailed) as info:
        _unlock(fast_vaults, vault_dir)
    assert isinstance(info.value.__cause__, sqlcipher3.OperationalError)
    copies = _pre_migration_copies(vault_dir)
    assert [c.name for c in copies] == [info.value.backup]
    assert info.value.version == len(broken_migration)
    assert info.value.backup in cli_error_message(info.value)
    backup = Database(copies[0], closed)  # keyed with DK, like the database
    try:
        assert int(backup.pragma("user_version")) == len(broken_migration)
        assert backup.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'half'") == 0
        assert backup.scalar("SELECT count(*) FROM audit") > 0
    finally:
        backup.close()
    with pytest.raises(DamagedFile):
        Database(copies[0], kf.new_key())
    plain = sqlcipher3.connect(str(copies[0]))  # no key at all
    try:
        with pytest.raises(sqlcipher3.DatabaseError):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        plain.close()


def test_failed_migration_leaves_the_previous_version(
    closed: bytes,
    fast_vaults: VaultService,
    vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    broken_migration: list[Migration],
) -> None:
    with pytest.raises(MigrationFailed):
        _unlock(fast_vaults, vault_dir)
    real = broken_migration
    monkeypatch.setattr(migrate_module, "migrations", lambda: real)
    vault = _unlock(fast_vaults, vault_dir)
    try:
        assert int(vault.db.pragma("user_version")) == len(real)
        assert vault.db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'half'") == 0
    finally:
        vault.lock()


def _disk_full_on_fsync(monkeypatch: pytest.MonkeyPatch, *, fail_on_call: int) -> None:
    """The OS boundary: the n-th fsync inside atomic_write_bytes reports ENOSPC."""
    calls = {"n": 0}
    real = os.fsync

    def fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == fail_on_call:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr("clientvault.security.atomic.os.fsync", fsync)


def test_disk_full_while_writing_vault_keys_keeps_the_previous_file(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (vault_dir / "vault.keys").read_bytes()
    _disk_full_on_fsync(monkeypatch, fail_on_call=1)
    with pytest.raises(DiskFull):
        fast_vaults.change_password(new_vault, PARTNER_PASSWORD, "changed-pass-123")
    monkeypatch.undo()
    assert (vault_dir / "vault.keys").read_bytes() == before
    assert sorted(p.name for p in vault_dir.iterdir() if p.name.startswith(".vault.keys")) == []
    new_vault.lock()
    _unlock(fast_vaults, vault_dir).lock()


def test_disk_full_on_the_final_write_rolls_forward_on_next_open(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # fsync 1 = file of step 1, 2 = its folder; 3 = the final file (step 3) fails.
    _disk_full_on_fsync(monkeypatch, fail_on_call=3)
    with pytest.raises(DiskFull):
        fast_vaults.change_password(new_vault, PARTNER_PASSWORD, "changed-pass-123")
    monkeypatch.undo()
    assert kf.load(vault_dir / "vault.keys").previous is not None
    new_vault.lock()
    vault = fast_vaults.unlock(vault_dir, PARTNER, "changed-pass-123")
    vault.lock()
    final = kf.load(vault_dir / "vault.keys")
    assert final.previous is None and final.generation == 2


def _audit_leaf(new_vault: Vault, fast_vaults: VaultService, vault_dir: Path) -> tuple[bytes, int]:
    """Fill the audit table over many pages; lock; return the data key and an early leaf page of it.

    A partner login then signs a checkpoint after the filler, so later logins verify only the
    events after it and never read the filler's pages.
    """
    for _ in range(300):
        new_vault.record("test.filler", reason="x" * 100)
    assert new_vault.session.keys is not None
    dk = new_vault.session.keys.dk
    new_vault.lock()
    _unlock(fast_vaults, vault_dir).lock()
    pages = decrypt_pages(vault_dir / "vault.db", dk)
    leaves = [p.page for p in pages if b"test.filler" in p.plaintext and p.looks_like_btree]
    assert len(leaves) > 10
    return dk, sorted(leaves)[len(leaves) // 2]  # a middle leaf: login reads the first and last events only


def test_a_damaged_audit_page_is_a_typed_error_on_every_read_and_write(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path
) -> None:
    _dk, page = _audit_leaf(new_vault, fast_vaults, vault_dir)
    _flip(vault_dir / "vault.db", (page - 1) * PAGE + 300)
    vault = _unlock(fast_vaults, vault_dir)  # login reads and appends only at the chain's end
    try:
        audit = AuditService(vault)
        assert audit.integrity() == [f"HMAC verification failed for page {page}"]
        with pytest.raises(DamagedFile) as info:
            audit.page(limit=10_000)
        assert info.value.detail == "pages"
        with pytest.raises(DamagedFile):
            audit.verify()
        # SQLCipher now refuses writes as "readonly": that is the damage again, not a read-only folder.
        with pytest.raises(DamagedFile) as info:
            vault.record("test.after")
        assert info.value.detail == "pages"
    finally:
        vault.lock()


def test_a_damaged_client_page_is_a_typed_error_when_the_list_is_read(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path
) -> None:
    from clientvault.core.records import ClientInput
    from clientvault.services.clients import ClientService

    clients = ClientService(new_vault)
    for n in range(400):
        clients.create(ClientInput(name=f"受损页测试客户{n:04d}有限公司", notes="备注" * 40))
    assert new_vault.session.keys is not None
    dk = new_vault.session.keys.dk
    new_vault.lock()
    pages = [p.page for p in decrypt_pages(vault_dir / "vault.db", dk) if "受损页测试客户".encode() in p.plaintext]
    assert len(pages) > 10
    for page in pages:  # every page holding client rows (or their index entries): login reads none of them
        _flip(vault_dir / "vault.db", (page - 1) * PAGE + 300)
    vault = _unlock(fast_vaults, vault_dir)
    try:
        with pytest.raises(DamagedFile) as info:  # never a raw sqlcipher3.DatabaseError
            for offset in range(0, 400, 50):
                ClientService(vault).page(offset=offset, limit=50)
        assert info.value.detail == "pages"
    finally:
        vault.lock()
