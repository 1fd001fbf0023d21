"""Masked display forms (clientvault.core.masking): the DOMAIN.md formats, exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientvault.core.masking import (
    COMPOUND_SURNAMES,
    CREDENTIAL_MASK,
    FieldKind,
    mask,
    mask_address,
    mask_bank_account,
    mask_credential,
    mask_email,
    mask_id_number,
    mask_name,
    mask_phone,
)
from clientvault.core.synthetic import generate_clients

fast = settings(database=None, deadline=None, max_examples=150)


# --------------------------------------------------------------------------------------------
# The documented examples
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        (FieldKind.ID_NUMBER, "11010519491231002X", "110105********002X"),
        (FieldKind.PHONE, "13812345678", "138****5678"),
        (FieldKind.BANK_ACCOUNT, "6222021234567891234", "**** 1234"),
        (FieldKind.EMAIL, "zhangsan@example.com", "z***@example.com"),
        (FieldKind.NAME, "张三", "张*"),
        (FieldKind.NAME, "张三丰", "张**"),
        (FieldKind.NAME, "欧阳娜娜", "欧阳**"),
        (FieldKind.NAME, "欧阳修", "欧阳*"),
        (FieldKind.CREDENTIAL, "S3cret!pass", "••••••"),
        (FieldKind.ADDRESS, "浙江省杭州市西湖区文三路100号", "浙江省杭州市西湖区****"),
    ],
)
def test_documented_formats(kind: FieldKind, value: str, expected: str) -> None:
    assert mask(kind, value) == expected
    assert mask(kind.value, value) == expected


def test_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="salary"):
        mask("salary", "12345")


@pytest.mark.parametrize("kind", list(FieldKind))
def test_empty_values_stay_empty(kind: FieldKind) -> None:
    assert mask(kind, "") == ""


# --------------------------------------------------------------------------------------------
# ID numbers
# --------------------------------------------------------------------------------------------

id18 = st.text(alphabet="0123456789", min_size=17, max_size=17).flatmap(
    lambda d: st.sampled_from([d + c for c in "0123456789X"])
)


@fast
@given(id18)
def test_id18_keeps_first_six_and_last_four(number: str) -> None:
    assert mask_id_number(number) == number[:6] + "*" * 8 + number[-4:]
    assert mask_id_number(" ".join([number[:6], number[6:14], number[14:]])) == mask_id_number(number)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("110105491231002", "110105*****1002"),
        ("E12345678", "E*****678"),
        ("H1234567801", "H*******801"),
        ("12345678", "1*****78"),
        ("K1234", "*****"),
        ("11010519491231002x", "110105********002X"),
    ],
)
def test_id_number_other_lengths(value: str, expected: str) -> None:
    assert mask_id_number(value) == expected


@fast
@given(st.text(alphabet="0123456789ABCDEFGHX", max_size=30))
def test_id_mask_hides_enough(number: str) -> None:
    masked = mask_id_number(number)
    assert len(masked) == len(number)
    hidden = masked.count("*")
    if len(number) >= 15:
        assert hidden == len(number) - 10  # the region (6) and the last 4 stay
    else:
        assert hidden >= len(number) / 2


# --------------------------------------------------------------------------------------------
# Phones, bank accounts, e-mail, credentials
# --------------------------------------------------------------------------------------------

mobiles = st.builds(
    lambda second, rest: "1" + second + rest,
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)


@fast
@given(mobiles)
def test_mobile_mask(number: str) -> None:
    expected = number[:3] + "****" + number[-4:]
    assert mask_phone(number) == expected
    assert mask_phone("+86 " + number[:3] + " " + number[3:7] + " " + number[7:]) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0571-87654321", "0571-****4321"),
        ("0571-8765432", "0571-***5432"),
        ("010-62345678-123", "010-****5678"),
        ("400-123-4567", "400-***-4567"),
        ("not a phone 12345678", "****5678"),
        ("12345", "****"),
    ],
)
def test_other_phone_masks(value: str, expected: str) -> None:
    assert mask_phone(value) == expected


@fast
@given(st.text(alphabet="0123456789", min_size=8, max_size=30))
def test_bank_account_mask_hides_length(digits: str) -> None:
    assert mask_bank_account(digits) == "**** " + digits[-4:]
    assert mask_bank_account(" ".join(digits[i : i + 4] for i in range(0, len(digits), 4))) == "**** " + digits[-4:]


def test_short_bank_account_fully_masked() -> None:
    assert mask_bank_account("1234567") == "****"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Zhang.San@Example.COM", "Z***@example.com"),
        ("a@qq.com", "a***@qq.com"),
        ("no-at-sign", "****"),
        ("@example.com", "****"),
    ],
)
def test_email_mask(value: str, expected: str) -> None:
    assert mask_email(value) == expected


@fast
@given(st.text(min_size=1))
def test_credential_mask_is_constant(secret: str) -> None:
    assert mask_credential(secret) == CREDENTIAL_MASK == "••••••"


# --------------------------------------------------------------------------------------------
# Names and addresses
# --------------------------------------------------------------------------------------------

cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@fast
@given(st.text(alphabet=cjk, min_size=2, max_size=5))
def test_name_mask_keeps_surname_only(name: str) -> None:
    masked = mask_name(name)
    keep = 2 if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else 1
    assert masked == name[:keep] + "*" * (len(name) - keep)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("司马", "司*"),
        ("张", "*"),
        ("阿卜杜拉·艾则孜", "阿***·***"),
        ("John Smith", "J*** *****"),
        (" 王五 ", "王*"),
    ],
)
def test_name_mask_examples(value: str, expected: str) -> None:
    assert mask_name(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("北京市朝阳区建国路88号SOHO现代城A座1201", "北京市朝阳区****"),
        ("上海市浦东新区世纪大道100号", "上海市浦东新区****"),
        ("新疆维吾尔自治区乌鲁木齐市天山区解放路1号", "新疆维吾尔自治区乌鲁木齐市天山区****"),
        ("湖北省恩施土家族苗族自治州恩施市舞阳大道1号", "湖北省恩施土家族苗族自治州恩施市****"),
        ("浙江省 杭州市 滨江区 江南大道", "浙江省杭州市滨江区****"),
        ("广东省深圳市南山区", "广东省深圳市南山区"),
        ("杭州市文三路阳光小区3幢", "杭州市****"),
        # A residential compound ending in 区 is not a district: masked, not shown.
        ("杭州市西溪花园小区3幢", "杭州市****"),
        ("浙江杭州西湖区文三路", "****"),
        ("Flat 3, 1 Queen's Road Central", "****"),
    ],
)
def test_address_mask(value: str, expected: str) -> None:
    assert mask_address(value) == expected


def test_synthetic_addresses_keep_their_district() -> None:
    for client in generate_clients(300, seed=5):
        for address in [client.address, *(p.address for p in client.persons)]:
            masked = mask_address(address)
            assert masked.endswith("****")
            kept = masked.removesuffix("****")
            assert address.startswith(kept)
            assert kept.endswith(("区", "市", "县"))


# --------------------------------------------------------------------------------------------
# Masking never fails and never shows more than the value
# --------------------------------------------------------------------------------------------


def _visible(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


@settings(database=None, deadline=None, max_examples=300)
@given(
    st.sampled_from(list(FieldKind)),
    st.text(max_size=60) | st.text(alphabet="0123456789 -+@.abcx", max_size=40),
)
def test_mask_never_raises_and_shows_little(kind: FieldKind, value: str) -> None:
    masked = mask(kind, value)
    budget = {
        FieldKind.ID_NUMBER: 10,
        FieldKind.PHONE: 8,  # a 4-digit area code and the last 4
        FieldKind.BANK_ACCOUNT: 4,
        FieldKind.NAME: 2,
        FieldKind.CREDENTIAL: 0,
    }
    if kind in budget:
        assert _visible(masked) <= budget[kind]
    elif kind is FieldKind.EMAIL:
        assert _visible(masked.partition("@")[0]) <= 1
    else:
        kept = masked.removesuffix("****")
        assert "".join(value.split()).startswith(kept)
