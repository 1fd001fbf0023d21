"""Every bad file of issue 11, through the import service and the wizard: its own clear message, nothing written.

The document-level tests (tests/unit/documents/test_spreadsheet.py) say which code each file gets;
these say that the code reaches the user as its own translated sentence (never the generic
fallback) on the wizard's first page, and that the vault is unchanged (no client, no import event).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from clientvault.core.errors import InvalidState, SpreadsheetRefused
from clientvault.documents import spreadsheet
from clientvault.services.audit import AuditFilter
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.imports import ImportService
from clientvault.ui.dialogs.import_wizard import ImportWizard
from clientvault.ui.errors import error_message, spreadsheet_message
from clientvault.ui.operations import Operations
from tests.fixtures.workbooks import client_row, good_workbook, resident_id, write_rows

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _truncated(path: Path) -> Path:
    data = good_workbook(path.with_name("whole.xlsx"), 50).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _bomb(path: Path) -> Path:
    src = good_workbook(path.with_name("small.xlsx"), 3)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        zout.writestr("xl/media/padding.bin", b"\x00" * (20 * 1024 * 1024))
    return path


def _blank_workbook(path: Path) -> Path:
    openpyxl.Workbook().save(path)
    return path


def _open_in_excel(path: Path) -> Path:
    good_workbook(path, 3)
    path.with_name("~$" + path.name).write_bytes(b"\x00" * 165)  # the owner file Excel and WPS keep
    return path


def _write(data: bytes) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return build


#: (file builder, refusal code) for every file-level case of the issue's "Bad input" list.
FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "truncated zip": (_truncated, "damaged"),
    "not a zip at all": (_write(b"PK\x03\x04truncated"), "damaged"),
    ".xls renamed": (_write(OLE + "Workbook".encode("utf-16-le") + b"\x00" * 2000), "xls"),
    "encrypted (OLE) workbook": (_write(OLE + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 2000), "encrypted"),
    ".csv renamed": (_write("客户名称,统一社会信用代码\n测试,123\n".encode()), "csv"),
    "zero bytes": (_write(b""), "empty"),
    "empty workbook": (_blank_workbook, "empty"),
    "zip bomb": (_bomb, "zip_bomb"),
    "open in Excel": (_open_in_excel, "locked"),
    "no header row": (lambda p: write_rows(p, [["a", "b"]], header=["甲", "乙"]), "no_header"),
}


def _untouched(vault: Vault) -> None:
    assert ClientService(vault).count() == 0
    assert not vault.audit.page(AuditFilter(action_prefix="import.commit"))


@pytest.mark.parametrize("case", list(FILES))
def test_bad_file_has_its_own_message_and_writes_nothing(
    qtbot: QtBot, new_vault: Vault, tmp_path: Path, case: str
) -> None:
    build, reason = FILES[case]
    path = build(tmp_path / "clients.xlsx")
    with pytest.raises(SpreadsheetRefused) as caught:
        ImportService(new_vault).plan(path)
    assert caught.value.reason == reason
    message = error_message(caught.value)
    assert message == spreadsheet_message(reason) != spreadsheet_message("no such code")
    wizard = ImportWizard(ImportService(new_vault), Operations())
    qtbot.addWidget(wizard)
    wizard.file_page.path.setText(str(path))
    wizard.file_page.load_sheets()
    if wizard.file_page.isComplete():  # the sheet list was read: the header search refuses at Next
        assert not wizard.file_page.validatePage()
    assert wizard.file_page.error.text() == message
    _untouched(new_vault)


def test_header_without_data_rows_is_said_at_the_preview(new_vault: Vault, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "header.xlsx", [])
    with pytest.raises(SpreadsheetRefused) as caught:
        ImportService(new_vault).plan(path)
    assert caught.value.reason == "no_data"
    assert error_message(caught.value) == spreadsheet_message("no_data") != spreadsheet_message("no such code")
    _untouched(new_vault)


def test_more_rows_than_one_import_takes(new_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 5)  # the real limit is 200 000 rows, counted as they stream
    path = good_workbook(tmp_path / "many.xlsx", 6)
    with pytest.raises(SpreadsheetRefused) as caught:
        ImportService(new_vault).plan(path)
    assert caught.value.reason == "too_many_rows"
    assert error_message(caught.value) == spreadsheet_message("too_many_rows")
    _untouched(new_vault)
    assert len(ImportService(new_vault).plan(good_workbook(tmp_path / "five.xlsx", 5)).rows) == 5


def test_ids_as_numbers_and_wrong_id_check_digits(new_vault: Vault, tmp_path: Path) -> None:
    good_id = resident_id(4)
    wrong_id = good_id[:-1] + ("0" if good_id[-1] != "0" else "1")
    rows = [
        client_row(1),
        ["整数电话", "", "", "", 13800138000, "", "", ""],  # a phone Excel stored as a number: kept, said
        ["整数身份证", "", "李四", int(resident_id(3)[:-1] + "0"), "", "", "", ""],  # 18 digits as a number
        ["错身份证", "", "王五", wrong_id, "", "", "", ""],
    ]
    path = write_rows(tmp_path / "ids.xlsx", rows)
    service = ImportService(new_vault)
    plan = service.plan(path)
    found = {r.number: {(i.field, i.code, i.error) for i in r.issues} for r in plan.rows}
    assert found[2] == set()
    assert found[3] == {("phone", "number_cell", False)}
    assert plan.rows[1].values["phone"] == "13800138000"
    assert ("id_number", "number_precision", True) in found[4]
    assert ("id_number", "check_digit", True) in found[5]
    assert [r.number for r in plan.refused] == [4, 5]
    with pytest.raises(InvalidState) as refused:
        service.commit(plan)
    assert refused.value.code == "import_refused_rows"
    _untouched(new_vault)
