"""Normalisation and validation of the values a client record holds.

Every public validator takes the raw value (as typed, pasted or read from an Excel cell) and
either returns the normalised value to store or raises
:class:`~clientvault.core.errors.ValidationError` mapping the field name to a short code.
Exceptions never carry the input value, and are raised ``from None`` so that no chained
exception (``int()``'s ``ValueError`` quotes its input) can smuggle it into a log or a crash
report.

Error codes used here:

``required``          empty after normalisation
``control_chars``     a control, bidi-override, line-separator or lone-surrogate character
``too_long``          longer than the field allows
``length``            wrong number of characters/digits for the identifier
``format``            characters or structure the identifier cannot have
``check_digit``       the check digit does not match
``birth_date``        the date of birth inside an ID number is impossible or in the future
``area_code``         the region prefix of an ID number is not one the ID type can have
``number_precision``  an identifier arrived as a float (an Excel numeric cell) and has lost digits
``date``              a well-formed date that does not exist (e.g. 2026-02-30)
``out_of_range``      a date outside the range the caller allows
``unknown_type``      an ID type that is not an :class:`IdType`
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import NoReturn

from stdnum.cn import ric as _ric
from stdnum.cn import uscc as _uscc

from clientvault.core.errors import ValidationError

__all__ = [
    "ERROR_CODES",
    "IdType",
    "ResidentId",
    "check_length",
    "clean_text",
    "convert_legacy_resident_id",
    "normalize_text",
    "parse_resident_id",
    "resident_id_check_digit",
    "uscc_check_digit",
    "validate_bank_account",
    "validate_date",
    "validate_email",
    "validate_id",
    "validate_phone",
    "validate_resident_id",
    "validate_tax_number",
    "validate_uscc",
]

ERROR_CODES: frozenset[str] = frozenset(
    {
        "required",
        "control_chars",
        "too_long",
        "length",
        "format",
        "check_digit",
        "birth_date",
        "area_code",
        "number_precision",
        "date",
        "out_of_range",
        "unknown_type",
    }
)

# Identifiers are short; refusing absurd input before normalising it keeps NFKC and the regexes
# away from megabyte-sized pastes.
_MAX_IDENTIFIER_INPUT = 64


def _fail(field: str, code: str) -> NoReturn:
    # Callers never call this inside an ``except`` block, so ``__context__`` stays empty too.
    raise ValidationError({field: code}) from None


def _date_or_none(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------

# Chinese typography uses these full-width forms as the correct punctuation (，（）：；！？);
# turning them into ASCII would make names and addresses differ from the official spelling.
_KEEP_FULLWIDTH_SPLIT = re.compile("([！（），：；？])")
# Bidi overrides/isolates can make a stored name display as something else (spoofing).
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
# Invisible copy-paste debris (zero-width space, BOM, word joiner) that would break matching.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\ufeff\u2060"))


# Cc: C0/C1 controls incl. tab and newline (exactly U+0000-U+001F and U+007F-U+009F); Cs: lone
# surrogates (unencodable); Zl/Zp: the line/paragraph separators U+2028/U+2029 - all fields cleaned
# here are single-line; and the bidi controls above. One precompiled class instead of a
# ``unicodedata.category`` call per character (an import checks hundreds of thousands of cells).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029" + "".join(sorted(_BIDI_CONTROLS)) + "]")


def _has_control_chars(value: str) -> bool:
    return _CONTROL.search(value) is not None


def normalize_text(value: str, field: str = "text") -> str:
    """Normalise a free-text value for storage and matching.

    Applies NFKC (full-width digits, letters and ASCII punctuation become half-width, the
    ideographic space becomes a space) except for the full-width punctuation that is correct
    in Chinese text, removes invisible zero-width characters, strips the ends and collapses
    internal whitespace runs to one space.

    Args:
        value: The raw text.
        field: Field name used as the key of a raised error.

    Returns:
        The normalised text (possibly empty).

    Raises:
        ValidationError: ``control_chars`` if the text holds any control character (tab and
            newline included), bidi override, line separator or lone surrogate.
    """
    if _has_control_chars(value):
        _fail(field, "control_chars")
    # ASCII text holds neither invisible characters nor full-width forms; text already in NFKC
    # holds no full-width form, so the split below would change nothing.
    if not value.isascii():
        value = value.translate(_INVISIBLE)
        if not unicodedata.is_normalized("NFKC", value):
            value = "".join(
                part if i % 2 else unicodedata.normalize("NFKC", part)
                for i, part in enumerate(_KEEP_FULLWIDTH_SPLIT.split(value))
            )
    return " ".join(value.split())


def check_length(field: str, value: str, max_len: int) -> str:
    """Check that a value is at most ``max_len`` characters (code points) long.

    Args:
        field: Field name used as the key of a raised error.
        value: The (normalised) value.
        max_len: Maximum number of characters.

    Returns:
        ``value`` unchanged.

    Raises:
        ValidationError: ``too_long``.
    """
    if len(value) > max_len:
        _fail(field, "too_long")
    return value


def clean_text(field: str, value: str, max_len: int, *, required: bool = False) -> str:
    """Normalise a free-text field and check its length (and presence if required).

    Args:
        field: Field name used as the key of a raised error.
        value: The raw text.
        max_len: Maximum number of characters after normalisation.
        required: Whether an empty value is an error.

    Returns:
        The normalised text.

    Raises:
        ValidationError: ``control_chars``, ``too_long`` or ``required``.
    """
    # Bound the work before normalising: NFKC never shrinks text by more than a small factor.
    if len(value) > max_len * 4 + 64:
        _fail(field, "too_long")
    text = check_length(field, normalize_text(value, field), max_len)
    if required and not text:
        _fail(field, "required")
    return text


def free_text(
    field: str, value: str, max_len: int, *, required: bool = False, min_len: int = 0, multiline: bool = False
) -> str:
    """The one check of free text typed by staff: firm and display names, witnesses, reasons, notes, purposes.

    Unlike :func:`clean_text` (client records, which are also matched), the text is kept as typed:
    no NFKC, only whitespace tidied (single-line: runs of whitespace become one space;
    ``multiline``: ``\\r\\n`` becomes ``\\n`` and each line loses trailing spaces).

    Args:
        field: Field name used as the key of a raised error.
        value: The raw text.
        max_len: Maximum number of characters after tidying.
        required: Whether an empty value is an error.
        min_len: Shorter (non-empty or required) text is ``required`` too (e.g. a reason of one letter).
        multiline: Whether line breaks (and tabs) are allowed.

    Returns:
        The tidied text.

    Raises:
        ValidationError: ``control_chars`` (a control character, bidi override or isolate, line or
            paragraph separator, lone surrogate; tab and newline unless ``multiline``),
            ``too_long`` or ``required``.
    """
    if not isinstance(value, str):
        _fail(field, "format")
    if len(value) > max_len * 4 + 64:
        _fail(field, "too_long")
    if multiline:
        lines = value.replace("\r\n", "\n").split("\n")
        if any(_has_control_chars(line.replace("\t", " ")) for line in lines):
            _fail(field, "control_chars")
        text = "\n".join(line.rstrip() for line in lines).strip()
    else:
        if _has_control_chars(value):
            _fail(field, "control_chars")
        text = " ".join(value.split())
    if len(text) > max_len:
        _fail(field, "too_long")
    if (required or text) and len(text) < max(min_len, 1 if required else 0):
        _fail(field, "required")
    return text


def _identifier_text(field: str, value: object, *, allow_int: bool) -> str:
    """Turn a raw identifier (str, or int from a spreadsheet) into normalised text."""
    if isinstance(value, bool):
        _fail(field, "format")
    if isinstance(value, float):
        # A double holds ~15-16 significant digits: an 18-digit ID or a bank account read from
        # a numeric Excel cell has already lost its last digits, so no value can be trusted.
        _fail(field, "number_precision")
    if isinstance(value, int):
        if not allow_int or value < 0:
            _fail(field, "format")
        return str(value)
    if not isinstance(value, str):
        _fail(field, "format")
    if len(value) > _MAX_IDENTIFIER_INPUT:
        _fail(field, "length")
    text = normalize_text(value, field)
    if not text:
        _fail(field, "required")
    return text


_SEPARATORS = re.compile(r"[\s\-]+")


# --------------------------------------------------------------------------------------------
# USCC 统一社会信用代码 and tax numbers
# --------------------------------------------------------------------------------------------

# GB 32100 alphabet: digits and capitals except I, O, S, V, Z. The first two positions
# (registering authority, entity type) may be letters (e.g. ``Y1``, ``N2``), which stdnum's
# digits-only rule would reject; the check character still protects them.
_USCC_SHAPE = re.compile(r"[0-9ABCDEFGHJKLMNPQRTUWXY]{2}[0-9]{6}[0-9ABCDEFGHJKLMNPQRTUWXY]{10}", re.ASCII)


def uscc_check_digit(first17: str) -> str:
    """Return the GB 32100-2015 check character for the first 17 characters of a USCC.

    Args:
        first17: The first 17 characters (upper-case).

    Returns:
        The 18th character.
    """
    return str(_uscc.calc_check_digit(first17))


_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {c: i for i, c in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = tuple(3**i % 31 for i in range(17))


def _uscc_check(first17: str) -> str:
    # The same sum as stdnum's calc_check_digit, without its per-call cleaning and list.index
    # (the characters were checked against the alphabet by _USCC_SHAPE).
    total = sum(_USCC_VALUE[c] * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total) % 31]


def validate_uscc(value: str, field: str = "uscc") -> str:
    """Validate a unified social credit code (统一社会信用代码, GB 32100-2015).

    Spaces and hyphens are removed and letters upper-cased; the check character is verified.

    Args:
        value: The raw code.
        field: Field name used as the key of a raised error.

    Returns:
        The 18-character code.

    Raises:
        ValidationError: ``required``, ``length``, ``format``, ``check_digit`` (or
            ``control_chars``).
    """
    code = _SEPARATORS.sub("", _identifier_text(field, value, allow_int=False)).upper()
    if len(code) != 18:
        _fail(field, "length")
    if not _USCC_SHAPE.fullmatch(code):
        _fail(field, "format")
    if code[17] != _uscc_check(code[:17]):
        _fail(field, "check_digit")
    return code


_ALNUM = re.compile(r"[0-9A-Z]+", re.ASCII)


def validate_tax_number(value: str, field: str = "tax_no") -> str:
    """Validate a taxpayer identification number (纳税人识别号).

    Accepts 15, 17, 18 or 20 letters/digits (the pre-2015 tax registration numbers); an
    18-character number is the USCC and is checked as one.

    Args:
        value: The raw number.
        field: Field name used as the key of a raised error.

    Returns:
        The upper-case number without separators.

    Raises:
        ValidationError: ``required``, ``length``, ``format``, ``check_digit`` (or
            ``control_chars``).
    """
    code = _SEPARATORS.sub("", _identifier_text(field, value, allow_int=False)).upper()
    if len(code) == 18:
        return validate_uscc(code, field)
    if len(code) not in (15, 17, 20):
        _fail(field, "length")
    if not _ALNUM.fullmatch(code):
        _fail(field, "format")
    return code


# --------------------------------------------------------------------------------------------
# Identity documents
# --------------------------------------------------------------------------------------------


class IdType(StrEnum):
    """The identity documents a person record may carry."""

    RESIDENT_ID = "resident_id"
    """居民身份证 (mainland resident identity card)."""
    PASSPORT = "passport"
    """护照 (any country)."""
    HK_MACAU_PERMIT = "hk_macau_permit"
    """港澳居民来往内地通行证 (home-return permit)."""
    TAIWAN_PERMIT = "taiwan_permit"
    """台湾居民来往大陆通行证 (MTP, 台胞证)."""
    RESIDENCE_PERMIT_HMT = "residence_permit_hmt"
    """港澳台居民居住证 (residence permit for HK/Macau/Taiwan residents)."""


@dataclass(frozen=True, slots=True)
class ResidentId:
    """A validated resident ID number.

    Attributes:
        number: The 18-character number (check character ``X`` upper-case).
        converted_from_legacy: True if the input was a 15-digit first-generation number that
            was converted to 18 digits; callers should record that the source was legacy.
        birth_date: The date of birth encoded in the number.
    """

    number: str
    converted_from_legacy: bool
    birth_date: _dt.date


# GB/T 2260 province-level codes a mainland household registration can carry. 71 (Taiwan),
# 81/82 (HK/Macau) exist in GB/T 2260 but no mainland 居民身份证 is issued under them; 81/82/83
# prefixes belong to the residence permit for HK/Macau/Taiwan residents.
_MAINLAND_PROVINCES = frozenset(
    str(code)
    for span in ((11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65))
    for code in range(span[0], span[1] + 1)
)
_HMT_PREFIXES = frozenset({"81", "82", "83"})
_EARLIEST_BIRTH = _dt.date(1900, 1, 1)
_RIC18 = re.compile(r"[0-9]{17}[0-9X]", re.ASCII)
_DIGITS = re.compile(r"[0-9]+", re.ASCII)


def resident_id_check_digit(first17: str) -> str:
    """Return the ISO 7064 MOD 11-2 check character (GB 11643-1999) for 17 digits.

    Args:
        first17: The first 17 digits of a resident ID (or residence permit) number.

    Returns:
        ``"0"``-``"9"`` or ``"X"``.
    """
    # stdnum's implementation expects the check position to be present and ignores it.
    return str(_ric.calc_check_digit(first17 + "0"))


def _birth_date(field: str, yyyymmdd: str, today: _dt.date) -> _dt.date:
    born = _date_or_none(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    if born is None or not _EARLIEST_BIRTH <= born <= today:
        _fail(field, "birth_date")
    return born


def _check_18(field: str, number: str, provinces: frozenset[str], today: _dt.date) -> _dt.date:
    if not _RIC18.fullmatch(number):
        _fail(field, "format")
    if number[17] != resident_id_check_digit(number[:17]):
        _fail(field, "check_digit")
    # The check digit is verified first so that a typo reports as such rather than as a
    # strange date or region.
    if number[:2] not in provinces:
        _fail(field, "area_code")
    return _birth_date(field, number[6:14], today)


def _compact_id(field: str, value: object, *, allow_int: bool) -> str:
    return _SEPARATORS.sub("", _identifier_text(field, value, allow_int=allow_int)).upper()


def parse_resident_id(
    value: str | int | float, field: str = "id_number", *, today: _dt.date | None = None
) -> ResidentId:
    """Validate a resident ID number (居民身份证号码, GB 11643-1999) and say how it was read.

    Accepts full-width digits, a lower-case ``x``, spaces and hyphens. An ``int`` (a numeric
    spreadsheet cell) is accepted only if it has exactly 18 digits and is valid; a ``float``
    is always refused with ``number_precision`` because a double cannot hold 18 digits.

    A 15-digit first-generation number is accepted if its date of birth is valid and is
    converted to 18 digits (``19`` inserted before the year, check digit appended), as
    GB 11643-1999 prescribes. First-generation *cards* stopped being valid documents on
    2013-01-01 (居民身份证法 as amended in 2011), but the number still identifies the same
    person and converts one-to-one, so old client records stay usable;
    ``converted_from_legacy`` lets the caller note that the card itself was outdated.

    The region prefix is checked at province level only. A county-level check against the
    GB/T 2260 code list (as stdnum's ``validate`` does) rejects real IDs: codes are assigned
    at registration, not at birth, so people born before a district was created carry its
    code, and a mistyped region digit is already caught by the check digit.

    Args:
        value: The raw number.
        field: Field name used as the key of a raised error.
        today: Latest acceptable birth date (defaults to today's date).

    Returns:
        The validated number with its conversion flag and date of birth.

    Raises:
        ValidationError: ``required``, ``number_precision``, ``length``, ``format``,
            ``check_digit``, ``area_code``, ``birth_date`` (or ``control_chars``).
    """
    today = today or _dt.date.today()
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) != 18:
        _fail(field, "length")
    number = _compact_id(field, value, allow_int=True)
    if len(number) == 15:
        if not _DIGITS.fullmatch(number):
            _fail(field, "format")
        if number[:2] not in _MAINLAND_PROVINCES:
            _fail(field, "area_code")
        born = _birth_date(field, "19" + number[6:12], today)
        first17 = number[:6] + "19" + number[6:]
        return ResidentId(first17 + resident_id_check_digit(first17), True, born)
    if len(number) != 18:
        _fail(field, "length")
    return ResidentId(number, False, _check_18(field, number, _MAINLAND_PROVINCES, today))


def validate_resident_id(value: str | int | float, field: str = "id_number", *, today: _dt.date | None = None) -> str:
    """Validate a resident ID number and return it as 18 characters.

    Same rules as :func:`parse_resident_id`; use that function to learn whether a 15-digit
    legacy number was converted.

    Args:
        value: The raw number.
        field: Field name used as the key of a raised error.
        today: Latest acceptable birth date (defaults to today's date).

    Returns:
        The 18-character number.

    Raises:
        ValidationError: As :func:`parse_resident_id`.
    """
    return parse_resident_id(value, field, today=today).number


def convert_legacy_resident_id(value: str, field: str = "id_number") -> str:
    """Convert a 15-digit first-generation resident ID number to its 18-digit form.

    Args:
        value: The 15-digit number (separators and full-width digits allowed).
        field: Field name used as the key of a raised error.

    Returns:
        The 18-digit number.

    Raises:
        ValidationError: ``length`` if it is not 15 digits, else as :func:`parse_resident_id`.
    """
    if len(_compact_id(field, value, allow_int=False)) != 15:
        _fail(field, "length")
    return parse_resident_id(value, field).number


_PASSPORT = re.compile(r"[0-9A-Z]+", re.ASCII)
_HK_MACAU = re.compile(r"[HM](?:[0-9]{8}|[0-9]{10})", re.ASCII)
_TAIWAN = re.compile(r"[0-9]{8}(?:[0-9]{2})?", re.ASCII)
# Older Taiwan permits print the two issue digits in brackets: 12345678(01).
_TAIWAN_BRACKETS = re.compile(r"[()（）]")


def _validate_passport(field: str, value: object) -> str:
    number = _compact_id(field, value, allow_int=False)
    if not _PASSPORT.fullmatch(number):
        _fail(field, "format")
    if not 5 <= len(number) <= 17:
        _fail(field, "length")
    return number


def _validate_hk_macau(field: str, value: object) -> str:
    number = _compact_id(field, value, allow_int=False)
    if len(number) not in (9, 11):
        _fail(field, "length")
    if not _HK_MACAU.fullmatch(number):
        _fail(field, "format")
    return number


def _validate_taiwan(field: str, value: object) -> str:
    number = _TAIWAN_BRACKETS.sub("", _compact_id(field, value, allow_int=False))
    if not _TAIWAN.fullmatch(number):
        _fail(field, "length" if _DIGITS.fullmatch(number) else "format")
    return number


def _validate_residence_permit(field: str, value: object, today: _dt.date | None) -> str:
    number = _compact_id(field, value, allow_int=False)
    if len(number) != 18:
        _fail(field, "length")
    _check_18(field, number, _HMT_PREFIXES, today or _dt.date.today())
    return number


_ID_TYPES = frozenset(IdType)


def validate_id(id_type: IdType | str, value: str | int | float, field: str = "id_number") -> str:
    """Validate an identity-document number according to its type.

    Rules: resident ID as :func:`validate_resident_id`; passport 5-17 letters/digits;
    HK/Macau permit ``H``/``M`` + 8 or 10 digits; Taiwan permit 8 digits or 10 (older
    format, brackets allowed); HK/Macau/Taiwan residence permit 18 characters starting
    81/82/83 with the resident-ID check digit and a valid date of birth.

    Args:
        id_type: The document type.
        value: The raw number.
        field: Field name used as the key of a raised error.

    Returns:
        The normalised number (upper-case, no separators).

    Raises:
        ValidationError: ``{"id_type": "unknown_type"}`` for an unknown type, otherwise a
            code for ``field`` as described in the module docstring.
    """
    if id_type not in _ID_TYPES:
        _fail("id_type", "unknown_type")
    kind = IdType(id_type)
    if kind is IdType.RESIDENT_ID:
        return validate_resident_id(value, field)
    if kind is IdType.PASSPORT:
        return _validate_passport(field, value)
    if kind is IdType.HK_MACAU_PERMIT:
        return _validate_hk_macau(field, value)
    if kind is IdType.TAIWAN_PERMIT:
        return _validate_taiwan(field, value)
    return _validate_residence_permit(field, value, None)


# --------------------------------------------------------------------------------------------
# Phones
# --------------------------------------------------------------------------------------------

_MOBILE = re.compile(r"1[3-9][0-9]{9}", re.ASCII)
# Nationwide service numbers many companies list as their main phone.
_SERVICE = re.compile(r"[48]00[0-9]{7}", re.ASCII)
_EXTENSION_MARK = re.compile(r"\s*(?:转|分机|ext\.?|x|#)\s*", re.IGNORECASE)
_PHONE_SEPARATORS = re.compile(r"[\s\-().（）]+")
_PHONE_BODY = re.compile(r"\+?[0-9]+", re.ASCII)
_EXTENSION = re.compile(r"[0-9]{1,6}", re.ASCII)


def _landline(digits: str, ext: str | None) -> str | None:
    # Only Beijing (010) and the 02x cities have 3-digit area codes; all others have 4.
    area_len = 3 if digits.startswith(("010", "02")) else 4
    area, local = digits[:area_len], digits[area_len:]
    if not (digits.startswith("0") and len(area) == area_len and 7 <= len(local) <= 8 and local[0] in "23456789"):
        return None
    return f"{area}-{local}" + (f"-{ext}" if ext else "")


def _phone_digits(field: str, main: str) -> tuple[str, bool]:
    body = _PHONE_SEPARATORS.sub("", main)
    if not _PHONE_BODY.fullmatch(body):
        _fail(field, "format")
    if body.startswith("+"):
        if not body.startswith("+86"):
            _fail(field, "format")
        return body[3:], True
    if body.startswith("0086"):
        return body[4:], True
    if body.startswith("86") and len(body) == 13 and _MOBILE.fullmatch(body[2:]):
        return body[2:], True
    return body, False


def validate_phone(value: str | int, field: str = "phone") -> str:
    """Validate and normalise a mainland mobile or landline number.

    Mobiles (``1[3-9]`` + 9 digits) may carry a ``+86``/``0086``/``86`` prefix, spaces and
    hyphens and are returned as 11 digits. Landlines (area code ``0xx``/``0xxx`` + 7-8
    digits, the local part not starting with 0 or 1) are returned as ``area-local`` with an
    optional ``-extension`` (written with 转, 分机, ext, x, # or a trailing ``-group``).
    Nationwide 400/800 service numbers are returned as ``400-123-4567``. Any other letter is
    a ``format`` error.

    Args:
        value: The raw number (an ``int`` from a spreadsheet cell is accepted).
        field: Field name used as the key of a raised error.

    Returns:
        ``13812345678``, ``0571-87654321``, ``010-62345678-123`` or ``400-123-4567``.

    Raises:
        ValidationError: ``required``, ``format``, ``length`` (or ``control_chars``,
            ``number_precision``).
    """
    text = _identifier_text(field, value, allow_int=True)
    parts = _EXTENSION_MARK.split(text, maxsplit=1)
    main, ext = parts[0], (parts[1] if len(parts) > 1 else None)
    if ext is not None and not _EXTENSION.fullmatch(ext):
        _fail(field, "format")
    digits, international = _phone_digits(field, main)
    if ext is None and _MOBILE.fullmatch(digits):
        return digits
    if not international and _SERVICE.fullmatch(digits):
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}" + (f"-{ext}" if ext else "")
    if international and not digits.startswith("0"):
        digits = "0" + digits  # +86 10 ... drops the trunk prefix of the area code
    result = _landline(digits, ext)
    if result is None and ext is None and main.count("-") >= 2:
        head, _, tail = main.rpartition("-")
        if _EXTENSION.fullmatch(tail.strip()):
            head_digits, head_intl = _phone_digits(field, head)
            if head_intl and not head_digits.startswith("0"):
                head_digits = "0" + head_digits
            result = _landline(head_digits, tail.strip())
    if result is None:
        if ext is None and digits.startswith("1") and len(digits) != 11:
            _fail(field, "length")
        _fail(field, "format")
    return result


# --------------------------------------------------------------------------------------------
# Email, dates, bank accounts
# --------------------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?P<local>[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
    r"@(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}))",
    re.ASCII,
)


def validate_email(value: str, field: str = "email") -> str:
    """Validate an e-mail address with a pragmatic (not RFC 5322-complete) pattern.

    Full-width characters (e.g. ``＠``) are normalised; the domain is lower-cased, the local
    part kept as typed. Quoted local parts, IP-literal and non-ASCII domains are refused
    (write internationalised domains in punycode).

    Args:
        value: The raw address.
        field: Field name used as the key of a raised error.

    Returns:
        The normalised address.

    Raises:
        ValidationError: ``required``, ``too_long``, ``format`` (or ``control_chars``).
    """
    if len(value) > 1024:
        _fail(field, "too_long")
    text = normalize_text(value, field)
    if not text:
        _fail(field, "required")
    if len(text) > 254:
        _fail(field, "too_long")
    match = _EMAIL.fullmatch(text)
    if match is None or len(match["local"]) > 64:
        _fail(field, "format")
    return f"{match['local']}@{match['domain'].lower()}"


_DATE_PATTERNS = (
    re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})", re.ASCII),
    re.compile(r"([0-9]{4}) ?(年) ?([0-9]{1,2}) ?月 ?([0-9]{1,2}) ?日?"),
)


def validate_date(
    value: str | _dt.date,
    field: str = "date",
    *,
    min_date: _dt.date | None = None,
    max_date: _dt.date | None = None,
) -> _dt.date:
    """Parse a date written as ``2026-11-30``, ``2026/11/30``, ``2026.11.30`` or ``2026年11月30日``.

    Single-digit months and days are accepted. A ``date`` passes through; a ``datetime``
    (an Excel date cell) is reduced to its date.

    Args:
        value: The raw date.
        field: Field name used as the key of a raised error.
        min_date: Earliest acceptable date, if any.
        max_date: Latest acceptable date, if any.

    Returns:
        The date.

    Raises:
        ValidationError: ``required``, ``format``, ``date``, ``out_of_range`` (or
            ``control_chars``).
    """
    if isinstance(value, _dt.datetime):
        result = value.date()
    elif isinstance(value, _dt.date):
        result = value
    else:
        if not isinstance(value, str):
            _fail(field, "format")
        if len(value) > _MAX_IDENTIFIER_INPUT:
            _fail(field, "format")
        text = normalize_text(value, field)
        if not text:
            _fail(field, "required")
        match = next((m for m in (p.fullmatch(text) for p in _DATE_PATTERNS) if m is not None), None)
        if match is None:
            _fail(field, "format")
        parsed = _date_or_none(int(match[1]), int(match[3]), int(match[4]))
        if parsed is None:
            _fail(field, "date")
        result = parsed
    if (min_date is not None and result < min_date) or (max_date is not None and result > max_date):
        _fail(field, "out_of_range")
    return result


#: Engagement dates (start and end of the bookkeeping contract) must lie in this range: wide enough
#: for any real contract, narrow enough that a retention period of up to 100 years counted from
#: the end stays a valid date (9999-12-31 once made locking fail).
ENGAGEMENT_EARLIEST = _dt.date(1980, 1, 1)
ENGAGEMENT_LATEST = _dt.date(2099, 12, 31)


def validate_engagement_date(value: str | _dt.date, field: str = "engagement_start") -> _dt.date:
    """Parse an engagement date (:func:`validate_date`) between 1980-01-01 and 2099-12-31.

    Raises:
        ValidationError: as :func:`validate_date`; ``engagement_range`` outside the range.
    """
    day = validate_date(value, field)
    if not ENGAGEMENT_EARLIEST <= day <= ENGAGEMENT_LATEST:
        _fail(field, "engagement_range")
    return day


def validate_bank_account(value: str | int, field: str = "bank_account") -> str:
    """Validate a bank account or card number: 12-30 digits once spaces/hyphens are removed.

    The Luhn check is deliberately not required: Chinese corporate settlement account
    numbers are bank-specific and most do not carry a Luhn digit (only card numbers do).

    Args:
        value: The raw number (an ``int`` is accepted, a ``float`` is not).
        field: Field name used as the key of a raised error.

    Returns:
        The digits.

    Raises:
        ValidationError: ``required``, ``format``, ``length``, ``number_precision`` (or
            ``control_chars``).
    """
    digits = _SEPARATORS.sub("", _identifier_text(field, value, allow_int=True))
    if not _DIGITS.fullmatch(digits):
        _fail(field, "format")
    if not 12 <= len(digits) <= 30:
        _fail(field, "length")
    return digits
