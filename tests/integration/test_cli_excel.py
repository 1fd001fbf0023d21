"""``clientvault import`` and ``clientvault export``: exit codes, per-row report without values, nothing written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from clientvault.core.roles import Role
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD, STAFF_PASSWORD
from tests.fixtures.cli import run_cli as _run
from tests.fixtures.workbooks import client_row, good_workbook, resident_id, uscc


def _count(fast_vaults: VaultService, vault_dir: Path) -> int:
    vault = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    try:
        return ClientService(vault).count()
    finally:
        vault.lock()


def test_dry_run_then_import(new_vault: Vault, vault_dir: Path, fast_vaults: VaultService, tmp_path: Path) -> None:
    new_vault.lock()
    path = good_workbook(tmp_path / "c.xlsx", 4)
    code, out, err = _run(vault_dir, "import", str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert "rows\t4\trefused=0" in out and "dry run" in out
    assert _count(fast_vaults, vault_dir) == 0
    code, out, err = _run(vault_dir, "import", str(path))
    assert (code, err) == (0, "") and "created=4" in out
    assert _count(fast_vaults, vault_dir) == 4
    # The same file again: every row matches an existing client and is skipped.
    code, out, _ = _run(vault_dir, "import", str(path))
    assert code == 0 and "skipped=4" in out and "matches_existing" in out


def test_a_refused_row_exits_1_names_row_field_reason_never_a_value(
    new_vault: Vault, vault_dir: Path, fast_vaults: VaultService, tmp_path: Path
) -> None:
    new_vault.lock()
    bad_code = uscc(7)[:-1] + ("0" if uscc(7)[-1] != "0" else "1")
    path = good_workbook(tmp_path / "c.xlsx", 3, bad_last=["坏公司", bad_code, "钱七", float(resident_id(7))])
    code, out, err = _run(vault_dir, "import", str(path))
    assert code == 1
    assert err == "clientvault: 1 of 4 rows refused; nothing was imported\n"
    lines = [line.split("\t") for line in out.splitlines()]
    assert ["row 5", "uscc", "error", "check_digit"] in [line[:4] for line in lines]
    assert ["row 5", "id_number", "error", "number_precision"] in [line[:4] for line in lines]
    for secret in ("坏公司", bad_code, "钱七", resident_id(7)[:10], client_row(0)[0]):
        assert secret not in out and secret not in err
    assert _count(fast_vaults, vault_dir) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"a,b\n1,2\n", "CSV text file"),
        (b"PK\x03\x04truncated", "damaged or incomplete"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old .xls workbook"),
    ],
)
def test_unreadable_files_exit_2_with_one_line(
    new_vault: Vault, vault_dir: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    new_vault.lock()
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    code, out, err = _run(vault_dir, "import", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err


def test_import_by_an_assistant_is_refused(
    new_vault: Vault, vault_dir: Path, add_staff: Callable[..., int], tmp_path: Path
) -> None:
    add_staff("asst", Role.ASSISTANT)
    new_vault.lock()
    path = good_workbook(tmp_path / "c.xlsx", 1)
    code, _, err = _run(vault_dir, "import", str(path), user="asst", password=STAFF_PASSWORD)
    assert code == 2 and "may not" in err


def test_export_list_client_and_usage_errors(new_vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    new_vault.lock()
    _run(vault_dir, "import", str(good_workbook(tmp_path / "c.xlsx", 3)))
    out_file = tmp_path / "list.xlsx"
    code, out, err = _run(vault_dir, "export", "--out", str(out_file), "--search", "测试公司1", "--purpose", "审计")
    assert code == 0, err
    fields = out.strip().split("\t")
    assert fields[0] == "list.xlsx" and fields[2] == "rows=1"
    wb = openpyxl.load_workbook(out_file)
    assert wb["客户"]["A2"].value == "测试公司1"
    code, _, err = _run(vault_dir, "export", "--out", str(tmp_path / "a.xlsx"))
    assert code == 2 and "--purpose is required" in err
    code, _, err = _run(vault_dir, "export", "--out", str(tmp_path / "a.csv"), "--purpose", "x")
    assert code == 2 and ".xlsx" in err
    code, _, err = _run(vault_dir, "export", "--out", str(out_file), "--purpose", "x")
    assert code == 2 and "exists" in err
    code, out, err = _run(vault_dir, "export", "--out", str(tmp_path / "one.xlsx"), "--client", "1", "--purpose", "x")
    assert code == 0, err
    code, out, _ = _run(vault_dir, "exports", "list")
    assert out.count("excel") == 2


def test_export_threshold_and_approval_verbs(
    new_vault: Vault, vault_dir: Path, add_staff: Callable[..., int], tmp_path: Path
) -> None:
    add_staff("acc", Role.ACCOUNTANT)
    new_vault.lock()
    _run(vault_dir, "import", str(good_workbook(tmp_path / "c.xlsx", 3)))
    assert _run(vault_dir, "export-threshold")[1] == "threshold\t200\n"
    assert _run(vault_dir, "export-threshold", "1")[1] == "threshold\t1\n"
    code, _, err = _run(vault_dir, "export-threshold", "5", user="acc", password=STAFF_PASSWORD)
    assert code == 2 and "may not" in err
    out_file = str(tmp_path / "acc.xlsx")
    # The accountant sees no client (none assigned): 0 rows is under any threshold.
    code, out, err = _run(vault_dir, "export", "--out", out_file, "--purpose", "x", user="acc", password=STAFF_PASSWORD)
    assert code == 0, err
    # The partner's own export needs no approval; a request can still be filed and decided.
    code, out, _ = _run(vault_dir, "export", "--out", str(tmp_path / "p.xlsx"), "--purpose", "x", "--request")
    number = out.split("\t")[1]
    assert code == 0 and number in _run(vault_dir, "export-approve")[1]
    assert _run(vault_dir, "export-approve", number)[1] == f"{number}\tapproved\n"
    code, _, err = _run(vault_dir, "export-approve", number)
    assert code == 2 and "already used" in err
