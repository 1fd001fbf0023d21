"""Previewing, printing and saving PDFs rendered in memory (nothing plaintext touches the disk
unless the user picks a file).

Printing never writes a file: the print dialog offers no "Print to file" and a printer that still
has an output file set is refused. Saving a PDF goes only through the "Save as…" actions, which
record the file in the export register.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSaveFile, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.ui.i18n import fmt


def load_pdf(data: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    """Load PDF bytes into a QPdfDocument (keep the buffer alive as long as the document)."""
    buf = QBuffer(parent)
    buf.setData(QByteArray(data))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument(parent)
    doc.load(buf)
    return doc, buf


def prints_to_file(printer: QPrinter) -> bool:
    """Whether ``printer`` would write a file instead of printing (refused: it bypasses the export register)."""
    # Qt reports PdfFormat on a machine without printers too, so the output file name is what counts.
    return bool(printer.outputFileName())


def paint_pdf(doc: QPdfDocument, printer: QPrinter) -> int:
    """Render every page of ``doc`` onto ``printer``; return the number of pages printed.

    A printer that writes a file is refused (0 pages): files are saved only through "Save as…".
    """
    if prints_to_file(printer):
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = printer.resolution()
        for page in range(doc.pageCount()):
            if page:
                printer.newPage()
            size_pt = doc.pagePointSize(page)
            target = QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72))
            image = doc.render(page, target)
            rect = painter.viewport()
            fitted = image.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(rect.topLeft(), fitted), image)
    finally:
        painter.end()
    return doc.pageCount()


def print_dialog(printer: QPrinter, title: str, parent: QWidget | None = None) -> QPrintDialog:
    """The print dialog for ``printer``, without "Print to file"."""
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setOutputFileName("")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    return dialog


def print_pdf(parent: QWidget | None, data: bytes, title: str) -> bool:
    """Ask for a printer and print ``data``; False when the user cancelled or picked a file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = print_dialog(printer, title, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    if prints_to_file(printer):
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate(
                "PdfPrinting",
                "Printing to a file is not allowed. Use “Save as…” instead, so that the file is recorded in "
                "the export register.",
            ),
        )
        return False
    doc, _buf = load_pdf(data, parent)
    return paint_pdf(doc, printer) > 0


def save_pdf(parent: QWidget | None, data: bytes, suggested: str, caption: str, file_filter: str) -> bool:
    """Ask for a file name and write ``data`` there atomically; False when cancelled or failed."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
    if not path:
        return False
    return write_file(path, data)


def write_file(path: str, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temp file that replaces the target on commit."""
    out = QSaveFile(path)
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        return False
    out.write(QByteArray(data))
    return out.commit()


class PdfPreviewDialog(QDialog):
    """Shows a PDF rendered in memory, optionally with "Print…" and "Save as PDF…".

    Args:
        data: The PDF's bytes.
        title: The window title (and the printed document's name).
        parent: The parent widget.
        printed: Given, the dialog offers "Print…" (through :func:`print_pdf`: no "Print to file")
            and calls this after the document went to a printer (to audit the print).
        save: Given, the dialog offers "Save as PDF…" and calls this with the path the user
            picked; it writes the file and records it in the export register (e.g. through
            ``ExportService.save``). What it raises is shown to the user.
        file_name: The file name the save dialog suggests.
        describe_error: Turns an error of ``save`` into the sentence shown (default: the shell's
            error message box).
    """

    def __init__(
        self,
        data: bytes,
        title: str,
        parent: QWidget | None = None,
        *,
        printed: Callable[[], object] | None = None,
        save: Callable[[Path], object] | None = None,
        file_name: str = "document.pdf",
        describe_error: Callable[[BaseException], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.data = data
        self._printed = printed
        self._save = save
        self._file_name = file_name
        self._describe_error = describe_error
        self.document, self._buffer = load_pdf(data, self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.print_button: QPushButton | None = None
        self.save_button: QPushButton | None = None
        if printed is not None:
            self.print_button = QPushButton(self.tr("&Print…"), self)
            self.print_button.setObjectName("print")
            buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.print_button.clicked.connect(self.print_document)
        if save is not None:
            self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
            self.save_button.setObjectName("save")
            buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.save_button.clicked.connect(lambda: self.save_document())
        self.notice = QLabel(self)  # what the last Print or Save did
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet("color: #1b5e20;")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        self.resize(700, 900)

    def _confirm(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(True)

    def print_document(self) -> bool:
        """Send the PDF to a printer the user picks (nothing is written to disk); False if not printed."""
        if self._printed is None or not print_pdf(self, self.data, self.windowTitle()):
            return False
        self._printed()
        self._confirm(self.tr("Sent to the printer."))
        return True

    def save_document(self, path: str | None = None) -> bool:
        """Save to ``path`` (asked for when not given) through the caller's ``save``; False if not saved."""
        if self._save is None:
            return False
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), self._file_name, self.tr("PDF files (*.pdf)")
            )
        if not path:
            return False
        try:
            self._save(Path(path))
        except Exception as exc:
            if self._describe_error is not None:
                QMessageBox.warning(self, self.windowTitle(), self._describe_error(exc))
            else:
                from clientvault.ui.errors import show_error

                show_error(self, exc)
            return False
        self._confirm(fmt(self.tr("Saved as %1."), Path(path).name))
        return True
