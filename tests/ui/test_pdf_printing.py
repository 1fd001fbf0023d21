"""Printing never writes a file: saving a PDF goes only through "Save as…" (the export register)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from clientvault.ui.widgets import pdf
from clientvault.ui.widgets.pdf import load_pdf, paint_pdf, print_dialog, print_pdf, prints_to_file


def _pdf() -> bytes:
    out = io.BytesIO()
    c = Canvas(out, initialFontName="Courier")
    c.drawString(72, 720, "page one")
    c.showPage()
    c.save()
    return out.getvalue()


def test_print_dialog_offers_no_print_to_file(qapp: QApplication, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(tmp_path / "left-over.pdf"))  # a file target set earlier is dropped
    dialog = print_dialog(printer, "Consent form")
    assert not dialog.testOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile)
    assert not dialog.options() & QAbstractPrintDialog.PrintDialogOption.PrintToFile
    assert dialog.windowTitle() == "Consent form"
    assert printer.outputFileName() == "" and not prints_to_file(printer)
    dialog.deleteLater()


def test_a_printer_writing_a_file_is_refused(qapp: QApplication, tmp_path: Path) -> None:
    target = tmp_path / "bypass.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(target))
    assert prints_to_file(printer)
    doc, _buf = load_pdf(_pdf())
    assert doc.pageCount() == 1
    assert paint_pdf(doc, printer) == 0
    assert not target.exists()


def test_print_pdf_refuses_a_file_picked_in_the_dialog(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even if a platform dialog still lets the user pick a file, nothing is written and the user is told why."""
    target = tmp_path / "bypass.pdf"
    parent = QWidget()
    qtbot.addWidget(parent)

    def pick_a_file(self: QPrintDialog) -> int:
        self.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted.value

    warnings: list[str] = []
    monkeypatch.setattr(pdf.QPrintDialog, "exec", pick_a_file)
    monkeypatch.setattr(pdf.QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    assert not print_pdf(parent, _pdf(), "Consent form")
    assert not target.exists()
    assert len(warnings) == 1 and "Save as" in warnings[0]
