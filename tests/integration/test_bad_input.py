"""Damage, full and read-only drives, and hostile arguments: one clear line from the real command (issue 9)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

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


# -- a full or read-only drive -------------------------------------------------------------------
# Real file systems, not monkeypatched writes: a small tmpfs mounted for the test (needs root or
# CAP_SYS_ADMIN, as in CI; elsewhere these tests are skipped with the reason). "Read-only" is the
# mount's own flag (remount,ro): root ignores permission bits, so chmod would prove nothing.

READ_ONLY = (
    "clientvault: the vault folder (or the file to write) is read-only: a read-only drive or share, or no write "
    "permission; ClientVault writes to the vault even to read it (every login is audited); nothing was changed"
)
FULL = "clientvault: the disk is full; nothing was changed"


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    """A fresh 8 MiB tmpfs mounted inside tmp_path; unmounted afterwards."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root (CI runs as root)")
    mount = tmp_path / "mnt"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", str(mount)], check=False)
    if done.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _remount(mount: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(mount)], check=True)


def test_a_read_only_vault_folder_gives_one_line(cli: Run, small_fs: Path) -> None:
    folder = small_fs / "vault"
    _ok(cli("--vault", str(folder), "init", "--firm", "测试代账公司"))
    _ok(cli("--vault", str(folder), "backup"))
    (small_fs / "empty").mkdir()
    before = {p.name: p.stat().st_size for p in folder.rglob("*")}
    _remount(small_fs, "ro")
    try:
        for verb in (["verify"], ["audit"], ["user", "list"], ["backup"]):
            assert _fails(cli("--vault", str(folder), *verb)) == READ_ONLY, verb
        for target in ("empty", "new"):
            assert _fails(cli("--vault", str(small_fs / target), "init", "--firm", "F")) == READ_ONLY
            assert _fails(cli("--vault", str(small_fs / target), "demo", "--clients", "1")) == READ_ONLY
    finally:
        _remount(small_fs, "rw")
    assert {p.name: p.stat().st_size for p in folder.rglob("*")} == before
    assert not (small_fs / "new").exists() and list((small_fs / "empty").iterdir()) == []
    assert _ok(cli("--vault", str(folder), "verify"))[0][:2] == ["audit chain", "ok"]


def _fill(mount: Path) -> Path:
    """Fill the file system to the last byte; return the filler file."""
    filler = mount / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 65536, 4096, 512, 1):
            block = b"\0" * size
            try:
                while os.write(fd, block):
                    pass
            except OSError:
                continue
    finally:
        os.close(fd)
    assert os.statvfs(mount).f_bavail == 0
    return filler


def test_a_completely_full_disk_at_login_gives_one_line_and_loses_nothing(cli: Run, small_fs: Path) -> None:
    folder = small_fs / "vault"
    _ok(cli("--vault", str(folder), "init", "--firm", "测试代账公司"))
    events = int(_ok(cli("--vault", str(folder), "verify"))[0][2].split()[0])
    filler = _fill(small_fs)
    for verb in (["verify"], ["audit"], ["user", "list"], ["backup"]):
        assert _fails(cli("--vault", str(folder), *verb)) == FULL, verb
    assert _fails(cli("--vault", str(small_fs / "new"), "init", "--firm", "F")) == FULL
    filler.unlink()
    assert not (small_fs / "new").exists()
    lines = _ok(cli("--vault", str(folder), "verify"))
    assert lines[0][:2] == ["audit chain", "ok"] and int(lines[0][2].split()[0]) > events
    assert lines[1] == ["pages", "ok"]


# -- hostile arguments ------------------------------------------------------------------------------


def test_vault_naming_a_file(cli: Run, tmp_path: Path) -> None:
    afile = tmp_path / "a-file"
    afile.write_bytes(b"not a folder")
    for verb in (["init", "--firm", "F"], ["demo", "--clients", "1"], ["verify"], ["user", "list"]):
        line = _fails(cli("--vault", str(afile), *verb))
        assert line == "clientvault: --vault names a file: give the vault's folder (see 'clientvault --help')"
    assert afile.read_bytes() == b"not a folder"


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["--user", "bo\udcffss", "verify"], "--user"),
        (["init", "--firm", "某某\udce4代账"], "--firm"),
        (["user", "add", "acc2", "--role", "assistant", "--name", "会\udcff计"], "--name"),
        (["--vault", "v\udcff", "verify"], "--vault"),
    ],
    ids=["user", "firm", "name", "vault"],
)
def test_invalid_utf8_arguments(cli: Run, vault: Path, args: list[str], flag: str) -> None:
    # Undecodable argv bytes reach Python as lone surrogates (b"\xff" -> "\udcff"); subprocess turns them back.
    line = _fails(cli(*args))
    expected = f"{flag} is not valid UTF-8 text (names, paths and values must be UTF-8)"
    assert line == f"clientvault: {expected} (see 'clientvault --help')"


def test_invalid_utf8_user_name_from_the_environment(cli: Run, vault: Path) -> None:
    line = _fails(cli("verify", env={"CLIENTVAULT_USER": "bo\udcffss"}))
    assert line.startswith("clientvault: --user is not valid UTF-8 text")


def test_numbers_beyond_64_bits(cli: Run, vault: Path) -> None:
    for args in (
        ["erase", "--client", str(2**64), "--basis", "deletion_request", "--approver", "priv", "--witness", "王见证"],
        [
            "erase",
            "--client",
            str(-(2**63) - 1),
            "--basis",
            "deletion_request",
            "--approver",
            "priv",
            "--witness",
            "王见证",
        ],
        ["exports", "destroy", str(2**70)],
        ["audit", "--limit", str(10**30)],
    ):
        line = _fails(cli(*args))
        assert "is out of range (at most 9223372036854775807)" in line, args
    # The largest 64-bit number is a number like any other: no such record.
    assert _fails(cli("exports", "destroy", str(2**63 - 1))).startswith("clientvault: no such ")


def test_demo_clients_beyond_the_maximum(cli: Run, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    for count in ("10001", str(10**12), "-1"):
        line = _fails(cli("--vault", str(folder), "demo", "--clients", count))
        assert "--clients" in line, line
    assert _fails(cli("--vault", str(folder), "demo", "--clients", "10001")) == (
        "clientvault: --clients must be from 0 to 10000 (see 'clientvault --help')"
    )
    assert not folder.exists()


def test_verify_when_a_page_every_login_reads_is_damaged(cli: Run, vault: Path) -> None:
    opened = VaultService(kdf=FAST_KDF, cipher_log=vault.parent / "sqlcipher.log").unlock(vault, "boss", PASSWORD)
    try:
        page = int(opened.db.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'users'"))
    finally:
        opened.lock()
    db = vault / "vault.db"
    data = bytearray(db.read_bytes())
    data[(page - 1) * PAGE + 300] ^= 0x5A
    db.write_bytes(bytes(data))
    done = cli("verify")
    assert done.returncode == 1 and done.stderr == "", done.stderr
    reason = "pages read on every login are damaged; restore vault.db and vault.keys from the newest backup"
    assert done.stdout == f"vault\tunusable\t{reason}\n"
    line = _fails(cli("user", "list"))
    assert (
        line == "clientvault: vault.db has damaged pages; run 'clientvault verify' and restore from the newest backup"
    )
