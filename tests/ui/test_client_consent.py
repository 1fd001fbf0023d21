"""The consent tab and "why is this collected" on the client page, per role, over a real vault."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput, ClientStatus, PersonInput, PersonRole, SensitiveInput, SensitiveKind
from clientvault.core.roles import Role
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentScope, ConsentStatus
from clientvault.services.context import Vault
from clientvault.services.exports import ExportService
from clientvault.services.vault import VaultService
from clientvault.ui.i18n import Translators
from clientvault.ui.pages.client_detail import ClientDetailPage
from clientvault.ui.widgets.consent_tab import FormPreviewDialog
from tests.ui.conftest import USERS

BANK = "6222 0202 0011 2233 445"
SCAN = b"%PDF-1.4\n% signed form\n"


@pytest.fixture
def active_client(staffed_vault: Vault) -> int:
    """An active client with a legal representative and a bank account, assigned to the accountant."""
    clients = ClientService(staffed_vault)
    cid = clients.create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
    assert clients.get(cid).status is ClientStatus.ACTIVE  # an engagement start makes it active
    clients.add_person(cid, PersonInput(PersonRole.LEGAL_REP, "张三"))
    clients.add_sensitive(cid, SensitiveInput(SensitiveKind.BANK_ACCOUNT, BANK, "基本户"))
    acc = staffed_vault.db.scalar("SELECT id FROM users WHERE username = ?", (USERS[Role.ACCOUNTANT][0],))
    clients.assign(cid, [acc])
    return cid


@pytest.fixture
def login(staffed_vault: Vault, fast_vaults: VaultService) -> Iterator[object]:
    """Log a non-partner role in on the staffed vault (locked again at teardown)."""
    opened: list[Vault] = []

    def _login(role: Role) -> Vault:
        name, password = USERS[role]
        vault = fast_vaults.unlock(staffed_vault.paths.folder, name, password)
        opened.append(vault)
        return vault

    yield _login
    for v in opened:
        v.lock()


def _page(qtbot: QtBot, vault: Vault, client_id: int, lang: str = "en") -> ClientDetailPage:
    page = ClientDetailPage(ClientService(vault), client_id, None, lang=lang)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    return page


def _tabs(page: ClientDetailPage) -> list[str]:
    return [page.tabs.tabText(i) for i in range(page.tabs.count())]


def _reveal_codes(page: ClientDetailPage) -> list[str]:
    assert page.detail is not None
    item = next(i for i in page.detail.sensitive if i.kind is SensitiveKind.BANK_ACCOUNT)
    dialog = page.reveal_item(item.id)
    codes = [dialog.purpose.itemData(i) for i in range(dialog.purpose.count())]
    dialog.reject()
    return codes


@pytest.mark.parametrize("role", [Role.PARTNER, Role.ACCOUNTANT, Role.ASSISTANT, Role.PRIVACY_OFFICER])
def test_every_role_gets_the_consent_tab_on_a_visible_client(
    qtbot: QtBot, staffed_vault: Vault, active_client: int, login: object, role: Role
) -> None:
    vault = staffed_vault if role is Role.PARTNER else login(role)  # type: ignore[operator]
    page = _page(qtbot, vault, active_client)
    assert "&Consent" in _tabs(page) and page.consent_tab is not None
    assert page.consent_tab.print_button.isEnabled() and page.consent_tab.return_button.isEnabled()


def test_returned_form_grants_the_purpose_on_the_page_and_withdrawal_removes_it(
    qtbot: QtBot, staffed_vault: Vault, active_client: int, tmp_path: Path
) -> None:
    page = _page(qtbot, staffed_vault, active_client)
    codes = _reveal_codes(page)
    assert "bookkeeping" in codes and "bank_services" not in codes  # consent-based: no consent yet
    assert "Bank account services" not in page.sensitive_reasons[SensitiveKind.BANK_ACCOUNT].text()

    # Print consent form…: preview, then Save as PDF… writes the file and registers it.
    preview = page.print_consent_form()
    assert isinstance(preview, FormPreviewDialog) and preview.document.pageCount() >= 1
    assert page.tabs.currentWidget() is page.consent_tab
    saved = tmp_path / "form.pdf"
    preview.save_form(str(saved))
    assert saved.read_bytes() == preview.form.pdf
    assert ExportService(staffed_vault).register()[0].file_name == "form.pdf"
    preview.close()

    # Return signed form…: the client ticked bank services and its separate sensitive-data box.
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(SCAN)
    dialog = page.return_signed_form()
    assert dialog is not None
    dialog.number.setText(preview.form.form_no)
    dialog.lookup()
    dialog.findChild(QCheckBox, "tick_bank_services_purpose").setChecked(True)
    dialog.findChild(QCheckBox, "tick_bank_services_sensitive").setChecked(True)
    dialog.choose_scan(str(scan))
    dialog.record()
    assert dialog.result() == dialog.DialogCode.Accepted

    # The page refreshed at once: the purpose is a reason for the bank account and a reveal option.
    assert "Bank account services" in page.sensitive_reasons[SensitiveKind.BANK_ACCOUNT].text()
    assert "bank_services" in _reveal_codes(page)

    # Withdrawal in the tab: one action, and the purpose is gone from the reveal dialog.
    tab = page.consent_tab
    assert tab is not None
    row = next(
        r
        for r, c in enumerate(tab.model.rows)
        if c.purpose_code == "bank_services" and c.scope is ConsentScope.PURPOSE and c.status is ConsentStatus.GRANTED
    )
    tab.view.selectRow(row)
    tab.withdraw_selected(confirm=False)
    assert "withdrawn" in tab.status.text()
    assert "bank_services" not in _reveal_codes(page)
    assert "Bank account services" not in page.sensitive_reasons[SensitiveKind.BANK_ACCOUNT].text()


def test_each_field_shows_its_purposes_or_that_none_needs_it(
    qtbot: QtBot, staffed_vault: Vault, active_client: int
) -> None:
    page = _page(qtbot, staffed_vault, active_client)
    bank = page.sensitive_reasons[SensitiveKind.BANK_ACCOUNT]
    assert bank.text().startswith("Collected for: ") and "Bookkeeping" in bank.text()
    assert "Bookkeeping" in page.basic_reasons["uscc"].text()
    assert "Bookkeeping" in page.person_reasons["id_number"].text()
    assert page.basic.form.labelForField(page.basic.cells["uscc"]).toolTip() == page.basic_reasons["uscc"].text()

    # A prospect: no purpose in force yet, so ID numbers and bank data are not collected.
    clients = ClientService(staffed_vault)
    prospect = clients.create(ClientInput(name="宁波潜在客户有限公司"))
    page = _page(qtbot, staffed_vault, prospect)
    assert page.person_reasons["id_number"].text() == "No current purpose needs this"
    assert page.sensitive_reasons[SensitiveKind.BANK_ACCOUNT].text() == "No current purpose needs this"
    assert page.basic_reasons["uscc"].text() == "Needed to identify and contact the client"
    assert page.add_item() is None and "Bank account" in page.sensitive.minimised_note.text()


def test_reasons_in_chinese(qtbot: QtBot, staffed_vault: Vault, active_client: int, zh_cn: Translators) -> None:
    page = _page(qtbot, staffed_vault, active_client, lang="zh")
    assert page.basic_reasons["uscc"].text().startswith("收集目的：代理记账、")
    prospect = ClientService(staffed_vault).create(ClientInput(name="宁波潜在客户有限公司"))
    page = _page(qtbot, staffed_vault, prospect, lang="zh")
    assert page.person_reasons["id_number"].text() == "当前没有处理目的需要此项"


def test_assistant_sees_the_consent_tab_but_no_sensitive_data(
    qtbot: QtBot, staffed_vault: Vault, active_client: int, login: object
) -> None:
    page = _page(qtbot, login(Role.ASSISTANT), active_client)  # type: ignore[operator]
    assert page.detail is not None and page.detail.sensitive == ()
    assert _tabs(page) == ["&Basic data", "&People (1)", "&Consent", "En&trusted processing (0)"]
    assert not page.shows_sensitive and page.masked_values == {}
    assert "id_number" not in page.person_model.columns  # type: ignore[union-attr]
    texts = " ".join(w.text() for w in page.findChildren(QLabel))
    assert BANK.replace(" ", "")[-4:] not in texts
    # The assistant still prints forms for intake (nothing sensitive is on them).
    preview = page.print_consent_form()
    assert isinstance(preview, FormPreviewDialog)
    preview.close()
