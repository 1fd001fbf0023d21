"""Items only a withdrawn purpose needed: the notice on the client page, the Erasure page's list,
the request, and the notice gone once the partner approved and the erasure ran (real vaults)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput, SensitiveInput, SensitiveKind
from clientvault.core.roles import Role
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentScope, ConsentService, TickItem
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.services.vault import VaultService
from clientvault.ui.operations import Operations
from clientvault.ui.pages.client_detail import ClientDetailPage
from clientvault.ui.pages.erasure import ErasurePage
from tests.ui.conftest import USERS

BANK = "6222 0202 0011 2233 445"
SCAN = b"%PDF-1.4\n% signed form\n"
BANK_TICKS = [TickItem("bank_services", ConsentScope.PURPOSE), TickItem("bank_services", ConsentScope.SENSITIVE)]


@pytest.fixture
def withdrawn(staffed_vault: Vault) -> tuple[int, int]:
    """A prospect (no engagement: only bank services needs its bank account) whose consent was withdrawn.

    Returns the client id and the bank item id; the accountant is assigned to it.
    """
    clients = ClientService(staffed_vault)
    cid = clients.create(ClientInput(name="宁波潜在客户有限公司"))
    acc = staffed_vault.db.scalar("SELECT id FROM users WHERE username = ?", (USERS[Role.ACCOUNTANT][0],))
    clients.assign(cid, [acc])
    consent = ConsentService(staffed_vault)
    form = consent.issue_form(cid, lang="en")
    consent.return_form(form.form_no, cid, BANK_TICKS, scan=SCAN)
    item = clients.add_sensitive(cid, SensitiveInput(SensitiveKind.BANK_ACCOUNT, BANK))
    assert consent.withdraw(cid, "bank_services").flagged
    return cid, item


@pytest.fixture
def login(staffed_vault: Vault, fast_vaults: VaultService) -> Iterator[object]:
    """Log a non-partner role in on the staffed vault (locked again at teardown)."""
    opened: list[Vault] = []

    def _login(role: Role) -> Vault:
        name, password = USERS[role]
        vault = fast_vaults.unlock(staffed_vault.paths.folder, name, password)
        opened.append(vault)
        return vault

    yield _login
    for v in opened:
        v.lock()


def _page(qtbot: QtBot, vault: Vault, client_id: int) -> ClientDetailPage:
    page = ClientDetailPage(ClientService(vault), client_id, None, lang="en")
    qtbot.addWidget(page)
    return page


def test_notice_request_approve_execute_and_the_notice_is_gone(
    qtbot: QtBot, staffed_vault: Vault, withdrawn: tuple[int, int], login: object
) -> None:
    cid, item = withdrawn
    page = _page(qtbot, staffed_vault, cid)
    assert page.withdrawn_box.isVisibleTo(page) and page.withdrawn_button.isVisibleTo(page)
    note = page.withdrawn_note.text()
    assert "1 stored item(s) are no longer needed by any purpose" in note and "Bank account" in note
    assert BANK[-4:] not in note

    rid = page.request_withdrawn_erasure(confirm=False)
    assert rid is not None
    erasure = ErasureService(staffed_vault)
    req = next(r for r in erasure.requests() if r.id == rid)
    assert (req.source, req.scope, req.targets, req.state) == (
        "consent_withdrawal", "items", f"item:{item}.bank_account", "requested"
    )  # fmt: skip
    assert "partner must approve" in page.withdrawn_note.text()
    assert not page.withdrawn_button.isVisibleTo(page)
    # Reopened: the page says a request is open instead of offering another one.
    again = _page(qtbot, staffed_vault, cid)
    assert f"no. {rid}" in again.withdrawn_note.text() and "already open" in again.withdrawn_note.text()
    assert not again.withdrawn_button.isVisibleTo(again)
    assert erasure.request_withdrawn(cid) == rid  # the service does not queue a duplicate either

    ErasureService(login(Role.PRIVACY_OFFICER)).approve(rid)  # type: ignore[operator]  # four eyes
    result = erasure.execute(rid, verify=False, witness="王见证")
    # A prospect has no accounting archives: no retention period runs, the bank account goes.
    assert result.outcome == "erased" and result.kept == ()
    assert staffed_vault.db.scalar("SELECT count(*) FROM sensitive_items WHERE id = ?", (item,)) == 0
    page.reload()
    assert not page.withdrawn_box.isVisibleTo(page)
    assert ErasureService(staffed_vault).withdrawn_items(cid) == []


def test_accountant_is_offered_it_and_the_assistant_is_not(
    qtbot: QtBot, staffed_vault: Vault, withdrawn: tuple[int, int], login: object
) -> None:
    cid, _item = withdrawn
    accountant = _page(qtbot, login(Role.ACCOUNTANT), cid)  # type: ignore[operator]
    assert accountant.withdrawn_button.isVisibleTo(accountant)
    assistant = _page(qtbot, login(Role.ASSISTANT), cid)  # type: ignore[operator]
    assert not assistant.withdrawn_box.isVisibleTo(assistant)
    assert assistant.withdrawn is None


def test_erasure_page_lists_flagged_clients_and_requests_per_client(
    qtbot: QtBot, staffed_vault: Vault, withdrawn: tuple[int, int], login: object
) -> None:
    cid, item = withdrawn
    page = ErasurePage(login(Role.PRIVACY_OFFICER), Operations(), pdf_lang="en")  # type: ignore[operator]
    qtbot.addWidget(page)
    assert page.withdrawn.rowCount() == 1
    cells = [page.withdrawn.index(0, c).data() for c in range(page.withdrawn.columnCount())]
    assert cells[:3] == [str(cid), "宁波潜在客户有限公司", "Bank account"] and cells[4] == ""
    assert not page.withdrawn_button.isEnabled()
    page.withdrawn_view.selectionModel().select(
        page.withdrawn.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert page.withdrawn_button.isEnabled()
    rid = page.request_withdrawn_selected(confirm=False)
    assert rid is not None and "partner must approve" in page.status.text()
    assert page.withdrawn.index(0, 4).data() == f"No. {rid} open"
    assert page.requests.rowCount() == 1
    req = page.requests.item(0)
    assert (req.source, req.targets) == ("consent_withdrawal", f"item:{item}.bank_account")
