"""Excel export: round trip, no formula cell, masking by role, approvals, the export register."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from clientvault.core.errors import AccessDenied, InvalidState
from clientvault.core.records import ClientInput, ClientStatus, PersonInput, PersonRole
from clientvault.core.roles import Role
from clientvault.services.clients import ClientService, SharedIdentifier
from clientvault.services.consent import ConsentService
from clientvault.services.context import Vault
from clientvault.services.exports import ExportService
from clientvault.services.imports import ImportService
from clientvault.services.spreadsheet_export import ExcelExportService, ExportScope
from clientvault.services.vault import VaultService
from tests.conftest import STAFF_PASSWORD, create_test_vault
from tests.fixtures.workbooks import good_workbook, resident_id


def _snapshot(vault: Vault) -> list[tuple[object, ...]]:
    """Every client as the partner sees it, with revealed IDs (order-free)."""
    clients = ClientService(vault)
    out = []
    for row in clients.page(limit=1000):
        d = clients.get(row.id)
        person = d.persons[0] if d.persons else None
        number = clients.reveal_id_number(person.id, "bookkeeping") if person and person.id_number_masked else ""
        bank = clients.reveal_item(d.sensitive[0].id, "bookkeeping") if d.sensitive else ""
        out.append((d.name, d.kind, d.uscc, d.tax_no, d.phone, d.email, d.address, d.industry, d.status,
                    d.engagement_start, d.notes, person.name if person else "", number, bank))  # fmt: skip
    return sorted(out)


def test_round_trip_export_then_import_gives_the_same_clients(
    new_vault: Vault, fast_vaults: VaultService, tmp_path: Path
) -> None:
    service = ImportService(new_vault)
    service.commit(service.plan(good_workbook(tmp_path / "in.xlsx", 40)))
    clients = ClientService(new_vault)
    cid = clients.create(ClientInput(name="-减号公司", notes="=1+2 不是公式", engagement_start="2025-03-01"))
    clients.add_person(cid, PersonInput(PersonRole.LEGAL_REP, "钱七", id_number=resident_id(77)))
    before = _snapshot(new_vault)
    out = tmp_path / "out.xlsx"
    entry = ExcelExportService(new_vault).save(ExportScope(), out, "年度核对", unmasked=True)
    assert entry.row_count == 41

    other = create_test_vault(fast_vaults, tmp_path / "other").vault
    try:
        again = ImportService(other)
        plan = again.plan(out)
        assert plan.importable, [(r.number, r.issues) for r in plan.refused]
        again.commit(plan)
        assert _snapshot(other) == before
    finally:
        other.lock()


def test_exported_workbook_has_no_formula_and_ids_as_text(new_vault: Vault, tmp_path: Path) -> None:
    clients = ClientService(new_vault)
    payloads = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", '=HYPERLINK("http://x")']
    for i, text in enumerate(payloads):
        cid = clients.create(ClientInput(name=f"{text}{i}", notes=text, engagement_start="2025-01-01"))
        clients.add_person(cid, PersonInput(PersonRole.LEGAL_REP, "某人", id_number=resident_id(i)))
    out = tmp_path / "x.xlsx"
    ExcelExportService(new_vault).save(ExportScope(), out, "检查", unmasked=True)
    wb = openpyxl.load_workbook(out)
    ws = wb["客户"]
    cells = [c for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert all(not str(c.value).startswith(("=", "+", "-", "@")) for c in cells if isinstance(c.value, str))
    header = [c.value for c in ws[1]]
    id_col = header.index("身份证号") + 1
    id_cells = [ws.cell(row=r, column=id_col) for r in range(2, ws.max_row + 1)]
    assert all(c.data_type == "s" and c.number_format == "@" and len(str(c.value)) == 18 for c in id_cells)
    assert wb.properties.creator == "老板" and "检查" in (wb.properties.description or "")


def test_masked_unless_partner_asks_unmasked_with_purpose(
    new_vault: Vault, fast_vaults: VaultService, add_staff: Callable[..., int], tmp_path: Path
) -> None:
    acc_id = add_staff("acc", Role.ACCOUNTANT)
    add_staff("priv", Role.PRIVACY_OFFICER)
    clients = ClientService(new_vault)
    cid = clients.create(ClientInput(name="甲公司", engagement_start="2025-01-01"))
    clients.add_person(cid, PersonInput(PersonRole.LEGAL_REP, "孙八", id_number=resident_id(8)))
    clients.assign(cid, [acc_id])
    partner = ExcelExportService(new_vault)
    masked = tmp_path / "m.xlsx"
    partner.save(ExportScope(), masked, "核对")
    assert resident_id(8) not in _all_text(masked)
    full = tmp_path / "f.xlsx"
    partner.save(ExportScope(), full, "核对", unmasked=True)
    assert resident_id(8) in _all_text(full)
    acc = fast_vaults.unlock(new_vault.paths.folder, "acc", STAFF_PASSWORD)
    priv = fast_vaults.unlock(new_vault.paths.folder, "priv", STAFF_PASSWORD)
    try:
        with pytest.raises(AccessDenied):
            ExcelExportService(acc).save(ExportScope(), tmp_path / "a.xlsx", "核对", unmasked=True)
        ExcelExportService(acc).save(ExportScope(), tmp_path / "a2.xlsx", "核对")
        assert resident_id(8) not in _all_text(tmp_path / "a2.xlsx")
        with pytest.raises(AccessDenied):
            ExcelExportService(priv).save(ExportScope(), tmp_path / "p.xlsx", "核对")
        assert not (tmp_path / "p.xlsx").exists() and not (tmp_path / "a.xlsx").exists()
    finally:
        acc.lock()
        priv.lock()


def _all_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path, read_only=True)
    return " ".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)


def test_register_entry_has_sha256_rows_and_destroy_by(new_vault: Vault, tmp_path: Path) -> None:
    service = ImportService(new_vault)
    service.commit(service.plan(good_workbook(tmp_path / "in.xlsx", 5)))
    out = tmp_path / "list.xlsx"
    entry = ExcelExportService(new_vault).save(ExportScope(search="测试公司1"), out, "给审计")
    assert entry.row_count == 1 and entry.kind == "excel"
    assert entry.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert entry.destroy_by and ExportService(new_vault).get(entry.id).purpose == "给审计"


def test_one_client_and_one_person_records(new_vault: Vault, tmp_path: Path) -> None:
    clients = ClientService(new_vault)
    a = clients.create(ClientInput(name="甲公司", engagement_start="2025-01-01"))
    b = clients.create(ClientInput(name="乙公司", engagement_start="2025-01-01"))
    pid = clients.add_person(a, PersonInput(PersonRole.LEGAL_REP, "周九", id_number=resident_id(9)))
    # The same person on a second client (confirmed as the same person, as the UI asks).
    clients.add_person(
        b,
        PersonInput(PersonRole.SHAREHOLDER, "周九", id_number=resident_id(9)),
        shared=(SharedIdentifier("id_number", a),),
    )
    service = ExcelExportService(new_vault)
    entry = service.save(ExportScope(kind="client", client_id=a), tmp_path / "a.xlsx", "复制请求")
    assert entry.row_count == 1
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert wb.sheetnames == ["客户", "人员", "同意记录"] and wb["人员"]["C2"].value == "周九"
    person = service.save(ExportScope(kind="person", person_id=pid), tmp_path / "p.xlsx", "查阅请求", unmasked=True)
    assert person.kind == "request_copy" and person.row_count == 2
    assert _all_text(tmp_path / "p.xlsx").count(resident_id(9)) == 2


def test_a_record_export_lists_the_consents_of_the_client_or_of_the_person(new_vault: Vault, tmp_path: Path) -> None:
    # The full record of an access or copy request includes what the person agreed to (PIPL Art 45).
    clients = ClientService(new_vault)
    a = clients.create(ClientInput(name="丙公司", engagement_start="2025-01-01"))
    rep = clients.add_person(a, PersonInput(PersonRole.LEGAL_REP, "吴十"))
    other = clients.add_person(a, PersonInput(PersonRole.CONTACT, "郑十一"))
    consent = ConsentService(new_vault)
    consent.record_in_person(a, "marketing", person_id=rep)
    consent.record_in_person(a, "marketing", person_id=other)
    service = ExcelExportService(new_vault)
    service.save(ExportScope(kind="client", client_id=a), tmp_path / "c.xlsx", "复制请求")
    rows = list(openpyxl.load_workbook(tmp_path / "c.xlsx")["同意记录"].iter_rows(min_row=2, values_only=True))
    assert sorted(r[1] for r in rows if r[0] == "丙公司") == ["吴十", "郑十一"]
    assert all(r[4] == "已同意" and r[5] == "当面确认" for r in rows if r[0] == "丙公司")
    entry = service.save(ExportScope(kind="person", person_id=rep), tmp_path / "p.xlsx", "查阅请求")
    assert entry.row_count == 1  # the person's rows; the consent sheet does not count as exported clients
    wb = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert wb.sheetnames == ["个人信息", "同意记录"]
    consents = [r for r in wb["同意记录"].iter_rows(min_row=2, values_only=True) if r[0] == "丙公司"]
    assert [r[1] for r in consents] == ["吴十"]  # only this person's, never the colleague's
    assert "marketing" not in _all_text(tmp_path / "p.xlsx")  # the purpose's name, not its code


def test_above_threshold_needs_a_partners_approval(
    new_vault: Vault, fast_vaults: VaultService, add_staff: Callable[..., int], tmp_path: Path
) -> None:
    acc_id = add_staff("acc", Role.ACCOUNTANT)
    clients = ClientService(new_vault)
    for i in range(4):
        cid = clients.create(ClientInput(name=f"客户{i}", engagement_start="2025-01-01"))
        clients.assign(cid, [acc_id])
    partner = ExcelExportService(new_vault)
    partner.set_threshold(3)
    acc = fast_vaults.unlock(new_vault.paths.folder, "acc", STAFF_PASSWORD)
    try:
        service = ExcelExportService(acc)
        with pytest.raises(InvalidState) as caught:
            service.save(ExportScope(), tmp_path / "a.xlsx", "年报")
        assert caught.value.code == "export_needs_approval" and not (tmp_path / "a.xlsx").exists()
        approval = service.request(ExportScope(), "年报")
        with pytest.raises(InvalidState) as caught:
            service.save(ExportScope(), tmp_path / "a.xlsx", "年报", approval_id=approval)
        assert caught.value.code == "export_not_approved"
        with pytest.raises(AccessDenied):
            service.decide(approval, True)
        assert [a.id for a in partner.approvals()] == [approval]
        partner.decide(approval, True)
        with pytest.raises(InvalidState) as caught:
            service.save(ExportScope(status=ClientStatus.ACTIVE), tmp_path / "a.xlsx", "年报", approval_id=approval)
        assert caught.value.code == "export_approval_mismatch"
        entry = service.save(ExportScope(), tmp_path / "a.xlsx", "年报", approval_id=approval)
        assert entry.row_count == 4
        with pytest.raises(InvalidState) as caught:
            service.save(ExportScope(), tmp_path / "b.xlsx", "年报", approval_id=approval)
        assert caught.value.code == "export_approval_used"
    finally:
        acc.lock()
    # The partner's own export needs no approval.
    assert partner.save(ExportScope(), tmp_path / "p.xlsx", "年报").row_count == 4
