"""The printed consent form (个人信息处理告知同意书), A4, Chinese by default, English on request.

The form carries the notice PIPL Art 17 requires (who processes, purposes, methods, categories,
retention, rights and how to use them, complaint channel), one tick box per optional purpose,
**separate** tick boxes for sensitive items (Art 29) and for provision to third parties
(Art 23), signature and date lines, and a unique form number printed as text and as a QR code.
The QR carries the form number only — never personal data.

Pages: the letterhead and the notice come first; the choices are kept together on one page,
headed by the form number again (so the page with the ticks always names its form), followed by
the signatures. The Chinese form is two pages (one sheet printed double-sided).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from clientvault.documents.pdf import (
    CONTENT_WIDTH,
    TEXT_FONT,
    DocumentStyles,
    build_pdf,
    check_lang,
    document_styles,
    format_date,
    key_value_table,
    para,
    qr_code,
    signature_block,
    tick_box_list,
)

__all__ = ["ConsentFormContent", "FirmDetails", "FormPurpose", "render_consent_form", "render_consent_forms"]


@dataclass(frozen=True)
class FirmDetails:
    """The processor's identity and contact for the letterhead and notice (Art 17(1))."""

    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    privacy_contact: str = ""  # the privacy officer or the channel to reach them
    complaint_channel: str = ""  # where a complaint goes (besides the authority)


@dataclass(frozen=True)
class FormPurpose:
    """One purpose as printed (already in the form's language)."""

    code: str
    name: str
    description: str
    lawful_basis: str  # consent | contract | legal_obligation
    categories: tuple[str, ...]  # DataCategory values
    retention_years: int
    necessary: bool
    separate_sensitive: bool
    third_party: bool
    recipients: str = ""
    sensitive_categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConsentFormContent:
    """Everything one form prints. ``client_name`` empty: a blank form filled in by hand."""

    form_no: str
    firm: FirmDetails
    purposes: tuple[FormPurpose, ...]
    issued_on: date
    client_name: str = ""
    client_code: str = ""
    person_name: str = ""


