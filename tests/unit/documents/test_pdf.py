"""The shared PDF foundation: fonts, text helpers, building blocks and the page furniture."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from clientvault.documents.pdf import (
    CJK_FONT,
    CONTENT_WIDTH,
    MONO_FONT,
    TEXT_FONT,
    GroupedCode,
    build_pdf,
    check_lang,
    document_styles,
    fit_text,
    font_runs,
    format_date,
    key_value_table,
    markup,
    para,
    qr_code,
    signature_block,
    text_width,
    tick_box_list,
)
from tests.unit.documents.pdfcheck import (
    assert_fonts_embedded,
    assert_inside_printable_area,
    page_count,
    pdf_info,
    pdf_text,
    squash,
)


def build(story: list[Flowable], lang: str = "zh", **overrides: str) -> bytes:
    kwargs = {"title": "测试文件", "firm_name": "明信代账", "document_number": "CF-2026-000123", "lang": lang}
    kwargs.update(overrides)
    return build_pdf(story, **kwargs)


def test_dates_follow_the_document_language() -> None:
    assert format_date(date(2026, 11, 30), "zh") == "2026年11月30日"
    assert format_date(date(2027, 1, 5), "zh") == "2027年1月5日"
    assert format_date(date(2027, 1, 5), "en") == "5 January 2027"


def test_only_known_languages() -> None:
    assert check_lang("zh") == "zh"
    assert check_lang("en") == "en"
    with pytest.raises(ValueError, match="unsupported"):
        check_lang("zh_CN")


def test_characters_fall_back_to_the_cjk_font() -> None:
    # The CJK font has no Latin letters or digits at all, hence the split.
    assert font_runs("ABC 客户 123，ok") == [
        (TEXT_FONT, "ABC "),
        (CJK_FONT, "客户"),
        (TEXT_FONT, " 123"),
        (CJK_FONT, "，"),
        (TEXT_FONT, "ok"),
    ]
    assert font_runs("AB-12", MONO_FONT) == [(MONO_FONT, "AB-12")]
    assert font_runs("码A", MONO_FONT) == [(CJK_FONT, "码"), (MONO_FONT, "A")]


def test_markup_escapes_plain_text() -> None:
    assert markup("A&B <Ltd>") == "A&amp;B &lt;Ltd&gt;"
    assert markup("甲\nB") == f'<font face="{CJK_FONT}">甲<br/></font>B'


def test_fit_text_shortens_with_an_ellipsis() -> None:
    assert fit_text("short", 8, 100) == "short"
    long_name = "华东区域财税咨询与代理记账服务集团" * 5
    fitted = fit_text(long_name, 8, 100)
    assert fitted.endswith("…")
    assert long_name.startswith(fitted[:-1])
    assert text_width(fitted, 8) <= 100


def test_all_building_blocks_in_one_document() -> None:
    styles = document_styles("zh")
    story: list[Flowable] = [
        para("个人信息处理同意书", styles.title),
        para("Consent form", styles.subtitle),
        key_value_table([("客户", "某某 & <测试> 有限公司"), ("Form no.", "CF-2026-000123")], styles),
        para("可选用途", styles.heading),
        tick_box_list(["营销资讯（可拒绝）", "Newsletter"], styles, ticked=[True]),
        GroupedCode("AB12-CD34", font_size=14),
        qr_code("CF-2026-000123"),
        signature_block(["客户签名", "经办人"], styles),
        para("注：本表一式两份。", styles.small),
    ]
    pdf = build(story)
    assert pdf.startswith(b"%PDF")
    fonts = assert_fonts_embedded(pdf)
    assert {f.base_name for f in fonts} == {"DejaVuSans", "DejaVuSansMono", "DroidSansFallback"}
    flat = squash(pdf_text(pdf))
    for expected in (
        "个人信息处理同意书",
        "某某&<测试>有限公司",
        "营销资讯（可拒绝）",
        "Newsletter",
        "AB12-CD34",
        "客户签名",
        "姓名",
        "年月日",
        "注：本表一式两份。",
    ):
        assert expected in flat, expected
    assert_inside_printable_area(pdf)


def test_header_and_footer_on_every_page() -> None:
    styles = document_styles("en")
    story: list[Flowable] = [para(f"Paragraph {n}", styles.body) for n in range(3)]
    story += [PageBreak(), para("Second page", styles.body), PageBreak(), para("Third page", styles.body)]
    pdf = build(story, lang="en", firm_name="Mingxin Bookkeeping")
    assert page_count(pdf) == 3
    pages = pdf_text(pdf).split("\f")[:3]
    for number, page in enumerate(pages, start=1):
        assert "Mingxin Bookkeeping" in page
        assert "CF-2026-000123" in page
        assert f"Page {number} of 3" in page


def test_footer_in_chinese() -> None:
    styles = document_styles("zh")
    pdf = build([para("第一页", styles.body), PageBreak(), para("第二页", styles.body)])
    pages = [squash(page) for page in pdf_text(pdf).split("\f")[:2]]
    assert "第1页/共2页" in pages[0]
    assert "第2页/共2页" in pages[1]


def test_long_text_flows_onto_more_pages_inside_the_margins() -> None:
    styles = document_styles("zh")
    story: list[Flowable] = [para("客户资料保密，未经同意不得向第三方提供。" * 40, styles.body) for _ in range(12)]
    pdf = build(story)
    assert page_count(pdf) > 1
    assert_inside_printable_area(pdf, margin_mm=8)


def test_metadata_without_personal_data() -> None:
    info = pdf_info(build([para("张三 110105199001010020", document_styles("zh").body)], title="同意书"))
    assert info["Title"] == "同意书"
    assert info["Creator"] == "ClientVault"
    assert info.get("Author", "") == ""
    assert "张三" not in str(info)


def test_output_is_deterministic() -> None:
    styles = document_styles("zh")

    def story() -> list[Flowable]:
        return [para("同一内容", styles.body), qr_code("X1")]

    assert build(story()) == build(story())


def test_grouped_code_balances_lines_and_never_splits_a_group() -> None:
    code = GroupedCode("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", font_size=20)
    char_w = text_width("M", 20, MONO_FONT)
    # Room for 29 characters: greedy would print 6 groups + 2; balanced prints 4 + 4.
    code.wrap(29 * char_w + 2 * code.padding, 500)
    assert code.lines == ["AAAA-BBBB-CCCC-DDDD", "EEEE-FFFF-GGGG-HHHH"]
    code.wrap(CONTENT_WIDTH, 500)
    assert all(len(line) * char_w <= CONTENT_WIDTH for line in code.lines)
    assert "-".join(code.lines) == "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"


def test_grouped_code_cuts_a_group_longer_than_a_line() -> None:
    code = GroupedCode("A" * 30, font_size=20)
    char_w = text_width("M", 20, MONO_FONT)
    code.wrap(12 * char_w + 2 * code.padding, 500)
    assert code.lines == ["A" * 12, "A" * 12, "A" * 6]


def test_qr_code_is_a_square_of_the_requested_size() -> None:
    drawing = qr_code("CF-2026-000123", size=30 * mm)
    assert (drawing.width, drawing.height) == (30 * mm, 30 * mm)
    assert drawing.contents[0].value == "CF-2026-000123"
