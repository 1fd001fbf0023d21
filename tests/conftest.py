"""Shared fixtures: temporary vaults with a cheap KDF and an in-memory keyring (never the OS keychain)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clientvault.security.keyfile import FAST_KDF
from clientvault.security.workstation import WorkstationKeyring
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService
from tests.fixtures.memkeyring import MemoryKeyring

PARTNER = "boss"
PARTNER_PASSWORD = "partner-pass-1"
FIRM = "测试代账公司"


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
    )


@pytest.fixture
def new_vault(fast_vaults: VaultService, vault_dir: Path) -> Iterator[Vault]:
    """A freshly created vault, unlocked for partner ``boss``; locked at teardown."""
    created = fast_vaults.create(
        vault_dir,
        firm_name=FIRM,
        partner_username=PARTNER,
        partner_display_name="老板",
        partner_password=PARTNER_PASSWORD,
    )
    yield created.vault
    created.vault.lock()
