"""The printed consent form (个人信息处理告知同意书), A4, Chinese by default, English on request.

The form carries the notice PIPL Art 17 requires (who processes, purposes, methods, categories,
retention with its starting point, rights and how to use them, complaint channel), the necessity
and the effect on the person of each sensitive category (Art 30), each recipient of a provision
with its contact, purpose, method and categories (Art 23), one tick box per optional purpose,
**separate** tick boxes for sensitive items (Art 29) and for provision to third parties
(Art 23), signature and date lines, and a unique form number printed as text and as a QR code.
The QR carries the form number only — never personal data.

Pages: the letterhead and the notice come first; the choices are kept together on one page,
headed by the form number again (so the page with the ticks always names its form), followed by
the signatures. The form prints twice, identically, marked as the firm's copy (公司留存联) and the
signer's copy (个人留存联), each starting on a new page.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

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

__all__ = [
    "ConsentFormContent",
    "FirmDetails",
    "FormPurpose",
    "FormRecipient",
    "KeptAfterEnd",
    "render_consent_form",
    "render_consent_forms",
]


@dataclass(frozen=True)
class FirmDetails:
    """The processor's identity and contact for the letterhead and notice (Art 17(1))."""

    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    privacy_contact: str = ""  # the privacy officer or the channel to reach them
    complaint_channel: str = ""  # where a complaint goes (besides the authority)
    reply_days: int = 15  # working days the firm takes to answer a request (its setting)


@dataclass(frozen=True)
class FormRecipient:
    """A recipient of a provision as printed (Art 23), already in the form's language."""

    name: str
    contact: str
    purpose: str
    method: str
    categories: tuple[str, ...]  # DataCategory values provided to it


@dataclass(frozen=True)
class KeptAfterEnd:
    """Categories a retention rule requires the firm to keep after the engagement ends."""

    categories: tuple[str, ...]  # DataCategory values
    years: int  # ignored when permanent
    permanent: bool = False
    rule: str = ""  # the rule's title (会计凭证, 涉税资料 …)


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
    recipient_details: tuple[FormRecipient, ...] = ()  # from the firm's recipients list
    kept_after_end: tuple[KeptAfterEnd, ...] = ()  # what the retention rules keep after the end


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


