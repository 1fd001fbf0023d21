"""ImportService on a real encrypted vault: plan per row and cell, matches, minimisation, roles, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientvault.core.errors import AccessDenied, InvalidState, SpreadsheetRefused, ValidationError
from clientvault.core.records import ClientInput, ClientStatus
from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter, AuditService
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.services.imports import Choice, ImportService
from clientvault.services.vault import VaultService
from tests.conftest import STAFF_PASSWORD
from tests.fixtures.workbooks import HEADER, client_row, good_workbook, resident_id, uscc, write_rows


def _codes(plan_row: object) -> set[tuple[str, str]]:
    return {(i.field, i.code) for i in plan_row.issues}  # type: ignore[attr-defined]


def _count(vault: Vault) -> int:
    return ClientService(vault).count()


def test_plan_then_commit_stores_clients_persons_and_accounts(new_vault: Vault, tmp_path: Path) -> None:
    path = good_workbook(tmp_path / "c.xlsx", 3)
    service = ImportService(new_vault)
    plan = service.plan(path)
    assert plan.importable and len(plan.rows) == 3 and _count(new_vault) == 0
    result = service.commit(plan)
    assert (result.created, result.updated, result.skipped) == (3, 0, 0)
    clients = ClientService(new_vault)
    row = clients.page(ClientFilter(text="测试公司1"))[0]
    detail = clients.get(row.id)
    assert detail.uscc == uscc(1) and detail.status is ClientStatus.ACTIVE
    assert detail.persons[0].name == "张1" and detail.persons[0].id_number_masked
    assert clients.reveal_id_number(detail.persons[0].id, "bookkeeping") == resident_id(1)
    assert detail.sensitive[0].label == "工商银行"
    # Found by the search index like a typed client.
    assert clients.count(ClientFilter(text=uscc(2))) == 1
    # No consent yet: listed in the consent work list of clients whose form is still to come.
    from clientvault.services.consent import ConsentService

    assert ConsentService(new_vault).overview_counts()["missing"] == 3


def test_audit_holds_counts_and_sha256_never_values(new_vault: Vault, tmp_path: Path) -> None:
    path = good_workbook(tmp_path / "c.xlsx", 2)
    service = ImportService(new_vault)
    plan = service.plan(path)
    service.commit(plan)
    events = AuditService(new_vault).page(AuditFilter(action_prefix="import."), offset=0, limit=10)
    reasons = " ".join(e.reason for e in events)
    assert f"sha256={plan.sha256}" in reasons and "created=2" in reasons
    assert "测试公司" not in reasons and uscc(0) not in reasons


def test_every_bad_cell_is_reported_and_nothing_is_written(new_vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(client_row(1))
    ws.append(["错码公司", uscc(2)[:-1] + ("0" if uscc(2)[-1] != "0" else "1"), "", "", "", "", "", ""])
    ws.append(["数字身份证", "", "李四", float(resident_id(3)), "", "", "", ""])
    ws.append(["公式公司", "", "", "", "", "", "", "=1+1"])
    ws.append(["全角公司", "９１１１０１０８" + uscc(5)[8:], "", "", "１３８００１３８０００", "", "", ""])
    ws.append(["重复公司", uscc(1), "", "", "", "", "", ""])
    ws.append(["", "", "王五", "", "", "", "", ""])
    wb.save(path)
    plan = ImportService(new_vault).plan(path)
    rows = {r.number: r for r in plan.rows}
    assert not rows[2].issues
    assert ("uscc", "check_digit") in _codes(rows[3])
    assert ("id_number", "number_precision") in _codes(rows[4])
    assert ("notes", "formula") in _codes(rows[5])
    assert ("uscc", "fullwidth") in _codes(rows[6]) and not rows[6].refused
    assert rows[6].values["uscc"] == uscc(5) and rows[6].values["phone"] == "13800138000"
    assert ("uscc", "duplicate_in_file") in _codes(rows[7]) and rows[7].issues[-1].ref == 2
    assert ("name", "required") in _codes(rows[8])
    assert not plan.importable
    with pytest.raises(InvalidState) as caught:
        ImportService(new_vault).commit(plan)
    assert caught.value.code == "import_refused_rows"
    assert _count(new_vault) == 0


def test_injection_text_is_stored_as_text(new_vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "inj.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(['=HYPERLINK("http://evil")', "", "", "", "", "", "", "@SUM(1+1)"])
    ws["A2"].data_type = "s"
    wb.save(path)
    service = ImportService(new_vault)
    plan = service.plan(path)
    assert plan.importable
    service.commit(plan)
    row = ClientService(new_vault).page()[0]
    assert row.name.startswith("=HYPERLINK")


def test_merged_rows_and_serial_dates(new_vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "m.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["客户名称", "负责会计", "服务开始日期"])
    ws.append(["甲公司", "", 45658])
    ws.append(["乙公司", "", ""])
    ws.append(["丙公司", "", ""])
    ws.merge_cells("B3:B4")
    wb.save(path)
    plan = ImportService(new_vault).plan(path)
    rows = {r.number: r for r in plan.rows}
    assert ("engagement_start", "serial_date") in _codes(rows[2])
    assert rows[2].values["engagement_start"] == "2025-01-01"
    assert rows[3].refused and rows[4].refused and ("", "merged") in _codes(rows[3])


@pytest.mark.slow
def test_fifty_thousand_rows_one_bad_at_the_end_writes_nothing(new_vault: Vault, tmp_path: Path) -> None:
    bad = ["坏行公司", "", "赵六", float(resident_id(9)), "", "", "", ""]
    path = good_workbook(tmp_path / "big.xlsx", 50_000, bad_last=bad)
    service = ImportService(new_vault)
    plan = service.plan(path)
    assert len(plan.rows) == 50_001
    assert [r.number for r in plan.refused] == [50_002]
    with pytest.raises(InvalidState):
        service.commit(plan)
    assert _count(new_vault) == 0


def test_commit_is_all_or_nothing_on_cancel(new_vault: Vault, tmp_path: Path) -> None:
    path = good_workbook(tmp_path / "c.xlsx", 1200)
    service = ImportService(new_vault)
    plan = service.plan(path)
    seen: list[int] = []

    def cancel() -> None:
        if len(seen) >= 1:
            raise KeyboardInterrupt
        seen.append(1)

    with pytest.raises(KeyboardInterrupt):
        service.commit(plan, check=cancel)
    assert _count(new_vault) == 0
    assert service.commit(plan).created == 1200


def test_matches_existing_clients_skip_or_fill_empty_fields(new_vault: Vault, tmp_path: Path) -> None:
    clients = ClientService(new_vault)
    first = clients.create(ClientInput(name="老客户甲", uscc=uscc(0), engagement_start="2024-01-01"))
    second = clients.create(
        ClientInput(name="老客户乙", uscc=uscc(1), engagement_start="2024-01-01", phone="13900139000")
    )
    path = good_workbook(tmp_path / "c.xlsx", 3)
    service = ImportService(new_vault)
    plan = service.plan(path)
    matched = {r.number: r.match_id for r in plan.matches}
    assert matched == {2: first, 3: second}
    result = service.commit(plan, {2: Choice.UPDATE_EMPTY, 3: Choice.SKIP})
    assert (result.created, result.updated, result.skipped) == (1, 1, 1)
    a, b = clients.get(first), clients.get(second)
    assert a.name == "老客户甲" and a.phone == "13800000000" and a.persons[0].name == "张0"
    assert b.phone == "13900139000" and not b.persons


def test_minimisation_drops_columns_no_purpose_needs(new_vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    write_rows(path, [["潜在公司", "李四", resident_id(1), "62220202000000000011", "潜在客户"]],
               header=["客户名称", "法人", "身份证号", "银行账号", "状态"])  # fmt: skip
    service = ImportService(new_vault)
    plan = service.plan(path)
    row = plan.rows[0]
    assert {("id_number", "no_purpose"), ("bank_account", "no_purpose")} <= _codes(row)
    assert "id_number" not in row.values and "bank_account" not in row.values
    service.commit(plan)
    detail = ClientService(new_vault).get(ClientService(new_vault).page()[0].id)
    assert detail.status is ClientStatus.PROSPECT and detail.persons[0].id_number_masked is None
    assert not detail.sensitive


def test_roles_assistant_refused_accountant_gets_own_clients(
    new_vault: Vault, fast_vaults: VaultService, add_staff: Callable[..., int], tmp_path: Path
) -> None:
    add_staff("asst", Role.ASSISTANT)
    acc_id = add_staff("acc", Role.ACCOUNTANT)
    path = write_rows(tmp_path / "r.xlsx", [["甲公司", "老板"], ["乙公司", ""]], header=["客户名称", "负责会计"])
    asst = fast_vaults.unlock(new_vault.paths.folder, "asst", STAFF_PASSWORD)
    acc = fast_vaults.unlock(new_vault.paths.folder, "acc", STAFF_PASSWORD)
    try:
        with pytest.raises(AccessDenied):
            ImportService(asst).plan(path)
        service = ImportService(acc)
        plan = service.plan(path)
        assert plan.dropped == {"accountant": "role"}
        service.commit(plan)
        rows = ClientService(acc).page()
        assert len(rows) == 2
        assert all(ClientService(acc).get(r.id).accountant_ids == (acc_id,) for r in rows)
    finally:
        asst.lock()
        acc.lock()


def test_saved_mapping_by_name(new_vault: Vault, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "x.xlsx", [["甲公司", "13800138000", "x"]], header=["客户名称", "联系方式", "备注"])
    service = ImportService(new_vault)
    layout = service.layout(path)
    assert layout.guessed == ["name", None, "notes"]
    service.save_mapping("老表格", layout.headers, ["name", "phone", None])
    assert service.mapping_names() == ["老表格"]
    again = service.layout(path, mapping_name="老表格")
    assert again.guessed == ["name", "phone", None]
    assert service.plan(path, again).rows[0].values["phone"] == "13800138000"
    with pytest.raises(ValidationError):
        service.layout(path, mapping_name="没有")


def test_header_without_rows_and_unreadable_files(new_vault: Vault, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "h.xlsx", [])
    with pytest.raises(SpreadsheetRefused) as caught:
        ImportService(new_vault).plan(path)
    assert caught.value.reason == "no_data"
    (tmp_path / "t.xlsx").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(SpreadsheetRefused):
        ImportService(new_vault).plan(tmp_path / "t.xlsx")
    assert _count(new_vault) == 0


def test_the_template_imports_its_example_row(new_vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    path.write_bytes(ImportService(new_vault).template())
    plan = ImportService(new_vault).plan(path)
    assert plan.importable and len(plan.rows) == 1
    assert plan.rows[0].values["kind"] == "enterprise" and plan.rows[0].values["status"] == "active"


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("abc 12３４ＡＢ　测试，（）ｶﾞ①é"), max_size=20))
def test_fullwidth_fast_path_changes_nothing(text: str) -> None:
    import unicodedata

    from clientvault.services.imports import _fullwidth

    by_definition = not text.isascii() and any(
        unicodedata.east_asian_width(ch) == "F" and unicodedata.normalize("NFKC", ch) != ch for ch in text
    )
    assert _fullwidth(text) == by_definition
