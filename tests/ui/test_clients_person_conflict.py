"""A person saved on a second workstation while being edited here: both versions, the user chooses.

The other workstation is a second, separately unlocked ``Vault`` of the same folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput, PersonInput, PersonRole
from clientvault.core.validation import resident_id_check_digit
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService
from clientvault.ui.dialogs.conflict import ConflictDialog
from clientvault.ui.dialogs.person_edit import PersonEditDialog
from clientvault.ui.pages.client_detail import ClientDetailPage
from tests.conftest import PARTNER, PARTNER_PASSWORD

ID_A = "11010519800101123" + resident_id_check_digit("11010519800101123")
ID_B = "31011519900202456" + resident_id_check_digit("31011519900202456")
ID_C = "44030519851212789" + resident_id_check_digit("44030519851212789")


@pytest.fixture
def other(fast_vaults: VaultService, vault_dir: Path, new_vault: Vault) -> Iterator[ClientService]:
    """The second workstation: the partner, unlocked separately on the same folder."""
    vault = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    yield ClientService(vault)
    vault.lock()


@pytest.fixture
def client(new_vault: Vault) -> tuple[int, int]:
    """An active client with one person (ID number, phone, e-mail); returns (client id, person id)."""
    svc = ClientService(new_vault)
    cid = svc.create(
        ClientInput(name="北京星辰科技有限公司", engagement_start="2024-01-01"),
        persons=(PersonInput(PersonRole.LEGAL_REP, "张三", id_number=ID_A, phone="13900001111", email="zs@x.example"),),
    )
    return cid, svc.get(cid).persons[0].id


def _edit(qtbot: QtBot, vault: Vault, client_id: int) -> tuple[ClientDetailPage, PersonEditDialog]:
    page = ClientDetailPage(ClientService(vault), client_id, None)
    qtbot.addWidget(page)
    page.show()
    assert page.detail is not None
    dialog = page.edit_person(page.detail.persons[0])
    return page, dialog


def test_second_workstation_person_conflict_shows_both_versions_and_merges(
    qtbot: QtBot, new_vault: Vault, other: ClientService, client: tuple[int, int]
) -> None:
    cid, pid = client
    page, dialog = _edit(qtbot, new_vault, cid)
    assert dialog.with_ids and dialog.id_number.text() == ""  # the stored number is kept unless retyped
    assert dialog.id_number.placeholderText().startswith(ID_A[:6] + "********")
    base_version = dialog.version
    # The other workstation saves first: name and phone.
    other.update_person(
        pid, base_version, PersonInput(PersonRole.LEGAL_REP, "张三丰", phone="13800002222", email="zs@x.example")
    )
    # Here: name (both changed) and e-mail (only mine).
    dialog.name.setText("张叁")
    dialog.email.setText("zhang@x.example")
    assert not dialog.save()
    conflict = dialog.conflict_dialog
    assert isinstance(conflict, ConflictDialog) and conflict.isVisible()
    assert set(conflict.differing) == {"name", "phone", "email"}  # ID untouched here: no conflict
    mine_c, theirs_c = conflict.choices["name"]
    assert mine_c.text() == "张叁" and theirs_c.text() == "张三丰"
    assert mine_c.button.isChecked()  # changed by both: mine by default, marked
    qtbot.mouseClick(theirs_c.value, Qt.MouseButton.LeftButton)  # a click on the value picks that side
    assert theirs_c.button.isChecked() and conflict.groups["name"].checkedId() == 1
    qtbot.mouseClick(mine_c, Qt.MouseButton.LeftButton)
    assert mine_c.button.isChecked()
    assert "changed by both" in conflict.findChild(QLabel, "name_label").text()  # type: ignore[union-attr]
    assert conflict.groups["phone"].checkedId() == 1  # only they changed it: theirs by default
    assert conflict.groups["email"].checkedId() == 0  # only I changed it: mine by default
    assert "this person" in conflict.intro.text()
    relation = conflict.findChild(QLabel, "role_same")
    assert relation is not None and relation.text() == "Legal representative"  # codes read as names
    stored = other.person_edit_values(pid)
    assert stored["name"] == "张三丰" and stored["email"] == "zs@x.example"  # nothing overwritten yet
    conflict.pick("name", theirs=True)
    qtbot.mouseClick(conflict.merge_button, Qt.MouseButton.LeftButton)
    stored = other.person_edit_values(pid)
    assert (stored["name"], stored["phone"], stored["email"]) == ("张三丰", "13800002222", "zhang@x.example")
    assert int(stored["version"]) == base_version + 2
    assert other.reveal_id_number(pid, "bookkeeping") == ID_A  # the ID number was kept
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.person_model is not None and page.person_model.person(0).email == "zhang@x.example"


def test_person_conflict_keep_mine_and_take_theirs(
    qtbot: QtBot, new_vault: Vault, other: ClientService, client: tuple[int, int]
) -> None:
    cid, pid = client
    page, dialog = _edit(qtbot, new_vault, cid)
    other.update_person(pid, dialog.version, PersonInput(PersonRole.LEGAL_REP, "甲", phone="13800002222"))
    dialog.name.setText("乙")
    assert not dialog.save()
    assert dialog.conflict_dialog is not None
    qtbot.mouseClick(dialog.conflict_dialog.keep_button, Qt.MouseButton.LeftButton)
    stored = other.person_edit_values(pid)
    # Keep mine saves the whole form on the new version: their phone is replaced by mine.
    assert (stored["name"], stored["phone"], stored["email"]) == ("乙", "13900001111", "zs@x.example")
    assert dialog.result() == QDialog.DialogCode.Accepted

    dialog = page.edit_person(page.detail.persons[0])  # type: ignore[union-attr]
    other.update_person(pid, dialog.version, PersonInput(PersonRole.FINANCE_CONTACT, "丙"))
    dialog.name.setText("丁")
    assert not dialog.save()
    assert dialog.conflict_dialog is not None
    assert dialog.conflict_dialog.choices["role"][1].text() == "Finance contact"
    qtbot.mouseClick(dialog.conflict_dialog.take_button, Qt.MouseButton.LeftButton)
    stored = other.person_edit_values(pid)
    assert (stored["name"], stored["role"]) == ("丙", "finance_contact")
    assert dialog.name.text() == "丙" and dialog.result() == QDialog.DialogCode.Accepted
    assert page.person_model is not None and page.person_model.person(0).name == "丙"


def test_back_to_editing_saves_nothing(
    qtbot: QtBot, new_vault: Vault, other: ClientService, client: tuple[int, int]
) -> None:
    cid, pid = client
    _page, dialog = _edit(qtbot, new_vault, cid)
    other.update_person(pid, dialog.version, PersonInput(PersonRole.LEGAL_REP, "甲"))
    dialog.name.setText("乙")
    assert not dialog.save()
    assert dialog.conflict_dialog is not None
    dialog.conflict_dialog.reject()
    assert other.person_edit_values(pid)["name"] == "甲"
    assert dialog.isVisible() and dialog.name.text() == "乙"
    assert not dialog.save()  # still on the old version: the comparison comes back
    assert dialog.conflict_dialog is not None and "name" in dialog.conflict_dialog.differing
    assert other.person_edit_values(pid)["name"] == "甲"


def test_id_numbers_changed_on_both_workstations(
    qtbot: QtBot, new_vault: Vault, other: ClientService, client: tuple[int, int]
) -> None:
    cid, pid = client
    _page, dialog = _edit(qtbot, new_vault, cid)
    other.update_person(
        pid,
        dialog.version,
        PersonInput(PersonRole.LEGAL_REP, "张三", id_number=ID_B, phone="13900001111", email="zs@x.example"),
    )
    dialog.id_number.setText(ID_C)
    assert not dialog.save()
    conflict = dialog.conflict_dialog
    assert conflict is not None and conflict.differing == ["id_number"]
    mine_c, theirs_c = conflict.choices["id_number"]
    assert mine_c.text() == ID_C  # what I typed
    assert theirs_c.text() == ID_B[:6] + "********" + ID_B[-4:]  # theirs stays masked (reveal needs a purpose)
    conflict.pick("id_number", theirs=True)
    qtbot.mouseClick(conflict.merge_button, Qt.MouseButton.LeftButton)
    assert other.reveal_id_number(pid, "bookkeeping") == ID_B


def test_person_removed_on_the_other_workstation(
    qtbot: QtBot, new_vault: Vault, other: ClientService, client: tuple[int, int]
) -> None:
    cid, pid = client
    _page, dialog = _edit(qtbot, new_vault, cid)
    other.remove_person(pid)
    dialog.name.setText("乙")
    assert not dialog.save()
    assert dialog.conflict_dialog is None
    assert dialog.general_error.isVisibleTo(dialog) and dialog.general_error.text()


def test_values_are_shown_as_typed_and_long_ones_wrap(qtbot: QtBot) -> None:
    long_address = "北京市海淀区中关村大街27号院3号楼1208室，" * 6
    dialog = ConflictDialog(
        {"name": "a", "address": ""},
        {"name": "<b>mine</b>", "address": long_address},
        {"name": "a", "address": ""},
        {"name": "Name", "address": "Address"},
    )
    qtbot.addWidget(dialog)
    dialog.show()
    mine_c = dialog.choices["name"][0]
    assert mine_c.value.textFormat() is Qt.TextFormat.PlainText and mine_c.text() == "<b>mine</b>"
    assert dialog.choices["address"][1].text() == "—"  # empty reads as a dash
    assert dialog.choices["address"][0].value.wordWrap()
    assert dialog.width() < 1200  # a long value wraps instead of widening the dialog
    assert "this record" in dialog.intro.text()  # the generic sentence when the caller gives none
