"""The register service tests' shared setup (``tests.fixtures.registers``): staff, the planted client, logins.

A test module names other staff by defining its own ``register_staff`` fixture.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pytest

from clientvault.services.context import Vault
from clientvault.services.vault import VaultService
from tests.fixtures.planted import Planted
from tests.fixtures.registers import THREE, logged_in, staff_and_client


@pytest.fixture
def register_staff() -> Sequence[str]:
    """The usernames added, in this order (roles: ``tests.fixtures.registers.STAFF_ROLES``)."""
    return THREE


@pytest.fixture
def planted(new_vault: Vault, add_staff: Callable[..., int], register_staff: Sequence[str]) -> Planted:
    """The staff added and the planted client, assigned to ``acc``."""
    return staff_and_client(new_vault, add_staff, register_staff)


@pytest.fixture
def logins(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, register_staff: Sequence[str]
) -> Iterator[dict[str, Vault]]:
    """``{"boss": the partner's vault, username: that member's vault}``."""
    yield from logged_in(new_vault, fast_vaults, register_staff)