_S: dict[str, dict[str, Any]] = {
    "zh": {
        "title": "个人信息处理告知同意书",
        "subtitle": "依据《中华人民共和国个人信息保护法》第十四条、第十七条、第二十三条、第二十九条、第三十条",
        "form_no": "告知同意书编号",
        "issued": "出具日期",
        "client": "委托方（客户）",
        "code": "统一社会信用代码",
        "person": "签署人",
        "blank": "",
        "who_h": "一、个人信息处理者",
        "who": "{name}（以下简称“本公司”）。地址：{address}；电话：{phone}；电子邮箱：{email}。",
        "officer": "个人信息保护负责人及联系方式：{contact}",
        "purposes_h": "二、处理目的、方式、种类和保存期限",
        "methods": "本公司以收集、存储、使用、加工、传输、提供的方式处理您的个人信息，"
        "全部资料保存在本公司办公电脑上经加密的数据库中，仅由经授权的工作人员按岗位权限访问。",
        "basis": "法律依据",
        "categories": "个人信息种类",
        "retention": "保存期限",
        "years": "{n}年",
        "during": "业务关系存续期间",
        "during_consent": "业务关系存续期间，至您撤回同意时止",
        "after_end": "业务关系终止后，法律要求保存的信息自业务关系终止当年的会计年度终了后第一天起保存：{rules}",
        "kept_years": "{cats}{n}年（{rule}）",
        "kept_permanent": "{cats}永久（{rule}）",
        "rest_erased": "其余信息在业务关系终止后封存资料时删除",
        "all_erased": "业务关系终止后封存资料时删除（法律未要求保存）",
        "withdraw_erased": "撤回同意后，其他处理目的不再需要的信息予以删除",
        "necessary": "提供服务所必需",
        "optional": "可选，您可以拒绝，不影响本公司提供其他服务",
        "recipients": "向第三方提供",
        "recipient": "{name}（联系方式：{contact}；提供目的：{purpose}；提供方式：{method}；提供的个人信息：{cats}）",
        "sensitive_h": "三、敏感个人信息的必要性及对您的影响",
        "sensitive_intro": "以下信息属于敏感个人信息，一旦泄露或者被非法使用，容易导致您的人格尊严受到侵害"
        "或者人身、财产安全受到危害。本公司仅在下列必要范围内处理，并采取加密存储、按岗位授权访问、"
        "查看和导出留有记录等措施：",
        "why": "必要性",
        "effect": "对您的影响",
        "consent": "您的同意",
        "contract": "订立、履行委托合同所必需",
        "legal_obligation": "履行法定职责或法定义务所必需",
        "rights_h": "四、您的权利及行使方式",
        "rights": [
            "您有权查阅、复制您的个人信息（第四十五条第一款）。",
            "符合国家网信部门规定条件的，您有权请求将您的个人信息转移至您指定的个人信息处理者（第四十五条第三款）。",
            "您发现个人信息不准确或者不完整的，有权请求更正、补充（第四十六条）。",
            "处理目的已实现或者为实现处理目的不再必要、本公司停止提供服务或者保存期限已届满、您撤回同意、"
            "本公司违反法律或者约定处理的，您有权请求删除（第四十七条第一款）。",
            "法律、行政法规规定的保存期限未届满，或者删除个人信息从技术上难以实现的，本公司停止除存储和采取必要的"
            "安全保护措施之外的处理（第四十七条第二款）。",
            "您有权限制或者拒绝本公司对您个人信息的处理，法律、行政法规另有规定的除外（第四十四条）。",
            "您有权随时撤回同意；撤回不影响撤回前基于同意已进行的处理（第十五条）。",
            "您有权要求本公司对个人信息处理规则进行解释说明（第四十八条）。",
            "自然人死亡的，其近亲属为了自身的合法、正当利益，可以对死者的相关个人信息行使上述查阅、复制、更正、"
            "删除等权利，死者生前另有安排的除外（第四十九条）。",
        ],
        "rights_how": "请通过第一部分所列联系方式提出请求。本公司在核验身份后，于收到请求之日起{days}个工作日内答复；"
        "拒绝请求的，说明理由（第五十条）。",
        "complaint_h": "五、投诉渠道",
        "complaint": "如对本公司的处理有异议，可向本公司投诉：{channel}；"
        "也可以向履行个人信息保护职责的部门投诉、举报。",
        "choices_h": "六、您的选择",
        "choices_intro": "必需的处理依据合同或法律进行，无需勾选。"
        "以下事项请您逐项自主选择，勾选表示同意，未勾选表示不同意：",
        "tick_purpose": "我同意本公司为“{name}”目的处理我的个人信息。",
        "tick_sensitive": "【单独同意·敏感个人信息】我同意本公司为“{name}”目的处理以下敏感个人信息：{cats}。"
        "第三部分已告知处理上述信息的必要性及对我的影响。",
        "tick_third": "【单独同意·向第三方提供】我同意本公司为“{name}”目的向{recipients}提供第二部分所列的个人信息。",
        "no_choices": "本告知同意书所列处理均为提供服务所必需，无需另行勾选。",
        "sign_h": "七、签署",
        "sign_intro": "本人已阅读并理解上述告知内容。",
        "signer": "个人信息主体（或其监护人、授权代表）",
        "staff": "本公司经办人",
        "return": "请将签署后的本联交回本公司。编号与二维码仅用于将本告知同意书与您的记录对应，不含个人信息。",
        "keep": "本联由签署人留存，与公司留存联内容相同。"
        "编号与二维码仅用于将本告知同意书与您的记录对应，不含个人信息。",
        "copy_firm": "第一联　公司留存联",
        "copy_person": "第二联　个人留存联",
        "colon": "：",
        "sep": "、",
        "batch": "告知同意书（批量）",
    },
    "en": {
        "title": "Notice and consent: personal information",
        "subtitle": "Under Articles 14, 17, 23, 29 and 30 of the Personal Information Protection Law of the PRC",
        "form_no": "Form number",
        "issued": "Issued on",
        "client": "Client",
        "code": "Unified social credit code",
        "person": "Signed by",
        "blank": "",
        "who_h": "1. Who processes your personal information",
        "who": "{name} (\u201cthe firm\u201d). Address: {address}; telephone: {phone}; e-mail: {email}.",
        "officer": "Person responsible for personal-information protection and contact: {contact}",
        "purposes_h": "2. Purposes, methods, categories and retention",
        "methods": "The firm collects, stores, uses, processes, transmits and provides your personal information. "
        "All records are kept in an encrypted database on the firm's office computers and are accessed only "
        "by authorised staff as their role requires.",
        "basis": "Legal basis",
        "categories": "Categories of information",
        "retention": "Kept for",
        "years": "{n} years",
        "during": "while the engagement lasts",
        "during_consent": "while the engagement lasts, until you withdraw your consent",
        "after_end": "after the engagement ends, what the law requires is kept, counted from the first day after the "
        "end of the accounting year in which the engagement ended: {rules}",
        "kept_years": "{cats}: {n} years ({rule})",
        "kept_permanent": "{cats}: permanently ({rule})",
        "rest_erased": "everything else is erased when the record is sealed after the engagement ends",
        "all_erased": "erased when the record is sealed after the engagement ends (no law requires keeping it)",
        "withdraw_erased": "after a withdrawal, what no other purpose needs is erased",
        "necessary": "necessary for the service",
        "optional": "optional; you may refuse without losing any other service",
        "recipients": "Provided to third parties",
        "recipient": "{name} (contact: {contact}; purpose: {purpose}; method: {method}; information provided: {cats})",
        "sensitive_h": "3. Sensitive personal information: why it is needed and how it affects you",
        "sensitive_intro": "The following is sensitive personal information: if leaked or misused it can easily harm "
        "your dignity or the safety of your person or property. The firm processes it only as far as necessary "
        "for the following, keeps it encrypted, lets staff see it only as their role requires and logs every "
        "view and export:",
        "why": "Why it is needed",
        "effect": "How it affects you",
        "consent": "your consent",
        "contract": "necessary to conclude or perform the engagement contract",
        "legal_obligation": "necessary to fulfil a legal obligation",
        "rights_h": "4. Your rights and how to use them",
        "rights": [
            "You may access and copy your personal information (Art 45 para 1).",
            "Where the conditions set by the national cyberspace authority are met, you may ask for your personal "
            "information to be transferred to a processor you name (Art 45 para 3).",
            "You may ask for inaccurate or incomplete information to be corrected or completed (Art 46).",
            "You may ask for erasure when the purpose has been achieved or is no longer needed, the firm stops its "
            "service or the retention period has ended, you withdraw your consent, or the firm processed "
            "unlawfully or against the agreement (Art 47 para 1).",
            "Where a retention period set by law has not ended, or erasure is technically hard to achieve, the firm "
            "stops all processing except storage and the necessary security measures (Art 47 para 2).",
            "You may restrict or refuse the firm's processing of your personal information, unless laws or "
            "administrative regulations provide otherwise (Art 44).",
            "You may withdraw your consent at any time; this does not affect processing already carried out on "
            "the basis of the consent (Art 15).",
            "You may ask the firm to explain its processing rules (Art 48).",
            "When a person dies, the close relatives may, for their own lawful and legitimate interests, exercise "
            "the rights of access, copying, correction and erasure over the deceased's information, unless the "
            "deceased arranged otherwise (Art 49).",
        ],
        "rights_how": "Use the contact details in part 1. After checking your identity the firm answers within "
        "{days} working days of receiving the request, and gives its reasons if it refuses (Art 50).",
        "complaint_h": "5. Complaints",
        "complaint": "You may complain to the firm: {channel}; you may also complain to or report to the "
        "authorities responsible for personal-information protection.",
        "choices_h": "6. Your choices",
        "choices_intro": "Necessary processing rests on the contract or the law and needs no tick. Decide on each "
        "item below: a tick means you agree, no tick means you do not:",
        "tick_purpose": "I agree that the firm processes my personal information for \u201c{name}\u201d.",
        "tick_sensitive": "[Separate consent: sensitive personal information] I agree that the firm processes "
        "the following sensitive personal information for \u201c{name}\u201d: {cats}. Part 3 told me why it is "
        "necessary and how it affects me.",
        "tick_third": "[Separate consent: provision to third parties] I agree that the firm provides my relevant "
        "personal information listed in part 2 to {recipients} for \u201c{name}\u201d.",
        "no_choices": "Every processing listed on this form is necessary for the service; nothing to tick.",
        "sign_h": "7. Signatures",
        "sign_intro": "I have read and understood this notice.",
        "signer": "Data subject (or guardian or authorised representative)",
        "staff": "For the firm",
        "return": "Please return this signed copy to the firm. The form number and QR code only link this paper "
        "to your record; they contain no personal information.",
        "keep": "This copy is yours to keep; it is identical to the firm's copy. The form number and QR code only "
        "link this paper to your record; they contain no personal information.",
        "copy_firm": "Copy 1: the firm's copy",
        "copy_person": "Copy 2: your copy",
        "colon": ": ",
        "sep": ", ",
        "batch": "Consent forms (batch)",
    },
}

