"""Masked display forms of personal and sensitive values (DOMAIN.md "Records").

Masking is display code: it never raises on odd input and, when a value does not have the
expected shape, it masks *more*, never less. Empty input gives an empty string (there is
nothing to hide, and a row of stars would suggest a value exists).

Formats:

=============  =========================  =============================================
kind           example                    rule
=============  =========================  =============================================
id_number      ``110105********002X``     first 6 + last 4 (18/15 chars); shorter
                                          documents keep less (see :func:`mask_id_number`)
phone          ``138****5678``            mobile: first 3 + last 4; landline keeps the
                                          area code and the last 4 (``0571-****4321``)
bank_account   ``**** 1234``              last 4 only; the length is hidden
email          ``z***@example.com``       first character of the local part + domain
name           ``张*``, ``张**``,          surname (a known compound surname counts as one)
               ``欧阳**``                  + one star per remaining character
credential     ``••••••``                 always six bullets; the length is hidden
address        ``浙江省杭州市西湖区****``     up to the district/county, the rest hidden
=============  =========================  =============================================
"""

from __future__ import annotations

import functools
import re
from enum import StrEnum
from importlib import resources

from clientvault.core.errors import ValidationError
from clientvault.core.validation import validate_phone

__all__ = [
    "COMPOUND_SURNAMES",
    "CREDENTIAL_MASK",
    "FieldKind",
    "mask",
    "mask_address",
    "mask_bank_account",
    "mask_credential",
    "mask_email",
    "mask_id_number",
    "mask_name",
    "mask_phone",
]

CREDENTIAL_MASK = "••••••"
"""What every credential shows while hidden, whatever its length."""

# The compound surnames still in use (复姓); a name starting with one keeps both characters.
COMPOUND_SURNAMES: frozenset[str] = frozenset(
    {
        "欧阳", "上官", "司马", "诸葛", "东方", "皇甫", "慕容", "令狐", "司徒", "夏侯",
        "尉迟", "公孙", "长孙", "宇文", "轩辕", "端木", "独孤", "南宫", "西门", "呼延",
        "司空", "钟离", "澹台", "公冶", "宗政", "濮阳", "太史", "申屠", "闻人", "赫连",
        "万俟", "拓跋", "百里", "东郭", "左丘", "第五", "单于", "鲜于", "闾丘", "公羊",
    }
)  # fmt: skip


class FieldKind(StrEnum):
    """The kinds of value :func:`mask` knows how to mask."""

    ID_NUMBER = "id_number"
    PHONE = "phone"
    BANK_ACCOUNT = "bank_account"
    EMAIL = "email"
    NAME = "name"
    CREDENTIAL = "credential"
    ADDRESS = "address"


_STAR = "*"
_SPACES = re.compile(r"[\s\-]+")


def mask_id_number(value: str) -> str:
    """Mask an identity-document number.

    18- and 15-character numbers keep the first 6 (the issuing region) and the last 4:
    ``110105********002X``. Shorter numbers (passports, permits) keep the first character
    and the last 3 (9-14 characters) or the last 2 (6-8 characters); anything shorter is
    fully masked. Spaces and hyphens are dropped first.

    Args:
        value: The number, preferably as normalised by validation.

    Returns:
        The masked number, as long as the compacted input.
    """
    number = _SPACES.sub("", value).upper()
    n = len(number)
    if n >= 15:
        head, tail = 6, 4
    elif n >= 9:
        head, tail = 1, 3
    elif n >= 6:
        head, tail = 1, 2
    else:
        return _STAR * n
    return number[:head] + _STAR * (n - head - tail) + number[n - tail :]


def mask_phone(value: str) -> str:
    """Mask a phone number: ``138****5678``, ``0571-****4321``, ``400-***-4567``.

    The value is normalised first; an extension is dropped. A value that is not a valid
    phone number shows at most its last 4 digits (``****5678``), and only if it has 8+.

    Args:
        value: The phone number.

    Returns:
        The masked number.
    """
    if not value:
        return ""
    try:
        phone = validate_phone(value)
    except ValidationError:
        digits = "".join(ch for ch in value if ch.isascii() and ch.isdigit())
        return _STAR * 4 + (digits[-4:] if len(digits) >= 8 else "")
    if "-" not in phone:
        return phone[:3] + _STAR * 4 + phone[-4:]
    if phone.startswith(("400-", "800-")):
        return phone[:4] + _STAR * 3 + phone[7:12]
    area, local = phone.split("-")[:2]
    return f"{area}-{_STAR * (len(local) - 4)}{local[-4:]}"


def mask_bank_account(value: str) -> str:
    """Mask a bank account or card number to ``**** 1234`` (length hidden).

    Args:
        value: The account number.

    Returns:
        ``"**** "`` + the last 4 digits, or ``"****"`` if it has fewer than 8 digits.
    """
    if not value:
        return ""
    digits = "".join(ch for ch in value if ch.isascii() and ch.isdigit())
    if len(digits) < 8:
        return _STAR * 4
    return f"{_STAR * 4} {digits[-4:]}"


