"""The client list model (issue 12): the first page is shown before the count, and the rows of
a long scroll are dropped and their memory returned when the list is reset (a search)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.services.seed import populate_synthetic
from clientvault.ui.models import lazy
from clientvault.ui.models.clients import ClientTableModel
from clientvault.ui.operations import Operations
from clientvault.ui.pages.clients import ClientsPage


def test_first_page_first_then_the_count(qtbot: QtBot, new_vault: Vault) -> None:
    populate_synthetic(new_vault, 700, 5)
    model = ClientTableModel(ClientService(new_vault))
    counted: list[int] = []
    model.sig_counted.connect(lambda: counted.append(model.total))
    model.reload()
    assert model.rowCount() == 200 and not model.counted  # the page is there, the count is not yet
    qtbot.waitUntil(lambda: model.counted, timeout=2000)  # from the event loop
    assert model.total == 700 and counted == [700]
    model.set_filter(ClientFilter(text="有限公司"))  # a search counts what it already read
    assert model.counted and model.total == ClientService(new_vault).count(ClientFilter(text="有限公司"), cap=1001)


def test_a_list_that_fits_one_page_is_its_own_count(new_vault: Vault) -> None:
    populate_synthetic(new_vault, 30, 5)
    model = ClientTableModel(ClientService(new_vault))
    assert model.counted and model.total == 30 == model.rowCount()


def test_count_label_follows_the_deferred_count(qtbot: QtBot, new_vault: Vault) -> None:
    populate_synthetic(new_vault, 450, 5)
    ops = Operations()
    page = ClientsPage(new_vault, ops)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text() == "450 clients", timeout=2000)


def test_reset_after_a_long_scroll_drops_rows_and_returns_memory(
    qtbot: QtBot, new_vault: Vault, monkeypatch: object
) -> None:
    populate_synthetic(new_vault, 1200, 5)
    released: list[bool] = []
    monkeypatch.setattr(lazy, "RELEASE_AFTER", 1000)  # type: ignore[attr-defined]
    real = lazy.release_memory
    monkeypatch.setattr(lazy, "release_memory", lambda: (released.append(True), real()))  # type: ignore[attr-defined]
    model = ClientTableModel(ClientService(new_vault))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        QApplication.processEvents()
    assert model.rowCount() == 1200 and not released
    model.set_filter(ClientFilter(text="张"))
    assert released == [True] and model.rowCount() <= 200


def test_the_reset_also_hands_back_sqlites_page_cache(qtbot: QtBot, new_vault: Vault, monkeypatch: object) -> None:
    """The decrypted pages a long scroll cached (up to 32 MiB) are dropped with the rows (issue 12)."""
    populate_synthetic(new_vault, 1200, 5)
    monkeypatch.setattr(lazy, "RELEASE_AFTER", 1000)  # type: ignore[attr-defined]
    service = ClientService(new_vault)
    shrunk: list[bool] = []
    real = service.release_memory
    monkeypatch.setattr(service, "release_memory", lambda: (shrunk.append(True), real()))  # type: ignore[attr-defined]
    model = ClientTableModel(service)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    model.set_filter(ClientFilter(text="张"))
    assert shrunk == [True]
    assert model.rowCount() == len(service.page(ClientFilter(text="张")))  # the vault reads on as before
    new_vault.lock()
    service.release_memory()  # locked meanwhile: nothing to shrink, no error
