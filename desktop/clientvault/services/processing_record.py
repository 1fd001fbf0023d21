"""The record of processing activities: purposes × categories × recipients × retention × measures.

Each purpose also names the impact assessments that cover it (PIPL Art 55; "—" when none).
Built from the purpose catalogue (the current version of each active purpose; its retention is
the firm's retention rules as the 告知同意书 states it, services.retention_notice) and the security
measures the application itself applies (once above the table in the PDF, on every row of the
workbook). It holds no client data, so it is written directly (PDF and Excel) and not filed in the
export register. Partner and privacy officer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from clientvault.core.roles import Capability
from clientvault.documents.compliance_report import ReportSection, render_table_document
from clientvault.documents.pdf import check_lang
from clientvault.documents.subject_access import BASIS_LABELS, CATEGORY_LABELS
from clientvault.documents.workbook_writer import Column, Sheet, Stamp, write_sheets
from clientvault.security.atomic import atomic_write_bytes
from clientvault.services.context import Vault
from clientvault.services.purposes import PurposeService
from clientvault.services.retention_notice import retention_statements

#: What ClientVault does for every purpose (ARCHITECTURE.md, SECURITY.md).
MEASURES = {
    "zh": "数据库整体加密（SQLCipher）；按岗位授权；敏感信息默认遮蔽，查看须说明目的并记入审计日志；"
    "防篡改审计日志；加密备份；到期删除并出具销毁证明",
    "en": "whole-database encryption (SQLCipher); role-based access; sensitive values masked, revealed only "
    "for a stated purpose and audited; tamper-evident audit log; encrypted backups; erasure at the end of "
    "retention with a certificate",
}
_HEAD = {
    "zh": ("处理目的", "依据", "个人信息种类", "接收方", "保存期限", "影响评估", "安全措施"),
    "en": ("Purpose", "Lawful basis", "Categories", "Recipients", "Retention", "Impact assessment", "Measures"),
}


@dataclass(frozen=True)
class SavedRecord:
    """The two files written."""

    pdf: Path
    xlsx: Path
    purposes: int


class ProcessingRecordService:
    """Renders the record of processing activities for the acting partner or privacy officer."""

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today

    def rows(self, lang: str = "zh") -> list[tuple[str, ...]]:
        """One row per current, active purpose."""
        lang = check_lang(lang)
        self.vault.require(Capability.MANAGE_PURPOSES, "processing_record")
        i = 0 if lang == "zh" else 1
        sep = "、" if lang == "zh" else ", "
        out: list[tuple[str, ...]] = []
        assessed: dict[str, list[str]] = {}  # purpose code -> its impact assessments (PIPL Art 55)
        for code, number in self.vault.db.all(
            "SELECT l.ref, printf('PIA-%05d', a.id) FROM impact_assessment_links l"
            " JOIN impact_assessments a ON a.id = l.assessment_id WHERE l.kind = 'purpose' ORDER BY a.id"
        ):
            assessed.setdefault(str(code), []).append(str(number))
        catalogue = PurposeService(self.vault).catalogue()
        kept = retention_statements(self.vault, catalogue, lang)  # the 告知同意书's own text
        for p in catalogue:
            cats = sep.join(CATEGORY_LABELS[c.value][i] for c in sorted(p.categories))
            keep = kept[p.code]
            out.append(
                (p.name(lang), BASIS_LABELS[p.lawful_basis.value][i], cats, p.recipients(lang) or "—", keep,
                 sep.join(assessed.get(p.code, [])) or "—", MEASURES[lang])
            )  # fmt: skip
        return out

    def save(self, pdf_path: Path, xlsx_path: Path, lang: str = "zh") -> SavedRecord:
        """Write the record as PDF and as an Excel workbook; audited."""
        rows = self.rows(lang)
        title = "个人信息处理活动记录" if lang == "zh" else "Record of processing activities"
        today = self.today().isoformat()
        intro = (
            f"{self.vault.firm_name} 截至 {today} 的个人信息处理活动（依据目录中的处理目的生成）。"
            if lang == "zh"
            else f"Processing activities of {self.vault.firm_name} as of {today} (from the purpose catalogue)."
        )
        pdf = render_table_document(
            title, f"{intro}\n{_HEAD[lang][6]}{'：' if lang == 'zh' else ': '}{MEASURES[lang]}",
            [ReportSection("", _HEAD[lang][:6], tuple(r[:6] for r in rows))], firm_name=self.vault.firm_name,
            number=f"ROPA-{self.today():%Y%m%d}", lang=lang,
        )  # fmt: skip
        stamp = Stamp(self.vault.firm_name, self.vault.session.display_name, today, title, title)
        xlsx, _ = write_sheets([Sheet(title[:31], [Column(h, width=24) for h in _HEAD[lang]], rows)], stamp)
        atomic_write_bytes(Path(pdf_path), pdf)
        atomic_write_bytes(Path(xlsx_path), xlsx)
        with self.vault.db.transaction():
            self.vault.record("report.processing_record", reason=f"purposes={len(rows)}")
        return SavedRecord(Path(pdf_path), Path(xlsx_path), len(rows))
