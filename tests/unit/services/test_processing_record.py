"""Record of processing activities: one row per purpose with basis, categories, recipients, retention, measures."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from clientvault.core.errors import AccessDenied
from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.processing_record import ProcessingRecordService
from clientvault.services.purposes import PurposeService
from clientvault.services.vault import VaultService
from tests.conftest import STAFF_PASSWORD
from tests.unit.documents.pdfcheck import assert_fonts_embedded, pdf_text, render_png, squash

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def test_record_lists_every_purpose_as_pdf_and_workbook(new_vault: Vault, tmp_path: Path) -> None:
    saved = ProcessingRecordService(new_vault).save(tmp_path / "ropa.pdf", tmp_path / "ropa.xlsx")
    catalogue = PurposeService(new_vault).catalogue()
    assert saved.purposes == len(catalogue) > 0
    pdf = saved.pdf.read_bytes()
    assert_fonts_embedded(pdf)
    text = squash(pdf_text(pdf))
    assert "个人信息处理活动记录" in text and "税务机关" in text and "履行法定义务所必需" in text
    for p in catalogue:
        assert squash(p.name_zh) in text
    sheet = openpyxl.load_workbook(saved.xlsx).active
    names = [r[0] for r in sheet.iter_rows(values_only=True)]
    assert all(p.name_zh in names for p in catalogue)
    png = render_png(pdf, tmp_path / "processing_record_zh.png", dpi=60)
    assert png.stat().st_size > 10_000
    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":  # regenerate docs/screenshots on request only
        shutil.copyfile(png, SCREENSHOTS / png.name)
    assert "影响评估" in text and "PIA-" not in text  # no assessment yet
    from clientvault.services.impact_assessments import ImpactAssessmentService

    ImpactAssessmentService(new_vault).record(
        title="评估", trigger="entrusted", purpose_necessity="必需", risks="泄露", measures="加密",
        conclusion="acceptable", purposes=["payroll_social_insurance"],
    )  # fmt: skip
    rows = {r[0]: r for r in ProcessingRecordService(new_vault).rows()}
    assert [r[5] for r in rows.values()].count("PIA-00001") == 1
    en = ProcessingRecordService(new_vault).save(tmp_path / "en.pdf", tmp_path / "en.xlsx", "en")
    assert "Recordofprocessingactivities" in squash(pdf_text(en.pdf.read_bytes()))


def test_only_partner_and_privacy_officer(
    new_vault: Vault, fast_vaults: VaultService, add_staff: Callable[..., int], tmp_path: Path
) -> None:
    add_staff("acc", Role.ACCOUNTANT)
    acc = fast_vaults.unlock(new_vault.paths.folder, "acc", STAFF_PASSWORD)
    try:
        with pytest.raises(AccessDenied):
            ProcessingRecordService(acc).save(tmp_path / "a.pdf", tmp_path / "a.xlsx")
    finally:
        acc.lock()
    assert not (tmp_path / "a.pdf").exists()
