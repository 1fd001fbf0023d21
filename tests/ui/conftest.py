"""Fixtures for driving the real widgets offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from clientvault.app import firm_name_adapter, register_font, render_recovery_sheet_adapter
from clientvault.core.paths import resources_dir
from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.ui.context import UiContext
from clientvault.ui.i18n import Translators
from tests.fixtures.planted import Planted, plant

USERS = {
    Role.ACCOUNTANT: ("acc", "accountant-pass-1"),
    Role.ASSISTANT: ("asst", "assistant-pass-1"),
    Role.PRIVACY_OFFICER: ("priv", "privacy-pass-1"),
}


@pytest.fixture
def ui_ctx(qapp: QApplication, fast_vaults: VaultService, vault_dir: Path, tmp_path: Path) -> UiContext:
    """A UI context over a temporary folder, English UI, settings in tmp."""
    register_font(qapp)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(
        vaults=fast_vaults,
        folder=vault_dir,
        settings=settings,
        render_recovery_sheet=render_recovery_sheet_adapter,
        firm_name=firm_name_adapter,  # type: ignore[arg-type]
        language="en",
    )


@pytest.fixture
def staffed_vault(new_vault: Vault, fast_vaults: VaultService) -> Vault:
    """The new vault with one account per non-partner role, each with a signed confidentiality agreement."""
    from tests.fixtures.staffing import sign_agreement

    users = UserService(new_vault, fast_vaults)
    for role, (name, password) in USERS.items():
        sign_agreement(new_vault, users.add(name, f"{name} name", role, password).id)
    return new_vault


@pytest.fixture
def logins(staffed_vault: Vault, fast_vaults: VaultService) -> Iterator[dict[Role, Vault]]:
    """Every role logged in to ``staffed_vault`` (the partner's own session under ``Role.PARTNER``)."""
    opened = {role: fast_vaults.unlock(staffed_vault.paths.folder, *USERS[role]) for role in USERS}
    yield {Role.PARTNER: staffed_vault, **opened}
    for vault in opened.values():
        vault.lock()


@pytest.fixture
def planted(logins: dict[Role, Vault]) -> Planted:
    """The planted client (``tests.fixtures.planted``), assigned to the accountant."""
    return plant(logins[Role.PARTNER], accountant_ids=[logins[Role.ACCOUNTANT].session.user_id])


@pytest.fixture
def zh_cn(qapp: QApplication, tmp_path: Path) -> Iterator[Translators]:
    """Install the zh_CN translators for one test (the default QLocale is put back afterwards)."""
    before = QLocale()
    translators = Translators()
    translators.install(qapp, "zh_CN", resources_dir() / "translations", tmp_path / "qm")
    yield translators
    translators.install(qapp, "en", resources_dir() / "translations", tmp_path / "qm")
    QLocale.setDefault(before)  # install() sets it; later tests format numbers in the locale they started with
