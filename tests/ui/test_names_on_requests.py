"""Lock and erasure requests, the destruction register and the consent overview name the client
(name and credit code), not an internal number; the overview sorts in pinyin order."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput, ClientStatus
from clientvault.core.roles import Role
from clientvault.core.validation import uscc_check_digit
from clientvault.services.client_names import client_names
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.services.locking import LockService
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.ui.i18n import Translators
from clientvault.ui.operations import Operations
from clientvault.ui.pages.consent_overview import ConsentOverviewPage
from clientvault.ui.pages.erasure import ErasurePage
from clientvault.ui.pages.locked import LockedPage
from tests.ui.conftest import USERS

USCC = "91330106MA2H2B1X3" + uscc_check_digit("91330106MA2H2B1X3")


def _column(model: object, column: int) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]  # type: ignore[attr-defined]


def test_the_overview_names_clients_with_their_code_in_pinyin_order(qapp: QApplication, new_vault: Vault) -> None:
    clients = ClientService(new_vault)
    for name, code in (("张三贸易有限公司", None), ("阿里商务有限公司", USCC), ("北京科技有限公司", None)):
        clients.create(ClientInput(name=name, uscc=code))
    page = ConsentOverviewPage(new_vault, Operations(), lang="zh")
    assert _column(page.model, 0) == [
        f"阿里商务有限公司 ({USCC})",  # a (阿), b (北), z (张): not the code points' order 北 < 张 < 阿
        "北京科技有限公司",
        "张三贸易有限公司",
    ]


def test_lock_and_erasure_requests_name_the_client(
    qtbot: QtBot, qapp: QApplication, staffed_vault: Vault, fast_vaults: VaultService, zh_cn: Translators
) -> None:
    clients = ClientService(staffed_vault)
    cid = clients.create(ClientInput(name="杭州星辰科技有限公司", uscc=USCC, engagement_start="2020-01-01"))
    clients.set_status(cid, clients.get(cid).version, ClientStatus.ENDED)
    acc = next(u.id for u in UserService(staffed_vault, fast_vaults).list() if u.username == USERS[Role.ACCOUNTANT][0])
    clients.assign(cid, [acc])
    accountant = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[Role.ACCOUNTANT])
    LockService(accountant).request_lock(cid, "服务已结束，申请封存")
    locked = LockedPage(staffed_vault, operations=Operations())
    qtbot.addWidget(locked)
    assert _column(locked.requests, 0) == [f"杭州星辰科技有限公司（{USCC}）"]
    assert locked.requests.headerData(0, locked.requests_view.horizontalHeader().orientation()) == "客户"

    ErasureService(staffed_vault).request(cid, "deletion_request", "deletion_request")
    erasure = ErasurePage(staffed_vault, Operations())
    qtbot.addWidget(erasure)
    assert _column(erasure.requests, 1) == [f"杭州星辰科技有限公司（{USCC}）"]
    # Once sealed the name is gone from the lists: they say what the record became.
    LockService(staffed_vault).lock(cid, "服务结束")
    erasure.refresh()
    assert _column(erasure.requests, 1) == [f"已封存客户 第 {cid} 号"]
    assert client_names(accountant, [cid])[cid].name == ""  # and never to a role that cannot see it


def test_locking_a_requested_client_asks_by_name_and_a_refusal_is_confirmed(
    qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import clientvault.ui.pages.locked as locked_mod

    clients = ClientService(staffed_vault)
    ids = []
    for name in ("宁波甲贸易有限公司", "宁波乙贸易有限公司"):
        cid = clients.create(ClientInput(name=name, engagement_start="2020-01-01"))
        clients.set_status(cid, clients.get(cid).version, ClientStatus.ENDED)
        LockService(staffed_vault).request_lock(cid, "服务已结束，申请封存")
        ids.append(cid)
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(locked_mod.QMessageBox, "question", question)
    page = LockedPage(staffed_vault, operations=Operations())
    qtbot.addWidget(page)
    page.requests_view.selectRow(0)
    assert page.lock_requested()
    assert "宁波" in asked[0] and "贸易有限公司" in asked[0]
    assert "sealed" in page.notice.text()
    page.requests_view.selectRow(0)
    assert page.refuse_requested("仍有未结账款")
    assert "refused" in page.notice.text()


def test_a_new_erasure_request_names_the_client_as_its_number_is_typed(qtbot: QtBot, staffed_vault: Vault) -> None:
    from clientvault.ui.dialogs.new_erasure_request import NewRequestDialog

    cid = ClientService(staffed_vault).create(ClientInput(name="温州某某有限公司", uscc=USCC))
    page = ErasurePage(staffed_vault, Operations())
    qtbot.addWidget(page)
    dialog = NewRequestDialog(page.source_labels(), page.basis_labels(), page, name_of=page._name_of)
    qtbot.addWidget(dialog)
    dialog.client.setValue(cid)
    assert dialog.client_name.text() == f"温州某某有限公司 ({USCC})"
    dialog.client.setValue(cid + 1000)
    assert dialog.client_name.text() == f"Client no. {cid + 1000}"
