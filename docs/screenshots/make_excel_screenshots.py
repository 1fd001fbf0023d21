"""Render the Excel import wizard's mapping and preview steps and the export dialog (zh_CN), offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_excel_screenshots.py

Writes import_mapping.png, import_preview.png and export_dialog.png. Every record is synthetic
(valid check digits, made-up names); the workbook is written to a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from shots import settle, shot

from clientvault.app import register_font
from clientvault.core import validation as v
from clientvault.core.paths import resources_dir
from clientvault.security.keyfile import FAST_KDF
from clientvault.services.imports import ImportService
from clientvault.services.spreadsheet_export import ExcelExportService, ExportScope
from clientvault.services.vault import VaultService
from clientvault.ui.dialogs.excel_export import ExcelExportDialog
from clientvault.ui.dialogs.import_wizard import ImportWizard
from clientvault.ui.i18n import Translators
from clientvault.ui.operations import Operations

NAMES = ["杭州云帆科技有限公司", "宁波海港贸易有限公司", "温州鹿城区李记小吃店", "绍兴越城印染有限公司",
         "嘉兴南湖文化传媒有限公司", "湖州织里童装厂", "金华义乌小商品商行", "台州路桥机电有限公司"]  # fmt: skip
PEOPLE = ["陈晓明", "林美华", "李建国", "王丽", "赵伟", "周敏", "吴强", "郑芳"]


def _uscc(i: int) -> str:
    body = f"91330100MA2{i:06d}"
    return body + v.uscc_check_digit(body)


def _rid(i: int) -> str:
    body = f"3301061985{(i % 12) + 1:02d}{(i % 27) + 1:02d}{i:03d}"
    return body + v.resident_id_check_digit(body)


def workbook(path: Path) -> None:
    """A firm's own list: a title row, Chinese headers, one ID stored as a number, a bad code, a formula."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户名单"
    ws.append(["2025年度代账客户名单"])
    ws.merge_cells("A1:H1")
    ws.append([])
    ws.append(["序号", "企业名称", "统一社会信用代码", "法人", "身份证号码", "手机", "开户银行", "银行账号", "备注"])
    for i, name in enumerate(NAMES):
        code = _uscc(i)
        rid: object = _rid(i)
        note = "月度记账"
        if i == 2:
            rid = float(_rid(i))  # Excel turned it into a number
        if i == 4:
            code = code[:-1] + ("0" if code[-1] != "0" else "1")
        ws.append([i + 1, name, code, PEOPLE[i], rid, f"1380571{i:04d}", "中国工商银行杭州分行",
                   f"120200{i:013d}", note])  # fmt: skip
    ws["I9"] = "=H9*2"
    wb.save(path)


def _wait(app: QApplication, done: object, seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.02)


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
        path = tmp / "客户名单.xlsx"
        workbook(path)
        wizard = ImportWizard(ImportService(vault), Operations())
        wizard.resize(1000, 560)
        wizard.show()
        wizard.file_page.path.setText(str(path))
        wizard.file_page.load_sheets()
        wizard.next()
        wizard.mapping_page.name.setText("年度客户名单")
        shot(wizard, "import_mapping")
        wizard.next()
        _wait(app, lambda: wizard.plan is not None)
        wizard.preview_page.view.resizeColumnsToContents()
        settle(wizard)
        shot(wizard, "import_preview")
        wizard.close()
        # Import the good rows, then show the export dialog over them.
        service = ImportService(vault)
        plan = service.plan(path)
        plan.rows = [r for r in plan.rows if not r.refused]
        service.commit(plan)
        dialog = ExcelExportDialog(ExcelExportService(vault), Operations(), ExportScope())
        dialog.purpose.setText("年度汇算清缴核对")
        dialog.resize(560, 260)
        dialog.show()
        shot(dialog, "export_dialog")
        dialog.close()
        vault.lock()
    sys.exit(0)


if __name__ == "__main__":
    main()
