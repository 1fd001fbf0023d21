"""A returned form saved with the wrong boxes is corrected by the partner or the privacy officer,
with a typed reason (kept, audited without its text), instead of being burned."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox
from pytestqt.qtbot import QtBot

from clientvault.core.errors import AccessDenied, InvalidState, ValidationError
from clientvault.core.records import ClientInput
from clientvault.core.roles import Role
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentService, ConsentStatus, TickItem
from clientvault.services.context import Vault
from clientvault.services.form_correction import FormCorrectionService
from clientvault.services.vault import VaultService
from clientvault.storage.audit import AuditFilter
from clientvault.ui.context import UiContext
from clientvault.ui.dialogs.form_correction import FormCorrectionDialog
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.consent_tab import ConsentTab
from tests.ui.conftest import USERS

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
REASON = "录入时勾错了营销一栏，以纸质原件为准"


@pytest.fixture
def returned(staffed_vault: Vault) -> tuple[int, str, TickItem]:
    """A client whose form came back with "marketing" recorded as agreed (by mistake)."""
    cid = ClientService(staffed_vault).create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
    consent = ConsentService(staffed_vault)
    form = consent.issue_form(cid)
    info = consent.form_info(form.form_no)
    marketing = next(t for t in info.ticks if t.code == "marketing")
    consent.return_form(form.form_no, cid, [marketing])
    return cid, form.form_no, marketing


def _status(vault: Vault, cid: int, code: str) -> ConsentStatus:
    return next(c.status for c in ConsentService(vault).consents(cid) if c.purpose_code == code)


def test_the_partner_corrects_a_returned_form_by_keystrokes(
    qtbot: QtBot, qapp: QApplication, staffed_vault: Vault, returned: tuple[int, str, TickItem]
) -> None:
    cid, number, marketing = returned
    tab = ConsentTab(staffed_vault, Operations(), cid, lang="zh")
    qtbot.addWidget(tab)
    tab.show()
    assert tab.correct_button.isVisible()
    dialog = tab.correct_form()
    qtbot.keyClicks(dialog.number, number.lower())
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)  # the scanner's Enter only looks it up
    box = dialog.findChild(QCheckBox, f"tick_marketing_{marketing.scope.value}")
    assert box is not None and box.isChecked() and dialog.isVisible()
    assert _status(staffed_vault, cid, "marketing") is ConsentStatus.GRANTED
    box.setChecked(False)  # the paper says no
    dialog.review()
    assert "→" in dialog.summary.text() and dialog.review_box.isVisible()
    assert not dialog.save() and "reason" in dialog.message.text()  # no reason typed yet
    assert _status(staffed_vault, cid, "marketing") is ConsentStatus.GRANTED
    dialog.reason.setText(REASON)
    assert dialog.save()
    assert _status(staffed_vault, cid, "marketing") is ConsentStatus.REFUSED
    assert "corrected" in tab.status.text()
    events = [e for e in staffed_vault.audit.page(AuditFilter(), limit=50) if e.action == "consent.form_correct"]
    assert len(events) == 1 and events[0].object == f"client:{cid}/form:{number}"
    assert REASON not in events[0].reason and "marketing" in events[0].reason
    stored = staffed_vault.db.one("SELECT reason, ticked_before, ticked_after FROM form_corrections")
    assert stored is not None and stored[0] == REASON and stored[2] == "none"


def test_a_correction_needs_a_reason_and_a_change(staffed_vault: Vault, returned: tuple[int, str, TickItem]) -> None:
    cid, number, marketing = returned
    service = FormCorrectionService(staffed_vault)
    with pytest.raises(ValidationError) as no_reason:
        service.correct(number, [], "  ")
    assert "reason" in no_reason.value.errors
    with pytest.raises(ValidationError) as same:
        service.correct(number, [marketing], REASON)
    assert same.value.errors == {"ticked": "unchanged"}
    # Back and forth: refused, then agreed again (with the form's return date).
    service.correct(number, [], REASON)
    again = service.correct(number, [marketing], REASON)
    assert again.ticked == frozenset({marketing}) and again.corrections == 2
    assert _status(staffed_vault, cid, "marketing") is ConsentStatus.GRANTED


def test_only_partner_and_privacy_officer_correct(
    qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService, returned: tuple[int, str, TickItem]
) -> None:
    cid, number, _ = returned
    ClientService(staffed_vault).assign(cid, [u.id for u in _users(staffed_vault, fast_vaults) if u.username == "acc"])
    accountant = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[Role.ACCOUNTANT])
    tab = ConsentTab(accountant, Operations(), cid, lang="zh")
    qtbot.addWidget(tab)
    tab.show()
    assert not tab.correct_button.isVisible()
    with pytest.raises(AccessDenied):
        FormCorrectionService(accountant).correct(number, [], REASON)
    officer = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[Role.PRIVACY_OFFICER])
    assert FormCorrectionService(officer).correct(number, [], REASON).ticked == frozenset()
    # A form not returned cannot be corrected.
    fresh = ConsentService(staffed_vault).issue_form(cid)
    with pytest.raises(InvalidState):
        FormCorrectionService(officer).returned(fresh.form_no)
    dialog = FormCorrectionDialog(FormCorrectionService(officer), "en", fresh.form_no)
    qtbot.addWidget(dialog)
    assert "not been returned" in dialog.message.text() and not dialog.review_button.isEnabled()


def _users(vault: Vault, vaults: VaultService) -> list:  # type: ignore[type-arg]
    from clientvault.services.users import UserService

    return UserService(vault, vaults).list()


def test_correction_screenshots(
    qtbot: QtBot,
    ui_ctx: UiContext,  # registers the shipped Chinese font
    staffed_vault: Vault,
    returned: tuple[int, str, TickItem],
    zh_cn: object,
    tmp_path: Path,
) -> None:
    """The correction's steps in Chinese: the form looked up, then the review (docs/screenshots on request)."""
    _cid, number, marketing = returned
    folder = SCREENSHOTS if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1" else tmp_path
    dialog = FormCorrectionDialog(FormCorrectionService(staffed_vault), "zh")
    qtbot.addWidget(dialog)
    dialog.resize(620, 460)
    dialog.show()
    qtbot.keyClicks(dialog.number, number)
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    qtbot.wait(100)
    assert dialog.grab().save(str(folder / "form_correction_lookup.png"))
    box = dialog.findChild(QCheckBox, f"tick_marketing_{marketing.scope.value}")
    assert box is not None
    box.setChecked(False)
    dialog.reason.setText(REASON)
    dialog.review()
    qtbot.wait(100)
    assert dialog.grab().save(str(folder / "form_correction_review.png"))
    assert "→" in dialog.summary.text() and (folder / "form_correction_review.png").stat().st_size > 5_000
