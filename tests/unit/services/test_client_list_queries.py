"""The client list's query paths (issue 12): keyset pages in every sort order, the accountant's
assignment filter, identifier prefix lookups and the bounded search.

Correctness only: the speed of these paths is measured by ``make bench`` (bench/desk.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from clientvault.core.roles import Role
from clientvault.services.clients import ClientFilter, ClientService, identifier_prefix
from clientvault.services.context import Vault
from clientvault.services.seed import populate_synthetic
from clientvault.services.vault import VaultService
from clientvault.storage import clients as storage
from clientvault.storage.clients import SORTABLE, ClientRepository, ListQuery, Visibility
from tests.conftest import STAFF_PASSWORD

CLIENTS = 1500


@pytest.fixture
def office(
    new_vault: Vault, fast_vaults: VaultService, add_staff: Callable[..., int]
) -> Iterator[tuple[Vault, Callable[[str], Vault], list[int]]]:
    """A partner session over 1 500 synthetic clients shared by three accountants; a login helper."""
    accountants = [add_staff(f"acc{i}", Role.ACCOUNTANT) for i in range(3)]
    add_staff("assist", Role.ASSISTANT)
    populate_synthetic(new_vault, CLIENTS, seed=7)
    # Some clients invisible to every list: a locked and an erased status must never show.
    new_vault.db.execute("UPDATE clients SET status = 'locked' WHERE id % 97 = 0")
    new_vault.db.execute("UPDATE clients SET updated_at = '2026-01-0' || (id % 9 + 1) WHERE id % 5 = 0")
    opened: list[Vault] = []

    def login(name: str) -> Vault:
        v = fast_vaults.unlock(new_vault.paths.folder, name, STAFF_PASSWORD)
        opened.append(v)
        return v

    yield new_vault, login, accountants
    for v in opened:
        v.lock()


def _plain_order(vault: Vault, sort: str, descending: bool, assigned_to: int | None) -> list[int]:
    """The ids of the visible list in the order a plain ORDER BY gives (no index, no keyset)."""
    direction = "DESC" if descending else "ASC"
    where = "c.status IN ('prospect', 'active', 'ended')"
    params: list[Any] = []
    if assigned_to is not None:
        where += " AND c.id IN (SELECT client_id FROM client_accountants WHERE user_id = ?)"
        params.append(assigned_to)
    expr = SORTABLE[sort]
    rows = vault.db.all(
        f"SELECT c.id FROM clients c NOT INDEXED WHERE {where} ORDER BY {expr} {direction}, c.id {direction}", params
    )
    return [int(r[0]) for r in rows]


def _keyset_all(svc: ClientService, flt: ClientFilter, page: int = 97) -> list[int]:
    out, last = [], None
    while rows := svc.page(flt, limit=page, after=last):
        out += [r.id for r in rows]
        last = rows[-1]
    return out


@pytest.mark.parametrize("sort", sorted(SORTABLE))
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_equal_plain_order_by(office: Any, sort: str, descending: bool) -> None:
    partner, _, _ = office
    flt = ClientFilter(sort=sort, descending=descending)
    ids = _keyset_all(ClientService(partner), flt)
    assert ids == _plain_order(partner, sort, descending, None)
    assert len(ids) == ClientService(partner).count(flt)


@pytest.mark.parametrize("drive", [True, False])
@pytest.mark.parametrize("sort", sorted(SORTABLE))
def test_accountant_pages_hold_exactly_the_assigned_clients(
    office: Any, monkeypatch: pytest.MonkeyPatch, sort: str, drive: bool
) -> None:
    partner, login, accountants = office
    if not drive:  # walk the sort index and check each row's assignment instead
        monkeypatch.setattr(storage, "_DRIVE_BELOW", 0)
        monkeypatch.setattr(storage, "_DRIVE_SHARE", 1)
    acc = login("acc1")
    svc = ClientService(acc)
    for descending in (False, True):
        flt = ClientFilter(sort=sort, descending=descending)
        ids = _keyset_all(svc, flt)
        expected = _plain_order(partner, sort, descending, accountants[1])
        assert ids == expected
        assert svc.count(flt) == len(expected)
    assigned = {int(r[0]) for r in partner.db.all("SELECT client_id FROM client_accountants WHERE user_id = ?",
                                                  (accountants[1],))}  # fmt: skip
    assert set(ids) <= assigned and 0 < len(ids) < CLIENTS / 2


def test_drive_choice_follows_the_accountants_share(office: Any) -> None:
    partner, _, accountants = office
    repo = ClientRepository(partner.db)
    # 500 of 1 500 clients: few enough in absolute terms to read the assignments first.
    assert repo._drive_by_assignment(Visibility(assigned_to=accountants[0]), ListQuery())
    assert not repo._drive_by_assignment(Visibility(), ListQuery())


def test_accountant_search_sees_only_assigned_clients(office: Any) -> None:
    partner, login, accountants = office
    svc = ClientService(login("acc2"))
    assigned = {int(r[0]) for r in partner.db.all("SELECT client_id FROM client_accountants WHERE user_id = ?",
                                                  (accountants[2],))}  # fmt: skip
    for text in ("有限公司", "1", "13", "张", "9"):
        rows = svc.page(ClientFilter(text=text), limit=2000)
        assert rows and {r.id for r in rows} <= assigned, text


def _row(partner: Vault, sql: str) -> tuple[Any, ...]:
    row = partner.db.one(sql)
    assert row is not None
    return row


def test_identifier_prefix_lookups(office: Any) -> None:
    partner, login, _ = office
    svc = ClientService(partner)
    cid, uscc, tax_no = _row(
        partner, "SELECT id, uscc, tax_no FROM clients WHERE uscc IS NOT NULL AND status = 'active'"
    )
    for typed in (uscc, uscc[:10], uscc[:10].lower(), f"{uscc[:6]} {uscc[6:12]}"):
        assert cid in {r.id for r in svc.page(ClientFilter(text=typed), limit=2000)}, typed
    assert [r.id for r in svc.page(ClientFilter(text=uscc))] == [cid]
    if tax_no:
        assert cid in {r.id for r in svc.page(ClientFilter(text=tax_no), limit=2000)}
    # A landline is stored "0571-87654321": typed with or without the hyphen.
    lid, phone = _row(partner, "SELECT id, phone FROM clients WHERE phone LIKE '0%-%' AND status != 'locked'")
    for typed in (phone, phone.replace("-", ""), phone.replace("-", "")[:7]):
        assert lid in {r.id for r in svc.page(ClientFilter(text=typed), limit=2000)}, typed
    # A person's mobile, ID number and an account number find the client.
    pid, mobile, id_number = _row(
        partner,
        "SELECT p.client_id, p.phone, p.id_number FROM persons p JOIN clients c ON c.id = p.client_id"
        " WHERE c.status != 'locked' AND p.id_number IS NOT NULL AND length(p.id_number) = 18",
    )
    for typed in (mobile, mobile[:8], id_number, id_number[:10], id_number.lower()):
        assert pid in {r.id for r in svc.page(ClientFilter(text=typed), limit=2000)}, typed
    aid, account = _row(
        partner,
        "SELECT s.client_id, s.value FROM sensitive_items s JOIN clients c ON c.id = s.client_id"
        " WHERE s.kind = 'bank_account' AND c.status != 'locked'",
    )
    assert aid in {r.id for r in svc.page(ClientFilter(text=account[:12]), limit=2000)}
    # Every hit of a prefix really has an identifier with that prefix (no bigram near-misses).
    hits = svc.page(ClientFilter(text=uscc[:12]), limit=2000)
    for r in hits:
        codes = _row(partner, f"SELECT ifnull(uscc, ''), ifnull(tax_no, '') FROM clients WHERE id = {r.id}")
        people = partner.db.all("SELECT ifnull(id_number, ''), phone FROM persons WHERE client_id = ?", (r.id,))
        values = [*codes, *(p[0] for p in people), *(p[1].replace("-", "") for p in people)]
        assert any(v.startswith(uscc[:12]) for v in values)
    # The assistant sees masked contacts and may not reveal IDs: none of those find a client.
    assistant = ClientService(login("assist"))
    assert pid not in {r.id for r in assistant.page(ClientFilter(text=id_number), limit=2000)}
    assert aid not in {r.id for r in assistant.page(ClientFilter(text=account), limit=2000)}
    assert lid not in {r.id for r in assistant.page(ClientFilter(text=phone), limit=2000)}


def test_identifier_prefix_parsing() -> None:
    assert identifier_prefix("138 1234-5678") == "13812345678"
    assert identifier_prefix("９１１１０") == "91110"  # full-width digits
    assert identifier_prefix("11010519491231002x") == "11010519491231002X"
    assert identifier_prefix("张伟") is None and identifier_prefix("abc") is None and identifier_prefix("") is None
    assert identifier_prefix("138%") is None


def test_short_prefix_search_is_capped_and_counted(office: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    partner, _, _ = office
    monkeypatch.setattr(storage, "SEARCH_LIMIT", 100)
    svc = ClientService(partner)
    rows = svc.page(ClientFilter(text="1"), limit=5000)
    assert len(rows) == 101  # SEARCH_LIMIT + 1 tells the list there are more
    assert svc.count(ClientFilter(text="1"), cap=101) == 101
    assert svc.count(ClientFilter(text="1")) == 101  # a search never counts past the limit
    assert all(r.status.value != "locked" for r in rows)


def test_search_result_is_not_reused_after_a_change(office: Any) -> None:
    partner, _, _ = office
    svc = ClientService(partner)
    cid, uscc = _row(partner, "SELECT id, uscc FROM clients WHERE uscc IS NOT NULL AND status = 'active'")
    assert [r.id for r in svc.page(ClientFilter(text=uscc))] == [cid]
    partner.db.execute("UPDATE clients SET status = 'locked' WHERE id = ?", (cid,))
    assert svc.page(ClientFilter(text=uscc)) == []
    assert svc.count(ClientFilter(text=uscc), cap=1001) == 0
