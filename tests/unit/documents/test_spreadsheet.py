"""The guarded ``.xlsx`` reader and the safe writer: every bad file gets its code, nothing is parsed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from clientvault.core.errors import SpreadsheetRefused
from clientvault.documents.spreadsheet import Workbook, check_workbook, guess_field, merged_ranges, serial_date
from clientvault.documents.workbook_writer import Column, Stamp, neutralise, restore, template_workbook, write_table
from tests.fixtures.workbooks import HEADER, client_row, good_workbook, write_rows

STAMP = Stamp("测试代账公司", "老板", "2026-11-30T10:00+08:00", "年度核对", "客户清单")


def _refused(path: Path) -> str:
    with pytest.raises(SpreadsheetRefused) as caught, Workbook(path) as wb:
        wb.layout()
    return caught.value.reason


def test_a_good_workbook_streams_its_rows(tmp_path: Path) -> None:
    path = good_workbook(tmp_path / "ok.xlsx", 5)
    with Workbook(path) as wb:
        layout = wb.layout()
        rows = list(wb.rows(layout))
    assert layout.header_row == 1
    assert layout.guessed == ["name", "uscc", "legal_rep", "id_number", "phone", "bank_name", "bank_account", "notes"]
    assert [r.number for r in rows] == [2, 3, 4, 5, 6]
    assert list(rows[0].values) == client_row(0)


def test_truncated_zip_is_damaged(tmp_path: Path) -> None:
    data = good_workbook(tmp_path / "ok.xlsx", 50).read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    assert _refused(tmp_path / "cut.xlsx") == "damaged"


def test_corrupted_member_is_damaged(tmp_path: Path) -> None:
    src = good_workbook(tmp_path / "ok.xlsx", 200)
    out = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename.startswith("xl/worksheets/"):
                body = body[: len(body) // 2] + b"<<garbage" + body[len(body) // 2 :]
            zout.writestr(info.filename, body)
    with pytest.raises(SpreadsheetRefused) as caught, Workbook(out) as wb:
        list(wb.rows(wb.layout()))
    assert caught.value.reason == "damaged"


def test_xls_csv_and_encrypted_renamed_to_xlsx(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    (tmp_path / "old.xlsx").write_bytes(ole + "Workbook".encode("utf-16-le") + b"\x00" * 2000)
    (tmp_path / "locked.xlsx").write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 2000)
    (tmp_path / "list.xlsx").write_text("客户名称,统一社会信用代码\n测试,123\n", encoding="utf-8")
    (tmp_path / "photo.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert _refused(tmp_path / "old.xlsx") == "xls"
    assert _refused(tmp_path / "locked.xlsx") == "encrypted"
    assert _refused(tmp_path / "list.xlsx") == "csv"
    assert _refused(tmp_path / "photo.xlsx") == "not_workbook"


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "x.xlsx", "w") as z:
        z.writestr("readme.txt", "hello")
    assert _refused(tmp_path / "x.xlsx") == "not_workbook"


def test_zip_bomb_is_refused_from_the_directory(tmp_path: Path) -> None:
    src = good_workbook(tmp_path / "ok.xlsx", 3)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        zout.writestr("xl/media/padding.bin", b"\x00" * (20 * 1024 * 1024))
    assert bomb.stat().st_size < 200_000
    assert _refused(bomb) == "zip_bomb"


def test_empty_file_empty_workbook_and_no_header(tmp_path: Path) -> None:
    (tmp_path / "zero.xlsx").write_bytes(b"")
    assert _refused(tmp_path / "zero.xlsx") == "empty"
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "blank.xlsx")
    assert _refused(tmp_path / "blank.xlsx") == "empty"
    write_rows(tmp_path / "noheader.xlsx", [["a", "b"]], header=["甲", "乙"])
    assert _refused(tmp_path / "noheader.xlsx") == "no_header"
    # A header below the 30 rows searched is not found either.
    write_rows(tmp_path / "deep.xlsx", [client_row(1)], above=[["说明"]] * 35)
    assert _refused(tmp_path / "deep.xlsx") == "no_header"


def test_header_under_title_and_blank_rows_columns_in_any_order(tmp_path: Path) -> None:
    header = ["备注", "手机", "企业名称", "税号", "法人"]
    path = write_rows(
        tmp_path / "t.xlsx",
        [["x", "13800138000", "甲公司", "", "王五"]],
        header=header,
        above=[["2025 客户表"], [], []],
    )
    with Workbook(path) as wb:
        layout = wb.layout()
        rows = list(wb.rows(layout))
    assert layout.header_row == 4
    assert layout.guessed == ["notes", "phone", "name", "tax_no", "legal_rep"]
    assert rows[0].number == 5


def test_declared_million_rows_is_not_trusted(tmp_path: Path) -> None:
    src = good_workbook(tmp_path / "ok.xlsx", 3)
    out = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = body.decode()
                if "<dimension" in text:
                    start = text.index("<dimension")
                    text = text[:start] + text[text.index("/>", start) + 2 :]
                body = text.replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>', 1).encode()
            zout.writestr(info.filename, body)
    with Workbook(out) as wb:
        rows = list(wb.rows(wb.layout()))
    assert len(rows) == 3


def test_formula_cells_are_reported_never_evaluated(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["甲公司", "=1+1", "", "", "", "", "", ""])
    ws.append(["乙公司", "", "", "", "", "", "", ""])
    ws["H3"] = '=HYPERLINK("http://x")'
    ws["H3"].data_type = "s"  # a text cell that merely starts with "="
    wb.save(path)
    with Workbook(path) as book:
        rows = list(book.rows(book.layout()))
    assert rows[0].formulas == (1,) and rows[0].values[1] == "=1+1"
    assert rows[1].formulas == () and rows[1].values[7].startswith("=HYPERLINK")


def test_merged_ranges_are_read_from_the_sheet(tmp_path: Path) -> None:
    path = tmp_path / "m.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["客户清单"])
    ws.merge_cells("A1:H1")
    ws.append(HEADER)
    for i in range(3):
        ws.append(client_row(i))
    ws.merge_cells("H3:H4")
    wb.save(path)
    with Workbook(path) as book:
        layout = book.layout()
    assert layout.header_row == 2
    assert sorted(layout.merged) == [(1, 1, 1, 8), (3, 4, 8, 8)]
    assert merged_ranges(path, "xl/worksheets/sheet1.xml") == layout.merged


def test_lock_file_or_permission_error_means_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = good_workbook(tmp_path / "客户.xlsx", 2)
    lock = tmp_path / "~$客户.xlsx"
    lock.write_bytes(b"\x00")
    assert _refused(path) == "locked"
    lock.unlink()
    check_workbook(path)

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "denied")

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(SpreadsheetRefused) as caught:
        check_workbook(path)
    assert caught.value.reason == "locked"


def test_header_synonyms_and_serial_dates() -> None:
    assert guess_field("统一社会信用代码*") == "uscc"
    assert guess_field(" 纳税人识别号 ") == "tax_no"
    assert guess_field("身份证号码") == "id_number"
    assert guess_field("开户银行") == "bank_name"
    assert guess_field("Ｅｍａｉｌ") == "email"
    assert guess_field("随便") is None
    assert serial_date(45658).isoformat() == "2025-01-01"  # type: ignore[union-attr]
    assert serial_date(-3) is None


def test_writer_neutralises_formula_text_and_keeps_ids_as_text(tmp_path: Path) -> None:
    rows = [
        ["=cmd|' /C calc'!A0", "110105194912310021", "+86 138", "-x", "@SUM(1)", "\tx", "ok"],
        ["二号", "", 13800138000, "x", None, 3, "ok"],
        ["三号", "11010519491231002X", "13900139000", "y", "z", 4.5, "ok"],
    ]
    cols = [Column("名称"), Column("身份证号", identifier=True), Column("电话", identifier=True)] + [
        Column(f"c{i}") for i in range(4)
    ]
    data, count = write_table(cols, rows, STAMP)
    assert count == 3
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    cells = [c for row in ws.iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    values = [c.value for c in ws[2]]
    assert values[0] == "'=cmd|' /C calc'!A0" and values[1] == "110105194912310021"
    assert ws["B2"].number_format == "@" and ws["B2"].data_type == "s"
    # The reused cells of the writer: only non-empty text in identifier columns is "@"; headers,
    # other columns, numbers and empty identifiers keep the General format and their own types.
    text_cells = {c.coordinate for c in cells if c.number_format == "@"}
    assert text_cells == {"B2", "C2", "B4", "C4"}
    assert ws["C3"].value == 13800138000 and ws["C3"].data_type == "n"
    assert ws["F4"].value == 4.5 and ws["E3"].value is None and ws["B4"].value == "11010519491231002X"
    assert [restore(str(x)) for x in values[:6]] == rows[0][:6]
    assert wb.properties.creator == "老板" and "年度核对" in (wb.properties.description or "")
    assert "年度核对" in ws.oddFooter.center.text
    assert neutralise("正常") == "正常"


def test_template_has_lists_example_and_text_id_columns(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    path.write_bytes(template_workbook(STAMP))
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws["A1"].value == "客户名称"
    assert ws["C2"].data_type == "s" and ws["C3"].number_format == "@"
    assert {dv.formula1 for dv in ws.data_validations.dataValidation} == {
        '"企业,个体工商户,个人"',
        '"潜在客户,服务中,已终止"',
    }
    with Workbook(path) as book:
        layout = book.layout()
        assert len(list(book.rows(layout))) == 1
    # The example row itself is valid (check digits included).
    from clientvault.core import validation as v

    assert v.validate_uscc(ws["C2"].value) == ws["C2"].value
    assert v.validate_resident_id(ws["F2"].value) == ws["F2"].value
