"""Issue 9, item 10: free text refuses control and bidi characters everywhere; engagement dates are bounded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from clientvault.core.errors import ValidationError
from clientvault.core.records import ClientInput
from clientvault.core.roles import Role
from clientvault.core.validation import ENGAGEMENT_EARLIEST, ENGAGEMENT_LATEST
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentService, NoticeDetails
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.services.locking import LockService
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from tests.conftest import STAFF_PASSWORD
from tests.fixtures.erasing import second_person
from tests.fixtures.planted import Planted, plant

# A right-to-left override makes "王见证\u202egnp.exe" display reversed; the others are invisible controls.
HOSTILE = ["王\u202e见证", "王\u2066见证\u2069", "王\u200f见证", "王\x00见证", "王\n见证", "王\u2028见证", "王\x1b[31m"]


def _code(exc: pytest.ExceptionInfo[ValidationError], field: str) -> str:
    return exc.value.errors[field]


@pytest.mark.parametrize("text", HOSTILE)
def test_firm_name_and_partner_name_refuse_control_characters(
    fast_vaults: VaultService, tmp_path: Path, text: str
) -> None:
    with pytest.raises(ValidationError) as info:
        fast_vaults.create(tmp_path / "a", firm_name=text, partner_username="boss",
                           partner_display_name="老板", partner_password="partner-pass-1")  # fmt: skip
    assert _code(info, "firm_name") == "control_chars"
    with pytest.raises(ValidationError) as info:
        fast_vaults.create(tmp_path / "b", firm_name="某某代账", partner_username="boss",
                           partner_display_name=text, partner_password="partner-pass-1")  # fmt: skip
    assert _code(info, "display_name") == "control_chars"
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


@pytest.mark.parametrize("text", HOSTILE)
def test_staff_display_names_refuse_control_characters(new_vault: Vault, fast_vaults: VaultService, text: str) -> None:
    with pytest.raises(ValidationError) as info:
        UserService(new_vault, fast_vaults).add("acc", text, Role.ACCOUNTANT, STAFF_PASSWORD)
    assert _code(info, "display_name") == "control_chars"
    assert [u.username for u in UserService(new_vault, fast_vaults).list()] == ["boss"]


@pytest.fixture
def planted(new_vault: Vault, add_staff: Callable[..., int]) -> Planted:
    return plant(new_vault, accountant_ids=[add_staff("acc", Role.ACCOUNTANT)])


def test_witness_and_note_refuse_control_characters(new_vault: Vault, planted: Planted) -> None:
    erasure = ErasureService(new_vault)
    rid = erasure.request(planted.client_id, "deletion_request", "deletion_request")
    second = second_person(new_vault)
    try:
        ErasureService(second).approve(rid)
    finally:
        second.lock()
    for text in HOSTILE:
        with pytest.raises(ValidationError) as info:
            erasure.execute(rid, witness=text)
        assert _code(info, "witness") == "control_chars"
        with pytest.raises(ValidationError) as info:
            erasure.execute(rid, witness="王见证", note=f"备注{text}")
        assert _code(info, "note") == "control_chars"
    assert new_vault.db.scalar("SELECT status FROM clients WHERE id = ?", (planted.client_id,)) != "erased"
    assert erasure.execute(rid, witness="  王  见证 ").certificate_no  # whitespace tidied, then accepted


def test_reasons_purposes_and_notice_details_refuse_control_characters(new_vault: Vault, planted: Planted) -> None:
    with pytest.raises(ValidationError) as info:
        LockService(new_vault).place_hold(planted.client_id, "诉讼\u202e")
    assert _code(info, "reason") == "control_chars"
    with pytest.raises(ValidationError) as info:
        ConsentService(new_vault).set_notice_details(NoticeDetails(address="杭州\u202e"))
    assert _code(info, "address") == "control_chars"
    # Several lines are fine where the field is a block of text.
    ConsentService(new_vault).set_notice_details(NoticeDetails(address="杭州市\n西湖区"))
    assert ConsentService(new_vault).notice_details().address == "杭州市\n西湖区"


# -- engagement dates ------------------------------------------------------------------------------


def test_engagement_dates_are_bounded(new_vault: Vault) -> None:
    clients = ClientService(new_vault)
    for field in ("engagement_start", "engagement_end"):
        for day in ("9999-12-31", "1979-12-31", "2100-01-01"):
            with pytest.raises(ValidationError) as info:
                clients.create(ClientInput(name="某某公司", **{field: day}))
            assert _code(info, field) == "engagement_range"
    cid = clients.create(
        ClientInput(
            name="某某公司",
            engagement_start=ENGAGEMENT_EARLIEST.isoformat(),
            engagement_end=ENGAGEMENT_LATEST.isoformat(),
        )
    )
    with pytest.raises(ValidationError) as info:
        clients.update(cid, 1, ClientInput(engagement_end="9999-12-31"))
    assert _code(info, "engagement_end") == "engagement_range"


def test_an_end_before_the_stored_start_is_refused_when_only_the_end_is_edited(new_vault: Vault) -> None:
    clients = ClientService(new_vault)
    cid = clients.create(ClientInput(name="某某公司", engagement_start="2024-03-01"))
    with pytest.raises(ValidationError) as info:
        clients.update(cid, 1, ClientInput(engagement_end="2024-02-29"))
    assert _code(info, "engagement_end") == "before_start"
    with pytest.raises(ValidationError) as info:  # … and a start after the stored end, the other way round
        version = clients.update(cid, 1, ClientInput(engagement_end="2025-12-31"))
        clients.update(cid, version, ClientInput(engagement_start="2026-01-01"))
    assert _code(info, "engagement_end") == "before_start"
    assert new_vault.db.one("SELECT engagement_start, engagement_end FROM clients WHERE id = ?", (cid,)) == (
        "2024-03-01",
        "2025-12-31",
    )


def test_a_far_end_date_stored_before_the_bound_still_locks(new_vault: Vault, planted: Planted) -> None:
    # A vault written before the bound existed may hold 9999-12-31: locking counts from it without failing.
    new_vault.db.execute("UPDATE clients SET engagement_end = '9999-12-31' WHERE id = ?", (planted.client_id,))
    until = LockService(new_vault, today=date(2026, 11, 30)).lock(planted.client_id, "ended")
    assert until == date.max