_CATEGORY: dict[str, dict[str, str]] = {
    "zh": {
        "identity": "身份信息（姓名、名称、统一社会信用代码、纳税人识别号）",
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
        "identity": "identity (names, unified social credit code, taxpayer identification number)",
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

#: Art 30: for each sensitive category, why the firm needs it and how processing it affects the person.
_SENSITIVE: dict[str, dict[str, tuple[str, str]]] = {
    "zh": {
        "id_document": (
            "办理税务登记、纳税申报、社会保险和住房公积金登记、银行开户等事项时，税务机关、社会保险经办机构和银行"
            "依照实名制规定要求填报并核验身份证件号码。",
            "证件号码泄露后可能被冒用办理业务或者用于诈骗；"
            "本公司在屏幕和导出文件中默认遮蔽，仅在办理上述事项时由经办人员查看完整号码。",
        ),
        "bank": (
            "代发工资、缴纳税款和社会保险费、对账以及办理银行账户业务时需要银行账户信息。",
            "账户信息泄露可能导致财产损失或者遭受诈骗；本公司不收集银行卡密码和支付验证码。",
        ),
        "credentials": (
            "代为登录电子税务局和社会保险网上服务平台办理申报、缴费和查询。",
            "持有登录信息即可以相关单位或者个人的名义办理业务、查看涉税和社保信息；本公司仅由经办人员使用，"
            "业务关系终止后封存资料时删除，建议您届时修改密码。",
        ),
        "salary": (
            "计算工资、代扣代缴个人所得税、申报社会保险和住房公积金缴费基数。",
            "收入信息泄露可能使您遭受歧视、骚扰或者诈骗。",
        ),
        "income_tax": (
            "依照《中华人民共和国个人所得税法》代扣代缴个人所得税并办理申报。",
            "纳税信息泄露可能暴露您的收入和财产状况。",
        ),
        "social_insurance": (
            "为员工办理社会保险参保登记、增减员和缴费。",
            "参保信息泄露可能暴露您的就业、收入和健康保障状况。",
        ),
        "housing_fund": (
            "为员工办理住房公积金开户、增减员和缴存。",
            "缴存信息泄露可能暴露您的收入和财产状况。",
        ),
    },
    "en": {
        "id_document": (
            "The tax authority, the social-insurance agency and banks require the ID number under real-name rules "
            "for tax registration and filing, social-insurance and housing-fund registration and opening accounts.",
            "A leaked ID number can be used to impersonate you or to defraud you; the firm masks it on screen and in "
            "exports, and staff see the full number only to carry out these tasks.",
        ),
        "bank": (
            "Paying salaries, taxes and contributions, reconciling accounts and handling bank-account business "
            "need the account details.",
            "Leaked account details can lead to financial loss or fraud; the firm never collects card PINs or "
            "payment verification codes.",
        ),
        "credentials": (
            "The firm logs in to the electronic tax bureau and the social-insurance platform to file, pay and "
            "look up on your behalf.",
            "Whoever holds the login can act in the name of the company or person and see their tax and "
            "social-insurance data; only the staff doing the work use it, it is erased when the record is sealed "
            "after the engagement ends, and you should then change the password.",
        ),
        "salary": (
            "Calculating salaries, withholding individual income tax and declaring the contribution base.",
            "Leaked income information can expose you to discrimination, harassment or fraud.",
        ),
        "income_tax": (
            "Withholding and filing individual income tax as the Individual Income Tax Law requires.",
            "Leaked tax information can reveal your income and property.",
        ),
        "social_insurance": (
            "Registering employees for social insurance, changes and contributions.",
            "Leaked insurance information can reveal your employment, income and cover.",
        ),
        "housing_fund": (
            "Opening housing-fund accounts for employees, changes and contributions.",
            "Leaked housing-fund information can reveal your income and property.",
        ),
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


def _cats(categories: Sequence[str], s: dict[str, Any], lang: str) -> str:
    return str(s["sep"]).join(_CATEGORY[lang].get(c, c) for c in categories)


def _short(category: str, lang: str) -> str:
    """A category's name without its examples (身份信息, identity)."""
    return _CATEGORY[lang].get(category, category).split("（")[0].split(" (")[0]


def retention_text(p: FormPurpose, lang: str) -> str:
    """How long a purpose's data is kept, from when, and under which rule (what the app will do).

    While the engagement lasts (or, for consent, until it is withdrawn); after the end, the
    categories a retention rule requires are kept for the rule's period counted from the first
    day after the end of the accounting year (会计档案管理办法 第十四条); everything else is erased
    when the record is sealed (services.retention.sealing_plan).
    """
    s = _S[lang]
    sep = "；" if lang == "zh" else "; "
    parts = [str(s["during_consent"] if p.lawful_basis == "consent" else s["during"])]
    kept = [k for k in p.kept_after_end if k.categories]
    if kept:
        rules = str(s["sep"]).join(
            str(s["kept_permanent" if k.permanent else "kept_years"]).format(
                cats=("和" if lang == "zh" else " and ").join(_short(c, lang) for c in k.categories),
                n=k.years,
                rule=k.rule,
            )
            for k in kept
        )
        parts.append(str(s["after_end"]).format(rules=rules))
        if {c for k in kept for c in k.categories} != set(p.categories):
            parts.append(str(s["rest_erased"]))
    else:
        parts.append(str(s["all_erased"]))
    if p.lawful_basis == "consent":
        parts.append(str(s["withdraw_erased"]))
    return sep.join(parts)


def _sensitive_block(
    purposes: Sequence[FormPurpose], st: DocumentStyles, s: dict[str, Any], lang: str
) -> list[Flowable]:
    """Art 30: each sensitive category on the form with why it is needed and how it affects the person."""
    order: list[str] = []
    for p in purposes:
        order += [c for c in p.sensitive_categories if c not in order]
    if not order:
        return []
    colon = s["colon"]
    out: list[Flowable] = [para(s["sensitive_h"], st.heading), para(s["sensitive_intro"], st.body)]
    for c in order:
        why, effect = _SENSITIVE[lang].get(c, ("", ""))
        users = s["sep"].join(p.name for p in purposes if c in p.sensitive_categories)
        title = f"{_CATEGORY[lang].get(c, c)}（{users}）" if lang == "zh" else f"{_CATEGORY[lang].get(c, c)} ({users})"
        end = "。" if lang == "zh" else "."
        text = f"{s['why']}{colon}{why}{' ' if lang == 'en' else ''}{s['effect']}{colon}{effect}"
        out.append(KeepTogether([para(title, st.body), para(text.rstrip(end) + end, _facts_style(lang))]))
    return out


def _purpose_block(p: FormPurpose, st: DocumentStyles, s: dict[str, Any], lang: str) -> Flowable:
    """One purpose as a compact paragraph: name, what is done, then basis, categories, retention."""
    sep = "；" if lang == "zh" else "; "
    colon = "：" if lang == "zh" else ": "
    need = s["necessary"] if p.necessary else s["optional"]
    basis = f"{s[p.lawful_basis]}（{need}）" if lang == "zh" else f"{s[p.lawful_basis]} ({need})"
    facts = [
        f"{s['basis']}{colon}{basis}",
        f"{s['categories']}{colon}{_cats(p.categories, s, lang)}",
        f"{s['retention']}{colon}{retention_text(p, lang)}",
    ]
    if p.recipient_details:
        listed = s["sep"].join(
            s["recipient"].format(
                name=r.name,
                contact=r.contact,
                purpose=r.purpose,
                method=r.method,
                cats=str(s["sep"]).join(_short(c, lang) for c in r.categories),
            )
            for r in p.recipient_details
        )
        facts.append(f"{s['recipients']}{colon}{listed}")
    elif p.recipients:
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


def _signer_caption(content: ConsentFormContent, s: dict[str, str], lang: str) -> str:
    """The signer's line names the person the form was issued for (consent is per person, PIPL Art 14)."""
    if not content.person_name:
        return s["signer"]
    return s["signer"] + ("：" if lang == "zh" else ": ") + content.person_name


def _story(content: ConsentFormContent, lang: str) -> list[Flowable]:
    """Both copies of one form: the firm's copy, then the signer's identical copy on a new page."""
    return [*_copy(content, lang, "copy_firm"), PageBreak(), *_copy(content, lang, "copy_person")]


def _copy(content: ConsentFormContent, lang: str, copy: str) -> list[Flowable]:
    st = document_styles(lang)
    s = _S[lang]
    firm = content.firm
    dash = "—"
    story: list[Flowable] = [
        para(s["title"], st.title),
        para(s["subtitle"], st.subtitle),
        para(s[copy], st.label),
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
    story += _sensitive_block(content.purposes, st, s, lang)
    rights = [
        para(f"{i}. {text}" if lang == "en" else f"（{i}）{text}", st.body) for i, text in enumerate(s["rights"], 1)
    ]
    story += [KeepTogether([para(s["rights_h"], st.heading), rights[0]]), *rights[1:]]
    story += [
        para(s["rights_how"].format(days=firm.reply_days), st.body),
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
            names = s["sep"].join(r.name for r in p.recipient_details) or p.recipients or dash
            labels.append(s["tick_third"].format(name=p.name, recipients=names))
    # The choices are never split over two pages, and they are headed by the form number again,
    # so the page that carries the ticks always names its form.
    choices: list[Flowable] = [
        Spacer(1, 4 * mm),
        para(f"{s['form_no']}{s['colon']}{content.form_no}{'　' if lang == 'zh' else ' · '}{s[copy]}", st.label),
        para(s["choices_h"], st.heading),
    ]
    if labels:
        choices += [para(s["choices_intro"], st.body), tick_box_list(labels, st)]
    else:
        choices.append(para(s["no_choices"], st.body))
    # The signatures stay on the page of the choices they confirm: never a page of signatures alone.
    choices += [
        para(s["sign_h"], st.heading),
        para(s["sign_intro"], st.body),
        Spacer(1, 3 * mm),
        signature_block([_signer_caption(content, s, lang), s["staff"]], st),
        Spacer(1, 4 * mm),
        para(s["return" if copy == "copy_firm" else "keep"], st.small),
    ]
    story.append(KeepTogether(choices))
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
    """Render many forms into one PDF, each starting on a new page (batch printing), each with both copies.

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
