"""Reading client lists from ``.xlsx`` workbooks: guards, streaming rows, header detection.

Qt-free and free of business rules: this module says what is in the file (cells, formulas,
merged ranges, where the header is, which column is which field); the import service decides
what may be stored.

Before openpyxl parses anything, :func:`check_workbook` looks at the bytes: a file that Excel
holds locked, an old ``.xls``, a ``.csv`` or an encrypted (OLE) workbook renamed to ``.xlsx``, a
damaged or truncated zip, and a zip bomb (declared uncompressed sizes and ratios from the zip
directory) are refused with :class:`~clientvault.core.errors.SpreadsheetRefused` and a code.
The sheet's declared dimension is never trusted: rows are streamed (``read_only``) and counted.
Formula cells are reported as formulas (``data_only=False``), never evaluated.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from clientvault.core.errors import SpreadsheetRefused

#: Files larger than this are refused before reading (a client list of 100 000 rows is ~15 MB).
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Sum of the declared uncompressed sizes of every zip member.
MAX_UNCOMPRESSED = 1024 * 1024 * 1024
#: A member larger than ``RATIO_FLOOR`` that compresses better than this is a bomb.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
#: Data rows read at most (the declared dimension is ignored; rows are counted as they stream).
MAX_ROWS = 200_000
#: Rows searched for the header (title and blank rows above it are skipped).
HEADER_SCAN_ROWS = 30
#: Columns read at most.
MAX_COLUMNS = 200

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"')

#: Fields a column can be mapped to, in template order.
FIELDS: tuple[str, ...] = (
    "name",
    "kind",
    "uscc",
    "tax_no",
    "legal_rep",
    "id_number",
    "phone",
    "email",
    "address",
    "industry",
    "bank_name",
    "bank_account",
    "accountant",
    "status",
    "engagement_start",
    "notes",
)
#: Fields that hold identifiers: a numeric cell may have lost digits; written as text on export.
ID_FIELDS = frozenset({"uscc", "tax_no", "id_number", "phone", "bank_account"})
DATE_FIELDS = frozenset({"engagement_start"})

#: Header texts firms use, per field (compared after NFKC, case-folding and removing spaces,
#: asterisks and brackets). The first entry is the header the template and exports write.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("客户名称", "公司名称", "企业名称", "单位名称", "客户", "名称", "client name", "company name", "name"),
    "kind": ("客户类型", "类型", "企业类型", "client type", "type", "kind"),
    "uscc": ("统一社会信用代码", "信用代码", "社会信用代码", "uscc", "credit code", "unified social credit code"),
    "tax_no": ("纳税人识别号", "税号", "纳税识别号", "tax number", "tax id", "taxpayer id"),
    "legal_rep": ("法定代表人", "法人", "负责人", "法人代表", "legal representative", "legal rep"),
    "id_number": ("身份证号", "证件号码", "身份证号码", "身份证", "id number", "id no", "id card"),
    "phone": ("联系电话", "手机", "电话", "手机号", "手机号码", "phone", "mobile", "telephone", "tel"),
    "email": ("电子邮箱", "邮箱", "email", "e-mail"),
    "address": ("地址", "注册地址", "经营地址", "联系地址", "address"),
    "industry": ("行业", "所属行业", "industry"),
    "bank_name": ("开户行", "开户银行", "bank", "bank name"),
    "bank_account": ("银行账号", "账号", "银行账户", "bank account", "account number"),
    "accountant": ("负责会计", "会计", "主办会计", "accountant"),
    "status": ("状态", "客户状态", "status"),
    "engagement_start": ("服务开始日期", "开始日期", "合同开始日期", "engagement start", "start date"),
    "notes": ("备注", "说明", "notes", "remarks", "note"),
}
_STRIP = re.compile(r"[\s*＊:：()（）\[\]【】]+")


def header_key(text: str) -> str:
    """Normalise a header cell for matching (NFKC, case-folded, no spaces/asterisks/brackets)."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text)).casefold()


_LOOKUP: dict[str, str] = {header_key(s): f for f, names in SYNONYMS.items() for s in names}


