"""The shared PDF foundation: fonts, styles, page furniture and small building blocks.

Every printed document (recovery sheet, consent forms, erasure certificates, letters,
request copies) is built from these pieces, so each of them gets the same guarantees:

* Only shipped TrueType fonts are used, embedded as subsets. No base-14 font (Helvetica,
  Courier, …) is ever referenced, because those are not embedded and may lack Chinese.
* PDFs are built in memory and returned as ``bytes``; nothing is written to disk
  (ARCHITECTURE.md rule 10: printed documents can hold client data).
* Output is deterministic for the same input (fixed document id and dates), so tests and
  audit hashes are stable.
* Callers pass plain text. Helpers escape it before it reaches reportlab's paragraph
  markup, so a firm name such as ``A&B <Ltd>`` cannot break or inject into a document.

Fonts: the CJK font (Droid Sans Fallback) has **no Latin letters or digits**, so plain
Latin text is set in DejaVu Sans and codes in DejaVu Sans Mono; every character falls back
to the CJK font when the first font lacks it (see :func:`font_runs`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from clientvault.core.paths import font_path, resources_dir

__all__ = [
    "CJK_FONT",
    "CONTENT_WIDTH",
    "MONO_FONT",
    "SUPPORTED_LANGS",
    "TEXT_FONT",
    "DocumentStyles",
    "GroupedCode",
    "TickBox",
    "build_pdf",
    "check_lang",
    "document_styles",
    "draw_text",
    "fit_text",
    "font_runs",
    "format_date",
    "key_value_table",
    "markup",
    "para",
    "qr_code",
    "register_fonts",
    "signature_block",
    "text_width",
    "tick_box_list",
]

#: reportlab names of the three shipped fonts (see resources/fonts/README.md).
TEXT_FONT = "ClientVault-Sans"
MONO_FONT = "ClientVault-Mono"
CJK_FONT = "ClientVault-CJK"

SUPPORTED_LANGS = ("zh", "en")

PAGE_SIZE = A4
MARGIN = 20 * mm
#: Width of the text block on every page; tables size their columns against it.
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN

# Header and footer sit inside the top/bottom margins, so body flowables can never overlap them.
_FURNITURE_SIZE = 8
_HEADER_Y = PAGE_SIZE[1] - 12 * mm
_FOOTER_Y = 10 * mm
_GREY = colors.HexColor("#555555")
_RULE = colors.HexColor("#999999")

# Words the shared helpers print themselves. Document-specific strings live with each document.
_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "page": "第 {page} 页 / 共 {pages} 页",
        "name": "姓名",
        "signature": "签名",
        "date": "日期",
        # Chinese forms pre-print the date units so the signer fills in the numbers only. No-break
        # spaces leave room for the digits: paragraphs collapse ordinary (and ideographic) spaces.
        "date_hint": "\u00a0" * 10 + "年" + "\u00a0" * 6 + "月" + "\u00a0" * 6 + "日",
    },
    "en": {
        "page": "Page {page} of {pages}",
        "name": "Name",
        "signature": "Signature",
        "date": "Date",
        "date_hint": "",
    },
}

_PDF_LANG = {"zh": "zh-CN", "en": "en"}

_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def check_lang(lang: str) -> str:
    """Return ``lang`` if documents can be printed in it.

    Args:
        lang: A document language code, ``"zh"`` or ``"en"``.

    Returns:
        The same code.

    Raises:
        ValueError: For any other code (a programming error, not a user error).
    """
    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"unsupported document language: {lang!r}")
    return lang


def format_date(value: date, lang: str) -> str:
    """Format a date the way a printed document in ``lang`` writes it.

    Args:
        value: The date (a ``datetime`` is shown by its own calendar date).
        lang: ``"zh"`` gives ``2026年11月30日``; ``"en"`` gives ``30 November 2026``
            (month spelt out, so it cannot be misread as day/month or month/day).

    Returns:
        The formatted date.
    """
    if check_lang(lang) == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"


# --------------------------------------------------------------------------- fonts


def _font_files() -> dict[str, str]:
    fonts = resources_dir() / "fonts"
    return {
        TEXT_FONT: str(fonts / "DejaVuSans.ttf"),
        MONO_FONT: str(fonts / "DejaVuSansMono.ttf"),
        CJK_FONT: str(font_path()),
    }


def register_fonts() -> None:
    """Register the shipped fonts with reportlab; cheap and idempotent after the first call.

    reportlab keeps registered fonts in its own process-wide table, so the check is made
    against that table rather than a flag of ours. Each font is registered as its own bold
    and italic face too: the fonts have no such faces, and an unregistered ``<b>`` would make
    reportlab fall back to (non-embedded) Helvetica-Bold.
    """
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, path in _font_files().items():
        if name in registered:
            continue
        pdfmetrics.registerFont(TTFont(name, path))
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)


def _covers(font_name: str, char: str) -> bool:
    glyph: int = pdfmetrics.getFont(font_name).face.charToGlyph.get(ord(char), 0)
    return glyph != 0


def font_runs(text: str, base: str = TEXT_FONT) -> list[tuple[str, str]]:
    """Split text into runs of characters that one font can draw.

    A character uses ``base`` when that font has a glyph for it, otherwise the CJK font
    (which is also the last resort for characters no shipped font has; they print blank).

    Args:
        text: Plain text.
        base: The preferred font, :data:`TEXT_FONT` or :data:`MONO_FONT`.

    Returns:
        ``(font_name, chunk)`` pairs in text order; adjacent chunks have different fonts.
    """
    register_fonts()
    runs: list[tuple[str, str]] = []
    for char in text:
        font = base if base == CJK_FONT or _covers(base, char) else CJK_FONT
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def markup(text: str, base: str = TEXT_FONT) -> str:
    """Turn plain text into escaped reportlab paragraph markup with font fallback.

    Args:
        text: Plain text; ``&``, ``<`` and ``>`` are escaped, newlines become line breaks.
        base: The paragraph's own font; runs it cannot draw are wrapped in ``<font>`` tags.

    Returns:
        Markup for :class:`reportlab.platypus.Paragraph`.
    """
    parts = []
    for font, chunk in font_runs(text, base):
        safe = escape(chunk).replace("\n", "<br/>")
        parts.append(safe if font == base else f'<font face="{font}">{safe}</font>')
    return "".join(parts)


def text_width(text: str, size: float, base: str = TEXT_FONT) -> float:
    """Return the width in points of one line of text drawn with font fallback.

    Args:
        text: Plain text, a single line.
        size: Font size in points.
        base: The preferred font.

    Returns:
        The advance width in points.
    """
    return float(sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in font_runs(text, base)))


def fit_text(text: str, size: float, max_width: float, base: str = TEXT_FONT) -> str:
    """Shorten one line of text with an ellipsis so it fits ``max_width``.

    Args:
        text: Plain text, a single line.
        size: Font size in points.
        max_width: Available width in points.
        base: The preferred font.

    Returns:
        ``text`` unchanged if it fits, else its longest prefix that fits followed by ``…``.
    """
    if text_width(text, size, base) <= max_width:
        return text
    # Binary search on the prefix length: names can be hundreds of characters long.
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(text[:mid] + "…", size, base) <= max_width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def draw_text(
    canv: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    base: str = TEXT_FONT,
    align: Literal["left", "centre", "right"] = "left",
) -> None:
    """Draw one line of text on a canvas with font fallback.

    Args:
        canv: The canvas (e.g. inside a page-furniture or flowable ``draw``).
        x: Anchor x in points; the left edge, centre or right edge depending on ``align``.
        y: Baseline y in points.
        text: Plain text, a single line.
        size: Font size in points.
        base: The preferred font.
        align: Where ``x`` sits on the line.
    """
    width = text_width(text, size, base)
    if align == "centre":
        x -= width / 2
    elif align == "right":
        x -= width
    for font, chunk in font_runs(text, base):
        canv.setFont(font, size)
        canv.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, font, size)


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class DocumentStyles:
    """The paragraph styles of one document language, and the language itself.

    Attributes:
        lang: ``"zh"`` or ``"en"``; helpers use it for their own words.
        title: Document title, centred.
        subtitle: Line under the title, centred.
        heading: Section heading.
        body: Running text.
        small: Notes and fine print.
        label: Keys in tables and signer roles.
    """

    lang: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle


def document_styles(lang: str) -> DocumentStyles:
    """Build the paragraph styles for a document in ``lang``.

    Chinese text has no spaces between words, so ``zh`` styles wrap between any two
    characters (``wordWrap="CJK"``); ``en`` styles wrap at spaces and still split words
    longer than a line (a Chinese name inside English text is one such "word").

    Args:
        lang: ``"zh"`` or ``"en"``.

    Returns:
        The styles.
    """
    register_fonts()
    wrap = "CJK" if check_lang(lang) == "zh" else None
    body = ParagraphStyle(
        "cv-body",
        fontName=TEXT_FONT,
        fontSize=10.5,
        leading=16,
        wordWrap=wrap,
        splitLongWords=1,
        spaceAfter=4,
    )
    return DocumentStyles(
        lang=lang,
        title=ParagraphStyle("cv-title", parent=body, fontSize=22, leading=30, alignment=TA_CENTER, spaceAfter=2),
        subtitle=ParagraphStyle(
            "cv-subtitle", parent=body, fontSize=10, leading=14, alignment=TA_CENTER, textColor=_GREY, spaceAfter=10
        ),
        heading=ParagraphStyle("cv-heading", parent=body, fontSize=13, leading=18, spaceBefore=10, spaceAfter=4),
        body=body,
        small=ParagraphStyle("cv-small", parent=body, fontSize=8.5, leading=12, textColor=_GREY),
        label=ParagraphStyle("cv-label", parent=body, fontSize=10, leading=14, textColor=_GREY, spaceAfter=0),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """Make a paragraph from plain text (escaped, with font fallback).

    Args:
        text: Plain text; newlines become line breaks.
        style: One of the :class:`DocumentStyles` styles (or derived from one).

    Returns:
        The paragraph flowable.
    """
    return Paragraph(markup(text, style.fontName), style)


# --------------------------------------------------------------------------- building blocks


def _table(
    data: list[list[Any]],
    col_widths: Sequence[float | str],
    commands: list[tuple[Any, ...]],
    row_heights: Sequence[float | None] | None = None,
) -> Table:
    # Tables draw even empty string cells with their own font, Helvetica by default; set ours.
    table = Table(data, colWidths=list(col_widths), rowHeights=row_heights, hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), TEXT_FONT), *commands]))
    return table


def key_value_table(rows: Sequence[tuple[str, str]], styles: DocumentStyles, *, key_width: float = 35 * mm) -> Table:
    """A two-column table of labelled values (e.g. firm, vault id, date), values wrapping.

    Args:
        rows: ``(label, value)`` pairs of plain text.
        styles: The document's styles.
        key_width: Width of the label column; the value column takes the rest.

    Returns:
        The table flowable.
    """
    value_style = ParagraphStyle("cv-value", parent=styles.body, spaceAfter=0)
    data = [[para(key, styles.label), para(value, value_style)] for key, value in rows]
    return _table(
        data,
        [key_width, "*"],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, _RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
        ],
    )


class TickBox(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A square to tick by hand, optionally pre-ticked; drawn with lines, so no glyph is needed."""

    def __init__(self, size: float = 3.8 * mm, *, ticked: bool = False) -> None:
        """Create the box.

        Args:
            size: Side length in points.
            ticked: Draw a tick inside (for copies that record a choice already made).
        """
        super().__init__()
        self.size = size
        self.ticked = ticked
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Return the box's fixed size (reportlab layout protocol)."""
        return self.size, self.size

    def draw(self) -> None:
        """Draw the square (and the tick) at the flowable's origin."""
        canv, s = self.canv, self.size
        canv.setLineWidth(0.8)
        canv.rect(0, 0, s, s, stroke=1, fill=0)
        if self.ticked:
            canv.setLineWidth(1.4)
            path = canv.beginPath()
            path.moveTo(0.2 * s, 0.5 * s)
            path.lineTo(0.42 * s, 0.22 * s)
            path.lineTo(0.82 * s, 0.8 * s)
            canv.drawPath(path, stroke=1, fill=0)


