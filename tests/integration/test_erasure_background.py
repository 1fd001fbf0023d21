"""The erasure answers once it has committed; its whole-file check follows in the background (issue 12).

``execute(check_later=True)`` returns before the checkpoint, VACUUM and integrity check; the
register says ``integrity='pending'`` and the certificate is refused until ``finish_check`` has
run on a connection of its own. Searches on the window's connection go on while the check reads
every page; a checkpoint held back by a reader is retried; a busy vault after the commit never
fails the erasure; a check that was stopped (the vault locked) runs again later.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from pathlib import Path

import pytest

import clientvault.services.erasure as erasure_module
from clientvault.core.errors import InvalidState
from clientvault.security.residue import scan_residue
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.connections import own_connection
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from tests.fixtures.erasing import destroy, second_person
from tests.fixtures.planted import other_client, plant
from tests.integration.test_erasure_pending import _release, _start_reader


def _planted(vault: Vault) -> tuple[list[str], int]:
    for i in range(5):
        other_client(vault, f"邻居客户{i}号有限公司")
    planted = plant(vault)
    second_person(vault).lock()
    assert vault.db.checkpoint()
    return planted.needles, planted.client_id


def _dk(vault: Vault) -> bytes:
    assert vault.session.keys is not None
    return vault.session.keys.dk


def test_the_erasure_returns_before_its_check_and_the_certificate_comes_after(new_vault: Vault) -> None:
    needles, client_id = _planted(new_vault)
    service = ErasureService(new_vault)
    result = destroy(new_vault, client_id, check_later=True)
    assert not result.checked and result.integrity_problems is None
    assert new_vault.db.scalar("SELECT status FROM clients WHERE id = ?", (client_id,)) == "erased"
    entry = service.repo.register_entry(result.certificate_no)
    assert entry is not None and entry.integrity == "pending"
    with pytest.raises(InvalidState) as info:
        service.certificate_pdf(result.certificate_no)
    assert info.value.code == "erasure_check_running"
    seen: list[float] = []
    check = service.finish_check(result.certificate_no, progress=lambda f: seen.append(f) or True)
    assert (check.integrity, check.problems, check.on_disk) == ("ok", (), "complete")
    assert seen[0] == 0.0 and seen[-1] == 1.0 and any(0.1 < f < 1.0 for f in seen)
    assert seen == sorted(seen)  # the bar only moves forward
    assert service.repo.register_entry(result.certificate_no).integrity == "ok"  # type: ignore[union-attr]
    assert scan_residue(new_vault.paths.db, _dk(new_vault), needles).hits == ()
    assert service.certificate_pdf(result.certificate_no).startswith(b"%PDF")
    events = [e.action for e in new_vault.audit.page(limit=20)]
    assert "erasure.verified" in events
    assert new_vault.audit.verify().ok


def test_a_search_on_the_windows_connection_runs_while_the_check_reads_every_page(new_vault: Vault) -> None:
    _needles, client_id = _planted(new_vault)
    service = ErasureService(new_vault)
    result = destroy(new_vault, client_id, check_later=True)
    in_check, searched = threading.Event(), threading.Event()

    def progress(fraction: float) -> bool:
        # Called from inside SQLite's integrity check on the check's own connection: it waits
        # here until the main thread has searched through the window's connection.
        if 0.15 <= fraction < 1.0 and not in_check.is_set():
            in_check.set()
            assert searched.wait(20), "the search did not get through while the check ran"
        return True

    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(service.finish_check(result.certificate_no,
                                                                                 progress=progress)))  # fmt: skip
    worker.start()
    assert in_check.wait(20)
    start = time.perf_counter()
    rows = ClientService(new_vault).page(ClientFilter(text="邻居客户"))
    took = time.perf_counter() - start
    searched.set()
    worker.join(30)
    assert len(rows) == 5 and took < 5  # answered, not stuck behind the check (no timing target here)
    check = outcome[0]
    assert isinstance(check, erasure_module.ErasureCheck) and check.integrity == "ok"


def test_a_checkpoint_held_back_by_a_reader_is_retried(new_vault: Vault) -> None:
    """A second process reads for ~1.5 s after the commit: the first checkpoint attempt fails, a later
    one completes — the erasure is complete on disk, never reported as failed."""
    needles, client_id = _planted(new_vault)
    result = destroy(new_vault, client_id, check_later=True)
    proc, release = _start_reader(new_vault.paths.folder)
    timer = threading.Timer(1.5, lambda: release.write_text("1"))
    timer.start()
    try:
        check = ErasureService(new_vault).finish_check(result.certificate_no)
    finally:
        timer.join()
        _release(proc, release)
    assert (check.integrity, check.on_disk) == ("ok", "complete")
    assert scan_residue(new_vault.paths.db, _dk(new_vault), needles).hits == ()


def test_a_busy_vault_after_the_commit_never_fails_the_erasure(
    new_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another connection holds the write lock through the whole check: the erasure stays done,
    its check is left pending (no certificate yet) and runs again once the vault is free."""
    needles, client_id = _planted(new_vault)
    monkeypatch.setattr(erasure_module, "CHECKPOINT_ATTEMPTS", 2)
    monkeypatch.setattr(erasure_module, "CHECKPOINT_WAIT_MS", 100)
    new_vault.db.options = dataclasses.replace(new_vault.db.options, busy_timeout_ms=200)
    result = destroy(new_vault, client_id, check_later=True)
    writer = own_connection(new_vault)
    writer.execute("BEGIN IMMEDIATE")
    try:
        check = ErasureService(new_vault).finish_check(result.certificate_no)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert check.integrity == "pending" and check.on_disk == "pending"
    service = ErasureService(new_vault)
    assert service.repo.register_entry(result.certificate_no).integrity == "pending"  # type: ignore[union-attr]
    (done,) = service.finish_pending_checks()
    assert (done.integrity, done.on_disk) == ("ok", "complete")
    assert scan_residue(new_vault.paths.db, _dk(new_vault), needles).hits == ()
    assert service.certificate_pdf(result.certificate_no).startswith(b"%PDF")


