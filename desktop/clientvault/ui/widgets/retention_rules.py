"""The firm's retention rules: a list and an editor, self-contained so any page or dialog can host it.

Partner and privacy officer (``RetentionService`` checks the role). Every save is a new version
of the rule, audited; the versions are listed under the editor. Locked records keep the end date
they were sealed with: an edit affects later sealing only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clientvault.services.context import Vault
from clientvault.services.retention import ITEM_CLASSES, RetentionRule, RetentionService
from clientvault.ui.errors import show_error
from clientvault.ui.i18n import fmt
from clientvault.ui.widgets.sealing_record import item_class_name
from clientvault.ui.widgets.text import wrapped_label


class RetentionRulesEditor(QWidget):
    """The rules table (title, period, start, what it requires, source) and an editor for the selected rule."""

    sig_saved = Signal(str)
    """A rule was saved (its category)."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retention_rules")
        self.service = RetentionService(vault)
        self.rules: list[RetentionRule] = []
        intro = wrapped_label(
            self,
            self.tr(
                "How long the law requires each kind of record to be kept, and which items of a client each "
                "rule requires. Sealing keeps only the items a rule requires and erases the rest. A period "
                "starts on the day after the end of the accounting year. Each change is saved as a new "
                "version and recorded; records sealed earlier keep their end date."
            ),
        )
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("rules")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Kept for"), self.tr("Applies"), self.tr("Version"), self.tr("Legal source")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.years = QSpinBox(self)
        self.years.setObjectName("years")
        self.years.setRange(0, 100)
        self.years.setSuffix(self.tr(" years"))
        self.permanent = QCheckBox(self.tr("Permanent"), self)
        self.permanent.setObjectName("permanent")
        self.starts = QComboBox(self)
        self.starts.setObjectName("starts")
        self.starts.addItem(self.tr("Day after the end of the accounting year"), "year_end")
        self.starts.addItem(self.tr("After the asset is disposed of"), "disposal")
        self.applies = QCheckBox(self.tr("The rule applies to this firm"), self)
        self.applies.setObjectName("applies")
        self.source = QLineEdit(self)
        self.source.setObjectName("legal_source")
        self.source.setMaxLength(500)
        self.covers = QListWidget(self)
        self.covers.setObjectName("covers")
        for cls in ITEM_CLASSES:
            item = QListWidgetItem(self.class_label(cls), self.covers)
            item.setData(Qt.ItemDataRole.UserRole, cls)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.history = QLabel(self)
        self.history.setObjectName("history")
        self.history.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save rule"), self)
        self.save_button.setObjectName("save")

        form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.years)
        period.addWidget(self.permanent)
        period.addStretch(1)
        form.addRow(self.tr("Kept for"), period)
        form.addRow(self.tr("Period starts"), self.starts)
        form.addRow("", self.applies)
        form.addRow(self.tr("Legal source"), self.source)
        form.addRow(self.tr("Items it requires"), self.covers)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 2)
        layout.addLayout(form, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.history, 1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.table.itemSelectionChanged.connect(self._selected)
        self.permanent.toggled.connect(self.years.setDisabled)
        self.save_button.clicked.connect(self.save)
        self.refresh()

    def class_label(self, cls: str) -> str:
        """The translated name of an item class (``person.legal_rep.id_number`` → "Legal representative: ID number")."""
        return item_class_name(cls)

    def period_text(self, rule: RetentionRule) -> str:
        """ "Permanent", "30 years" or "5 years after disposal"."""
        if rule.permanent:
            return self.tr("Permanent")
        text = fmt(self.tr("%1 years"), rule.years)
        return fmt(self.tr("%1 after disposal"), text) if rule.starts == "disposal" else text

    def refresh(self) -> None:
        """Reload the rules (the selection is kept)."""
        current = self.selected()
        try:
            self.rules = self.service.rules()
        except Exception as exc:
            show_error(self, exc)
            self.rules = []
        self.table.setRowCount(len(self.rules))
        for row, rule in enumerate(self.rules):
            cells = [
                rule.title or rule.category,
                self.period_text(rule),
                self.tr("yes") if rule.applies else self.tr("no"),
                str(rule.version),
                rule.legal_source,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.rules:
            index = next((i for i, r in enumerate(self.rules) if current and r.category == current.category), 0)
            self.table.selectRow(index)

    def selected(self) -> RetentionRule | None:
        """The rule being edited."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rules[rows[0].row()] if rows and rows[0].row() < len(self.rules) else None

    def _selected(self) -> None:
        rule = self.selected()
        self.save_button.setEnabled(rule is not None)
        if rule is None:
            return
        self.years.setValue(rule.years)
        self.permanent.setChecked(rule.permanent)
        self.years.setDisabled(rule.permanent)
        self.starts.setCurrentIndex(max(0, self.starts.findData(rule.starts)))
        self.applies.setChecked(rule.applies)
        self.source.setText(rule.legal_source)
        for i in range(self.covers.count()):
            item = self.covers.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in rule.covers
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        versions = self.service.versions(rule.category)
        last = versions[-1] if versions else None
        self.history.setText(fmt(self.tr("Version %1, saved %2."), rule.version, last.changed_at[:10]) if last else "")

    def checked_classes(self) -> tuple[str, ...]:
        """The item classes ticked in the editor."""
        out = []
        for i in range(self.covers.count()):
            item = self.covers.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(out)

    def save(self) -> int | None:
        """Save the edited rule as a new version; returns it (None when refused)."""
        rule = self.selected()
        if rule is None:
            return None
        try:
            version = self.service.set_rule(
                rule.category,
                self.years.value(),
                self.source.text(),
                applies=self.applies.isChecked(),
                permanent=self.permanent.isChecked(),
                starts=str(self.starts.currentData()),
                covers=self.checked_classes(),
            )
        except Exception as exc:
            show_error(self, exc)
            return None
        self.refresh()
        self.sig_saved.emit(rule.category)
        return version