def tick_box_list(labels: Sequence[str], styles: DocumentStyles, *, ticked: Sequence[bool] = ()) -> Table:
    """A column of tick boxes, each followed by its (wrapping) label.

    Args:
        labels: One plain-text label per box.
        styles: The document's styles.
        ticked: Per label, whether its box is pre-ticked; missing entries mean unticked.

    Returns:
        The table flowable.
    """
    label_style = ParagraphStyle("cv-tick-label", parent=styles.body, spaceAfter=0)
    data = [
        [TickBox(ticked=index < len(ticked) and ticked[index]), para(label, label_style)]
        for index, label in enumerate(labels)
    ]
    return _table(
        data,
        [8 * mm, "*"],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            # Sits the box on the label's first line rather than at the cell top.
            ("TOPPADDING", (0, 0), (0, -1), 5),
        ],
    )


def signature_block(roles: Sequence[str], styles: DocumentStyles) -> Table:
    """Lines to sign on: per role, a caption, then a name line, a signature line and a date line.

    The caption sits above its lines, so the lines get the full text width for handwriting
    however long the role's wording is.

    Args:
        roles: Who signs, in order (e.g. "Generated by (partner)", "Witness").
        styles: The document's styles; the words "name", "signature", "date" follow its language.

    Returns:
        The table flowable.
    """
    words = _STRINGS[styles.lang]
    cell = ParagraphStyle("cv-sign", parent=styles.label, textColor=colors.black)
    hint = ParagraphStyle("cv-sign-hint", parent=styles.label, alignment=TA_RIGHT)
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]
    for index, role in enumerate(roles):
        caption, lines = 2 * index, 2 * index + 1
        data.append([para(role, styles.label), "", "", "", "", ""])
        data.append(
            [
                para(words["name"], cell),
                "",
                para(words["signature"], cell),
                "",
                para(words["date"], cell),
                para(words["date_hint"], hint),
            ]
        )
        commands += [
            ("SPAN", (0, caption), (-1, caption)),
            ("TOPPADDING", (0, caption), (-1, caption), 0 if index == 0 else 8 * mm),
            *(("LINEBELOW", (col, lines), (col, lines), 0.6, colors.black) for col in (1, 3, 5)),
        ]
    # Cells have 6 pt padding on each side; labels must fit on one line.
    label_w = max(text_width(words[key], cell.fontSize) for key in ("name", "signature", "date")) + 14
    line_w = (CONTENT_WIDTH - 3 * label_w) / 10
    return _table(
        data,
        [label_w, 3 * line_w, label_w, 4 * line_w, label_w, 3 * line_w],
        commands,
        row_heights=[None if row % 2 == 0 else 11 * mm for row in range(len(data))],
    )


