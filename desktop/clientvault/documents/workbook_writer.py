"""Writing ``.xlsx`` workbooks that are safe to open: exports and the import template.

Qt-free. Every workbook is written in ``write_only`` mode (rows streamed, constant memory) and:

* a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
  apostrophe, so Excel and WPS never treat it as a formula (OWASP "CSV/formula injection"); the
  importer removes exactly that apostrophe again, so an export reads back unchanged;
* identifier columns (ID numbers, credit codes, tax numbers, phones, account numbers) are text
  cells with the ``@`` (Text) number format, so no digit is lost or shown in scientific notation;
* the document properties (creator, title, subject, description, keywords) and the header/footer
  line name who exported the file, when, and for which purpose.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from clientvault.documents.spreadsheet import FIELDS, ID_FIELDS, SYNONYMS

#: Characters that make a spreadsheet treat a cell's text as a formula or command.
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
_DANGEROUS_CHARS = frozenset(DANGEROUS_START)


def neutralise(text: str) -> str:
    """Prefix an apostrophe to text that a spreadsheet would execute."""
    return "'" + text if text.startswith(DANGEROUS_START) else text


def _neutralise_fast(text: str) -> str:
    return "'" + text if text[:1] in _DANGEROUS_CHARS else text


def restore(text: str) -> str:
    """Undo :func:`neutralise` (used by the importer): drop the apostrophe before a dangerous start."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(DANGEROUS_START):
        return text[1:]
    return text


@dataclass(frozen=True)
class Stamp:
    """Who exported the workbook, when and why (properties and header/footer line)."""

    firm: str
    user: str
    at: str  # ISO date-time
    purpose: str
    title: str


@dataclass(frozen=True)
class Column:
    """One column of an export: its header and whether its values are identifiers (text format)."""

    header: str
    identifier: bool = False
    width: int = 18


def _stamp(wb: Any, ws: Any, stamp: Stamp) -> None:
    wb.properties.creator = stamp.user
    wb.properties.lastModifiedBy = stamp.user
    wb.properties.title = stamp.title
    wb.properties.subject = stamp.purpose
    wb.properties.description = f"ClientVault export by {stamp.user} at {stamp.at}; purpose: {stamp.purpose}"
    wb.properties.keywords = "ClientVault; personal information; confidential"
    line = f"{stamp.firm} · {stamp.user} · {stamp.at} · {stamp.purpose}"
    ws.oddHeader.center.text = _hf(stamp.title)
    ws.oddFooter.center.text = _hf(line)
    ws.oddFooter.right.text = "&P / &N"


def _hf(text: str) -> str:
    # "&" starts a header/footer code; double it so a firm name cannot inject one.
    return text.replace("&", "&&")[:250]


@dataclass(frozen=True)
class Sheet:
    """One sheet of an export: its title, header row and (streamed) data rows."""

    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]


def _cells(ws: Any, identifiers: frozenset[int]) -> Callable[[Sequence[Any], int], Iterator[Any]]:
    """The write-only sheet's conversion of an appended row into cells, with two reused cells.

    openpyxl's own ``_values_to_row`` reuses one cell for every plain value but needs a new
    ``WriteOnlyCell`` (and a caught ``ValueError``) for each styled one. Here a non-empty text in
    an identifier column (1-based ``identifiers``) goes through one cell with the ``@`` (Text)
    number format, everything else through one plain cell: the sheet writer serialises each cell
    as soon as it is yielded, so reusing them is safe, and every value still goes through
    openpyxl's own checks (``cell.value = ...``).
    """
    from openpyxl.cell import WriteOnlyCell

    plain = WriteOnlyCell(ws)
    text = WriteOnlyCell(ws)
    text.number_format = "@"

    def values_to_row(values: Sequence[Any], row_idx: int) -> Iterator[Any]:
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            cell = text if col_idx in identifiers and type(value) is str and value else plain
            cell.value = value
            cell.column = col_idx
            cell.row = row_idx
            yield cell

    return values_to_row


def write_sheets(sheets: Sequence[Sheet], stamp: Stamp) -> tuple[bytes, int]:
    """Render a workbook; return its bytes and the number of data rows of its first sheet."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    counts = []
    for sheet in sheets:
        ws = wb.create_sheet(sheet.title[:31])
        _stamp(wb, ws, stamp)
        for i, col in enumerate(sheet.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = col.width
        ws.append([neutralise(c.header) for c in sheet.columns])
        ws._values_to_row = _cells(ws, frozenset(i for i, c in enumerate(sheet.columns, start=1) if c.identifier))
        count = 0
        for row in sheet.rows:
            ws.append([(_neutralise_fast(v) if type(v) is str else v) for v in row])
            count += 1
        counts.append(count)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), counts[0] if counts else 0


def write_table(
    columns: Sequence[Column], rows: Iterable[Sequence[Any]], stamp: Stamp, *, sheet: str = "Clients"
) -> tuple[bytes, int]:
    """Render a one-sheet workbook; return its bytes and the number of data rows."""
    return write_sheets([Sheet(sheet, columns, rows)], stamp)


#: Example row of the template (synthetic; the codes carry valid check digits).
TEMPLATE_EXAMPLE: dict[str, str] = {
    "name": "示例科技有限公司",
    "kind": "企业",
    "uscc": "91110108MA01A2B3CF",
    "tax_no": "",
    "legal_rep": "张三",
    "id_number": "11010519491231002X",
    "phone": "13800138000",
    "email": "",
    "address": "北京市海淀区中关村大街1号",
    "industry": "软件和信息技术服务业",
    "bank_name": "中国工商银行北京中关村支行",
    "bank_account": "6222020200112233445",
    "accountant": "",
    "status": "服务中",
    "engagement_start": "2025-01-01",
    "notes": "",
}
#: Data-validation lists of the template.
TEMPLATE_LISTS: dict[str, tuple[str, ...]] = {
    "kind": ("企业", "个体工商户", "个人"),
    "status": ("潜在客户", "服务中", "已终止"),
}


def template_workbook(stamp: Stamp, *, rows: int = 1000) -> bytes:
    """The import template: one column per field, an example row, drop-down lists, ID columns as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "客户"
    _stamp(wb, ws, stamp)
    for i, name in enumerate(FIELDS, start=1):
        letter = get_column_letter(i)
        head = ws.cell(row=1, column=i, value=SYNONYMS[name][0])
        head.font = Font(bold=True)
        ws.column_dimensions[letter].width = 22 if name in ID_FIELDS else 16
        example = ws.cell(row=2, column=i, value=TEMPLATE_EXAMPLE[name] or None)
        if name in ID_FIELDS:
            example.data_type = "s"
            for r in range(2, rows + 2):
                ws.cell(row=r, column=i).number_format = "@"
        if name in TEMPLATE_LISTS:
            dv = DataValidation(type="list", formula1='"' + ",".join(TEMPLATE_LISTS[name]) + '"', allow_blank=True)
            dv.add(f"{letter}2:{letter}{rows + 1}")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
