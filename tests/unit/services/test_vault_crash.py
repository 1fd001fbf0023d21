"""A process killed in the middle of a key change leaves a vault that opens and rolls forward."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from clientvault.core.errors import WrongCredentials
from clientvault.core.roles import Role
from clientvault.security import keyfile as kf
from clientvault.services.audit import AuditFilter
from clientvault.services.context import Vault
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD, STAFF_PASSWORD

# The child logs in, arms a kill point, and disables user "acc" (a rekey). os._exit skips every
# finally/close: the files are left exactly as a power cut or a killed process would leave them.
CHILD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from clientvault.security import keyfile as kf
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services.users import UserService
    from clientvault.services.vault import VaultService
    from clientvault.storage.db import Database

    folder, point = Path(sys.argv[1]), sys.argv[2]
    vaults = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "child-sqlcipher.log")
    vault = vaults.unlock(folder, "boss", "partner-pass-1")
    saves = []
    real_save, real_rekey = kf.save, Database.rekey

    def save(path, keyfile):
        saves.append(keyfile)
        if point == "before_final_save" and len(saves) == 2:
            os._exit(0)
        real_save(path, keyfile)
        if point == "after_pending_save" and len(saves) == 1:
            os._exit(0)

    def rekey(self, key):
        if point == "before_rekey":
            os._exit(0)
        real_rekey(self, key)

    kf.save, Database.rekey = save, rekey
    users = UserService(vault, vaults)
    users.disable(users.by_username("acc").id)
    sys.exit(3)  # not reached: every point kills the process
    """
)


@pytest.mark.parametrize("point", ["after_pending_save", "before_rekey", "before_final_save"])
def test_killed_during_a_rekey_rolls_forward_or_back(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, add_staff: Callable[..., int], point: str
) -> None:
    add_staff("acc")
    add_staff("helper")
    new_vault.lock()
    done = subprocess.run([sys.executable, "-c", CHILD, str(vault_dir), point], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    pending = kf.load(vault_dir / "vault.keys")
    assert pending.previous is not None  # the crash left a key change in flight

    vault = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    try:
        final = kf.load(vault_dir / "vault.keys")
        # Killed before the database step committed: nothing of the change reached the database,
        # so vault.keys goes back to the previous slots; after the commit, it is finished.
        committed = point != "after_pending_save"
        assert final.previous is None and final.generation == pending.generation - (not committed)
        assert vault.audit.verify().ok
        assert vault.db.integrity_problems() == []
        assert vault.audit.count(AuditFilter(action_prefix="key.user_revoked")) == (point != "after_pending_save")
        # Issue 9 finding 6: the account is marked disabled in the same transaction as the key
        # change, so it is disabled exactly when the change reached the database; re-running
        # `user disable` finishes a half-done one and leaves no slot for the account.
        users = UserService(vault, fast_vaults)
        acc = users.by_username("acc")
        assert acc.active == (point == "after_pending_save")
        users.disable(acc.id)
        assert not users.by_username("acc").active
        assert not [s for s in kf.load(vault_dir / "vault.keys").slots if s.user_id == acc.id]
    finally:
        vault.lock()
    fast_vaults.unlock(vault_dir, "helper", STAFF_PASSWORD).lock()
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD)


ADD_CHILD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from clientvault.core.roles import Role
    from clientvault.security import keyfile as kf
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services.users import UserService
    from clientvault.services.vault import VaultService

    folder, point = Path(sys.argv[1]), sys.argv[2]
    vaults = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "child-sqlcipher.log")
    vault = vaults.unlock(folder, "boss", "partner-pass-1")
    saves = []
    real_save = kf.save

    def save(path, keyfile):
        saves.append(keyfile)
        if point == "before_pending_save" and len(saves) == 1:
            os._exit(0)
        real_save(path, keyfile)
        if point == "after_pending_save" and len(saves) == 1:
            os._exit(0)

    kf.save = save
    UserService(vault, vaults).add("newbie", "新同事", Role.ACCOUNTANT, "staff-pass-12")
    sys.exit(3)  # not reached
    """
)


@pytest.mark.parametrize("point", ["before_pending_save", "after_pending_save"])
def test_a_killed_user_add_leaves_no_active_account_without_a_login(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, point: str
) -> None:
    new_vault.lock()
    done = subprocess.run([sys.executable, "-c", ADD_CHILD, str(vault_dir), point], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    vault = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    try:
        users = UserService(vault, fast_vaults)
        assert not users.by_username("newbie").active  # never told "added": not an active account
        users.add("newbie", "新同事", Role.ACCOUNTANT, STAFF_PASSWORD)  # the add runs again
    finally:
        vault.lock()
    fast_vaults.unlock(vault_dir, "newbie", STAFF_PASSWORD).lock()
