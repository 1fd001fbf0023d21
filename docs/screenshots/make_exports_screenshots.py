"""Render the Export register page (zh_CN) into docs/screenshots/exports_page.png (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_exports_screenshots.py

Every record shown is synthetic; the exported files are written to a temporary folder.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from shots import shot

from clientvault.app import register_font
from clientvault.core.paths import resources_dir
from clientvault.core.roles import Role
from clientvault.security.keyfile import FAST_KDF
from clientvault.services.exports import ExportKind, ExportService, RegisterFilter
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.ui.i18n import Translators
from clientvault.ui.operations import Operations
from clientvault.ui.pages.exports import ExportsPage


def main() -> None:
    app = QApplication([])
    register_font(app)
    translators = Translators()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        translators.install(app, "zh_CN", resources_dir() / "translations", tmp / "qm")
        vaults = VaultService(kdf=FAST_KDF, cipher_log=tmp / "log")
        vault = vaults.create(
            tmp / "vault", firm_name="杭州示例代账有限公司", partner_username="wang",
            partner_display_name="王合伙人", partner_password="partner-pass-1",  # noqa: S106
        ).vault  # fmt: skip
        UserService(vault, vaults).add("li.kj", "李会计", Role.ACCOUNTANT, "accountant-pass-1")
        accountant = vaults.unlock(tmp / "vault", "li.kj", "accountant-pass-1")
        files = tmp / "exports"
        files.mkdir()
        today = date.today()
        saves = [
            (vault, 45, ExportKind.EXCEL, "年度汇算清缴核对", "2025年度客户清单.xlsx", 42, 30),
            (accountant, 40, ExportKind.CONSENT_FORM, "新客户签约", "同意书_CF-2026-0012.pdf", 1, 30),
            (vault, 20, ExportKind.REQUEST_COPY, "个人信息查阅请求", "查阅复制件_张三.pdf", 3, 30),
            (accountant, 12, ExportKind.EXCEL, "社保增减员", "社保名单_11月.xlsx", 18, 30),
            (vault, 3, ExportKind.CONSENT_FORM_BATCH, "批量打印同意书", "同意书批量_11月.pdf", 25, 30),
        ]
        ids = []
        for who, ago, kind, purpose, name, rows, keep in saves:
            day = today - timedelta(days=ago)
            entry = ExportService(who, today=lambda day=day: day).save(
                b"synthetic " + name.encode(), files / name, kind=kind, purpose=purpose, row_count=rows, keep_days=keep
            )
            ids.append(entry.id)
        ExportService(vault).destroy(ids[0])
        page = ExportsPage(vault, Operations())
        page.set_filter(RegisterFilter.ALL)
        due = next(r for r in range(page.model.rowCount()) if page.model.item(r).id == ids[1])
        page.view.selectRow(due)
        page.resize(1100, 520)
        page.show()
        shot(page, "exports_page")
        page.close()
        accountant.lock()
        vault.lock()


if __name__ == "__main__":
    main()
