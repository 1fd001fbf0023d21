"""The checkers themselves: each must fail on the fault it is meant to catch."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from tests.unit.documents.pdfcheck import (
    assert_fonts_embedded,
    assert_inside_printable_area,
    page_count,
    pdf_fonts,
    pdf_info,
    pdf_text,
    record_disk_writes,
    render_png,
)


def plain_reportlab_pdf(draw_at: tuple[float, float] = (100, 700)) -> bytes:
    """A PDF made the naive way: reportlab's default canvas font is Helvetica, not embedded."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.drawString(*draw_at, "Hello")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_helvetica_is_caught() -> None:
    pdf = plain_reportlab_pdf()
    assert [(f.name, f.embedded) for f in pdf_fonts(pdf)] == [("Helvetica", False)]
    with pytest.raises(AssertionError, match="not embedded"):
        assert_fonts_embedded(pdf)


def test_text_off_the_printable_area_is_caught() -> None:
    pdf = plain_reportlab_pdf(draw_at=(560, 700))  # on the page, but within 5 mm of its edge
    assert "Hello" in pdf_text(pdf)
    with pytest.raises(AssertionError, match="outside the printable area"):
        assert_inside_printable_area(pdf)


def test_disk_writes_are_recorded(tmp_path: Path) -> None:
    with record_disk_writes() as writes:
        (tmp_path / "read-me").touch()
    assert writes
    with record_disk_writes() as writes:
        (tmp_path / "read-me").read_bytes()
    assert writes == []


def test_text_drawn_off_the_page_is_caught() -> None:
    pdf = plain_reportlab_pdf(draw_at=(700, 700))  # A4 is 595 pt wide: wholly off the page
    with pytest.raises(AssertionError, match="outside the printable area"):
        assert_inside_printable_area(pdf)


def test_pages_are_counted_and_separated() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for word in ("First", "Second", "Third"):
        canvas.drawString(100, 700, word)
        canvas.showPage()
    canvas.save()
    pdf = buffer.getvalue()
    assert page_count(pdf) == 3
    assert [page.strip() for page in pdf_text(pdf).split("\f")[:3]] == ["First", "Second", "Third"]
    assert pdf_info(pdf)["Page size"] == "595.276 x 841.89 pts"


def test_rendering_draws_the_text(tmp_path: Path) -> None:
    from PIL import Image

    blank = render_png(plain_reportlab_pdf(draw_at=(700, 700)), tmp_path / "blank.png", dpi=72)
    inked = render_png(plain_reportlab_pdf(), tmp_path / "inked.png", dpi=72)
    with Image.open(blank) as image:
        assert image.size in {(595, 842), (596, 842)}  # A4 at 72 dpi, rounded either way
        assert image.convert("L").getextrema()[0] == 255  # nothing drawn on the page
    with Image.open(inked) as image:
        dark = sum(image.convert("L").histogram()[:128])
        assert dark > 20  # the word's glyphs
