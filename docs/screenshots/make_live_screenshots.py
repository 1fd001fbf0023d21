"""Issue 13 windows (zh_CN) into docs/screenshots/ (offscreen): the return-form steps and a sealed
record opened with its secrets masked (one shown for its purpose).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_live_screenshots.py

Every record shown is synthetic.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QCheckBox
from shots import shot

from clientvault.app import register_font
from clientvault.core.paths import resources_dir
from clientvault.core.records import ClientInput, ClientStatus, PersonInput, PersonRole, SensitiveInput, SensitiveKind
from clientvault.security.keyfile import FAST_KDF
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentService, NoticeDetails
from clientvault.services.locking import LockService
from clientvault.services.vault import VaultService
from clientvault.ui.dialogs.locked_record import LockedRecordDialog
from clientvault.ui.dialogs.return_form import ReturnFormDialog
from clientvault.ui.i18n import Translators


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
        clients = ClientService(vault)
        cid = clients.create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
        clients.add_person(cid, PersonInput(PersonRole.LEGAL_REP, "张三"))
        consent = ConsentService(vault)
        consent.set_notice_details(  # a form is refused without the firm's contact (PIPL Art 17)
            NoticeDetails(
                "浙江省杭州市西湖区文三路 100 号", "0571-88880000", "privacy@example.com", "李女士 0571-88880001"
            )
        )
        form = consent.issue_form(cid)

        dialog = ReturnFormDialog(consent, cid, "zh")
        dialog.resize(640, 620)
        dialog.show()
        dialog.number.setText(form.form_no.split(",")[0])
        dialog.lookup()  # what Enter after the scanned number does
        shot(dialog, "return_form_lookup")
        for box in dialog.findChildren(QCheckBox):
            if box.objectName().startswith("tick_") and "marketing" not in box.objectName():
                box.setChecked(True)
        dialog.review()
        shot(dialog, "return_form_review")
        dialog.close()

        sealed = clients.create(ClientInput(name="绍兴青石建材有限公司", engagement_start="2015-03-01"))
        clients.add_person(sealed, PersonInput(PersonRole.LEGAL_REP, "李四", id_number="11010519491231002X"))
        clients.add_sensitive(
            sealed, SensitiveInput(SensitiveKind.BANK_ACCOUNT, "6222020200112233445", "工商银行 基本户")
        )
        clients.set_status(sealed, clients.get(sealed).version, ClientStatus.ENDED)
        locks = LockService(vault)
        locks.lock(sealed, "服务已终止，按规定保存")
        record = LockedRecordDialog(locks.open(sealed, "税务检查"), locks=locks)
        record.resize(680, 680)
        record.show()
        record.purpose.setCurrentIndex(record.purpose.findData("authority_request"))
        first = next(w for w in record.secrets if w.startswith("item:"))
        record.reveal(first)
        shot(record, "locked_record_masked")
        record.close()
        vault.lock()
    del app


if __name__ == "__main__":
    main()
