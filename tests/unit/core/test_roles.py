"""The capability matrix, cell by cell, against DOMAIN.md's table written out here independently."""

from __future__ import annotations

import pytest

from clientvault.core.errors import AccessDenied
from clientvault.core.roles import Capability, Role, Scope, can, require, scope

# Columns: partner, accountant, assistant, privacy officer. Changing a cell in core/roles.py
# without changing it here (i.e. in DOMAIN.md) fails the test for that cell.
EXPECTED: dict[str, tuple[str, str, str, str]] = {
    "view_clients": ("all", "assigned", "active", "all"),
    "view_contacts": ("all", "assigned", "masked", "all"),
    "reveal_ids": ("all", "assigned", "none", "none"),
    "reveal_credentials": ("all", "assigned", "none", "none"),
    "edit_clients": ("all", "assigned", "prospects", "none"),
    "record_consent": ("all", "all", "all", "all"),
    "manage_purposes": ("all", "none", "none", "all"),
    "lock_clients": ("all", "request", "none", "none"),
    "open_locked": ("all", "none", "none", "none"),
    "request_erasure": ("all", "all", "none", "all"),
    "approve_erasure": ("approve", "none", "none", "none"),
    "execute_erasure": ("all", "none", "none", "all"),
    "import_excel": ("all", "assigned", "none", "none"),
    "export": ("all", "small_masked", "none", "register_only"),
    "view_audit": ("all", "none", "none", "all"),
    "manage_users": ("all", "none", "none", "none"),
    "manage_settings": ("all", "none", "none", "none"),
    "backup_restore": ("all", "none", "none", "none"),
    "registers": ("all", "own", "complaints", "all"),
    "scan_residue": ("all", "none", "none", "none"),
}
ROLES = (Role.PARTNER, Role.ACCOUNTANT, Role.ASSISTANT, Role.PRIVACY_OFFICER)
CELLS = [(role, cap) for cap in Capability for role in Role]


def test_table_covers_every_capability_and_role() -> None:
    assert set(EXPECTED) == {c.value for c in Capability}
    assert set(ROLES) == set(Role)


@pytest.mark.parametrize(("role", "capability"), CELLS, ids=[f"{r.value}-{c.value}" for r, c in CELLS])
def test_cell(role: Role, capability: Capability) -> None:
    expected = Scope(EXPECTED[capability.value][ROLES.index(role)])
    assert scope(role, capability) is expected
    assert can(role, capability) is (expected is not Scope.NONE)
    if expected is Scope.NONE:
        with pytest.raises(AccessDenied) as info:
            require(role, capability)
        assert info.value.capability == capability.value
    else:
        assert require(role, capability) is expected
