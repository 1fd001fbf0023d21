"""Damage, full and read-only drives, and hostile arguments: one clear line from the real command (issue 9)."""

from __future__ import annotations

from pathlib import Path

from clientvault.security.keyfile import FAST_KDF
from clientvault.security.residue import decrypt_pages
from clientvault.services.vault import VaultService
from tests.integration.test_cli import PASSWORD, Run, _fails, _ok, cli, vault

__all__ = ["cli", "vault"]  # fixtures shared with test_cli

PAGE = 4096


def _filler_leaf(plaintext: bytes, btree: bool) -> bool:
    return btree and b"test.filler" in plaintext


def _fill_audit(folder: Path, events: int = 300) -> tuple[bytes, list[int]]:
    """Append ``events`` audit events in this process; return the data key and the pages holding them."""
    opened = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "sqlcipher.log").unlock(folder, "boss", PASSWORD)
    try:
        for _ in range(events):
            opened.record("test.filler", reason="x" * 100)
        assert opened.session.keys is not None
        dk = opened.session.keys.dk
    finally:
        opened.lock()
    pages = [p.page for p in decrypt_pages(folder / "vault.db", dk) if _filler_leaf(p.plaintext, p.looks_like_btree)]
    return dk, sorted(pages)


def test_a_damaged_audit_page_is_reported_by_verify_and_refused_by_audit(cli: Run, vault: Path) -> None:
    _dk, pages = _fill_audit(vault)
    _ok(cli("verify"))  # a partner login signs a checkpoint after the filler: later logins skip its pages
    page = pages[len(pages) // 2]
    db = vault / "vault.db"
    data = bytearray(db.read_bytes())
    data[(page - 1) * PAGE + 300] ^= 0x5A
    db.write_bytes(bytes(data))

    done = cli("verify")
    assert done.returncode == 1 and done.stderr == "", done.stderr
    lines = [line.split("\t") for line in done.stdout.splitlines()]
    assert lines[0] == [
        "audit chain",
        "unreadable",
        "a damaged page holds audit events; restore vault.db and vault.keys from the newest backup",
    ]
    assert ["pages", "damaged", str(page)] in lines
    assert "internal error" not in done.stdout

    line = _fails(cli("audit", "--limit", "100000"))
    assert line == (
        "clientvault: vault.db has damaged pages; run 'clientvault verify' and restore from the newest backup"
    )
