"""``fold`` keeps exactly the word characters but "_" of the NFKC, case-folded text (one regex pass)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from clientvault.core.search import fold, index_terms

_WORD = re.compile(r"\w")


def _by_character(text: str) -> str:
    # The definition, one character at a time (how fold was first written).
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if _WORD.match(c) and c != "_")


def test_fold_matches_its_definition_on_every_bmp_character() -> None:
    chars = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF]
    assert [fold(c) for c in chars] == [_by_character(c) for c in chars]


def test_fold_and_index_terms_on_real_text() -> None:
    for text in ("杭州云帆科技有限公司", "Ｈｅｌｌｏ Wörld_1", "北京市海淀区中关村大街1号", "ß ﬁ Ⅻ ① a-b_c"):
        assert fold(text) == _by_character(text)
    assert index_terms(["测试 公司_1"]) == ("测 试 公 司 1", "测试 公司 司1")


def _terms_by_definition(texts: list[str]) -> tuple[str, str]:
    # index_terms as first written: every word folded, its characters and adjacent pairs.
    uni: list[str] = []
    bi: list[str] = []
    for text in texts:
        for word in unicodedata.normalize("NFKC", text).split():
            w = fold(word)
            uni += list(w)
            bi += [w[i : i + 2] for i in range(len(w) - 1)]
    return " ".join(uni), " ".join(bi)


@settings(max_examples=400)
@given(st.lists(st.text(max_size=30), max_size=5))
def test_index_terms_matches_its_definition(texts: list[str]) -> None:
    assert index_terms(texts) == _terms_by_definition(texts)


def test_index_terms_on_real_text_matches_its_definition() -> None:
    texts = ["杭州云帆科技有限公司", "", "Ｈｅｌｌｏ Wörld_1  x", "ß ﬁ Ⅻ ① a-b_c", "_ - 测", "\u3000全角　空格"]
    assert index_terms(texts) == _terms_by_definition(texts)
