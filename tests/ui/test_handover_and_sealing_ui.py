"""The handover dialog (会计档案移交清册) on the Locked records and Erasure pages, and the sealing record
shown in an opened locked record (kept items with their rule, erased items, in words)."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from clientvault.core.errors import AccessDenied
from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.exports import ExportKind, ExportService
from clientvault.services.handover import HandoverService
from clientvault.services.locking import LockService
from clientvault.services.vault import VaultService
from clientvault.ui.dialogs.handover import HandoverDialog
from clientvault.ui.i18n import Translators
from clientvault.ui.operations import Operations
from clientvault.ui.pages.erasure import ErasurePage
from clientvault.ui.pages.locked import LockedPage
from clientvault.ui.widgets.pdf import PdfPreviewDialog
from tests.fixtures.planted import PERSON, plant
from tests.ui.conftest import USERS
from tests.unit.documents.pdfcheck import pdf_text, squash

RECIPIENT = "宁波新会计服务有限公司"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _tick(dialog: object, *titles: str) -> None:
    lst = dialog.categories  # type: ignore[attr-defined]
    for i in range(lst.count()):
        if lst.item(i).text() in titles:
            lst.item(i).setCheckState(Qt.CheckState.Checked)


def test_partner_records_a_handover_from_the_locked_page_and_saves_the_list(
    qtbot: QtBot, staffed_vault: Vault, tmp_path: Path, ui_ctx: object
) -> None:
    planted = plant(staffed_vault)
    LockService(staffed_vault).lock(planted.client_id, "engagement ended")
    page = LockedPage(staffed_vault, operations=Operations())
    qtbot.addWidget(page)
    page.view.selectRow(0)
    dialog = page.hand_over_selected()
    qtbot.addWidget(dialog)
    assert dialog.client.value() == planted.client_id and dialog.history.count() == 0
    # Refused input says why under the form and records nothing.
    assert dialog.record() is None
    assert "Say who received the archives." in dialog.message.text()
    assert "Tick at least one kind of archive." in dialog.message.text()
    dialog.recipient.setText(RECIPIENT)
    _tick(dialog, "会计凭证", "会计账簿")
    dialog.years_from.setValue(2025)
    dialog.years_to.setValue(2019)
    assert dialog.record() is None and "earlier to a later year" in dialog.message.text()
    dialog.years_from.setValue(2019)
    dialog.years_to.setValue(2025)
    hid = dialog.record()
    assert hid is not None and "YJ-" in dialog.message.text()
    (h,) = HandoverService(staffed_vault).handovers(planted.client_id)
    assert (h.categories, h.years_from, h.years_to, h.recipient, h.signed, h.handed_at) == (
        ("accounting_vouchers", "accounting_ledgers"), 2019, 2025, RECIPIENT, True, date.today().isoformat()
    )  # fmt: skip
    assert dialog.history.count() == 1 and dialog.print_button.isEnabled()
    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":  # regenerate docs/screenshots on request only
        dialog.grab().save(str(SCREENSHOTS / "handover_dialog.png"))
    preview = dialog.preview()
    assert isinstance(preview, PdfPreviewDialog)
    qtbot.addWidget(preview)
    out = tmp_path / "yj.pdf"
    assert preview.save_document(str(out))
    text = squash(pdf_text(out.read_bytes()))
    assert "会计档案移交清册" in text and RECIPIENT in text and "2019–2025" in text
    (entry,) = ExportService(staffed_vault).register()
    assert entry.kind == ExportKind.HANDOVER.value and entry.file_name == "yj.pdf"


def test_the_privacy_officer_records_a_handover_from_the_erasure_page(
    qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService
) -> None:
    planted = plant(staffed_vault)
    sessions = {}
    for role in (Role.PRIVACY_OFFICER, Role.ACCOUNTANT):
        name, password = USERS[role]
        sessions[role] = fast_vaults.unlock(staffed_vault.paths.folder, name, password)
    try:
        page = ErasurePage(sessions[Role.PRIVACY_OFFICER], Operations())
        qtbot.addWidget(page)
        assert not page.law.handover_button.isHidden()
        dialog = page.law.show_handover()
        qtbot.addWidget(dialog)
        dialog.client.setValue(planted.client_id)
        dialog.recipient.setText(RECIPIENT)
        _tick(dialog, "纳税申报表")
        assert dialog.record() is not None and dialog.history.count() == 1
        with pytest.raises(AccessDenied):  # the accountant has no Erasure page, and the service refuses
            HandoverDialog(sessions[Role.ACCOUNTANT], planted.client_id)
    finally:
        for v in sessions.values():
            v.lock()


def _tree_texts(item: QTreeWidgetItem) -> list[str]:
    out = [f"{item.text(0)} | {item.text(1)}"]
    for i in range(item.childCount()):
        out += _tree_texts(item.child(i))
    return out


def test_the_opened_record_shows_what_sealing_kept_and_erased_in_words(
    qtbot: QtBot, qapp: QApplication, staffed_vault: Vault, zh_cn: Translators, ui_ctx: object
) -> None:
    planted = plant(staffed_vault)
    LockService(staffed_vault).lock(planted.client_id, "engagement ended")
    page = LockedPage(staffed_vault)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    dialog = page.open_selected("tax inspection")
    assert dialog is not None
    qtbot.addWidget(dialog)
    tree = dialog.sealing
    assert tree.topLevelItemCount() == 1
    lines = _tree_texts(tree.topLevelItem(0))
    text = "\n".join(lines)
    kept = next(i for i, t in enumerate(lines) if t.startswith("保留"))
    erased = next(i for i, t in enumerate(lines) if t.startswith("封存时删除"))
    kept_lines, erased_lines = lines[kept + 1 : erased], lines[erased + 1 :]
    # The legal representative and their ID number are kept for the accounting and tax rules, named.
    assert any(f"法定代表人：证件号码 — {PERSON}" in t and "涉税资料" in t for t in kept_lines), kept_lines
    assert any(t.startswith("客户：名称、代码、地址") and "会计凭证" in t for t in kept_lines), kept_lines
    # The client's phone and e-mail, notes and the tax-bureau login are erased: no rule requires them.
    assert "客户：电话和电子邮箱 × 2 | 无保管期限规则要求保留" in erased_lines  # the phone and the e-mail
    for words in ("客户：备注", "法定代表人：电话、电子邮箱、地址", "电子税务局登录"):
        assert any(t.startswith(words) for t in erased_lines), (words, erased_lines)
    assert "销毁证明" in lines[0] or "证明" in lines[0]
    # Words only: no class or rule codes, no item references.
    assert not re.search(r"[a-z]+_[a-z]+|person:|item:|client\.", text), text
    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":  # regenerate docs/screenshots on request only
        dialog.grab().save(str(SCREENSHOTS / "locked_record_sealing_zh.png"))
