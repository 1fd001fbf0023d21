"""Client records through ClientService: role views, reveal, validation, search, concurrency, no leaks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clientvault.core.errors import AccessDenied, ConsentMissing, NotFound, ValidationError, VersionConflict
from clientvault.core.records import (
    ClientInput,
    ClientKind,
    ClientStatus,
    DataCategory,
    PersonInput,
    PersonRole,
    SensitiveInput,
    SensitiveKind,
)
from clientvault.core.roles import Role
from clientvault.core.validation import resident_id_check_digit, uscc_check_digit
from clientvault.services.clients import ClientFilter, ClientService, SharedIdentifier
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService
from clientvault.storage.audit import AuditFilter
from tests.conftest import STAFF_PASSWORD
from tests.fixtures.erasing import destroy


def uscc(body17: str) -> str:
    return body17 + uscc_check_digit(body17)


def rid(body17: str) -> str:
    return body17 + resident_id_check_digit(body17)


USCC_A = uscc("91110105MA01QX7R2")
USCC_B = uscc("91310115MA1K3Y8P0")
ID_A = rid("11010519800101123")
ID_B = rid("31011519900202456")
# Distinctive values a leak test can search for in every file the app writes.
MARK_NAME = "鹦鹉螺标记科技有限公司"
MARK_PERSON = "缪标记"
MARK_ID = rid("46000019770707077")
MARK_BANK = "6222987654321098765"
MARK_LOGIN = "marker-login-7QZ"


@dataclass
class Firm:
    """A small firm: partner session, staff logins, two clients (A assigned to acc1)."""

    vaults: VaultService
    folder: Path
    partner: Vault
    client_a: int
    client_b: int
    person_a: int
    bank_a: int
    login_a: int
    login: Callable[[str], Vault]


@pytest.fixture
def firm(new_vault: Vault, fast_vaults: VaultService, add_staff: Callable[..., int]) -> Iterator[Firm]:
    acc1 = add_staff("acc1", Role.ACCOUNTANT, name="会计甲")
    add_staff("acc2", Role.ACCOUNTANT, name="会计乙")
    add_staff("assist", Role.ASSISTANT)
    add_staff("privacy", Role.PRIVACY_OFFICER)
    svc = ClientService(new_vault)
    a = svc.create(
        ClientInput(
            kind=ClientKind.ENTERPRISE, name="北京星辰科技有限公司", uscc=USCC_A, phone="13812345678",
            email="Info@XingChen.example", address="北京市朝阳区建国路1号", engagement_start="2024-01-01",
        ),
        persons=(PersonInput(PersonRole.LEGAL_REP, "张三", id_number=ID_A, phone="13900001111"),),
    )  # fmt: skip
    b = svc.create(
        ClientInput(name="上海海风贸易有限公司", uscc=USCC_B, phone="021-55556666", engagement_start="2023-05-01"),
        persons=(PersonInput(PersonRole.FINANCE_CONTACT, "李四", id_number=ID_B),),
    )
    svc.assign(a, [acc1])
    detail = svc.get(a)
    bank = svc.add_sensitive(a, SensitiveInput(SensitiveKind.BANK_ACCOUNT, "6222 0202 0000 1234 567", "基本户"))
    login = svc.add_sensitive(a, SensitiveInput(SensitiveKind.TAX_LOGIN, "xc-tax / Secret#1", "电子税务局"))
    opened: list[Vault] = []

    def login_as(name: str) -> Vault:
        v = fast_vaults.unlock(new_vault.paths.folder, name, STAFF_PASSWORD)
        opened.append(v)
        return v

    yield Firm(fast_vaults, new_vault.paths.folder, new_vault, a, b, detail.persons[0].id, bank, login, login_as)
    for v in opened:
        v.lock()


# -- role views ----------------------------------------------------------------------------------


def test_partner_sees_everything_unmasked(firm: Firm) -> None:
    svc = ClientService(firm.partner)
    assert svc.count() == 2
    d = svc.get(firm.client_a)
    assert d.phone == "13812345678" and d.email == "Info@xingchen.example"
    assert d.persons[0].id_number_masked == ID_A[:6] + "********" + ID_A[-4:]
    assert [s.masked for s in d.sensitive] == ["**** 4567", "••••••"]
    assert d.can_edit and d.can_reveal_ids and d.can_reveal_credentials and d.can_assign and d.can_view_history


def test_accountant_sees_only_assigned_clients(firm: Firm) -> None:
    acc = firm.login("acc1")
    svc = ClientService(acc)
    assert [r.id for r in svc.page()] == [firm.client_a]
    assert svc.count() == 1
    assert svc.count(ClientFilter(text="海风")) == 0  # search respects visibility
    with pytest.raises(AccessDenied):
        svc.get(firm.client_b)
    with pytest.raises(AccessDenied):
        svc.update(firm.client_b, 1, ClientInput(name="改名"))
    denied = acc.audit.page(AuditFilter(action_prefix="access.denied"))
    assert {e.object for e in denied} == {f"client:{firm.client_b}"}
    other = ClientService(firm.login("acc2"))
    assert other.count() == 0
    with pytest.raises(AccessDenied):
        other.reveal_item(firm.bank_a, "bookkeeping")


def test_assistant_sees_masked_contacts_and_no_sensitive_items(firm: Firm) -> None:
    svc = ClientService(firm.login("assist"))
    rows = {r.id: r for r in svc.page()}
    assert rows[firm.client_a].phone == "138****5678"
    d = svc.get(firm.client_a)
    assert d.contacts_masked and d.phone == "138****5678" and d.address == ""
    assert d.sensitive == () and d.persons[0].id_number_masked is None and d.persons[0].phone == "139****1111"
    assert not (d.can_edit or d.can_reveal_ids or d.can_reveal_credentials or d.can_view_history)
    assert svc.count(ClientFilter(text="5678")) == 0  # cannot find clients by phone number
    with pytest.raises(AccessDenied):
        svc.reveal_id_number(firm.person_a, "bookkeeping")


def test_assistant_creates_prospects_with_intake_fields_only(firm: Firm) -> None:
    svc = ClientService(firm.login("assist"))
    cid = svc.create(ClientInput(name="新来的咨询客户", phone="13700000000"))
    assert ClientService(firm.partner).get(cid).status is ClientStatus.PROSPECT
    with pytest.raises(AccessDenied):
        svc.create(ClientInput(name="带地址的", address="某地"))
    with pytest.raises(AccessDenied):
        svc.update(firm.client_a, 1, ClientInput(name="改"))  # active client: not an intake record


def test_privacy_officer_sees_identities_but_no_sensitive_items(firm: Firm) -> None:
    svc = ClientService(firm.login("privacy"))
    d = svc.get(firm.client_a)
    assert d.persons[0].id_number_masked is not None and d.sensitive == ()
    assert not d.can_reveal_ids and d.can_view_history
    with pytest.raises(AccessDenied):
        svc.reveal_id_number(firm.person_a, "bookkeeping")
    with pytest.raises(AccessDenied):
        svc.create(ClientInput(name="不可以"))
    assert [e.action for e in svc.history(firm.client_a)][-1] == "client.create"


# -- reveal --------------------------------------------------------------------------------------


def test_reveal_needs_a_purpose_and_is_audited_without_the_value(firm: Firm) -> None:
    svc = ClientService(firm.login("acc1"))
    options = {o.code for o in svc.reveal_options(firm.client_a, DataCategory.BANK)}
    assert "bookkeeping" in options and "marketing" not in options
    assert svc.reveal_item(firm.bank_a, "bookkeeping") == "6222020200001234567"
    assert svc.reveal_id_number(firm.person_a, "tax_filing") == ID_A
    assert svc.reveal_item(firm.login_a, "tax_filing") == "xc-tax / Secret#1"
    with pytest.raises(ConsentMissing):
        svc.reveal_item(firm.bank_a, "marketing")
    with pytest.raises(ConsentMissing):
        svc.reveal_item(firm.login_a, "bookkeeping")  # bookkeeping does not need tax logins
    events = svc.vault.audit.page(AuditFilter(action_prefix="sensitive.reveal"))
    assert [(e.purpose, e.outcome) for e in events] == [
        ("bookkeeping", "no_basis"), ("marketing", "no_basis"), ("tax_filing", "ok"),
        ("tax_filing", "ok"), ("bookkeeping", "ok"),
    ]  # fmt: skip
    assert events[-1].object == f"client:{firm.client_a}/item:{firm.bank_a}.bank_account"
    # The text fields only, with the whole revealed values: repr(e) would also hold the 64-hex
    # hashes, where a short digit fragment turns up by chance.
    revealed = ("6222020200001234567", ID_A, "xc-tax / Secret#1", "Secret#1")
    for e in events:
        for text in (e.object, e.reason, e.purpose):
            assert not [v for v in revealed if v in text], (e.action, text)


def test_reveal_refused_when_engagement_not_active(firm: Firm) -> None:
    svc = ClientService(firm.partner)
    svc.set_status(firm.client_a, svc.get(firm.client_a).version, ClientStatus.ENDED)
    assert svc.reveal_options(firm.client_a, DataCategory.BANK) == []
    with pytest.raises(ConsentMissing):
        svc.reveal_item(firm.bank_a, "bookkeeping")


# -- validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (ClientInput(name="某公司", uscc=USCC_A[:-1] + ("0" if USCC_A[-1] != "0" else "1")), "uscc", "check_digit"),
        (ClientInput(name="某公司", phone="138abcd5678"), "phone", "format"),
        (ClientInput(name="某" * 201), "name", "too_long"),
        (ClientInput(name="某\x00公司"), "name", "control_chars"),
        (ClientInput(name="某公司", email="not-an-email"), "email", "format"),
        (ClientInput(name=""), "name", "required"),
        (ClientInput(name="某公司", engagement_start="2024-05-01", engagement_end="2024-01-01"), "engagement_end",
         "before_start"),
    ],
)  # fmt: skip
def test_invalid_client_fields_are_refused_with_codes(firm: Firm, data: ClientInput, field: str, code: str) -> None:
    svc = ClientService(firm.partner)
    with pytest.raises(ValidationError) as err:
        svc.create(data)
    assert err.value.errors[field] == code
    assert svc.count() == 2  # nothing was written


def test_person_ids_normalised_and_legacy_ids_converted(firm: Firm) -> None:
    svc = ClientService(firm.partner)
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in ID_B[:-1]) + ID_B[-1].lower()
    # Client B's finance contact holds ID_B: the same person, confirmed (the full-width form is found too).
    same = (SharedIdentifier("id_number", firm.client_b),)
    pid = svc.add_person(firm.client_a, PersonInput(PersonRole.SHAREHOLDER, "王五", id_number=full_width), shared=same)
    assert svc.reveal_id_number(pid, "bookkeeping") == ID_B
    legacy = "110105491231002"  # 15-digit first-generation number: converted to 18 digits
    pid2 = svc.add_person(firm.client_a, PersonInput(PersonRole.SHAREHOLDER, "赵六", id_number=legacy))
    assert svc.reveal_id_number(pid2, "bookkeeping") == "11010519491231002X"
    as_int = int(rid("11010519700101000")) if rid("11010519700101000")[-1] != "X" else int(ID_A)
    pid3 = svc.add_person(firm.client_a, PersonInput(PersonRole.SHAREHOLDER, "钱七", id_number=as_int))
    assert svc.reveal_id_number(pid3, "bookkeeping") == str(as_int)
    with pytest.raises(ValidationError) as err:
        svc.add_person(firm.client_a, PersonInput(PersonRole.SHAREHOLDER, "孙八", id_number=1.10105198001011e17))
    assert err.value.errors == {"id_number": "number_precision"}
    with pytest.raises(ValidationError) as err:
        svc.add_person(firm.client_a, PersonInput(PersonRole.SHAREHOLDER, "周九", id_number=ID_A[:-1] + "0"))
    assert "id_number" in err.value.errors


def test_validation_errors_never_carry_the_value(firm: Firm) -> None:
    svc = ClientService(firm.partner)
    with pytest.raises(ValidationError) as err:
        svc.add_person(firm.client_a, PersonInput(PersonRole.SHAREHOLDER, "吴十", id_number="46000019770707071"))
    assert "46000019770707071" not in str(err.value) and "46000019770707071" not in repr(err.value.args)


# -- search --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ['"', "*", "NEAR", "OR", "星辰 OR 海风", "NEAR(星辰 海风)", "'; DROP TABLE clients;--", "(", "^", "-"]
)
def test_search_syntax_is_literal(firm: Firm, text: str) -> None:
    svc = ClientService(firm.partner)
    assert svc.count(ClientFilter(text=text)) <= 2
    svc.page(ClientFilter(text=text))
    assert svc.count() == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [("星", 1), ("星辰", 1), ("北京星辰科技", 1), ("张三", 1), ("李四", 1), ("有限公司", 2), ("02155", 1),
     ("021-5555", 1), ("13812345678", 1), ("星辰 张三", 1), ("星辰 李四", 0), ("ＸＸ", 0)],
)  # fmt: skip
def test_search_finds_substrings_names_codes_and_phones(firm: Firm, text: str, expected: int) -> None:
    assert ClientService(firm.partner).count(ClientFilter(text=text)) == expected


def test_search_by_exact_codes(firm: Firm) -> None:
    svc = ClientService(firm.partner)
    assert [r.id for r in svc.page(ClientFilter(text=USCC_B.lower()))] == [firm.client_b]
    assert [r.id for r in svc.page(ClientFilter(text=ID_B))] == [firm.client_b]
    privacy = ClientService(firm.login("privacy"))
    assert privacy.count(ClientFilter(text=ID_B)) == 0  # no exact ID lookup without reveal rights


def test_search_index_follows_edits(firm: Firm) -> None:
    svc = ClientService(firm.partner)
    v = svc.get(firm.client_b).version
    svc.update(firm.client_b, v, ClientInput(name="上海潮汐物流有限公司"))
    assert svc.count(ClientFilter(text="海风")) == 0
    assert svc.count(ClientFilter(text="潮汐")) == 1


def test_keyset_paging_walks_every_row_once(new_vault: Vault) -> None:
    from clientvault.services.seed import populate_synthetic

    populate_synthetic(new_vault, 1200, seed=3)
    svc = ClientService(new_vault)
    for sort, desc in [("name", False), ("uscc", True), ("updated_at", False)]:
        seen: list[int] = []
        last = None
        while page := svc.page(ClientFilter(sort=sort, descending=desc), limit=250, after=last):
            seen += [r.id for r in page]
            last = page[-1]
        assert len(seen) == len(set(seen)) == svc.count()


# -- concurrency ---------------------------------------------------------------------------------


def test_stale_version_on_save_is_a_conflict_and_overwrites_nothing(firm: Firm) -> None:
    mine = ClientService(firm.partner)
    theirs = ClientService(firm.vaults.unlock(firm.folder, "acc1", STAFF_PASSWORD))
    loaded = mine.get(firm.client_a).version
    theirs.update(firm.client_a, theirs.get(firm.client_a).version, ClientInput(industry="软件"))
    with pytest.raises(VersionConflict) as err:
        mine.update(firm.client_a, loaded, ClientInput(industry="硬件"))
    assert (err.value.expected, err.value.found) == (loaded, loaded + 1)
    assert mine.edit_values(firm.client_a)["industry"] == "软件"
    new = mine.update(firm.client_a, err.value.found, ClientInput(industry="硬件"))  # user chose theirs → mine
    assert new == loaded + 2 and mine.edit_values(firm.client_a)["industry"] == "硬件"
    theirs.vault.lock()


def test_missing_client_is_not_found(firm: Firm) -> None:
    with pytest.raises(NotFound):
        ClientService(firm.partner).get(999)


# -- no personal data outside the encrypted database ---------------------------------------------


def test_planted_markers_reach_no_file_log_or_audit_event(
    firm: Firm, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    svc = ClientService(firm.partner)
    cid = svc.create(
        ClientInput(name=MARK_NAME, phone="13811112222", engagement_start="2024-01-01"),
        persons=(PersonInput(PersonRole.LEGAL_REP, MARK_PERSON, id_number=MARK_ID),),
    )
    svc.add_sensitive(cid, SensitiveInput(SensitiveKind.BANK_ACCOUNT, MARK_BANK))
    item = svc.add_sensitive(cid, SensitiveInput(SensitiveKind.TAX_LOGIN, MARK_LOGIN))
    pid = svc.get(cid).persons[0].id
    assert svc.reveal_id_number(pid, "tax_filing") == MARK_ID
    assert svc.reveal_item(item, "tax_filing") == MARK_LOGIN
    svc.count(ClientFilter(text=MARK_NAME))
    with pytest.raises(ValidationError):
        svc.add_person(cid, PersonInput(PersonRole.SHAREHOLDER, MARK_PERSON, id_number=MARK_ID[:-1] + "Z"))
    firm.partner.db.checkpoint()
    markers = [MARK_NAME, MARK_PERSON, MARK_ID, MARK_BANK, MARK_LOGIN]
    for ev in firm.partner.audit.iter_all():
        assert not any(m in repr(ev) for m in markers)
    assert not any(m in caplog.text for m in markers)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for m in markers:
                assert m.encode() not in data, f"{m!r} found in {path.name}"
                assert m.encode("utf-16-le") not in data


def test_renamed_client_leaves_no_old_name_in_any_page(firm: Firm) -> None:
    """An edited name leaves no copy in any page (secure_delete, WAL checkpointed)."""
    from clientvault.security.residue import scan_residue
    from clientvault.services.seed import populate_synthetic

    old = "翡翠鸵鸟饕餮贸易有限公司"
    svc = ClientService(firm.partner)
    populate_synthetic(firm.partner, 300, seed=5)
    cid = svc.create(ClientInput(name=old, engagement_start="2024-01-01"))
    firm.partner.db.checkpoint()
    keys = firm.partner.session.keys
    assert keys is not None
    before = scan_residue(firm.partner.paths.db, keys.dk, ["翡翠鸵鸟饕餮"], ngrams=2)
    assert before.hits and before.ngram_evidence[0].found == before.ngram_evidence[0].total
    svc.update(cid, svc.get(cid).version, ClientInput(name="普通贸易有限公司"))
    firm.partner.db.checkpoint()
    after = scan_residue(firm.partner.paths.db, keys.dk, ["翡翠鸵鸟饕餮"], ngrams=2)
    assert after.key_verified and not after.hits
    assert after.ngram_evidence[0].found == 0


def test_vault_files_are_private_to_the_user(firm: Firm) -> None:
    import stat

    ClientService(firm.partner).create(ClientInput(name="权限测试有限公司"))
    for name in ("vault.db", "vault.db-wal", "vault.db-shm", "vault.keys"):
        path = firm.folder / name
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, name


def test_names_sort_in_pinyin_order_across_pages(new_vault: Vault) -> None:
    svc = ClientService(new_vault)
    names = ["张三商行", "阿里咨询", "北京某某", "陈记小吃", "Zeta Ltd", "alpha ltd", "王府酒家"]
    for n in names:
        svc.create(ClientInput(name=n))
    seen: list[str] = []
    last = None
    while page := svc.page(limit=2, after=last):
        seen += [r.name for r in page]
        last = page[-1]
    assert seen == ["alpha ltd", "Zeta Ltd", "阿里咨询", "北京某某", "陈记小吃", "王府酒家", "张三商行"]
    desc = [r.name for r in svc.page(ClientFilter(descending=True))]
    assert desc == list(reversed(seen))


def test_editing_a_person_without_its_id_number_keeps_it(firm: Firm) -> None:
    svc = ClientService(firm.partner)
    person = svc.get(firm.client_a).persons[0]
    svc.update_person(person.id, person.version, PersonInput(PersonRole.LEGAL_REP, "张三丰", phone="13900001111"))
    assert svc.reveal_id_number(person.id, "bookkeeping") == ID_A
    person = svc.get(firm.client_a).persons[0]
    svc.update_person(person.id, person.version, PersonInput(PersonRole.LEGAL_REP, "张三丰", id_number=""))
    assert svc.get(firm.client_a).persons[0].id_number_masked is None


def test_sort_key_follows_the_name_through_lock_unlock_and_erasure(firm: Firm) -> None:
    """The stored pinyin key is personal data derived from the name: sealed and erased with it."""
    from clientvault.services.locking import LockService

    db = firm.partner.db

    def key(cid: int) -> object:
        return db.scalar("SELECT name_key FROM clients WHERE id = ?", (cid,))

    assert key(firm.client_a) == "北京星辰科技有限公司".encode("gb18030")
    locks = LockService(firm.partner)
    locks.lock(firm.client_a, "engagement ended")
    assert key(firm.client_a) is None
    locks.unlock(firm.client_a, "client returned")
    assert key(firm.client_a) == "北京星辰科技有限公司".encode("gb18030")
    assert ClientService(firm.partner).page()[0].name == "北京星辰科技有限公司"
    destroy(firm.partner, firm.client_b)
    assert key(firm.client_b) is None


def test_broad_search_lists_at_most_the_limit_sorted_and_visible_only(firm: Firm) -> None:
    from clientvault.core.search import pinyin_key
    from clientvault.services.seed import populate_synthetic
    from clientvault.storage.clients import SEARCH_LIMIT

    populate_synthetic(firm.partner, 2600, seed=11)
    svc = ClientService(firm.partner)
    broad = ClientFilter(text="公司")
    assert svc.count(broad) == SEARCH_LIMIT + 1  # "1000+": the list asks the user to refine
    rows: list[str] = []
    last = None
    while page := svc.page(broad, limit=300, after=last):
        rows += [r.name for r in page]
        last = page[-1]
    assert len(rows) == SEARCH_LIMIT + 1 and rows == sorted(rows, key=pinyin_key)
    # An accountant's broad search is filled from *their* clients, not cut from everyone's.
    acc = ClientService(firm.login("acc1"))
    names: list[str] = []
    last = None
    while page := acc.page(limit=500, after=last):
        names += [r.name for r in page]
        last = page[-1]
    expected = sum("公司" in n for n in names)
    assert 0 < expected <= SEARCH_LIMIT
    assert acc.count(broad) == expected
