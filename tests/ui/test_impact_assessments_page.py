"""The impact assessments page per role (PIPL Arts 55-56): record, the reminder, no deletion before three years."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clientvault.core.errors import AccessDenied
from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.impact_assessments import ImpactAssessmentService, keep_until
from clientvault.ui.context import UiContext
from clientvault.ui.i18n import Translators
from clientvault.ui.operations import Operations
from clientvault.ui.pages.impact_assessments import ImpactAssessmentsPage

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _page(qtbot: QtBot, vault: Vault) -> ImpactAssessmentsPage:
    page = ImpactAssessmentsPage(vault, Operations(), lang="en")
    qtbot.addWidget(page)
    return page


def test_privacy_officer_records_and_cannot_delete_before_three_years(qtbot: QtBot, logins: dict[Role, Vault]) -> None:
    page = _page(qtbot, logins[Role.PRIVACY_OFFICER])
    assert "No assessment yet for 10 purposes or recipients" in page.missing.text()
    assert "Payroll, social insurance and housing fund (entrusted processing)" in page.missing.text()
    dialog = page.new_assessment()
    dialog.submit()
    assert dialog.created is None and "Title is required" in dialog.error.text()
    dialog.title.setText("代发工资受托处理评估")
    for name, text in (("purpose_necessity", "履行委托协议所必需"), ("risks", "工资泄露"), ("measures", "加密、授权")):
        dialog.texts[name].setPlainText(text)
    dialog.submit()
    assert dialog.error.text() == "Choose at least one purpose or recipient the assessment covers."
    dialog.purpose_boxes["payroll_social_insurance"].setChecked(True)
    dialog.recipient_boxes[3].setChecked(True)
    dialog.submit()
    assert dialog.created is not None and page.model.rowCount() == 1
    assert "No assessment yet for 8 purposes or recipients" in page.missing.text()
    assert page.model.index(0, 6).data() == keep_until(date.today()).isoformat()  # Art 56: three years
    page.view.selectRow(0)
    assert not page.delete_selected()
    assert "kept at least three years" in page.status.text() and page.model.rowCount() == 1


def test_accountant_reads_assistant_has_no_page(qtbot: QtBot, logins: dict[Role, Vault]) -> None:
    page = _page(qtbot, logins[Role.ACCOUNTANT])
    assert not page.new_button.isVisibleTo(page) and not page.delete_button.isVisibleTo(page)
    with pytest.raises(AccessDenied):
        ImpactAssessmentsPage(logins[Role.ASSISTANT], Operations())


def test_assessments_screenshot(
    qtbot: QtBot, logins: dict[Role, Vault], zh_cn: Translators, tmp_path: Path, ui_ctx: UiContext
) -> None:
    ImpactAssessmentService(logins[Role.PRIVACY_OFFICER]).record(
        title="代发工资及社保公积金代缴（受托处理）", trigger="entrusted",
        purpose_necessity="受客户委托计算工资、代扣个税，为履行委托处理协议所必需。",
        risks="工资及证件号码泄露；越权查看。",
        measures="加密保管、按岗位授权、查看留痕、期满删除。", conclusion="acceptable_with_measures",
        purposes=["payroll_social_insurance"], recipients=[3, 4],
    )  # fmt: skip
    page = ImpactAssessmentsPage(logins[Role.PRIVACY_OFFICER], Operations(), lang="zh")
    qtbot.addWidget(page)
    page.resize(1000, 420)
    page.show()
    image = page.grab()
    assert not image.isNull() and "尚有 7 个处理目的或接收方没有影响评估" in page.missing.text()
    folder = SCREENSHOTS if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1" else tmp_path
    assert image.save(str(folder / "impact_assessments_zh.png"))


def test_purposes_page_names_the_assessments_of_the_selected_purpose(qtbot: QtBot, logins: dict[Role, Vault]) -> None:
    from clientvault.ui.pages.purposes import PurposesPage

    partner = logins[Role.PARTNER]
    page = PurposesPage(partner, Operations(), lang="en")
    qtbot.addWidget(page)
    codes = [p.code for p in page.purposes]
    page.table.selectRow(codes.index("payroll_social_insurance"))
    assert "No impact assessment yet." in page.history.text()
    a = ImpactAssessmentService(partner).record(
        title="t", trigger="entrusted", purpose_necessity="n", risks="r", measures="m", conclusion="acceptable",
        purposes=["payroll_social_insurance"], recipients=[3],
    )  # fmt: skip
    assert ImpactAssessmentService(partner).covering(recipient=3) == [a]
    assert ImpactAssessmentService(partner).covering(purpose="marketing") == []
    page.table.selectRow(codes.index("marketing"))
    page.table.selectRow(codes.index("payroll_social_insurance"))
    assert f"Impact assessments: {a.number} ({a.assessed_on})" in page.history.text()
