"""The last two steps of the import wizard: the preview (read off the GUI thread) and the import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from clientvault.services.changes import Changes
from clientvault.services.imports import Choice, ImportPlan, ImportResult
from clientvault.ui.errors import error_message
from clientvault.ui.excel_labels import drop_text
from clientvault.ui.i18n import fmt
from clientvault.ui.models.import_preview import ImportPreviewModel
from clientvault.ui.operations import Progress

if TYPE_CHECKING:
    from clientvault.ui.dialogs.import_wizard import ImportWizard


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