def guess_field(header: str) -> str | None:
    """The field a header names, or ``None``."""
    return _LOOKUP.get(header_key(header)) if header else None


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its 1-based sheet row number, one value per header column, and the columns
    (0-based) whose cell holds a formula (the value is then the formula's text, never its result)."""

    number: int
    values: tuple[Any, ...]
    formulas: tuple[int, ...] = ()


@dataclass
class SheetLayout:
    """Where the header is and what the columns are."""

    sheet: str
    header_row: int
    headers: list[str]
    guessed: list[str | None]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, max_row, min_col, max_col


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _lock_file(path: Path) -> Path:
    # Excel and WPS keep "~$" + the name (Excel drops the first two characters of long names).
    name = path.name
    return path.with_name("~$" + (name[2:] if len(name) > 8 else name))


def check_workbook(path: Path) -> None:
    """Refuse a file that is not a plain, readable, reasonably sized ``.xlsx`` workbook.

    Raises:
        SpreadsheetRefused: with one of the codes listed on the class.
    """
    if not path.is_file():
        raise SpreadsheetRefused("not_found")
    if _lock_file(path).exists() or path.with_name("~$" + path.name).exists():
        raise SpreadsheetRefused("locked")
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8)
            if head == _OLE_MAGIC:
                # An OLE compound file: an .xls, or an .xlsx encrypted with a password (which
                # Office wraps in OLE with an "EncryptionInfo" stream).
                f.seek(0)
                encrypted = _ENCRYPTION_INFO in f.read(min(size, 4 * 1024 * 1024))
                raise SpreadsheetRefused("encrypted" if encrypted else "xls")
    except PermissionError:
        raise SpreadsheetRefused("locked") from None
    except OSError:
        raise SpreadsheetRefused("unreadable") from None
    if size == 0:
        raise SpreadsheetRefused("empty")
    if size > MAX_FILE_BYTES:
        raise SpreadsheetRefused("too_large")
    if head[:4] != _ZIP_MAGIC:
        raise SpreadsheetRefused("csv" if _looks_like_text(path) else "not_workbook")
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise SpreadsheetRefused("damaged") from None
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise SpreadsheetRefused("not_workbook")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise SpreadsheetRefused("zip_bomb")
    if total > MAX_UNCOMPRESSED:
        raise SpreadsheetRefused("zip_bomb")


def _looks_like_text(path: Path) -> bool:
    with path.open("rb") as f:
        sample = f.read(4096)
    if b"\x00" in sample:
        return False
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        return "," in text or "\t" in text or "\n" in text
    return False


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def merged_ranges(path: Path, member: str) -> list[tuple[int, int, int, int]]:
    """Read ``<mergeCell ref=...>`` from a sheet's XML by streaming its bytes (no DOM, no openpyxl)."""
    out: list[tuple[int, int, int, int]] = []

    def scan(data: bytes, final: bool) -> bytes:
        for m in _MERGE.finditer(data):
            if not final and m.end() > len(data) - 200:
                return data[m.start() :]  # may continue in the next chunk
            c1, r1 = _col_index(m[1]), int(m[2])
            c2, r2 = (_col_index(m[3]), int(m[4])) if m[3] else (c1, r1)
            out.append((min(r1, r2), max(r1, r2), min(c1, c2), max(c1, c2)))
        return b"" if final else data[-200:]

    tail = b""
    try:
        with zipfile.ZipFile(path) as z, z.open(member) as f:
            while chunk := f.read(1 << 20):
                tail = scan(tail + chunk, False)
            scan(tail, True)
    except (zipfile.BadZipFile, KeyError, OSError, zlib.error, EOFError):
        raise SpreadsheetRefused("damaged") from None
    return out


