"""Migration 0003 and the consent/export repositories: schema rules the services rely on."""

from __future__ import annotations

import pytest
import sqlcipher3

from clientvault.services.context import Vault
from clientvault.services.purposes import purpose_from_row
from clientvault.storage.consent import ConsentRepository, PurposeRepository
from clientvault.storage.exports import ExportRepository


def test_seeded_catalogue_is_current_version_one(new_vault: Vault) -> None:
    rows = PurposeRepository(new_vault.db).current()
    assert [r["code"] for r in rows] == [
        "bookkeeping",
        "tax_filing",
        "annual_report",
        "payroll_social_insurance",
        "bank_services",
        "marketing",
    ]
    assert all(purpose_from_row(r).categories for r in rows)


def test_only_one_current_version_per_code(new_vault: Vault) -> None:
    repo = PurposeRepository(new_vault.db)
    first = repo.current_by_code("marketing")
    assert first is not None
    values = {k: first[k] for k in ("name_zh", "name_en", "lawful_basis", "categories", "retention_years")}
    values |= {"necessary": 0, "separate_sensitive": 0, "third_party": 0}
    with new_vault.db.transaction():
        new_id = repo.add_version("marketing", values, None)
    assert [(r["version"], r["current"]) for r in repo.history("marketing")] == [(2, 1), (1, 0)]
    assert repo.current_by_code("marketing")["id"] == new_id  # type: ignore[index]
    with pytest.raises(sqlcipher3.IntegrityError):
        new_vault.db.execute("UPDATE purposes SET current = 1 WHERE code = 'marketing'")


def test_form_numbers_are_unique_and_statuses_checked(new_vault: Vault) -> None:
    repo = ConsentRepository(new_vault.db)
    with new_vault.db.transaction():
        repo.insert_form("CF-AAAA-AAAA", None, None, "zh", [1, 2], None)
    assert repo.form_purpose_ids(repo.form_by_no("CF-AAAA-AAAA")["id"]) == [1, 2]  # type: ignore[index]
    with pytest.raises(sqlcipher3.IntegrityError):
        repo.insert_form("CF-AAAA-AAAA", None, None, "zh", [], None)
    with pytest.raises(sqlcipher3.IntegrityError):
        new_vault.db.execute("UPDATE consent_forms SET status = 'lost'")


def test_evidence_bytes_stay_in_the_database(new_vault: Vault) -> None:
    new_vault.db.execute(
        "INSERT INTO clients (kind, name, status, created_at, updated_at) VALUES ('enterprise', 'x', 'active', '', '')"
    )
    repo = ConsentRepository(new_vault.db)
    eid = repo.insert_evidence(1, None, "image/png", "00" * 32, b"\x89PNG-bytes", None)
    assert repo.evidence_data(eid) == b"\x89PNG-bytes"
    assert repo.evidence_meta(eid)["size"] == 10  # type: ignore[index]
    with pytest.raises(sqlcipher3.IntegrityError):
        repo.insert_evidence(1, None, "text/html", "00" * 32, b"<html>", None)


def test_export_register_round_trip_and_due_filter(new_vault: Vault) -> None:
    repo = ExportRepository(new_vault.db)
    values = {"kind": "excel", "purpose": "p", "file_name": "a.xlsx", "sha256": "0" * 64, "destroy_by": "2026-01-01"}
    eid = repo.insert(values, [3, 1, 3])
    assert repo.client_ids(eid) == [1, 3] and repo.exports_of_client(3) == [eid]
    assert repo.count(due_before="2026-06-01") == 1 and repo.count(due_before="2025-06-01") == 0
    assert repo.mark_destroyed(eid, None) and not repo.mark_destroyed(eid, None)
    assert repo.count(due_before="2026-06-01") == 0