def mask_email(value: str) -> str:
    """Mask an e-mail address to ``z***@example.com``.

    Args:
        value: The address.

    Returns:
        The first character of the local part, three stars and the (lower-cased) domain;
        ``"****"`` if the value has no ``local@domain`` shape.
    """
    if not value:
        return ""
    local, at, domain = value.strip().rpartition("@")
    if not at or not local or not domain:
        return _STAR * 4
    return f"{local[0]}{_STAR * 3}@{domain.lower()}"


# Separators inside a name (minority names 阿卜杜拉·艾则孜, Latin names) stay visible.
_NAME_SEPARATORS = frozenset(" ·•.-")


def mask_name(value: str) -> str:
    """Mask a person's name for roles that may not see it in full: ``张*``, ``张**``, ``欧阳**``.

    The surname stays: the first character, or both characters of a known compound surname
    when the name is longer than two characters. Every other character becomes ``*``;
    separators (space, ``·``, ``-``, ``.``) are kept. A one-character name is fully masked.

    Args:
        value: The name.

    Returns:
        The masked name.
    """
    name = value.strip()
    if len(name) <= 1:
        return _STAR * len(name)
    keep = 2 if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else 1
    return name[:keep] + "".join(ch if ch in _NAME_SEPARATORS else _STAR for ch in name[keep:])


def mask_credential(value: str) -> str:
    """Mask a credential (password, login) to ``••••••`` whatever its length.

    Args:
        value: The credential.

    Returns:
        :data:`CREDENTIAL_MASK`, or ``""`` for an empty value.
    """
    return CREDENTIAL_MASK if value else ""


_PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "郊区"})


@functools.cache
def _gazetteer() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Province-, prefecture- and county-level division names (current and historic).

    Read from python-stdnum's copy of the GB/T 2260 code list so that no second list has to
    be maintained. Without it, addresses are fully masked (the safe direction).
    """
    provinces: set[str] = {"香港特别行政区", "澳门特别行政区"}
    prefectures: set[str] = set()
    counties: set[str] = set()
    try:
        text = resources.files("stdnum.cn").joinpath("loc.dat").read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return frozenset(), frozenset(), frozenset()
    for line in text.splitlines():
        match = re.fullmatch(r'(\s*)([0-9]+) (province|county)="([^"]*)"', line)
        if match is None:
            continue
        code, names = match[2], [re.sub(r"^\[[^\]]*\]", "", n) for n in match[4].split(",")]
        if match[3] == "province" or code == "0000":
            target = provinces
        elif code.endswith("00"):
            target = prefectures
        else:
            target = counties
        target.update(n for n in names if n and n not in _PLACEHOLDER_NAMES and "直辖" not in n)
    return frozenset(provinces), frozenset(prefectures), frozenset(counties)


def _match_level(text: str, pos: int, names: frozenset[str]) -> int:
    # Longest match first: 朝阳区 must not stop at a shorter name that is its prefix.
    for end in range(min(len(text), pos + 20), pos + 1, -1):
        if text[pos:end] in names:
            return end
    return pos


def mask_address(value: str) -> str:
    """Keep an address down to its district/county and hide the rest: ``浙江省杭州市西湖区****``.

    The leading province, prefecture and county are recognised only if they are real
    division names (GB/T 2260, full forms such as 浙江省, 杭州市, 西湖区), in that order, each
    optional. Anything not recognised is hidden, so an unusual spelling masks more rather
    than exposing a street or a building.

    Args:
        value: The address.

    Returns:
        The recognised divisions followed by ``****`` if anything else followed.
    """
    text = " ".join(value.split())
    if not text:
        return ""
    pos = 0
    for names in _gazetteer():
        while pos < len(text) and text[pos] == " ":
            pos += 1
        pos = _match_level(text, pos, names)
    kept = text[:pos].replace(" ", "")
    return kept if pos == len(text) else kept + _STAR * 4


_MASKERS = {
    FieldKind.ID_NUMBER: mask_id_number,
    FieldKind.PHONE: mask_phone,
    FieldKind.BANK_ACCOUNT: mask_bank_account,
    FieldKind.EMAIL: mask_email,
    FieldKind.NAME: mask_name,
    FieldKind.CREDENTIAL: mask_credential,
    FieldKind.ADDRESS: mask_address,
}


def mask(kind: FieldKind | str, value: str) -> str:
    """Mask a value according to its kind.

    Args:
        kind: A :class:`FieldKind` (or its string value).
        value: The value to mask.

    Returns:
        The masked display form.

    Raises:
        ValueError: If ``kind`` is not a :class:`FieldKind` (a programming error; the message
            names only the kind).
    """
    return _MASKERS[FieldKind(kind)](value)
