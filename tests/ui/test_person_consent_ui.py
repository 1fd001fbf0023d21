"""The client page shows consent per person (PIPL Art 14) and prints one form per signer."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput, PersonInput, PersonRole
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentScope, ConsentService, TickItem
from clientvault.services.context import Vault
from clientvault.ui.pages.client_detail import ClientDetailPage
from clientvault.ui.widgets.consent_tab import FormPreviewDialog
from tests.unit.documents.pdfcheck import pdf_text, squash


def _cells(table: object) -> dict[str, dict[str, str]]:
    t = table  # PersonConsentTable
    headers = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]  # type: ignore[attr-defined]
    return {
        t.item(r, 0).text(): {headers[c]: t.item(r, c).text() for c in range(t.columnCount())}  # type: ignore[attr-defined]
        for r in range(t.rowCount())  # type: ignore[attr-defined]
    }


def test_client_page_shows_each_persons_consent_and_prints_per_signer(
    qtbot: QtBot, new_vault: Vault, ui_ctx: object
) -> None:
    clients = ClientService(new_vault)
    cid = clients.create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
    rep = clients.add_person(cid, PersonInput(PersonRole.LEGAL_REP, "张三丰"))
    clients.add_person(cid, PersonInput(PersonRole.CONTACT, "李四光"))
    consent = ConsentService(new_vault)
    form = consent.issue_form(cid, person_id=rep)
    consent.return_form(form.form_no, cid, [TickItem("bank_services", ConsentScope.PURPOSE)])
    client_level = consent.issue_form(cid)  # a form for the client itself, still out
    assert client_level.form_no

    page = ClientDetailPage(clients, cid, None, lang="en")
    qtbot.addWidget(page)
    tab = page.consent_tab
    assert tab is not None
    cells = _cells(tab.persons)
    rep_row, contact_row = "张三丰 (Legal representative)", "李四光 (Contact)"
    client_row = "The client (no named person)"
    assert set(cells) == {rep_row, contact_row, client_row}
    assert cells[rep_row]["Bank account services"] == "Granted"
    assert cells[rep_row]["Newsletters and service news"] == "Refused"
    assert cells[contact_row]["Bank account services"] == "Not asked"
    assert cells[client_row]["Bank account services"] == "Pending"
    assert cells[rep_row]["Form needed"] == "No" and cells[contact_row]["Form needed"] == "Yes"
    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":  # regenerate docs/screenshots on request only
        page.resize(1100, 760)
        page.tabs.setCurrentWidget(tab)
        page.grab().save(str(Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "consent_by_person.png"))
    # The consent list names whose consent each row is.
    people = {tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())}
    assert people == {rep_row, client_row}

    # Nothing selected: a form for each person who still owes an answer (the contact only).
    preview = tab.print_form()
    assert isinstance(preview, FormPreviewDialog)
    text = squash(pdf_text(preview.form.pdf))
    assert "李四光" in text and "张三丰" not in text
    preview.close()
    # A person selected: that person's own form, naming them as the signer.
    tab.persons.selectRow(list(cells).index(rep_row))
    preview = tab.print_form()
    assert isinstance(preview, FormPreviewDialog)
    assert "Signedby张三丰" in squash(pdf_text(preview.form.pdf))
    preview.close()
