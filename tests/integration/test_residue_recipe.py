"""The test of the recipe (SECURITY.md): plant distinctive values, seal or erase, decrypt every
page of vault.db, -wal and -journal, and search — in WAL and in rollback-journal mode, FTS on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import clientvault.services.vault as vault_module
from clientvault.security.residue import scan_residue
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.services.locking import LockService
from clientvault.services.vault import VaultService
from tests.conftest import PARTNER, PARTNER_PASSWORD, create_test_vault
from tests.fixtures.erasing import destroy
from tests.fixtures.planted import ID_NUMBER, PERSON, SCAN_MARKER, Planted, other_client, plant, plant_scan


@pytest.fixture(params=["wal", "delete"])
def mode_vault(request: pytest.FixtureRequest, fast_vaults: VaultService, vault_dir: Path,
               monkeypatch: pytest.MonkeyPatch) -> Iterator[Vault]:  # fmt: skip
    """A vault in WAL mode (local disk) or rollback-journal DELETE mode (as on a network share)."""
    if request.param == "delete":
        monkeypatch.setattr(vault_module, "is_network_path", lambda _path: True)
    vault = create_test_vault(fast_vaults, vault_dir).vault
    assert str(vault.db.pragma("journal_mode")).lower() == request.param
    yield vault
    vault.lock()


def _bystanders(vault: Vault) -> list[int]:
    return [other_client(vault, f"邻居客户{i}号有限公司") for i in range(30)]


def _dk(vault: Vault) -> bytes:
    keys = vault.session.keys
    assert keys is not None
    return keys.dk


def _scan_closed(vault: Vault, fast_vaults: VaultService, needles: list[str]) -> tuple[object, Vault]:
    """Close the vault (files as they rest on disk), scan, reopen."""
    dk, folder = _dk(vault), vault.paths.folder
    vault.lock()
    report = scan_residue(folder / "vault.db", dk, needles, ngrams=2)
    return report, fast_vaults.unlock(folder, PARTNER, PARTNER_PASSWORD)


def test_planted_values_are_found_before_erasure(mode_vault: Vault) -> None:
    planted = plant(mode_vault)
    mode_vault.db.checkpoint()
    report = scan_residue(mode_vault.paths.db, _dk(mode_vault), planted.needles)
    assert {h.needle for h in report.hits} == set(range(len(planted.needles)))  # the scan can see them


def test_erasure_leaves_zero_hits_in_db_wal_and_journal(mode_vault: Vault, fast_vaults: VaultService) -> None:
    _bystanders(mode_vault)
    planted = plant(mode_vault)
    needles = planted.needles
    plant_scan(mode_vault, planted)
    needles = [*needles, SCAN_MARKER]
    result = destroy(mode_vault, planted.client_id)
    assert result.integrity_problems == ()
    # Scanned while the connection is open and idle: what a copy of the folder would hold right now.
    live = scan_residue(mode_vault.paths.db, _dk(mode_vault), needles)
    assert live.hits == () and live.key_verified, live
    report, reopened = _scan_closed(mode_vault, fast_vaults, needles)
    try:
        assert report.hits == () and report.clean, report  # type: ignore[attr-defined]
        assert ClientService(reopened).count(ClientFilter()) == 30
        assert ClientService(reopened).count(ClientFilter(text=PERSON)) == 0
    finally:
        reopened.lock()


def test_a_locked_record_is_absent_from_every_page_and_opens_only_with_pk(
    mode_vault: Vault, fast_vaults: VaultService
) -> None:
    _bystanders(mode_vault)
    planted = plant(mode_vault)
    evidence = plant_scan(mode_vault, planted)  # no rule requires the scan: erased at sealing
    needles = [*planted.needles, SCAN_MARKER]
    LockService(mode_vault).lock(planted.client_id, "engagement ended")
    report, reopened = _scan_closed(mode_vault, fast_vaults, needles)
    try:
        assert report.hits == () and report.clean, report  # type: ignore[attr-defined]
        record = LockService(reopened).open(planted.client_id, "inspection")
        # Sealing kept what a retention rule requires (the legal representative and their ID number)
        # and erased the rest — the note, the scan — on the erasure path (issue 10).
        assert record.persons[0]["name"] == PERSON and record.persons[0]["id_number"] == ID_NUMBER
        assert record.client["notes"] == "" and record.evidence == ()
        assert reopened.db.scalar("SELECT count(*) FROM consent_evidence WHERE id = ?", (evidence,)) == 0
        keys = reopened.session.keys
        assert keys is not None
        blob = reopened.db.one("SELECT nonce, ciphertext FROM sealed_records WHERE client_id = ?", (planted.client_id,))
        assert blob is not None
        from clientvault.core.errors import DamagedFile
        from clientvault.security.sealing import aad, open_sealed

        with pytest.raises(DamagedFile):  # DK (what every staff member's slot holds) does not open it
            open_sealed(keys.dk, blob[0], blob[1], aad("sealed-record", reopened.vault_id, planted.client_id))
        assert keys.pk is not None
        plain = open_sealed(keys.pk, blob[0], blob[1], aad("sealed-record", reopened.vault_id, planted.client_id))
        assert PERSON.encode() in plain
    finally:
        reopened.lock()


def test_planted_client_was_really_indexed(mode_vault: Vault) -> None:
    planted: Planted = plant(mode_vault)
    assert ClientService(mode_vault).count(ClientFilter(text=PERSON)) == 1
    del planted


def test_typed_reasons_and_the_erasure_note_leave_no_trace(mode_vault: Vault, fast_vaults: VaultService) -> None:
    """Reasons typed at lock, hold, release, open and unlock, and the erasure note, carry markers:
    after the erasure no page of vault.db/-wal/-journal and no file in the vault folder holds one."""
    from clientvault.services.backup import BackupService

    _bystanders(mode_vault)
    planted = plant(mode_vault)
    markers = {kind: f"{kind}-MARKER-{i}f3a-王小明" for i, kind in enumerate(
        ("lock", "hold", "release", "open", "unlock", "relock", "note"))}  # fmt: skip
    locks = LockService(mode_vault)
    locks.lock(planted.client_id, markers["lock"])
    hold = locks.place_hold(planted.client_id, markers["hold"])
    locks.release_hold(planted.client_id, hold, markers["release"])
    locks.open(planted.client_id, markers["open"])
    locks.unlock(planted.client_id, markers["unlock"])
    locks.lock(planted.client_id, markers["relock"])
    BackupService(mode_vault).ensure_set_up()
    BackupService(mode_vault).backup("manual")  # an encrypted backup from before the erasure
    needles = list(markers.values())
    before = scan_residue(mode_vault.paths.db, _dk(mode_vault), needles[:-1])
    assert {h.needle for h in before.hits} == set(range(len(needles) - 1))  # the scan can see the reasons
    destroy(mode_vault, planted.client_id, "service_ended", note=markers["note"])
    live = scan_residue(mode_vault.paths.db, _dk(mode_vault), needles)
    assert live.hits == () and live.key_verified, live
    folder = mode_vault.paths.folder
    report, reopened = _scan_closed(mode_vault, fast_vaults, needles)
    try:
        assert report.hits == () and report.clean, report  # type: ignore[attr-defined]
        entry = ErasureService(reopened).register()[0]  # newest first (sealing erased items too)
        assert ErasureService(reopened).register_note(entry.certificate_no) == markers["note"]  # sealed, kept
    finally:
        reopened.lock()
    catalogue = (folder / "backups" / "catalogue.json").read_text(encoding="utf-8")
    assert '"legal_basis": "service_ended"' in catalogue
    raw = [m.encode(enc) for m in needles for enc in ("utf-8", "utf-16-le")] + [b"MARKER"]
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"vault.db", "vault.keys", "catalogue.json"}
    for path in files:
        data = path.read_bytes()
        assert not [n for n in raw if n in data], path.relative_to(folder)


def test_a_saved_files_typed_name_and_purpose_leave_no_trace(
    mode_vault: Vault, fast_vaults: VaultService, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A user may type the client's name into a saved file's name or its purpose: erasure blanks the
    register's typed columns of the client's exports, but the register still proves the export."""
    from clientvault.services.consent import ConsentService
    from clientvault.services.exports import ExportService

    _bystanders(mode_vault)
    planted = plant(mode_vault)
    consent = ConsentService(mode_vault)
    form = consent.issue_form(planted.client_id, person_id=planted.person_id)
    out = tmp_path_factory.mktemp("紫萱导出目录LOCMARK")  # the folder's name is typed too
    saved = consent.save_form(form, out / "欧阳紫萱文件名FNMARK.pdf", purpose="为欧阳紫萱目的PUMARK")
    needles = ["FNMARK", "PUMARK", "LOCMARK"]
    before = scan_residue(mode_vault.paths.db, _dk(mode_vault), needles)
    assert {h.needle for h in before.hits} == {0, 1, 2}  # the scan can see them
    destroy(mode_vault, planted.client_id)
    live = scan_residue(mode_vault.paths.db, _dk(mode_vault), needles)
    assert live.hits == () and live.key_verified, live
    report, reopened = _scan_closed(mode_vault, fast_vaults, [*needles, *planted.needles])
    try:
        assert report.hits == () and report.clean, report  # type: ignore[attr-defined]
        entry = ExportService(reopened).get(saved.id)
        assert (entry.kind, entry.sha256, entry.row_count, entry.at) == (saved.kind, saved.sha256, 1, saved.at)
        assert entry.destroy_by == saved.destroy_by and entry.client_ids == ()
        assert entry.file_name == entry.purpose == entry.location == "(erased)"
    finally:
        reopened.lock()