class Workbook:
    """A guarded, streaming view of one ``.xlsx`` file. Use as a context manager.

    Args:
        path: The file.
    """

    def __init__(self, path: Path) -> None:
        import openpyxl  # loaded only when a workbook is read

        self.path = Path(path)
        check_workbook(self.path)
        try:
            self._handle = self.path.open("rb")  # ours, so it is closed whatever openpyxl does
        except PermissionError:
            raise SpreadsheetRefused("locked") from None
        except OSError:
            raise SpreadsheetRefused("unreadable") from None
        try:
            self._wb = openpyxl.load_workbook(self._handle, read_only=True, data_only=False, keep_links=False)
        except (zipfile.BadZipFile, KeyError, OSError, zlib.error, EOFError, ParseError, ValueError, TypeError):
            self._handle.close()
            raise SpreadsheetRefused("damaged") from None
        self.sheets: list[str] = list(self._wb.sheetnames)
        self._open: dict[str, Any] = {}
        if not self.sheets:
            self.close()
            raise SpreadsheetRefused("empty")

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the file (also when a sheet stream is still open after a parse error)."""
        self._wb.close()
        self._handle.close()

    def _sheet(self, name: str | None) -> Any:
        if name is None:
            name = self.sheets[0]
        if name not in self.sheets:
            raise SpreadsheetRefused("no_sheet")
        ws = self._open.get(name)
        if ws is None:
            # Opening a read-only sheet scans its XML for the declared size: do it once per sheet.
            ws = self._open[name] = self._wb[name]
            ws.reset_dimensions()  # the declared size is not trusted
        return ws

    def _raw_rows(self, ws: Any) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        """Each row as openpyxl's parser reads it: (1-based row number, the cells it holds).

        The parser's cell dicts (``column``, ``value``, ``data_type``) are used as they come,
        instead of ``iter_rows()`` wrapping every cell in a ``ReadOnlyCell`` and padding every
        row: the same XML parse, less work per cell. Rows come in sheet order; a row number that
        does not increase is skipped, as ``iter_rows`` does.
        """
        from openpyxl.worksheet._reader import WorkSheetParser

        wb = self._wb
        try:
            src = ws._get_source()
        except (zipfile.BadZipFile, KeyError, OSError, zlib.error, EOFError, ValueError):
            raise SpreadsheetRefused("damaged") from None
        parser = WorkSheetParser(
            src,
            ws._shared_strings,
            data_only=False,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        rows = parser.parse()
        last = 0
        try:
            for number, cells in rows:
                if number > last:
                    last = number
                    yield number, cells
        except (zipfile.BadZipFile, KeyError, OSError, zlib.error, EOFError, ParseError, ValueError):
            failed = True
        else:
            failed = False
        finally:
            rows.close()
            src.close()  # closes the sheet's stream inside the zip at once (also when the caller stops early)
        if failed:
            raise SpreadsheetRefused("damaged")

    def layout(self, sheet: str | None = None) -> SheetLayout:
        """Find the header row (the first of the top rows naming at least two known fields)."""
        ws = self._sheet(sheet)
        best: tuple[int, list[str], list[str | None]] | None = None
        seen_any = False
        for number, row in self._raw_rows(ws):
            if number > HEADER_SCAN_ROWS:
                break
            cells: list[Any] = [None] * min(MAX_COLUMNS, max((c["column"] for c in row), default=0))
            for c in row:
                if c["column"] <= MAX_COLUMNS:
                    cells[c["column"] - 1] = c["value"]
            texts = [_header_text(value) for value in cells]
            if any(texts):
                seen_any = True
            guessed = [guess_field(t) for t in texts]
            known = {g for g in guessed if g}
            if len(known) >= 2 and "name" in known:
                best = (number, texts, guessed)
                break
        if best is None:
            raise SpreadsheetRefused("no_header" if seen_any else "empty")
        number, texts, guessed = best
        while texts and not texts[-1]:
            texts.pop()
        merged = merged_ranges(self.path, ws._worksheet_path)
        return SheetLayout(ws.title, number, texts, guessed[: len(texts)], merged)

    def rows(self, layout: SheetLayout) -> Iterator[Row]:
        """Stream the data rows under the header (blank rows skipped), one value per column."""
        ws = self._sheet(layout.sheet)
        width = len(layout.headers)
        count = 0
        for number, cells in self._raw_rows(ws):
            if number <= layout.header_row:
                continue
            values: list[Any] = [None] * width
            formulas: list[int] = []
            for c in cells:
                i = c["column"] - 1
                if i < width:
                    values[i] = c["value"]
                    if c["data_type"] == "f":
                        formulas.append(i)
            if all(x is None or x == "" for x in values):
                continue
            count += 1
            if count > MAX_ROWS:
                raise SpreadsheetRefused("too_many_rows")
            yield Row(number, tuple(values), tuple(formulas))


def _header_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    return str(value)


def serial_date(value: float) -> _dt.date | None:
    """Turn an Excel serial day number (1900 system) into a date, or ``None`` when out of range."""
    if not 1 <= value < 2958466:
        return None
    return _dt.date(1899, 12, 30) + _dt.timedelta(days=int(value))
