"""The complaints page per role: logging through the dialog, resolving, counts per category and month."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from clientvault.core.roles import Role
from clientvault.services.complaints import ComplaintCategory, ComplaintService
from clientvault.services.context import Vault
from clientvault.ui.operations import Operations
from clientvault.ui.pages.complaints import ComplaintsPage
from tests.fixtures.planted import Planted

TODAY = date(2026, 3, 31)


def _page(qtbot: QtBot, vault: Vault) -> ComplaintsPage:
    page = ComplaintsPage(vault, Operations(), today=lambda: TODAY)
    qtbot.addWidget(page)
    return page


def test_assistant_logs_a_complaint_and_cannot_resolve(
    qtbot: QtBot, logins: dict[Role, Vault], planted: Planted
) -> None:
    page = _page(qtbot, logins[Role.ASSISTANT])
    assert not page.resolve_button.isVisibleTo(page)
    dialog = page.new_complaint()
    dialog.submit()  # no summary: refused in the dialog
    assert "Summary" in dialog.error.text() and dialog.created is None
    dialog.category.setCurrentIndex(dialog.category.findData(ComplaintCategory.USE))
    dialog.client.setCurrentIndex(dialog.client.findData(planted.client_id))
    dialog.summary.setPlainText("客户称收到推销短信")
    dialog.submit()
    assert dialog.created is not None and page.model.rowCount() == 1
    assert page.model.index(0, 2).data() == "Use beyond the purpose"


def test_privacy_officer_resolves_and_sees_counts(qtbot: QtBot, logins: dict[Role, Vault], planted: Planted) -> None:
    service = ComplaintService(logins[Role.ASSISTANT], today=lambda: TODAY)
    service.record(ComplaintCategory.USE, "短信", received_on=date(2026, 2, 3))
    service.record(ComplaintCategory.USE, "电话", received_on=date(2026, 3, 3), client_id=planted.client_id)
    page = _page(qtbot, logins[Role.PRIVACY_OFFICER])
    assert page.model.rowCount() == 2 and page.resolve_button.isVisibleTo(page)
    headers = [page.counts.headerData(i, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
               for i in range(page.counts.columnCount())]  # fmt: skip
    assert headers == ["Category", "2026-02", "2026-03", "Total"]
    assert [page.counts.index(0, i).data() for i in range(4)] == ["Use beyond the purpose", "1", "1", "2"]
    page.view.selectRow(0)
    assert not page.resolve("", True) and "Resolution is required" in page.status.text()
    assert page.resolve("已致歉并停止发送", True)
    assert page.model.rowCount() == 1
    page.show_all.setChecked(True)
    assert page.model.rowCount() == 2


def test_accountant_sees_own_clients_complaints(qtbot: QtBot, logins: dict[Role, Vault], planted: Planted) -> None:
    service = ComplaintService(logins[Role.PARTNER], today=lambda: TODAY)
    service.record(ComplaintCategory.SECURITY, "无关")
    service.record(ComplaintCategory.RIGHTS, "超期", client_id=planted.client_id)
    page = _page(qtbot, logins[Role.ACCOUNTANT])
    assert page.model.rowCount() == 1 and page.model.index(0, 2).data() == "Rights not honoured"
    assert not page.resolve_button.isVisibleTo(page)
    partner = _page(qtbot, logins[Role.PARTNER])
    assert partner.model.rowCount() == 2
