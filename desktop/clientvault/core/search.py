"""Search-as-you-type over Chinese and Latin text with FTS5, injection-proof.

Text is indexed as unigrams and bigrams of its normalised characters. A typed query becomes
a conjunction of quoted tokens/phrases that FTS5 can only read as literal text, whatever the
user types (``"``, ``*``, ``NEAR``, ``OR``, parentheses …).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: Everything but word characters, and the underscore (one regex pass: bulk imports index 50 000 names).
_DROP = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Normalise for search: NFKC (full-width → half-width), case-folded, word characters only."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def index_terms(texts: Iterable[str]) -> tuple[str, str]:
    """Return the (unigram, bigram) column values for ``texts``.

    Each word is folded separately, so no bigram spans two words or fields (and so no phrase
    query can match across them: the bigram joining them never exists).
    """
    uni: list[str] = []
    bi: list[str] = []
    for text in texts:
        if not text:
            continue
        for word in unicodedata.normalize("NFKC", text).split():
            w = _DROP.sub("", word.casefold())  # fold(word): the word is already NFKC
            if w:
                uni.append(" ".join(w))
                if len(w) > 1:
                    bi.append(" ".join(map(str.__add__, w, w[1:])))
    return " ".join(uni), " ".join(bi)


def build_match(query: str, *, phones: bool) -> str | None:
    """Turn typed text into an FTS5 MATCH expression, or ``None`` when nothing searchable remains.

    Args:
        query: what the user typed.
        phones: whether the acting role may match phone numbers.
    """
    parts: list[str] = []
    for word in unicodedata.normalize("NFKC", query).split():
        w = fold(word)
        if len(w) == 1:
            parts.append(("{u pu}" if phones else "u") + " : " + _quote(w))
        elif w:
            # Adjacent bigrams as one phrase: "北京星辰" → "北京 京星 星辰".
            phrase = " ".join(w[i : i + 2] for i in range(len(w) - 1))
            parts.append(("{b pb}" if phones else "b") + " : " + _quote(phrase))
    return " AND ".join(parts) if parts else None


def _quote(token: str) -> str:
    # fold() keeps word characters only, so no quote can reach here; doubling is belt and braces.
    return '"' + token.replace('"', '""') + '"'


def pinyin_key(text: str) -> bytes:
    """Sort key that puts Chinese names in (approximately) pinyin order.

    GB2312 — and so GB18030, which contains it — lists the 3 755 common characters by pinyin,
    so comparing GB18030 bytes orders names the way a Chinese user expects (阿 < 北 < 陈 < 张)
    without a pinyin dictionary. Rare characters (GB2312 level 2 and beyond) follow by radical.
    Latin text sorts before Chinese, case-insensitively.
    """
    return unicodedata.normalize("NFKC", text).casefold().encode("gb18030")
