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
from tests.fixtures.erasing import OVERRIDE, WITNESS, destroy, second_person
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
        rid = ErasureService(acc).request(planted.client_id, "deletion_request", "deletion_request")
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
    ErasureService(new_vault).override(rid, OVERRIDE)  # an active client: its retention period runs
    ErasureService(new_vault).appraise(planted.client_id)
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
    assert ledger == [(planted.client_id, result.certificate_no, "deletion_request")]
    assert AuditService(new_vault).verify().ok
    actions = [e.action for e in new_vault.audit.page(AuditFilter(action_prefix="erasure."))]
    assert actions[::-1] == [
        "erasure.request", "erasure.override", "erasure.appraisal", "erasure.approve", "erasure.execute",
        "erasure.verified",
    ]  # fmt: skip


def test_every_source_is_accepted_and_nothing_else(new_vault: Vault, planted: Planted) -> None:
    service = ErasureService(new_vault)
    for source in ("deletion_request", "consent_withdrawal", "retention_expiry", "partner_decision"):
        service.request(planted.client_id, source, "other_law")
    with pytest.raises(ValidationError):
        service.request(planted.client_id, "whim", "other_law")
    with pytest.raises(ValidationError):
        service.request(planted.client_id, "deletion_request", " ")
    with pytest.raises(ValidationError) as typed:  # a legal basis is a code, never typed text
        service.request(planted.client_id, "deletion_request", "PIPL Art 47, as 王小明 asked")
    assert typed.value.errors == {"legal_basis": "unknown"}
    with pytest.raises(ValidationError):
        service.request(planted.client_id, "deletion_request", "other_law", targets=["drop table clients"])


def test_legal_hold_blocks_approval_and_execution(new_vault: Vault, planted: Planted) -> None:
    locks, erasure = LockService(new_vault), ErasureService(new_vault, today=date(2060, 1, 1))
    locks.lock(planted.client_id, "ended")
    rid = erasure.request(planted.client_id, "retention_expiry", "retention_ended")
    second = second_person(new_vault)
    ErasureService(second, today=date(2060, 1, 1)).approve(rid)
    erasure.appraise(planted.client_id)
    hold = locks.place_hold(planted.client_id, "litigation")
    with pytest.raises(InvalidState) as refused:
        erasure.execute(rid, witness=WITNESS)
    assert refused.value.code == "legal_hold"
    assert new_vault.db.scalar("SELECT status FROM clients WHERE id = ?", (planted.client_id,)) == "locked"
    assert new_vault.db.scalar("SELECT count(*) FROM sealed_records") == 1
    with pytest.raises(InvalidState):
        erasure.erase_now(planted.client_id, "service_ended", approver=second, witness=WITNESS)
    second.lock()
    outcomes = [e.outcome for e in new_vault.audit.page(AuditFilter(action_prefix="erasure.execute"))]
    assert outcomes == ["legal_hold", "legal_hold"]
    locks.release_hold(planted.client_id, hold, "settled")
    result = erasure.execute(rid, witness=WITNESS)
    assert result.erased["sealed_records"] == 1
    assert new_vault.db.scalar("SELECT count(*) FROM sealed_records") == 0


def test_refused_requests_stay_refused(new_vault: Vault, planted: Planted) -> None:
    erasure = ErasureService(new_vault)
    rid = erasure.request(planted.client_id, "deletion_request", "deletion_request")
    erasure.refuse(rid, "accounting vouchers must be kept 30 years")
    with pytest.raises(InvalidState):
        erasure.approve(rid)
    note = erasure.requests(("refused",))[0].refusal_reason
    assert note.startswith("note:")  # the text stays with the client (and goes with it)
    reasons = {r.ref: r for r in LockService(new_vault).reasons(planted.client_id)}
    assert reasons[note].text == "accounting vouchers must be kept 30 years"
    assert new_vault.audit.page(AuditFilter(action_prefix="erasure.refuse"))[0].reason == f"request:{rid}"
    destroy(new_vault, planted.client_id, "service_ended")
    assert LockService(new_vault).reasons(planted.client_id) == []


