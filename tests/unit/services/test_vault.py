"""VaultService: create, log in, lock, throttling, password change, rekey, recovery, workstation logins."""

from __future__ import annotations

import base64
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from clientvault.cli import error_message
from clientvault.core.errors import (
    AccessDenied,
    DamagedFile,
    LoginThrottled,
    NotFound,
    ValidationError,
    WrongCredentials,
)
from clientvault.core.roles import Role
from clientvault.security import keyfile as kf
from clientvault.security.workstation import WorkstationKeyring
from clientvault.services.audit import AuditFilter
from clientvault.services.context import Vault
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.storage.db import Database
from clientvault.storage.users import MetaRepository
from tests.conftest import PARTNER, PARTNER_PASSWORD, STAFF_PASSWORD, FakeClock, create_test_vault
from tests.fixtures.memkeyring import BrokenKeyring, NoKeyring

PIN = "246810"


def _slots_json(folder: Path) -> dict[str, dict[str, object]]:
    doc = json.loads((folder / "vault.keys").read_text(encoding="utf-8"))
    return {s["slot_id"]: s for s in doc["slots"]}


def _db_generation(folder: Path, dk: bytes) -> int:
    db = Database(folder / "vault.db", dk)
    try:
        return int(MetaRepository(db).get("generation") or 0)
    finally:
        db.close()


def _failure(call: Callable[[], object]) -> Exception:
    with pytest.raises(Exception) as info:
        call()
    return info.value  # type: ignore[return-value]


def test_create_writes_both_files_and_lock_drops_the_keys(new_vault: Vault, vault_dir: Path) -> None:
    assert (vault_dir / "vault.db").is_file() and (vault_dir / "vault.keys").is_file()
    assert new_vault.session.role is Role.PARTNER and new_vault.session.keys is not None
    assert new_vault.session.keys.pk is not None  # partners hold the partner key
    keys = kf.load(vault_dir / "vault.keys")
    assert keys.generation == 1 and {s.kind for s in keys.slots} == {"user", "recovery"}
    dk = new_vault.session.keys.dk
    new_vault.lock()
    assert new_vault.locked and new_vault.session.keys is None
    assert _db_generation(vault_dir, dk) == 1


def test_unlock_after_lock(new_vault: Vault, fast_vaults: VaultService, vault_dir: Path) -> None:
    new_vault.lock()
    vault = fast_vaults.unlock(vault_dir, "  BOSS ", PARTNER_PASSWORD)  # names are case/space-insensitive
    try:
        assert vault.session.username == PARTNER
        assert vault.audit.page(AuditFilter(action_prefix="session.login"), limit=1)[0].outcome == "ok"
    finally:
        vault.lock()


def test_wrong_password_and_unknown_user_are_indistinguishable(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path
) -> None:
    new_vault.lock()
    wrong = _failure(lambda: fast_vaults.unlock(vault_dir, PARTNER, "not-the-password"))
    unknown = _failure(lambda: fast_vaults.unlock(vault_dir, "nobody", PARTNER_PASSWORD))
    assert type(wrong) is type(unknown) is WrongCredentials
    assert wrong.args == unknown.args and str(wrong) == str(unknown)
    assert error_message(wrong) == error_message(unknown) == "wrong user name or password"  # type: ignore[arg-type]


def test_throttling_after_three_failures(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, clock: FakeClock
) -> None:
    new_vault.lock()
    for _ in range(3):
        with pytest.raises(WrongCredentials):
            fast_vaults.unlock(vault_dir, PARTNER, "bad-password-x")
    # Now even the right password waits: guessing gets slower, exponentially.
    with pytest.raises(LoginThrottled) as info:
        fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    assert info.value.retry_after >= 1
    clock.advance(info.value.retry_after)
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock(vault_dir, PARTNER, "bad-password-x")
    with pytest.raises(LoginThrottled) as second:
        fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    assert second.value.retry_after > info.value.retry_after
    # Another name (with another 8-bit login tag) is not slowed by this one's failures.
    vault_id = kf.load(vault_dir / "vault.keys").vault_id
    other = next(
        n for n in (f"someone{i}" for i in range(50)) if kf.login_tag(vault_id, n) != kf.login_tag(vault_id, PARTNER)
    )
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock(vault_dir, other, PARTNER_PASSWORD)
    clock.advance(second.value.retry_after)
    fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD).lock()


