"""The Purposes page shows each purpose's retention as the 告知同意书 states it (the firm's retention
rules, services.retention_notice), follows an edited rule at once, and no longer edits retention_years."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.services.context import Vault
from clientvault.services.purposes import PurposeService
from clientvault.ui.operations import Operations
from clientvault.ui.pages.erasure import ErasurePage
from clientvault.ui.pages.purposes import PurposesPage

RETENTION = 4  # the Retention column


def test_the_purposes_page_follows_an_edited_retention_rule(qapp: QApplication, qtbot: QtBot, new_vault: Vault) -> None:
    operations = Operations()
    purposes = PurposesPage(new_vault, operations, lang="en")
    erasure = ErasurePage(new_vault, operations)
    qtbot.addWidget(purposes)
    qtbot.addWidget(erasure)
    operations.sig_changed.connect(lambda changes, _source: purposes.apply_changes(changes))
    row = [p.code for p in purposes.purposes].index("bookkeeping")
    assert "identity: 30 years (accounting vouchers)" in purposes.table.item(row, RETENTION).text()
    dialog = erasure.law.show_rules()
    qtbot.addWidget(dialog)
    editor = dialog.editor
    editor.table.selectRow(next(i for i, r in enumerate(editor.rules) if r.category == "accounting_vouchers"))
    editor.years.setValue(31)
    assert editor.save() == 2
    text = purposes.table.item(row, RETENTION).text()
    assert "identity: 31 years (accounting vouchers)" in text and "30 years" not in text
    assert purposes.table.item(row, RETENTION).toolTip() == text
    purposes.table.selectRow(row)
    assert f"Retention: {text}" in purposes.history.text()  # the full text under the table


def test_the_purpose_editor_no_longer_edits_retention_years(qapp: QApplication, new_vault: Vault) -> None:
    page = PurposesPage(new_vault, Operations(), lang="en")
    page.table.selectRow(0)
    dialog = page.edit(page.selected())
    assert dialog.retention.isHidden()
    note = dialog.findChild(type(dialog.message), "retention_note")
    assert note is not None and "retention rules" in note.text()
    before = page.selected()
    assert before is not None
    dialog.name_en.setText(before.name_en + " (edited)")
    dialog.save()
    assert PurposeService(new_vault).get(before.code).retention_years == before.retention_years
