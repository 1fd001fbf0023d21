"""Render the consent form (zh, en) and the consent pages (zh_CN) into docs/screenshots/ (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_consent_screenshots.py

Every record shown is synthetic. The form PNGs show every page at 60 dpi, one copy per row.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget
from shots import OUT, shot

from clientvault.app import register_font
from clientvault.core.paths import resources_dir
from clientvault.core.records import ClientInput, PersonInput, PersonRole
from clientvault.security.keyfile import FAST_KDF
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentScope, ConsentService, NoticeDetails, TickItem
from clientvault.services.vault import VaultService
from clientvault.ui.i18n import Translators
from clientvault.ui.operations import Operations
from clientvault.ui.pages.consent_overview import ConsentOverviewPage
from clientvault.ui.pages.purposes import PurposesPage
from clientvault.ui.widgets.consent_tab import ConsentTab
from clientvault.ui.widgets.pdf import load_pdf


def sized_shot(widget: QWidget, name: str) -> None:
    widget.resize(1000, 640)
    widget.show()
    shot(widget, name)


def form_png(pdf: bytes, name: str) -> None:
    """Every page side by side at 60 dpi, rendered with QtPdf (the app's own PDF preview engine)."""
    doc, _buffer = load_pdf(pdf)
    pages = []
    for index in range(doc.pageCount()):
        size = doc.pagePointSize(index)
        pages.append(doc.render(index, QSize(round(size.width() * 60 / 72), round(size.height() * 60 / 72))))
    doc.close()
    # The form prints two identical copies (公司留存联, 个人留存联): one copy per row.
    per_row = (len(pages) + 1) // 2 if len(pages) > 3 and len(pages) % 2 == 0 else len(pages)
    rows = [pages[i : i + per_row] for i in range(0, len(pages), per_row)]
    width = max(sum(p.width() + 10 for p in row) for row in rows)
    height = sum(max(p.height() for p in row) + 10 for row in rows)
    out = QImage(width, height, QImage.Format.Format_RGB32)
    out.fill(0xCCCCCC)
    painter = QPainter(out)
    y = 0
    for row in rows:
        x = 0
        for page in row:
            painter.fillRect(x, y, page.width(), page.height(), 0xFFFFFF)  # QtPdf leaves the paper transparent
            painter.drawImage(x, y, page)
            x += page.width() + 10
        y += max(p.height() for p in row) + 10
    painter.end()
    out.save(str(OUT / f"{name}.png"))
    print("wrote", name)


def main() -> None:
    app = QApplication([])
    register_font(app)
    translators = Translators()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        translators.install(app, "zh_CN", resources_dir() / "translations", tmp / "qm")
        vault = VaultService(kdf=FAST_KDF, cipher_log=tmp / "log").create(
            tmp / "vault", firm_name="杭州示例代账有限公司", partner_username="boss",
            partner_display_name="王合伙人", partner_password="partner-pass-1",
        ).vault  # fmt: skip
        consent = ConsentService(vault)
        consent.set_notice_details(
            NoticeDetails("浙江省杭州市西湖区文三路 100 号 8 楼", "0571-88880000", "privacy@example.com",
                          "保密专员 李女士，电话 0571-88880001", "投诉邮箱 complaints@example.com")
        )  # fmt: skip
        clients = ClientService(vault)
        cid = clients.create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
        pid = clients.add_person(cid, PersonInput(PersonRole.LEGAL_REP, "张三"))
        for name in ("宁波海风贸易有限公司", "温州明月餐饮店", "绍兴青石建材有限公司"):
            clients.create(ClientInput(name=name))
        form_png(consent.issue_form(cid, person_id=pid).pdf, "consent_form_zh")
        form_png(consent.issue_form(None, lang="en").pdf, "consent_form_en")
        form = consent.issue_form(cid, person_id=pid)
        consent.return_form(
            form.form_no, cid,
            [TickItem("bank_services", ConsentScope.PURPOSE), TickItem("bank_services", ConsentScope.SENSITIVE),
             TickItem("marketing", ConsentScope.PURPOSE)],
            scan=b"%PDF-1.4\n",
        )  # fmt: skip
        consent.withdraw(cid, "marketing", person_id=pid)
        ops = Operations()
        sized_shot(ConsentTab(vault, ops, cid, lang="zh"), "consent_tab")
        sized_shot(ConsentOverviewPage(vault, ops, lang="zh"), "consent_overview")
        page = PurposesPage(vault, ops, lang="zh")
        page.table.selectRow(4)
        sized_shot(page, "consent_purposes")
        vault.lock()
    del app


if __name__ == "__main__":
    main()
