"""The audit log, filtered, to Excel for the privacy officer (and the partner); nobody else."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from clientvault.core.errors import AccessDenied
from clientvault.core.roles import Role
from clientvault.services.audit_export import AuditExportService
from clientvault.services.complaints import ComplaintCategory, ComplaintService
from clientvault.services.context import Vault
from clientvault.ui.operations import Operations
from clientvault.ui.pages.audit import AuditPage


def test_privacy_officer_exports_the_filtered_log(qtbot: QtBot, logins: dict[Role, Vault], tmp_path: Path) -> None:
    ComplaintService(logins[Role.ASSISTANT]).record(ComplaintCategory.OTHER, "投诉")
    page = AuditPage(logins[Role.PRIVACY_OFFICER], Operations())
    qtbot.addWidget(page)
    page.action_filter.addItem("complaints", "complaint.")
    page.action_filter.setCurrentIndex(page.action_filter.count() - 1)
    out = tmp_path / "audit.xlsx"
    assert page.export_excel(out)
    assert "1 events" in page.excel_status.text()
    sheet = openpyxl.load_workbook(out).active
    data = [r for r in sheet.iter_rows(values_only=True) if r and r[3] == "complaint.record"]
    assert len(data) == 1 and data[0][2] == "asst" and len(str(data[0][8])) == 64
    assert not page.export_excel(tmp_path / "no" / "such" / "folder.xlsx")
    assert page.excel_status.text() == "The file could not be written."
    with pytest.raises(AccessDenied):
        AuditExportService(logins[Role.ACCOUNTANT]).render()
