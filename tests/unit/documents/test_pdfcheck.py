"""The checkers themselves: each must fail on the fault it is meant to catch."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from tests.unit.documents.pdfcheck import (
    assert_fonts_embedded,
    assert_inside_printable_area,
    pdf_fonts,
    pdf_text,
    record_disk_writes,
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
