"""Close-time backups (issue 12): only when the vault changed since the last backup, on a
connection of their own, finished by a thread that outlives the window (or by the next login)."""

from __future__ import annotations

import threading
from dataclasses import replace

from clientvault.core.records import ClientInput
from clientvault.services.backup import BackupService
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.closing import (
    changed_since_last_backup,
    close_backup_due,
    finish_session,
    unfinished_close_backup,
)
from clientvault.services.connections import second_session, whole_file_problems
from clientvault.services.context import Vault
from clientvault.services.retention import RetentionService
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD


def _kinds(vault: Vault) -> list[str]:
    return sorted(b.kind for b in BackupService(vault).list())


def test_only_changes_make_a_backup_due(new_vault: Vault) -> None:
    backups = BackupService(new_vault)
    backups.ensure_set_up()
    assert changed_since_last_backup(new_vault)  # never backed up
    backups.backup("manual")
    assert not changed_since_last_backup(new_vault) and not close_backup_due(new_vault)
    svc = ClientService(new_vault)
    svc.page(ClientFilter(text="公司"))  # reading changes nothing
    assert not close_backup_due(new_vault)
    svc.create(ClientInput(name="新客户有限公司"))
    assert changed_since_last_backup(new_vault) and close_backup_due(new_vault)
    retention = RetentionService(new_vault)
    retention.set_settings(replace(retention.settings(), backup_on_close=False))
    assert not close_backup_due(new_vault)  # the firm's setting decides


def test_finish_session_backs_up_on_its_own_connection_then_locks(new_vault: Vault, fast_vaults: VaultService) -> None:
    BackupService(new_vault).ensure_set_up()
    BackupService(new_vault).backup("manual")
    ClientService(new_vault).create(ClientInput(name="关闭前公司"))
    waited: list[bool] = []
    thread = finish_session(new_vault, lambda: waited.append(True))
    thread.join(timeout=60)
    assert waited and new_vault.locked and not thread.is_alive()
    again = fast_vaults.unlock(new_vault.paths.folder, PARTNER, PARTNER_PASSWORD)
    try:
        assert _kinds(again) == ["manual", "on_close"]
        assert unfinished_close_backup(again) is None  # nothing left for the next login
    finally:
        again.lock()


def test_next_login_takes_a_close_backup_that_never_finished(new_vault: Vault, fast_vaults: VaultService) -> None:
    BackupService(new_vault).ensure_set_up()
    BackupService(new_vault).backup("manual")
    ClientService(new_vault).create(ClientInput(name="被中断公司"))
    new_vault.lock()  # as if the process had been killed before its close-time backup
    again = fast_vaults.unlock(new_vault.paths.folder, PARTNER, PARTNER_PASSWORD)
    try:
        info = unfinished_close_backup(again)
        assert info is not None and info.kind == "on_close"
        assert unfinished_close_backup(again) is None
    finally:
        again.lock()


def test_second_session_is_independent_of_the_first(new_vault: Vault) -> None:
    other = second_session(new_vault)
    try:
        assert other.db is not new_vault.db and other.session is not new_vault.session
        new_vault.lock()
        assert not other.locked and other.session.keys is not None
        assert int(other.db.scalar("SELECT count(*) FROM users")) >= 1
    finally:
        other.db.close()


def test_whole_file_check_runs_beside_an_open_write(new_vault: Vault) -> None:
    """The check has its own connection: a transaction held open on the window's connection
    (its lock taken) neither blocks it nor is disturbed by it."""
    ClientService(new_vault).create(ClientInput(name="检查公司"))
    found: list[list[str]] = []
    with new_vault.db.transaction():  # holds the window connection's lock, as a long write would
        new_vault.db.execute("UPDATE clients SET notes = 'x'")
        worker = threading.Thread(target=lambda: found.append(whole_file_problems(new_vault)))
        worker.start()
        worker.join(timeout=30)  # on the window's connection it would wait for this block to end
        assert not worker.is_alive() and found == [[]]
    assert new_vault.db.scalar("SELECT notes FROM clients") == "x"
