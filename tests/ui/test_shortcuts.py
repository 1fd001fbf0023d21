"""Two controls shown together on one page never share a keyboard shortcut (Alt+letter)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.ui.context import UiContext
from clientvault.ui.main_window import MainWindow
from clientvault.ui.pages.clients import ClientsPage
from tests.fixtures.planted import plant
from tests.ui.conftest import USERS

_MNEMONIC = re.compile(r"&([^&\s])")


def shared_mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter shortcuts that more than one control visible in ``root`` claims."""
    found: dict[str, list[str]] = {}

    def add(text: str) -> None:
        m = _MNEMONIC.search(text.replace("&&", ""))
        if m:
            found.setdefault(m.group(1).lower(), []).append(text)

    for w in root.findChildren(QAbstractButton) + root.findChildren(QLabel) + root.findChildren(QGroupBox):
        if not w.isVisibleTo(root) or (isinstance(w, QLabel) and w.buddy() is None):
            continue
        add(w.title() if isinstance(w, QGroupBox) else w.text())
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisibleTo(root):
            for i in range(tabs.count()):
                add(tabs.tabText(i))
    return {k: v for k, v in found.items() if len(v) > 1}


@pytest.mark.parametrize("role", [Role.PARTNER, Role.PRIVACY_OFFICER, Role.ACCOUNTANT, Role.ASSISTANT])
def test_no_page_has_two_controls_on_one_shortcut(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault, fast_vaults: VaultService, role: Role
) -> None:
    accountant = next(
        u.id for u in UserService(staffed_vault, fast_vaults).list() if u.username == USERS[Role.ACCOUNTANT][0]
    )
    planted = plant(staffed_vault, accountant_ids=[accountant])
    vault = staffed_vault
    if role is not Role.PARTNER:
        vault = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[role])
    win = MainWindow(ui_ctx, vault, qapp)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    clashes: dict[str, dict[str, list[str]]] = {}
    for key in win.pages.keys_in_order():
        win.show_page(key)
        page = win.pages[key]
        if shared := shared_mnemonics(page):
            clashes[key] = shared
    win.show_page("clients")
    clients = win.pages["clients"]
    assert isinstance(clients, ClientsPage)
    detail = clients.open_client(planted.client_id)
    assert detail is not None
    for i in range(detail.tabs.count()):
        detail.tabs.setCurrentIndex(i)
        if shared := shared_mnemonics(clients):
            clashes[f"client tab {i}"] = shared
    win.close()
    assert clashes == {}
