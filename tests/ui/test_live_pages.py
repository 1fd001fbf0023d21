"""Every page shows the vault as it is now: an action on one page reaches every other page that
shows the same data, and a change made by another process is picked up (issue 13)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientStatus
from clientvault.services.changes import Changes
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.locking import LockService
from clientvault.services.vault import VaultService
from clientvault.ui.context import UiContext
from clientvault.ui.main_window import MainWindow
from clientvault.ui.pages.clients import ClientsPage
from clientvault.ui.pages.erasure import ErasurePage
from clientvault.ui.pages.home import HomePage
from clientvault.ui.pages.locked import LockedPage
from tests.conftest import PARTNER, PARTNER_PASSWORD
from tests.fixtures.planted import plant


def _window(qtbot: QtBot, ctx: UiContext, vault: Vault, qapp: QApplication) -> MainWindow:
    win = MainWindow(ctx, vault, qapp)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.daily_jobs.done, timeout=20000)
    return win


def _total(win: MainWindow) -> int:
    home = win.pages["home"]
    assert isinstance(home, HomePage)
    return int(home.count_labels["total"].text().replace(",", ""))


def test_a_client_created_on_the_client_page_is_counted_on_home(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault
) -> None:
    win = _window(qtbot, ui_ctx, staffed_vault, qapp)
    before = _total(win)
    win.show_page("clients")
    clients = win.pages["clients"]
    assert isinstance(clients, ClientsPage)
    dialog = clients.new_client()
    dialog.form.editor("name").setText("杭州新建企业管理有限公司")  # type: ignore[union-attr]
    assert dialog.save()
    assert clients.model.total == 1
    win.show_page("home")
    assert _total(win) == before + 1
    home = win.pages["home"]
    assert isinstance(home, HomePage) and home.model is not None
    assert home.model.client(0).name == "杭州新建企业管理有限公司"
    win.close()


def test_locking_a_client_closes_its_tab_and_reaches_the_locked_and_home_pages(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault
) -> None:
    planted = plant(staffed_vault)
    ClientService(staffed_vault).set_status(
        planted.client_id, ClientService(staffed_vault).get(planted.client_id).version, ClientStatus.ENDED
    )
    win = _window(qtbot, ui_ctx, staffed_vault, qapp)
    win.show_page("locked")
    locked = win.pages["locked"]
    assert isinstance(locked, LockedPage) and locked.model.rowCount() == 0
    win.show_page("clients")
    clients = win.pages["clients"]
    assert isinstance(clients, ClientsPage)
    page = clients.open_client(planted.client_id)
    assert page is not None and "lock" in page.buttons
    assert page.lock(reason="engagement over, kept for the law")
    assert planted.client_id not in clients.details  # the tab closed
    assert clients.model.total == 0
    win.show_page("locked")
    assert locked.model.rowCount() == 1  # without pressing anything
    win.show_page("home")
    assert _total(win) == 0
    win.close()


def test_an_erasure_request_filed_on_the_client_page_shows_on_the_erasure_page(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault
) -> None:
    planted = plant(staffed_vault)
    win = _window(qtbot, ui_ctx, staffed_vault, qapp)
    win.show_page("erasure")
    erasure = win.pages["erasure"]
    assert isinstance(erasure, ErasurePage) and erasure.requests.rowCount() == 0
    win.show_page("clients")
    clients = win.pages["clients"]
    assert isinstance(clients, ClientsPage)
    page = clients.open_client(planted.client_id)
    assert page is not None
    dialog = page.request_erasure()
    assert dialog is not None and dialog.send()
    win.show_page("erasure")
    assert erasure.requests.rowCount() == 1
    win.close()


def test_an_erased_client_tab_closes_without_an_error_box(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault, fast_vaults: VaultService
) -> None:
    from tests.fixtures.erasing import destroy

    planted = plant(staffed_vault)
    win = _window(qtbot, ui_ctx, staffed_vault, qapp)
    win.show_page("clients")
    clients = win.pages["clients"]
    assert isinstance(clients, ClientsPage)
    page = clients.open_client(planted.client_id)
    assert page is not None
    other = fast_vaults.unlock(staffed_vault.paths.folder, PARTNER, PARTNER_PASSWORD)  # another workstation
    try:
        destroy(other, planted.client_id)
    finally:
        other.lock()
    # An action on the stale page: no NotFound box, the tab closes and says why.
    page.set_status(ClientStatus.ACTIVE)
    assert planted.client_id not in clients.details
    assert clients.closed_note.isVisibleTo(clients)
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QMessageBox")]
    win.close()


_OTHER_WORKSTATION = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from clientvault.core.records import ClientInput
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services.clients import ClientService
    from clientvault.services.vault import VaultService

    vault = VaultService(kdf=FAST_KDF, state_dir=Path(sys.argv[3])).unlock(Path(sys.argv[1]), "boss", sys.argv[2])
    try:
        ClientService(vault).create(ClientInput(name="另一台电脑录入的客户有限公司"))
    finally:
        vault.lock()
    """
)


def test_a_client_created_by_another_process_is_picked_up(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault, tmp_path: Path
) -> None:
    win = _window(qtbot, ui_ctx, staffed_vault, qapp)
    win.show_page("clients")
    clients = win.pages["clients"]
    assert isinstance(clients, ClientsPage)
    home = win.pages["home"]
    before = _total(win)
    assert not win.check_external_changes()  # nothing changed: nothing reloads
    done = subprocess.run(
        [sys.executable, "-c", _OTHER_WORKSTATION, str(staffed_vault.paths.folder), PARTNER_PASSWORD,
         str(tmp_path / "other-state")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert clients.model.total == 0  # not yet looked
    win.activateWindow()
    win.check_external_changes()  # what activating the window (or the 30 s tick) does
    assert clients.model.total == 1
    assert clients.model.client(0).name == "另一台电脑录入的客户有限公司"
    win.show_page("home")
    assert isinstance(home, HomePage) and _total(win) == before + 1
    win.close()


def test_changes_combine_and_say_what_they_touch() -> None:
    a = Changes(clients=True, gone=frozenset({1}))
    b = Changes(audit=False, requests=True, gone=frozenset({2}))
    both = a | b
    assert both.clients and both.requests and both.audit and both.gone == {1, 2}
    assert both.touches("requests") and not both.touches("backups")
    assert Changes(audit=False, gone=frozenset({3})).touches("clients")
    assert set(Changes.everything(external=True).kinds) >= {"clients", "consent", "sealed", "users", "settings"}


def test_lock_from_the_locked_page_request_reaches_the_client_list(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault, fast_vaults: VaultService
) -> None:
    planted = plant(staffed_vault)
    ClientService(staffed_vault).set_status(
        planted.client_id, ClientService(staffed_vault).get(planted.client_id).version, ClientStatus.ENDED
    )
    win = _window(qtbot, ui_ctx, staffed_vault, qapp)
    win.show_page("clients")
    clients = win.pages["clients"]
    assert isinstance(clients, ClientsPage)
    assert clients.open_client(planted.client_id) is not None
    LockService(staffed_vault).request_lock(planted.client_id, "engagement over")
    win.show_page("locked")
    locked = win.pages["locked"]
    assert isinstance(locked, LockedPage)
    locked.refresh()
    locked.requests_view.selectRow(0)
    assert locked.lock_requested(reason="engagement over")
    assert planted.client_id not in clients.details  # closed at once, though the page is not shown
    win.show_page("clients")
    assert clients.model.total == 0
    win.close()
