"""Render the desktop windows in zh_CN into docs/screenshots/*.png (runs offscreen).

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from shots import MemKeyring, shot

from clientvault.app import firm_name_adapter, register_font, render_recovery_sheet_adapter
from clientvault.core.paths import resources_dir
from clientvault.security.keyfile import FAST_KDF
from clientvault.security.workstation import WorkstationKeyring
from clientvault.services.demo import create_demo_vault, demo_logins
from clientvault.services.vault import VaultService
from clientvault.ui.context import UiContext
from clientvault.ui.dialogs.first_run import FirstRunDialog
from clientvault.ui.dialogs.login import LoginDialog
from clientvault.ui.i18n import Translators
from clientvault.ui.main_window import MainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    register_font(app)
    tmp = Path(tempfile.mkdtemp(prefix="cv-shots-"))
    translators = Translators()
    translators.install(app, "zh_CN", resources_dir() / "translations", tmp / "qm")
    vaults = VaultService(kdf=FAST_KDF, keyring=WorkstationKeyring(backend=MemKeyring()), cipher_log=tmp / "c.log")
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)

    def ctx(folder: Path) -> UiContext:
        return UiContext(
            vaults,
            folder,
            settings,
            render_recovery_sheet_adapter,
            firm_name_adapter,  # type: ignore[arg-type]
            demo_logins(folder),
            "zh_CN",
        )

    # First-run wizard, each page.
    wctx = ctx(tmp / "new")
    wizard = FirstRunDialog(wctx)
    wizard.resize(720, 560)
    wizard.show()
    shot(wizard, "wizard_1_welcome")
    wizard.next()
    wizard.firm_page.firm.setText("北京诚信代理记账有限公司")
    for key, value in (
        ("address", "北京市海淀区中关村大街 1 号"),
        ("phone", "010-8888 0000"),
        ("email", "office@chengxin.example"),
        ("privacy_contact", "个人信息保护负责人 李娜，010-8888 0001"),
    ):
        wizard.firm_page.contact[key].setText(value)
    shot(wizard, "wizard_2_firm")
    wizard.next()
    p = wizard.partner_page
    p.username.setText("wang")
    p.display_name.setText("王建国")
    p.passwords.password.setText("correct horse battery")
    p.passwords.confirm.setText("correct horse battery")
    shot(wizard, "wizard_3_partner")
    wizard.next()
    shot(wizard, "wizard_4_recovery")
    wizard.recovery_page.confirm.setChecked(True)
    wizard.accept()
    assert wizard.created is not None
    wizard.created.vault.lock()

    # Demo vault: login, then the main window of each role.
    folder = tmp / "demo"
    create_demo_vault(vaults, folder, clients=300)
    dctx = ctx(folder)
    login = LoginDialog(dctx)
    login.show()
    shot(login, "login_demo")
    login.hide()
    names = {
        "partner": "main_partner",
        "privacy": "main_privacy_officer",
        "accountant": "main_accountant",
        "assistant": "main_assistant",
    }
    for demo in dctx.demo_logins:
        vault = vaults.unlock(folder, demo.username, demo.password)
        win = MainWindow(dctx, vault, app)
        win.resize(1100, 680)
        win.show()
        shot(win, names[demo.username])
        if demo.username == "partner":
            win.show_page("audit")
            shot(win, "audit_page")
            win.show_page("staff")
            win.pages["staff"].view.selectRow(1)  # type: ignore[attr-defined]
            shot(win, "staff_page")
            win.lock()
            shot(win, "lock_screen")
        win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
