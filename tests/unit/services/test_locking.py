"""Locked (partner-sealed) records: request, lock, visibility, open with a reason, unlock, holds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from clientvault.core.errors import AccessDenied, DamagedFile, InvalidState, NotFound, ValidationError
from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.consent import ConsentService
from clientvault.services.context import Vault
from clientvault.services.locking import LockService
from clientvault.services.purposes import PurposeService
from clientvault.services.retention import RetentionService, retention_dates
from clientvault.services.vault import VaultService
from clientvault.storage.retention import RetentionRule
from tests.conftest import STAFF_PASSWORD
from tests.fixtures.planted import (
    BANK,
    ID_NUMBER,
    NAME,
    PERSON,
    PHONE,
    SCAN,
    SCAN_MARKER,
    Planted,
    other_client,
    plant,
    plant_scan,
)

TODAY = date(2026, 11, 30)


@pytest.fixture
def staff(new_vault: Vault, add_staff: Callable[..., int]) -> dict[str, int]:
    return {
        "acc": add_staff("acc", Role.ACCOUNTANT),
        "acc2": add_staff("acc2", Role.ACCOUNTANT),
        "asst": add_staff("asst", Role.ASSISTANT),
        "priv": add_staff("priv", Role.PRIVACY_OFFICER),
    }


@pytest.fixture
def planted(new_vault: Vault, staff: dict[str, int]) -> Planted:
    return plant(new_vault, accountant_ids=[staff["acc"]])


def login(vaults: VaultService, vault: Vault, name: str) -> Vault:
    return vaults.unlock(vault.paths.folder, name, STAFF_PASSWORD)


def test_retention_runs_from_the_first_day_after_the_fiscal_year() -> None:
    rules = [RetentionRule("vouchers", 30, "src", True), RetentionRule("tax", 10, "src", True)]
    d = retention_dates(date(2024, 6, 30), rules)
    assert (d.starts, d.until, d.rule) == (date(2025, 1, 1), date(2055, 1, 1), "vouchers")
    only_tax = retention_dates(date(2024, 6, 30), [RetentionRule("vouchers", 30, "src", False), rules[1]])
    assert only_tax.until == date(2035, 1, 1)
    assert retention_dates(date(2024, 1, 1), []).rule == "none"


def test_default_rules_carry_their_legal_source(new_vault: Vault) -> None:
    rules = {r.category: r for r in RetentionService(new_vault).rules()}
    assert rules["accounting_vouchers"].years == rules["accounting_ledgers"].years == 30
    assert rules["financial_reports"].years == rules["tax_records"].years == 10
    assert all("第" in r.legal_source for r in rules.values())
    RetentionService(new_vault).set_rule("accounting_vouchers", 15, "firm policy (test)")
    assert {r.category: r.years for r in RetentionService(new_vault).rules()}["accounting_vouchers"] == 15


def test_accountant_requests_partner_locks(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, staff: dict[str, int]
) -> None:
    acc = login(fast_vaults, new_vault, "acc")
    try:
        assert LockService(acc).actions(planted.client_id).can_request
        assert not LockService(acc).actions(planted.client_id).can_lock
        LockService(acc).request_lock(planted.client_id, "engagement ended in June")
        with pytest.raises(InvalidState):
            LockService(acc).request_lock(planted.client_id, "again")
        with pytest.raises(AccessDenied):
            LockService(acc).lock(planted.client_id, "I may not")
    finally:
        acc.lock()
    acc2 = login(fast_vaults, new_vault, "acc2")
    try:
        with pytest.raises(AccessDenied):  # not assigned to this client
            LockService(acc2).request_lock(planted.client_id, "not mine")
    finally:
        acc2.lock()
    locks = LockService(new_vault, today=TODAY)
    assert [r.client_id for r in locks.pending_requests()] == [planted.client_id]
    until = locks.lock(planted.client_id, "request approved")
    assert until == date(2057, 1, 1)  # no engagement end recorded: locked in 2026 → 2027-01-01 + 30 years
    assert locks.pending_requests() == []
    (row,) = locks.locked()
    assert row.client_id == planted.client_id and row.days_left == (until - TODAY).days and not row.on_hold


def test_locking_empties_every_clear_column_and_the_index(new_vault: Vault, planted: Planted) -> None:
    LockService(new_vault).lock(planted.client_id, "ended")
    db = new_vault.db
    client = db.one("SELECT name, uscc, tax_no, address, phone, email, notes, status FROM clients WHERE id = ?",
                    (planted.client_id,))  # fmt: skip
    assert client == ("", None, None, "", "", "", "", "locked")
    assert db.all("SELECT name, id_number, phone FROM persons WHERE client_id = ?", (planted.client_id,)) == [
        ("", None, "")
    ]
    assert {r[0] for r in db.all("SELECT value FROM sensitive_items WHERE client_id = ?", (planted.client_id,))} == {""}
    assert db.scalar("SELECT count(*) FROM client_search WHERE client_search MATCH ?", ('"欧阳"',)) == 0
    blob = db.scalar("SELECT ciphertext FROM sealed_records WHERE client_id = ?", (planted.client_id,))
    assert NAME.encode() not in blob and ID_NUMBER.encode() not in blob


def test_non_partners_never_see_locked_clients(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, staff: dict[str, int]
) -> None:
    other_client(new_vault)
    LockService(new_vault).lock(planted.client_id, "ended")
    for name in ("acc", "asst", "priv"):
        v = login(fast_vaults, new_vault, name)
        try:
            clients = ClientService(v)
            ids = [r.id for r in clients.page(ClientFilter())]
            assert planted.client_id not in ids
            for text in (PERSON, "欧阳", PHONE, ID_NUMBER):
                assert clients.count(ClientFilter(text=text)) == 0
            assert "locked" not in clients.status_counts()
            with pytest.raises(NotFound):
                clients.get(planted.client_id)
            with pytest.raises(AccessDenied):
                LockService(v).open(planted.client_id, "curious")
            with pytest.raises(AccessDenied):
                LockService(v).locked()
        finally:
            v.lock()
    # The partner's ordinary client list does not show it either: only the Locked records page does.
    assert planted.client_id not in [r.id for r in ClientService(new_vault).page(ClientFilter())]


def test_open_requires_a_reason_is_audited_and_read_only(new_vault: Vault, planted: Planted) -> None:
    locks = LockService(new_vault)
    locks.lock(planted.client_id, "ended")
    with pytest.raises(ValidationError):
        locks.open(planted.client_id, "  ")
    record = locks.open(planted.client_id, "tax bureau inspection 2026-11")
    assert record.client["name"] == NAME
    assert record.persons[0]["id_number"] == ID_NUMBER
    assert {i["value"] for i in record.items} >= {BANK}
    events = new_vault.audit.page(AuditFilter(action_prefix="locked.open"))
    assert [(e.object, e.reason) for e in events] == [(f"client:{planted.client_id}", f"note:{record.reasons[-1].id}")]
    assert [(r.kind, r.text) for r in record.reasons] == [("lock", "ended"), ("open", "tax bureau inspection 2026-11")]
    assert not hasattr(locks, "save") and not hasattr(record, "save")
    with pytest.raises(AttributeError):
        record.client_id = 3  # type: ignore[misc]


def test_unlock_restores_the_record_and_its_search_entry(new_vault: Vault, planted: Planted) -> None:
    locks = LockService(new_vault)
    locks.lock(planted.client_id, "ended")
    locks.unlock(planted.client_id, "client came back")
    clients = ClientService(new_vault)
    detail = clients.get(planted.client_id)
    assert detail.name == NAME and detail.status.value == "active"
    assert clients.reveal_id_number(planted.person_id, "tax_filing") == ID_NUMBER
    assert [r.id for r in clients.page(ClientFilter(text="紫萱星河"))] == [planted.client_id]
    assert new_vault.db.scalar("SELECT count(*) FROM sealed_records") == 0


def test_a_blob_moved_to_another_client_does_not_open(new_vault: Vault, planted: Planted) -> None:
    second = other_client(new_vault)
    locks = LockService(new_vault)
    locks.lock(planted.client_id, "ended")
    locks.lock(second, "ended")
    db = new_vault.db
    with db.transaction():
        blob = db.one("SELECT nonce, ciphertext FROM sealed_records WHERE client_id = ?", (planted.client_id,))
        db.execute("UPDATE sealed_records SET nonce = ?, ciphertext = ? WHERE client_id = ?", (*blob, second))
    with pytest.raises(DamagedFile):
        locks.open(second, "check")
    assert new_vault.audit.page(AuditFilter(action_prefix="locked.open"))[0].outcome == "failed"


def test_a_session_without_the_partner_key_cannot_lock(new_vault: Vault, planted: Planted) -> None:
    keys = new_vault.session.keys
    assert keys is not None
    from dataclasses import replace

    new_vault.session.keys = replace(keys, pk=None)
    with pytest.raises(InvalidState):
        LockService(new_vault).lock(planted.client_id, "ended")
    new_vault.session.keys = keys
    assert new_vault.db.scalar("SELECT status FROM clients WHERE id = ?", (planted.client_id,)) == "active"


def test_legal_hold_is_partner_only_and_listed(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, staff: dict[str, int]
) -> None:
    locks = LockService(new_vault)
    locks.lock(planted.client_id, "ended")
    hold = locks.place_hold(planted.client_id, "litigation: unpaid fees")
    assert locks.locked()[0].on_hold
    acc = login(fast_vaults, new_vault, "acc")
    try:
        with pytest.raises(AccessDenied):
            LockService(acc).place_hold(planted.client_id, "no")
    finally:
        acc.lock()
    locks.release_hold(planted.client_id, hold, "settled")
    assert not locks.locked()[0].on_hold
    with pytest.raises(NotFound):
        locks.release_hold(planted.client_id, hold, "twice")


def test_typed_reasons_stay_with_the_client_and_the_audit_only_points_at_them(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, staff: dict[str, int]
) -> None:
    marker = "MARKER-王小明-7c1e"
    acc = login(fast_vaults, new_vault, "acc")
    try:
        LockService(acc).request_lock(planted.client_id, f"request {marker}")
    finally:
        acc.lock()
    locks = LockService(new_vault, today=TODAY)
    locks.refuse_request(planted.client_id, f"refused {marker}")
    locks.lock(planted.client_id, f"lock {marker}")
    hold = locks.place_hold(planted.client_id, f"hold {marker}")
    locks.release_hold(planted.client_id, hold, f"release {marker}")
    locks.open(planted.client_id, f"open {marker}")
    locks.unlock(planted.client_id, f"unlock {marker}")
    events = [e for e in new_vault.audit.page(limit=1000) if e.object == f"client:{planted.client_id}"]
    assert not [e for e in events if marker in e.reason]
    reasons = {r.ref: r for r in locks.reasons(planted.client_id)}
    kinds = ["lock_request", "lock_refused", "lock", "hold", "hold_released", "open", "unlock"]
    assert [r.kind for r in reasons.values()] == kinds
    noted = [e for e in events if e.reason.startswith("note:")]
    assert [reasons[e.reason].kind for e in reversed(noted)] == kinds  # every reason is reachable from its event
    assert all(marker in r.text for r in reasons.values())
    acc = login(fast_vaults, new_vault, "acc")
    try:
        with pytest.raises(AccessDenied):
            LockService(acc).reasons(planted.client_id)
    finally:
        acc.lock()


def test_locking_erases_the_consent_scans_no_rule_requires(new_vault: Vault, planted: Planted) -> None:
    """No retention rule names the scans of signed forms: sealing erases them and lists them."""
    evidence = plant_scan(new_vault, planted)
    locks = LockService(new_vault)
    locks.lock(planted.client_id, "ended")
    db = new_vault.db
    assert db.one("SELECT data FROM consent_evidence WHERE id = ?", (evidence,)) is None
    (record,) = locks.sealing_records(planted.client_id)
    assert {"item": f"evidence:{evidence}", "class": "consent_evidence"} in record.erased
    assert locks.open(planted.client_id, "inspection").evidence == ()


def test_a_scan_a_firm_rule_requires_is_sealed_and_restored(new_vault: Vault, planted: Planted) -> None:
    from clientvault.services.consent import ConsentService

    RetentionService(new_vault).set_rule(
        "consent_proof", 3, "本公司规定：同意凭证保存3年", covers=("consent_evidence",)
    )
    evidence = plant_scan(new_vault, planted)
    locks = LockService(new_vault)
    locks.lock(planted.client_id, "ended")
    db = new_vault.db
    row = db.one("SELECT data, size, sha256 FROM consent_evidence WHERE id = ?", (evidence,))
    assert row == (b"", 0, "")
    record = locks.open(planted.client_id, "inspection")
    assert [(e["id"], e["data"]) for e in record.evidence] == [(evidence, SCAN)]
    locks.unlock(planted.client_id, "client came back")
    assert ConsentService(new_vault).evidence(evidence) == ("application/pdf", SCAN)
    assert SCAN_MARKER.encode() in bytes(db.scalar("SELECT data FROM consent_evidence WHERE id = ?", (evidence,)))


@pytest.mark.parametrize(
    "call",
    [
        lambda v, cid: LockService(v).actions(cid),
        lambda v, cid: RetentionService(v).dates_for(date(2024, 6, 30)),
        lambda v, cid: PurposeService(v).catalogue(),
        lambda v, cid: PurposeService(v).get("bookkeeping"),
        lambda v, cid: PurposeService(v).history("bookkeeping"),
        lambda v, cid: ConsentService(v).notice_details(),
    ],
    ids=["LockService.actions", "RetentionService.dates_for", "PurposeService.catalogue", "PurposeService.get",
         "PurposeService.history", "ConsentService.notice_details"],
)  # fmt: skip
def test_read_methods_check_the_role(new_vault: Vault, planted: Planted, call: Callable[..., object],
                                     monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from clientvault.core.roles import Capability

    checked: list[Capability] = []
    original = new_vault.require

    def spy(capability: Capability, obj: str = "") -> object:
        checked.append(capability)
        return original(capability, obj)

    monkeypatch.setattr(new_vault, "require", spy)
    call(new_vault, planted.client_id)
    assert Capability.VIEW_CLIENTS in checked
