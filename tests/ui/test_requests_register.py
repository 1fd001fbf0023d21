"""The individuals' requests register page, per role: intake, handling, errors shown on the page."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.core.errors import AccessDenied
from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.locking import LockService
from clientvault.services.subject_requests import RequestFilter, RequestKind, RequestStatus, SubjectRequestService
from clientvault.ui.dialogs.subject_request import SubjectRequestDialog
from clientvault.ui.operations import Operations
from clientvault.ui.pages.requests_register import RequestsRegisterPage
from tests.fixtures.planted import PERSON, Planted

TODAY = date(2026, 3, 2)


def _page(qtbot: QtBot, vault: Vault) -> RequestsRegisterPage:
    page = RequestsRegisterPage(vault, Operations(), today=lambda: TODAY)
    qtbot.addWidget(page)
    return page


def _record(vault: Vault, planted: Planted, kind: RequestKind = RequestKind.ACCESS, ok: bool = True) -> int:
    return (
        SubjectRequestService(vault, today=lambda: TODAY)
        .record(planted.client_id, planted.person_id, kind, identity_method="id_in_person", identity_ok=ok)
        .id
    )


def test_assistant_records_intake_through_the_dialog(qtbot: QtBot, logins: dict[Role, Vault], planted: Planted) -> None:
    page = _page(qtbot, logins[Role.ASSISTANT])
    assert not page.refuse_button.isVisibleTo(page) and not page.due_days.isVisibleTo(page)
    assert page.new_button.isVisibleTo(page) and page.model.rowCount() == 0
    dialog = page.new_request()
    assert isinstance(dialog, SubjectRequestDialog)
    assert dialog.client.count() == 1 and dialog.person.findText(PERSON) >= 0
    dialog.person.setCurrentIndex(dialog.person.findText(PERSON))
    dialog.kind.setCurrentIndex(dialog.kind.findData(RequestKind.COPY))
    dialog.submit()  # no identity method chosen: refused in the dialog, nothing recorded
    assert "identity" in dialog.error.text() and dialog.isVisible()
    dialog.method.setCurrentIndex(dialog.method.findData("id_in_person"))
    dialog.identity_ok.setChecked(True)
    dialog.received.setDate(QDate(2026, 3, 2))
    dialog.submit()
    assert dialog.created is not None and not dialog.isVisible()
    assert page.model.rowCount() == 1 and page.model.index(0, 1).data() == "Copy"
    assert "recorded" in page.status.text()


def test_privacy_officer_refuses_only_with_a_reason(qtbot: QtBot, logins: dict[Role, Vault], planted: Planted) -> None:
    rid = _record(logins[Role.ASSISTANT], planted, ok=False)
    page = _page(qtbot, logins[Role.PRIVACY_OFFICER])
    assert page.refuse_button.isVisibleTo(page) and page.model.rowCount() == 1
    assert page.model.index(0, 6).data() == "Failed"
    page.select_row(0)
    assert page.refuse_button.isEnabled() and not page.close_button.isEnabled()  # failed check: refuse only
    assert not page.refuse("")
    assert "Reason is required" in page.status.text()
    assert page.refuse("身份核验未通过")
    assert page.model.rowCount() == 0  # the open list no longer shows it
    page.set_filter(RequestFilter.ALL)
    assert page.model.index(0, 7).data() == "Refused"
    assert SubjectRequestService(logins[Role.PARTNER]).get(rid).status is RequestStatus.REFUSED


def test_partner_answers_a_copy_request_and_sees_sealed_entries(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted, tmp_path: Path
) -> None:
    _record(logins[Role.PARTNER], planted, RequestKind.COPY)
    page = _page(qtbot, logins[Role.PARTNER])
    page.select_row(0)
    assert page.answer_button.isEnabled() and not page.handover_button.isEnabled()
    assert page.save_answer(tmp_path)
    assert (tmp_path / "SR-00001.pdf").is_file() and (tmp_path / "SR-00001.xlsx").is_file()
    page.select_row(0)
    assert page.close_answered("已寄送副本")
    _record(logins[Role.PARTNER], planted, RequestKind.DELETION)
    LockService(logins[Role.PARTNER]).lock(planted.client_id, "服务终止")
    page.reload()
    assert page.model.rowCount() == 1 and page.model.index(0, 3).data() == "(sealed or erased)"
    assert _page(qtbot, logins[Role.PRIVACY_OFFICER]).model.rowCount() == 0


def test_accountant_sees_own_clients_entries_read_only(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted
) -> None:
    _record(logins[Role.ASSISTANT], planted, RequestKind.CORRECTION)
    page = _page(qtbot, logins[Role.ACCOUNTANT])
    assert page.model.rowCount() == 1 and page.model.index(0, 2).data() == PERSON
    assert not page.close_button.isVisibleTo(page) and not page.extend_button.isVisibleTo(page)


def test_overdue_filter_and_extension(qtbot: QtBot, logins: dict[Role, Vault], planted: Planted) -> None:
    SubjectRequestService(logins[Role.PARTNER], today=lambda: date(2026, 2, 2)).record(
        planted.client_id, planted.person_id, RequestKind.ACCESS, identity_method="callback_known_number",
        identity_ok=True,
    )  # fmt: skip
    page = _page(qtbot, logins[Role.PRIVACY_OFFICER])
    page.set_filter(RequestFilter.OVERDUE)
    assert page.model.rowCount() == 1 and "overdue" in page.model.index(0, 5).data()
    page.select_row(0)
    assert page.extend(15, "需调取档案")
    assert page.model.rowCount() == 0


def test_role_without_a_page_is_refused(qtbot: QtBot, logins: dict[Role, Vault], qapp: QApplication) -> None:
    # Every role has the register (intake at least); the page asks the service, which would refuse.
    for role in Role:
        _page(qtbot, logins[role])
    with pytest.raises(AccessDenied):
        SubjectRequestService(logins[Role.ACCOUNTANT]).set_due_days(10)


def test_requests_page_screenshot(qtbot: QtBot, ui_ctx: object, logins: dict[Role, Vault], planted: Planted) -> None:
    from tests.ui.test_dashboard import SCREENSHOTS  # ui_ctx registers the CJK font

    _record(logins[Role.ASSISTANT], planted, RequestKind.COPY)
    _record(logins[Role.ASSISTANT], planted, RequestKind.DELETION, ok=False)
    page = _page(qtbot, logins[Role.PRIVACY_OFFICER])
    page.resize(1000, 420)
    page.show()
    page.select_row(0)
    image = page.grab()
    assert not image.isNull()
    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":  # regenerate docs/screenshots on request only
        assert image.save(str(SCREENSHOTS / "requests_register.png"))
