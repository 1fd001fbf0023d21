"""Compliance audit report (PIPL Art 54): contents (zh, en), the audit head, roles, the CLI verb; rendered to PNG."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from clientvault import cli
from clientvault.core.errors import AccessDenied, ValidationError
from clientvault.core.roles import Role
from clientvault.services.audit import AuditService
from clientvault.services.clients import ClientService
from clientvault.services.complaints import ComplaintCategory, ComplaintService
from clientvault.services.compliance_report import ComplianceReportService
from clientvault.services.context import Vault
from clientvault.services.disclosures import DisclosureService
from clientvault.services.exports import ExportKind, ExportService
from clientvault.services.incidents import IncidentKind, IncidentService
from clientvault.services.subject_requests import RequestKind, SubjectRequestService
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD, STAFF_PASSWORD
from tests.fixtures.erasing import destroy
from tests.fixtures.planted import NAME, PERSON, other_client, plant
from tests.unit.documents.pdfcheck import assert_fonts_embedded, pdf_text, render_png, squash

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
TODAY = date.today()
START, END = TODAY - timedelta(days=30), TODAY


def _busy(vault: Vault, tmp_path: Path) -> str:
    planted = plant(vault)
    SubjectRequestService(vault).record(
        planted.client_id, planted.person_id, RequestKind.ACCESS, identity_method="id_in_person", identity_ok=True
    )
    ComplaintService(vault).record(ComplaintCategory.USE, "推销短信")
    IncidentService(vault).report(IncidentKind.DRILL, "年度演练")
    assert ClientService(vault).reveal_id_number(planted.person_id, "bookkeeping")
    DisclosureService(vault).record(planted.client_id, "某区税务局", "tax_filing", ["identity"])
    ExportService(vault).save(b"x", tmp_path / "a.xlsx", kind=ExportKind.EXCEL, purpose="年度汇算", row_count=12)
    return destroy(vault, other_client(vault)).certificate_no


def test_report_summarises_registers_and_prints_the_head_hash(new_vault: Vault, tmp_path: Path) -> None:
    cert = _busy(new_vault, tmp_path)
    pdf, data = ComplianceReportService(new_vault).render(START, END)
    head = AuditService(new_vault).verify()
    text = squash(pdf_text(pdf))
    assert_fonts_embedded(pdf)
    for needle in ("个人信息保护合规审计报告", "第五十四条", "个人权利请求", "查阅", "投诉", "超出目的使用",
                   "安全事件与泄露", "演练", "年度汇算", "老板", "查看敏感信息", "bookkeeping",
                   "某区税务局", "tax_filing", cert, "待办事项", "完整"):  # fmt: skip
        assert needle in text, needle
    assert data.chain_ok and data.head_hash in text  # the paper pins the chain
    assert head.events >= data.chain_events and len(data.head_hash) == 64
    assert NAME not in text and PERSON not in text  # no client's or person's name
    en = squash(pdf_text(ComplianceReportService(new_vault).render(START, END, "en")[0]))
    assert "compliancauditreport" not in en and "complianceauditreport" in en.lower() and "Article54" in en
    png = render_png(pdf, tmp_path / "compliance_report_zh.png", dpi=70)
    assert png.stat().st_size > 10_000
    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":  # regenerate docs/screenshots on request only
        shutil.copyfile(png, SCREENSHOTS / png.name)


def test_only_partner_and_privacy_officer(
    new_vault: Vault, fast_vaults: VaultService, add_staff: Callable[..., int]
) -> None:
    for name, role in (("acc", Role.ACCOUNTANT), ("asst", Role.ASSISTANT), ("priv", Role.PRIVACY_OFFICER)):
        add_staff(name, role)
    for name in ("acc", "asst"):
        v = fast_vaults.unlock(new_vault.paths.folder, name, STAFF_PASSWORD)
        try:
            with pytest.raises(AccessDenied):
                ComplianceReportService(v).render(START, END)
        finally:
            v.lock()
    priv = fast_vaults.unlock(new_vault.paths.folder, "priv", STAFF_PASSWORD)
    try:
        assert ComplianceReportService(priv).data(START, END).chain_ok
        with pytest.raises(ValidationError):
            ComplianceReportService(priv).data(END, START)
    finally:
        priv.lock()


def _run(vault_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLIENTVAULT_PASSWORD", PARTNER_PASSWORD)
        mp.setenv("CLIENTVAULT_TESTING", "1")
        code = cli.main(
            [*args, "--vault", str(vault_dir), "--user", PARTNER, "--kdf-profile", "fast"], out=out, err=err
        )
    return code, out.getvalue(), err.getvalue()


def test_cli_report_verb(new_vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    new_vault.lock()
    out = tmp_path / "report.pdf"
    code, printed, err = _run(vault_dir, "report", "--from", START.isoformat(), "--to", END.isoformat(),
                              "--out", str(out), "--lang", "en")  # fmt: skip
    assert code == 0, err
    fields = printed.strip().split("\t")
    assert fields[2] == "chain=ok" and fields[3].startswith("head=")
    head = fields[3].removeprefix("head=")
    assert head in squash(pdf_text(out.read_bytes()))
    code, _, err = _run(vault_dir, "report", "--from", START.isoformat(), "--to", END.isoformat(), "--out", str(out))
    assert code == 2 and "exists" in err
    code, _, err = _run(
        vault_dir, "report", "--from", "2026-13-01", "--to", END.isoformat(), "--out", str(tmp_path / "x.pdf")
    )
    assert code == 2 and "not a date" in err and not (tmp_path / "x.pdf").exists()