def test_partial_erasure_removes_only_the_listed_items(new_vault: Vault, planted: Planted) -> None:
    erasure = ErasureService(new_vault)
    second = second_person(new_vault)
    targets = [f"item:{planted.bank_item_id}.bank_account", f"person:{planted.person_id}.id_number", "client.phone"]
    rid = erasure.request(planted.client_id, "consent_withdrawal", "consent_withdrawn", targets=targets)
    ErasureService(second).approve(rid)
    # The client is active: the bank account (银行对账单, 税收征管法实施细则 第二十九条) and the legal
    # representative's ID number (涉税资料) are required by a retention rule and stay (PIPL Art 47 para 2).
    first = erasure.execute(rid, witness=WITNESS)
    assert first.erased == {"clients.phone": 1, "client_search": 1}
    assert first.kept == (targets[0], targets[1])
    rid = erasure.request(planted.client_id, "consent_withdrawal", "consent_withdrawn", targets=targets[:2])
    erasure.override(rid, OVERRIDE)
    ErasureService(second).approve(rid)
    second.lock()
    result = erasure.execute(rid, witness=WITNESS)
    assert result.erased == {"sensitive_items": 1, "persons.id_number": 1, "client_search": 1}
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
            planted.client_id, "consent_withdrawal", "consent_withdrawn", targets=["client.phone"]
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
    assert (req.id, req.client_id, req.source, req.legal_basis) == (
        rid, planted.client_id, "retention_expiry", "retention_ended"
    )  # fmt: skip


def test_erased_clients_cannot_be_requested_again(new_vault: Vault, planted: Planted) -> None:
    destroy(new_vault, planted.client_id, "service_ended")
    with pytest.raises(NotFound):
        ErasureService(new_vault).request(planted.client_id, "deletion_request", "deletion_request")
    with pytest.raises(NotFound):
        ClientService(new_vault).get(planted.client_id)


def test_vacuum_runs_when_the_firm_asks_for_it(new_vault: Vault, planted: Planted) -> None:
    RetentionService(new_vault).set_settings(Settings(vacuum_after_erasure=True))
    result = destroy(new_vault, planted.client_id, "service_ended")
    assert result.vacuumed
    assert new_vault.db.pragma("freelist_count") == 0
    assert ErasureService(new_vault).register()[0].vacuumed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_certificate_pdf(new_vault: Vault, planted: Planted, lang: str, tmp_path: Path) -> None:
    erasure = ErasureService(new_vault)
    rid = erasure.request(planted.client_id, "deletion_request", "other_law")
    erasure.override(rid, OVERRIDE)
    erasure.appraise(planted.client_id)
    second = second_person(new_vault)
    ErasureService(second).approve(rid)
    second.lock()
    result = erasure.execute(rid, witness="王见证", note="客户王小明来信要求删除")
    pdf = erasure.certificate_pdf(result.certificate_no, lang=lang)
    assert_fonts_embedded(pdf)
    assert page_count(pdf) == 1
    text = squash(pdf_text(pdf))
    assert result.certificate_no in text and "王见证" in text and "老板" in text
    assert ("通过" if lang == "zh" else "passed") in text
    # Paper pins the audit chain (SECURITY.md "Audit log"): the erasure's own event, 128 bits of its hash.
    (event,) = [e for e in new_vault.audit.page(AuditFilter(action_prefix="erasure.execute"))
                if e.reason.endswith(result.certificate_no)]  # fmt: skip
    assert f"{'序号' if lang == 'zh' else 'seq'}{event.seq}·{event.hash[:32]}" in text  # zh: no English word
    # The basis code's full wording and source in law; the sealed note is not printed.
    basis = "法律、行政法规规定的其他情形" if lang == "zh" else "PIPL Art 47(1)(5)"
    assert squash(basis) in text and "王小明" not in text
    for value in (ID_NUMBER, BANK, "欧阳紫萱"):
        assert value not in text  # the certificate names the client by number only
    png = render_png(pdf, tmp_path / f"erasure_certificate_{lang}.png", dpi=60)
    assert png.stat().st_size > 10_000
    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":  # regenerate docs/screenshots on request only
        shutil.copyfile(png, SCREENSHOTS / png.name)
    assert new_vault.audit.page(AuditFilter(action_prefix="erasure.certificate"))[0].reason.endswith(
        result.certificate_no
    )


