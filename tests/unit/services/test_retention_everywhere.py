"""One retention text everywhere: the 告知同意书, the answer to an access request (PDF and workbook),
the record of processing activities and the Purposes page all state the firm's retention rules
(services.retention_notice), so editing a rule changes all of them and none shows retention_years."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl

from clientvault.services.consent import ConsentService
from clientvault.services.context import Vault
from clientvault.services.processing_record import ProcessingRecordService
from clientvault.services.purposes import PurposeInput, PurposeService
from clientvault.services.retention import RetentionService
from clientvault.services.retention_notice import retention_statements
from clientvault.services.subject_requests import RequestKind, SubjectRequestService
from clientvault.storage.retention import RetentionRepository
from tests.fixtures.planted import plant
from tests.unit.documents.pdfcheck import pdf_text, squash

TODAY = date(2026, 3, 2)


def _everything(vault: Vault, client_id: int, request_id: int, tmp_path: Path, name: str) -> dict[str, str]:
    """The text of each place that tells a person or an inspector how long data is kept."""
    requests = SubjectRequestService(vault, today=lambda: TODAY)
    book = tmp_path / f"{name}.xlsx"
    book.write_bytes(requests.answer_workbook(request_id))
    record = ProcessingRecordService(vault).save(tmp_path / f"{name}-ropa.pdf", tmp_path / f"{name}-ropa.xlsx")

    def cells(path: Path) -> str:
        wb = openpyxl.load_workbook(path)
        return squash(" ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value))

    return {
        "form": squash(pdf_text(ConsentService(vault).issue_form(client_id).pdf)),
        "answer_pdf": squash(pdf_text(requests.answer_pdf(request_id))),
        "answer_xlsx": cells(book),
        "record_pdf": squash(pdf_text(record.pdf.read_bytes())),
        "record_xlsx": cells(record.xlsx),
    }


def test_editing_a_rule_changes_the_form_the_access_answer_and_the_processing_record(
    new_vault: Vault, tmp_path: Path
) -> None:
    planted = plant(new_vault, accountant_ids=[])
    rid = SubjectRequestService(new_vault, today=lambda: TODAY).record(
        planted.client_id, planted.person_id, RequestKind.ACCESS, identity_method="id_in_person",
        identity_ok=True, received_on=TODAY,
    ).id  # fmt: skip
    before = _everything(new_vault, planted.client_id, rid, tmp_path, "before")
    for where, text in before.items():
        assert "身份信息30年（会计凭证）" in text, where
        assert "会计年度终了后第一天起保存" in text, where  # the starting point, everywhere
    vouchers = next(r for r in RetentionRepository(new_vault.db).rules() if r.category == "accounting_vouchers")
    RetentionService(new_vault).set_rule("accounting_vouchers", 31, vouchers.legal_source)
    after = _everything(new_vault, planted.client_id, rid, tmp_path, "after")
    for where, text in after.items():
        assert "身份信息31年（会计凭证）" in text, where
        assert "身份信息30年" not in text, where


def test_retention_years_of_a_purpose_is_not_what_is_shown(new_vault: Vault) -> None:
    service = PurposeService(new_vault)
    first = service.catalogue()[0]
    service.save(
        first.code, replace(PurposeInput.from_purpose(first), retention_years=77), expected_version=first.version
    )
    purposes = service.catalogue()
    shown = retention_statements(new_vault, purposes, "en")
    assert shown[first.code].startswith(("while the engagement lasts", "until")), shown[first.code]
    rows = ProcessingRecordService(new_vault).rows("en")
    assert [r[4] for r in rows] == [shown[p.code] for p in purposes]
    assert not any("77" in r[4] for r in rows)
