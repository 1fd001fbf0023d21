"""ClientService.person_edit_values: what a person editor (and its conflict view) may load."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from clientvault.core.errors import AccessDenied, NotFound
from clientvault.core.records import ClientInput, PersonInput, PersonRole
from clientvault.core.roles import Role
from clientvault.core.validation import resident_id_check_digit
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService
from tests.conftest import STAFF_PASSWORD

ID_A = "11010519800101123" + resident_id_check_digit("11010519800101123")


@pytest.fixture
def login(new_vault: Vault, fast_vaults: VaultService) -> Iterator[Callable[[str], Vault]]:
    opened: list[Vault] = []

    def _login(name: str) -> Vault:
        v = fast_vaults.unlock(new_vault.paths.folder, name, STAFF_PASSWORD)
        opened.append(v)
        return v

    yield _login
    for v in opened:
        v.lock()


@pytest.fixture
def person(new_vault: Vault, add_staff: Callable[..., int]) -> tuple[int, int]:
    acc = add_staff("acc1", Role.ACCOUNTANT)
    add_staff("acc2", Role.ACCOUNTANT)
    add_staff("assist", Role.ASSISTANT)
    add_staff("privacy", Role.PRIVACY_OFFICER)
    svc = ClientService(new_vault)
    cid = svc.create(
        ClientInput(name="北京星辰科技有限公司", engagement_start="2024-01-01"),
        persons=(PersonInput(PersonRole.LEGAL_REP, "张三", id_number=ID_A, phone="13900001111", email="z@x.example"),),
    )
    svc.assign(cid, [acc])
    return cid, svc.get(cid).persons[0].id


def test_partner_and_assigned_accountant_get_unmasked_contacts_and_a_masked_id(
    new_vault: Vault, person: tuple[int, int], login: Callable[[str], Vault]
) -> None:
    _cid, pid = person
    for vault in (new_vault, login("acc1")):
        values = ClientService(vault).person_edit_values(pid)
        assert values == {
            "role": "legal_rep",
            "name": "张三",
            "phone": "13900001111",
            "email": "z@x.example",
            "address": "",
            "id_type": "resident_id",
            "id_number": ID_A[:6] + "********" + ID_A[-4:],
            "version": "1",
        }
        assert ID_A not in values.values()  # the full number only through reveal_id_number


def test_version_follows_saves(new_vault: Vault, person: tuple[int, int]) -> None:
    svc = ClientService(new_vault)
    _cid, pid = person
    svc.update_person(pid, 1, PersonInput(PersonRole.LEGAL_REP, "张三丰"))
    values = svc.person_edit_values(pid)
    assert values["version"] == "2" and values["name"] == "张三丰"
    assert values["id_number"].endswith(ID_A[-4:])  # kept


def test_roles_that_may_not_edit_get_nothing(person: tuple[int, int], login: Callable[[str], Vault]) -> None:
    _cid, pid = person
    for name in ("acc2", "privacy", "assist"):  # not assigned / never edits / active client, not a prospect
        with pytest.raises(AccessDenied):
            ClientService(login(name)).person_edit_values(pid)
    with pytest.raises(NotFound):
        ClientService(login("acc1")).person_edit_values(999_999)


def test_assistant_editing_a_prospect_gets_no_id_fields(person: tuple[int, int], login: Callable[[str], Vault]) -> None:
    assistant = ClientService(login("assist"))
    cid = assistant.create(
        ClientInput(name="杭州云帆企业管理咨询有限公司"),
        persons=(PersonInput(PersonRole.CONTACT, "王小姐", phone="13800001111"),),
    )
    pid = assistant.get(cid).persons[0].id
    values = assistant.person_edit_values(pid)
    assert "id_number" not in values and "id_type" not in values
    assert values["phone"] == "13800001111"  # the editor gets what it edits, not the masked view
