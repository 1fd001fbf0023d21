"""UserService: partner-only management, validation, partner key only for partners."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from clientvault.core.errors import AccessDenied, InvalidState, NotFound, ValidationError
from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter
from clientvault.services.context import Vault
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD, STAFF_PASSWORD


def test_partner_adds_every_role_and_each_logs_in_with_its_own_keys(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path
) -> None:
    users = UserService(new_vault, fast_vaults)
    for role in Role:
        users.add(f"u-{role.value}", f"名字 {role.value}", role, STAFF_PASSWORD)
    listed = {u.username: u for u in users.list()}
    assert set(listed) == {PARTNER, *(f"u-{r.value}" for r in Role)}
    assert all(u.active for u in listed.values())
    for role in Role:
        vault = fast_vaults.unlock(vault_dir, f"u-{role.value}", STAFF_PASSWORD)
        try:
            assert vault.session.role is role
            assert vault.session.keys is not None
            assert (vault.session.keys.pk is not None) is (role is Role.PARTNER)  # the sealed tier
        finally:
            vault.lock()


@pytest.mark.parametrize(
    ("username", "name", "password", "errors"),
    [
        ("a", "Name", STAFF_PASSWORD, {"username": "format"}),
        ("bad name!", "Name", STAFF_PASSWORD, {"username": "format"}),
        ("okname", "  ", STAFF_PASSWORD, {"display_name": "required"}),
        ("okname", "x\x07y", STAFF_PASSWORD, {"display_name": "control_chars"}),
        (PARTNER.upper(), "Name", STAFF_PASSWORD, {"username": "taken"}),
        ("okname", "Name", "short", {"password": "too_short"}),
    ],
    ids=["too-short-name", "bad-chars", "no-display-name", "control-char", "taken", "short-password"],
)
def test_validation(
    new_vault: Vault, fast_vaults: VaultService, username: str, name: str, password: str, errors: dict[str, str]
) -> None:
    users = UserService(new_vault, fast_vaults)
    slots = len(new_vault.keyfile.slots)
    with pytest.raises(ValidationError) as info:
        users.add(username, name, Role.ASSISTANT, password)
    assert info.value.errors == errors
    assert len(new_vault.keyfile.slots) == slots


def test_a_rejected_password_does_not_burn_the_user_name(new_vault: Vault, fast_vaults: VaultService) -> None:
    users = UserService(new_vault, fast_vaults)
    with pytest.raises(ValidationError):
        users.add("newbie", "新人", Role.ASSISTANT, "short")
    assert users.add("newbie", "新人", Role.ASSISTANT, STAFF_PASSWORD).active


@pytest.mark.parametrize("role", [Role.ACCOUNTANT, Role.ASSISTANT, Role.PRIVACY_OFFICER])
def test_only_partners_manage_users(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, add_staff: Callable[..., int], role: Role
) -> None:
    add_staff("staff", role)
    vault = fast_vaults.unlock(vault_dir, "staff", STAFF_PASSWORD)
    try:
        assert fast_vaults.remember_workstation(vault, "246810")
        ws_slot = fast_vaults.workstation_slots(vault)[0].slot_id  # even their own: not via the staff page
        users = UserService(vault, fast_vaults)
        calls: list[Callable[[], object]] = [
            users.list,
            lambda: users.add("other", "Other", Role.ASSISTANT, STAFF_PASSWORD),
            lambda: users.disable(new_vault.session.user_id),
            lambda: users.by_username(PARTNER),
            lambda: users.workstation_logins(vault.session.user_id),
            lambda: users.revoke_workstation(ws_slot),
        ]
        for call in calls:
            with pytest.raises(AccessDenied):
                call()
        denied = vault.audit.page(AuditFilter(action_prefix="access.denied"), limit=10)
        assert len(denied) == len(calls) and {e.reason for e in denied} == {"manage_users"}
        users.change_own_password(STAFF_PASSWORD, "staff-new-pass-1")  # every role may do this
    finally:
        vault.lock()
    fast_vaults.unlock(vault_dir, "staff", "staff-new-pass-1").lock()


def test_disable_rules(new_vault: Vault, fast_vaults: VaultService, add_staff: Callable[..., int]) -> None:
    users = UserService(new_vault, fast_vaults)
    with pytest.raises(InvalidState) as info:
        users.disable(new_vault.session.user_id)
    assert info.value.code == "cannot_disable_self"
    with pytest.raises(NotFound):
        users.disable(999)
    second = add_staff("partner2", Role.PARTNER)
    users.disable(second)
    assert not users.by_username("partner2").active
    generation = new_vault.keyfile.generation
    users.disable(second)  # already disabled: nothing happens, no rekey
    assert new_vault.keyfile.generation == generation


def test_partner_lists_and_revokes_workstation_logins(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, add_staff: Callable[..., int]
) -> None:
    acc = add_staff("acc")
    new_vault.lock()
    vault = fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD)
    assert fast_vaults.remember_workstation(vault, "246810")
    vault.lock()
    partner = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    try:
        users = UserService(partner, fast_vaults)
        logins = users.workstation_logins(acc)
        assert [(w.user_id, len(w.expires)) for w in logins] == [(acc, 10)]
        assert users.workstation_logins(partner.session.user_id) == []
        recovery = next(s.slot_id for s in partner.keyfile.slots if s.kind == "recovery")
        with pytest.raises(NotFound):
            users.revoke_workstation(recovery)
        users.revoke_workstation(logins[0].slot_id)
        assert users.workstation_logins(acc) == []
        assert partner.audit.page(AuditFilter(action_prefix="key."), limit=1)[0].action == "key.workstation_revoked"
    finally:
        partner.lock()
    assert not fast_vaults.has_workstation_login(vault_dir, "acc")