def qr_code(data: str, *, size: float = 28 * mm) -> Drawing:
    """A QR code carrying a short string (e.g. a form number), as a square flowable.

    Args:
        data: Short ASCII text to encode; never put personal data in it.
        size: Side length in points, including the quiet zone.

    Returns:
        The drawing flowable.
    """
    widget = QrCodeWidget(data, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    # Drawings start from Helvetica unless told otherwise; the QR draws no text, but stay safe.
    drawing.initialFontName = TEXT_FONT
    return drawing


class GroupedCode(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A code such as ``ABCD-EFGH-…`` in a large monospaced font inside a frame.

    Lines break only between groups, and lines are balanced (8 groups print as 4 + 4, not
    5 + 3), so a person copying the code by hand never meets a group split across lines.
    The monospaced font keeps ``0``/``O`` and ``1``/``l``/``I`` apart.
    """

    def __init__(self, code: str, *, font_size: float = 22, separator: str = "-") -> None:
        """Create the flowable.

        Args:
            code: The code with its groups joined by ``separator``.
            font_size: Font size in points.
            separator: What joins the groups, printed between them on a line.
        """
        super().__init__()
        self.groups = [group for group in code.split(separator) if group]
        self.font_size = font_size
        self.separator = separator
        self.padding = 0.6 * font_size
        self.leading = 1.45 * font_size
        self.lines: list[str] = []

    def _layout(self, width: float) -> list[str]:
        char_w = text_width("M", self.font_size, MONO_FONT)
        per_line = max(1, int((width - 2 * self.padding) // char_w))
        # A group longer than a whole line is cut, so nothing is ever drawn off the page.
        tokens = [group[i : i + per_line] for group in self.groups for i in range(0, len(group), per_line)]

        def fill(max_tokens: int) -> list[str]:
            lines: list[list[str]] = []
            for token in tokens:
                current = lines[-1] if lines else None
                if current and len(current) < max_tokens and len(self.separator.join([*current, token])) <= per_line:
                    current.append(token)
                else:
                    lines.append([token])
            return [self.separator.join(line) for line in lines]

        greedy = fill(len(tokens))
        balanced = fill(-(-len(tokens) // max(1, len(greedy))))
        return balanced if len(balanced) == len(greedy) else greedy

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Lay the groups out for the available width (reportlab layout protocol)."""
        self.lines = self._layout(avail_width)
        self.width = avail_width
        self.height = len(self.lines) * self.leading + 2 * self.padding
        return self.width, self.height

    def draw(self) -> None:
        """Draw the frame and the centred lines of the code."""
        canv = self.canv
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(1)
        canv.roundRect(0, 0, self.width, self.height, 4, stroke=1, fill=0)
        # Baseline of the first line: one padding plus roughly the cap height below the top.
        y = self.height - self.padding - 0.75 * self.font_size - (self.leading - self.font_size) / 2
        for line in self.lines:
            draw_text(canv, self.width / 2, y, line, self.font_size, base=MONO_FONT, align="centre")
            y -= self.leading


# --------------------------------------------------------------------------- the document


@dataclass(frozen=True)
class _Furniture:
    firm_name: str
    document_number: str
    lang: str
    footer_note: str = ""


class _FurnishedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """Canvas that draws header and footer once the page count is known ("page x of y").

    Pages are held back at ``showPage`` and emitted at ``save`` (the usual reportlab recipe
    for a total page count without laying the document out twice).
    """

    def __init__(self, *args: Any, furniture: _Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab's API name, overridden to hold the page back
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._draw_furniture(number, total)
            super().showPage()
        super().save()

    def _draw_furniture(self, number: int, total: int) -> None:
        f = self._furniture
        left, right = MARGIN, PAGE_SIZE[0] - MARGIN
        self.saveState()
        self.setFillColor(_GREY)
        number_w = text_width(f.document_number, _FURNITURE_SIZE)
        # The firm name yields to the document number: a long name is cut, never overprinted.
        firm = fit_text(f.firm_name, _FURNITURE_SIZE, right - left - number_w - 6 * mm)
        draw_text(self, left, _HEADER_Y, firm, _FURNITURE_SIZE)
        draw_text(self, right, _HEADER_Y, f.document_number, _FURNITURE_SIZE, align="right")
        self.setStrokeColor(_RULE)
        self.setLineWidth(0.5)
        self.line(left, _HEADER_Y - 2 * mm, right, _HEADER_Y - 2 * mm)
        page = _STRINGS[f.lang]["page"].format(page=number, pages=total)
        draw_text(self, PAGE_SIZE[0] / 2, _FOOTER_Y, page, _FURNITURE_SIZE, align="centre")
        if f.footer_note:
            # A line of its own above the page number, still inside the bottom margin (20 mm).
            note = fit_text(f.footer_note, _FURNITURE_SIZE, right - left)
            draw_text(self, PAGE_SIZE[0] / 2, _FOOTER_Y + 4 * mm, note, _FURNITURE_SIZE, align="centre")
        self.restoreState()


def build_pdf(
    story: Sequence[Flowable],
    *,
    title: str,
    firm_name: str,
    document_number: str,
    lang: str,
    footer_note: str = "",
) -> bytes:
    """Lay out flowables on A4 pages with header and footer and return the PDF bytes.

    Each page carries the firm name and the document number at the top and "page x of y"
    at the bottom. The PDF is built in memory only.

    Args:
        story: The flowables, e.g. from :func:`para` and the other helpers here.
        title: PDF metadata title. Shown by PDF viewers and kept in file properties, so it
            must not contain personal data (use the document type, not a client's name).
        firm_name: Printed in every page header.
        document_number: Printed in every page header (form number, certificate number, …).
        lang: ``"zh"`` or ``"en"``: the footer's words and the PDF's language tag.
        footer_note: A short line at the bottom left of every page (no personal data), e.g.
            the audit log head an erasure certificate records.

    Returns:
        The complete PDF file as bytes.
    """
    register_fonts()
    furniture = _Furniture(
        firm_name=firm_name, document_number=document_number, lang=check_lang(lang), footer_note=footer_note
    )
    buffer = io.BytesIO()
    # A frame without inner padding, so flowables use exactly CONTENT_WIDTH and line up with
    # the header rule.
    frame = Frame(
        MARGIN,
        MARGIN,
        CONTENT_WIDTH,
        PAGE_SIZE[1] - 2 * MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        pageTemplates=[PageTemplate(id="page", frames=[frame])],
        title=title,
        author="",
        subject="",
        creator="ClientVault",
        lang=_PDF_LANG[lang],
        # Without it, every canvas starts with a reference to Helvetica (not embedded).
        initialFontName=TEXT_FONT,
        # Fixed document id and dates: the same input gives the same bytes.
        invariant=1,
    )

    def make_canvas(*args: Any, **kwargs: Any) -> _FurnishedCanvas:
        return _FurnishedCanvas(*args, furniture=furniture, **kwargs)

    doc.build(list(story), canvasmaker=make_canvas)
    return buffer.getvalue()