_S: dict[str, dict[str, str]] = {
    "zh": {
        "title": "个人信息处理告知同意书",
        "subtitle": "依据《中华人民共和国个人信息保护法》第十四条、第十七条、第二十三条、第二十九条",
        "form_no": "表格编号",
        "issued": "出具日期",
        "client": "委托方（客户）",
        "code": "统一社会信用代码",
        "person": "签署人",
        "blank": "",
        "who_h": "一、个人信息处理者",
        "who": "{name}（以下简称“本所”）。地址：{address}；电话：{phone}；电子邮箱：{email}。",
        "officer": "个人信息保护负责人 / 联系方式：{contact}",
        "purposes_h": "二、处理目的、方式、种类和保存期限",
        "methods": "本所以收集、存储、使用、加工、传输、提供的方式处理您的个人信息，"
        "全部资料保存在本所办公电脑上经加密的数据库中，仅由经授权的工作人员按岗位权限访问。",
        "basis": "法律依据",
        "categories": "个人信息种类",
        "retention": "保存期限",
        "years": "{n} 年",
        "until_withdrawn": "至您撤回同意或服务终止时",
        "necessary": "提供服务所必需",
        "optional": "可选，您可以拒绝，不影响本所提供其他服务",
        "recipients": "向第三方提供",
        "consent": "您的同意",
        "contract": "订立、履行委托合同所必需",
        "legal_obligation": "履行法定职责或法定义务所必需",
        "rights_h": "三、您的权利及行使方式",
        "rights": "您有权查阅、复制、更正、补充、删除您的个人信息，有权要求本所解释处理规则，"
        "有权随时撤回同意（撤回不影响撤回前基于同意已进行的处理）。"
        "请通过上述联系方式提出，本所将在收到请求后 15 个工作日内答复。"
        "因履行法定义务所必需的处理（如纳税申报、会计档案保存），在法定期限内无法停止或删除。",
        "complaint_h": "四、投诉渠道",
        "complaint": "如对本所的处理有异议，可向本所投诉：{channel}；也可以向履行个人信息保护职责的部门投诉、举报。",
        "choices_h": "五、您的选择",
        "choices_intro": "必需的处理依据合同或法律进行，无需勾选。"
        "以下事项请您逐项自主选择，勾选表示同意，未勾选表示不同意：",
        "tick_purpose": "我同意本所为“{name}”目的处理我的个人信息。",
        "tick_sensitive": "【单独同意·敏感个人信息】我同意本所为“{name}”目的处理以下敏感个人信息：{cats}。"
        "我已知悉处理敏感个人信息的必要性及对个人权益的影响。",
        "tick_third": "【单独同意·向第三方提供】我同意本所为“{name}”目的向 {recipients} 提供我的相关个人信息。",
        "no_choices": "本表所列处理均为提供服务所必需，无需另行勾选。",
        "sign_h": "六、签署",
        "sign_intro": "本人已阅读并理解上述告知内容。",
        "signer": "个人信息主体（或其监护人、授权代表）",
        "staff": "本所经办人",
        "return": "请将签署后的本表交回本所。表格编号与二维码仅用于将本表与您的记录对应，不含个人信息。",
        "sep": "、",
        "batch": "告知同意书（批量）",
    },
    "en": {
        "title": "Notice and consent: personal information",
        "subtitle": "Under Articles 14, 17, 23 and 29 of the Personal Information Protection Law of the PRC",
        "form_no": "Form number",
        "issued": "Issued on",
        "client": "Client",
        "code": "Unified social credit code",
        "person": "Signed by",
        "blank": "",
        "who_h": "1. Who processes your personal information",
        "who": "{name} (\u201cthe firm\u201d). Address: {address}; telephone: {phone}; e-mail: {email}.",
        "officer": "Person responsible for personal-information protection / contact: {contact}",
        "purposes_h": "2. Purposes, methods, categories and retention",
        "methods": "The firm collects, stores, uses, processes, transmits and provides your personal information. "
        "All records are kept in an encrypted database on the firm's office computers and are accessed only "
        "by authorised staff as their role requires.",
        "basis": "Legal basis",
        "categories": "Categories of information",
        "retention": "Kept for",
        "years": "{n} years",
        "until_withdrawn": "until you withdraw consent or the service ends",
        "necessary": "necessary for the service",
        "optional": "optional; you may refuse without losing any other service",
        "recipients": "Provided to third parties",
        "consent": "your consent",
        "contract": "necessary to conclude or perform the engagement contract",
        "legal_obligation": "necessary to fulfil a legal obligation",
        "rights_h": "3. Your rights and how to use them",
        "rights": "You may access, copy, correct, complete and delete your personal information, ask the firm to "
        "explain its processing rules, and withdraw your consent at any time (withdrawal does not affect "
        "processing already carried out). Use the contact details above; the firm answers within 15 working "
        "days. Processing required by law (e.g. tax filing, keeping accounting archives) cannot be stopped "
        "or erased before the statutory period ends.",
        "complaint_h": "4. Complaints",
        "complaint": "You may complain to the firm: {channel}; you may also complain to or report to the "
        "authorities responsible for personal-information protection.",
        "choices_h": "5. Your choices",
        "choices_intro": "Necessary processing rests on the contract or the law and needs no tick. Decide on each "
        "item below: a tick means you agree, no tick means you do not:",
        "tick_purpose": "I agree that the firm processes my personal information for \u201c{name}\u201d.",
        "tick_sensitive": "[Separate consent: sensitive personal information] I agree that the firm processes "
        "the following sensitive personal information for \u201c{name}\u201d: {cats}. I have been told why it is "
        "necessary and how it affects my rights.",
        "tick_third": "[Separate consent: provision to third parties] I agree that the firm provides my relevant "
        "personal information to {recipients} for \u201c{name}\u201d.",
        "no_choices": "Every processing listed on this form is necessary for the service; nothing to tick.",
        "sign_h": "6. Signatures",
        "sign_intro": "I have read and understood this notice.",
        "signer": "Data subject (or guardian or authorised representative)",
        "staff": "For the firm",
        "return": "Please return this signed form to the firm. The form number and QR code only link this paper "
        "to your record; they contain no personal information.",
        "sep": ", ",
        "batch": "Consent forms (batch)",
    },
}