def test_failed_attempts_reach_the_audit_at_the_next_login(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, clock: FakeClock
) -> None:
    vault_id = new_vault.vault_id
    new_vault.lock()
    nobody = next(
        n for n in (f"nobody{i}" for i in range(50)) if kf.login_tag(vault_id, n) != kf.login_tag(vault_id, PARTNER)
    )
    for _ in range(2):
        with pytest.raises(WrongCredentials):
            fast_vaults.unlock(vault_dir, PARTNER, "bad-password-x")
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock(vault_dir, nobody, "bad-password-x")
    # Finding 6: the side file says the same for a real and an unknown name (no user ids).
    lockout = json.loads((vault_dir / "vault.lockout").read_text(encoding="utf-8"))
    assert {json.dumps(sorted(p)) for e in lockout.values() for p in e["pending"]} == {'["at"]'}
    vault = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    try:
        failed = vault.audit.page(AuditFilter(action_prefix="session.login"), limit=50)
        failed = [e for e in failed if e.outcome == "failed"]
        partner_tag, nobody_tag = kf.login_tag(vault_id, PARTNER), kf.login_tag(vault_id, nobody)
        assert sorted((e.object, e.user_id) for e in failed) == sorted(
            [(f"login:{partner_tag}", None), (f"login:{partner_tag}", None), (f"login:{nobody_tag}", None)]
        )
        assert vault.audit.verify().ok
    finally:
        vault.lock()
    lockout = (
        (vault_dir / "vault.lockout").read_text(encoding="utf-8") if (vault_dir / "vault.lockout").exists() else ""
    )
    assert PARTNER not in lockout and "nobody" not in lockout  # login tags only


def test_password_change_rewraps_only_that_slot(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, add_staff: Callable[..., int]
) -> None:
    add_staff("acc")
    before = _slots_json(vault_dir)
    gen = new_vault.keyfile.generation
    UserService(new_vault, fast_vaults).change_own_password(PARTNER_PASSWORD, "a-new-partner-pass")
    after = _slots_json(vault_dir)
    changed = {sid for sid in before if before[sid] != after.get(sid)}
    mine = {sid for sid, s in before.items() if s["kind"] == "user" and s["user_id"] == new_vault.session.user_id}
    assert changed == mine
    assert len(after) == len(before)
    assert kf.load(vault_dir / "vault.keys").generation == gen + 1
    new_vault.lock()
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    fast_vaults.unlock(vault_dir, PARTNER, "a-new-partner-pass").lock()
    fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD).lock()


def test_password_change_needs_the_old_password(new_vault: Vault, fast_vaults: VaultService, vault_dir: Path) -> None:
    before = (vault_dir / "vault.keys").read_bytes()
    with pytest.raises(WrongCredentials):
        fast_vaults.change_password(new_vault, "not-the-old-one", "a-new-partner-pass")
    with pytest.raises(ValidationError):
        fast_vaults.change_password(new_vault, PARTNER_PASSWORD, "short")
    assert (vault_dir / "vault.keys").read_bytes() == before
    assert new_vault.audit.page(AuditFilter(action_prefix="key.password_change"), limit=1)[0].outcome == "failed"


