"""The staff register page per role; the reveal dialog's refusal without an agreement; the override."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.core.records import DataCategory
from clientvault.core.roles import Role
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.staff_register import StaffRegisterService
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.storage.audit import AuditFilter
from clientvault.ui.context import UiContext
from clientvault.ui.dialogs.reveal import RevealDialog, RevealTarget
from clientvault.ui.main_window import MainWindow
from clientvault.ui.operations import Operations
from clientvault.ui.pages.staff_register import StaffRegisterPage
from tests.fixtures.planted import BANK, plant
from tests.ui.conftest import USERS

TODAY = date.today()
NEWBIE = ("newbie", "newbie-pass-12")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def logins(staffed_vault: Vault, fast_vaults: VaultService) -> Iterator[dict[str, Vault]]:
    """Every role (with agreements, from ``staffed_vault``) plus a new accountant without one."""
    UserService(staffed_vault, fast_vaults).add(NEWBIE[0], "新来的会计", Role.ACCOUNTANT, NEWBIE[1])
    opened = {role.value: fast_vaults.unlock(staffed_vault.paths.folder, *USERS[role]) for role in USERS}
    opened["newbie"] = fast_vaults.unlock(staffed_vault.paths.folder, *NEWBIE)
    yield {"partner": staffed_vault, **opened}
    for vault in opened.values():
        vault.lock()


def _page(qtbot: QtBot, vault: Vault) -> StaffRegisterPage:
    page = StaffRegisterPage(vault, Operations())
    qtbot.addWidget(page)
    page.show()
    return page


def test_managers_see_everyone_others_their_own_line(qtbot: QtBot, logins: dict[str, Vault]) -> None:
    for role in ("partner", "privacy_officer"):
        page = _page(qtbot, logins[role])
        assert page.model.rowCount() == 5 and page.agreement_button.isVisible()
        assert page.override_button.isVisible() == (role == "partner")
        page.set_filter("agreements")
        assert [page.model.item(r, 0).text() for r in range(page.model.rowCount())] == ["新来的会计"]
        assert page.filter.currentData() == "agreements"
    for role in ("accountant", "assistant", "newbie"):
        page = _page(qtbot, logins[role])
        assert page.model.rowCount() == 1 and not page.agreement_button.isVisible()
        assert not page.override_button.isVisible() and not page.months_button.isVisible()
    assert "no agreement recorded" in _page(qtbot, logins["newbie"]).details.text()


def test_record_agreement_with_scan_and_training_through_the_dialogs(
    qtbot: QtBot, logins: dict[str, Vault], tmp_path: Path
) -> None:
    page = _page(qtbot, logins["privacy_officer"])
    newbie = logins["newbie"].session.user_id
    dialog = page.record_agreement()
    dialog.member.setCurrentIndex(dialog.member.findData(newbie))
    bad = tmp_path / "not-a-scan.txt"
    bad.write_text("hello")
    dialog.choose_scan(bad)
    dialog.submit()
    assert dialog.isVisible() and "PDF, PNG" in dialog.error.text()  # refused, the dialog keeps its fields
    scan = tmp_path / "nda.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"nda" * 100)
    dialog.choose_scan(scan)
    dialog.submit()
    assert not dialog.isVisible()
    page.set_filter("agreements")
    assert page.model.rowCount() == 0
    page.set_filter(None)
    row = next(r for r in range(page.model.rowCount()) if page.model.item(r, 0).text() == "新来的会计")
    page.view.selectRow(row)
    assert "scan on file" in page.details.text() and page.scan_button.isEnabled()
    out = tmp_path / "copy.png"
    assert page.save_scan(out) and out.read_bytes() == scan.read_bytes()
    training = page.record_training()
    training.submit()
    assert training.isVisible() and training.error.text()  # no topic, trainer or attendee
    training.topic.setText("个人信息保护法与保密制度")
    training.trainer.setText("赵老师")
    training.check([newbie])
    training.submit()
    assert not training.isVisible()
    assert page.sessions.rowCount() == 1 and page.sessions.item(0, 3).text() == "新来的会计"
    assert not page.attendance_button.isEnabled()
    page.sessions_view.selectRow(0)
    attendance = page.add_attendance()
    assert attendance is not None and attendance.attendees.count() == 4  # everyone active but the newcomer
    attendance.submit()
    assert attendance.isVisible() and attendance.error.text()  # nobody ticked
    attendance.check([logins["accountant"].session.user_id])
    attendance.submit()
    assert not attendance.isVisible() and page.sessions.item(0, 3).text().count("、") == 1
    page.months.setValue(6)
    assert page.save_months() and StaffRegisterService(logins["partner"]).refresher_months() == 6


def test_reveal_dialog_names_the_missing_agreement_until_the_partner_overrides(
    qtbot: QtBot, logins: dict[str, Vault]
) -> None:
    partner = logins["partner"]
    newbie = logins["newbie"]
    planted = plant(partner, accountant_ids=[newbie.session.user_id])
    service = ClientService(newbie)
    target = RevealTarget("item", planted.bank_item_id, planted.client_id, DataCategory.BANK, "银行账户", "6222****")
    dialog = RevealDialog(service, target, None)
    qtbot.addWidget(dialog)
    dialog.reveal()
    assert not dialog.revealed and "confidentiality agreement" in dialog.error.text()
    # The partner allows it for a week, with a reason, from the register page.
    page = _page(qtbot, partner)
    page.set_filter("agreements")
    page.view.selectRow(0)
    override = page.allow_override()
    assert override is not None
    override.submit()
    assert override.isVisible() and override.error.text()  # no reason
    override.reason.setPlainText("月底报税，协议原件明天签")
    override.until.setDate(override.until.date().addDays(1))
    override.submit()
    assert not override.isVisible()
    assert page.model.rowCount() == 1 and page.model.item(0, 5).text() == str(TODAY + timedelta(days=8))
    dialog.reveal()
    assert dialog.revealed and dialog.value.text.text() == BANK
    outcomes = [e.outcome for e in partner.audit.page(AuditFilter(action_prefix="sensitive.reveal"))]
    assert outcomes == ["ok", "no_agreement_missing"]
    assert partner.audit.page(AuditFilter(action_prefix="staff.reveal_override"))
    # The partner ends it early: the next reveal is refused again.
    page.set_filter(None)
    row = next(r for r in range(page.model.rowCount()) if page.model.item(r, 0).text() == "新来的会计")
    page.view.selectRow(row)
    assert page.end_override_button.isEnabled() and page.end_override()
    assert page.model.item(row, 5).text() == ""
    dialog.value.conceal()
    dialog.reveal()
    assert not dialog.revealed and "confidentiality agreement" in dialog.error.text()


def test_staff_register_in_the_main_window_for_every_role(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, logins: dict[str, Vault]
) -> None:
    for role in ("partner", "privacy_officer", "accountant", "assistant"):
        win = MainWindow(ui_ctx, logins[role], qapp)
        qtbot.addWidget(win)
        win.show_page("staff_register")
        assert isinstance(win.pages["staff_register"], StaffRegisterPage)


def test_no_raw_code_on_the_staff_register_in_chinese(qtbot: QtBot, logins: dict[str, Vault], zh_cn: object) -> None:
    from tests.ui.test_no_raw_codes import raw_codes

    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":
        from clientvault.app import register_font

        register_font(QApplication.instance())  # the shipped CJK font, as the app has it, before the widgets
    partner = logins["partner"]
    StaffRegisterService(partner).record_training(TODAY, "保密制度", "赵老师", [logins["accountant"].session.user_id])
    page = _page(qtbot, partner)
    page.view.selectRow(0)
    assert raw_codes(page) == set()
    assert page.model.horizontalHeaderItem(2).text() == "保密协议"
    page.resize(1000, 620)
    assert not page.grab().isNull()
    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":  # regenerate docs/screenshots on request only
        assert page.grab().save(str(SCREENSHOTS / "staff_register_zh.png"))


def test_the_register_s_audit_objects_read_as_words(logins: dict[str, Vault]) -> None:
    from clientvault.ui.models.audit import readable_object

    partner, newbie = logins["partner"], logins["newbie"].session.user_id
    register = StaffRegisterService(partner)
    agreement = register.record_agreement(newbie, TODAY)
    session = register.record_training(TODAY, "培训", "讲师", [newbie])
    names = {newbie: "会计甲"}
    objects = [e.object for e in partner.audit.page(AuditFilter(action_prefix="staff."))[:2]]
    assert [readable_object(o, names) for o in objects] == [
        f"Training session #{session.id}",
        f"会计甲 · Confidentiality agreement #{agreement.id}",
    ]
