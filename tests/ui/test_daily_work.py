"""No trap in daily work: search moves into its results, the intake opens the new client's page,
and lock, lock request, approval and saving a PDF confirm what happened (issue 13)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput, ClientStatus
from clientvault.core.roles import Role
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentService
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.services.vault import VaultService
from clientvault.ui.context import UiContext
from clientvault.ui.main_window import MainWindow
from clientvault.ui.operations import Operations
from clientvault.ui.pages.clients import ClientsPage
from clientvault.ui.pages.erasure import ErasurePage
from clientvault.ui.pages.home import AssistantHomePage
from clientvault.ui.widgets.consent_tab import FormPreviewDialog
from tests.fixtures.planted import plant
from tests.ui.conftest import USERS


def test_down_or_enter_in_search_moves_into_the_results(qtbot: QtBot, staffed_vault: Vault) -> None:
    clients = ClientService(staffed_vault)
    for name in ("杭州甲公司", "杭州乙公司", "宁波丙公司"):
        clients.create(ClientInput(name=name))
    page = ClientsPage(staffed_vault, Operations())
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    page.focus_search()
    page.search.setText("杭州")  # typed (QTest types ASCII only); the search waits for a pause
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.focusWidget() is page.view and page.view.currentIndex().row() == 0
    assert page.model.rowCount() == 2  # the pending search ran first
    page.focus_search()
    page.search.setText("宁波")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.focusWidget() is page.view and page.model.client(page.view.currentIndex().row()).name == "宁波丙公司"
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # and Enter there opens it
    assert len(page.details) == 1


def test_the_intake_dialog_opens_the_new_clients_page(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault, fast_vaults: VaultService
) -> None:
    name, password = USERS[Role.ASSISTANT]
    vault = fast_vaults.unlock(staffed_vault.paths.folder, name, password)
    win = MainWindow(ui_ctx, vault, qapp)
    qtbot.addWidget(win)
    win.show()
    home = win.pages["home"]
    assert isinstance(home, AssistantHomePage)
    dialog = home.new_prospect()
    dialog.form.editor("name").setText("杭州新询企业管理有限公司")  # type: ignore[attr-defined]
    dialog.contact_name.setText("王小姐")
    dialog.contact_phone.setText("13912345678")
    assert dialog.save()
    assert win.current_page_key == "clients"
    clients = win.pages["clients"]
    assert isinstance(clients, ClientsPage)
    shown = clients.tabs.currentWidget()
    assert shown in clients.details.values() and shown.detail.name == "杭州新询企业管理有限公司"  # type: ignore[union-attr]
    win.close()


def test_a_lock_confirms_what_happened_on_the_list(qtbot: QtBot, staffed_vault: Vault) -> None:
    planted = plant(staffed_vault)
    service = ClientService(staffed_vault)
    service.set_status(planted.client_id, service.get(planted.client_id).version, ClientStatus.ENDED)
    page = ClientsPage(staffed_vault, Operations())
    qtbot.addWidget(page)
    page.show()
    detail = page.open_client(planted.client_id)
    assert detail is not None and detail.lock(reason="engagement over")
    assert planted.client_id not in page.details
    assert page.closed_note.isVisibleTo(page) and "Locked records" in page.closed_note.text()


def test_approval_and_saving_a_pdf_confirm_what_happened(
    qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService, tmp_path: Path
) -> None:
    planted = plant(staffed_vault)
    name, password = USERS[Role.PRIVACY_OFFICER]
    priv = fast_vaults.unlock(staffed_vault.paths.folder, name, password)
    try:
        ErasureService(priv).request(planted.client_id, "deletion_request", "deletion_request")
    finally:
        priv.lock()
    page = ErasurePage(staffed_vault, Operations(), pdf_lang="en")
    qtbot.addWidget(page)
    page.requests_view.selectRow(0)
    assert page.approve_selected()
    assert "approved" in page.status.text()

    form = ConsentService(staffed_vault).issue_form(planted.client_id, lang="en")
    preview = FormPreviewDialog(ConsentService(staffed_vault), form)
    qtbot.addWidget(preview)
    assert not preview.notice.isVisibleTo(preview)
    assert preview.save_document(str(tmp_path / "form.pdf"))
    assert preview.notice.isVisibleTo(preview) and "form.pdf" in preview.notice.text()


def test_the_erasure_confirmation_word_is_chinese_in_the_chinese_ui(
    qtbot: QtBot, staffed_vault: Vault, zh_cn: object
) -> None:
    page = ErasurePage(staffed_vault, Operations(), pdf_lang="zh")
    qtbot.addWidget(page)
    assert page.confirm_word() == "销毁"
    assert page.is_confirm_word(" 销毁 ") and not page.is_confirm_word("ERASE") and not page.is_confirm_word("")
