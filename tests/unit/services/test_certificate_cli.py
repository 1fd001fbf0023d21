"""``clientvault certificate``: an erasure certificate saved as PDF and recorded in the export register."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.exports import ExportKind, ExportService
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD, STAFF_PASSWORD
from tests.fixtures.cli import run_cli as _run
from tests.fixtures.erasing import destroy
from tests.fixtures.planted import plant
from tests.unit.documents.pdfcheck import pdf_text, squash


def test_certificate_verb_saves_the_pdf_and_registers_it(
    new_vault: Vault, vault_dir: Path, fast_vaults: VaultService, tmp_path: Path
) -> None:
    cert = destroy(new_vault, plant(new_vault).client_id).certificate_no
    new_vault.lock()
    out = tmp_path / "cert.pdf"
    code, printed, err = _run(vault_dir, "certificate", cert, "--out", str(out), "--lang", "en")
    assert code == 0, err
    fields = printed.strip().split("\t")
    assert fields[0] == cert and fields[1].isdigit()
    text = squash(pdf_text(out.read_bytes()))
    assert cert in text and squash("Erasure certificate").lower() in text.lower()
    before = out.read_bytes()
    code, _, err = _run(vault_dir, "certificate", cert, "--out", str(out))
    assert code == 2 and "exists" in err and out.read_bytes() == before  # an existing file is refused
    code, _, err = _run(vault_dir, "certificate", "ER-1999-000009", "--out", str(tmp_path / "none.pdf"))
    assert code == 2 and not (tmp_path / "none.pdf").exists()
    vault = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    try:
        (entry,) = ExportService(vault).register()
        assert (entry.id, entry.kind, entry.file_name) == (int(fields[1]), ExportKind.CERTIFICATE.value, "cert.pdf")
    finally:
        vault.lock()


def test_certificate_verb_is_for_partner_and_privacy_officer_only(
    new_vault: Vault, vault_dir: Path, add_staff: Callable[..., int], tmp_path: Path
) -> None:
    add_staff("acc", Role.ACCOUNTANT)
    cert = destroy(new_vault, plant(new_vault).client_id).certificate_no
    new_vault.lock()
    code, _, err = _run(vault_dir, "certificate", cert, "--out", str(tmp_path / "c.pdf"), user="acc",
                        password=STAFF_PASSWORD)  # fmt: skip
    assert code == 2 and not (tmp_path / "c.pdf").exists(), err


def test_an_existing_folder_as_output_is_named_a_folder(new_vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    new_vault.lock()
    for verb in (("form",), ("certificate", "ER-2026-000001")):
        code, _, err = _run(vault_dir, *verb, "--out", str(tmp_path))
        assert code == 2 and "is a folder" in err and "exists" not in err, err
