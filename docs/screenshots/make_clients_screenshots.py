"""Render the client pages and role home pages in zh_CN into docs/screenshots/ (runs offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_clients_screenshots.py [--dialogs]

``--dialogs`` renders only the client page's dialogs: the second-workstation conflicts (client and
person) and the erasure request.
Every record shown is synthetic (the demo firm).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from shots import MemKeyring, shot

from clientvault.app import firm_name_adapter, register_font, render_recovery_sheet_adapter
from clientvault.core.paths import resources_dir
from clientvault.core.records import ClientInput, ClientStatus, PersonInput, PersonRole, SensitiveKind
from clientvault.security.keyfile import FAST_KDF
from clientvault.security.workstation import WorkstationKeyring
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.consent import ConsentScope, ConsentService, TickItem
from clientvault.services.context import Vault
from clientvault.services.demo import create_demo_vault, demo_logins
from clientvault.services.vault import VaultService
from clientvault.ui.context import UiContext
from clientvault.ui.i18n import Translators
from clientvault.ui.main_window import MainWindow
from clientvault.ui.pages.client_detail import ClientDetailPage
from clientvault.ui.pages.clients import ClientsPage
from clientvault.ui.pages.home import AssistantHomePage


def main() -> int:
    app = QApplication(sys.argv[:1])
    register_font(app)
    tmp = Path(tempfile.mkdtemp(prefix="cv-client-shots-"))
    translators = Translators()
    translators.install(app, "zh_CN", resources_dir() / "translations", tmp / "qm")
    vaults = VaultService(kdf=FAST_KDF, keyring=WorkstationKeyring(backend=MemKeyring()), cipher_log=tmp / "c.log")
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    folder = tmp / "demo"
    create_demo_vault(vaults, folder, clients=300, seed=5)
    ctx = UiContext(
        vaults,
        folder,
        settings,
        render_recovery_sheet_adapter,  # type: ignore[arg-type]
        firm_name_adapter,  # type: ignore[arg-type]
        demo_logins(folder),
        "zh_CN",
    )
    only_dialogs = "--dialogs" in sys.argv[1:]
    names = {"partner": "partner", "accountant": "accountant", "assistant": "assistant", "privacy": "privacy_officer"}
    if only_dialogs:  # the dialogs alone, over a client page outside the main window
        partner = next(d for d in ctx.demo_logins if d.username == "partner")
        service = ClientService(vaults.unlock(folder, partner.username, partner.password))
        cid = _active_with_bank(service)
        detail = ClientDetailPage(service, cid, None)
        detail.resize(1100, 650)
        detail.show()
        _conflict_shots(vaults, folder, partner.username, partner.password, detail, cid)
        _erasure_request_shot(detail)
        return 0
    for demo in ctx.demo_logins:
        vault = vaults.unlock(folder, demo.username, demo.password)
        win = MainWindow(ctx, vault, app)
        win.resize(1180, 720)
        win.show()
        shot(win, f"home_{names[demo.username]}")
        clients = win.pages["clients"]
        assert isinstance(clients, ClientsPage)
        service = clients.service
        if demo.username == "partner":
            win.show_page("clients")
            shot(win, "clients_list")
            clients.search.setText("科技")
            clients.apply_filter()
            shot(win, "clients_search")
            clients.search.clear()
            clients.apply_filter()
            cid = _active_with_bank(service)
            detail = clients.open_client(cid)
            assert detail is not None
            detail.tabs.setCurrentIndex(2)
            shot(win, "clients_page_sensitive")
            detail.tabs.setCurrentIndex(1)
            shot(win, "clients_page_people")
            detail.tabs.setCurrentIndex(0)
            shot(win, "clients_page")
            assert detail.detail is not None
            _sign_and_return_a_form(vault, cid, detail.detail.persons[0].id)
            detail.reload()  # what the consent tab's sig_changed does after a return in the app
            assert detail.consent_tab is not None
            detail.tabs.setCurrentWidget(detail.consent_tab)
            shot(win, "clients_page_consent")
            detail.tabs.setCurrentIndex(0)
            shot(win, "clients_page_reasons")
            item = next(i for i in detail.detail.sensitive if i.kind is SensitiveKind.BANK_ACCOUNT)
            dialog = detail.reveal_item(item.id)
            shot(dialog, "clients_reveal_purpose")
            dialog.purpose.setCurrentIndex(max(0, dialog.purpose.findData("bank_services")))
            dialog.reveal()
            shot(dialog, "clients_reveal")
            dialog.reject()
            _conflict_shots(vaults, folder, demo.username, demo.password, detail, cid)
            _erasure_request_shot(detail)
        if demo.username == "assistant":
            home = win.pages["home"]
            assert isinstance(home, AssistantHomePage)
            intake = home.new_prospect()
            intake.form.editor("name").setText("杭州云帆企业管理咨询有限公司")  # type: ignore[attr-defined]
            intake.form.editor("phone").setText("0571-8888")  # type: ignore[attr-defined]
            intake.contact_name.setText("王小姐")
            intake.save()  # shows the inline error under the phone number
            shot(intake, "home_assistant_intake")
            intake.reject()
            win.show_page("clients")
            cid = service.page(ClientFilter(status=ClientStatus.ACTIVE), limit=1)[0].id
            clients.open_client(cid)
            shot(win, "clients_page_assistant")
        if demo.username == "privacy":
            win.show_page("clients")
            cid = _active_with_bank(service)
            detail = clients.open_client(cid)
            assert detail is not None
            detail.tabs.setCurrentIndex(detail.tabs.count() - 1)
            shot(win, "clients_page_privacy_officer_history")
        win.close()
    return 0


def _as_on_a_desktop(dialog: QWidget, width: int = 880) -> None:
    """The size the dialog picks on a real screen (the offscreen one is only 800 px wide)."""
    layout = dialog.layout()
    assert layout is not None
    dialog.resize(width, layout.totalHeightForWidth(width))


def _conflict_shots(
    vaults: VaultService, folder: Path, username: str, password: str, detail: ClientDetailPage, cid: int
) -> None:
    """A second workstation saves the same client, then the same person, while this one edits them."""
    edit = detail.edit()
    other = vaults.unlock(folder, username, password)
    ClientService(other).update(
        cid, edit.version, ClientInput(industry="软件和信息技术服务业", address="北京市海淀区中关村大街27号")
    )
    edit.form.editor("industry").setText("信息技术咨询服务")  # type: ignore[attr-defined]
    edit.form.editor("phone").setText("010-62345678")  # type: ignore[attr-defined]
    edit.save()
    assert edit.conflict_dialog is not None
    _as_on_a_desktop(edit.conflict_dialog)
    shot(edit.conflict_dialog, "clients_conflict")
    edit.conflict_dialog.reject()
    edit.reject()
    assert detail.detail is not None
    person = detail.detail.persons[0]
    pedit = detail.edit_person(person)
    stored = ClientService(other).person_edit_values(person.id)
    ClientService(other).update_person(
        person.id,
        pedit.version,
        PersonInput(
            PersonRole.FINANCE_CONTACT,
            stored["name"],
            phone="13811112222",
            email=stored["email"],
            address="北京市海淀区中关村大街27号院3号楼1208室",
        ),
    )
    other.lock()
    pedit.phone.setText("13900003333")
    pedit.email.setText("wang.finance@example.com")
    pedit.save()
    assert pedit.conflict_dialog is not None
    _as_on_a_desktop(pedit.conflict_dialog)
    shot(pedit.conflict_dialog, "clients_conflict_person")
    pedit.conflict_dialog.reject()
    pedit.reject()


def _erasure_request_shot(detail: ClientDetailPage) -> None:
    """The erasure request from the client page: what happens next, reason and legal basis."""
    dialog = detail.request_erasure()
    assert dialog is not None
    _as_on_a_desktop(dialog, 620)
    shot(dialog, "clients_erasure_request")
    dialog.reject()


def _sign_and_return_a_form(vault: Vault, client_id: int, person_id: int) -> None:
    """The legal representative signed bank services (with the separate sensitive box) and newsletters,
    then unsubscribed from the newsletters."""
    consent = ConsentService(vault)
    form = consent.issue_form(client_id, person_id=person_id)
    ticks = [
        TickItem("bank_services", ConsentScope.PURPOSE),
        TickItem("bank_services", ConsentScope.SENSITIVE),
        TickItem("marketing", ConsentScope.PURPOSE),
    ]
    consent.return_form(form.form_no, client_id, ticks, scan=b"%PDF-1.4\n% signed\n", person_id=person_id)
    consent.withdraw(client_id, "marketing", person_id=person_id)


def _active_with_bank(service: ClientService) -> int:
    for row in service.page(ClientFilter(status=ClientStatus.ACTIVE, text="有限公司"), limit=100):
        d = service.get(row.id)
        has_bank = any(i.kind is SensitiveKind.BANK_ACCOUNT for i in d.sensitive) or not d.can_reveal_ids
        if d.persons and row.uscc and has_bank:
            return row.id
    return service.page(ClientFilter(status=ClientStatus.ACTIVE), limit=1)[0].id


if __name__ == "__main__":
    raise SystemExit(main())
