"""Erasure workflow: requests from four sources, approval, execution, holds, partial erasure, register."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from clientvault.core.errors import AccessDenied, InvalidState, NotFound, ValidationError
from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter, AuditService
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.services.locking import LockService
from clientvault.services.retention import RetentionService, Settings
from clientvault.services.vault import VaultService
from tests.conftest import STAFF_PASSWORD
from tests.fixtures.planted import BANK, ID_NUMBER, TAX_LOGIN, Planted, other_client, plant
from tests.unit.documents.pdfcheck import assert_fonts_embedded, page_count, pdf_text, render_png, squash

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture
def staff(new_vault: Vault, add_staff: Callable[..., int]) -> dict[str, int]:
    return {"acc": add_staff("acc", Role.ACCOUNTANT), "priv": add_staff("priv", Role.PRIVACY_OFFICER)}


@pytest.fixture
def planted(new_vault: Vault, staff: dict[str, int]) -> Planted:
    return plant(new_vault, accountant_ids=[staff["acc"]])


def login(vaults: VaultService, vault: Vault, name: str) -> Vault:
    return vaults.unlock(vault.paths.folder, name, STAFF_PASSWORD)


def test_request_approve_execute_by_three_people(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, staff: dict[str, int]
) -> None:
    bystander = other_client(new_vault)
    acc = login(fast_vaults, new_vault, "acc")
    try:
        rid = ErasureService(acc).request(
            planted.client_id, "deletion_request", "PIPL Art 47 (1): request of 2026-11-02"
        )
        with pytest.raises(AccessDenied):
            ErasureService(acc).approve(rid)
        assert [r.id for r in ErasureService(acc).requests()] == [rid]
    finally:
        acc.lock()
    priv = login(fast_vaults, new_vault, "priv")
    try:
        with pytest.raises(InvalidState):  # not approved yet
            ErasureService(priv).execute(rid)
        with pytest.raises(AccessDenied):
            ErasureService(priv).approve(rid)
    finally:
        priv.lock()
    ErasureService(new_vault).approve(rid)
    priv = login(fast_vaults, new_vault, "priv")
    try:
        result = ErasureService(priv).execute(rid, witness="王见证")
    finally:
        priv.lock()
    assert result.integrity_problems == () and result.certificate_no.endswith("-000001")
    assert result.erased["persons"] == 1 and result.erased["sensitive_items"] == 2
    db = new_vault.db
    assert db.scalar("SELECT status FROM clients WHERE id = ?", (planted.client_id,)) == "erased"
    assert db.scalar("SELECT name FROM clients WHERE id = ?", (planted.client_id,)) == ""
    for table in ("persons", "sensitive_items", "client_accountants"):
        assert db.scalar(f"SELECT count(*) FROM {table} WHERE client_id = ?", (planted.client_id,)) == 0
    assert ClientService(new_vault).get(bystander).name == "无关客户有限公司"
    (entry,) = ErasureService(new_vault).register()
    assert entry.certificate_no == result.certificate_no and entry.witness == "王见证" and entry.integrity == "ok"
    assert entry.requested_by == staff["acc"] and entry.approved_by == new_vault.session.user_id
    assert entry.executed_by == staff["priv"]
    ledger = db.all("SELECT client_id, certificate_no, legal_basis FROM erasure_ledger")
    assert ledger == [(planted.client_id, result.certificate_no, "PIPL Art 47 (1): request of 2026-11-02")]
    assert AuditService(new_vault).verify().ok
    actions = [e.action for e in new_vault.audit.page(AuditFilter(action_prefix="erasure."))]
    assert actions[::-1] == ["erasure.request", "erasure.approve", "erasure.execute", "erasure.verified"]


def test_every_source_is_accepted_and_nothing_else(new_vault: Vault, planted: Planted) -> None:
    service = ErasureService(new_vault)
    for source in ("deletion_request", "consent_withdrawal", "retention_expiry", "partner_decision"):
        service.request(planted.client_id, source, "basis text")
    with pytest.raises(ValidationError):
        service.request(planted.client_id, "whim", "basis")
    with pytest.raises(ValidationError):
        service.request(planted.client_id, "deletion_request", " ")
    with pytest.raises(ValidationError):
        service.request(planted.client_id, "deletion_request", "basis", targets=["drop table clients"])


def test_legal_hold_blocks_approval_and_execution(new_vault: Vault, planted: Planted) -> None:
    locks, erasure = LockService(new_vault), ErasureService(new_vault)
    locks.lock(planted.client_id, "ended")
    rid = erasure.request(planted.client_id, "retention_expiry", "retention ended")
    erasure.approve(rid)
    hold = locks.place_hold(planted.client_id, "litigation")
    with pytest.raises(InvalidState) as refused:
        erasure.execute(rid)
    assert refused.value.code == "legal_hold"
    assert new_vault.db.scalar("SELECT status FROM clients WHERE id = ?", (planted.client_id,)) == "locked"
    assert new_vault.db.scalar("SELECT count(*) FROM sealed_records") == 1
    with pytest.raises(InvalidState):
        erasure.erase_now(planted.client_id, "partner decision")
    outcomes = [e.outcome for e in new_vault.audit.page(AuditFilter(action_prefix="erasure.execute"))]
    assert outcomes == ["legal_hold", "legal_hold"]
    locks.release_hold(planted.client_id, hold, "settled")
    result = erasure.execute(rid)
    assert result.erased["sealed_records"] == 1
    assert new_vault.db.scalar("SELECT count(*) FROM sealed_records") == 0


def test_refused_requests_stay_refused(new_vault: Vault, planted: Planted) -> None:
    erasure = ErasureService(new_vault)
    rid = erasure.request(planted.client_id, "deletion_request", "request")
    erasure.refuse(rid, "accounting vouchers must be kept 30 years")
    with pytest.raises(InvalidState):
        erasure.approve(rid)
    assert erasure.requests(("refused",))[0].refusal_reason.startswith("accounting")


def test_partial_erasure_removes_only_the_listed_items(new_vault: Vault, planted: Planted) -> None:
    erasure = ErasureService(new_vault)
    targets = [f"item:{planted.bank_item_id}.bank_account", f"person:{planted.person_id}.id_number", "client.phone"]
    rid = erasure.request(planted.client_id, "consent_withdrawal", "bank_services withdrawn", targets=targets)
    erasure.approve(rid)
    result = erasure.execute(rid)
    assert result.erased == {
        "sensitive_items": 1, "persons.id_number": 1, "clients.phone": 1, "client_search": 1
    }  # fmt: skip
    detail = ClientService(new_vault).get(planted.client_id)
    assert detail.status.value == "active" and detail.phone == ""
    assert detail.persons[0].id_number_masked is None
    assert [s.kind.value for s in detail.sensitive] == ["tax_login"]
    assert ClientService(new_vault).reveal_item(planted.login_item_id, "tax_filing") == TAX_LOGIN
    assert ClientService(new_vault).count(ClientFilter(text="紫萱星河")) == 1


def test_locked_records_are_erased_whole(new_vault: Vault, planted: Planted) -> None:
    LockService(new_vault).lock(planted.client_id, "ended")
    with pytest.raises(InvalidState):
        ErasureService(new_vault).request(
            planted.client_id, "consent_withdrawal", "withdrawn", targets=["client.phone"]
        )


def test_daily_check_opens_retention_expiry_requests(new_vault: Vault, planted: Planted) -> None:
    held = other_client(new_vault, "保留客户有限公司")
    locks = LockService(new_vault)
    locks.lock(planted.client_id, "ended")
    locks.lock(held, "ended")
    locks.place_hold(held, "tax audit")
    assert ErasureService(new_vault, today=date(2030, 1, 1)).daily_check() == []
    later = ErasureService(new_vault, today=date(2058, 1, 1))
    (rid,) = later.daily_check()
    assert later.daily_check() == []  # an open request is not duplicated
    req = later.requests()[0]
    assert (req.id, req.client_id, req.source) == (rid, planted.client_id, "retention_expiry")


def test_erased_clients_cannot_be_requested_again(new_vault: Vault, planted: Planted) -> None:
    ErasureService(new_vault).erase_now(planted.client_id, "partner decision")
    with pytest.raises(NotFound):
        ErasureService(new_vault).request(planted.client_id, "deletion_request", "again")
    with pytest.raises(NotFound):
        ClientService(new_vault).get(planted.client_id)


def test_vacuum_runs_when_the_firm_asks_for_it(new_vault: Vault, planted: Planted) -> None:
    RetentionService(new_vault).set_settings(Settings(vacuum_after_erasure=True))
    result = ErasureService(new_vault).erase_now(planted.client_id, "partner decision")
    assert result.vacuumed
    assert new_vault.db.pragma("freelist_count") == 0
    assert ErasureService(new_vault).register()[0].vacuumed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_certificate_pdf(new_vault: Vault, planted: Planted, lang: str, tmp_path: Path) -> None:
    erasure = ErasureService(new_vault)
    rid = erasure.request(planted.client_id, "deletion_request", "《个人信息保护法》第四十七条第一款第（五）项")
    erasure.approve(rid)
    result = erasure.execute(rid, witness="王见证")
    pdf = erasure.certificate_pdf(result.certificate_no, lang=lang)
    assert_fonts_embedded(pdf)
    assert page_count(pdf) == 1
    text = squash(pdf_text(pdf))
    assert result.certificate_no in text and "王见证" in text and "老板" in text
    assert ("通过" if lang == "zh" else "passed") in text
    for value in (ID_NUMBER, BANK, "欧阳紫萱"):
        assert value not in text  # the certificate names the client by number only
    png = render_png(pdf, tmp_path / f"erasure_certificate_{lang}.png", dpi=60)
    assert png.stat().st_size > 10_000
    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":  # regenerate docs/screenshots on request only
        shutil.copyfile(png, SCREENSHOTS / png.name)
    assert new_vault.audit.page(AuditFilter(action_prefix="erasure.certificate"))[0].reason.endswith(
        result.certificate_no
    )


def test_withdrawn_purpose_items_are_erased_on_the_same_path(new_vault: Vault, planted: Planted) -> None:
    erasure = ErasureService(new_vault)
    assert erasure.request_withdrawn(planted.client_id) is None
    db = new_vault.db
    with db.transaction():  # what ConsentService.withdraw flags when bank_services is withdrawn
        db.execute(
            "INSERT INTO erasure_flags (client_id, person_id, item, category, purposes, flagged_at)"
            " VALUES (?, ?, ?, 'bank', 'bank_services', '2026-11-30T00:00:00+00:00')",
            (planted.client_id, planted.person_id, f"item:{planted.bank_item_id}.bank_account"),
        )
    rid = erasure.request_withdrawn(planted.client_id)
    assert rid is not None
    req = erasure.requests()[0]
    assert (req.source, req.scope, req.targets) == (
        "consent_withdrawal", "items", f"item:{planted.bank_item_id}.bank_account"
    )  # fmt: skip
    assert "bank_services" in req.legal_basis
    erasure.approve(rid)
    result = erasure.execute(rid)
    assert result.erased["sensitive_items"] == 1
    assert db.scalar("SELECT resolution FROM erasure_flags WHERE client_id = ?", (planted.client_id,)) == "erased"
    assert db.scalar("SELECT count(*) FROM sensitive_items WHERE client_id = ?", (planted.client_id,)) == 1
    assert erasure.request_withdrawn(planted.client_id) is None
