"""Check real PDFs with Python packages only (pypdf for structure and fonts, pypdfium2 for text and pixels).

Reusable by every document test: ``from tests.unit.documents.pdfcheck import ...``. The PDF
is read from memory, so checking a PDF writes nothing to disk either (except ``render_png``,
which writes the image it is asked for). Both packages come with the ``test`` extra; no system
tool is needed.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

# Fonts every PDF viewer is assumed to have; PDFs that name them do not embed them, and
# none of them has Chinese glyphs. A document of ours must never reference one.
BASE14_PREFIXES = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")

MM = 72 / 25.4


@contextmanager
def _pdfium(pdf: bytes) -> Iterator[pdfium.PdfDocument]:
    document = pdfium.PdfDocument(pdf)
    try:
        yield document
    finally:
        document.close()


def _page_texts(pdf: bytes) -> list[str]:
    texts = []
    with _pdfium(pdf) as document:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
    return texts


def pdf_text(pdf: bytes) -> str:
    """Return the text of the PDF in reading order, pages separated by form feeds."""
    return "\f".join(_page_texts(pdf)) + "\f"


def squash(text: str) -> str:
    """Remove all whitespace, so text wrapped over several lines can be searched as one string."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class PdfFont:
    """One font the PDF references: name, type, whether embedded and subset."""

    name: str
    type: str
    embedded: bool
    subset: bool
    unicode: bool

    @property
    def base_name(self) -> str:
        """The font name without the ``ABCDEF+`` subset tag."""
        return self.name.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", self.name) else self.name


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _font_file_embedded(font: DictionaryObject) -> bool:
    """True if the font's program is in the file (FontFile/FontFile2/FontFile3; Type3 glyphs always are)."""
    if font.get("/Subtype") == "/Type3":
        return True
    if font.get("/Subtype") == "/Type0":
        descendants = _resolve(font.get("/DescendantFonts")) or []
        return bool(descendants) and all(_font_file_embedded(_resolve(d)) for d in descendants)
    descriptor = _resolve(font.get("/FontDescriptor"))
    return descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _fonts_in(resources: Any, found: dict[int, DictionaryObject], seen: set[int]) -> None:
    """Collect every font of a resource dictionary, descending into form XObjects and Type3 fonts."""
    resources = _resolve(resources)
    if not isinstance(resources, DictionaryObject) or id(resources) in seen:
        return
    seen.add(id(resources))
    for ref in (_resolve(resources.get("/Font")) or {}).values():
        font = _resolve(ref)
        found.setdefault(id(font), font)
        if font.get("/Subtype") == "/Type3":
            _fonts_in(font.get("/Resources"), found, seen)
    for ref in (_resolve(resources.get("/XObject")) or {}).values():
        xobject = _resolve(ref)
        if xobject.get("/Subtype") == "/Form":
            _fonts_in(xobject.get("/Resources"), found, seen)


def pdf_fonts(pdf: bytes) -> list[PdfFont]:
    """Return every font the PDF references, on any page, in form XObjects and annotation appearances."""
    found: dict[int, DictionaryObject] = {}
    seen: set[int] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        _fonts_in(page.get("/Resources"), found, seen)
        for annot in _resolve(page.get("/Annots")) or []:
            for stream in (_resolve(_resolve(annot).get("/AP")) or {}).values():
                stream = _resolve(stream)
                appearances = [stream] if "/Resources" in stream or "/Subtype" in stream else stream.values()
                for appearance in appearances:
                    _fonts_in(_resolve(appearance).get("/Resources"), found, seen)
    return [
        PdfFont(
            name=str(font.get("/BaseFont", "[none]")).lstrip("/"),
            type=str(font.get("/Subtype", "")).lstrip("/"),
            embedded=_font_file_embedded(font),
            subset=bool(re.match(r"^/?[A-Z]{6}\+", str(font.get("/BaseFont", "")))),
            unicode="/ToUnicode" in font,
        )
        for font in found.values()
    ]


def assert_fonts_embedded(pdf: bytes) -> list[PdfFont]:
    """Assert the PDF uses fonts, every one an embedded subset, none of them a base-14 font; return them."""
    fonts = pdf_fonts(pdf)
    assert fonts, "the PDF references no font at all"
    not_embedded = [f.name for f in fonts if not f.embedded]
    assert not not_embedded, f"fonts not embedded: {not_embedded}"
    whole = [f.name for f in fonts if not f.subset]
    assert not whole, f"fonts embedded whole, not as subsets (a CJK font is megabytes): {whole}"
    base14 = [f.name for f in fonts if f.base_name.startswith(BASE14_PREFIXES)]
    assert not base14, f"base-14 fonts referenced: {base14}"
    return fonts


def pdf_info(pdf: bytes) -> dict[str, str]:
    """Return the document information (Title, Creator, Author, …) plus ``Pages`` and ``Page size``.

    ``Page size`` is the first page's in points, formatted as ``595.276 x 841.89 pts``.
    """
    reader = PdfReader(io.BytesIO(pdf))
    info = {str(k).lstrip("/"): str(v) for k, v in (reader.metadata or {}).items()}
    info["Pages"] = str(len(reader.pages))
    if reader.pages:
        box = reader.pages[0].mediabox
        info["Page size"] = f"{float(box.width):g} x {float(box.height):g} pts"
    return info


def page_count(pdf: bytes) -> int:
    """Return the number of pages (counted by both packages, which must agree)."""
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    with _pdfium(pdf) as document:
        assert len(document) == pages, f"pypdf counts {pages} pages, pdfium {len(document)}"
    return pages


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


Box = tuple[float, float, float, float]


def _words_of(textpage: pdfium.PdfTextPage) -> Iterator[tuple[str, list[Box]]]:
    """Yield each run of non-whitespace characters with its characters' boxes (PDF coordinates)."""
    text, boxes = "", []
    for i in range(textpage.count_chars()):
        char = textpage.get_text_range(i, 1)
        if char and not char.isspace():
            text += char
            boxes.append(textpage.get_charbox(i))
        elif text:
            yield text, boxes
            text, boxes = "", []
    if text:
        yield text, boxes


def pdf_pages(pdf: bytes) -> list[Page]:
    """Return every page with its words (runs of characters between whitespace) and their boxes.

    The boxes are the glyphs' own (pdfium's tight character boxes) joined per word, in points
    from the page's top-left corner, so a word's box is where ink lands.
    """
    pages = []
    with _pdfium(pdf) as document:
        for index in range(len(document)):
            pdf_page = document[index]
            width, height = pdf_page.get_size()
            page = Page(index + 1, width, height)
            textpage = pdf_page.get_textpage()
            for text, boxes in _words_of(textpage):
                left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
                bottom, top = min(b[1] for b in boxes), max(b[3] for b in boxes)
                page.words.append(Word(text, page.number, left, height - top, right, height - bottom))
            textpage.close()
            pdf_page.close()
            pages.append(page)
    return pages


def assert_inside_printable_area(pdf: bytes, margin_mm: float = 5) -> None:
    """Assert every word lies at least ``margin_mm`` inside every page edge (printers clip edges).

    Characters drawn entirely off the page are still listed (with their boxes) and so fail this
    check too; pair it with a check that the expected text is extracted in full all the same.
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
    """Render one page (1-based) to ``out`` (a ``.png`` path) with pdfium and return ``out``."""
    with _pdfium(pdf) as document:
        pdf_page = document[page - 1]
        bitmap = pdf_page.render(scale=dpi / 72)
        bitmap.to_pil().save(out, format="PNG")
        bitmap.close()
        pdf_page.close()
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
