"""Recording a returned consent form, driven by keystrokes exactly as a handheld QR scanner sends
them (the number, then Enter): Enter only looks the form up; saving is a separate, reviewed step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput, PersonInput, PersonRole
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentService, ConsentStatus
from clientvault.services.context import Vault
from clientvault.ui.dialogs.return_form import ReturnFormDialog


@pytest.fixture
def issued(new_vault: Vault) -> tuple[int, str]:
    clients = ClientService(new_vault)
    cid = clients.create(ClientInput(name="杭州扫码科技有限公司", engagement_start="2026-01-01"))
    clients.add_person(cid, PersonInput(PersonRole.LEGAL_REP, "张三"))
    form = ConsentService(new_vault).issue_form(cid, lang="en")
    return cid, form.form_no.split(",")[0]


def _statuses(vault: Vault, cid: int) -> set[ConsentStatus]:
    return {c.status for c in ConsentService(vault).consents(cid)}


def test_scanner_enter_looks_up_and_moves_to_the_ticks_never_saves(
    qtbot: QtBot, qapp: QApplication, new_vault: Vault, issued: tuple[int, str]
) -> None:
    cid, form_no = issued
    dialog = ReturnFormDialog(ConsentService(new_vault), cid, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    dialog.number.setFocus()
    qtbot.keyClicks(dialog.number, form_no)  # what the scanner types …
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)  # … and the Enter it sends after it
    assert dialog.info is not None and dialog.boxes
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.isVisible()
    first = dialog.boxes[0][0]
    assert dialog.focusWidget() is first  # on to the tick boxes
    # A second Enter (a scanner that sends CR LF, an impatient user) still saves nothing.
    qtbot.keyClick(first, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_Enter)
    assert dialog.isVisible() and not dialog.review_box.isVisible()
    assert _statuses(new_vault, cid) == {ConsentStatus.PENDING}

    marketing = dialog.findChild(QCheckBox, "tick_marketing_purpose")
    assert marketing is not None
    marketing.setFocus()
    qtbot.keyClick(marketing, Qt.Key.Key_Space)
    assert marketing.isChecked()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # Review…
    assert dialog.review_box.isVisible()
    summary = dialog.summary.text()
    assert "agreed" in summary and "not agreed" in summary and "No scan attached." in summary
    assert not dialog.number.isEnabled() and not marketing.isEnabled()  # nothing changes under the summary
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and _statuses(new_vault, cid) == {ConsentStatus.PENDING}

    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)  # back: change the ticks
    assert marketing.isEnabled() and not dialog.review_box.isVisible()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)  # the one step that saves
    assert dialog.result() == dialog.DialogCode.Accepted
    assert ConsentStatus.GRANTED in _statuses(new_vault, cid)


def test_a_refused_number_keeps_the_dialog_in_step_one(
    qtbot: QtBot, qapp: QApplication, new_vault: Vault, issued: tuple[int, str]
) -> None:
    cid, form_no = issued
    dialog = ReturnFormDialog(ConsentService(new_vault), cid, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    bad = form_no[:-1] + ("A" if form_no[-1] != "A" else "B")
    qtbot.keyClicks(dialog.number, bad)
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    assert dialog.info is None and dialog.message.text() and not dialog.ok.isEnabled()
    assert dialog.isVisible() and _statuses(new_vault, cid) == {ConsentStatus.PENDING}
