"""The impact assessments page (PIPL Arts 55-56): the assessments, what none covers yet, a new one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.impact_assessments import Assessment, Conclusion, ImpactAssessmentService, Trigger
from clientvault.services.purposes import PurposeService
from clientvault.services.recipients import RecipientService
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt, format_date, format_number
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.form_fields import date_edit, edited_day, short_text, ticked
from clientvault.ui.widgets.register_page import (
    RegisterActions,
    finish_form,
    headed_layout,
    refill,
    table_model,
    toolbar,
)
from clientvault.ui.widgets.tables import make_table_view, selected_item
from clientvault.ui.widgets.text import wrapped_label

translate = QCoreApplication.translate


def trigger_name(trigger: Trigger) -> str:
    """The translated trigger of an assessment (PIPL Art 55)."""
    return {
        Trigger.SENSITIVE: translate("Assessments", "Sensitive personal information"),
        Trigger.AUTOMATED_DECISION: translate("Assessments", "Automated decision-making"),
        Trigger.ENTRUSTED: translate("Assessments", "Entrusted processing"),
        Trigger.THIRD_PARTY: translate("Assessments", "Provision to third parties"),
        Trigger.PUBLIC: translate("Assessments", "Making information public"),
        Trigger.CROSS_BORDER: translate("Assessments", "Transfer abroad"),
        Trigger.OTHER: translate("Assessments", "Other major influence on individuals"),
    }[trigger]


def conclusion_name(conclusion: Conclusion) -> str:
    """The translated conclusion of an assessment."""
    return {
        Conclusion.ACCEPTABLE: translate("Assessments", "Acceptable"),
        Conclusion.ACCEPTABLE_WITH_MEASURES: translate("Assessments", "Acceptable with the measures"),
        Conclusion.NOT_ACCEPTABLE: translate("Assessments", "Not acceptable"),
    }[conclusion]


class AssessmentDialog(QDialog):
    """Record an assessment: trigger, what it covers, purpose and necessity, risks, measures, conclusion."""

    def __init__(
        self, vault: Vault, service: ImpactAssessmentService, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New impact assessment"))
        self.service = service
        self.created: Assessment | None = None
        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.trigger = QComboBox(self)
        self.trigger.setObjectName("trigger")
        for t in Trigger:
            self.trigger.addItem(trigger_name(t), t.value)
        self.conclusion = QComboBox(self)
        self.conclusion.setObjectName("conclusion")
        for c in Conclusion:
            self.conclusion.addItem(conclusion_name(c), c.value)
        self.assessed = date_edit(self, "assessed_on", QDate.currentDate())
        self.texts = {name: short_text(self, name) for name in ("purpose_necessity", "risks", "measures")}
        covers = QWidget(self)
        grid = QGridLayout(covers)
        grid.setContentsMargins(0, 0, 0, 0)
        self.purpose_boxes: dict[str, QCheckBox] = {}
        self.recipient_boxes: dict[int, QCheckBox] = {}
        for n, p in enumerate(PurposeService(vault).catalogue()):
            self.purpose_boxes[p.code] = QCheckBox(p.name(lang), covers)
            grid.addWidget(self.purpose_boxes[p.code], n, 0)
        for n, r in enumerate(RecipientService(vault).list()):
            self.recipient_boxes[r.id] = QCheckBox(r.name(lang), covers)
            grid.addWidget(self.recipient_boxes[r.id], n, 1)
        self.error = wrapped_label(self, name="error")
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Trigger (PIPL Art 55):"), self.trigger)
        form.addRow(self.tr("Covers (purposes, recipients):"), covers)
        form.addRow(self.tr("Purpose and necessity:"), self.texts["purpose_necessity"])
        form.addRow(self.tr("Risks to individuals:"), self.texts["risks"])
        form.addRow(self.tr("Protection measures:"), self.texts["measures"])
        form.addRow(self.tr("Conclusion:"), self.conclusion)
        form.addRow(self.tr("Assessed on:"), self.assessed)
        finish_form(self, form, self.error, self.submit)

    def submit(self) -> None:
        """Record the assessment; an error stays in the dialog with the text kept."""
        try:
            self.created = self.service.record(
                title=self.title.text(),
                trigger=self.trigger.currentData(),
                purpose_necessity=self.texts["purpose_necessity"].toPlainText(),
                risks=self.texts["risks"].toPlainText(),
                measures=self.texts["measures"].toPlainText(),
                conclusion=self.conclusion.currentData(),
                assessed_on=edited_day(self.assessed),
                purposes=ticked(self.purpose_boxes),
                recipients=ticked(self.recipient_boxes),
            )
        except KnownError as exc:
            self.error.setText(error_message(exc))
            return
        self.accept()


class ImpactAssessmentsPage(QWidget, RegisterActions):
    """Lists the assessments and what no assessment covers; managers record and delete."""

    def __init__(
        self,
        vault: Vault,
        operations: Operations,
        parent: QWidget | None = None,
        *,
        lang: str = "zh",
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.lang = lang
        self.service = ImpactAssessmentService(vault, today=today)
        self.service.entries(limit=1)  # AccessDenied (audited) for an assistant
        self.entries: list[Assessment] = []
        self.new_button = QPushButton(self.tr("New assessment…"), self)
        self.new_button.setObjectName("new")
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setObjectName("delete")
        for b in (self.new_button, self.delete_button):
            b.setVisible(self.service.can_manage())
        self.delete_button.setEnabled(False)
        self.count_label = QLabel(self)
        self.missing = wrapped_label(self, name="missing")
        self.missing.setStyleSheet("color: #8a5300;")
        top = toolbar([self.count_label], [self.new_button, self.delete_button])
        headers = [self.tr("No."), self.tr("Assessed"), self.tr("Title"), self.tr("Trigger"), self.tr("Covers"),
                   self.tr("Conclusion"), self.tr("Kept until")]  # fmt: skip
        self.model = table_model(self, headers)
        self.view = make_table_view(self, "assessments", self.model)
        self.status = wrapped_label(self, name="status")
        layout = headed_layout(
            self,
            self.tr("Impact assessments"),
            self.tr(
                "Before processing sensitive data, entrusting processing or providing data to others, the "
                "firm assesses the impact on individuals (PIPL Art 55): purpose and necessity, risks, "
                "measures. Each assessment is kept at least three years (Art 56)."
            ),
        )
        layout.addWidget(self.missing)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.new_button.clicked.connect(lambda: self.new_assessment())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.delete_button.setEnabled(self.selected() is not None)
        )
        self.reload()

    def _names(self) -> tuple[dict[str, str], dict[int, str]]:
        purposes = {p.code: p.name(self.lang) for p in PurposeService(self.vault).catalogue(include_inactive=True)}
        recipients = {r.id: r.name(self.lang) for r in RecipientService(self.vault).list(include_inactive=True)}
        return purposes, recipients

    def reload(self) -> None:
        """Re-read the assessments and the reminders."""
        if self.vault.locked:
            return
        purposes, recipients = self._names()
        self.entries = self.service.entries()
        rows = []
        for a in self.entries:
            covers = [purposes.get(c, c) for c in a.purposes] + [recipients.get(r, str(r)) for r in a.recipients]
            rows.append([a.number, format_date(a.assessed_on), a.title, trigger_name(a.trigger), "、".join(covers),
                         conclusion_name(a.conclusion), format_date(a.keep_until)])  # fmt: skip
        refill(self.model, rows)
        self.count_label.setText(fmt(self.tr("%1 assessments"), format_number(len(self.entries))))
        gap = self.service.missing()
        names = [purposes.get(c, c) for c in gap.purposes] + [recipients.get(r, str(r)) for r in gap.recipients]
        self.missing.setText(
            fmt(self.tr("No assessment yet for %1 purposes or recipients: %2"), gap.count, "、".join(names))
            if gap.count
            else self.tr("Every sensitive purpose and every recipient is covered by an assessment.")
        )
        self.delete_button.setEnabled(False)

    def apply_changes(self, changes: Changes) -> None:
        """Reload when the registers or the purpose catalogue (``consent`` kind) changed."""
        if changes.touches("requests", "consent"):
            self.reload()

    def selected(self) -> Assessment | None:
        """The selected assessment."""
        return selected_item(self.view, self.entries.__getitem__)

    def new_assessment(self) -> AssessmentDialog:
        """Open the dialog (returned: tests drive it)."""
        dialog = AssessmentDialog(self.vault, self.service, self.lang, self)
        dialog.accepted.connect(lambda: self._done(self.tr("Impact assessment recorded.")))
        dialog.open()
        return dialog

    def delete_selected(self) -> bool:
        """Delete the selected assessment (refused, with the reason, before three years)."""
        a = self.selected()
        if a is None:
            return False
        try:
            self.service.delete(a.id)
        except KnownError as exc:
            self.status.setText(error_message(exc))
            return False
        self._done(fmt(self.tr("Assessment %1 deleted."), a.number))
        return True
