"""Concurrency is never reported as damage (issue 9 item 3), with real command-line processes.

Two ``user disable`` at once, four ``user add`` at once, and ``backup`` while other processes
add users: each command ends with its result or with the one clear "busy, try again" line; none
may say the files are "from different points in time" or otherwise damaged, and afterwards every
account told "added" logs in and every account told "disabled" does not.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clientvault.core.errors import WrongCredentials
from clientvault.core.roles import Role
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD, create_test_vault

STAFF = "staff-pass-123"
DAMAGE_WORDS = ("different points in time", "damaged", "restore both", "internal error")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX process handling")


def _env(tmp_path: Path, folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTVAULT_")}
    env.update(CLIENTVAULT_TESTING="1", CLIENTVAULT_VAULT=str(folder), CLIENTVAULT_USER=PARTNER,
               CLIENTVAULT_PASSWORD=PARTNER_PASSWORD, XDG_STATE_HOME=str(tmp_path / "state"),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")  # fmt: skip
    return env


def _start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    argv = [sys.executable, "-m", "clientvault.cli", "--kdf-profile", "fast", *args]
    pipe = subprocess.PIPE
    return subprocess.Popen(argv, env=env, stdout=pipe, stderr=pipe, stdin=subprocess.DEVNULL, text=True)


def _results(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        out.append((p.returncode, stdout, stderr))
    return out


def _no_false_damage(results: list[tuple[int, str, str]]) -> None:
    for code, _out, err in results:
        assert not any(word in err for word in DAMAGE_WORDS), err
        assert code in (0, 2), err
        if code == 2:
            assert "busy" in err, err


def _logs_in(vaults: VaultService, folder: Path, user: str, password: str = STAFF) -> bool:
    try:
        vaults.unlock(folder, user, password).lock()
    except WrongCredentials:
        return False
    return True


@pytest.fixture
def staffed(fast_vaults: VaultService, vault_dir: Path) -> Path:
    vault = create_test_vault(fast_vaults, vault_dir).vault
    users = UserService(vault, fast_vaults)
    for name in ("alice", "bob", "carol"):
        users.add(name, name, Role.ACCOUNTANT, STAFF)
    vault.lock()
    return vault_dir


# Seen in about 1 run of 10 on the 2-core machine: a session that opened before another process
# re-keyed reads a page under the old key and says "vault.db is damaged" instead of "keys changed,
# log in again". The key-change protocol is the lead engineer's (issue 9 items 1 and 6).
def test_two_user_disable_at_once(staffed: Path, fast_vaults: VaultService, tmp_path: Path) -> None:
    env = _env(tmp_path, staffed)
    results = _results([_start(env, "user", "disable", "alice"), _start(env, "user", "disable", "bob")])
    _no_false_damage(results)
    done = {name for name, (code, _o, _e) in zip(("alice", "bob"), results, strict=True) if code == 0}
    for name in ("alice", "bob"):
        assert _logs_in(fast_vaults, staffed, name) == (name not in done)
    assert _logs_in(fast_vaults, staffed, "carol")
    assert _logs_in(fast_vaults, staffed, PARTNER, PARTNER_PASSWORD)


# Seen once in 10 runs: one of four accounts told "added" could not log in (issue 9 item 1, lead).
def test_four_user_add_at_once(staffed: Path, fast_vaults: VaultService, tmp_path: Path) -> None:
    env = _env(tmp_path, staffed)
    pw = tmp_path / "pw"
    pw.write_text(STAFF + "\n")
    names = [f"new{i}" for i in range(4)]
    results = _results([_start(env, "user", "add", n, "--role", "assistant", "--new-password-file", str(pw))
                        for n in names])  # fmt: skip
    _no_false_damage(results)
    for name, (code, out, _err) in zip(names, results, strict=True):
        if code == 0:
            assert out.startswith("added"), out
            assert _logs_in(fast_vaults, staffed, name), f"{name} was told added but cannot log in"


def test_backup_while_others_add_users(staffed: Path, fast_vaults: VaultService, tmp_path: Path) -> None:
    env = _env(tmp_path, staffed)
    pw = tmp_path / "pw"
    pw.write_text(STAFF + "\n")
    assert _results([_start(env, "backup")])[0][0] == 0  # backups set up
    results = []
    for round_ in range(2):
        writers = [_start(env, "user", "add", f"w{round_}{i}", "--role", "assistant", "--new-password-file", str(pw))
                   for i in range(2)]  # fmt: skip
        time.sleep(0.2)
        backup = _start(env, "backup")
        results += _results([backup, *writers])
    _no_false_damage(results)


WRITER = (
    "import sys, time\nfrom pathlib import Path\nfrom clientvault.core.records import ClientInput\n"
    "from clientvault.security.keyfile import FAST_KDF\nfrom clientvault.services.clients import ClientService\n"
    "from clientvault.services.vault import VaultService\n"
    "v = VaultService(kdf=FAST_KDF).unlock(Path(sys.argv[1]), 'boss', 'partner-pass-1')\n"
    "Path(sys.argv[2]).write_text('1')\nend = time.time() + float(sys.argv[3])\n"
    "while time.time() < end:\n"
    "    ClientService(v).create(ClientInput(name='写入中的客户', engagement_start='2021-01-01'))\n"
    "v.lock()\n"
)


def test_backup_while_another_process_keeps_writing(staffed: Path, tmp_path: Path) -> None:
    env = _env(tmp_path, staffed)
    ready = tmp_path / "writer-ready"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(staffed), str(ready), "6"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    while not ready.exists():
        assert writer.poll() is None, writer.communicate()[1]
        time.sleep(0.02)
    results = _results([_start(env, "backup")])
    results += _results([_start(env, "backup")])
    _, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    _no_false_damage(results)
    assert [code for code, _o, _e in results] == [0, 0], results
