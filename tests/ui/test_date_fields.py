"""Date fields show the one UI date format (2026-12-04) whatever the locale (zh_CN shows 2026/12/4
by default): the subject request dialog and the dashboard's report period."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QDateEdit, QDialog
from pytestqt.qtbot import QtBot

from clientvault.services.context import Vault
from clientvault.services.subject_requests import SubjectRequestService
from clientvault.ui.dialogs.subject_request import SubjectRequestDialog
from clientvault.ui.i18n import Translators, format_date
from clientvault.ui.operations import Operations
from clientvault.ui.pages.dashboard import DashboardPage


def _shown(edit: QDateEdit) -> str:
    return edit.text()


def test_the_subject_request_date_is_iso(qtbot: QtBot, new_vault: Vault, zh_cn: Translators) -> None:
    dialog = SubjectRequestDialog(new_vault, SubjectRequestService(new_vault).record)
    qtbot.addWidget(dialog)
    today = QDate.currentDate()
    assert _shown(dialog.received) == format_date(today.toString("yyyy-MM-dd"))


def test_the_report_period_is_iso(qtbot: QtBot, qapp: QApplication, new_vault: Vault, zh_cn: Translators) -> None:
    page = DashboardPage(new_vault, Operations())
    qtbot.addWidget(page)
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        seen.extend(_shown(e) for e in dialog.findChildren(QDateEdit))
        dialog.reject()

    QTimer.singleShot(0, look)
    page.ask_report()
    year = page.today().year
    assert seen[0] == f"{year}-01-01" and seen[1] == page.today().isoformat()
