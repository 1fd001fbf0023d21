"""The partner's Locked records page: countdowns, open with a reason (read-only), unlock, holds, requests."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter
from clientvault.services.context import Vault
from clientvault.services.locking import LockService
from clientvault.services.vault import VaultService
from clientvault.ui.dialogs.reason import ReasonDialog
from clientvault.ui.pages.locked import LockedPage
from tests.fixtures.planted import ID_NUMBER, NAME, plant
from tests.ui.conftest import USERS

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _select(page_view: object, row: int) -> None:
    view = page_view
    index = view.model().index(row, 0)  # type: ignore[attr-defined]
    view.selectionModel().select(  # type: ignore[attr-defined]
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )


def test_locked_page_lists_countdowns_and_opens_read_only(
    qtbot: QtBot, qapp: QApplication, staffed_vault: Vault, ui_ctx: object
) -> None:
    planted = plant(staffed_vault)
    LockService(staffed_vault).lock(planted.client_id, "engagement ended")
    page = LockedPage(staffed_vault)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    assert page.model.rowCount() == 1
    row = page.model.item(0)
    assert page.model.data(page.model.index(0, 0)) == str(planted.client_id)
    assert "years" in page.countdown(row)
    # Nothing personal in the list: the record is sealed.
    texts = [page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())]
    assert all(NAME not in (t or "") for t in texts)
    assert not page.open_button.isEnabled()
    _select(page.view, 0)
    assert page.open_button.isEnabled() and not page.release_button.isEnabled()
    dialog = page.open_selected("tax inspection")
    assert dialog is not None
    qtbot.addWidget(dialog)
    text = dialog.view.toPlainText()
    assert NAME in text and ID_NUMBER not in text  # secrets masked (see the test below)
    assert dialog.view.isReadOnly()
    event = staffed_vault.audit.page(AuditFilter(action_prefix="locked.open"))[0]
    assert event.reason.startswith("note:")  # the typed reason stays with the client, shown in the record
    assert "tax inspection" in text.split(dialog.tr("Reasons recorded:"))[1]
    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":  # regenerate docs/screenshots on request only
        page.grab().save(str(SCREENSHOTS / "locked_page.png"))
    dialog.close()


def test_hold_release_and_unlock_from_the_page(qtbot: QtBot, staffed_vault: Vault) -> None:
    planted = plant(staffed_vault)
    LockService(staffed_vault).lock(planted.client_id, "engagement ended")
    page = LockedPage(staffed_vault)
    qtbot.addWidget(page)
    _select(page.view, 0)
    assert page.hold_selected("litigation")
    _select(page.view, 0)
    assert page.model.item(0).on_hold and page.release_button.isEnabled()
    assert page.release_selected("settled")
    _select(page.view, 0)
    assert page.unlock_selected("client returns")
    assert page.model.rowCount() == 0


def test_lock_requests_are_locked_or_refused(qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService) -> None:
    first, second = plant(staffed_vault), plant(staffed_vault)
    acc_name, acc_password = USERS[Role.ACCOUNTANT]
    acc_id = staffed_vault.db.scalar("SELECT id FROM users WHERE username = ?", (acc_name,))
    from clientvault.services.clients import ClientService

    ClientService(staffed_vault).assign(first.client_id, [acc_id])
    ClientService(staffed_vault).assign(second.client_id, [acc_id])
    acc = fast_vaults.unlock(staffed_vault.paths.folder, acc_name, acc_password)
    try:
        LockService(acc).request_lock(first.client_id, "engagement ended in June")
        LockService(acc).request_lock(second.client_id, "moved to another agency")
    finally:
        acc.lock()
    page = LockedPage(staffed_vault)
    qtbot.addWidget(page)
    assert page.requests.rowCount() == 2 and page.requests_label.isVisibleTo(page)
    _select(page.requests_view, 0)
    assert page.lock_requested("approved")
    _select(page.requests_view, 0)
    assert page.refuse_requested("still has unpaid invoices")
    assert page.requests.rowCount() == 0 and page.model.rowCount() == 1


def test_reason_dialog_needs_a_reason(qtbot: QtBot) -> None:
    dialog = ReasonDialog("t", "why?")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.reason_edit.setText("  x ")
    assert not ok.isEnabled()
    dialog.reason_edit.setText("audit")
    assert ok.isEnabled()


def test_countdown_wording(qtbot: QtBot, staffed_vault: Vault) -> None:
    page = LockedPage(staffed_vault)
    qtbot.addWidget(page)
    from clientvault.services.locking import LockedRow

    row = LockedRow(1, "enterprise", "2026-01-01", None, date(2027, 1, 1), "tax_records", 40, False)
    assert page.countdown(row) == "40 days left"
    assert page.countdown(LockedRow(1, "enterprise", "", None, date(2020, 1, 1), "x", -3, False)).startswith(
        "Retention ended"
    )


def test_client_page_offers_request_lock_to_the_accountant_and_lock_to_the_partner(
    qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService
) -> None:
    from clientvault.services.clients import ClientService
    from clientvault.ui.pages.client_detail import ClientDetailPage

    planted = plant(staffed_vault)
    acc_name, acc_password = USERS[Role.ACCOUNTANT]
    acc_id = staffed_vault.db.scalar("SELECT id FROM users WHERE username = ?", (acc_name,))
    ClientService(staffed_vault).assign(planted.client_id, [acc_id])
    acc = fast_vaults.unlock(staffed_vault.paths.folder, acc_name, acc_password)
    try:
        page = ClientDetailPage(ClientService(acc), planted.client_id, None)
        qtbot.addWidget(page)
        assert "request_lock" in page.buttons and "lock" not in page.buttons
        assert page.request_lock("engagement ended")
        assert "request_lock" not in page.buttons  # one pending request at a time
    finally:
        acc.lock()
    page = ClientDetailPage(ClientService(staffed_vault), planted.client_id, None)
    qtbot.addWidget(page)
    assert "lock" in page.buttons and "request_lock" not in page.buttons
    with qtbot.waitSignal(page.sig_close_requested):
        assert page.lock("request approved")
    assert LockService(staffed_vault).locked()[0].client_id == planted.client_id


def test_a_sealed_record_shows_its_secrets_masked_each_with_a_purpose_for_a_while(
    qtbot: QtBot, staffed_vault: Vault
) -> None:
    from clientvault.ui.dialogs.locked_record import LockedRecordDialog

    planted = plant(staffed_vault)
    LockService(staffed_vault).lock(planted.client_id, "engagement ended")
    page = LockedPage(staffed_vault)
    qtbot.addWidget(page)
    _select(page.view, 0)
    dialog = page.open_selected("tax inspection")
    assert isinstance(dialog, LockedRecordDialog)
    qtbot.addWidget(dialog)
    assert ID_NUMBER not in dialog.view.toPlainText() and NAME in dialog.view.toPlainText()
    assert "bank_account" not in dialog.view.toPlainText()  # kinds by their names, not codes
    (what,) = [w for w in dialog.secrets if w.endswith("id_number")]
    secret = dialog.secrets[what]
    assert ID_NUMBER not in secret.text.text() and secret.reveal_button.isVisibleTo(dialog)
    assert not dialog.reveal(what)  # no purpose chosen: nothing shown, nothing recorded
    assert dialog.message.text() and ID_NUMBER not in secret.text.text()
    assert not staffed_vault.audit.page(AuditFilter(action_prefix="locked.reveal"))
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("authority_request"))
    assert dialog.reveal(what)
    assert secret.text.text() == ID_NUMBER
    (event,) = staffed_vault.audit.page(AuditFilter(action_prefix="locked.reveal"))
    assert event.purpose == "authority_request" and ID_NUMBER not in event.object
    dialog.close()
    assert ID_NUMBER not in secret.text.text()  # closing hides it at once


def test_a_sealed_secret_hides_itself_again(qtbot: QtBot, staffed_vault: Vault) -> None:
    from clientvault.ui.dialogs.locked_record import LockedRecordDialog

    planted = plant(staffed_vault)
    LockService(staffed_vault).lock(planted.client_id, "engagement ended")
    locks = LockService(staffed_vault)
    dialog = LockedRecordDialog(locks.open(planted.client_id, "archive check"), locks=locks, reveal_ms=200)
    qtbot.addWidget(dialog)
    (what,) = [w for w in dialog.secrets if w.endswith("id_number")]
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("archive_check"))
    assert dialog.reveal(what) and dialog.secrets[what].text.text() == ID_NUMBER
    qtbot.waitUntil(lambda: dialog.secrets[what].text.text() != ID_NUMBER, timeout=3000)


def test_a_partner_on_a_pin_session_is_asked_for_the_password_to_open_a_sealed_record(
    qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService
) -> None:
    from tests.conftest import PARTNER, PARTNER_PASSWORD

    planted = plant(staffed_vault)
    LockService(staffed_vault).lock(planted.client_id, "engagement ended")
    assert fast_vaults.remember_workstation(staffed_vault, "583920")
    pin_session = fast_vaults.unlock_with_pin(staffed_vault.paths.folder, PARTNER, "583920")
    try:
        assert pin_session.session.keys is not None and pin_session.session.keys.pk is None
        page = LockedPage(pin_session, vaults=fast_vaults)
        qtbot.addWidget(page)
        _select(page.view, 0)
        dialog = page.open_selected("tax inspection", password=PARTNER_PASSWORD)
        assert dialog is not None and NAME in dialog.view.toPlainText()
        qtbot.addWidget(dialog)
        dialog.close()
    finally:
        pin_session.lock()
