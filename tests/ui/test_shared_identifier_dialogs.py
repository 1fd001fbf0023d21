"""The duplicate refusal in the dialogs: the other client is named, and a branch or the same person
is saved only when the user confirms it (the choice kept and audited, never the value)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput, PersonInput, PersonRole
from clientvault.core.validation import resident_id_check_digit, uscc_check_digit
from clientvault.services.clients import ClientService, SharedIdentifier
from clientvault.services.context import Vault
from clientvault.storage.audit import AuditFilter
from clientvault.ui.dialogs.client_edit import ClientEditDialog
from clientvault.ui.dialogs.intake import IntakeDialog
from clientvault.ui.dialogs.person_edit import PersonEditDialog

USCC = "91110105MA01QX7R2" + uscc_check_digit("91110105MA01QX7R2")
ID = "11010519800101123" + resident_id_check_digit("11010519800101123")


def answer(button: str, seen: list[str]) -> None:
    """Click ``button`` ("confirm_shared" or "refuse_shared") in the question once it is up."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        seen.append(box.text())
        box.findChild(QPushButton, button).click()

    QTimer.singleShot(0, click)


def _shared_events(vault: Vault) -> list[str]:
    return [
        f"{e.object} {e.reason}"
        for e in vault.audit.page(AuditFilter(), limit=100)
        if e.action == "client.shared_identifier"
    ]


def test_new_client_with_a_used_credit_code_names_the_other_and_saves_only_as_a_branch(
    qtbot: QtBot, new_vault: Vault
) -> None:
    service = ClientService(new_vault)
    head = service.create(ClientInput(name="星河总公司", uscc=USCC))
    dialog = ClientEditDialog(service)
    qtbot.addWidget(dialog)
    dialog.form.editor("name").setText("星河上海分公司")  # type: ignore[attr-defined]
    dialog.form.editor("uscc").setText(USCC)  # type: ignore[attr-defined]
    seen: list[str] = []
    answer("refuse_shared", seen)
    assert not dialog.save()
    assert "星河总公司" in seen[0]
    assert service.count() == 1 and _shared_events(new_vault) == []
    assert "星河总公司" in dialog.form.general_error.text()  # the refusal stays under the form
    answer("confirm_shared", seen)
    assert dialog.save()
    assert dialog.client_id is not None and dialog.client_id != head
    assert service.shared_identifiers(dialog.client_id) == [(None, SharedIdentifier("uscc", head))]
    assert _shared_events(new_vault) == [f"client:{dialog.client_id}.uscc branch:client:{head}"]


def test_intake_with_a_used_credit_code_is_refused_with_the_name(qtbot: QtBot, new_vault: Vault) -> None:
    service = ClientService(new_vault)
    service.create(ClientInput(name="星河总公司", uscc=USCC))
    dialog = IntakeDialog(service)
    qtbot.addWidget(dialog)
    dialog.form.editor("name").setText("星河某某公司")  # type: ignore[attr-defined]
    dialog.form.editor("uscc").setText(USCC)  # type: ignore[attr-defined]
    seen: list[str] = []
    answer("refuse_shared", seen)
    assert not dialog.save()
    assert "星河总公司" in seen[0] and dialog.client_id is None and service.count() == 1


def test_a_persons_id_number_another_client_has_needs_the_same_person(qtbot: QtBot, new_vault: Vault) -> None:
    service = ClientService(new_vault)
    rep = PersonInput(role=PersonRole.LEGAL_REP, name="张三", id_number=ID)
    first = service.create(ClientInput(name="甲有限公司", engagement_start="2024-01-01"), persons=(rep,))
    second = service.create(ClientInput(name="乙有限公司", engagement_start="2024-01-01"))
    dialog = PersonEditDialog(service, second, with_ids=True)
    qtbot.addWidget(dialog)
    dialog.name.setText("张三")
    dialog.id_number.setText(ID)
    seen: list[str] = []
    answer("refuse_shared", seen)
    assert not dialog.save()
    assert "甲有限公司" in seen[0] and "甲有限公司" in dialog.general_error.text()
    assert not service.get(second).persons
    answer("confirm_shared", seen)
    assert dialog.save()
    pid = service.get(second).persons[0].id
    assert _shared_events(new_vault) == [f"client:{second}/person:{pid}.id_number same_person:client:{first}"]
    assert all(ID not in e for e in _shared_events(new_vault))
