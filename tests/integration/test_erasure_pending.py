"""Erasure while another process holds a read transaction (issue 9 item 2).

A real second process opens the vault and keeps a read transaction open. The erasure commits,
its checkpoint cannot complete, so it is "executed, pending on disk": an independent page scan
still finds the erased values, the certificate is refused, nothing reports a failure. Once the
reader lets go, the retry (or the next open) completes it and the scan finds zero residue.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from clientvault.core.errors import InvalidState
from clientvault.security.residue import scan_residue
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService, complete_pending_erasures
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD
from tests.fixtures.erasing import destroy, second_person
from tests.fixtures.planted import other_client, plant

READER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services.vault import VaultService

    folder, ready, release = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    vault = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "reader-sqlcipher.log").unlock(
        folder, "boss", "partner-pass-1"
    )
    vault.db.execute("BEGIN")  # a read transaction: its snapshot pins the WAL
    vault.db.scalar("SELECT count(*) FROM clients")
    ready.write_text("1")
    deadline = time.time() + 120
    while not release.exists() and time.time() < deadline:
        time.sleep(0.02)
    vault.db.execute("COMMIT")
    vault.lock()
    """
)


def _dk(vault: Vault) -> bytes:
    assert vault.session.keys is not None
    return vault.session.keys.dk


def _start_reader(folder: Path) -> tuple[subprocess.Popen[bytes], Path]:
    ready, release = folder.parent / "reader-ready", folder.parent / "reader-release"
    ready.unlink(missing_ok=True)
    release.unlink(missing_ok=True)
    proc = subprocess.Popen(
        [sys.executable, "-c", READER, str(folder), str(ready), str(release)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.time() + 60
    while not ready.exists():
        if proc.poll() is not None or time.time() > deadline:
            _, err = proc.communicate()
            pytest.fail("reader did not start: " + err.decode(errors="replace")[-2000:])
        time.sleep(0.02)
    return proc, release


def _release(proc: subprocess.Popen[bytes], release: Path) -> None:
    release.write_text("1")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode(errors="replace")[-2000:]


def _planted_vault(vault: Vault) -> tuple[list[str], int]:
    for i in range(5):
        other_client(vault, f"邻居客户{i}号有限公司")
    planted = plant(vault)
    second_person(vault).lock()  # the approver exists before any reader starts
    assert vault.db.checkpoint()  # the planted values are now in vault.db itself
    return planted.needles, planted.client_id


def test_erasure_under_a_reader_is_pending_then_completed_by_the_retry(new_vault: Vault) -> None:
    needles, client_id = _planted_vault(new_vault)
    proc, release = _start_reader(new_vault.paths.folder)
    try:
        service = ErasureService(new_vault)
        result = destroy(new_vault, client_id)  # never raises: the erasure committed
        assert result.on_disk == "pending"
        assert result.integrity_problems == ()
        entry = service.repo.register_entry(result.certificate_no)
        assert entry is not None and entry.on_disk == "pending"
        # The independent page scan sees what the reader's snapshot keeps on disk.
        pending = scan_residue(new_vault.paths.db, _dk(new_vault), needles)
        assert pending.hits, "old page versions should still be on disk while the reader holds them"
        with pytest.raises(InvalidState) as info:
            service.certificate_pdf(result.certificate_no)
        assert info.value.code == "erasure_pending_on_disk"
        assert complete_pending_erasures(new_vault) == []  # still held: stays pending, no error
    finally:
        _release(proc, release)
    assert complete_pending_erasures(new_vault) == [result.certificate_no]
    entry = ErasureService(new_vault).repo.register_entry(result.certificate_no)
    assert entry is not None and entry.on_disk == "complete"
    clean = scan_residue(new_vault.paths.db, _dk(new_vault), needles)
    assert clean.hits == () and clean.key_verified, clean
    assert ErasureService(new_vault).certificate_pdf(result.certificate_no).startswith(b"%PDF")
    status = new_vault.audit.verify()
    assert status.ok, status


def test_a_pending_erasure_is_completed_at_the_next_open(new_vault: Vault, fast_vaults: VaultService) -> None:
    needles, client_id = _planted_vault(new_vault)
    folder, dk = new_vault.paths.folder, _dk(new_vault)
    proc, release = _start_reader(folder)
    try:
        result = destroy(new_vault, client_id)
        assert result.on_disk == "pending"
        new_vault.lock()  # closing while the reader still holds its snapshot: still pending
        assert scan_residue(folder / "vault.db", dk, needles).hits
    finally:
        _release(proc, release)
    reopened = fast_vaults.unlock(folder, PARTNER, PARTNER_PASSWORD)
    try:
        entry = ErasureService(reopened).repo.register_entry(result.certificate_no)
        assert entry is not None and entry.on_disk == "complete"
        report = scan_residue(folder / "vault.db", dk, needles)
        assert report.hits == () and report.key_verified, report
        assert reopened.audit.verify().ok
    finally:
        reopened.lock()


def test_without_readers_the_erasure_is_complete_at_once(new_vault: Vault) -> None:
    needles, client_id = _planted_vault(new_vault)
    result = destroy(new_vault, client_id)
    assert result.on_disk == "complete"
    assert scan_residue(new_vault.paths.db, _dk(new_vault), needles).hits == ()
