"""Opening a form's preview issues nothing; printing or saving it does (once)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from clientvault.core.errors import InvalidState
from clientvault.core.records import ClientInput
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentService, ConsentStatus
from clientvault.services.context import Vault
from clientvault.services.purposes import PurposeInput, PurposeService
from clientvault.storage.audit import AuditFilter
from clientvault.ui.dialogs.return_form import consent_error
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.consent_tab import ConsentTab


@pytest.fixture
def client_id(new_vault: Vault) -> int:
    return ClientService(new_vault).create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))


def _issued(vault: Vault) -> list[str]:
    return [e.object for e in vault.audit.page(AuditFilter(), limit=200) if e.action == "consent.form_issue"]


def test_a_preview_closed_unused_leaves_no_form(qapp: QApplication, new_vault: Vault, client_id: int) -> None:
    tab = ConsentTab(new_vault, Operations(), client_id, lang="zh")
    preview = tab.print_form()
    assert preview is not None and preview.form.pending and preview.document.pageCount() >= 1
    preview.close()
    service = ConsentService(new_vault)
    assert service.forms(client_id) == [] and _issued(new_vault) == []
    assert all(c.status is not ConsentStatus.PENDING for c in service.consents(client_id))
    assert tab.model.rowCount() == 0


def test_saving_issues_the_form_once(qapp: QApplication, new_vault: Vault, client_id: int, tmp_path: Path) -> None:
    tab = ConsentTab(new_vault, Operations(), client_id, lang="zh")
    preview = tab.print_form()
    assert preview is not None
    number = preview.form.form_no
    preview.save_form(str(tmp_path / "a.pdf"))
    preview.save_form(str(tmp_path / "b.pdf"))  # a second copy is the same form
    assert preview.notice.text().endswith("b.pdf.") or "b.pdf" in preview.notice.text()
    assert [f.form_no for f in ConsentService(new_vault).forms(client_id)] == [number]
    assert _issued(new_vault) == [f"client:{client_id}/form:{number}"]
    assert {c.status for c in tab.model.rows} == {ConsentStatus.PENDING}  # the tab shows the issued form


def test_printing_issues_the_form(qapp: QApplication, new_vault: Vault, client_id: int) -> None:
    tab = ConsentTab(new_vault, Operations(), client_id, lang="zh")
    preview = tab.print_form()
    assert preview is not None
    preview._printed_now()  # what the dialog calls once the printer took the document
    assert [f.form_no for f in ConsentService(new_vault).forms(client_id)] == [preview.form.form_no]
    actions = [e.action for e in new_vault.audit.page(AuditFilter(), limit=50)]
    assert "consent.form_issue" in actions and "consent.form_print" in actions


def test_a_preview_outdated_by_a_purpose_change_is_not_issued(new_vault: Vault, client_id: int) -> None:
    service = ConsentService(new_vault)
    form = service.preview_form(client_id)
    purposes = PurposeService(new_vault)
    current = purposes.get("marketing")
    changed = replace(PurposeInput.from_purpose(current), description_zh="新的说明：每月一次电子邮件。")
    purposes.save("marketing", changed, expected_version=current.version)
    with pytest.raises(InvalidState) as refused:
        service.issue_previewed(form)
    assert refused.value.code == "form_outdated" and "preview" in consent_error(refused.value)
    assert service.forms(client_id) == []
