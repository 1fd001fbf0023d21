"""Import wizard: file and sheet → column mapping → preview → confirm and import.

Every step calls :class:`~clientvault.services.imports.ImportService` (the CLI's code path).
Reading the whole sheet (the preview) and writing (the import) run off the GUI thread through
:class:`~clientvault.ui.operations.Operations`, with a progress bar and Cancel; nothing is
written before the last step, and the import is one transaction.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from clientvault.core.errors import KnownError
from clientvault.services.imports import FIELDS, ImportPlan, ImportResult, ImportService, SheetLayout
from clientvault.ui.errors import error_message
from clientvault.ui.excel_labels import field_name
from clientvault.ui.i18n import fmt
from clientvault.ui.operations import Operation, Operations

PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW, PAGE_CONFIRM = range(4)


class ImportWizard(QWizard):
    """The four steps of an Excel import."""

    sig_imported = Signal(object)
    """The import was written (an :class:`ImportResult`)."""

    def __init__(self, service: ImportService, operations: Operations, parent: QWidget | None = None) -> None:
        from clientvault.ui.dialogs.import_steps import ConfirmPage, PreviewPage

        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Import clients from Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.service = service
        self.operations = operations
        self.layout_: SheetLayout | None = None
        self.plan: ImportPlan | None = None
        self.imported: ImportResult | None = None
        self.running: Operation | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.confirm_page = ConfirmPage(self)
        for page_id, page in enumerate((self.file_page, self.mapping_page, self.preview_page, self.confirm_page)):
            self.setPage(page_id, page)
        self.resize(980, 640)

    def path(self) -> Path:
        """The chosen workbook."""
        return Path(self.file_page.path.text().strip())

    def reject(self) -> None:
        """Cancel a running read or import first (nothing is written), then close."""
        if self.running is not None and not self.running.done:
            self.running.cancel()
        super().reject()


class FilePage(QWizardPage):
    """Step 1: the workbook, its sheet and an optional saved mapping."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Choose the workbook"))
        self.setSubTitle(self.tr("An .xlsx file from Excel or WPS. The header row is found even under title rows."))
        self.path = QLineEdit(self)
        self.path.setObjectName("import_path")
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self.browse)
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("import_sheet")
        self.mapping = QComboBox(self)
        self.mapping.setObjectName("import_mapping")
        self.error = QLabel(self)
        self.error.setObjectName("import_error")
        self.error.setWordWrap(True)
        template = QPushButton(self.tr("Save the &template…"), self)
        template.setObjectName("save_template")
        template.clicked.connect(self.save_template)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(template)
        form = QFormLayout(self)
        form.addRow(self.tr("&File:"), row)
        form.addRow(self.tr("&Sheet:"), self.sheet)
        form.addRow(self.tr("Saved &mapping:"), self.mapping)
        form.addRow(self.error)
        self.path.editingFinished.connect(self.load_sheets)

    def initializePage(self) -> None:
        self.mapping.clear()
        self.mapping.addItem(self.tr("(guess from the headers)"), None)
        try:
            for name in self.w.service.mapping_names():
                self.mapping.addItem(name, name)
        except KnownError as exc:
            self.error.setText(error_message(exc))

    def browse(self) -> None:
        """Pick a file."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a workbook"), "", self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.path.setText(path)
            self.load_sheets()

    def save_template(self) -> None:
        """Save the import template (no client data) where the user chooses."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the template"), "客户导入模板.xlsx", self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            try:
                Path(path).write_bytes(self.w.service.template())
            except KnownError as exc:
                self.error.setText(error_message(exc))
            except OSError:
                self.error.setText(self.tr("The template could not be saved there."))

    def load_sheets(self) -> None:
        """Read the sheet names (behind the file guards)."""
        self.sheet.clear()
        self.error.clear()
        if not self.path.text().strip():
            return
        try:
            self.sheet.addItems(self.w.service.sheets(self.w.path()))
        except KnownError as exc:
            self.error.setText(error_message(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.sheet.count() > 0

    def validatePage(self) -> bool:
        try:
            self.w.layout_ = self.w.service.layout(self.w.path(), self.sheet.currentText(), self.mapping.currentData())
        except KnownError as exc:
            self.error.setText(error_message(exc))
            return False
        return True


class MappingPage(QWizardPage):
    """Step 2: which column is which field (corrected by hand, saved under a name)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Map the columns"))
        self.setSubTitle(self.tr("Check the field of each column. Columns set to “Ignore” are not read."))
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("mapping_table")
        self.table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit(self)
        self.name.setObjectName("mapping_name")
        self.name.setPlaceholderText(self.tr("Name for this mapping"))
        save = QPushButton(self.tr("Sa&ve mapping"), self)
        save.setObjectName("save_mapping")
        save.clicked.connect(self.save)
        self.note = QLabel(self)
        self.note.setObjectName("mapping_note")
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        lay = self.w.layout_
        assert lay is not None
        self.table.setRowCount(len(lay.headers))
        self.combos = []
        for i, (header, guess) in enumerate(zip(lay.headers, lay.guessed, strict=True)):
            self.table.setItem(i, 0, QTableWidgetItem(header or fmt(self.tr("(column %1, no header)"), i + 1)))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("Ignore"), None)
            for f in FIELDS:
                combo.addItem(field_name(f), f)
            combo.setCurrentIndex(max(0, combo.findData(guess)) if guess else 0)
            combo.currentIndexChanged.connect(self.completeChanged)
            self.table.setCellWidget(i, 1, combo)
            self.combos.append(combo)
        self.note.setText(fmt(self.tr("Header found in row %1."), lay.header_row))

    def fields(self) -> list[str | None]:
        """The field chosen for each column."""
        return [c.currentData() for c in self.combos]

    def isComplete(self) -> bool:
        chosen = [f for f in self.fields() if f]
        return "name" in chosen and len(chosen) == len(set(chosen))

    def save(self) -> None:
        """Save the mapping under the typed name."""
        lay = self.w.layout_
        assert lay is not None
        try:
            self.w.service.save_mapping(self.name.text(), lay.headers, self.fields())
        except KnownError as exc:
            self.note.setText(error_message(exc))
            return
        self.note.setText(fmt(self.tr("Mapping “%1” saved."), self.name.text().strip()))

    def validatePage(self) -> bool:
        lay = self.w.layout_
        assert lay is not None
        lay.guessed = self.fields()
        return True
