"""The client list and client page driven through real widgets, per role, over a real vault."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from clientvault.core.records import ClientInput, ClientStatus, DataCategory, SensitiveKind
from clientvault.core.roles import Role
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.services.seed import populate_synthetic
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.ui.dialogs.conflict import ConflictDialog
from clientvault.ui.dialogs.reveal import RevealDialog
from clientvault.ui.operations import Operations
from clientvault.ui.pages.client_detail import ClientDetailPage
from clientvault.ui.pages.clients import ClientsPage
from clientvault.ui.widgets.clipboard import SecretClipboard
from tests.conftest import PARTNER, PARTNER_PASSWORD
from tests.ui.conftest import USERS

ACC2 = ("acc2", "accountant-pass-2")


@pytest.fixture
def firm(staffed_vault: Vault, fast_vaults: VaultService) -> Vault:
    """The staffed test vault with a second accountant and 300 synthetic clients (split between both)."""
    UserService(staffed_vault, fast_vaults).add(ACC2[0], "acc2 name", Role.ACCOUNTANT, ACC2[1])
    populate_synthetic(staffed_vault, 300, 7)
    return staffed_vault


@pytest.fixture
def login(fast_vaults: VaultService, vault_dir: Path) -> Iterator[object]:
    """Log a role in on the test vault (a second unlocked Vault of the same folder)."""
    opened: list[Vault] = []

    def _login(role: Role) -> Vault:
        name, password = (PARTNER, PARTNER_PASSWORD) if role is Role.PARTNER else USERS[role]
        vault = fast_vaults.unlock(vault_dir, name, password)
        opened.append(vault)
        return vault

    yield _login
    for v in opened:
        v.lock()


def _page(qtbot: QtBot, vault: Vault, **kwargs: object) -> ClientsPage:
    ops = Operations()
    page = ClientsPage(vault, ops, **kwargs)  # type: ignore[arg-type]
    page._test_ops = ops  # type: ignore[attr-defined]  # keep the helper alive with the page
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def _visible_buttons(widget: object, name: str) -> list[QPushButton]:
    return [b for b in widget.findChildren(QPushButton, name) if b.isVisibleTo(widget)]  # type: ignore[attr-defined]


def _client_with(
    service: ClientService, *, kind: SensitiveKind | None = None, status: ClientStatus, uscc: bool = False
) -> int:
    for row in service.page(ClientFilter(status=status), limit=200):
        if uscc and not row.uscc:
            continue
        d = service.get(row.id)
        if kind is None or any(i.kind is kind for i in d.sensitive):
            return row.id
    raise AssertionError("no such client in the synthetic data")


# -- roles ----------------------------------------------------------------------------------------


def test_accountant_sees_only_assigned_clients(qtbot: QtBot, firm: Vault, login: object) -> None:
    vault = login(Role.ACCOUNTANT)  # type: ignore[operator]
    page = _page(qtbot, vault)
    mine = ClientService(firm).count(ClientFilter(accountant_id=vault.session.user_id))
    assert 0 < mine < 300
    assert page.model.total == mine
    assert page.count_label.text() == f"{mine} clients"
    while page.model.canFetchMore(page.model.index(0, 0).parent()):
        page.model.fetchMore(page.model.index(0, 0).parent())
    assert page.model.rowCount() == mine
    col = page.model.columns.index("accountants")
    assert {page.model.index(r, col).data() for r in range(page.model.rowCount())} == {"acc name"}
    assert page.accountant_filter is None  # only partner and privacy officer filter by accountant
    assert page.new_button is not None and page.new_button.text() == "&New client…"


def test_assistant_sees_masked_contacts_and_no_sensitive_items(qtbot: QtBot, firm: Vault, login: object) -> None:
    vault = login(Role.ASSISTANT)  # type: ignore[operator]
    page = _page(qtbot, vault)
    phones = [page.model.client(r).phone for r in range(page.model.rowCount())]
    assert phones and all("****" in p for p in phones if p)
    assert page.status_filter.findData(ClientStatus.ENDED.value) == -1  # assistants never see ended clients
    cid = _client_with(ClientService(firm), kind=SensitiveKind.BANK_ACCOUNT, status=ClientStatus.ACTIVE)
    detail = page.open_client(cid)
    assert detail is not None and detail.detail is not None
    assert detail.detail.contacts_masked and detail.masked_note.isVisibleTo(detail)
    assert "****" in detail.basic_values["phone"].text()
    tabs = [detail.tabs.tabText(i) for i in range(detail.tabs.count())]
    assert tabs == ["&Basic data", f"&People ({len(detail.detail.persons)})", "&Consent", "En&trusted processing (0)"]
    assert not detail.shows_sensitive
    assert "id_number" not in detail.person_model.columns  # type: ignore[union-attr]
    # Not offered at all (not merely disabled): edit of an active client, reveal, status, assignment.
    for name in ("edit", "reveal", "reveal_id", "assign", "status_ended", "add_person", "add_item"):
        assert _visible_buttons(detail, name) == [], name
    assert page.new_button is not None and page.new_button.text() == "New &prospect…"


def test_privacy_officer_gets_history_but_no_reveal(qtbot: QtBot, firm: Vault, login: object) -> None:
    vault = login(Role.PRIVACY_OFFICER)  # type: ignore[operator]
    page = _page(qtbot, vault)
    assert page.accountant_filter is not None and page.new_button is None
    cid = _client_with(ClientService(firm), kind=SensitiveKind.BANK_ACCOUNT, status=ClientStatus.ACTIVE)
    detail = page.open_client(cid)
    assert detail is not None
    assert not detail.shows_sensitive
    for name in ("reveal", "reveal_id", "edit", "assign", "add_person", "status_ended"):
        assert _visible_buttons(detail, name) == [], name
    assert detail.tabs.tabText(detail.tabs.count() - 1) == "&History"
    assert detail.history_model is not None and detail.history_model.rowCount() >= 1  # at least this opening
    assert "id_number" in detail.person_model.columns  # type: ignore[union-attr]  # identities, masked


def test_partner_reveals_bank_account_hides_it_and_copies_as_secret(
    qtbot: QtBot, qapp: QApplication, firm: Vault
) -> None:
    service = ClientService(firm)
    cid = _client_with(service, kind=SensitiveKind.BANK_ACCOUNT, status=ClientStatus.ACTIVE)
    clip = SecretClipboard(qapp.clipboard(), clear_after_ms=100)
    page = _page(qtbot, firm, clipboard=clip)
    detail = page.open_client(cid)
    assert isinstance(detail, ClientDetailPage) and detail.detail is not None
    item = next(i for i in detail.detail.sensitive if i.kind is SensitiveKind.BANK_ACCOUNT)
    masked = detail.masked_values[item.id]
    assert masked.reveal_button.isVisibleTo(masked) and masked.text.text() == item.masked
    qtbot.mouseClick(masked.reveal_button, Qt.MouseButton.LeftButton)
    dialog = detail.reveal_dialog
    assert isinstance(dialog, RevealDialog)
    codes = [dialog.purpose.itemData(i) for i in range(dialog.purpose.count())]
    assert codes == [o.code for o in service.reveal_options(cid, DataCategory.BANK)] and "bookkeeping" in codes
    assert not dialog.revealed and dialog.value.text.text() == item.masked
    dialog.purpose.setCurrentIndex(codes.index("bookkeeping"))
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    assert dialog.revealed
    shown = dialog.value.text.text()
    assert shown != item.masked and shown[-4:] == item.masked[-4:] and "*" not in shown
    assert dialog.value.hide_timer.isActive() and dialog.value.hide_timer.interval() == 30_000
    assert "30 s" in dialog.value.countdown.text()

    # Copy: on the clipboard, marked secret, and taken off again when the timer fires.
    qtbot.mouseClick(dialog.value.copy_button, Qt.MouseButton.LeftButton)
    assert qapp.clipboard().text() == shown
    mime = qapp.clipboard().mimeData()
    assert mime is not None and bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    qtbot.waitUntil(lambda: not clip.pending, timeout=3000)
    assert qapp.clipboard().text() != shown

    # 30 seconds later (the timer fires): masked again, the value forgotten, Copy gone.
    with qtbot.waitSignal(dialog.value.sig_hidden, timeout=1000):
        dialog.value.hide_timer.timeout.emit()
    assert not dialog.revealed and dialog.value.text.text() == item.masked
    assert not dialog.value.copy_button.isVisibleTo(dialog) and dialog.reveal_button.isEnabled()

    # The reveal is audited with its purpose (never the value), and shows in the client's history.
    dialog.reject()
    events = service.history(cid)
    reveal = next(e for e in events if e.action == "sensitive.reveal")
    assert reveal.purpose == "bookkeeping" and shown not in reveal.object + reveal.reason
    assert detail.history_model is not None
    actions = [detail.history_model.event_at(r).action for r in range(detail.history_model.rowCount())]
    assert "sensitive.reveal" in actions


def test_reveal_for_an_ended_engagement_offers_no_purpose(qtbot: QtBot, firm: Vault) -> None:
    service = ClientService(firm)
    cid = _client_with(service, kind=SensitiveKind.BANK_ACCOUNT, status=ClientStatus.ENDED)
    page = _page(qtbot, firm)
    detail = page.open_client(cid)
    assert detail is not None and detail.detail is not None
    item = next(i for i in detail.detail.sensitive if i.kind is SensitiveKind.BANK_ACCOUNT)
    dialog = detail.reveal_item(item.id)
    assert dialog.purpose.count() == 0 and not dialog.reveal_button.isEnabled()
    assert dialog.error.isVisibleTo(dialog) and "No purpose in force" in dialog.error.text()
    dialog.reject()


def test_minimisation_refusal_is_shown_inline(qtbot: QtBot, firm: Vault) -> None:
    service = ClientService(firm)
    cid = service.create(ClientInput(name="某某咨询有限公司"))  # a prospect: no purpose needs bank data yet
    page = _page(qtbot, firm)
    detail = page.open_client(cid)
    assert detail is not None
    # Not offered while no purpose needs it: no Add item, no ID number in the person dialog.
    assert detail.fillable_kinds() == [] and detail.add_item() is None
    assert _visible_buttons(detail, "add_item") == [] and detail.sensitive.minimised_note.text()
    person = detail.add_person()
    assert not person.id_number.isVisibleTo(person)
    person.reject()
    # Offered once a purpose needs bank data; refused inline when the purpose ends while the dialog is open.
    service.set_status(cid, service.get(cid).version, ClientStatus.ACTIVE)
    detail.reload()
    dialog = detail.add_item()
    assert dialog is not None and dialog.kind.findData(SensitiveKind.BANK_ACCOUNT.value) >= 0
    person = detail.add_person()
    assert person.id_number.isVisibleTo(person)
    service.set_status(cid, service.get(cid).version, ClientStatus.ENDED)  # e.g. on another workstation
    dialog.value.setText("6222020200112233445")
    assert not dialog.save()
    assert dialog.errors["value"].isVisibleTo(dialog) and "No purpose in force" in dialog.errors["value"].text()
    person.name.setText("张三")
    person.id_number.setText("11010519491231002X")
    assert not person.save()
    assert "No purpose in force" in person.errors["id_number"].text()
    assert service.get(cid).sensitive == () and service.get(cid).persons == ()


def test_accountant_reveals_id_number_of_a_person(qtbot: QtBot, firm: Vault, login: object) -> None:
    vault = login(Role.ACCOUNTANT)  # type: ignore[operator]
    service = ClientService(vault)
    page = _page(qtbot, vault)
    cid = next(
        r.id
        for r in service.page(ClientFilter(status=ClientStatus.ACTIVE))
        if any(p.id_number_masked for p in service.get(r.id).persons)
    )
    detail = page.open_client(cid)
    assert detail is not None and detail.detail is not None
    person = next(p for p in detail.detail.persons if p.id_number_masked)
    row = list(detail.detail.persons).index(person)
    detail.people_view.selectRow(row)
    reveal = detail.person_buttons["reveal"]
    assert reveal.isEnabled()
    qtbot.mouseClick(reveal, Qt.MouseButton.LeftButton)
    dialog = detail.reveal_dialog
    assert dialog is not None
    dialog.reveal()
    value = dialog.value.text.text()
    assert len(value) == 18 and value[:6] == person.id_number_masked[:6]  # type: ignore[index]
    dialog.reject()
    assert not dialog.revealed


# -- editing --------------------------------------------------------------------------------------


def test_edit_shows_inline_errors_then_saves(qtbot: QtBot, firm: Vault) -> None:
    service = ClientService(firm)
    cid = _client_with(service, status=ClientStatus.ACTIVE, uscc=True)
    page = _page(qtbot, firm)
    detail = page.open_client(cid)
    assert detail is not None
    dialog = detail.edit()
    form = dialog.form
    uscc = form.editor("uscc")
    good = uscc.text()  # type: ignore[attr-defined]
    assert good
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    uscc.setText(bad)  # type: ignore[attr-defined]
    form.editor("phone").setText("138abc")  # type: ignore[attr-defined]
    form.editor("name").setText("坏\x07名字")  # type: ignore[attr-defined]
    form.editor("engagement_end").setText("2001-01-01")  # type: ignore[attr-defined]
    assert not dialog.save()
    assert form.errors["uscc"].isVisibleTo(form) and "check digit" in form.errors["uscc"].text()
    assert form.errors["phone"].isVisibleTo(form)
    assert "control characters" in form.errors["name"].text()
    assert "before the start" in form.errors["engagement_end"].text()
    assert not form.errors["industry"].isVisibleTo(form)
    assert service.edit_values(cid)["uscc"] == good  # nothing written
    uscc.setText(good)  # type: ignore[attr-defined]
    form.editor("phone").setText("13912345678")  # type: ignore[attr-defined]
    form.editor("name").setText("新名字有限公司")  # type: ignore[attr-defined]
    form.editor("engagement_end").setText("")  # type: ignore[attr-defined]
    assert dialog.save()
    assert service.get(cid).name == "新名字有限公司"
    assert detail.title.text() == "新名字有限公司"


def test_second_workstation_conflict_shows_both_versions_and_merges(qtbot: QtBot, firm: Vault, login: object) -> None:
    other = ClientService(login(Role.PARTNER))  # type: ignore[operator]  # the other workstation
    service = ClientService(firm)
    cid = _client_with(service, status=ClientStatus.ACTIVE)
    page = _page(qtbot, firm, service=service)
    detail = page.open_client(cid)
    assert detail is not None
    dialog = detail.edit()
    base = dict(dialog.original)
    # The other workstation saves first: industry and address.
    other.update(cid, int(base["version"]), ClientInput(industry="他们的行业", address="他们的地址"))
    # Here: industry (both changed) and phone (only mine).
    dialog.form.editor("industry").setText("我的行业")  # type: ignore[attr-defined]
    dialog.form.editor("phone").setText("13900001111")  # type: ignore[attr-defined]
    assert not dialog.save()
    conflict = dialog.conflict_dialog
    assert isinstance(conflict, ConflictDialog) and conflict.isVisible()
    assert set(conflict.differing) == {"industry", "address", "phone"}
    mine_c, theirs_c = conflict.choices["industry"]
    assert mine_c.text() == "我的行业" and theirs_c.text() == "他们的行业"
    assert conflict.findChild(QRadioButton, "industry_mine") is mine_c.button
    assert mine_c.button.isChecked()  # changed by both: mine by default, marked
    assert conflict.groups["address"].checkedId() == 1  # only they changed it: theirs by default
    assert conflict.groups["phone"].checkedId() == 0  # only I changed it: mine by default
    assert service.edit_values(cid)["industry"] == "他们的行业"  # nothing overwritten yet
    conflict.pick("industry", theirs=True)
    qtbot.mouseClick(conflict.merge_button, Qt.MouseButton.LeftButton)
    stored = other.edit_values(cid)
    assert stored["industry"] == "他们的行业" and stored["address"] == "他们的地址"
    assert stored["phone"].replace("-", "") == "13900001111"
    assert int(stored["version"]) == int(base["version"]) + 2
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_conflict_keep_mine_and_take_theirs(qtbot: QtBot, firm: Vault, login: object) -> None:
    other = ClientService(login(Role.PARTNER))  # type: ignore[operator]
    service = ClientService(firm)
    cid = _client_with(service, status=ClientStatus.ACTIVE)
    page = _page(qtbot, firm, service=service)
    detail = page.open_client(cid)
    assert detail is not None

    dialog = detail.edit()
    other.update(cid, dialog.version, ClientInput(industry="甲"))
    dialog.form.editor("industry").setText("乙")  # type: ignore[attr-defined]
    dialog.save()
    assert dialog.conflict_dialog is not None
    qtbot.mouseClick(dialog.conflict_dialog.keep_button, Qt.MouseButton.LeftButton)
    assert other.edit_values(cid)["industry"] == "乙"

    dialog = detail.edit()
    other.update(cid, dialog.version, ClientInput(industry="丙"))
    dialog.form.editor("industry").setText("丁")  # type: ignore[attr-defined]
    dialog.save()
    assert dialog.conflict_dialog is not None
    qtbot.mouseClick(dialog.conflict_dialog.take_button, Qt.MouseButton.LeftButton)
    assert other.edit_values(cid)["industry"] == "丙"
    assert dialog.form.values()["industry"] == "丙"
    assert detail.basic_values["industry"].text() == "丙"


def test_partner_assigns_an_accountant_and_starts_an_engagement(qtbot: QtBot, firm: Vault) -> None:
    service = ClientService(firm)
    cid = service.create(ClientInput(name="新客户有限公司"))
    page = _page(qtbot, firm, service=service)
    detail = page.open_client(cid)
    assert detail is not None
    acc = next(a for a in service.accountants() if a.display_name == "acc name")
    assign = detail.assign()
    assign.set_checked(acc.id, True)
    assert assign.save()
    assert service.get(cid).accountant_ids == (acc.id,)
    assert detail.basic_values["accountants"].text() == "acc name"
    qtbot.mouseClick(detail.buttons["status_active"], Qt.MouseButton.LeftButton)
    assert service.get(cid).status is ClientStatus.ACTIVE
    assert "status_ended" in detail.buttons and "status_active" not in detail.buttons


def test_person_added_with_inline_id_error(qtbot: QtBot, firm: Vault) -> None:
    service = ClientService(firm)
    cid = service.create(ClientInput(name="人员测试有限公司", engagement_start="2024-01-01"))  # active
    page = _page(qtbot, firm, service=service)
    detail = page.open_client(cid)
    assert detail is not None
    dialog = detail.add_person()
    dialog.name.setText("张三")
    dialog.id_number.setText("11010519491231002Y")
    assert not dialog.save()
    assert dialog.errors["id_number"].isVisibleTo(dialog)
    dialog.id_number.setText("11010519491231002X")
    assert dialog.save()
    assert detail.person_model is not None and detail.person_model.rowCount() == 1
    assert detail.person_model.person(0).id_number_masked == "110105********002X"


# -- list -----------------------------------------------------------------------------------------


def test_search_is_debounced_and_survives_query_syntax(qtbot: QtBot, firm: Vault) -> None:
    page = _page(qtbot, firm)
    name = page.model.client(5).name
    for ch in name[:4]:  # as typed, one character at a time (QTest cannot type CJK key events)
        page.search.insert(ch)
    assert page.model.filter.text == ""  # not on every keystroke
    qtbot.waitUntil(lambda: page.model.filter.text == name[:4], timeout=2000)
    assert any(page.model.client(r).name == name for r in range(page.model.rowCount()))
    assert "match" in page.count_label.text()
    for text in (
        '"',
        "*",
        "NEAR",
        "OR",
        "a OR b",
        '"unclosed',
        "NEAR(a b)",
        "x* AND",
        "'; DROP TABLE clients; --",
        "^",
    ):
        page.search.setText(text)
        page.apply_filter()
        assert page.model.total == page.model.rowCount() or page.model.canFetchMore(page.model.index(0, 0).parent())
        assert page.count_label.text().endswith(("matches", "clients"))
    page.search.clear()
    page.apply_filter()
    assert page.model.total == 300


def test_filters_and_sorting_requery(qtbot: QtBot, firm: Vault) -> None:
    page = _page(qtbot, firm)
    service = ClientService(firm)
    page.status_filter.setCurrentIndex(page.status_filter.findData("ended"))
    assert page.model.total == service.count(ClientFilter(status=ClientStatus.ENDED))
    assert {page.model.client(r).status for r in range(page.model.rowCount())} == {ClientStatus.ENDED}
    assert page.accountant_filter is not None
    page.accountant_filter.setCurrentIndex(1)
    assert page.model.filter.accountant_id == page.accountant_filter.currentData()
    page.status_filter.setCurrentIndex(0)
    page.accountant_filter.setCurrentIndex(0)
    header = page.view.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert page.model.filter.sort == "name" and page.model.filter.descending
    names = [page.model.client(r).name for r in range(page.model.rowCount())]
    assert names == [r.name for r in service.page(ClientFilter(descending=True), limit=len(names))]
    header.setSortIndicator(page.model.columns.index("phone"), Qt.SortOrder.AscendingOrder)  # not sortable
    assert page.model.filter.sort == "name" and header.sortIndicatorSection() == 0


def test_lazy_loading_with_20000_clients(qtbot: QtBot, new_vault: Vault) -> None:
    populate_synthetic(new_vault, 20_000, 3)
    page = _page(qtbot, new_vault)
    model = page.model
    assert model.total == 20_000 and page.count_label.text() == "20000 clients"
    assert model.rowCount() == 200 and model.pages_fetched == 1
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 200, timeout=2000)
    assert model.rowCount() <= 600  # a page or two at a time, never everything
    for _ in range(5):
        page.view.scrollToBottom()
        QApplication.processEvents()
    assert model.rowCount() % 200 == 0 and model.rowCount() < 20_000
    ids = [model.client(r).id for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids)  # keyset pages neither overlap nor skip
    names = [model.client(r).name for r in range(model.rowCount())]
    assert names == sorted(names) or names == [r.name for r in ClientService(new_vault).page(limit=len(names))]
    # A search with many hits is counted only up to the cap.
    page.search.setText("有限公司")
    page.apply_filter()
    assert model.capped and page.count_label.text().startswith("1000+ matches — showing the first 1000")


def test_enter_opens_and_ctrl_w_closes_a_client(qtbot: QtBot, firm: Vault) -> None:
    page = _page(qtbot, firm)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(2, 0))
    with qtbot.waitSignal(page.sig_client_opened, timeout=1000) as opened:
        page.view.activated.emit(page.model.index(2, 0))
    assert opened.args == [page.model.client(2).id]
    assert page.tabs.count() == 2 and isinstance(page.tabs.currentWidget(), ClientDetailPage)
    page.close_current()
    assert page.tabs.count() == 1 and page.details == {}


def test_lock_conceals_and_clears_the_clipboard(qtbot: QtBot, qapp: QApplication, firm: Vault, login: object) -> None:
    vault = login(Role.PARTNER)  # type: ignore[operator]
    service = ClientService(vault)
    cid = _client_with(service, kind=SensitiveKind.TAX_LOGIN, status=ClientStatus.ACTIVE)
    page = _page(qtbot, vault)
    detail = page.open_client(cid)
    assert detail is not None and detail.detail is not None
    item = next(i for i in detail.detail.sensitive if i.kind is SensitiveKind.TAX_LOGIN)
    dialog = detail.reveal_item(item.id)
    dialog.reveal()
    secret = dialog.value.text.text()
    dialog.value.copy()
    assert qapp.clipboard().text() == secret
    vault.lock()
    assert not dialog.revealed and qapp.clipboard().text() != secret
