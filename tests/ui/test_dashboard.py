"""The compliance dashboard: figures per role, each opening its filtered list; screenshots per role."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.core.errors import AccessDenied
from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.dashboard import DashboardService
from clientvault.services.incidents import IncidentKind, IncidentService
from clientvault.services.subject_requests import RequestFilter, RequestKind, SubjectRequestService
from clientvault.services.vault import VaultService
from clientvault.ui.context import UiContext
from clientvault.ui.main_window import MainWindow
from clientvault.ui.operations import Operations
from clientvault.ui.pages.dashboard import DashboardPage
from clientvault.ui.pages.requests_register import RequestsRegisterPage
from tests.fixtures.planted import Planted, plant
from tests.fixtures.windows import dashboard_window

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def busy(logins: dict[Role, Vault]) -> Planted:
    """One overdue request, one due within the week, an open incident."""
    partner = logins[Role.PARTNER]
    planted = plant(partner, accountant_ids=[logins[Role.ACCOUNTANT].session.user_id])
    today = date.today()
    for received in (today - timedelta(days=40), today):
        SubjectRequestService(partner, today=lambda r=received: r).record(  # type: ignore[misc]
            planted.client_id, planted.person_id, RequestKind.ACCESS, identity_method="id_in_person",
            identity_ok=True,
        )  # fmt: skip
    # the second one is due in 15 working days: move it into the coming week
    partner.db.execute(
        "UPDATE subject_requests SET due_on = ? WHERE id = 2", ((today + timedelta(days=3)).isoformat(),)
    )
    IncidentService(partner).report(IncidentKind.BREACH, "U盘遗失")
    return planted


def test_figures_for_partner_and_privacy_officer(logins: dict[Role, Vault], busy: Planted) -> None:
    for role in (Role.PARTNER, Role.PRIVACY_OFFICER):
        f = DashboardService(logins[role]).figures()
        assert (f.requests_overdue, f.requests_due_soon, f.incidents_open) == (1, 1, 1)
        assert f.chain_ok and len(f.head_hash) == 64 and f.backup_age_days is None
        assert f.retention_ending == 0 and f.consents_missing >= 0
    for role in (Role.ACCOUNTANT, Role.ASSISTANT):
        with pytest.raises(AccessDenied):
            DashboardService(logins[role]).figures()


def test_each_figure_opens_its_filtered_list(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, logins: dict[Role, Vault], busy: Planted
) -> None:
    win, page = dashboard_window(qtbot, qapp, ui_ctx, logins[Role.PRIVACY_OFFICER])
    assert page.cards["requests_overdue"].text().startswith("1\n")
    assert not page.cards["backup"].isEnabled()  # the backups page is the partner's
    page.cards["requests_overdue"].click()
    assert win.current_page_key == "requests_register"
    register = win.pages["requests_register"]
    assert isinstance(register, RequestsRegisterPage)
    assert register.filter.currentData() == RequestFilter.OVERDUE and register.model.rowCount() == 1
    win.show_page("dashboard")
    page.cards["incidents"].click()
    assert win.current_page_key == "incidents"
    win.show_page("dashboard")
    assert page.cards["consents_missing"].text().startswith("1\n")  # the planted client has no consent yet
    page.cards["consents_missing"].click()
    assert win.current_page_key == "consent_overview"
    assert not page.cards["retention"].isEnabled()
    for role in (Role.ACCOUNTANT, Role.ASSISTANT):
        other = MainWindow(ui_ctx, logins[role], qapp)
        qtbot.addWidget(other)
        with pytest.raises(KeyError):
            other.show_page("dashboard")


def _trend_history(logins: dict[Role, Vault], busy: Planted, vaults: VaultService) -> None:
    """Complaints over the past months, a few reveals, a new colleague without an agreement (for the picture)."""
    from clientvault.services.clients import ClientService
    from clientvault.services.complaints import ComplaintCategory, ComplaintService
    from clientvault.services.users import UserService

    partner = logins[Role.PARTNER]
    today = date.today()
    complaints = ComplaintService(partner)
    for back, n in ((1, 2), (3, 1), (4, 3), (7, 1)):
        month = (today.month - back - 1) % 12 + 1
        year = today.year - (1 if month > today.month else 0)
        for _ in range(n):
            complaints.record(ComplaintCategory.USE, "超出目的使用", received_on=date(year, month, 1))
    for _ in range(3):
        ClientService(logins[Role.ACCOUNTANT]).reveal_item(busy.bank_item_id, "bookkeeping")
    UserService(partner, vaults).add("newbie", "新来的会计", Role.ACCOUNTANT, "newbie-pass-12")


@pytest.mark.parametrize("role", [Role.PARTNER, Role.PRIVACY_OFFICER])
def test_dashboard_screenshot(
    qtbot: QtBot, logins: dict[Role, Vault], busy: Planted, role: Role, fast_vaults: VaultService
) -> None:
    _trend_history(logins, busy, fast_vaults)
    page = DashboardPage(logins[role], Operations())
    qtbot.addWidget(page)
    page.resize(900, 880)
    page.show()
    image = page.grab()
    assert not image.isNull() and image.width() >= 800
    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":  # regenerate docs/screenshots on request only
        assert image.save(str(SCREENSHOTS / f"dashboard_{role.value}.png"))


def test_report_button_writes_the_compliance_report(
    qtbot: QtBot, logins: dict[Role, Vault], busy: Planted, tmp_path: Path
) -> None:
    from tests.unit.documents.pdfcheck import pdf_text, squash

    page = DashboardPage(logins[Role.PRIVACY_OFFICER], Operations())
    qtbot.addWidget(page)
    out = tmp_path / "report.pdf"
    assert page.save_report(out, date.today() - timedelta(days=60), date.today())
    assert "report.pdf" in page.status.text() and "head" in page.status.text()
    assert "个人信息保护合规审计报告" in squash(pdf_text(out.read_bytes()))
    assert not page.save_report(tmp_path / "bad.pdf", date.today(), date.today() - timedelta(days=1))
    assert page.status.text() and not (tmp_path / "bad.pdf").exists()


def test_record_of_processing_activities_button(qtbot: QtBot, logins: dict[Role, Vault], tmp_path: Path) -> None:
    page = DashboardPage(logins[Role.PARTNER], Operations())
    qtbot.addWidget(page)
    assert page.save_processing_record(tmp_path)
    assert len(list(tmp_path.glob("processing-record-*.pdf"))) == 1
    assert len(list(tmp_path.glob("processing-record-*.xlsx"))) == 1
    assert not page.save_processing_record(tmp_path / "missing" / "folder")
    assert page.status.text() == "The files could not be written to that folder."
