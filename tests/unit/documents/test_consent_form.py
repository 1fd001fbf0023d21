"""The printed consent form: text (Chinese included), fonts, QR, tick boxes, long inputs, batches."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from clientvault.documents.consent_form import (
    ConsentFormContent,
    FirmDetails,
    FormPurpose,
    render_consent_form,
    render_consent_forms,
    tick_items,
)
from tests.unit.documents.pdfcheck import (
    assert_fonts_embedded,
    assert_inside_printable_area,
    page_count,
    pdf_info,
    pdf_text,
    record_disk_writes,
    squash,
)

PURPOSES = (
    FormPurpose("bookkeeping", "代理记账", "登记账簿。", "contract", ("identity", "bank"), 30, True, False, False),
    FormPurpose(
        "tax_filing", "纳税申报", "纳税申报。", "legal_obligation", ("identity", "id_document"), 10, True, False, False,
        "税务机关",
    ),
    FormPurpose(
        "bank_services", "银行开户及账户服务", "协助开户。", "consent", ("identity", "id_document", "bank"), 5, False,
        True, True, "开户银行", ("id_document", "bank"),
    ),
    FormPurpose("marketing", "财税资讯推送", "发送资讯。", "consent", ("contact",), 0, False, False, False),
)  # fmt: skip
FIRM = FirmDetails(
    "杭州示例代账有限公司", "杭州市西湖区文三路100号", "0571-88880000", "privacy@example.com", "王女士", "投诉邮箱"
)
CONTENT = ConsentFormContent("CF-7K3M-Q9PX", FIRM, PURPOSES, date(2026, 11, 30), "杭州星辰科技有限公司", "", "张三")


def test_chinese_form_text_fonts_and_metadata() -> None:
    pdf = render_consent_form(CONTENT)
    text = squash(pdf_text(pdf))
    for expected in (
        "个人信息处理告知同意书",
        "杭州示例代账有限公司",
        "CF-7K3M-Q9PX",
        "杭州星辰科技有限公司",
        "您的权利及行使方式",
        "投诉渠道",
        "【单独同意·敏感个人信息】",
        "【单独同意·向第三方提供】",
        "开户银行",
        "保存期限",
        "2026年11月30日",
    ):
        assert expected in text, expected
    assert_fonts_embedded(pdf)
    info = pdf_info(pdf)
    assert "张三" not in info.get("Title", "") and "星辰" not in info.get("Title", "")
    assert info["Page size"].startswith("595.276 x 841.89")


def test_english_form() -> None:
    en = replace(CONTENT, purposes=tuple(replace(p, name=p.code.replace("_", " ").title()) for p in PURPOSES))
    text = squash(pdf_text(render_consent_form(en, "en")))
    assert squash("Notice and consent: personal information") in text
    assert squash("Separate consent: sensitive personal information") in text
    assert squash("30 November 2026") in text


def test_one_box_per_optional_purpose_and_separate_boxes() -> None:
    assert tick_items(PURPOSES) == [
        ("bank_services", "purpose"),
        ("bank_services", "sensitive"),
        ("bank_services", "third_party"),
        ("marketing", "purpose"),
    ]
    text = squash(pdf_text(render_consent_form(CONTENT)))
    assert text.count("我同意本公司为") == 8  # two identical copies


def test_qr_code_carries_only_the_form_number(monkeypatch: pytest.MonkeyPatch) -> None:
    import clientvault.documents.consent_form as module

    encoded: list[str] = []
    real = module.qr_code

    def spy(data: str, **kwargs: Any) -> Any:
        encoded.append(data)
        return real(data, **kwargs)

    monkeypatch.setattr(module, "qr_code", spy)
    render_consent_form(CONTENT)
    render_consent_forms([CONTENT, replace(CONTENT, form_no="CF-BBBB-BBBB")])
    assert encoded == ["CF-7K3M-Q9PX"] * 4 + ["CF-BBBB-BBBB"] * 2  # two copies each


def test_very_long_firm_names_and_addresses_stay_on_the_page() -> None:
    firm = FirmDetails(
        "超长名称" * 60 + "Very Long Firm Name Partnership " * 8,
        "浙江省杭州市西湖区" * 40 + "Room 1234, Building 56, " * 10,
        "0571-88880000 转 " + "1234 " * 20,
        "a" * 60 + "@example.com",
        "王" * 200,
        "投诉" * 200,
    )
    long = replace(CONTENT, firm=firm, client_name="客户" * 150, person_name="人" * 80)
    for lang in ("zh", "en"):
        pdf = render_consent_form(long, lang)
        assert_inside_printable_area(pdf)
        assert_fonts_embedded(pdf)
        assert "CF-7K3M-Q9PX" in pdf_text(pdf)


def test_blank_form_has_empty_client_lines() -> None:
    pdf = render_consent_form(replace(CONTENT, client_name="", person_name=""))
    assert "星辰" not in pdf_text(pdf)
    assert_inside_printable_area(pdf)


def test_batch_each_form_starts_a_page_and_names_its_number() -> None:
    forms = [replace(CONTENT, form_no=f"CF-AAAA-AAA{c}") for c in "BCD"]
    pdf = render_consent_forms(forms)
    single = page_count(render_consent_form(CONTENT))
    assert page_count(pdf) == 3 * single
    pages = pdf_text(pdf).split("\f")
    for i, c in enumerate("BCD"):
        assert f"CF-AAAA-AAA{c}" in pages[i * single]
    with pytest.raises(ValueError):
        render_consent_forms([])


def test_rendering_writes_nothing_to_disk() -> None:
    with record_disk_writes() as writes:
        render_consent_form(CONTENT)
    assert writes == []
