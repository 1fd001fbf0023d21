"""Check real PDFs with poppler's command-line tools (pdftotext, pdffonts, pdfinfo, pdftoppm).

Reusable by every document test: ``from tests.unit.documents.pdfcheck import ...``. The PDF
is piped to the tools on stdin, so checking a PDF writes nothing to disk either.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Fonts every PDF viewer is assumed to have; PDFs that name them do not embed them, and
# none of them has Chinese glyphs. A document of ours must never reference one.
BASE14_PREFIXES = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")

MM = 72 / 25.4


def _run(tool: str, args: list[str], pdf: bytes) -> str:
    result = subprocess.run([tool, *args], input=pdf, capture_output=True, check=False)
    if result.returncode != 0:
        raise AssertionError(f"{tool} failed ({result.returncode}): {result.stderr.decode(errors='replace')}")
    return result.stdout.decode("utf-8")


def pdf_text(pdf: bytes, *, layout: bool = False) -> str:
    """Return the text of the PDF as pdftotext extracts it (UTF-8, pages separated by form feeds)."""
    return _run("pdftotext", [*(["-layout"] if layout else []), "-enc", "UTF-8", "-", "-"], pdf)


def squash(text: str) -> str:
    """Remove all whitespace, so text wrapped over several lines can be searched as one string."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class PdfFont:
    """One row of ``pdffonts`` output."""

    name: str
    type: str
    embedded: bool
    subset: bool
    unicode: bool

    @property
    def base_name(self) -> str:
        """The font name without the ``ABCDEF+`` subset tag."""
        return self.name.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", self.name) else self.name


def pdf_fonts(pdf: bytes) -> list[PdfFont]:
    """Return every font the PDF references, as listed by ``pdffonts``."""
    lines = _run("pdffonts", ["-"], pdf).splitlines()
    # Columns are fixed-width; the dashed second line gives their extents.
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[1])]
    fonts = []
    for line in lines[2:]:
        cols = [line[start:end].strip() for start, end in spans]
        name, font_type, _encoding, emb, sub, uni = cols[:6]
        fonts.append(PdfFont(name, font_type, emb == "yes", sub == "yes", uni == "yes"))
    return fonts


def assert_fonts_embedded(pdf: bytes) -> list[PdfFont]:
    """Assert the PDF uses fonts, every one embedded, none of them a base-14 font; return them."""
    fonts = pdf_fonts(pdf)
    assert fonts, "the PDF references no font at all"
    not_embedded = [f.name for f in fonts if not f.embedded]
    assert not not_embedded, f"fonts not embedded: {not_embedded}"
    base14 = [f.name for f in fonts if f.base_name.startswith(BASE14_PREFIXES)]
    assert not base14, f"base-14 fonts referenced: {base14}"
    return fonts


def pdf_info(pdf: bytes) -> dict[str, str]:
    """Return ``pdfinfo``'s fields (Title, Creator, Pages, Page size, …)."""
    info = {}
    for line in _run("pdfinfo", ["-"], pdf).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            info[key.strip()] = value.strip()
    return info


def page_count(pdf: bytes) -> int:
    """Return the number of pages."""
    return int(pdf_info(pdf)["Pages"])


@dataclass(frozen=True)
class Word:
    """A word as placed on its page, in points from the top-left corner."""

    text: str
    page: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float


@dataclass
class Page:
    """A page's size and its words."""

    number: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)


def pdf_pages(pdf: bytes) -> list[Page]:
    """Return every page with its words and their bounding boxes (``pdftotext -bbox``)."""
    xhtml = _run("pdftotext", ["-bbox", "-enc", "UTF-8", "-", "-"], pdf)
    root = ET.fromstring(xhtml)  # noqa: S314  # poppler's output for a PDF we made, not untrusted input
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    pages = []
    for number, node in enumerate(root.iterfind(".//x:page", ns), start=1):
        page = Page(number, float(node.attrib["width"]), float(node.attrib["height"]))
        for w in node.iterfind("x:word", ns):
            box = (float(w.attrib[k]) for k in ("xMin", "yMin", "xMax", "yMax"))
            page.words.append(Word(w.text or "", number, *box))
        pages.append(page)
    return pages


def assert_inside_printable_area(pdf: bytes, margin_mm: float = 5) -> None:
    """Assert every word lies at least ``margin_mm`` inside every page edge (printers clip edges).

    pdftotext drops characters that fall entirely off the page, so pair this with a check
    that the expected text is extracted in full.
    """
    margin = margin_mm * MM
    for page in pdf_pages(pdf):
        for w in page.words:
            inside = (
                w.x_min >= margin
                and w.y_min >= margin
                and w.x_max <= page.width - margin
                and w.y_max <= page.height - margin
            )
            assert inside, f"word outside the printable area on page {page.number}: {w}"


def render_png(pdf: bytes, out: Path, dpi: int = 60, page: int = 1) -> Path:
    """Render one page to ``out`` (a ``.png`` path) with pdftoppm and return ``out``."""
    stem = out.with_suffix("")
    args = ["-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-", str(stem)]
    _run("pdftoppm", args, pdf)
    return out


# --------------------------------------------------------------------------- disk writes

# Audit hooks cannot be removed once added, so a single hook is installed on first use and
# reports to whichever recorders are active.
_active_recorders: list[list[str]] = []
_hook_installed = False
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_WRITE_EVENTS = {"os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.truncate", "os.symlink", "os.link"}


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _active_recorders:
        return
    if event == "open":
        path, mode, flags = [*args, None, None][:3]
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and bool(flags & _WRITE_FLAGS)
        )
        if writes:
            for recorder in _active_recorders:
                recorder.append(f"open {path!r} mode={mode!r}")
    elif event in _WRITE_EVENTS:
        for recorder in _active_recorders:
            recorder.append(f"{event} {args!r}")


@contextmanager
def record_disk_writes() -> Iterator[list[str]]:
    """Record every attempt of this process to write to the file system inside the block.

    Yields:
        A list that fills with one description per write attempt (open for writing, mkdir,
        rename, remove, …), seen through Python's audit hooks.
    """
    global _hook_installed
    if not _hook_installed:
        sys.addaudithook(_audit)
        _hook_installed = True
    recorder: list[str] = []
    _active_recorders.append(recorder)
    try:
        yield recorder
    finally:
        _active_recorders.remove(recorder)