_CATEGORY: dict[str, dict[str, str]] = {
    "zh": {
        "identity": "身份信息（姓名、名称、统一社会信用代码、税号）",
        "contact": "联系方式（电话、电子邮箱、地址）",
        "id_document": "身份证件号码",
        "bank": "银行账户",
        "credentials": "电子税务局及社保系统登录信息",
        "salary": "工资薪金",
        "income_tax": "个人所得税",
        "social_insurance": "社会保险",
        "housing_fund": "住房公积金",
    },
    "en": {
        "identity": "identity (names, unified social credit code, tax number)",
        "contact": "contact details (phone, e-mail, address)",
        "id_document": "identity document numbers",
        "bank": "bank accounts",
        "credentials": "tax-bureau and social-insurance logins",
        "salary": "salary",
        "income_tax": "individual income tax",
        "social_insurance": "social insurance",
        "housing_fund": "housing fund",
    },
}


@functools.cache
def _facts_style(lang: str) -> ParagraphStyle:
    body = document_styles(lang).body
    return ParagraphStyle("cv-consent-facts", parent=body, fontSize=9, leading=13, leftIndent=4 * mm, spaceAfter=6)


def tick_items(purposes: Sequence[FormPurpose]) -> list[tuple[str, str]]:
    """The boxes a form prints, in order, as ``(purpose code, scope)``.

    Scope ``purpose`` for each optional (consent-based) purpose, then its separate boxes:
    ``sensitive`` when it needs separate consent for sensitive categories, ``third_party``
    when it provides data to a third party. Services use the same list to read a returned form.

    Args:
        purposes: The purposes printed on the form.

    Returns:
        The boxes in print order.
    """
    out: list[tuple[str, str]] = []
    for p in purposes:
        if p.lawful_basis != "consent":
            continue
        out.append((p.code, "purpose"))
        if p.separate_sensitive and p.sensitive_categories:
            out.append((p.code, "sensitive"))
        if p.third_party:
            out.append((p.code, "third_party"))
    return out


def _purpose_block(p: FormPurpose, st: DocumentStyles, s: dict[str, str], lang: str) -> Flowable:
    """One purpose as a compact paragraph: name, what is done, then basis, categories, retention."""
    sep = "；" if lang == "zh" else "; "
    colon = "：" if lang == "zh" else ": "
    need = s["necessary"] if p.necessary else s["optional"]
    basis = f"{s[p.lawful_basis]}（{need}）" if lang == "zh" else f"{s[p.lawful_basis]} ({need})"
    keep = s["years"].format(n=p.retention_years) if p.retention_years else s["until_withdrawn"]
    facts = [
        f"{s['basis']}{colon}{basis}",
        f"{s['categories']}{colon}{s['sep'].join(_CATEGORY[lang].get(c, c) for c in p.categories)}",
        f"{s['retention']}{colon}{keep}",
    ]
    if p.recipients:
        facts.append(f"{s['recipients']}{colon}{p.recipients}")
    title = p.name + (f" — {p.description}" if p.description else "")
    return KeepTogether(
        [para(title, st.body), para(sep.join(facts) + ("。" if lang == "zh" else "."), _facts_style(lang))]
    )


