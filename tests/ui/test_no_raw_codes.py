"""No internal code is shown as text: every page of the partner (Chinese UI, a planted client, a
sealed one) and each tab of a client page is scanned for snake_case codes and record references."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientStatus
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.locking import LockService
from clientvault.ui.context import UiContext
from clientvault.ui.i18n import Translators
from clientvault.ui.main_window import MainWindow
from clientvault.ui.models.audit import readable_object
from clientvault.ui.pages.clients import ClientsPage
from tests.fixtures.planted import plant

RAW = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b|\b(?:client|person|item|user):\d+")


def raw_codes(root: QWidget) -> set[str]:
    """Texts in the tables (first rows) and visible labels of ``root`` that show an internal code."""
    found: set[str] = set()
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for r in range(min(model.rowCount(), 50)):
            for c in range(model.columnCount()):
                text = model.data(model.index(r, c))
                if isinstance(text, str) and RAW.search(text):
                    found.add(text)
    for label in root.findChildren(QLabel):
        text = label.text()
        if label.isVisibleTo(root) and "<" not in text and "@" not in text and RAW.search(text):
            found.add(text)
    return found


def test_no_page_shows_a_raw_code(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault, zh_cn: Translators
) -> None:
    planted = plant(staffed_vault)
    sealed = plant(staffed_vault)
    clients = ClientService(staffed_vault)
    clients.set_status(sealed.client_id, clients.get(sealed.client_id).version, ClientStatus.ENDED)
    LockService(staffed_vault).lock(sealed.client_id, "服务结束")
    win = MainWindow(ui_ctx, staffed_vault, qapp)
    qtbot.addWidget(win)
    win.show()
    shown: dict[str, set[str]] = {}
    for key in win.pages.keys_in_order():
        win.show_page(key)
        qapp.processEvents()
        if found := raw_codes(win.pages[key]):
            shown[key] = found
    page = win.pages["clients"]
    assert isinstance(page, ClientsPage)
    detail = page.open_client(planted.client_id)
    assert detail is not None
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
