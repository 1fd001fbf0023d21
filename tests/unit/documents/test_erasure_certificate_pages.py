"""The erasure certificate's signature block never stands alone on a page, and the zh text is all Chinese.

Each page's text is extracted with pypdf; whatever the length of the destruction register (so the
page break falls anywhere), the page with the signature lines also carries the approvals and the
statement they attest, and no page holds signature lines only.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from clientvault.documents.erasure_certificate import CertificateData, render_erasure_certificate


def _data(rows: int, notes: int = 0) -> CertificateData:
    archive = tuple(
        {"title": f"会计凭证{i}", "years": "2010–2025", "number": f"KH000001-{i:02d}", "period": "30", "kept_years": 1}
        for i in range(rows)
    )
    return CertificateData(
        certificate_no="EC-2026-0001",
        firm_name="杭州示例代账有限公司",
        vault_id="V-1234",
        client_id=17,
        source="deletion_request",
        scope="client",
        erased={"clients": 1, "persons": 3, "sensitive_items": 2, "consent_evidence": 1},
        legal_basis="《个人信息保护法》第四十七条第一款",
        requested_by="王会计",
        requested_at="2026-12-01T09:30:00+00:00",
        approved_by="李负责人",
        approved_at="2026-12-02T10:00:00+00:00",
        executed_by="李负责人",
        executed_at="2026-12-03T11:00:00+00:00",
        witness="赵专员",
        method="secure_delete=1; fts5 secure-delete; wal_checkpoint(TRUNCATE)",
        integrity="ok",
        vacuumed=True,
        notes=tuple(f"备注{i}：已核对。" for i in range(notes)),
        archive_rows=archive,
        appraisal="第3号，2026年12月1日",
        audit_head="seq 1234 · 0123456789abcdef0123456789abcdef",
    )


def _pages(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_signatures_share_their_page_with_what_they_attest(lang: str) -> None:
    last_sign, approvals = (
        ("监销人", "审批、执行与核验") if lang == "zh" else ("Witness", "Approval,executionandverification")
    )
    page_counts = set()
    for rows in range(0, 40, 3):  # the register grows: the page break falls at every position
        pages = _pages(render_erasure_certificate(_data(rows, notes=rows % 4), lang=lang))
        page_counts.add(len(pages))
        signing = [i for i, text in enumerate(pages) if last_sign in text and ("日期" in text or "Date" in text)]
        assert signing, rows
        page = pages[signing[-1]]
        assert approvals in page, (rows, lang)  # the approvals and the statement are above the lines
        assert ("兹证明" in page) if lang == "zh" else ("Thisiscertifies" in page or "certif" in page.lower())
    assert len(page_counts) > 1  # the test really moved the page break


def test_the_chinese_certificate_has_no_english_technical_words() -> None:
    text = "".join(_pages(render_erasure_certificate(_data(5, notes=1), lang="zh")))
    for word in ("secure_delete", "wal_checkpoint", "fts5", "VACUUM", "ClientVault", "合伙人", "事务所", "本所"):
        assert word not in text, word
    latin = set(re.findall(r"[A-Za-z]{2,}", text.replace("0123456789abcdef", "")))
    assert latin <= {"EC", "KH", "V"}, latin  # only the certificate, archive and vault numbers (and the hash)
    assert "序号1234" in text
    assert ":" not in re.sub(r"\d{2}:\d{2}", "", text)  # Chinese colons; only clock times use ":"
