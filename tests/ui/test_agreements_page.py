"""The agreements page and the client page's entrusted-processing tab, per role (PIPL Arts 21, 23)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from clientvault.core.records import DataCategory
from clientvault.core.roles import Role
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.entrustments import EntrustmentService
from clientvault.services.recipient_agreements import RecipientAgreementService
from clientvault.ui.context import UiContext
from clientvault.ui.i18n import Translators
from clientvault.ui.operations import Operations
from clientvault.ui.pages.agreements import AgreementsPage
from clientvault.ui.pages.client_detail import ClientDetailPage
from tests.fixtures.planted import Planted

TODAY = date.today()
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _payroll_agreement(partner: Vault, planted: Planted) -> None:
    """A payroll entrustment agreement with the planted client, signed 2026-01-05."""
    EntrustmentService(partner).record(
        planted.client_id, scope="工资", purposes=["payroll_social_insurance"], categories=["salary"],
        signed_on=date(2026, 1, 5),
    )  # fmt: skip


def _page(qtbot: QtBot, vault: Vault) -> AgreementsPage:
    page = AgreementsPage(vault, Operations(), lang="en")
    qtbot.addWidget(page)
    return page


def test_assistant_records_an_entrustment_and_sees_no_recipient_agreements(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted
) -> None:
    page = _page(qtbot, logins[Role.ASSISTANT])
    assert not page.new_recipient.isVisibleTo(page) and not page.recipient_view.isVisibleTo(page)
    assert not page.end_button.isVisibleTo(page)
    dialog = page.record_entrustment()
    dialog.party.setCurrentIndex(dialog.party.findData(planted.client_id))
    dialog.submit()  # no scope, purposes or categories: refused in the dialog
    assert dialog.created is None and "Scope of the entrusted processing is required" in dialog.error.text()
    dialog.scope.setPlainText("全体员工工资核算及社保公积金代缴")
    dialog.tick(["marketing"], ["salary"])
    dialog.submit()
    assert "do not process all of these categories" in dialog.error.text()
    dialog.purpose_boxes["marketing"].setChecked(False)
    dialog.tick(["payroll_social_insurance"], ["income_tax"])
    dialog.submit()
    assert dialog.created is not None and page.client_model.rowCount() == 1
    assert page.client_model.index(0, 4).data() == "Salary, Individual income tax"


def test_privacy_officer_records_with_a_recipient_ends_and_confirms(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted
) -> None:
    page = _page(qtbot, logins[Role.PRIVACY_OFFICER])
    dialog = page.record_recipient_agreement()
    dialog.scope.setPlainText("代发工资")
    dialog.duties.setPlainText("仅用于代发工资，不得转委托")
    dialog.tick(["payroll_social_insurance"], ["bank", "salary"])
    dialog.submit()  # no recipient chosen
    assert dialog.created is None and dialog.error.text() == "Choose the recipient from the recipients list."
    dialog.party.setCurrentIndex(dialog.party.findData(5))
    dialog.submit()
    assert dialog.created is not None and page.recipient_model.rowCount() == 1
    page.recipient_view.selectRow(0)
    assert page.end_button.isEnabled() and not page.confirm_button.isEnabled()
    assert page.end_selected(ask=False)
    page.recipient_view.selectRow(0)
    assert page.confirm_button.isEnabled()
    assert not page.confirm_selected("") and "is required" in page.status.text()
    assert page.confirm_selected("对方出具删除证明")
    assert page.recipient_model.index(0, 7).data() == "Ended: return or deletion confirmed"


def test_client_page_shows_the_agreements_and_records_one(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted
) -> None:
    _payroll_agreement(logins[Role.PARTNER], planted)
    vault = logins[Role.ACCOUNTANT]
    page = ClientDetailPage(ClientService(vault), planted.client_id, None, lang="en")
    qtbot.addWidget(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "En&trusted processing (1)" in titles
    section = page.tabs.widget(titles.index("En&trusted processing (1)"))
    dialog = section.record()  # type: ignore[attr-defined]
    assert dialog.purpose_boxes["payroll_social_insurance"].isChecked()
    assert dialog.category_boxes[DataCategory.HOUSING_FUND].isChecked()
    dialog.scope.setPlainText("2027年度续签")
    dialog.submit()
    assert dialog.created is not None
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "En&trusted processing (2)" in titles


def test_each_role_sees_its_share_and_accountants_only_read_recipient_agreements(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted
) -> None:
    _payroll_agreement(logins[Role.PARTNER], planted)
    RecipientAgreementService(logins[Role.PARTNER]).record(
        1, kind="provision", scope="纳税申报", purposes=["tax_filing"], categories=["identity"],
        security_duties="依法使用", signed_on=date(2026, 1, 5),
    )  # fmt: skip
    assert _page(qtbot, logins[Role.PARTNER]).client_model.rowCount() == 1
    accountant = _page(qtbot, logins[Role.ACCOUNTANT])  # the planted client is theirs
    assert accountant.client_model.rowCount() == 1 and accountant.recipient_model.rowCount() == 1
    assert accountant.recipient_view.isVisibleTo(accountant) and not accountant.new_recipient.isVisibleTo(accountant)
    assert not accountant.end_button.isVisibleTo(accountant) and accountant.new_entrustment.isVisibleTo(accountant)
    assert _page(qtbot, logins[Role.ASSISTANT]).client_model.rowCount() == 0  # recorded by someone else


def test_agreements_screenshot(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted, zh_cn: Translators, tmp_path: Path, ui_ctx: UiContext
) -> None:
    partner = logins[Role.PARTNER]
    EntrustmentService(partner).record(
        planted.client_id, scope="全体员工工资核算、个税代扣代缴、社保及公积金增减员",
        purposes=["payroll_social_insurance"], categories=["identity", "id_document", "salary", "income_tax",
        "social_insurance", "housing_fund"], signed_on=date(2026, 1, 5), ends_on=date(2026, 12, 31),
        end_handling="return_and_delete",
    )  # fmt: skip
    RecipientAgreementService(partner).record(
        5, kind="provision", scope="代发工资", purposes=["payroll_social_insurance"], categories=["bank", "salary"],
        security_duties="仅用于代发工资，不得转委托", signed_on=date(2026, 1, 10),
    )  # fmt: skip
    page = AgreementsPage(partner, Operations(), lang="zh")
    qtbot.addWidget(page)
    page.resize(1000, 560)
    page.show()
    image = page.grab()
    assert not image.isNull() and page.client_model.rowCount() == 1 and page.recipient_model.rowCount() == 1
    assert page.client_model.index(0, 6).data() == "有效"
    folder = SCREENSHOTS if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1" else tmp_path
    assert image.save(str(folder / "agreements_zh.png"))


def test_client_page_entrustment_tab_screenshot(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted, zh_cn: Translators, tmp_path: Path, ui_ctx: UiContext
) -> None:
    EntrustmentService(logins[Role.PARTNER]).record(
        planted.client_id, scope="全体员工工资核算、个税代扣代缴、社保及公积金增减员",
        purposes=["payroll_social_insurance"], categories=["identity", "id_document", "bank", "salary", "income_tax",
        "social_insurance", "housing_fund"], signed_on=date(2026, 1, 5), ends_on=date(2026, 12, 31),
    )  # fmt: skip
    page = ClientDetailPage(ClientService(logins[Role.ACCOUNTANT]), planted.client_id, None, lang="zh")
    qtbot.addWidget(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "委托处理(&T)（1）" in titles
    page.tabs.setCurrentIndex(titles.index("委托处理(&T)（1）"))
    page.resize(1000, 460)
    page.show()
    image = page.grab()
    assert not image.isNull()
    folder = SCREENSHOTS if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1" else tmp_path
    assert image.save(str(folder / "client_entrustment_zh.png"))


def test_recipients_section_names_the_agreements_and_assessments(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted
) -> None:
    from clientvault.services.impact_assessments import ImpactAssessmentService
    from clientvault.ui.pages.purposes import PurposesPage

    partner = logins[Role.PARTNER]
    page = PurposesPage(partner, Operations(), lang="en")
    qtbot.addWidget(page)
    section = page.recipients
    ids = [r.id for r in section.rows]
    section.table.selectRow(ids.index(5))
    assert "No agreement with this recipient recorded" in section.links.text()
    assert "No impact assessment covers this recipient yet." in section.links.text()
    ra = RecipientAgreementService(partner).record(
        5, kind="provision", scope="代发工资", purposes=["payroll_social_insurance"], categories=["salary"],
        security_duties="不得转委托", signed_on=date(2026, 1, 5),
    )  # fmt: skip
    pia = ImpactAssessmentService(partner).record(
        title="t", trigger="third_party", purpose_necessity="n", risks="r", measures="m", conclusion="acceptable",
        recipients=[5],
    )  # fmt: skip
    section.table.selectRow(ids.index(1))
    section.table.selectRow(ids.index(5))
    assert section.links.text() == f"Agreements: {ra.number}\nImpact assessments: {pia.number}"