def test_disable_user_rekeys_so_the_old_slot_and_old_key_open_nothing(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, add_staff: Callable[..., int]
) -> None:
    acc_id = add_staff("acc")
    add_staff("helper", Role.ASSISTANT)
    saved_keys = vault_dir.parent / "saved.keys"
    shutil.copy(vault_dir / "vault.keys", saved_keys)
    old = kf.load(saved_keys)
    acc_slot = next(s for s in old.slots if s.user_id == acc_id)
    old_dk = kf.unwrap_slot(old.vault_id, acc_slot, kf.derive_password_key(STAFF_PASSWORD, acc_slot.kdf)).dk
    assert old_dk == new_vault.session.keys.dk  # type: ignore[union-attr]

    UserService(new_vault, fast_vaults).disable(acc_id)

    new = kf.load(vault_dir / "vault.keys")
    assert new.generation == old.generation + 1 and new.previous is None
    assert all(s.user_id != acc_id for s in new.slots)
    new_dk = new_vault.session.keys.dk  # type: ignore[union-attr]
    assert new_dk != old_dk
    assert _db_generation(vault_dir, new_dk) == new.generation
    new_vault.lock()
    # What the revoked accountant kept (their old slot, their password, the old DK) opens nothing.
    with pytest.raises(DamagedFile):
        Database(vault_dir / "vault.db", old_dk)
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD)
    for name, password in ((PARTNER, PARTNER_PASSWORD), ("helper", STAFF_PASSWORD)):
        vault = fast_vaults.unlock(vault_dir, name, password)
        assert vault.audit.verify().ok
        vault.lock()


def test_recovery_code_resets_a_partner_password(fast_vaults: VaultService, vault_dir: Path) -> None:
    created = create_test_vault(fast_vaults, vault_dir)
    created.vault.lock()
    code = created.recovery_code
    typed = code.lower().replace("-", " ")  # read off the paper, typed lower-case with spaces
    with pytest.raises(WrongCredentials):
        fast_vaults.reset_partner_password(vault_dir, "AAAA-" + code[5:], PARTNER, "a-brand-new-pass")
    vault = fast_vaults.reset_partner_password(vault_dir, typed, PARTNER, "a-brand-new-pass")
    assert vault.session.role is Role.PARTNER and vault.session.keys is not None and vault.session.keys.pk
    actions = [e.action for e in vault.audit.page(limit=5)]
    assert "key.password_reset" in actions
    vault.lock()
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    fast_vaults.unlock(vault_dir, PARTNER, "a-brand-new-pass").lock()


def test_recovery_code_resets_partners_only(fast_vaults: VaultService, vault_dir: Path) -> None:
    created = create_test_vault(fast_vaults, vault_dir)
    UserService(created.vault, fast_vaults).add("acc", "会计", Role.ACCOUNTANT, STAFF_PASSWORD)
    created.vault.lock()
    # The code is right, but it resets partners only: the same error as a wrong code.
    for name in ("acc", "nobody"):
        with pytest.raises(WrongCredentials):
            fast_vaults.reset_partner_password(vault_dir, created.recovery_code, name, "a-brand-new-pass")
    fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD).lock()


def test_workstation_pin_login_expiry_and_revoke(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, clock: FakeClock
) -> None:
    assert fast_vaults.remember_workstation(new_vault, PIN, days=30) is True
    slot = fast_vaults.workstation_slots(new_vault)[0]
    new_vault.lock()
    assert fast_vaults.has_workstation_login(vault_dir, PARTNER)
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock_with_pin(vault_dir, PARTNER, "999999")
    vault = fast_vaults.unlock_with_pin(vault_dir, PARTNER, PIN)
    assert vault.audit.page(AuditFilter(action_prefix="session.login"), limit=1)[0].reason == "workstation_pin"
    vault.lock()

    clock.advance(31 * 86400)
    assert not fast_vaults.has_workstation_login(vault_dir, PARTNER)
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock_with_pin(vault_dir, PARTNER, PIN)
    clock.advance(-31 * 86400)

    vault = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    before = kf.load(vault_dir / "vault.keys")
    secret = fast_vaults.keyring.fetch(f"{vault.vault_id}:{slot.slot_id}")
    assert secret is not None
    fast_vaults.revoke_workstation(vault, slot.slot_id)
    assert fast_vaults.keyring.fetch(f"{vault.vault_id}:{slot.slot_id}") is None
    vault.lock()
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock_with_pin(vault_dir, PARTNER, PIN)
    # A copy of the secret, the PIN and the old vault.keys give only the old key: the DB moved on.
    old_slot = next(s for s in before.slots if s.slot_id == slot.slot_id)
    old_dk = kf.unwrap_slot(before.vault_id, old_slot, kf.derive_workstation_key(secret, PIN, old_slot.kdf)).dk
    with pytest.raises(DamagedFile):
        Database(vault_dir / "vault.db", old_dk)


