"""AuditService: who may read it, filters, and tamper detection on a real encrypted file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from clientvault.core.errors import AccessDenied
from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter, AuditService
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService
from tests.conftest import STAFF_PASSWORD


def _tamper(vault: Vault, sql: str, params: tuple[object, ...] = ()) -> None:
    """What someone with the key and a SQL shell could do: drop the guard triggers, then edit."""
    vault.db.execute("DROP TRIGGER IF EXISTS audit_no_update")
    vault.db.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    vault.db.execute(sql, params)


def test_chain_of_a_new_vault_verifies(new_vault: Vault) -> None:
    status = AuditService(new_vault).verify()
    assert status.ok and status.first_broken is None and status.events >= 3
    assert new_vault.audit.page(limit=1)[0].action == "audit.verify"


def test_triggers_refuse_update_and_delete(new_vault: Vault) -> None:
    for sql in ("UPDATE audit SET body = body WHERE seq = 1", "DELETE FROM audit WHERE seq = 1"):
        with pytest.raises(Exception, match="append-only"):
            new_vault.db.execute(sql)


@pytest.mark.parametrize(
    ("sql", "broken"),
    [
        ("UPDATE audit SET body = json_set(body, '$[3]', 'session.login') WHERE seq = 2", 2),
        ("UPDATE audit SET body = json_set(body, '$[1]', '2020-01-01T00:00:00.000+00:00') WHERE seq = 3", 3),
        ("DELETE FROM audit WHERE seq = 2", 2),
        ("UPDATE audit SET seq = seq + 100 WHERE seq = 3", 3),
    ],
    ids=["altered-action", "altered-time", "deleted", "renumbered"],
)
def test_altered_row_is_named(new_vault: Vault, sql: str, broken: int) -> None:
    for _ in range(3):
        new_vault.record("test.event", "user:1")
    _tamper(new_vault, sql)
    status = AuditService(new_vault).verify()
    assert not status.ok and status.first_broken == broken


def test_recomputed_tail_is_caught_by_the_head_in_vault_keys(new_vault: Vault, fast_vaults: VaultService) -> None:
    # A key change mirrors the head into vault.keys; deleting everything after it and rewriting
    # hashes is the one forgery the chain alone cannot see.
    fast_vaults.change_password(new_vault, "partner-pass-1", "another-pass-12")
    head_seq = int(new_vault.keyfile.audit_head["seq"])
    _tamper(new_vault, "DELETE FROM audit WHERE seq >= ?", (head_seq,))
    status = AuditService(new_vault).verify()
    assert not status.ok and status.first_broken == head_seq


def test_filters(new_vault: Vault, add_staff: Callable[..., int], fast_vaults: VaultService, vault_dir: Path) -> None:
    acc = add_staff("acc")
    staff = fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD)
    staff.lock()
    audit = AuditService(new_vault)
    mine = audit.page(AuditFilter(user_id=acc))
    assert [e.action for e in mine] == ["session.lock", "session.login"]
    logins = audit.page(AuditFilter(action_prefix="session."))
    assert {e.action for e in logins} == {"session.login", "session.lock"}
    assert audit.count(AuditFilter(action_prefix="session.")) == len(logins)
    first = audit.page(AuditFilter(), limit=1000)[-1]
    assert audit.page(AuditFilter(until=first.at)) == []
    assert audit.count(AuditFilter(since=first.at)) == audit.count()
    assert [e.seq for e in audit.page(offset=1, limit=2)] == [e.seq for e in audit.page(limit=3)][1:]


@pytest.mark.parametrize(
    ("role", "allowed"), [(Role.PRIVACY_OFFICER, True), (Role.ACCOUNTANT, False), (Role.ASSISTANT, False)]
)
def test_who_may_read_the_audit(
    new_vault: Vault,
    fast_vaults: VaultService,
    vault_dir: Path,
    add_staff: Callable[..., int],
    role: Role,
    allowed: bool,
) -> None:
    add_staff("someone", role)
    vault = fast_vaults.unlock(vault_dir, "someone", STAFF_PASSWORD)
    try:
        audit = AuditService(vault)
        if allowed:
            assert audit.verify().ok and audit.count() > 0
        else:
            for call in (audit.verify, audit.count, audit.page, audit.integrity, audit.user_names):
                with pytest.raises(AccessDenied):
                    call()
            denied = new_vault.audit.page(AuditFilter(action_prefix="access.denied"), limit=10)
            assert len(denied) == 5 and {e.reason for e in denied} == {"view_audit"}
    finally:
        vault.lock()
