"""``init`` and ``demo`` are all-or-nothing (issue 9 item 5): a real process killed midway leaves no
half-made vault; the next creation for the same folder succeeds and removes the leftover."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from clientvault.core.errors import InvalidState
from clientvault.services.demo import create_demo_vault
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD, create_test_vault

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and flock are POSIX")

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from clientvault.security import keyfile
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services import users as users_module
    from clientvault.services.demo import create_demo_vault
    from clientvault.services.vault import VaultService

    folder, marker, what = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]

    def stop(*_a, **_k):
        marker.write_text("here")
        time.sleep(600)

    vaults = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "child.log")
    if what == "init":
        keyfile.save = stop  # after the database exists, before vault.keys is written
        vaults.create(folder, firm_name="测试代账公司", partner_username="boss", partner_display_name="老板",
                      partner_password="partner-pass-1")
    else:
        real_add = users_module.UserService.add
        calls = []
        def add(self, *a, **k):
            calls.append(1)
            if len(calls) == 2:
                stop()
            return real_add(self, *a, **k)
        users_module.UserService.add = add
        create_demo_vault(vaults, folder, clients=5)
    """
)


def _kill_midway(folder: Path, what: str) -> None:
    marker = folder.parent / "marker"
    marker.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(marker), what],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.time() + 120
    while not marker.exists():
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            _, err = proc.communicate()
            pytest.fail("child never got midway: " + err.decode(errors="replace")[-2000:])
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.parent.iterdir() if ".creating-" in p.name]


@pytest.mark.parametrize("what", ["init", "demo"])
def test_a_killed_creation_leaves_no_vault_and_the_next_one_succeeds(
    fast_vaults: VaultService, vault_dir: Path, what: str
) -> None:
    _kill_midway(vault_dir, what)
    assert not fast_vaults.vault_exists(vault_dir)
    assert _leftovers(vault_dir)  # the half-built folder, beside the target, is nothing's vault
    created = create_test_vault(fast_vaults, vault_dir)
    created.vault.lock()
    assert _leftovers(vault_dir) == []
    vault = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    try:
        assert vault.db.integrity_problems() == []
        assert vault.audit.verify().ok
    finally:
        vault.lock()


def test_creation_into_an_empty_or_a_non_empty_folder(fast_vaults: VaultService, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    create_test_vault(fast_vaults, empty).vault.lock()
    assert fast_vaults.unlock(empty, PARTNER, PARTNER_PASSWORD).db.integrity_problems() == []
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "readme.txt").write_text("other files stay")
    create_test_vault(fast_vaults, busy).vault.lock()
    assert (busy / "readme.txt").read_text() == "other files stay"
    assert fast_vaults.unlock(busy, PARTNER, PARTNER_PASSWORD).audit.verify().ok
    assert _leftovers(empty) == []
    with pytest.raises(InvalidState):
        create_test_vault(fast_vaults, busy)
    with pytest.raises(InvalidState):
        create_demo_vault(fast_vaults, busy, clients=1, populate=None)


def test_the_demo_is_built_whole(fast_vaults: VaultService, vault_dir: Path) -> None:
    logins = create_demo_vault(fast_vaults, vault_dir, clients=3)
    assert (vault_dir / "DEMO-LOGINS.txt").exists()
    for login in logins:
        fast_vaults.unlock(vault_dir, login.username, login.password).lock()
    assert _leftovers(vault_dir) == []