MARKER = b"\xa5" * 32


@pytest.mark.parametrize("backend", [NoKeyring, BrokenKeyring], ids=["no-backend", "keyring-refuses"])
def test_no_usable_keyring_falls_back_and_writes_no_secret(
    fast_vaults: VaultService, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: type
) -> None:
    fast_vaults.keyring = WorkstationKeyring(backend=backend())
    # Make every secret the keyring facade generates recognisable, then look for it on disk.
    monkeypatch.setattr("clientvault.security.workstation.secrets.token_bytes", lambda n: MARKER[:n])
    created = create_test_vault(fast_vaults, vault_dir)
    vault = created.vault
    assert fast_vaults.remember_workstation(vault, PIN) is False
    assert fast_vaults.workstation_slots(vault) == []
    assert vault.audit.page(limit=1)[0].action == "key.workstation_unavailable"
    vault.lock()
    assert not fast_vaults.has_workstation_login(vault_dir, PARTNER)
    needles = [MARKER, base64.b64encode(MARKER), MARKER.hex().encode(), PIN.encode()]
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(n in data for n in needles), path.name


# -- who may list and revoke workstation slots, and rekey ---------------------------------------


@pytest.fixture
def two_workstations(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, add_staff: Callable[..., int]
) -> dict[str, str]:
    """The partner and two accountants each remember a workstation; returns slot ids by owner and kind.

    ``new_vault`` is locked afterwards (its key file is out of date): log in again.
    """
    assert fast_vaults.remember_workstation(new_vault, PIN)
    by_user = {PARTNER: new_vault.session.user_id, "acc": add_staff("acc"), "acc2": add_staff("acc2")}
    new_vault.lock()
    for name in ("acc", "acc2"):
        vault = fast_vaults.unlock(vault_dir, name, STAFF_PASSWORD)
        try:
            assert fast_vaults.remember_workstation(vault, PIN)
        finally:
            vault.lock()
    keys = kf.load(vault_dir / "vault.keys")

    def slot(kind: str, name: str | None) -> str:
        uid = by_user[name] if name else None
        return next(s.slot_id for s in keys.slots if s.kind == kind and s.user_id == uid)

    return {
        "partner_user": slot("user", PARTNER),
        "partner_ws": slot("workstation", PARTNER),
        "recovery": slot("recovery", None),
        "acc_user": slot("user", "acc"),
        "acc_ws": slot("workstation", "acc"),
        "acc2_user": slot("user", "acc2"),
        "acc2_ws": slot("workstation", "acc2"),
    }


@pytest.mark.parametrize("target", ["partner_user", "partner_ws", "recovery", "acc2_ws", "acc_user", "no-such-slot"])
def test_a_non_partner_revokes_no_slot_but_its_own_workstations(
    fast_vaults: VaultService, vault_dir: Path, two_workstations: dict[str, str], target: str
) -> None:
    before = (vault_dir / "vault.keys").read_bytes()
    vault = fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD)
    try:
        slot_id = two_workstations.get(target, "00000000-no-such-slot")
        with pytest.raises(AccessDenied):
            fast_vaults.revoke_workstation(vault, slot_id)
        denied = vault.audit.page(AuditFilter(action_prefix="access.denied"), limit=5)
        assert [(e.reason, e.outcome, e.object) for e in denied] == [("manage_users", "denied", f"slot:{slot_id[:8]}")]
    finally:
        vault.lock()
    assert (vault_dir / "vault.keys").read_bytes() == before  # nothing removed, no rekey
    fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD).lock()


