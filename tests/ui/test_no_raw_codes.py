"""No internal code is shown as text: every page of every role (Chinese UI, a planted client, a sealed
one, a request) and each tab of a client page is scanned for snake_case codes, record references and
single-word enum codes (``enterprise``, ``active``) in tables, labels and buttons."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientKind, ClientStatus, DataCategory, PersonRole, SensitiveKind
from clientvault.core.roles import Role
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentScope, ConsentStatus
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.services.locking import LockService
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.ui.context import UiContext
from clientvault.ui.i18n import Translators
from clientvault.ui.main_window import MainWindow
from clientvault.ui.models.audit import readable_object
from clientvault.ui.pages.clients import ClientsPage
from tests.fixtures.planted import plant, plant_scan
from tests.ui.conftest import USERS

RAW = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b|\b(?:client|person|item|user):\d+")
#: Single-word codes of the record enums: a cell that is exactly one of them shows a code.
WORD_CODES = {
    m.value
    for enum in (ClientKind, ClientStatus, PersonRole, SensitiveKind, DataCategory, ConsentStatus, ConsentScope)
    for m in enum  # type: ignore[attr-defined]
    if str(m.value).isascii() and str(m.value).islower()
}


def raw_codes(root: QWidget) -> set[str]:
    """Texts in the tables (first rows), visible labels and buttons of ``root`` that show an internal code."""
    found: set[str] = set()
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        try:
            columns = model.columnCount()
        except TypeError:  # a list model: one column
            columns = 1
        for r in range(min(model.rowCount(), 50)):
            for c in range(columns):
                text = model.data(model.index(r, c))
                if isinstance(text, str) and (RAW.search(text) or text in WORD_CODES):
                    found.add(text)
    for label in root.findChildren(QLabel):
        text = label.text()
        if label.isVisibleTo(root) and "<" not in text and "@" not in text and (RAW.search(text) or text in WORD_CODES):
            found.add(text)
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and (RAW.search(button.text()) or button.text() in WORD_CODES):
            found.add(button.text())
    return found


@pytest.mark.parametrize("role", [Role.PARTNER, Role.PRIVACY_OFFICER, Role.ACCOUNTANT, Role.ASSISTANT])
def test_no_page_shows_a_raw_code(
    qtbot: QtBot,
    qapp: QApplication,
    ui_ctx: UiContext,
    staffed_vault: Vault,
    fast_vaults: VaultService,
    zh_cn: Translators,
    role: Role,
) -> None:
    """Every page of every role (Chinese UI; a planted client, a sealed one, a request, a returned
    form), and each tab of a client page, show words, never codes."""
    users = {u.username: u.id for u in UserService(staffed_vault, fast_vaults).list()}
    planted = plant(staffed_vault, accountant_ids=[users[USERS[Role.ACCOUNTANT][0]]])
    plant_scan(staffed_vault, planted)
    sealed = plant(staffed_vault)
    clients = ClientService(staffed_vault)
    clients.set_status(sealed.client_id, clients.get(sealed.client_id).version, ClientStatus.ENDED)
    LockService(staffed_vault).lock(sealed.client_id, "服务结束")
    ErasureService(staffed_vault).request(planted.client_id, "deletion_request", "deletion_request")
    vault = staffed_vault if role is Role.PARTNER else fast_vaults.unlock(staffed_vault.paths.folder, *USERS[role])
    win = MainWindow(ui_ctx, vault, qapp)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    shown: dict[str, set[str]] = {}
    for key in win.pages.keys_in_order():
        win.show_page(key)
        qapp.processEvents()
        if found := raw_codes(win.pages[key]):
            shown[key] = found
    if "clients" in win.pages.keys_in_order():
        page = win.pages["clients"]
        assert isinstance(page, ClientsPage)
        detail = page.open_client(planted.client_id)
        if detail is not None:
            for i in range(detail.tabs.count()):
                detail.tabs.setCurrentIndex(i)
                if found := raw_codes(detail):
                    shown[f"client tab {i}"] = found
    win.close()
    assert shown == {}


def test_audit_objects_read_as_words(zh_cn: Translators) -> None:
    text = readable_object("client:12/item:3.bank_account", {})
    assert "12" in text and "3" in text and not RAW.search(text)
    assert readable_object("user:1", {1: "老板"}) == "老板"
    assert not RAW.search(readable_object("client:5/person:7.id_number", {}))


def test_one_date_format_whatever_the_locale(zh_cn: Translators) -> None:
    from clientvault.ui.i18n import format_date, format_timestamp

    assert format_date("2026-12-04") == "2026-12-04"
    assert format_timestamp("2026-12-04T01:30:00+00:00")[:4] == "2026" and "/" not in format_timestamp(
        "2026-12-04T01:30:00+00:00"
    )


def test_the_scanner_finds_codes(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    table = QTableWidget(1, 2, root)
    table.setItem(0, 0, QTableWidgetItem("enterprise"))
    table.setItem(0, 1, QTableWidgetItem("客户 某某公司"))
    layout = QVBoxLayout(root)
    layout.addWidget(table)
    layout.addWidget(QLabel("客户 client:243/person:590.id_number", root))
    layout.addWidget(QPushButton("tax_login", root))
    assert raw_codes(root) == {"enterprise", "客户 client:243/person:590.id_number", "tax_login"}
