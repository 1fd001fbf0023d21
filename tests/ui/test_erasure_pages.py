"""Erasure and Backups pages: the workflow through the widgets, certificates, restore and settings."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureResult, ErasureService
from clientvault.services.locking import LockService
from clientvault.services.vault import VaultService
from clientvault.ui.operations import Operations
from clientvault.ui.pages.backups import BackupsPage
from clientvault.ui.pages.erasure import ErasurePage
from tests.fixtures.erasing import OVERRIDE, destroy
from tests.fixtures.planted import plant
from tests.ui.conftest import USERS


def _select(view: object, row: int) -> None:
    index = view.model().index(row, 0)  # type: ignore[attr-defined]
    view.selectionModel().select(  # type: ignore[attr-defined]
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )


def _login(fast_vaults: VaultService, vault: Vault, role: Role) -> Vault:
    name, password = USERS[role]
    return fast_vaults.unlock(vault.paths.folder, name, password)


def test_partner_approves_privacy_officer_executes(
    qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService, monkeypatch: object
) -> None:
    import clientvault.ui.pages.erasure as module

    shown: list[BaseException] = []
    monkeypatch.setattr(module, "show_error", lambda _parent, exc: shown.append(exc))  # type: ignore[attr-defined]
    planted = plant(staffed_vault)
    ErasureService(staffed_vault).request(planted.client_id, "deletion_request", "deletion_request")
    ops = Operations()
    page = ErasurePage(staffed_vault, ops, pdf_lang="en")
    qtbot.addWidget(page)
    assert page.requests.rowCount() == 1 and page.approve_button.isVisibleTo(page)
    _select(page.requests_view, 0)
    assert not page.approve_selected()  # four eyes: the partner made the request
    assert [getattr(e, "code", None) for e in shown] == ["four_eyes_requester"]
    # The client is active (a retention period runs): the partner overrides, with a typed reason,
    # and records the appraisal; the privacy officer (single-partner firm) approves and executes.
    assert page.law.override_button.isVisibleTo(page) and page.law.override_button.isEnabled()
    assert page.law.override_selected(OVERRIDE)
    _select(page.requests_view, 0)  # the list was reloaded
    assert page.law.appraise_selected()
    priv = _login(fast_vaults, staffed_vault, Role.PRIVACY_OFFICER)
    try:
        po_page = ErasurePage(priv, ops)
        qtbot.addWidget(po_page)
        assert not po_page.law.override_button.isVisibleTo(po_page)
        _select(po_page.requests_view, 0)
        assert po_page.approve_selected()
        _select(po_page.requests_view, 0)
        assert po_page.execute_button.isEnabled()
        # The page answers once the erasure has committed; the whole-file check follows with a
        # progress bar, and the certificate is issued after it.
        with qtbot.waitSignal(po_page.sig_checked, timeout=30000) as checked:
            with qtbot.waitSignal(po_page.sig_executed, timeout=30000) as done:
                po_page.execute_selected(confirmed=True, witness="王见证")
            result = done.args[0]
            assert isinstance(result, ErasureResult) and not result.checked and result.integrity_problems is None
            assert po_page.check.isVisibleTo(po_page) and po_page.check.running
            assert "Certificate" in po_page.status.text() or "证明" in po_page.status.text()
        assert checked.args[0].integrity == "ok" and not po_page.check.isVisibleTo(po_page)
        assert po_page.check.bar.value() > 0
        assert po_page.register.rowCount() == 1
        _select(po_page.register_view, 0)
        pdf = po_page.certificate_pdf()
        assert pdf is not None and pdf.startswith(b"%PDF")
    finally:
        priv.lock()


def test_a_deletion_request_during_retention_seals_and_says_so(
    qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService
) -> None:
    planted = plant(staffed_vault)
    priv = _login(fast_vaults, staffed_vault, Role.PRIVACY_OFFICER)
    try:
        ErasureService(priv).request(planted.client_id, "deletion_request", "deletion_request")
    finally:
        priv.lock()
    page = ErasurePage(staffed_vault, Operations(), pdf_lang="en")
    qtbot.addWidget(page)
    _select(page.requests_view, 0)
    assert page.approve_selected()
    _select(page.requests_view, 0)
    with qtbot.waitSignal(page.sig_executed, timeout=30000) as done:
        page.execute_selected(confirmed=True, witness="王见证")
    assert done.args[0].outcome == "sealed"
    assert "sealed" in page.status.text()
    assert staffed_vault.db.scalar("SELECT status FROM clients WHERE id = ?", (planted.client_id,)) == "locked"


def test_the_rules_editor_saves_a_new_version(qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService) -> None:
    from clientvault.services.retention import RetentionService

    priv = _login(fast_vaults, staffed_vault, Role.PRIVACY_OFFICER)
    try:
        page = ErasurePage(priv, Operations())
        qtbot.addWidget(page)
        dialog = page.law.show_rules()
        qtbot.addWidget(dialog)
        editor = dialog.editor
        titles = [editor.table.item(r, 0).text() for r in range(editor.table.rowCount())]
        assert "会计凭证" in titles and "固定资产卡片" in titles
        row = next(i for i, r in enumerate(editor.rules) if r.category == "tax_records")
        editor.table.selectRow(row)
        assert editor.years.value() == 10 and "第二十九条" in editor.source.text()
        editor.years.setValue(12)
        assert editor.save() == 2
        assert {r.category: r.years for r in RetentionService(priv).rules()}["tax_records"] == 12
        assert editor.table.item(row, 3).text() == "2"
    finally:
        priv.lock()


def test_legal_hold_refusal_is_shown(
    qtbot: QtBot, staffed_vault: Vault, fast_vaults: VaultService, monkeypatch: object
) -> None:
    from datetime import date

    planted = plant(staffed_vault)
    locks = LockService(staffed_vault)
    locks.lock(planted.client_id, "ended")
    later = ErasureService(staffed_vault, today=date(2060, 1, 1))
    rid = later.request(planted.client_id, "retention_expiry", "retention_ended")
    priv = _login(fast_vaults, staffed_vault, Role.PRIVACY_OFFICER)
    try:
        ErasureService(priv, today=date(2060, 1, 1)).approve(rid)
    finally:
        priv.lock()
    locks.place_hold(planted.client_id, "litigation")
    shown: list[BaseException] = []
    import clientvault.ui.pages.erasure as module

    monkeypatch.setattr(module, "show_error", lambda _parent, exc: shown.append(exc))  # type: ignore[attr-defined]
    page = ErasurePage(staffed_vault, Operations())
    qtbot.addWidget(page)
    _select(page.requests_view, 0)
    with qtbot.waitSignal(page.sig_executed, timeout=30000):
        page.execute_selected(confirmed=True, witness="王见证")
    assert [getattr(e, "code", None) for e in shown] == ["legal_hold"]
    assert staffed_vault.db.scalar("SELECT status FROM clients WHERE id = ?", (planted.client_id,)) == "locked"


def test_new_request_picks_the_legal_basis_from_the_list(
    qtbot: QtBot, staffed_vault: Vault, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QDialog

    import clientvault.ui.pages.erasure as module
    from clientvault.services.erasure import LEGAL_BASES

    planted = plant(staffed_vault)
    page = ErasurePage(staffed_vault, Operations(), pdf_lang="en")
    qtbot.addWidget(page)
    dialog = module.NewRequestDialog(page.source_labels(), page.basis_labels(), page)
    qtbot.addWidget(dialog)
    assert [dialog.basis.itemData(i) for i in range(dialog.basis.count())] == list(LEGAL_BASES)
    assert not hasattr(dialog.basis, "setText") or not dialog.basis.isEditable()  # no typed text
    dialog.source.setCurrentIndex(dialog.source.findData("retention_expiry"))
    assert dialog.basis.currentData() == "retention_ended"

    def fake_exec(self: QDialog) -> int:
        self.client.setValue(planted.client_id)  # type: ignore[attr-defined]
        self.source.setCurrentIndex(self.source.findData("deletion_request"))  # type: ignore[attr-defined]
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(module.NewRequestDialog, "exec", fake_exec)  # type: ignore[attr-defined]
    rid = page.new_request()
    assert rid is not None
    req = ErasureService(staffed_vault).requests()[0]
    assert (req.id, req.legal_basis) == (rid, "deletion_request")
    assert page.requests.data(page.requests.index(0, 6)) == page.basis_labels()["deletion_request"]


def test_retention_check_button(qtbot: QtBot, staffed_vault: Vault) -> None:
    page = ErasurePage(staffed_vault, Operations())
    qtbot.addWidget(page)
    assert page.check_retention() == []
    assert "0" in page.status.text()


def test_backups_page_backup_purge_restore_settings(qtbot: QtBot, staffed_vault: Vault) -> None:
    planted = plant(staffed_vault)
    page = BackupsPage(staffed_vault, Operations())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_done, timeout=30000):
        page.backup_now()
    assert page.model.rowCount() == 1
    destroy(staffed_vault, planted.client_id)
    with qtbot.waitSignal(page.sig_done, timeout=30000) as purged:
        page.purge()
    assert purged.args[0].applied == 1
    _select(page.view, 0)
    assert page.verify_selected()
    with qtbot.waitSignal(page.sig_restored, timeout=30000):
        page.restore_selected(confirmed=True)
    assert staffed_vault.db.scalar("SELECT status FROM clients WHERE id = ?", (planted.client_id,)) == "erased"
    page.keep.setValue(3)
    page.vacuum.setChecked(True)
    assert page.save_settings()
    from clientvault.services.retention import RetentionService

    settings = RetentionService(staffed_vault).settings()
    assert settings.backup_keep == 3 and settings.vacuum_after_erasure


def test_the_certificate_preview_prints_and_saves_to_the_export_register(
    qtbot: QtBot, staffed_vault: Vault, tmp_path: object, monkeypatch: object
) -> None:
    from pathlib import Path

    from clientvault.services.exports import ExportKind, ExportService
    from clientvault.ui.widgets import pdf as pdf_module
    from clientvault.ui.widgets.pdf import PdfPreviewDialog

    planted = plant(staffed_vault)
    result = destroy(staffed_vault, planted.client_id)
    page = ErasurePage(staffed_vault, Operations(), pdf_lang="en")
    qtbot.addWidget(page)
    _select(page.register_view, 0)
    dialog = page.show_certificate()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.print_button is not None and dialog.print_button.isVisibleTo(dialog)
    assert dialog.save_button is not None and dialog.save_button.isVisibleTo(dialog)
    printed: list[str] = []
    monkeypatch.setattr(pdf_module, "print_pdf", lambda _p, data, title: printed.append(title) or True)  # type: ignore[attr-defined]
    assert dialog.print_document() and printed == [dialog.windowTitle()]
    target = Path(str(tmp_path)) / f"{result.certificate_no}.pdf"
    assert dialog.save_document(str(target))
    assert target.read_bytes() == dialog.data
    (entry,) = ExportService(staffed_vault).register()
    assert (entry.kind, entry.file_name) == (ExportKind.CERTIFICATE.value, target.name)
    plain = PdfPreviewDialog(dialog.data, "plain")  # without callbacks: only Close
    qtbot.addWidget(plain)
    assert plain.print_button is None and plain.save_button is None
    assert not plain.print_document() and not plain.save_document(str(target))
