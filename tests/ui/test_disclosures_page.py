"""The sharing log page per role: a refused disclosure shows its reason in the dialog; a lawful one is logged."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from clientvault.core.errors import AccessDenied
from clientvault.core.records import DataCategory
from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.ui.operations import Operations
from clientvault.ui.pages.disclosures import DisclosuresPage
from tests.fixtures.planted import PERSON, Planted


def test_accountant_logs_and_a_refusal_says_why(qtbot: QtBot, logins: dict[Role, Vault], planted: Planted) -> None:
    page = DisclosuresPage(logins[Role.ACCOUNTANT], Operations())
    qtbot.addWidget(page)
    dialog = page.new_disclosure()
    dialog.person.setCurrentIndex(dialog.person.findText(PERSON))
    dialog.recipient.setText("某银行")
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("bank_services"))
    dialog.boxes[DataCategory.IDENTITY].setChecked(True)
    dialog.submit()
    assert dialog.created is None and "no consent in force" in dialog.error.text()
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("tax_filing"))
    dialog.submit()
    assert dialog.created is not None and page.model.rowCount() == 1
    assert page.model.index(0, 4).data() == "Legal obligation"  # words, not the stored code
    other = DisclosuresPage(logins[Role.PRIVACY_OFFICER], Operations())
    qtbot.addWidget(other)
    assert other.model.rowCount() == 1


def test_assistant_has_no_sharing_log(qtbot: QtBot, logins: dict[Role, Vault]) -> None:
    with pytest.raises(AccessDenied):
        DisclosuresPage(logins[Role.ASSISTANT], Operations())


def test_recipient_from_the_list_and_employee_data_need_their_basis(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted
) -> None:
    page = DisclosuresPage(logins[Role.PRIVACY_OFFICER], Operations(), lang="en")
    qtbot.addWidget(page)
    dialog = page.new_disclosure()
    dialog.client.setCurrentIndex(dialog.client.findData(planted.client_id))
    dialog.listed.setCurrentIndex(dialog.listed.findData(5))  # the paying bank: not named by tax filing
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("tax_filing"))
    dialog.boxes[DataCategory.IDENTITY].setChecked(True)
    dialog.submit()
    assert dialog.created is None and "does not name this recipient" in dialog.error.text()
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("payroll_social_insurance"))
    dialog.boxes[DataCategory.SALARY].setChecked(True)
    dialog.submit()  # employees' salaries without an entrustment agreement (PIPL Art 21)
    assert dialog.created is None and "entrustment agreement" in dialog.error.text()
    dialog.listed.setCurrentIndex(dialog.listed.findData(1))  # the tax authority
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("tax_filing"))
    dialog.boxes[DataCategory.SALARY].setChecked(False)
    dialog.submit()
    assert dialog.created is not None and dialog.created.recipient_id == 1
    assert page.model.index(0, 2).data() == "主管税务机关"
    assert [page.model.index(0, c).data() for c in (3, 4, 5)] == ["Tax filing", "Legal obligation", "Identity"]