def test_a_non_partner_lists_and_revokes_only_its_own_workstations(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path, two_workstations: dict[str, str]
) -> None:
    partner_id = new_vault.session.user_id
    vault = fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD)
    try:
        mine = [s.slot_id for s in fast_vaults.workstation_slots(vault)]
        assert mine == [two_workstations["acc_ws"]]
        assert [s.slot_id for s in fast_vaults.workstation_slots(vault, vault.session.user_id)] == mine
        with pytest.raises(AccessDenied):
            fast_vaults.workstation_slots(vault, partner_id)
        with pytest.raises(AccessDenied):
            fast_vaults.rekey(vault)
        denied = vault.audit.page(AuditFilter(action_prefix="access.denied"), limit=5)
        assert [e.reason for e in denied] == ["manage_users", "manage_users"]
        fast_vaults.revoke_workstation(vault, two_workstations["acc_ws"])
        assert fast_vaults.workstation_slots(vault) == []
        assert vault.audit.page(AuditFilter(action_prefix="key."), limit=1)[0].action == "key.workstation_revoked"
    finally:
        vault.lock()
    remaining = {s.slot_id for s in kf.load(vault_dir / "vault.keys").slots}
    assert remaining == set(two_workstations.values()) - {two_workstations["acc_ws"]}
    fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD).lock()
    fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD).lock()


@pytest.mark.parametrize("target", ["partner_user", "recovery", "acc_user", "no-such-slot"])
def test_a_partner_revokes_workstation_slots_only(
    fast_vaults: VaultService, vault_dir: Path, two_workstations: dict[str, str], target: str
) -> None:
    vault = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    before = (vault_dir / "vault.keys").read_bytes()  # after the login's checkpoint
    try:
        with pytest.raises(NotFound):
            fast_vaults.revoke_workstation(vault, two_workstations.get(target, "00000000-no-such-slot"))
    finally:
        vault.lock()
    assert (vault_dir / "vault.keys").read_bytes() == before


def test_a_partner_lists_every_workstation_revokes_any_and_rekeys(
    fast_vaults: VaultService, vault_dir: Path, two_workstations: dict[str, str]
) -> None:
    vault = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    try:
        listed = {s.slot_id for s in fast_vaults.workstation_slots(vault)}
        assert listed == {two_workstations[k] for k in ("partner_ws", "acc_ws", "acc2_ws")}
        fast_vaults.revoke_workstation(vault, two_workstations["acc2_ws"])
        dk = vault.session.keys.dk if vault.session.keys else b""
        fast_vaults.rekey(vault)
        assert vault.session.keys is not None and vault.session.keys.dk != dk
        actions = [e.action for e in vault.audit.page(AuditFilter(action_prefix="key."), limit=2)]
        assert actions == ["key.rekey", "key.workstation_revoked"]
    finally:
        vault.lock()
    remaining = {s.slot_id for s in kf.load(vault_dir / "vault.keys").slots}
    assert remaining == set(two_workstations.values()) - {two_workstations["acc2_ws"]}
    fast_vaults.unlock(vault_dir, "acc2", STAFF_PASSWORD).lock()
    fast_vaults.unlock_with_pin(vault_dir, "acc", PIN).lock()


def test_key_change_helpers_are_private(fast_vaults: VaultService) -> None:
    # Callable without a role check, so never part of the public surface (UserService checks first).
    for name in ("remove_user_and_rekey", "add_user_slot", "commit_key_change"):
        assert not hasattr(fast_vaults, name), name


def test_two_accounts_sharing_a_login_tag_each_log_in_as_themselves(
    new_vault: Vault, add_staff: Callable[..., int], fast_vaults: VaultService, vault_dir: Path
) -> None:
    # Tags keep 8 bits (SECURITY.md "Logging in"): colleagues can share one. Even with the same
    # password, each name opens its own account.
    target = kf.login_tag(new_vault.vault_id, PARTNER)
    twin = next(n for n in (f"twin{i}" for i in range(5000)) if kf.login_tag(new_vault.vault_id, n) == target)
    twin_id = add_staff(twin, password=PARTNER_PASSWORD)
    new_vault.lock()
    a = fast_vaults.unlock(vault_dir, twin, PARTNER_PASSWORD)
    assert a.session.user_id == twin_id and a.session.keys is not None and a.session.keys.pk is None
    a.lock()
    b = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    assert b.session.role is Role.PARTNER and b.session.keys is not None and b.session.keys.pk is not None
    b.lock()
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock(vault_dir, twin, STAFF_PASSWORD)