def test_a_saved_certificate_is_in_the_export_register(new_vault: Vault, planted: Planted, tmp_path: Path) -> None:
    from clientvault.services.exports import ExportKind, ExportService

    erasure = ErasureService(new_vault)
    result = destroy(new_vault, planted.client_id)
    out = tmp_path / "out" / f"{result.certificate_no}.pdf"
    out.parent.mkdir()
    entry = erasure.save_certificate(result.certificate_no, out, lang="en")
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and result.certificate_no in squash(pdf_text(data))
    (listed,) = ExportService(new_vault).register()
    assert listed == entry
    assert (entry.kind, entry.file_name, entry.row_count, entry.client_ids) == (
        ExportKind.CERTIFICATE.value,
        out.name,
        1,
        (),  # the certificate names the client by number only
    )
    # Kept permanently with the destruction register (会计档案管理办法 附表一): no destroy-by date.
    assert entry.destroy_by == "" and entry.purpose == "erasure_certificate"
    with pytest.raises(NotFound):
        erasure.save_certificate("ER-1999-000001", tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_the_privacy_officer_saves_certificates_too(
    new_vault: Vault, planted: Planted, staff: dict[str, int], fast_vaults: VaultService, tmp_path: Path
) -> None:
    cert = destroy(new_vault, planted.client_id).certificate_no
    po = login(fast_vaults, new_vault, "priv")
    try:
        assert ErasureService(po).save_certificate(cert, tmp_path / "c.pdf").kind == "certificate"
    finally:
        po.lock()


def test_withdrawn_purpose_items_are_erased_on_the_same_path(new_vault: Vault, planted: Planted) -> None:
    erasure = ErasureService(new_vault)
    assert erasure.request_withdrawn(planted.client_id) is None
    db = new_vault.db
    with db.transaction():  # what ConsentService.withdraw flags when tax_filing is withdrawn
        db.execute(
            "INSERT INTO erasure_flags (client_id, person_id, item, category, purposes, flagged_at)"
            " VALUES (?, NULL, ?, 'credentials', 'tax_filing', '2026-11-30T00:00:00+00:00')",
            (planted.client_id, f"item:{planted.login_item_id}.tax_login"),
        )
    rid = erasure.request_withdrawn(planted.client_id)
    assert rid is not None
    req = erasure.requests()[0]
    assert (req.source, req.scope, req.targets) == (
        "consent_withdrawal", "items", f"item:{planted.login_item_id}.tax_login"
    )  # fmt: skip
    assert req.legal_basis == "consent_withdrawn"
    second = second_person(new_vault)
    ErasureService(second).approve(rid)
    second.lock()
    # No retention rule requires a tax-bureau login: it goes although the client is active.
    result = erasure.execute(rid, witness=WITNESS)
    assert result.erased["sensitive_items"] == 1
    assert db.scalar("SELECT resolution FROM erasure_flags WHERE client_id = ?", (planted.client_id,)) == "erased"
    assert db.scalar("SELECT count(*) FROM sensitive_items WHERE client_id = ?", (planted.client_id,)) == 1
    assert erasure.request_withdrawn(planted.client_id) is None


def test_an_accountant_cannot_tell_a_locked_client_from_a_missing_one(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, staff: dict[str, int]
) -> None:
    LockService(new_vault).lock(planted.client_id, "ended")  # assigned to acc, now locked
    erased = other_client(new_vault, "已删除客户有限公司")
    ClientService(new_vault).assign(erased, [staff["acc"]])
    destroy(new_vault, erased, "service_ended")
    acc = login(fast_vaults, new_vault, "acc")
    try:
        for cid in (planted.client_id, erased, 999_999):
            with pytest.raises(NotFound):
                ErasureService(acc).request(cid, "deletion_request", "deletion_request")
    finally:
        acc.lock()
    # The partner handles locked records: the request is accepted (the retention period has run out).
    later = ErasureService(new_vault, today=date(2060, 1, 1))
    assert later.request(planted.client_id, "retention_expiry", "retention_ended")


def test_the_note_is_sealed_under_the_partner_key_and_goes_nowhere_else(
    new_vault: Vault, fast_vaults: VaultService, planted: Planted, staff: dict[str, int]
) -> None:
    from clientvault.core.errors import DamagedFile
    from clientvault.security.sealing import aad, open_sealed

    marker = "NOTE-王小明-3b9d"
    erasure = ErasureService(new_vault)
    rid = erasure.request(planted.client_id, "deletion_request", "deletion_request")
    erasure.override(rid, OVERRIDE)
    erasure.appraise(planted.client_id)
    ErasureService(second := second_person(new_vault)).approve(rid)
    second.lock()
    priv = login(fast_vaults, new_vault, "priv")
    try:  # the privacy officer holds no PK: a note is refused before anything is erased
        with pytest.raises(InvalidState) as no_pk:
            ErasureService(priv).execute(rid, note=marker)
        assert no_pk.value.code == "partner_key_unavailable"
    finally:
        priv.lock()
    result = erasure.execute(rid, note=f"letter of 2 Nov from {marker}", witness=WITNESS)
    assert erasure.register_note(result.certificate_no) == f"letter of 2 Nov from {marker}"
    entry = erasure.register()[0]
    assert entry.has_note and entry.legal_basis == "deletion_request"
    db = new_vault.db
    nonce, blob = db.one("SELECT note_nonce, note_ciphertext FROM destruction_register")
    assert marker.encode() not in blob
    keys = new_vault.session.keys
    assert keys is not None
    with pytest.raises(DamagedFile):  # DK does not open it
        open_sealed(keys.dk, nonce, blob, aad("erasure-note", new_vault.vault_id, result.certificate_no))
    assert not [e for e in new_vault.audit.page(limit=1000) if marker in e.reason]
    assert db.all("SELECT legal_basis FROM erasure_ledger") == [("deletion_request",)]
    catalogue = (new_vault.paths.backups / "catalogue.json").read_text(encoding="utf-8")
    assert '"legal_basis": "deletion_request"' in catalogue and marker not in catalogue
    with pytest.raises(ValidationError):
        destroy(new_vault, other_client(new_vault), "service_ended", note="x" * 501)


def test_the_catalogue_mirror_replaces_a_typed_basis_with_a_code(new_vault: Vault, planted: Planted) -> None:
    import json

    from clientvault.services.backup import Catalogue, mirror_ledger

    folder = new_vault.paths.backups
    cat = Catalogue(folder, new_vault.vault_id)
    typed = {"seq": 1, "client_id": 99, "scope": "client", "targets": "", "erased_at": "2026-01-01",
             "erased_by": 1, "legal_basis": "requested by 王小明", "certificate_no": "ER-2025-000009"}  # fmt: skip
    cat.doc["ledger"] = [typed]
    cat.save()
    destroy(new_vault, planted.client_id, "service_ended")
    mirror_ledger(new_vault)
    ledger = json.loads((folder / "catalogue.json").read_text(encoding="utf-8"))["ledger"]
    assert [e["legal_basis"] for e in ledger] == ["unspecified", "service_ended"]
