""" "Request erasure…" on the client page, per role: who is offered it, what the dialog says, what is filed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput, PersonInput, PersonRole
from clientvault.core.roles import Role
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.erasure import LEGAL_BASES, ErasureService, basis_text
from clientvault.services.vault import VaultService
from clientvault.ui.pages.client_detail import ClientDetailPage, ErasureRequestDialog
from tests.conftest import PARTNER, PARTNER_PASSWORD
from tests.fixtures.erasing import OVERRIDE, WITNESS, second_person
from tests.ui.conftest import USERS

Login = Callable[[Role], Vault]


@pytest.fixture
def login(fast_vaults: VaultService, vault_dir: Path, staffed_vault: Vault) -> Iterator[Login]:
    opened: list[Vault] = []

    def _login(role: Role) -> Vault:
        name, password = (PARTNER, PARTNER_PASSWORD) if role is Role.PARTNER else USERS[role]
        vault = fast_vaults.unlock(vault_dir, name, password)
        opened.append(vault)
        return vault

    yield _login
    for v in opened:
        v.lock()


@pytest.fixture
def client_id(staffed_vault: Vault) -> int:
    """An active client assigned to the accountant."""
    svc = ClientService(staffed_vault)
    cid = svc.create(
        ClientInput(name="上海海风贸易有限公司", engagement_start="2023-05-01"),
        persons=(PersonInput(PersonRole.LEGAL_REP, "李四", phone="13900001111"),),
    )
    acc = next(a for a in svc.accountants() if a.display_name == "acc name")
    svc.assign(cid, [acc.id])
    return cid


def _page(qtbot: QtBot, vault: Vault, client_id: int) -> ClientDetailPage:
    page = ClientDetailPage(ClientService(vault), client_id, None, lang="en")
    qtbot.addWidget(page)
    page.show()
    return page


def _button(page: ClientDetailPage) -> QPushButton | None:
    """The page's current "Request erasure…" button (buttons are rebuilt on every reload)."""
    found = [b for b in page.findChildren(QPushButton, "request_erasure") if b.parent() is page]
    assert found == ([page.buttons["request_erasure"]] if "request_erasure" in page.buttons else [])
    return found[0] if found else None


@pytest.mark.parametrize("role", [Role.PARTNER, Role.ACCOUNTANT, Role.PRIVACY_OFFICER])
def test_roles_that_may_request_erasure_file_a_request(
    qtbot: QtBot, login: Login, client_id: int, staffed_vault: Vault, role: Role
) -> None:
    vault = login(role)
    page = _page(qtbot, vault, client_id)
    button = _button(page)
    assert button is not None and button.isEnabled()
    assert not page.erasure_note.isVisibleTo(page)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.erasure_dialog
    assert isinstance(dialog, ErasureRequestDialog) and dialog.isVisible()
    # The dialog says what happens next before anything is filed.
    steps = dialog.next_steps.text()
    assert "Nothing is deleted now" in steps and "partner" in steps and "privacy officer" in steps
    assert "destruction register" in steps
    sources = [dialog.source.itemData(i) for i in range(dialog.source.count())]
    assert sources[:2] == ["deletion_request", "consent_withdrawal"]
    assert ("partner_decision" in sources) is (role is Role.PARTNER)
    # The legal basis is one of the coded bases; the source preselects the usual one.
    assert [dialog.basis.itemData(i) for i in range(dialog.basis.count())] == list(LEGAL_BASES)
    assert dialog.basis.currentData() == "deletion_request"
    dialog.source.setCurrentIndex(dialog.source.findData("consent_withdrawal"))
    assert dialog.basis.currentData() == "consent_withdrawn"
    assert dialog.wording.text() == basis_text("consent_withdrawn", "en") and "PIPL" in dialog.wording.text()
    assert ErasureService(staffed_vault).requests() == []  # nothing filed before Send
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    (req,) = ErasureService(staffed_vault).requests()
    assert (req.id, req.client_id, req.source, req.state) == (
        dialog.request_id,
        client_id,
        "consent_withdrawal",
        "requested",
    )
    assert req.legal_basis == "consent_withdrawn"
    assert req.requested_by == vault.session.user_id
    # The page now says a request is waiting and does not offer a second one.
    button = _button(page)
    assert button is not None and not button.isEnabled()
    assert page.erasure_note.isVisibleTo(page)
    assert page.erasure_note.text() == f"Erasure request no. {req.id} is waiting for a partner's approval."
    assert page.erasure_dialog is None


def test_approved_request_is_shown_as_waiting_to_be_carried_out(
    qtbot: QtBot, client_id: int, staffed_vault: Vault
) -> None:
    erasure = ErasureService(staffed_vault)
    rid = _approved(erasure, client_id)
    page = _page(qtbot, staffed_vault, client_id)
    button = _button(page)
    assert button is not None and not button.isEnabled()
    assert page.erasure_note.text() == f"Erasure request no. {rid} is approved and waiting to be carried out."
    assert button.toolTip() == page.erasure_note.text()


def test_cancel_files_nothing(qtbot: QtBot, login: Login, client_id: int, staffed_vault: Vault) -> None:
    page = _page(qtbot, login(Role.ACCOUNTANT), client_id)
    dialog = page.request_erasure()
    assert dialog is not None
    dialog.reject()
    assert ErasureService(staffed_vault).requests() == []
    assert page.erasure_dialog is None
    button = _button(page)
    assert button is not None and button.isEnabled()


def test_assistant_is_not_offered_erasure(qtbot: QtBot, login: Login, client_id: int) -> None:
    page = _page(qtbot, login(Role.ASSISTANT), client_id)
    assert page.detail is not None  # the assistant sees the active client
    assert _button(page) is None and "request_erasure" not in page.buttons
    assert page.request_erasure() is None
    assert not page.erasure_note.isVisibleTo(page)


def test_a_refusal_is_shown_in_the_dialog(qtbot: QtBot, login: Login, client_id: int, staffed_vault: Vault) -> None:
    """The client was erased meanwhile (on another workstation): the dialog says so and stays open."""
    page = _page(qtbot, login(Role.PRIVACY_OFFICER), client_id)
    dialog = page.request_erasure()
    assert dialog is not None
    erasure = ErasureService(staffed_vault)
    erasure.execute(_approved(erasure, client_id), verify=False, witness=WITNESS)
    assert not dialog.send()
    assert dialog.isVisible() and dialog.general_error.isVisibleTo(dialog) and dialog.general_error.text()
    dialog.reject()


def _approved(erasure: ErasureService, client_id: int) -> int:
    """A request that destroys the active client: override, appraisal, approved by a second person."""
    rid = erasure.request(client_id, "partner_decision", "service_ended")
    erasure.override(rid, OVERRIDE)
    erasure.appraise(client_id)
    second = second_person(erasure.vault)
    try:
        ErasureService(second).approve(rid)
    finally:
        second.lock()
    return rid
