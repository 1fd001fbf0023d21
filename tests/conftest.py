"""Shared fixtures: temporary vaults with a cheap KDF and an in-memory keyring (never the OS keychain)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from clientvault.security.keyfile import FAST_KDF
from clientvault.security.workstation import WorkstationKeyring
from clientvault.services.context import Vault
from clientvault.services.vault import CreatedVault, VaultService
from clientvault.storage.users import SettingsRepository
from tests.fixtures.memkeyring import MemoryKeyring

PARTNER = "boss"
PARTNER_PASSWORD = "partner-pass-1"
FIRM = "测试代账公司"


#: The firm's notice details of every test vault (a consent form refuses to print without them).
FIRM_NOTICE = {
    "address": "杭州市西湖区文三路 100 号",
    "phone": "0571-8888 0000",
    "email": "office@example.cn",
    "privacy_contact": "个人信息保护负责人 李四，0571-8888 0001",
    "complaint_channel": "privacy@example.cn",
}


def create_test_vault(vaults: VaultService, folder: Path) -> CreatedVault:
    """Create the standard test vault (partner ``boss``) in ``folder``; it comes back unlocked.

    Its notice details (address, phone, e-mail, privacy contact) are filled in, as the first-run
    wizard does, so consent forms can be printed; tests of the refusal clear them.
    """
    created = vaults.create(
        folder,
        firm_name=FIRM,
        partner_username=PARTNER,
        partner_display_name="老板",
        partner_password=PARTNER_PASSWORD,
    )
    settings = SettingsRepository(created.vault.db)
    with created.vault.db.transaction():
        for key, value in FIRM_NOTICE.items():
            settings.set(f"notice.{key}", value)
    return created


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    """A not-yet-existing vault folder inside the test's temporary directory."""
    return tmp_path / "vault"


@pytest.fixture
def fast_vaults(tmp_path: Path) -> VaultService:
    """A VaultService with the fast KDF, an in-memory keyring and the SQLCipher log in tmp."""
    return VaultService(
        kdf=FAST_KDF,
        keyring=WorkstationKeyring(backend=MemoryKeyring()),
        cipher_log=tmp_path / "sqlcipher.log",
        state_dir=tmp_path / "workstation-state",
    )


@pytest.fixture
def new_vault(fast_vaults: VaultService, vault_dir: Path) -> Iterator[Vault]:
    """A freshly created vault, unlocked for partner ``boss``; locked at teardown."""
    created = create_test_vault(fast_vaults, vault_dir)
    yield created.vault
    created.vault.lock()


# --- desktop (ui/) tests -------------------------------------------------------------------------
# Qt reads the platform when the QApplication is created; set it before any test creates one.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class FakeClock:
    """A settable clock for VaultService (throttling, workstation expiry)."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        self.now += seconds


@pytest.fixture
def clock(fast_vaults: VaultService) -> FakeClock:
    """A fake clock installed in ``fast_vaults``."""
    fake = FakeClock()
    fast_vaults.clock = fake
    return fake


STAFF_PASSWORD = "staff-pass-12"


@pytest.fixture
def add_staff(new_vault: Vault, fast_vaults: VaultService) -> Callable[..., int]:
    """Add a staff account as the partner of ``new_vault`` (with a signed agreement); returns the new user's id."""
    from clientvault.core.roles import Role
    from clientvault.services.users import UserService
    from tests.fixtures.staffing import sign_agreement

    def add(
        username: str,
        role: Role = Role.ACCOUNTANT,
        password: str = STAFF_PASSWORD,
        name: str = "",
        *,
        agreement: bool = True,
    ) -> int:
        """``agreement``: record a signed confidentiality agreement, as a real firm does (reveals need it)."""
        uid = UserService(new_vault, fast_vaults).add(username, name or username, role, password).id
        if agreement:
            sign_agreement(new_vault, uid)
        return uid

    return add
