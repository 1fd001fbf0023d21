"""Normalisation and validation (clientvault.core.validation).

Check digits are computed here by independent oracles written from the standards
(GB 11643-1999 ISO 7064 MOD 11-2, GB 32100-2015 MOD 31) rather than by the code under test.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from clientvault.core.errors import ValidationError
from clientvault.core.validation import (
    ERROR_CODES,
    IdType,
    check_length,
    clean_text,
    convert_legacy_resident_id,
    normalize_text,
    parse_resident_id,
    resident_id_check_digit,
    uscc_check_digit,
    validate_bank_account,
    validate_date,
    validate_email,
    validate_id,
    validate_phone,
    validate_resident_id,
    validate_tax_number,
    validate_uscc,
)

# No example database: it would write a .hypothesis/ folder into the working tree.
fast = settings(database=None, deadline=None, max_examples=150)

# --------------------------------------------------------------------------------------------
# Oracles and strategies
# --------------------------------------------------------------------------------------------

RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
PROVINCES = ("11", "12", "13", "31", "32", "33", "44", "46", "50", "51", "54", "65")
TODAY = dt.date(2026, 11, 30)


def ric_check(first17: str) -> str:
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, RIC_WEIGHTS, strict=True)) % 11]


def uscc_check(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


births = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31))
digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


@st.composite
def resident_ids(draw: st.DrawFn, prefixes: tuple[str, ...] = PROVINCES) -> str:
    area = draw(st.sampled_from(prefixes)) + draw(st.text(alphabet="0123456789", min_size=4, max_size=4))
    first17 = area + draw(births).strftime("%Y%m%d") + draw(st.integers(0, 999)).__format__("03d")
    return first17 + ric_check(first17)


@st.composite
def x_resident_ids(draw: st.DrawFn) -> str:
    """A valid ID whose check character is X (one in eleven are)."""
    area = draw(st.sampled_from(PROVINCES)) + "0105"
    first16 = area + draw(births).strftime("%Y%m%d") + f"{draw(st.integers(0, 99)):02d}"
    found = [first16 + d for d in "0123456789" if ric_check(first16 + d) == "X"]
    assume(found)
    return found[0] + "X"


@st.composite
def residence_permits(draw: st.DrawFn) -> str:
    first17 = draw(st.sampled_from(["810000", "820000", "830000"])) + draw(births).strftime("%Y%m%d")
    first17 += f"{draw(st.integers(0, 999)):03d}"
    return first17 + ric_check(first17)


@st.composite
def legacy_ids(draw: st.DrawFn) -> tuple[str, str]:
    """A 15-digit first-generation number and its 18-digit conversion."""
    area = draw(st.sampled_from(PROVINCES)) + draw(st.text(alphabet="0123456789", min_size=4, max_size=4))
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1999, 12, 31)))
    seq = f"{draw(st.integers(0, 999)):03d}"
    first17 = area + born.strftime("%Y%m%d") + seq
    return area + born.strftime("%y%m%d") + seq, first17 + ric_check(first17)


@st.composite
def usccs(draw: st.DrawFn) -> str:
    head = draw(st.text(alphabet=USCC_ALPHABET, min_size=2, max_size=2))
    region = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    body = draw(st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9))
    first17 = head + region + body
    return first17 + uscc_check(first17)


def wrong_last(number: str, alphabet: str) -> st.SearchStrategy[str]:
    return st.sampled_from([number[:-1] + c for c in alphabet if c != number[-1]])


def sprinkle(text: str) -> st.SearchStrategy[str]:
    """The text with spaces or hyphens inserted between characters."""
    return st.lists(st.sampled_from(["", "", " ", "-"]), min_size=len(text), max_size=len(text)).map(
        lambda seps: "".join(c + s for c, s in zip(text, seps, strict=True)).strip(" -")
    )


def code_of(call: Callable[[], object]) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.errors


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------


@fast
@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="!(),:;?")))
def test_fullwidth_ascii_becomes_halfwidth(text: str) -> None:
    assert normalize_text(fullwidth(text)) == normalize_text(text)


def test_chinese_punctuation_stays_fullwidth() -> None:
    assert (
        normalize_text("杭州某某科技有限公司（分公司），备注：无；好！？")
        == "杭州某某科技有限公司（分公司），备注：无；好！？"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  张　三  ", "张 三"),
        ("ＡＢＣ１２３", "ABC123"),
        ("a \u00a0 \u3000 b", "a b"),
        ("\ufeff前\u200b后", "前后"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalize_text_examples(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@fast
@given(
    st.text(max_size=10),
    st.characters(categories=["Cc", "Cs", "Zl", "Zp"]) | st.sampled_from("\u202e\u202d\u2066\u200f"),
    st.text(max_size=10),
)
def test_control_characters_rejected(before: str, bad: str, after: str) -> None:
    assert code_of(lambda: normalize_text(before + bad + after, "note")) == {"note": "control_chars"}


@fast
@given(st.text(max_size=40))
def test_normalize_text_is_idempotent(text: str) -> None:
    try:
        once = normalize_text(text)
    except ValidationError:
        return
    assert normalize_text(once) == once
    assert once == once.strip()
    assert "  " not in once


def test_check_length_and_clean_text() -> None:
    assert check_length("name", "x" * 10, 10) == "x" * 10
    assert code_of(lambda: check_length("name", "x" * 11, 10)) == {"name": "too_long"}
    assert clean_text("name", " 张三 ", 10, required=True) == "张三"
    assert code_of(lambda: clean_text("name", "  ", 10, required=True)) == {"name": "required"}
    assert clean_text("name", "", 10) == ""
    assert code_of(lambda: clean_text("name", "x" * 10_000, 10)) == {"name": "too_long"}
    assert code_of(lambda: clean_text("name", "a\nb", 10)) == {"name": "control_chars"}


# --------------------------------------------------------------------------------------------
# Resident ID
# --------------------------------------------------------------------------------------------


@fast
@given(resident_ids())
def test_valid_resident_ids_accepted_and_agree_with_stdnum(number: str) -> None:
    assert validate_resident_id(number, today=TODAY) == number
    assert resident_id_check_digit(number[:17]) == number[17] == stdnum_ric.calc_check_digit(number)
    parsed = parse_resident_id(number, today=TODAY)
    assert not parsed.converted_from_legacy
    assert parsed.birth_date.strftime("%Y%m%d") == number[6:14]


@fast
@given(resident_ids().flatmap(lambda n: wrong_last(n, "0123456789X")))
def test_wrong_resident_check_digit_rejected(number: str) -> None:
    assert code_of(lambda: validate_resident_id(number, today=TODAY)) == {"id_number": "check_digit"}


@fast
@given(x_resident_ids().flatmap(lambda n: sprinkle(n.lower())))
def test_lower_case_x_and_separators_normalised(raw: str) -> None:
    assert validate_resident_id(raw, today=TODAY) == raw.replace(" ", "").replace("-", "").upper()


@fast
@given(resident_ids())
def test_fullwidth_resident_id_normalised(number: str) -> None:
    assert validate_resident_id(fullwidth(number.lower()), today=TODAY) == number


@fast
@given(resident_ids().filter(lambda n: n[-1] != "X"))
def test_int_resident_id_accepted(number: str) -> None:
    assert validate_resident_id(int(number), today=TODAY) == number


@fast
@given(resident_ids().filter(lambda n: n[-1] != "X"))
def test_float_resident_id_rejected(number: str) -> None:
    # What openpyxl returns for an ID typed into a numeric cell: the last digits are gone.
    assert code_of(lambda: validate_resident_id(float(number))) == {"id_number": "number_precision"}


def test_int_resident_id_of_wrong_length_rejected() -> None:
    assert code_of(lambda: validate_resident_id(11010519491231002)) == {"id_number": "length"}
    assert code_of(lambda: validate_resident_id(True)) == {"id_number": "format"}
    assert code_of(lambda: validate_resident_id(-11010519491231002)) == {"id_number": "format"}


@fast
@given(legacy_ids())
def test_fifteen_digit_id_converted(pair: tuple[str, str]) -> None:
    legacy, converted = pair
    parsed = parse_resident_id(legacy, today=TODAY)
    assert parsed.converted_from_legacy
    assert parsed.number == converted
    assert parsed.birth_date.strftime("%Y%m%d") == converted[6:14]
    assert validate_resident_id(legacy, today=TODAY) == converted
    assert convert_legacy_resident_id(legacy) == converted
    # The converted number is itself a valid, non-legacy ID.
    assert not parse_resident_id(converted, today=TODAY).converted_from_legacy


def test_fifteen_digit_examples() -> None:
    assert validate_resident_id("110105 491231 002") == "11010519491231002X"
    assert code_of(lambda: validate_resident_id("110105491331002")) == {"id_number": "birth_date"}
    assert code_of(lambda: validate_resident_id("11010549123100A")) == {"id_number": "format"}
    assert code_of(lambda: convert_legacy_resident_id("11010519491231002X")) == {"id_number": "length"}


def test_resident_id_structure_errors() -> None:
    def with_check(first17: str) -> str:
        return first17 + ric_check(first17)

    assert code_of(lambda: validate_resident_id("")) == {"id_number": "required"}
    assert code_of(lambda: validate_resident_id("1101051949123100")) == {"id_number": "length"}
    assert code_of(lambda: validate_resident_id("11010519491231X02X")) == {"id_number": "format"}
    assert code_of(lambda: validate_resident_id(with_check("11010519490231002"))) == {"id_number": "birth_date"}
    assert code_of(lambda: validate_resident_id(with_check("11010518991231002"))) == {"id_number": "birth_date"}
    future = with_check("11010520270101002")
    assert code_of(lambda: validate_resident_id(future, today=TODAY)) == {"id_number": "birth_date"}
    # Residence-permit and unassigned prefixes are not mainland resident IDs.
    for prefix in ("810000", "830000", "710000", "990000", "000000"):
        number = with_check(prefix + "19900101002")
        assert code_of(functools.partial(validate_resident_id, number)) == {"id_number": "area_code"}


def test_id_from_before_its_district_existed_is_accepted() -> None:
    # 西湖区 (330106) dates from 1983; a person born in 1975 still carries it. stdnum's
    # county-era check rejects this real-world shape; ours must not.
    number = "33010619750101001" + ric_check("33010619750101001")
    assert not stdnum_ric.is_valid(number)
    assert validate_resident_id(number) == number


# --------------------------------------------------------------------------------------------
# Other ID documents
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("id_type", "raw", "expected"),
    [
        (IdType.PASSPORT, "e 1234 5678", "E12345678"),
        (IdType.PASSPORT, "EA1234567", "EA1234567"),
        (IdType.PASSPORT, "k1234", "K1234"),
        (IdType.PASSPORT, "A" * 17, "A" * 17),
        (IdType.HK_MACAU_PERMIT, "h12345678", "H12345678"),
        (IdType.HK_MACAU_PERMIT, "M 1234567801", "M1234567801"),
        (IdType.TAIWAN_PERMIT, "12345678", "12345678"),
        (IdType.TAIWAN_PERMIT, "12345678(01)", "1234567801"),
        (IdType.TAIWAN_PERMIT, "１２３４５６７８", "12345678"),
        ("passport", "G12345678", "G12345678"),
    ],
)
def test_other_documents_accepted(id_type: IdType | str, raw: str, expected: str) -> None:
    assert validate_id(id_type, raw) == expected


@pytest.mark.parametrize(
    ("id_type", "raw", "code"),
    [
        (IdType.PASSPORT, "E123", "length"),
        (IdType.PASSPORT, "A" * 18, "length"),
        (IdType.PASSPORT, "E1234_5678", "format"),
        (IdType.PASSPORT, "护照12345", "format"),
        (IdType.HK_MACAU_PERMIT, "X12345678", "format"),
        (IdType.HK_MACAU_PERMIT, "H1234567", "length"),
        (IdType.HK_MACAU_PERMIT, "H123456789", "length"),
        (IdType.HK_MACAU_PERMIT, "H1234567A", "format"),
        (IdType.TAIWAN_PERMIT, "1234567", "length"),
        (IdType.TAIWAN_PERMIT, "123456789", "length"),
        (IdType.TAIWAN_PERMIT, "1234567A", "format"),
        (IdType.RESIDENCE_PERMIT_HMT, "81000019900101001", "length"),
    ],
)
def test_other_documents_rejected(id_type: IdType, raw: str, code: str) -> None:
    assert code_of(lambda: validate_id(id_type, raw)) == {"id_number": code}


@fast
@given(residence_permits())
def test_residence_permit(permit: str) -> None:
    assert validate_id(IdType.RESIDENCE_PERMIT_HMT, permit.lower()) == permit
    assert code_of(lambda: validate_id(IdType.RESIDENT_ID, permit)) == {"id_number": "area_code"}
    broken = permit[:17] + ("0" if permit[17] != "0" else "1")
    assert code_of(lambda: validate_id(IdType.RESIDENCE_PERMIT_HMT, broken)) == {"id_number": "check_digit"}


@fast
@given(resident_ids())
def test_validate_id_dispatches_resident_id(number: str) -> None:
    assert validate_id(IdType.RESIDENT_ID, number) == number
    assert code_of(lambda: validate_id(IdType.RESIDENCE_PERMIT_HMT, number)) == {"id_number": "area_code"}


def test_unknown_id_type() -> None:
    assert code_of(lambda: validate_id("driving_licence", "123456")) == {"id_type": "unknown_type"}


def test_float_rejected_for_every_identifier() -> None:
    value = 1.10105194912310021e17
    for call in (
        lambda: validate_id(IdType.PASSPORT, value),
        lambda: validate_bank_account(value),  # type: ignore[arg-type]
        lambda: validate_phone(13812345678.0),  # type: ignore[arg-type]
        lambda: validate_uscc(value),  # type: ignore[arg-type]
    ):
        assert set(code_of(call).values()) == {"number_precision"}


# --------------------------------------------------------------------------------------------
# USCC and tax numbers
# --------------------------------------------------------------------------------------------


@fast
@given(usccs())
def test_valid_uscc_accepted(code: str) -> None:
    assert validate_uscc(code) == code
    assert uscc_check_digit(code[:17]) == code[17]
    if code[:2].isdigit():
        assert stdnum_uscc.is_valid(code)


@fast
@given(usccs().flatmap(lambda c: wrong_last(c, USCC_ALPHABET)))
def test_wrong_uscc_check_digit_rejected(code: str) -> None:
    assert code_of(lambda: validate_uscc(code)) == {"uscc": "check_digit"}


@fast
@given(usccs().flatmap(lambda c: sprinkle(c.lower())))
def test_uscc_normalised(raw: str) -> None:
    assert validate_uscc(raw) == raw.replace(" ", "").replace("-", "").upper()


def test_uscc_examples() -> None:
    assert validate_uscc("91110000600037341L") == "91110000600037341L"
    assert validate_uscc("９１１１００００６０００３７３４１ｌ") == "91110000600037341L"
    assert code_of(lambda: validate_uscc("91110000600037341")) == {"uscc": "length"}
    assert code_of(lambda: validate_uscc("911100006000373O1L")) == {"uscc": "format"}  # letter O
    assert code_of(lambda: validate_uscc("9111A000600037341L")) == {"uscc": "format"}  # letter in region
    assert code_of(lambda: validate_uscc("   ")) == {"uscc": "required"}


@pytest.mark.parametrize("length", [15, 17, 20])
def test_legacy_tax_numbers(length: int) -> None:
    number = ("330106" + "A1B2C3D4E5F6G7H8")[:length]
    assert validate_tax_number(number.lower()) == number
    assert validate_tax_number(" ".join(number)) == number


def test_tax_number_rules() -> None:
    assert validate_tax_number("91110000600037341l") == "91110000600037341L"
    assert code_of(lambda: validate_tax_number("91110000600037341K")) == {"tax_no": "check_digit"}
    for length in (14, 16, 19, 21):
        assert code_of(functools.partial(validate_tax_number, "1" * length)) == {"tax_no": "length"}
    assert code_of(lambda: validate_tax_number("33010612345678_")) == {"tax_no": "format"}


# --------------------------------------------------------------------------------------------
# Phones
# --------------------------------------------------------------------------------------------

mobiles = st.builds(
    lambda second, rest: "1" + second + rest,
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)


@fast
@given(mobiles, st.sampled_from(["", "+86", "+86 ", "86", "0086 ", "+86-"]), st.data())
def test_mobile_formats_normalised(number: str, prefix: str, data: st.DataObject) -> None:
    assert validate_phone(prefix + data.draw(sprinkle(number))) == number
    assert validate_phone(fullwidth(number)) == number
    assert validate_phone(int(number)) == number


@fast
@given(mobiles, st.integers(0, 10), st.sampled_from("abcdefghijklmnopqrstuvwxyzABCXYZ"))
def test_letters_in_phone_rejected(number: str, at: int, letter: str) -> None:
    assert code_of(lambda: validate_phone(number[:at] + letter + number[at:])) == {"phone": "format"}


@fast
@given(
    st.sampled_from(["010", "021", "020", "029", "0571", "0755", "0512", "0898"]),
    st.sampled_from("23456789"),
    st.text(alphabet="0123456789", min_size=6, max_size=7),
    st.sampled_from(["-", " ", "", ")"]),
)
def test_landlines_normalised(area: str, first: str, rest: str, sep: str) -> None:
    local = first + rest
    raw = f"({area}{sep}{local}" if sep == ")" else f"{area}{sep}{local}"
    assert validate_phone(raw) == f"{area}-{local}"
    assert validate_phone(f"+86 {area[1:]} {local}") == f"{area}-{local}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0571-87654321转8001", "0571-87654321-8001"),
        ("0571-87654321 分机 12", "0571-87654321-12"),
        ("010 6234 5678 ext. 99", "010-62345678-99"),
        ("010-62345678 x123", "010-62345678-123"),
        ("010-62345678-123", "010-62345678-123"),
        ("0571-8765-4321", "0571-87654321"),
        ("400-123-4567", "400-123-4567"),
        ("8008101234", "800-810-1234"),
    ],
)
def test_phone_examples(raw: str, expected: str) -> None:
    assert validate_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("1381234567", "length"),
        ("138123456789", "length"),
        ("12812345678", "format"),
        ("010-12345678", "format"),  # local numbers never start with 0 or 1
        ("0571-123456", "format"),
        ("+1 212 555 0100", "format"),
        ("13812345678转12", "format"),
        ("0571-87654321转1234567", "format"),
        ("138一2345678", "format"),
        ("", "required"),
    ],
)
def test_phone_rejections(raw: str, code: str) -> None:
    assert code_of(lambda: validate_phone(raw)) == {"phone": code}


# --------------------------------------------------------------------------------------------
# Email, dates, bank accounts
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Zhang.San@Example.COM", "Zhang.San@example.com"),
        (" zhangsan＠ｑｑ．ｃｏｍ ", "zhangsan@qq.com"),
        ("a+tag@mail.xn--fiqs8s", "a+tag@mail.xn--fiqs8s"),
        ("123456@qq.com", "123456@qq.com"),
    ],
)
def test_email_accepted(raw: str, expected: str) -> None:
    assert validate_email(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "plain",
        "a@b",
        "a@@b.com",
        ".a@b.com",
        "a..b@c.com",
        "a@-b.com",
        "张三@qq.com",
        "a b@c.com",
        "a@b.c",
        "x" * 65 + "@a.com",
    ],
)
def test_email_rejected(raw: str) -> None:
    assert code_of(lambda: validate_email(raw)) == {"email": "format"}


def test_email_length_and_presence() -> None:
    assert code_of(lambda: validate_email("")) == {"email": "required"}
    assert code_of(lambda: validate_email("a@" + "b" * 250 + ".com")) == {"email": "too_long"}


@fast
@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_date_formats(day: dt.date) -> None:
    y, m, d = f"{day.year:04d}", day.month, day.day
    for text in (
        day.isoformat(),
        f"{y}/{m}/{d}",
        f"{y}/{m:02d}/{d:02d}",
        f"{y}.{m}.{d}",
        f"{y}年{m}月{d}日",
        f"{y} 年 {m:02d} 月 {d} 日",
        fullwidth(day.isoformat()),
    ):
        assert validate_date(text) == day
    assert validate_date(day) == day
    assert validate_date(dt.datetime(day.year, day.month, day.day, 13, 5)) == day


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("2026-02-30", "date"),
        ("2026年13月1日", "date"),
        ("2026-11/30", "format"),
        ("30/11/2026", "format"),
        ("2026-11", "format"),
        ("明天", "format"),
        ("", "required"),
    ],
)
def test_date_rejections(raw: str, code: str) -> None:
    assert code_of(lambda: validate_date(raw)) == {"date": code}


def test_date_range() -> None:
    lo, hi = dt.date(2020, 1, 1), dt.date(2030, 1, 1)
    assert validate_date("2026-11-30", min_date=lo, max_date=hi) == dt.date(2026, 11, 30)
    assert code_of(lambda: validate_date("2019-12-31", min_date=lo)) == {"date": "out_of_range"}
    assert code_of(lambda: validate_date("2030-01-02", max_date=hi)) == {"date": "out_of_range"}


@fast
@given(st.text(alphabet="0123456789", min_size=12, max_size=30).flatmap(lambda d: st.tuples(st.just(d), sprinkle(d))))
def test_bank_account_accepted(pair: tuple[str, str]) -> None:
    digits, raw = pair
    assert validate_bank_account(raw) == digits
    if digits[0] != "0":
        assert validate_bank_account(int(digits)) == digits


def test_bank_account_rejections() -> None:
    assert code_of(lambda: validate_bank_account("1" * 11)) == {"bank_account": "length"}
    assert code_of(lambda: validate_bank_account("1" * 31)) == {"bank_account": "length"}
    assert code_of(lambda: validate_bank_account("6222 0212 3456 789O")) == {"bank_account": "format"}
    # Luhn is not required: this 19-digit number fails Luhn and is still a valid account.
    assert validate_bank_account("6222021234567890120") == "6222021234567890120"


# --------------------------------------------------------------------------------------------
# No personal data in errors
# --------------------------------------------------------------------------------------------

VALIDATORS: list[tuple[str, Callable[[str], object]]] = [
    ("text", lambda v: clean_text("text", v, 5)),
    ("uscc", validate_uscc),
    ("tax_no", validate_tax_number),
    ("id_number", lambda v: validate_id(IdType.RESIDENT_ID, v)),
    ("id_number", lambda v: validate_id(IdType.PASSPORT, v)),
    ("id_number", lambda v: validate_id(IdType.HK_MACAU_PERMIT, v)),
    ("id_number", lambda v: validate_id(IdType.TAIWAN_PERMIT, v)),
    ("id_number", lambda v: validate_id(IdType.RESIDENCE_PERMIT_HMT, v)),
    ("phone", validate_phone),
    ("email", validate_email),
    ("date", validate_date),
    ("bank_account", validate_bank_account),
]

suspicious = st.one_of(
    st.text(max_size=40),
    resident_ids().map(lambda n: n[:-1] + ("0" if n[-1] != "0" else "1")),
    st.text(alphabet="0123456789xX -+年月日@.", min_size=4, max_size=25),
)


@settings(database=None, deadline=None, max_examples=400)
@given(st.sampled_from(range(len(VALIDATORS))), suspicious)
def test_errors_never_carry_the_value(which: int, value: str) -> None:
    field, validate = VALIDATORS[which]
    try:
        validate(value)
    except ValidationError as exc:
        assert set(exc.errors) == {field}
        assert set(exc.errors.values()) <= ERROR_CODES
        # The exception's whole content is the field name: nothing derived from the value.
        assert exc.args == ([field],)
        assert str(exc) == str([field])
        # No chained exception (int() and date() quote their input) rides along.
        assert exc.__cause__ is None
        assert exc.__context__ is None
        template = repr(ValidationError({field: "format"}))
        if len(value.strip()) >= 4 and value.strip() not in template:
            assert value.strip() not in repr(exc)


def test_unknown_id_type_error_does_not_echo_the_type() -> None:
    with pytest.raises(ValidationError) as info:
        validate_id("110105194912310021", "x")
    assert "110105194912310021" not in repr(info.value)
    assert info.value.__context__ is None


def test_all_codes_are_short_machine_strings() -> None:
    assert all(code.isascii() and code.islower() and " " not in code and len(code) <= 20 for code in ERROR_CODES)


def test_control_character_class_is_exactly_the_unicode_categories() -> None:
    """The precompiled class of ``_has_control_chars`` equals the per-character rule it replaced."""
    import unicodedata

    from clientvault.core import validation

    wrong = [
        cp
        for cp in range(0x110000)
        if validation._has_control_chars(chr(cp))
        != (unicodedata.category(chr(cp)) in ("Cc", "Cs", "Zl", "Zp") or chr(cp) in validation._BIDI_CONTROLS)
    ]
    assert wrong == []


@settings(max_examples=300)
@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17))
def test_uscc_check_matches_stdnum(first17: str) -> None:
    from clientvault.core import validation

    assert validation._uscc_check(first17) == stdnum_uscc.calc_check_digit(first17) == uscc_check_digit(first17)


def _normalize_by_definition(value: str) -> str:
    # normalize_text without its fast paths (ASCII, already NFKC): how it was first written.
    import re
    import unicodedata

    value = value.translate(dict.fromkeys(map(ord, "\u200b\ufeff\u2060")))
    if not value.isascii():
        value = "".join(
            part if i % 2 else unicodedata.normalize("NFKC", part)
            for i, part in enumerate(re.split("([！（），：；？])", value))
        )
    return " ".join(value.split())


@settings(max_examples=500)
@given(
    st.text(
        alphabet=st.sampled_from("abcAB 12３４５６ＡＢ　测试公司，（）：；！？\u200b\ufeff\u2060ｶﾞﾊﾟﾟé\u0301ﬁ①Ⅻ㈱"),
        max_size=30,
    )
)
def test_normalize_text_fast_paths_change_nothing(value: str) -> None:
    assert normalize_text(value) == _normalize_by_definition(value)
