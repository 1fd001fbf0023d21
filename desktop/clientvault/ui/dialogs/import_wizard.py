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
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from clientvault.core.errors import KnownError
from clientvault.documents.spreadsheet import FIELDS, SheetLayout
from clientvault.services.changes import Changes
from clientvault.services.imports import Choice, ImportPlan, ImportResult, ImportService
from clientvault.ui.errors import error_message
from clientvault.ui.excel_labels import drop_text, field_name
from clientvault.ui.i18n import fmt
from clientvault.ui.models.import_preview import ImportPreviewModel
from clientvault.ui.operations import Operation, Operations, Progress

PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW, PAGE_CONFIRM = range(4)


class ImportWizard(QWizard):
    """The four steps of an Excel import."""

    sig_imported = Signal(object)
    """The import was written (an :class:`ImportResult`)."""

    def __init__(self, service: ImportService, operations: Operations, parent: QWidget | None = None) -> None:
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


class PreviewPage(QWizardPage):
    """Step 3: every row read and checked off the GUI thread; findings per cell."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Nothing has been written yet. Point at a coloured cell to see why."))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("preview_progress")
        self.cancel = QPushButton(self.tr("Cancel reading"), self)
        self.cancel.clicked.connect(self._cancel)
        self.summary = QLabel(self)
        self.summary.setObjectName("preview_summary")
        self.summary.setWordWrap(True)
        self.only = QCheckBox(self.tr("Only rows with findings"), self)
        self.only.toggled.connect(self._only)
        self.view = QTableView(self)
        self.view.setObjectName("preview_table")
        self.view.verticalHeader().setVisible(False)
        self.model: ImportPreviewModel | None = None
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.only)
        layout.addWidget(self.view, 1)

    def initializePage(self) -> None:
        self.w.plan = None
        self.view.setModel(None)
        self.summary.setText(self.tr("Reading the workbook…"))
        self.progress.setRange(0, 0)
        self.cancel.setEnabled(True)
        path, lay, service = self.w.path(), self.w.layout_, self.w.service

        def work(progress: Progress) -> ImportPlan:
            return service.plan(path, lay, progress=lambda done, _t: progress.report(done, 0), check=progress.check)

        self.w.running = self.w.operations.run(
            work, on_success=self._planned, on_failure=self._failed, on_progress=self._progressed
        )

    def _progressed(self, done: int, total: int) -> None:
        self.summary.setText(fmt(self.tr("Reading the workbook… %1 rows"), done))

    def _cancel(self) -> None:
        if self.w.running is not None:
            self.w.running.cancel()
        self.summary.setText(self.tr("Reading cancelled. Go back to choose another file."))
        self.progress.setRange(0, 1)
        self.cancel.setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        self.progress.setRange(0, 1)
        self.cancel.setEnabled(False)
        self.summary.setText(error_message(exc))

    def _planned(self, plan: ImportPlan) -> None:
        self.w.plan = plan
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.cancel.setEnabled(False)
        self.model = ImportPreviewModel(plan, self, only_findings=self.only.isChecked())
        self.view.setModel(self.model)
        self.view.resizeColumnsToContents()
        lines = [
            fmt(
                self.tr("%1 rows read: %2 refused, %3 match existing clients."),
                len(plan.rows),
                len(plan.refused),
                len(plan.matches),
            )
        ]
        lines += [drop_text(f, reason) for f, reason in sorted(plan.dropped.items())]
        if plan.refused:
            lines.append(self.tr("Correct the refused rows in the file and read it again: nothing will be imported."))
        self.summary.setText("\n".join(lines))
        self.completeChanged.emit()

    def _only(self, on: bool) -> None:
        if self.model is not None:
            self.model.set_only_findings(on)

    def isComplete(self) -> bool:
        return self.w.plan is not None and self.w.plan.importable


class ConfirmPage(QWizardPage):
    """Step 4: say what will happen, then write it in one transaction."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Import"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))
        self.text = QLabel(self)
        self.text.setObjectName("confirm_text")
        self.text.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("import_progress")
        self.cancel = QPushButton(self.tr("Cancel import"), self)
        self.cancel.setObjectName("cancel_import")
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel)
        layout.addStretch(1)
        self._done = False

    def initializePage(self) -> None:
        plan = self.w.plan
        assert plan is not None
        choices = self.choices()
        updates = sum(1 for r in plan.matches if choices.get(r.number) is Choice.UPDATE_EMPTY)
        new = len(plan.rows) - len(plan.matches)
        self.text.setText(
            fmt(
                self.tr(
                    "%1 new clients will be created (with consent pending: they appear in the consent work "
                    "lists), %2 existing clients get their empty fields filled, %3 rows are skipped. "
                    "The import is all or nothing."
                ),
                new,
                updates,
                len(plan.matches) - updates,
            )
        )
        self.progress.setRange(0, max(1, len(plan.rows)))
        self.progress.setValue(0)
        self._done = False

    def choices(self) -> dict[int, Choice]:
        """The per-row choices made in the preview (matching rows not ticked are skipped)."""
        model = self.w.preview_page.model
        return dict(model.choices) if model is not None else {}

    def validatePage(self) -> bool:
        if self._done:
            return True
        plan, service, choices = self.w.plan, self.w.service, self.choices()
        assert plan is not None

        def work(progress: Progress) -> ImportResult:
            return service.commit(plan, choices, progress=progress.report, check=progress.check)

        self.cancel.setEnabled(True)
        self.w.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.w.running = self.w.operations.run(
            work,
            on_success=self._imported,
            on_failure=self._failed,
            on_progress=lambda done, total: self.progress.setValue(done),
            changes=Changes(clients=True),
            source=self.w,
        )
        return False

    def _cancel(self) -> None:
        if self.w.running is not None:
            self.w.running.cancel()
        self.cancel.setEnabled(False)
        self.text.setText(self.tr("Import cancelled. Nothing was written."))
        self.w.button(QWizard.WizardButton.FinishButton).setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.cancel.setEnabled(False)
        self.text.setText(error_message(exc) + "\n" + self.tr("Nothing was written."))
        self.w.button(QWizard.WizardButton.FinishButton).setEnabled(True)

    def _imported(self, result: ImportResult) -> None:
        self.w.imported = result
        self._done = True
        self.cancel.setEnabled(False)
        self.text.setText(
            fmt(
                self.tr("Imported: %1 created, %2 updated, %3 skipped."), result.created, result.updated, result.skipped
            )
        )
        self.w.sig_imported.emit(result)
        self.w.accept()
