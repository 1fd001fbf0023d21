"""What the printed 告知同意书 must say (PIPL Arts 17, 23, 30, 44-50) and how it says it.

One test per rule of issue 10 "Consent and notices": Art 30 texts per sensitive category, each
recipient with contact, purpose, method and categories (Art 23), retention with its starting
point, the rights (incl. Arts 44, 45(3), 47 para 2, 49) with the firm's reply time, the signer's
identical copy (个人留存联), and the wording of a 代账有限公司 (本公司, no 本所/合伙人/税号, no ASCII
colon in Chinese text).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from clientvault.documents.consent_form import (
    ConsentFormContent,
    FirmDetails,
    FormPurpose,
    FormRecipient,
    KeptAfterEnd,
    render_consent_form,
    retention_text,
)
from tests.unit.documents.pdfcheck import pdf_text, squash

BANK = FormRecipient(
    "中国工商银行杭州文三路支行", "0571-8000 1234", "代发工资", "网上银行批量提交", ("identity", "bank")
)
TAX = FormRecipient(
    "国家税务总局杭州市西湖区税务局", "12366", "纳税申报", "电子税务局报送", ("identity", "id_document")
)
KEPT = (
    KeptAfterEnd(("identity",), 30, False, "会计凭证"),
    KeptAfterEnd(("id_document", "bank"), 10, False, "涉税资料"),
)
TAX_KEPT = (KEPT[0], KeptAfterEnd(("id_document",), 10, False, "涉税资料"))
PURPOSES = (
    FormPurpose(
        "tax_filing", "纳税申报", "纳税申报。", "legal_obligation", ("identity", "id_document", "credentials"), 10,
        True, False, False, "税务机关", ("id_document", "credentials"), (TAX,), TAX_KEPT,
    ),
    FormPurpose(
        "bank_services", "银行开户及账户服务", "协助开户。", "consent", ("identity", "id_document", "bank"), 5, False,
        True, True, "开户银行", ("id_document", "bank"), (BANK,), KEPT,
    ),
    FormPurpose("marketing", "财税资讯推送", "发送资讯。", "consent", ("contact",), 0, False, False, False),
)  # fmt: skip
FIRM = FirmDetails(
    "杭州示例代账有限公司", "杭州市西湖区文三路100号", "0571-88880000", "privacy@example.com", "王女士 0571-88880001",
    "投诉邮箱 complaints@example.com", reply_days=12,
)  # fmt: skip
CONTENT = ConsentFormContent("CF-7K3M-Q9PX", FIRM, PURPOSES, date(2026, 11, 30), "杭州星辰科技有限公司", "", "张三")


def _zh() -> str:
    return squash(pdf_text(render_consent_form(CONTENT)))


def test_each_sensitive_category_states_why_and_its_effect_art_30() -> None:
    text = _zh()
    assert "三、敏感个人信息的必要性及对您的影响" in text
    for category, why, effect in (
        ("身份证件号码", "实名制规定要求填报并核验身份证件号码", "可能被冒用办理业务"),
        ("银行账户", "代发工资、缴纳税款和社会保险费", "可能导致财产损失"),
        ("电子税务局及社保系统登录信息", "代为登录电子税务局", "建议您届时修改密码"),
    ):
        assert category in text and squash(why) in text and squash(effect) in text, category
    # the box no longer claims that the person "knows": it points at the explanation
    assert "我已知悉处理敏感个人信息的必要性" not in text
    assert "第三部分已告知处理上述信息的必要性及对我的影响" in text
    en = squash(pdf_text(render_consent_form(CONTENT, "en")))
    assert squash("Why it is needed") in en and squash("How it affects you") in en
    assert squash("never collects card PINs") in en


def test_each_recipient_with_contact_purpose_method_and_categories_art_23() -> None:
    text = _zh()
    expected = (
        "中国工商银行杭州文三路支行（联系方式：0571-80001234；提供目的：代发工资；提供方式：网上银行批量提交；"
        "提供的个人信息：身份信息、银行账户）"
    )
    assert expected in text
    assert "国家税务总局杭州市西湖区税务局（联系方式：12366" in text
    # the separate third-party box names the recipient from the list
    assert "向中国工商银行杭州文三路支行提供第二部分所列的个人信息" in text
    en = squash(pdf_text(render_consent_form(CONTENT, "en")))
    assert squash("(contact: 0571-8000 1234; purpose: 代发工资; method: 网上银行批量提交;") in en


def test_retention_states_its_starting_point_and_what_is_erased() -> None:
    bank = PURPOSES[1]
    zh = retention_text(bank, "zh")
    assert zh == (
        "业务关系存续期间，至您撤回同意时止；业务关系终止后，法律要求保存的信息自业务关系终止当年的会计年度终了后"
        "第一天起保存：身份信息30年（会计凭证）、身份证件号码和银行账户10年（涉税资料）；"
        "撤回同意后，其他处理目的不再需要的信息予以删除"
    )
    # credentials: no rule keeps them
    assert "其余信息在业务关系终止后封存资料时删除" in retention_text(PURPOSES[0], "zh")
    marketing = retention_text(PURPOSES[2], "zh")
    assert marketing.startswith("业务关系存续期间，至您撤回同意时止；业务关系终止后封存资料时删除")
    assert "first day after the end of the accounting year" in retention_text(bank, "en")
    assert squash(zh) in _zh()


def test_rights_include_arts_44_45_47_para_2_49_and_the_firms_reply_time() -> None:
    text = _zh()
    for right in (
        "查阅、复制您的个人信息（第四十五条第一款）",
        "转移至您指定的个人信息处理者（第四十五条第三款）",
        "请求更正、补充（第四十六条）",
        "请求删除（第四十七条第一款）",
        "本公司停止除存储和采取必要的安全保护措施之外的处理（第四十七条第二款）",
        "限制或者拒绝本公司对您个人信息的处理",
        "（第四十四条）",
        "随时撤回同意",
        "解释说明（第四十八条）",
        "其近亲属为了自身的合法、正当利益",
        "（第四十九条）",
        "收到请求之日起12个工作日内答复",
        "拒绝请求的，说明理由（第五十条）",
    ):
        assert squash(right) in text, right
    assert "无法停止或删除" not in text  # the old, wrong statement of Art 47 para 2
    en = squash(pdf_text(render_consent_form(CONTENT, "en")))
    for right in ("(Art 44)", "(Art 45 para 3)", "(Art 49)", "except storage and the necessary security measures",
                  "within 12 working days"):  # fmt: skip
        assert squash(right) in en, right


def test_the_signer_keeps_an_identical_copy() -> None:
    pdf = render_consent_form(CONTENT)
    pages = pdf_text(pdf).split("\f")[:-1]
    assert len(pages) % 2 == 0
    half = len(pages) // 2
    firm_copy, own_copy = squash("".join(pages[:half])), squash("".join(pages[half:]))
    assert "公司留存联" in firm_copy and "个人留存联" not in firm_copy
    assert "个人留存联" in own_copy and own_copy.count("公司留存联") == 1  # "与公司留存联内容相同"
    assert squash(pages[half]).startswith("个人信息处理告知同意书")  # the copy starts on a new page

    def body(copy: str) -> str:  # everything but the copy marks, the return/keep line and page numbers
        for mark in ("第一联公司留存联", "第二联个人留存联"):
            copy = copy.replace(mark, "")
        copy = re.sub(r"第\d+页/共\d+页", "", copy)
        copy = copy.split("请将签署后的本联交回本公司")[0].split("本联由签署人留存")[0]
        return copy

    assert body(firm_copy) == body(own_copy)
    assert "本联由签署人留存，与公司留存联内容相同" in own_copy


def test_wording_of_a_limited_company_and_chinese_punctuation() -> None:
    for content in (CONTENT, replace(CONTENT, client_name="", person_name="")):
        raw = pdf_text(render_consent_form(content))
        text = squash(raw)
        assert "本公司" in text
        for wrong in ("本所", "事务所", "合伙人", "表格", "本表"):  # one term for the form: 告知同意书
            assert wrong not in text, wrong
        assert text.replace("纳税人识别号", "").count("税号") == 0
        # no ASCII colon in the Chinese text (the firm's own e-mail text typed in the test has none)
        assert ":" not in raw
        # no stray spaces inside Chinese phrases around names and numbers
        for phrase in ("向中国工商银行杭州文三路支行提供", "12个工作日", "签署人"):
            assert phrase in raw.replace("\n", ""), phrase


def test_no_printed_document_says_ben_suo_partner_or_tax_number() -> None:
    """Every printed document speaks for a 代账有限公司: 本公司 and 负责人, and 纳税人识别号 (issue 10)."""
    from pathlib import Path

    import clientvault.documents as documents

    folder = Path(documents.__file__).parent
    # spreadsheet.py reads the firms' own workbooks: "税号" is one of the header names it recognises
    sources = sorted(p for p in folder.glob("*.py") if p.name != "spreadsheet.py")
    assert len(sources) > 5
    for source in sources:
        text = source.read_text(encoding="utf-8").replace("纳税人识别号", "")
        for wrong in ("本所", "事务所", "合伙人", "税号"):
            assert wrong not in text, (source.name, wrong)
