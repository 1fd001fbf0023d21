"""Each role's home page over a real vault."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientStatus
from clientvault.core.roles import Role
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.services.seed import populate_synthetic
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.ui.operations import Operations
from clientvault.ui.pages.home import (
    AccountantHomePage,
    AssistantHomePage,
    HomePage,
    OverviewHomePage,
    home_page,
)
from tests.conftest import PARTNER, PARTNER_PASSWORD
from tests.ui.conftest import USERS


@pytest.fixture
def firm(staffed_vault: Vault, fast_vaults: VaultService) -> Vault:
    """Staffed vault, a second accountant, 200 synthetic clients."""
    UserService(staffed_vault, fast_vaults).add("acc2", "acc2 name", Role.ACCOUNTANT, "accountant-pass-2")
    populate_synthetic(staffed_vault, 200, 11)
    return staffed_vault


def _home(qtbot: QtBot, fast_vaults: VaultService, vault_dir: Path, role: Role) -> HomePage:
    name, password = (PARTNER, PARTNER_PASSWORD) if role is Role.PARTNER else USERS[role]
    vault = fast_vaults.unlock(vault_dir, name, password)
    ops = Operations()
    page = home_page(vault, ops)
    page._test_ops = ops  # type: ignore[attr-defined]
    qtbot.addWidget(page)
    page.show()
    return page


def _links(page: HomePage) -> set[str]:
    return {b.objectName() for b in page.findChildren(QPushButton) if b.objectName().startswith("go_")}


def test_accountant_home_lists_only_my_clients(
    qtbot: QtBot, firm: Vault, fast_vaults: VaultService, vault_dir: Path
) -> None:
    page = _home(qtbot, fast_vaults, vault_dir, Role.ACCOUNTANT)
    assert isinstance(page, AccountantHomePage)
    mine = ClientService(firm).count(ClientFilter(accountant_id=page.vault.session.user_id))
    assert 0 < mine < 200
    assert page.count_labels["total"].text() == str(mine)
    assert page.model is not None and page.model.total == mine
    assert page.heading.text() == "My clients"
    with qtbot.waitSignal(page.sig_open_client) as opened:
        page.view.doubleClicked.emit(page.model.index(0, 0))  # type: ignore[union-attr]
    assert opened.args == [page.model.client(0).id]
    assert _links(page) == {"go_clients"}
    page.vault.lock()


def test_assistant_home_creates_a_prospect_with_intake_fields_only(
    qtbot: QtBot, firm: Vault, fast_vaults: VaultService, vault_dir: Path
) -> None:
    page = _home(qtbot, fast_vaults, vault_dir, Role.ASSISTANT)
    assert isinstance(page, AssistantHomePage)
    before = int(page.count_labels[ClientStatus.PROSPECT.value].text())
    dialog = page.new_prospect()
    assert set(dialog.form.fields) == {"kind", "name", "uscc", "tax_no", "industry", "phone", "email", "notes"}
    dialog.form.editor("name").setText("杭州新询企业管理有限公司")  # type: ignore[attr-defined]
    dialog.form.editor("phone").setText("0571-8888")  # type: ignore[attr-defined]
    dialog.contact_name.setText("王小姐")
    dialog.contact_phone.setText("1391234abcd")
    assert not dialog.save()
    assert dialog.form.errors["phone"].isVisibleTo(dialog)
    assert dialog.contact_error.isVisibleTo(dialog) or dialog.form.errors["phone"].text()
    dialog.form.editor("phone").setText("0571-88886666")  # type: ignore[attr-defined]
    dialog.contact_phone.setText("13912345678")
    with qtbot.waitSignal(page.sig_prospect_created) as created:
        assert dialog.save()
    cid = created.args[0]
    partner = ClientService(firm)
    detail = partner.get(cid)
    assert detail.status is ClientStatus.PROSPECT and detail.name == "杭州新询企业管理有限公司"
    assert [p.name for p in detail.persons] == ["王小姐"]
    assert int(page.count_labels[ClientStatus.PROSPECT.value].text()) == before + 1
    assert page.model is not None and page.model.client(0).id == cid  # newest first
    assert "****" in page.model.client(0).phone  # the assistant sees it masked even in her own list
    assert ClientStatus.ENDED.value not in page.count_labels
    page.vault.lock()


@pytest.mark.parametrize("role", [Role.PARTNER, Role.PRIVACY_OFFICER])
def test_overview_counts_and_workload(
    qtbot: QtBot, firm: Vault, fast_vaults: VaultService, vault_dir: Path, role: Role
) -> None:
    page = _home(qtbot, fast_vaults, vault_dir, role)
    assert isinstance(page, OverviewHomePage)
    counts = ClientService(firm).status_counts()
    assert page.count_labels["total"].text() == str(sum(counts.values()))
    assert page.count_labels["active"].text() == str(counts[ClientStatus.ACTIVE])
    qtbot.waitUntil(lambda: page.workload_operation is not None and page.workload_operation.done, timeout=5000)
    service = ClientService(firm)
    shown = page.workload_counts()
    assert shown == {a.id: str(service.count(ClientFilter(accountant_id=a.id))) for a in service.accountants()}
    assert len(shown) == 2
    expected = {"go_clients", "go_audit"} | ({"go_staff"} if role is Role.PARTNER else set())
    assert _links(page) == expected
    with qtbot.waitSignal(page.sig_show_page) as shown:
        page.findChild(QPushButton, "go_audit").click()  # type: ignore[union-attr]
    assert shown.args == ["audit"]
    page.vault.lock()
