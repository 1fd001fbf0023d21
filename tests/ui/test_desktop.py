"""The desktop shell driven through real widgets, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput
from clientvault.core.roles import Role
from clientvault.services.audit import AuditService
from clientvault.services.clients import ClientFilter
from clientvault.services.consent import ConsentService
from clientvault.services.context import Vault
from clientvault.services.users import UserService
from clientvault.ui.context import UiContext
from clientvault.ui.dialogs.first_run import FirstRunDialog
from clientvault.ui.dialogs.login import LoginDialog
from clientvault.ui.main_window import MainWindow
from clientvault.ui.pages.audit import AuditPage
from clientvault.ui.pages.staff import StaffPage
from clientvault.ui.widgets.clipboard import SecretClipboard
from tests.conftest import PARTNER, PARTNER_PASSWORD
from tests.ui.conftest import USERS


def _window(qtbot: QtBot, ctx: UiContext, vault: Vault, qapp: QApplication) -> MainWindow:
    win = MainWindow(ctx, vault, qapp)
    qtbot.addWidget(win)
    win.show()
    return win


def _wait_verified(qtbot: QtBot, page: AuditPage) -> None:
    qtbot.waitUntil(lambda: page.verify_operation is not None and page.verify_operation.done, timeout=10000)


def test_wizard_creates_a_vault(qtbot: QtBot, ui_ctx: UiContext) -> None:
    wizard = FirstRunDialog(ui_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    firm = wizard.firm_page
    firm.firm.setText("测试代账公司")
    assert not firm.isComplete()  # the contact details every consent form prints are required
    firm.contact["address"].setText("杭州市西湖区文三路100号")
    firm.contact["phone"].setText("0571-88880000")
    firm.contact["email"].setText("office@example.cn")
    firm.contact["privacy_contact"].setText("   ")
    assert not firm.validatePage() and firm.error.text()  # only spaces: refused with the field named
    firm.contact["privacy_contact"].setText("李四 0571-88880001")
    assert firm.isComplete()
    wizard.next()
    page = wizard.partner_page
    page.username.setText("boss")
    page.display_name.setText("老板")
    page.passwords.password.setText("short")
    assert not page.isComplete()
    page.passwords.password.setText(PARTNER_PASSWORD)
    page.passwords.confirm.setText(PARTNER_PASSWORD)
    assert page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.recovery_page
    assert wizard.created is not None
    assert wizard.recovery_page.code.text() == wizard.created.recovery_code
    assert wizard.recovery_sheet_pdf().startswith(b"%PDF")
    assert not wizard.recovery_page.isComplete()
    wizard.recovery_page.confirm.setChecked(True)
    wizard.accept()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.recovery_page.code.text() == ""
    assert wizard.clipboard_is_untouched()
    assert ui_ctx.vaults.vault_exists(ui_ctx.folder)
    stored = ConsentService(wizard.created.vault).notice_details()
    assert (stored.address, stored.privacy_contact, stored.complaint_channel) == (
        "杭州市西湖区文三路100号", "李四 0571-88880001", "")  # fmt: skip
    assert ConsentService(wizard.created.vault).issue_form(None).pdf.startswith(b"%PDF")  # the forms print
    wizard.created.vault.lock()


def test_wrong_password_shows_message(qtbot: QtBot, ui_ctx: UiContext, new_vault: Vault) -> None:
    dialog = LoginDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText(PARTNER)
    dialog.password.setText("wrong-password")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.vault is None
    assert "not correct" in dialog.error.text()
    assert dialog.isVisible()
    dialog.username.setText("nobody")
    dialog.password.setText("wrong-password")
    dialog.try_login()
    assert "not correct" in dialog.error.text()


def test_login_and_pin(qtbot: QtBot, ui_ctx: UiContext, new_vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    from clientvault.ui.dialogs import login as login_mod

    def fake_pin_exec(self: login_mod.PinSetupDialog) -> int:
        self.pin.setText("583920")
        self.pin_again.setText("583920")
        self.save()
        return 1

    monkeypatch.setattr(login_mod.PinSetupDialog, "exec", fake_pin_exec)
    dialog = LoginDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.username.setText(PARTNER)
    dialog.password.setText(PARTNER_PASSWORD)
    dialog.remember.setChecked(True)
    dialog.try_login()
    assert dialog.vault is not None and not dialog.vault.locked
    dialog.vault.lock()
    assert ui_ctx.vaults.has_workstation_login(ui_ctx.folder, PARTNER)
    again = LoginDialog(ui_ctx, username=PARTNER)
    qtbot.addWidget(again)
    assert again.use_pin
    again.password.setText("583920")
    again.try_login()
    assert again.vault is not None
    again.vault.lock()


# Pages each role must be offered, and pages it must never be offered (later issues add more
# pages, so the test pins what matters rather than the whole list).
ROLE_PAGES = {
    Role.PARTNER: ({"home", "clients", "staff", "audit", "account"}, set()),
    Role.PRIVACY_OFFICER: ({"home", "clients", "audit", "account"}, {"staff", "locked", "backups"}),
    Role.ACCOUNTANT: ({"home", "clients", "account"}, {"staff", "audit", "locked", "backups", "purposes"}),
    Role.ASSISTANT: ({"home", "clients", "account"}, {"staff", "audit", "locked", "backups", "purposes", "erasure"}),
}


@pytest.mark.parametrize("role", list(ROLE_PAGES))
def test_each_role_lands_on_its_home(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault, role: Role
) -> None:
    staffed_vault.lock()
    if role is Role.PARTNER:
        name, password = PARTNER, PARTNER_PASSWORD
    else:
        name, password = USERS[role]
    dialog = LoginDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.username.setText(name)
    dialog.password.setText(password)
    dialog.try_login()
    assert dialog.vault is not None
    win = _window(qtbot, ui_ctx, dialog.vault, qapp)
    must, never = ROLE_PAGES[role]
    assert must <= set(win.pages) and not never & set(win.pages)
    assert win.current_page_key == "home"
    assert win.nav.count() == len(win.pages)
    if "audit" in win.pages:
        page = win.pages["audit"]
        assert isinstance(page, AuditPage)
        _wait_verified(qtbot, page)
    win.close()


def test_ctrl_l_locks_and_unlock_returns(qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, new_vault: Vault) -> None:
    win = _window(qtbot, ui_ctx, new_vault, qapp)
    _wait_verified(qtbot, win.pages["audit"])  # type: ignore[arg-type]
    win.activateWindow()
    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert new_vault.locked
    assert win.is_locked and not win.pages
    win.lock_screen.secret.setText("not-the-password")
    qtbot.mouseClick(win.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    assert win.is_locked and "not correct" in win.lock_screen.error.text()
    win.lock_screen.secret.setText(PARTNER_PASSWORD)
    qtbot.mouseClick(win.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not win.is_locked
    assert not win.vault.locked and win.vault is not new_vault
    assert win.vault.session.username == PARTNER
    assert ROLE_PAGES[Role.PARTNER][0] <= set(win.pages)
    _wait_verified(qtbot, win.pages["audit"])  # type: ignore[arg-type]
    win.close()
    if win.closing is not None:  # a backup was due or a worker still ran: locked by the close thread
        win.closing.join(timeout=60)
    assert win.vault.locked


def test_idle_timer_locks(qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, new_vault: Vault) -> None:
    ui_ctx.idle_lock_ms = 150
    win = _window(qtbot, ui_ctx, new_vault, qapp)
    qtbot.waitUntil(lambda: win.is_locked, timeout=5000)
    assert new_vault.locked


def test_os_lock_signal_locks(qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, new_vault: Vault) -> None:
    win = _window(qtbot, ui_ctx, new_vault, qapp)
    _wait_verified(qtbot, win.pages["audit"])  # type: ignore[arg-type]
    win.session_watcher.sig_os_lock.emit()
    assert win.is_locked and new_vault.locked


def test_staff_page_adds_and_disables(
    qtbot: QtBot, ui_ctx: UiContext, new_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clientvault.ui.operations import Operations
    from clientvault.ui.pages import staff as staff_mod

    ops = Operations()
    page = StaffPage(ui_ctx, new_vault, ops)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1

    def fake_add_exec(self: staff_mod.AddUserDialog) -> int:
        self.username.setText("xiaoli")
        self.display_name.setText("小李")
        self.role.setCurrentIndex(self.role.findData(Role.ASSISTANT))
        self.passwords.password.setText("assistant-pass-9")
        self.passwords.confirm.setText("assistant-pass-9")
        self.add()
        return int(self.result())

    monkeypatch.setattr(staff_mod.AddUserDialog, "exec", fake_add_exec)
    page.add_user()
    assert page.model.rowCount() == 2
    row = next(r for r in range(2) if page.model.user(r).username == "xiaoli")
    assert page.model.user(row).role is Role.ASSISTANT
    page.view.selectRow(row)
    assert page.disable_button.isEnabled()
    monkeypatch.setattr(StaffPage, "confirm_disable", lambda self, user: True)
    generation = new_vault.keyfile.generation
    page.disable_selected()
    qtbot.waitUntil(lambda: page.operation.done, timeout=10000)
    user = next(u for u in UserService(new_vault, ui_ctx.vaults).list() if u.username == "xiaoli")
    assert not user.active
    assert new_vault.keyfile.generation > generation
    assert page.model.data(page.model.index(row, 3)) == "Disabled"
    ops.wait()


def test_staff_page_lists_and_revokes_workstation_logins_through_the_user_service(
    qtbot: QtBot, ui_ctx: UiContext, new_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clientvault.ui.operations import Operations
    from clientvault.ui.pages import staff as staff_mod

    assert ui_ctx.vaults.remember_workstation(new_vault, "246810")
    ops = Operations()
    page = StaffPage(ui_ctx, new_vault, ops)
    qtbot.addWidget(page)
    calls: list[str] = []
    for name in ("workstation_logins", "revoke_workstation"):
        real = getattr(page.users, name)
        monkeypatch.setattr(page.users, name, lambda *a, _real=real, _name=name: calls.append(_name) or _real(*a))
    page.view.selectRow(0)
    dialogs: list[staff_mod.WorkstationLoginsDialog] = []

    def fake_exec(self: staff_mod.WorkstationLoginsDialog) -> int:
        dialogs.append(self)
        assert self.list.count() == 1 and self.revoke_button.isEnabled()
        self.list.setCurrentRow(0)
        self.revoke_selected()
        assert self.operation is not None
        qtbot.waitUntil(lambda: self.operation is not None and self.operation.done, timeout=20000)
        return 0

    monkeypatch.setattr(staff_mod.WorkstationLoginsDialog, "exec", fake_exec)
    page.show_workstations()
    dialog = dialogs[0]
    assert dialog.list.count() == 1 and not dialog.revoke_button.isEnabled()  # "No workstation logins."
    assert calls == ["workstation_logins", "revoke_workstation", "workstation_logins"]
    assert ui_ctx.vaults.workstation_slots(new_vault) == []
    ops.wait()


def test_audit_page_pages_lazily_and_filters(qtbot: QtBot, ui_ctx: UiContext, new_vault: Vault) -> None:
    from clientvault.ui.operations import Operations

    for i in range(450):
        new_vault.record("session.login", f"user:{i % 3}")
    ops = Operations()
    page = AuditPage(new_vault, ops)
    qtbot.addWidget(page)
    _wait_verified(qtbot, page)
    model = page.model
    assert model.total > 450
    assert model.rowCount() == 200 and model.pages_fetched == 1
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.pages_fetched == 3 and model.rowCount() == model.total
    # filter by action group
    page.action_filter.setCurrentIndex(page.action_filter.findData("user."))
    assert model.total == 1  # the partner's own creation
    assert model.event_at(0).action == "user.add"
    # filter by user
    page.action_filter.setCurrentIndex(0)
    page.user_filter.setCurrentIndex(page.user_filter.findData(new_vault.session.user_id))
    assert model.total > 450
    # a date range in the past matches nothing
    page.until.setDate(page.until.date().addYears(-2))
    page.since.setDate(page.until.date().addDays(-5))
    page.date_filter.setChecked(True)
    assert model.total == 0
    page.date_filter.setChecked(False)
    assert model.total > 450
    ops.wait()


def test_audit_banner_shows_broken_chain(qtbot: QtBot, ui_ctx: UiContext, new_vault: Vault) -> None:
    from clientvault.ui.operations import Operations

    ops = Operations()
    page = AuditPage(new_vault, ops)
    qtbot.addWidget(page)
    _wait_verified(qtbot, page)
    assert "intact" in page.banner.text()
    new_vault.db.execute("DROP TRIGGER IF EXISTS audit_no_update")
    new_vault.db.execute("UPDATE audit SET body = json_set(body, '$[6]', 'tampered') WHERE seq = 2")
    page.verify()
    _wait_verified(qtbot, page)
    assert "BROKEN" in page.banner.text() and "2" in page.banner.text()
    assert AuditService(new_vault).verify().ok is False
    ops.wait()


def test_demo_logins_listed(qtbot: QtBot, ui_ctx: UiContext, new_vault: Vault) -> None:
    from clientvault.services.demo_logins import DEMO_LOGINS

    ui_ctx.demo_logins = list(DEMO_LOGINS)
    dialog = LoginDialog(ui_ctx)
    qtbot.addWidget(dialog)
    button = dialog.findChild(QPushButton, "demo_accountant")
    assert button is not None
    button.click()
    assert dialog.username.text() == "accountant"
    assert dialog.password.text() == "accountant-demo-1"


def test_secret_clipboard_clears(qtbot: QtBot, qapp: QApplication) -> None:
    clip = SecretClipboard(qapp.clipboard(), clear_after_ms=50)
    clip.copy("s3cret")
    mime = qapp.clipboard().mimeData()
    assert mime is not None and bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    qtbot.waitUntil(lambda: not clip.pending, timeout=2000)
    assert qapp.clipboard().text() != "s3cret"
    clip.copy("s3cret")
    qapp.clipboard().setText("something else")
    clip.clear_if_unchanged()
    assert qapp.clipboard().text() == "something else"


def test_no_label_is_left_in_english(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault, zh_cn: object, tmp_path: Path
) -> None:
    ui_ctx.language = "zh_CN"
    english: set[str] = set()
    wizard = FirstRunDialog(ui_ctx)
    login = LoginDialog(ui_ctx)
    win = _window(qtbot, ui_ctx, staffed_vault, qapp)
    for w in (wizard, login):
        qtbot.addWidget(w)
    _wait_verified(qtbot, win.pages["audit"])  # type: ignore[arg-type]
    widgets = [wizard, login, win]
    for top in widgets:
        for child in [*top.findChildren(QLabel), *top.findChildren(QPushButton)]:
            text = child.text()
            if text and text.isascii() and any(c.isalpha() for c in text) and " " in text:
                english.add(text)
    for model in (win.pages["staff"].model, win.pages["audit"].model):  # type: ignore[attr-defined]
        for col in range(model.columnCount()):
            header = model.headerData(col, Qt.Orientation.Horizontal)
            if header.isascii():
                english.add(header)
    assert not english
    win.close()


def test_scheduled_backups_daily_at_login_and_on_close(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, new_vault: Vault
) -> None:
    from clientvault.services.backup import BackupService
    from clientvault.services.clients import ClientService

    win = _window(qtbot, ui_ctx, new_vault, qapp)
    qtbot.waitUntil(lambda: win.daily_jobs.done, timeout=20000)
    assert [b.kind for b in BackupService(new_vault).list()] == ["daily"]
    ClientService(new_vault).create(ClientInput(name="关闭前公司"))  # a change since the daily backup
    win.close()
    assert not win.isVisible() and win.closing is not None  # closed at once; the backup follows
    win.closing.join(timeout=60)
    assert new_vault.locked
    again = ui_ctx.vaults.unlock(ui_ctx.folder, PARTNER, PARTNER_PASSWORD)
    try:
        kinds = sorted(b.kind for b in BackupService(again).list())
        assert kinds == ["daily", "on_close"]
    finally:
        again.lock()


def test_no_backup_on_close_when_nothing_changed(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, new_vault: Vault
) -> None:
    from clientvault.services.backup import BackupService

    win = _window(qtbot, ui_ctx, new_vault, qapp)
    qtbot.waitUntil(lambda: win.daily_jobs.done, timeout=20000)
    win.pages["clients"].model.set_filter(ClientFilter(text="公司"))  # type: ignore[attr-defined]  # reading only
    win.close()
    assert win.closing is None and new_vault.locked  # nothing due, nothing running: locked at once
    again = ui_ctx.vaults.unlock(ui_ctx.folder, PARTNER, PARTNER_PASSWORD)
    try:
        assert [b.kind for b in BackupService(again).list()] == ["daily"]
    finally:
        again.lock()


@pytest.mark.parametrize("role", [Role.PARTNER, Role.PRIVACY_OFFICER, Role.ACCOUNTANT])
def test_daily_jobs_at_login_check_retention_and_expire_consents(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, staffed_vault: Vault, role: Role
) -> None:
    """At a partner's or privacy officer's login the retention check and consent expiry run in the
    background with the daily backup (one operation); an accountant's login runs the backup only."""
    from datetime import date

    from clientvault.services.consent import ConsentService
    from clientvault.services.erasure import ErasureService
    from clientvault.services.locking import LockService
    from tests.fixtures.planted import other_client, plant

    planted = plant(staffed_vault)
    LockService(staffed_vault).lock(planted.client_id, "engagement ended")
    db = staffed_vault.db
    with db.transaction():  # as if the record had been sealed decades ago
        db.execute("UPDATE sealed_records SET retention_until = '2000-01-01' WHERE client_id = ?", (planted.client_id,))
    other = other_client(staffed_vault)
    past = ConsentService(staffed_vault, today=lambda: date(2020, 1, 1))
    (consent,) = past.record_in_person(other, "marketing", expires_on=date(2020, 6, 1))
    staffed_vault.lock()
    name, password = (PARTNER, PARTNER_PASSWORD) if role is Role.PARTNER else USERS[role]
    vault = ui_ctx.vaults.unlock(ui_ctx.folder, name, password)
    win = _window(qtbot, ui_ctx, vault, qapp)
    qtbot.waitUntil(lambda: win.daily_jobs.done, timeout=20000)
    runs = role is not Role.ACCOUNTANT
    status = vault.db.scalar("SELECT status FROM consents WHERE id = ?", (consent,))
    assert status == ("expired" if runs else "granted")
    requests = vault.db.all("SELECT client_id, source, legal_basis FROM erasure_requests")
    assert requests == ([(planted.client_id, "retention_expiry", "retention_ended")] if runs else [])
    if runs:  # nothing is duplicated by the next login's run
        assert ErasureService(vault).daily_check() == [] and ConsentService(vault).expire_due() == 0
    win.close()
