"""The incidents page per role: reporting, naming the affected, deciding, letters, closing; erased clients."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.incidents import IncidentKind, IncidentService
from clientvault.ui.operations import Operations
from clientvault.ui.pages.incidents import IncidentsPage
from tests.fixtures.erasing import destroy
from tests.fixtures.planted import Planted

TODAY = date(2026, 3, 31)


def _page(qtbot: QtBot, vault: Vault) -> IncidentsPage:
    page = IncidentsPage(vault, Operations(), today=lambda: TODAY)
    qtbot.addWidget(page)
    return page


def test_assistant_reports_only(qtbot: QtBot, logins: dict[Role, Vault], planted: Planted) -> None:
    page = _page(qtbot, logins[Role.ASSISTANT])
    assert page.report_button.isVisibleTo(page) and not page.decide_button.isVisibleTo(page)
    assert not page.report_incident(IncidentKind.BREACH, " ") and "Summary is required" in page.status.text()
    assert page.report_incident(IncidentKind.BREACH, "U盘遗失")
    assert page.model.rowCount() == 1 and page.model.index(0, 1).data() == "Breach"


def test_privacy_officer_handles_an_incident_end_to_end(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted, tmp_path: Path
) -> None:
    IncidentService(logins[Role.ASSISTANT]).report(IncidentKind.BREACH, "误发邮件", categories=["contact"])
    page = _page(qtbot, logins[Role.PRIVACY_OFFICER])
    page.view.selectRow(0)
    assert not page.letters_button.isEnabled()
    assert page.add_affected(planted.client_id, planted.person_id)
    assert page.model.index(0, 4).data() == "1"
    page.view.selectRow(0)
    assert not page.close_incident("教训") and "before closing" in page.status.text()
    assert page.edit_checklist([(s, True) for s, _ in page.selected().containment])  # type: ignore[union-attr]
    page.view.selectRow(0)
    assert page.decide(True, "涉及联系方式")
    page.view.selectRow(0)
    assert page.letters_button.isEnabled()
    assert page.save_letters(tmp_path) and page.save_authority(tmp_path)
    assert sorted(p.name for p in tmp_path.glob("IN-*.pdf")) == ["IN-00001-1-1.pdf", "IN-00001-authority.pdf"]
    assert page.close_incident("邮件发送前核对收件人")
    assert page.model.rowCount() == 0


def test_erased_client_stays_on_the_incident_without_a_letter(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted, tmp_path: Path
) -> None:
    service = IncidentService(logins[Role.PARTNER])
    iid = service.report(IncidentKind.BREACH, "服务器被入侵").id
    service.add_affected(iid, planted.client_id, planted.person_id)
    service.decide(iid, True, "严重")
    destroy(logins[Role.PARTNER], planted.client_id)
    page = _page(qtbot, logins[Role.PARTNER])
    page.view.selectRow(0)
    assert page.model.index(0, 4).data() == "1"
    assert page.save_letters(tmp_path) and list(tmp_path.glob("*.pdf")) == []
    assert not page.add_affected(planted.client_id) and "erased" in page.status.text()


def test_accountant_sees_incidents_of_own_clients(qtbot: QtBot, logins: dict[Role, Vault], planted: Planted) -> None:
    service = IncidentService(logins[Role.PARTNER])
    service.report(IncidentKind.DRILL, "演练")
    iid = service.report(IncidentKind.INCIDENT, "打印件遗留在复印机").id
    service.add_affected(iid, planted.client_id)
    page = _page(qtbot, logins[Role.ACCOUNTANT])
    assert page.model.rowCount() == 1 and not page.close_button.isVisibleTo(page)
    assert _page(qtbot, logins[Role.PARTNER]).model.rowCount() == 2
