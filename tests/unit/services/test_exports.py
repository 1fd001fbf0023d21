"""The export register: role scopes, filters, and destroying registered files."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from clientvault.core.errors import AccessDenied, InvalidState, NotFound
from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.services.exports import DestroyOutcome, ExportEntry, ExportKind, ExportService, RegisterFilter
from clientvault.services.vault import VaultService
from clientvault.storage.audit import AuditFilter
from tests.conftest import STAFF_PASSWORD

TODAY = date(2026, 11, 30)


@dataclass
class Office:
    partner: Vault
    acc: Vault
    acc2: Vault
    asst: Vault
    priv: Vault

    def exports(self, vault: Vault, today: date = TODAY) -> ExportService:
        return ExportService(vault, today=lambda: today)


@pytest.fixture
def office(new_vault: Vault, fast_vaults: VaultService, add_staff: Callable[..., int]) -> Iterator[Office]:
    for name, role in (
        ("acc", Role.ACCOUNTANT),
        ("acc2", Role.ACCOUNTANT),
        ("asst", Role.ASSISTANT),
        ("priv", Role.PRIVACY_OFFICER),
    ):
        add_staff(name, role)
    opened = [fast_vaults.unlock(new_vault.paths.folder, n, STAFF_PASSWORD) for n in ("acc", "acc2", "asst", "priv")]
    yield Office(new_vault, *opened)
    for vault in opened:
        vault.lock()


def _save(office: Office, vault: Vault, path: Path, *, days: int = 30, data: bytes = b"rows") -> ExportEntry:
    return office.exports(vault).save(data, path, kind=ExportKind.EXCEL, purpose="year-end", keep_days=days)


def test_scopes_follow_the_export_capability(office: Office, tmp_path: Path) -> None:
    mine = _save(office, office.acc, tmp_path / "acc.xlsx")
    other = _save(office, office.acc2, tmp_path / "acc2.xlsx")
    partners = _save(office, office.partner, tmp_path / "partner.xlsx")
    everything = {mine.id, other.id, partners.id}
    assert {e.id for e in office.exports(office.partner).register()} == everything
    assert {e.id for e in office.exports(office.priv).register()} == everything  # register only, but all of it
    assert [e.id for e in office.exports(office.acc).register()] == [mine.id]
    assert office.exports(office.acc).count() == 1
    with pytest.raises(NotFound):
        office.exports(office.acc).get(other.id)
    with pytest.raises(AccessDenied):
        office.exports(office.asst).register()
    with pytest.raises(AccessDenied):
        office.exports(office.priv).save(b"x", tmp_path / "po.xlsx", kind=ExportKind.EXCEL, purpose="audit")
    assert set(office.exports(office.acc).user_names().values()) >= {"acc", "acc2"}


def test_due_all_and_destroyed_filters(office: Office, tmp_path: Path) -> None:
    due = _save(office, office.partner, tmp_path / "due.xlsx", days=0)  # destroy-by today: due
    later = _save(office, office.partner, tmp_path / "later.xlsx", days=10)
    gone = _save(office, office.partner, tmp_path / "gone.xlsx", days=0)
    svc = office.exports(office.partner)
    svc.destroy(gone.id)

    def ids(status: RegisterFilter, today: date = TODAY) -> set[int]:
        return {e.id for e in office.exports(office.partner, today).register(status=status)}

    assert ids(RegisterFilter.DUE) == {due.id}
    assert ids(RegisterFilter.DUE, TODAY + timedelta(days=10)) == {due.id, later.id}
    assert ids(RegisterFilter.ALL) == {due.id, later.id, gone.id}
    assert ids(RegisterFilter.DESTROYED) == {gone.id}
    assert svc.count(status=RegisterFilter.DUE) == 1 and svc.count(due_only=True) == 1
    assert svc.get(due.id).is_due(TODAY) and not svc.get(later.id).is_due(TODAY)


def test_destroy_overwrites_then_removes_a_matching_file(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "客户清单.xlsx"
    entry = _save(office, office.partner, path, data=b"secret rows " * 1000)
    written: list[bytes] = []
    real_write = os.write

    def spy(fd: int, data: bytes) -> int:
        written.append(bytes(data))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", spy)
    assert office.exports(office.partner).destroy(entry.id) is DestroyOutcome.OVERWRITTEN
    assert not path.exists()
    assert sum(len(w) for w in written) == entry.size and all(set(w) == {0} for w in written)
    after = office.exports(office.partner).get(entry.id)
    assert after.destroyed_at and after.destroy_outcome == "overwritten"


def test_a_changed_file_is_left_alone_but_marked(office: Office, tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    entry = _save(office, office.partner, path, data=b"original")
    path.write_bytes(b"someone's new work")
    assert office.exports(office.partner).destroy(entry.id) is DestroyOutcome.CHANGED
    assert path.read_bytes() == b"someone's new work"
    assert office.exports(office.partner).get(entry.id).destroy_outcome == "changed"
    same_size = _save(office, office.partner, tmp_path / "same.xlsx", data=b"AAAA")
    (tmp_path / "same.xlsx").write_bytes(b"BBBB")
    assert office.exports(office.partner).destroy(same_size.id) is DestroyOutcome.CHANGED
    assert (tmp_path / "same.xlsx").read_bytes() == b"BBBB"


def test_a_symlink_in_place_of_the_file_is_not_followed(office: Office, tmp_path: Path) -> None:
    path = tmp_path / "link.xlsx"
    entry = _save(office, office.partner, path, data=b"rows")
    target = tmp_path / "elsewhere.bin"
    target.write_bytes(b"rows")  # same content: still not the registered file
    path.unlink()
    path.symlink_to(target)
    assert office.exports(office.partner).destroy(entry.id) is DestroyOutcome.CHANGED
    assert target.read_bytes() == b"rows"


def test_a_missing_file_is_marked(office: Office, tmp_path: Path) -> None:
    path = tmp_path / "moved.xlsx"
    entry = _save(office, office.partner, path)
    path.unlink()
    assert office.exports(office.priv).destroy(entry.id) is DestroyOutcome.MISSING
    with pytest.raises(InvalidState):
        office.exports(office.priv).destroy(entry.id)


def test_an_entry_without_a_location_is_only_marked(office: Office, tmp_path: Path) -> None:
    entry = _save(office, office.partner, tmp_path / "x.xlsx")
    with office.partner.db.transaction():  # what an erasure leaves in the typed columns
        office.partner.db.execute(
            "UPDATE export_register SET file_name = '(erased)', location = '(erased)' WHERE id = ?", (entry.id,)
        )
    assert office.exports(office.partner).destroy(entry.id) is DestroyOutcome.NO_LOCATION
    assert (tmp_path / "x.xlsx").exists()


def test_who_may_destroy(office: Office, tmp_path: Path) -> None:
    mine = _save(office, office.acc, tmp_path / "acc.xlsx")
    other = _save(office, office.acc2, tmp_path / "acc2.xlsx")
    with pytest.raises(NotFound):
        office.exports(office.acc).destroy(other.id)
    assert (tmp_path / "acc2.xlsx").exists()
    with pytest.raises(AccessDenied):
        office.exports(office.asst).destroy(mine.id)
    assert office.exports(office.acc).destroy(mine.id) is DestroyOutcome.OVERWRITTEN
    assert office.exports(office.priv).destroy(other.id) is DestroyOutcome.OVERWRITTEN


def test_audit_holds_the_id_and_outcome_only(office: Office, tmp_path: Path) -> None:
    path = tmp_path / "张三工资表.xlsx"
    entry = _save(office, office.partner, path)
    office.exports(office.partner).destroy(entry.id)
    events = office.partner.audit.page(AuditFilter(action_prefix="export.destroyed"))
    assert [(e.object, e.reason) for e in events] == [(f"export:{entry.id}", "overwritten")]
    everything = office.partner.audit.page(AuditFilter(), limit=1000)
    text = " ".join(e.object + e.reason + e.purpose for e in everything)
    assert "张三工资表" not in text and str(tmp_path) not in text
