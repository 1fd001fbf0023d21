"""``clientvault form``: a client's or a blank consent form saved and recorded in the export register."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from clientvault import cli
from clientvault.core.records import ClientInput
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.exports import ExportService
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD
from tests.unit.documents.pdfcheck import pdf_text


def _form(vault_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = {"CLIENTVAULT_PASSWORD": PARTNER_PASSWORD, "CLIENTVAULT_TESTING": "1"}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        code = cli.main(
            ["form", "--vault", str(vault_dir), "--user", PARTNER, "--kdf-profile", "fast", *args], out=out, err=err
        )
    return code, out.getvalue(), err.getvalue()


def test_form_verb_writes_blank_and_client_forms_and_registers_them(
    new_vault: Vault, vault_dir: Path, fast_vaults: VaultService, tmp_path: Path
) -> None:
    client = ClientService(new_vault).create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
    new_vault.lock()
    code, out, err = _form(vault_dir, "--out", str(tmp_path / "blank.pdf"), "--lang", "en")
    assert code == 0, err
    assert out.split("\t")[0].startswith("CF-")
    assert "Notice and consent" in pdf_text((tmp_path / "blank.pdf").read_bytes())
    code, out, err = _form(vault_dir, "--out", str(tmp_path / "client.pdf"), "--client", str(client))
    assert code == 0, err
    assert "杭州星辰科技有限公司" in pdf_text((tmp_path / "client.pdf").read_bytes())
    code, _, err = _form(vault_dir, "--out", str(tmp_path / "client.pdf"))
    assert code == 2 and "exists" in err
    code, _, err = _form(vault_dir, "--out", str(tmp_path / "x.pdf"), "--client", "999")
    assert code == 2 and not (tmp_path / "x.pdf").exists()
    vault = fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    try:
        entries = ExportService(vault).register()
        assert [(e.file_name, e.client_ids) for e in entries] == [("client.pdf", (client,)), ("blank.pdf", ())]
    finally:
        vault.lock()
