"""A credit code or ID number another client has is refused with that client, unless confirmed."""

from __future__ import annotations

import time

import pytest

from clientvault.core.errors import DuplicateIdentifier
from clientvault.core.records import ClientInput, PersonInput, PersonRole
from clientvault.core.validation import resident_id_check_digit, uscc_check_digit
from clientvault.services.clients import ClientService, SharedIdentifier
from clientvault.services.context import Vault
from clientvault.storage.audit import AuditFilter

USCC = "91110105MA01QX7R2" + uscc_check_digit("91110105MA01QX7R2")
USCC_2 = "91310115MA1K3Y8P0" + uscc_check_digit("91310115MA1K3Y8P0")
ID = "11010519800101123" + resident_id_check_digit("11010519800101123")


def test_a_second_client_with_the_same_credit_code_is_refused_then_saved_as_a_branch(new_vault: Vault) -> None:
    clients = ClientService(new_vault)
    head = clients.create(ClientInput(name="总公司", uscc=USCC))
    with pytest.raises(DuplicateIdentifier) as refused:
        clients.create(ClientInput(name="分公司", uscc=USCC))
    assert (refused.value.field, refused.value.other_client_id) == ("uscc", head)
    assert clients.other_client_name(head) == "总公司"
    assert USCC not in repr(refused.value.args) and "总公司" not in repr(refused.value.args)
    assert clients.count() == 1  # nothing written
    branch = clients.create(ClientInput(name="分公司", uscc=USCC), shared=(SharedIdentifier("uscc", head),))
    assert clients.shared_identifiers(branch) == [(None, SharedIdentifier("uscc", head))]
    events = [e for e in new_vault.audit.page(AuditFilter(), limit=50) if e.action == "client.shared_identifier"]
    assert len(events) == 1
    assert events[0].object == f"client:{branch}.uscc" and events[0].reason == f"branch:client:{head}"
    assert USCC not in f"{events[0].object}{events[0].reason}"


def test_editing_a_client_to_another_clients_code_is_refused(new_vault: Vault) -> None:
    clients = ClientService(new_vault)
    first = clients.create(ClientInput(name="甲公司", uscc=USCC))
    second = clients.create(ClientInput(name="乙公司", uscc=USCC_2))
    version = clients.get(second).version
    with pytest.raises(DuplicateIdentifier) as refused:
        clients.update(second, version, ClientInput(uscc=USCC))
    assert refused.value.other_client_id == first
    assert clients.edit_values(second)["uscc"] == USCC_2
    # Saving its own unchanged code, or other fields, is no duplicate.
    version = clients.update(second, version, ClientInput(name="乙公司二", uscc=USCC_2))
    clients.update(second, version, ClientInput(uscc=USCC), shared=(SharedIdentifier("uscc", first),))
    assert clients.edit_values(second)["uscc"] == USCC


def test_an_id_number_another_clients_person_has_needs_same_person(new_vault: Vault) -> None:
    clients = ClientService(new_vault)
    rep = PersonInput(role=PersonRole.LEGAL_REP, name="张三", id_number=ID)
    first = clients.create(ClientInput(name="甲公司", engagement_start="2024-01-01"), persons=(rep,))
    # The same person twice on one client (legal rep and owner) is not a duplicate.
    clients.add_person(first, PersonInput(role=PersonRole.OWNER, name="张三", id_number=ID))
    with pytest.raises(DuplicateIdentifier) as refused:
        clients.create(ClientInput(name="乙公司", engagement_start="2024-01-01"), persons=(rep,))
    assert (refused.value.field, refused.value.other_client_id) == ("id_number", first)
    second = clients.create(ClientInput(name="乙公司", engagement_start="2024-01-01"))
    with pytest.raises(DuplicateIdentifier):
        clients.add_person(second, rep)
    pid = clients.add_person(second, rep, shared=(SharedIdentifier("id_number", first),))
    assert clients.shared_identifiers(second) == [(pid, SharedIdentifier("id_number", first))]
    assert SharedIdentifier("id_number", first).choice == "same_person"
    # Editing a third client's person to that number is refused too.
    third = clients.create(ClientInput(name="丙公司", engagement_start="2024-01-01"))
    other = clients.add_person(third, PersonInput(role=PersonRole.CONTACT, name="李四"))
    with pytest.raises(DuplicateIdentifier):
        clients.update_person(other, 1, PersonInput(role=PersonRole.CONTACT, name="李四", id_number=ID))


def test_the_lookup_is_an_index_seek(new_vault: Vault) -> None:
    """10 000 clients with codes: the check costs what it costs on an empty vault (well under 5 ms)."""
    db = new_vault.db
    with db.transaction():
        db.executemany(
            "INSERT INTO clients (kind, name, uscc, status, created_at, updated_at) VALUES"
            " ('enterprise', ?, ?, 'active', '2024-01-01', '2024-01-01')",
            [(f"公司{i}", f"9111{i:014d}") for i in range(10_000)],
        )
    sql = "EXPLAIN QUERY PLAN SELECT min(id) FROM clients INDEXED BY clients_by_uscc WHERE uscc = ? AND id IS NOT ?"
    plan = " ".join(str(r[3]) for r in db.all(sql, ("x", 1)))
    assert "USING" in plan and "INDEX clients_by_uscc" in plan
    clients = ClientService(new_vault)
    start = time.perf_counter()
    for _ in range(100):
        clients._shared(None, USCC, ())
    assert (time.perf_counter() - start) / 100 < 0.005
