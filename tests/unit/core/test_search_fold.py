"""``fold`` keeps exactly the word characters but "_" of the NFKC, case-folded text (one regex pass)."""

from __future__ import annotations

import re
import unicodedata

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
