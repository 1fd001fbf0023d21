"""One person's record to Excel from the client page's people tab (access or copy request, issue 11).

Driven offscreen with pytest-qt on a real vault; the saved workbook is read back with openpyxl.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from clientvault.core.masking import mask_id_number
from clientvault.core.records import ClientInput, PersonInput, PersonRole
from clientvault.core.roles import Role
from clientvault.services.clients import ClientService, SharedIdentifier
from clientvault.services.context import Vault
from clientvault.services.exports import ExportService
from clientvault.services.vault import VaultService
from clientvault.ui.pages.client_detail import ClientDetailPage
from tests.fixtures.workbooks import resident_id
from tests.ui.conftest import USERS

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
ID = resident_id(7)
PHONE = "13900001111"


def _client(vault: Vault) -> int:
    return ClientService(vault).create(
        ClientInput(name="北京星辰科技有限公司", engagement_start="2024-01-01"),
        persons=(
            PersonInput(PersonRole.LEGAL_REP, "张三", id_number=ID, phone=PHONE, email="zs@x.example", address="北京"),
            PersonInput(PersonRole.CONTACT, '=HYPERLINK("x")', phone="13800002222"),
        ),
    )


def _page(qtbot: QtBot, vault: Vault, client_id: int) -> ClientDetailPage:
    page = ClientDetailPage(ClientService(vault), client_id, None, lang="en")
    qtbot.addWidget(page)
    page.show()
    return page


def _rows(path: Path) -> list[list[object]]:
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["个人信息", "同意记录"]
    ws = wb["个人信息"]
    assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_partner_exports_one_person_masked_into_the_register(qtbot: QtBot, new_vault: Vault, tmp_path: Path) -> None:
    page = _page(qtbot, new_vault, _client(new_vault))
    people = page.people
    assert not people.buttons["export"].isEnabled()  # nothing selected yet
    people.view.selectRow(0)
    assert people.buttons["export"].isEnabled()
    assert page.detail is not None
    person = page.detail.persons[0]
    dialog = people.export_person(person)
    assert dialog.one_person.isChecked() and not dialog.whole_list.isVisibleTo(dialog)
    assert not dialog.one_client.isVisibleTo(dialog) and dialog.unmasked.isVisibleTo(dialog)
    assert not dialog.save_button.isEnabled()  # a purpose first
    dialog.purpose.setText("查阅请求 2026-12")
    assert dialog.save_button.isEnabled() and "1 rows" in dialog.info.text()
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.save_to(tmp_path / "person.xlsx")
    header, row = _rows(tmp_path / "person.xlsx")
    assert header[:5] == ["客户名称", "身份", "姓名", "证件类型", "证件号码"]
    # Shaped as the partner's screen: the ID number masked (no unmasked export was asked), contacts in full.
    assert row[:5] == ["北京星辰科技有限公司", "法定代表人", "张三", "居民身份证", mask_id_number(ID)]
    assert row[5:] == [PHONE, "zs@x.example", "北京"]
    [entry] = ExportService(new_vault).register()
    assert entry.kind == "request_copy" and entry.row_count == 1 and entry.purpose == "查阅请求 2026-12"
    assert entry.sha256 == hashlib.sha256((tmp_path / "person.xlsx").read_bytes()).hexdigest()


def test_partner_unmasked_person_export_and_formula_name_neutralised(
    qtbot: QtBot, new_vault: Vault, tmp_path: Path
) -> None:
    page = _page(qtbot, new_vault, _client(new_vault))
    assert page.detail is not None
    dialog = page.people.export_person(page.detail.persons[0])
    dialog.purpose.setText("复制请求")
    dialog.unmasked.setChecked(True)
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.save_to(tmp_path / "full.xlsx")
    assert _rows(tmp_path / "full.xlsx")[1][4] == ID
    contact = page.people.export_person(page.detail.persons[1])
    contact.purpose.setText("复制请求")
    with qtbot.waitSignal(contact.sig_saved, timeout=10_000):
        contact.save_to(tmp_path / "contact.xlsx")
    assert _rows(tmp_path / "contact.xlsx")[1][2] == '\'=HYPERLINK("x")'  # text, never a formula
    assert len(ExportService(new_vault).register()) == 2


def test_person_export_follows_the_role(
    qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService, tmp_path: Path
) -> None:
    client_id = _client(staffed_vault)
    clients = ClientService(staffed_vault)
    clients.assign(client_id, [next(a.id for a in clients.accountants())])
    acc = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[Role.ACCOUNTANT])
    asst = fast_vaults.unlock(staffed_vault.paths.folder, *USERS[Role.ASSISTANT])
    try:
        page = _page(qtbot, acc, client_id)
        assert page.detail is not None
        dialog = page.people.export_person(page.detail.persons[0])
        assert not dialog.unmasked.isVisibleTo(dialog)  # an unmasked export is the partner's only
        dialog.purpose.setText("查阅请求")
        with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
            dialog.save_to(tmp_path / "acc.xlsx")
        row = _rows(tmp_path / "acc.xlsx")[1]
        shown = page.detail.persons[0]  # what the accountant's screen shows of this person
        assert row[4] == shown.id_number_masked == mask_id_number(ID)
        assert [row[5], row[6], row[7]] == [shown.phone, shown.email, shown.address] == [PHONE, "zs@x.example", "北京"]
        assert "export" not in _page(qtbot, asst, client_id).people.buttons  # the assistant may not export
    finally:
        acc.lock()
        asst.lock()


def test_partner_person_export_lists_the_person_on_every_client(qtbot: QtBot, new_vault: Vault, tmp_path: Path) -> None:
    first = _client(new_vault)
    clients = ClientService(new_vault)
    second = clients.create(ClientInput(name="杭州云帆科技有限公司", engagement_start="2024-01-01"))
    clients.add_person(
        second,
        PersonInput(PersonRole.SHAREHOLDER, "张三", id_number=ID),
        shared=(SharedIdentifier("id_number", first),),
    )
    page = _page(qtbot, new_vault, second)
    assert page.detail is not None
    dialog = page.people.export_person(page.detail.persons[0])
    dialog.purpose.setText("查阅请求")
    assert "2 rows" in dialog.info.text()
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.save_to(tmp_path / "both.xlsx")
    rows = _rows(tmp_path / "both.xlsx")[1:]
    assert sorted((r[0], r[1]) for r in rows) == [
        ("北京星辰科技有限公司", "法定代表人"),
        ("杭州云帆科技有限公司", "股东"),
    ]
    [entry] = ExportService(new_vault).register()  # both clients' data left the vault: both are in the register
    assert entry.row_count == 2 and sorted(entry.client_ids) == sorted([first, second])


@pytest.mark.skipif(os.environ.get("CLIENTVAULT_SCREENSHOTS") != "1", reason="screenshots on request only")
def test_person_export_screenshot(qtbot: QtBot, ui_ctx: object, new_vault: Vault, zh_cn: object) -> None:
    # ui_ctx registers the bundled CJK font
    page = _page(qtbot, new_vault, _client(new_vault))
    assert page.detail is not None
    dialog = page.people.export_person(page.detail.persons[0])
    dialog.purpose.setText("张三的查阅、复制请求（2026-12-04 来函）")
    dialog.resize(640, 220)
    qtbot.wait(200)
    dialog.grab().save(str(SCREENSHOTS / "export_person.png"))
