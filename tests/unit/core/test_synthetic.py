"""Synthetic data (clientvault.core.synthetic): deterministic, realistic, and always valid."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.cn import uscc as stdnum_uscc

from clientvault.core.masking import COMPOUND_SURNAMES
from clientvault.core.synthetic import (
    SyntheticClient,
    SyntheticPerson,
    SyntheticSensitive,
    _uscc_check,
    generate_clients,
)
from clientvault.core.validation import (
    IdType,
    clean_text,
    parse_resident_id,
    validate_bank_account,
    validate_email,
    validate_id,
    validate_phone,
    validate_tax_number,
    validate_uscc,
)

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@pytest.fixture(scope="module")
def sample() -> list[SyntheticClient]:
    """A sample big enough for the ratios to be stable (generation is deterministic)."""
    return list(generate_clients(20_000, seed=42))


def assert_client_valid(client: SyntheticClient) -> None:
    """Every value passes the validation the application applies on input, unchanged."""
    assert clean_text("name", client.name, 100, required=True) == client.name
    assert clean_text("address", client.address, 200, required=True) == client.address
    assert clean_text("industry", client.industry, 50, required=True) == client.industry
    assert validate_phone(client.phone) == client.phone
    assert validate_email(client.email) == client.email
    if client.uscc is not None:
        assert validate_uscc(client.uscc) == client.uscc
    if client.tax_no is not None:
        assert validate_tax_number(client.tax_no) == client.tax_no
    for person in client.persons:
        assert clean_text("name", person.name, 50, required=True) == person.name
        assert validate_id(person.id_type, person.id_number) == person.id_number
        assert validate_phone(person.phone) == person.phone
        assert validate_email(person.email) == person.email
        assert clean_text("address", person.address, 200, required=True) == person.address
    for item in client.sensitive:
        assert clean_text("label", item.label, 100, required=True) == item.label
        if item.kind == "bank_account":
            assert validate_bank_account(item.value) == item.value
        else:
            username, sep, password = item.value.partition(" / ")
            assert sep and username and password
            assert clean_text("credential", item.value, 200) == item.value
            assert " " not in password and "/" not in password


# --------------------------------------------------------------------------------------------
# Determinism and laziness
# --------------------------------------------------------------------------------------------


def test_same_seed_same_data() -> None:
    assert list(generate_clients(300, seed=7)) == list(generate_clients(300, seed=7))


def test_different_seeds_differ() -> None:
    a, b = list(generate_clients(50, seed=1)), list(generate_clients(50, seed=2))
    assert len({c.name for c in a} & {c.name for c in b}) < 5


def test_prefix_stability() -> None:
    # The first k clients do not depend on how many were asked for.
    assert list(generate_clients(40, seed=3)) == list(generate_clients(400, seed=3))[:40]


def test_default_seed_is_zero() -> None:
    assert list(generate_clients(20)) == list(generate_clients(20, seed=0))


def test_generation_is_lazy() -> None:
    # Asking for a billion clients costs nothing until they are consumed.
    first = list(itertools.islice(generate_clients(10**9, seed=1), 3))
    assert first == list(generate_clients(3, seed=1))


def test_edge_counts() -> None:
    assert list(generate_clients(0)) == []
    with pytest.raises(ValueError, match="n must be"):
        list(generate_clients(-1))


def test_records_are_frozen() -> None:
    client = next(generate_clients(1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        client.name = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        client.persons[0].name = "x"  # type: ignore[misc]
    assert isinstance(client.persons, tuple) and isinstance(client.sensitive, tuple)
    assert all(isinstance(p, SyntheticPerson) for p in client.persons)
    assert all(isinstance(s, SyntheticSensitive) for s in client.sensitive)


# --------------------------------------------------------------------------------------------
# Validity
# --------------------------------------------------------------------------------------------


@settings(database=None, deadline=None, max_examples=15)
@given(st.integers(min_value=0, max_value=2**63))
def test_every_value_validates_for_any_seed(seed: int) -> None:
    for client in generate_clients(60, seed=seed):
        assert_client_valid(client)


@pytest.mark.slow
def test_every_value_validates_in_a_large_sample(sample: list[SyntheticClient]) -> None:
    for client in sample:
        assert_client_valid(client)


@settings(database=None, deadline=None, max_examples=300)
@given(st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17))
def test_fast_uscc_check_matches_stdnum(first17: str) -> None:
    assert _uscc_check(first17) == stdnum_uscc.calc_check_digit(first17)


def test_birth_dates_are_sensible(sample: list[SyntheticClient]) -> None:
    for client in sample[:3000]:
        for person in client.persons:
            if person.id_type == IdType.RESIDENT_ID:
                born = parse_resident_id(person.id_number).birth_date
                assert dt.date(1950, 1, 1) <= born <= dt.date(2004, 12, 31)


def test_uniqueness(sample: list[SyntheticClient]) -> None:
    companies = [c.name for c in sample if c.kind != "individual"]
    assert len(set(companies)) == len(companies)
    usccs = [c.uscc for c in sample if c.uscc]
    assert len(set(usccs)) == len(usccs)
    ids = [p.id_number for c in sample for p in c.persons]
    assert len(set(ids)) == len(ids)


# --------------------------------------------------------------------------------------------
# Shape and proportions
# --------------------------------------------------------------------------------------------


def test_proportions(sample: list[SyntheticClient]) -> None:
    n = len(sample)
    statuses = Counter(c.status for c in sample)
    assert set(statuses) == {"prospect", "active", "ended"}
    assert 0.77 < statuses["active"] / n < 0.83
    kinds = Counter(c.kind for c in sample)
    assert set(kinds) == {"enterprise", "individual_business", "individual"}
    assert kinds["enterprise"] > kinds["individual_business"] > kinds["individual"]
    persons = sum(len(c.persons) for c in sample)
    assert 2.45 < persons / n < 2.55
    id_types = Counter(p.id_type for c in sample for p in c.persons)
    assert set(id_types) == set(IdType)
    assert id_types[IdType.RESIDENT_ID] / persons > 0.9


def test_roles_by_kind(sample: list[SyntheticClient]) -> None:
    for client in sample:
        roles = [p.role for p in client.persons]
        assert set(roles) <= {"legal_rep", "finance_contact", "shareholder"}
        assert roles.count("legal_rep") == 1
        if client.kind == "enterprise":
            assert "finance_contact" in roles
            assert client.uscc is not None and client.uscc.startswith("91")
        elif client.kind == "individual_business":
            assert client.uscc is not None and client.uscc.startswith("92")
        else:
            assert roles == ["legal_rep"]
            assert client.uscc is None and client.tax_no is None
            assert client.name == client.persons[0].name
        if client.tax_no is not None:
            assert client.tax_no == client.uscc


def test_sensitive_items(sample: list[SyntheticClient]) -> None:
    kinds = Counter(s.kind for c in sample for s in c.sensitive)
    assert set(kinds) == {"bank_account", "tax_login", "social_insurance_login"}
    for client in sample:
        if client.kind != "individual":
            assert sum(s.kind == "tax_login" for s in client.sensitive) == 1
            assert any(s.kind == "bank_account" for s in client.sensitive)


def test_personal_cards_carry_a_luhn_digit(sample: list[SyntheticClient]) -> None:
    # Debit cards do (corporate accounts need not, and validation does not require it).
    cards = [s.value for c in sample if c.kind == "individual" for s in c.sensitive if s.kind == "bank_account"]
    assert cards
    assert all(luhn.is_valid(card) for card in cards)


def test_realistic_names(sample: list[SyntheticClient]) -> None:
    enterprises = [c.name for c in sample if c.kind == "enterprise"]
    assert all(n.endswith(("公司", "（有限合伙）")) for n in enterprises)
    people = [p.name for c in sample for p in c.persons]
    assert all(2 <= len(n) <= 4 for n in people)
    compound = sum(1 for n in people if n[:2] in COMPOUND_SURNAMES and len(n) > 2)
    assert 0 < compound / len(people) < 0.03
    # Common surnames dominate, as in reality.
    top = Counter(n[0] for n in people).most_common(3)
    assert {s for s, _ in top} <= set("王李张刘陈")


def test_engagement_dates(sample: list[SyntheticClient]) -> None:
    for client in sample:
        assert dt.date(2012, 1, 1) <= client.engagement_start <= dt.date(2026, 12, 31)


@pytest.mark.slow
def test_generates_a_benchmark_sized_vault() -> None:
    # Speed sanity without a timing threshold: 100 000 clients is the benchmark size; a
    # fifth of it must simply complete and keep the documented ratios.
    count = persons = 0
    for client in generate_clients(20_000, seed=99):
        count += 1
        persons += len(client.persons)
    assert count == 20_000
    assert 48_000 < persons < 52_000
