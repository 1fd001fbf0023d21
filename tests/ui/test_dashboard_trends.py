"""The dashboard's staff figures and monthly trends: the counts per month, the charts, the filtered lists."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientvault.core.errors import AccessDenied, ConsentMissing
from clientvault.core.roles import Role
from clientvault.services.changes import Changes
from clientvault.services.clients import ClientService
from clientvault.services.complaints import ComplaintCategory, ComplaintService
from clientvault.services.context import Vault
from clientvault.services.dashboard import DashboardService
from clientvault.services.exports import ExportKind, ExportService
from clientvault.services.staff_register import StaffRegisterService
from clientvault.services.subject_requests import RequestKind, SubjectRequestService
from clientvault.services.trends import REVEALS_IN_MONTH, TrendService, _next_month, last_months
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.ui.context import UiContext
from clientvault.ui.operations import Operations
from clientvault.ui.pages.dashboard import DashboardPage
from clientvault.ui.pages.staff_register import StaffRegisterPage
from clientvault.ui.widgets.trend_chart import BAR, TrendChart
from tests.fixtures.planted import Planted, plant
from tests.fixtures.windows import dashboard_window

TODAY = date.today()


def _months_ago(n: int) -> date:
    year, month = TODAY.year, TODAY.month - n
    while month < 1:
        year, month = year - 1, month + 12
    return date(year, month, 1)


@pytest.fixture
def history(logins: dict[Role, Vault], tmp_path: Path) -> Planted:
    """Requests, complaints, reveals and exports spread over the months."""
    partner = logins[Role.PARTNER]
    planted = plant(partner, accountant_ids=[logins[Role.ACCOUNTANT].session.user_id])
    for months_ago in (0, 2, 2, 13):
        day = _months_ago(months_ago)
        SubjectRequestService(partner, today=lambda d=day: d).record(  # type: ignore[misc]
            planted.client_id, planted.person_id, RequestKind.ACCESS, identity_method="id_in_person",
            identity_ok=True,
        )  # fmt: skip
    complaints = ComplaintService(partner)
    for months_ago in (1, 1, 1, 11, 12):
        complaints.record(ComplaintCategory.USE, "多收集了信息", received_on=_months_ago(months_ago))
    ClientService(partner).reveal_item(planted.bank_item_id, "bookkeeping")
    ClientService(logins[Role.ACCOUNTANT]).reveal_item(planted.bank_item_id, "bookkeeping")
    ExportService(partner).save(b"x", tmp_path / "a.pdf", kind=ExportKind.LETTER, purpose="通知", row_count=1)
    return planted


def test_monthly_counts(logins: dict[Role, Vault], history: Planted) -> None:
    trends = {t.kind: t for t in TrendService(logins[Role.PRIVACY_OFFICER]).monthly()}
    months = last_months(TODAY, 12)
    assert trends["requests"].months == tuple(months) and months[-1] == TODAY.strftime("%Y-%m")
    counts = {kind: dict(zip(t.months, t.counts, strict=True)) for kind, t in trends.items()}
    assert counts["requests"][months[-1]] == 1 and counts["requests"][months[-3]] == 2
    assert trends["requests"].total == 3  # the one received 13 months ago is outside the window
    assert counts["complaints"][months[-2]] == 3 and counts["complaints"][months[0]] == 1
    assert trends["complaints"].total == 4  # 12 months ago is the month before the window
    assert (trends["reveals"].total, counts["reveals"][months[-1]]) == (2, 2)
    assert (trends["exports"].total, counts["exports"][months[-1]]) == (1, 1)
    # A refused reveal (no purpose allows it) is not counted.
    with pytest.raises(ConsentMissing):
        ClientService(logins[Role.PARTNER]).reveal_item(history.bank_item_id, "marketing")
    assert TrendService(logins[Role.PARTNER]).monthly()[2].total == 2
    for role in (Role.ACCOUNTANT, Role.ASSISTANT):
        with pytest.raises(AccessDenied):
            TrendService(logins[role]).monthly()


def test_last_months_cross_the_year() -> None:
    assert last_months(date(2026, 2, 15), 3) == ["2025-12", "2026-01", "2026-02"]
    assert len(last_months(date(2026, 12, 31), 12)) == 12 and last_months(date(2026, 12, 31), 12)[0] == "2026-01"
    assert (_next_month("2026-12"), _next_month("2026-01")) == ("2027-01", "2026-02")


def test_chart_draws_one_bar_per_month_scaled_to_the_largest(qtbot: QtBot) -> None:
    chart = TrendChart("Requests")
    qtbot.addWidget(chart)
    chart.resize(240, 130)
    chart.set_data(["2026-01", "2026-02", "2026-03", "2026-04"], [0, 4, 2, 0])
    image = chart.grab().toImage()
    tall, half, empty = chart.bar_rect(1), chart.bar_rect(2), chart.bar_rect(0)
    assert empty.height() == 0 and tall.height() == pytest.approx(2 * half.height())
    for rect in (tall, half):
        centre = rect.center().toPoint()
        assert QColor(image.pixel(centre)) == BAR
    assert QColor(image.pixel(chart.bar_rect(0).center().toPoint() - chart.rect().topLeft())) != BAR
    assert "2026-02: 4" in chart.toolTip() and chart.accessibleName() == "Requests: 6"
    chart.set_data([], [])  # nothing to draw is no error
    assert not chart.grab().isNull()


def test_staff_figures_open_the_filtered_register(
    qtbot: QtBot, qapp: QApplication, ui_ctx: UiContext, logins: dict[Role, Vault], fast_vaults: VaultService
) -> None:
    partner = logins[Role.PARTNER]
    UserService(partner, fast_vaults).add("newbie", "新来的会计", Role.ACCOUNTANT, "newbie-pass-12")
    figures = DashboardService(partner).figures()
    assert (figures.staff_agreements_overdue, figures.staff_training_overdue) == (1, 0)
    later = DashboardService(partner, today=lambda: TODAY + timedelta(days=31)).figures()
    assert later.staff_training_overdue == 5  # nobody trained within 30 days of joining
    win, page = dashboard_window(qtbot, qapp, ui_ctx, logins[Role.PRIVACY_OFFICER])
    assert page.cards["staff_agreements"].text().startswith("1\n")
    page.cards["staff_agreements"].click()
    assert win.current_page_key == "staff_register"
    register = win.pages["staff_register"]
    assert isinstance(register, StaffRegisterPage)
    assert register.filter.currentData() == "agreements" and register.model.rowCount() == 1
    # Recording the agreement there brings the figure down (Changes reach the dashboard).
    dialog = register.record_agreement()
    dialog.member.setCurrentIndex(dialog.member.findData(register.shown[0].user_id))
    dialog.submit()
    win.show_page("dashboard")
    page.apply_changes(Changes(users=True))
    assert page.cards["staff_agreements"].text().startswith("0\n")
    StaffRegisterService(partner).record_training(TODAY, "保密培训", "赵老师", [partner.session.user_id])
    page.cards["staff_training"].click()
    assert register.filter.currentData() == "training"


def test_dashboard_charts_show_the_trends(qtbot: QtBot, logins: dict[Role, Vault], history: Planted) -> None:
    page = DashboardPage(logins[Role.PARTNER], Operations())
    qtbot.addWidget(page)
    assert set(page.charts) == {"requests", "complaints", "reveals", "exports"}
    assert page.charts["complaints"].counts[-2] == 3 and sum(page.charts["reveals"].counts) == 2
    ClientService(logins[Role.PARTNER]).reveal_item(history.bank_item_id, "bookkeeping")
    page.apply_changes(Changes())  # a reveal reports an audit change only; a hidden page waits
    assert sum(page.charts["reveals"].counts) == 2
    page.show()
    assert sum(page.charts["reveals"].counts) == 3
    ClientService(logins[Role.PARTNER]).reveal_item(history.bank_item_id, "bookkeeping")
    page.apply_changes(Changes())  # shown: at once
    assert sum(page.charts["reveals"].counts) == 4
    page.hide()  # a reveal reports no change: the page recounts when shown again
    ClientService(logins[Role.PARTNER]).reveal_item(history.bank_item_id, "bookkeeping")
    page.show()
    assert sum(page.charts["reveals"].counts) == 5


def test_the_reveal_count_reads_the_partial_index(logins: dict[Role, Vault]) -> None:
    plan = logins[Role.PARTNER].db.all("EXPLAIN QUERY PLAN " + REVEALS_IN_MONTH, ("2026-01", "2026-02"))
    assert len(plan) == 1 and "USING INDEX audit_reveals_by_at (at>? AND at<?)" in str(plan[0]), plan
