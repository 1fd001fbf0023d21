"""Consent tab, return dialog, purposes page and consent overview, driven offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox

from clientvault.core.records import ClientInput, PersonInput, PersonRole
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentService, ConsentStatus
from clientvault.services.context import Vault
from clientvault.services.exports import ExportService
from clientvault.services.purposes import PurposeService
from clientvault.ui.dialogs.return_form import ReturnFormDialog
from clientvault.ui.operations import Operations
from clientvault.ui.pages.consent_overview import ConsentOverviewPage
from clientvault.ui.pages.purposes import PurposesPage
from clientvault.ui.widgets.consent_tab import ConsentTab, FormPreviewDialog

SCAN = b"%PDF-1.4\n% signed\n"


@pytest.fixture
def client_id(new_vault: Vault) -> int:
    clients = ClientService(new_vault)
    cid = clients.create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
    clients.add_person(cid, PersonInput(PersonRole.LEGAL_REP, "张三"))
    return cid


def test_print_return_and_withdraw_through_the_tab(
    qapp: QApplication, new_vault: Vault, client_id: int, tmp_path: Path
) -> None:
    tab = ConsentTab(new_vault, Operations(), client_id, lang="en")
    preview = tab.print_form()
    assert isinstance(preview, FormPreviewDialog) and preview.document.pageCount() >= 2
    saved = tmp_path / "form.pdf"
    preview.save_form(str(saved))
    assert saved.read_bytes() == preview.form.pdf
    assert ExportService(new_vault).register()[0].file_name == "form.pdf"
    preview.close()
    assert tab.model.rowCount() > 0 and {c.status for c in tab.model.rows} == {ConsentStatus.PENDING}

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(SCAN)
    dialog = tab.return_form()
    assert isinstance(dialog, ReturnFormDialog)
    dialog.number.setText(preview.form.form_no.lower())
    dialog.lookup()
    assert dialog.ok.isEnabled() and dialog.message.text() == ""
    dialog.findChild(QCheckBox, "tick_marketing_purpose").setChecked(True)
    dialog.choose_scan(str(scan))
    dialog.record()
    assert dialog.result() == dialog.DialogCode.Accepted
    granted = [c for c in tab.model.rows if c.status is ConsentStatus.GRANTED]
    assert [c.purpose_code for c in granted] == ["marketing"] and granted[0].evidence_id

    row = tab.model.rows.index(granted[0])
    tab.view.selectRow(row)
    assert tab.scan_button.isEnabled() and tab.view_scan() is not None
    tab.withdraw_selected(confirm=False)
    assert "withdrawn" in tab.status.text()
    reasons = {tab.reasons.item(r, 0).text(): tab.reasons.item(r, 1).text() for r in range(tab.reasons.rowCount())}
    assert "Bookkeeping" in reasons["Bank account"]


def test_return_dialog_explains_bad_numbers_and_scans(
    qapp: QApplication, new_vault: Vault, client_id: int, tmp_path: Path
) -> None:
    service = ConsentService(new_vault)
    dialog = ReturnFormDialog(service, client_id, "en")
    dialog.number.setText("CF-AAAA-AAAB")
    dialog.lookup()
    assert "typo" in dialog.message.text() and not dialog.ok.isEnabled()
    other = ClientService(new_vault).create(ClientInput(name="别的客户"))
    form = service.issue_form(other)
    dialog.number.setText(form.form_no)
    dialog.lookup()
    assert "another client" in dialog.message.text()
    bad = tmp_path / "scan.exe"
    bad.write_bytes(b"MZ\x90\x00")
    dialog.choose_scan(str(bad))
    assert "PDF, PNG, JPEG or TIFF" in dialog.message.text() and dialog.scan is None


def test_purposes_page_edit_creates_a_version(qapp: QApplication, new_vault: Vault) -> None:
    page = PurposesPage(new_vault, Operations(), lang="en")
    codes = [p.code for p in page.purposes]
    page.table.selectRow(codes.index("marketing"))
    assert page.edit_button.isEnabled() and "v1" in page.history.text()
    dialog = page.edit(page.selected())
    dialog.retention.setValue(2)
    dialog.save()
    assert PurposeService(new_vault).get("marketing").version == 2
    assert page.purposes[codes.index("marketing")].version == 2


def test_overview_buckets_and_batch_print(
    qapp: QApplication, qtbot: object, new_vault: Vault, client_id: int, tmp_path: Path
) -> None:
    ClientService(new_vault).create(ClientInput(name="宁波潜在客户"))
    page = ConsentOverviewPage(new_vault, Operations(), lang="zh")
    assert page.bucket_buttons["missing"].text().endswith("2") and page.model.rowCount() == 2
    page.view.selectAll()
    page.print_selected()
    qtbot.waitUntil(lambda: page.batch is not None and page.batch.done, timeout=20000)  # type: ignore[attr-defined]
    preview = page.findChild(FormPreviewDialog, "batch_preview")
    assert preview is not None and page.bucket_buttons["pending"].text().endswith("0")  # a preview issues nothing
    preview.save_form(str(tmp_path / "batch.pdf"))  # saving issues the batch
    assert page.bucket_buttons["pending"].text().endswith("2") and "2" in page.message.text()
    assert page.model.rowCount() == 0  # nobody is missing a form any more