def test_a_stopped_check_stays_pending_and_runs_at_the_next_look(new_vault: Vault, tmp_path: Path) -> None:
    _needles, client_id = _planted(new_vault)
    service = ErasureService(new_vault)
    result = destroy(new_vault, client_id, check_later=True)
    check = service.finish_check(result.certificate_no, progress=lambda f: f < 0.2)  # locked mid-check
    assert check.integrity == "pending"
    assert service.repo.checks_to_run() == [result.certificate_no]
    (done,) = service.finish_pending_checks()
    assert done.integrity == "ok" and service.repo.checks_to_run() == []


def test_the_synchronous_path_still_checks_before_it_returns(new_vault: Vault) -> None:
    _needles, client_id = _planted(new_vault)
    result = destroy(new_vault, client_id)
    assert result.checked and result.integrity_problems == () and result.on_disk == "complete"
    entry = ErasureService(new_vault).repo.register_entry(result.certificate_no)
    assert entry is not None and entry.integrity == "ok"


def test_the_register_leaves_an_unchecked_erasure_to_its_check(new_vault: Vault, fast_vaults: object) -> None:
    """Reading the register (the Erasure page right after 'Erased') does not checkpoint on the
    window's connection for an erasure whose check is to come; the check does, and an open does."""
    _needles, client_id = _planted(new_vault)
    service = ErasureService(new_vault)
    result = destroy(new_vault, client_id, check_later=True)
    assert [e.certificate_no for e in service.register()] == [result.certificate_no]
    assert service.repo.register_entry(result.certificate_no).on_disk == "pending"  # type: ignore[union-attr]
    assert erasure_module.complete_pending_erasures(new_vault) == []
    assert erasure_module.complete_pending_erasures(new_vault, unchecked=True) == [result.certificate_no]
    check = service.finish_check(result.certificate_no)
    assert (check.integrity, check.on_disk) == ("ok", "complete")