def _head(content: ConsentFormContent, st: DocumentStyles, s: dict[str, str], lang: str) -> Table:
    """Title and form data on the left, the QR code on the right."""
    rows = [(s["form_no"], content.form_no), (s["issued"], format_date(content.issued_on, lang))]
    rows.append((s["client"], content.client_name or "\u00a0"))
    if content.client_code:
        rows.append((s["code"], content.client_code))
    rows.append((s["person"], content.person_name or "\u00a0"))
    qr_size = 30 * mm
    left = [para(content.firm.name, st.heading), key_value_table(rows, st, key_width=38 * mm)]
    table = Table(
        [[left, qr_code(content.form_no, size=qr_size)]],
        colWidths=[CONTENT_WIDTH - qr_size - 6 * mm, qr_size + 6 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), TEXT_FONT),  # tables default to (unembedded) Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _story(content: ConsentFormContent, lang: str) -> list[Flowable]:
    st = document_styles(lang)
    s = _S[lang]
    firm = content.firm
    dash = "—"
    story: list[Flowable] = [
        para(s["title"], st.title),
        para(s["subtitle"], st.subtitle),
        _head(content, st, s, lang),
        para(s["who_h"], st.heading),
        para(
            s["who"].format(
                name=firm.name, address=firm.address or dash, phone=firm.phone or dash, email=firm.email or dash
            ),
            st.body,
        ),
        para(s["officer"].format(contact=firm.privacy_contact or dash), st.body),
        para(s["purposes_h"], st.heading),
        para(s["methods"], st.body),
    ]
    story += [_purpose_block(p, st, s, lang) for p in content.purposes]
    story += [
        para(s["rights_h"], st.heading),
        para(s["rights"], st.body),
        para(s["complaint_h"], st.heading),
        para(s["complaint"].format(channel=firm.complaint_channel or firm.privacy_contact or dash), st.body),
    ]
    by_code = {p.code: p for p in content.purposes}
    labels = []
    for code, scope in tick_items(content.purposes):
        p = by_code[code]
        if scope == "purpose":
            labels.append(s["tick_purpose"].format(name=p.name))
        elif scope == "sensitive":
            cats = s["sep"].join(_CATEGORY[lang].get(c, c) for c in p.sensitive_categories)
            labels.append(s["tick_sensitive"].format(name=p.name, cats=cats))
        else:
            labels.append(s["tick_third"].format(name=p.name, recipients=p.recipients or dash))
    # The choices are never split over two pages, and they are headed by the form number again,
    # so the page that carries the ticks always names its form.
    choices: list[Flowable] = [
        Spacer(1, 4 * mm),
        para(f"{s['form_no']}: {content.form_no}", st.label),
        para(s["choices_h"], st.heading),
    ]
    if labels:
        choices += [para(s["choices_intro"], st.body), tick_box_list(labels, st)]
    else:
        choices.append(para(s["no_choices"], st.body))
    story.append(KeepTogether(choices))
    story += [
        CondPageBreak(70 * mm),
        para(s["sign_h"], st.heading),
        para(s["sign_intro"], st.body),
        Spacer(1, 3 * mm),
        signature_block([s["signer"], s["staff"]], st),
        Spacer(1, 4 * mm),
        para(s["return"], st.small),
    ]
    return story


def render_consent_form(content: ConsentFormContent, lang: str = "zh") -> bytes:
    """Render one consent form in memory.

    Args:
        content: What to print.
        lang: ``"zh"`` (default) or ``"en"``; ``content``'s purpose texts must be in it.

    Returns:
        The PDF bytes.
    """
    check_lang(lang)
    return build_pdf(
        _story(content, lang),
        title=_S[lang]["title"],
        firm_name=content.firm.name,
        document_number=content.form_no,
        lang=lang,
    )


def render_consent_forms(contents: Sequence[ConsentFormContent], lang: str = "zh") -> bytes:
    """Render many forms into one PDF, each starting on a new page (batch printing).

    The page header names the batch; each form names its own number in its body on every page.

    Args:
        contents: The forms, in print order (at least one).
        lang: ``"zh"`` or ``"en"``.

    Returns:
        The PDF bytes.
    """
    check_lang(lang)
    if not contents:
        raise ValueError("no forms to render")
    story: list[Flowable] = []
    for i, content in enumerate(contents):
        if i:
            story.append(PageBreak())
        story += _story(content, lang)
    first, last = contents[0].form_no, contents[-1].form_no
    number = first if len(contents) == 1 else f"{first} … {last} ({len(contents)})"
    return build_pdf(story, title=_S[lang]["batch"], firm_name=contents[0].firm.name, document_number=number, lang=lang)
