"""The answer to an access or copy request (PIPL Arts 44-45): the person's data, purposes, recipients.

Built in memory from plain data (no database here); the service decides what goes in and masks
the values it must not print in full.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from clientvault.documents.pdf import build_pdf, check_lang, document_styles, key_value_table, para


@dataclass(frozen=True)
class PurposeLine:
    """One purpose the person's data is processed for."""

    name: str
    basis: str  # a lawful-basis code
    categories: tuple[str, ...]  # category codes
    recipients: str
    retention: str  # services.retention_notice.retention_statement: the 告知同意书's own text


@dataclass(frozen=True)
class AccessData:
    """What the answer shows (values already masked where the firm does not print them in full)."""

    firm_name: str
    request_no: str
    received_on: str
    answered_on: str
    subject: str  # the person's (or the individual client's) name
    client_name: str
    fields: tuple[tuple[str, str], ...]  # (field code, value)
    categories: tuple[str, ...]
    purposes: tuple[PurposeLine, ...] = field(default=())
    contact: str = ""  # how to reach the firm's privacy officer


FIELD_LABELS: dict[str, tuple[str, str]] = {
    "client.name": ("客户名称", "Client name"),
    "client.uscc": ("统一社会信用代码", "Unified social credit code"),
    "client.tax_no": ("纳税人识别号", "Tax number"),
    "client.address": ("地址", "Address"),
    "client.phone": ("电话", "Phone"),
    "client.email": ("电子邮箱", "E-mail"),
    "person.name": ("姓名", "Name"),
    "person.role": ("身份", "Role"),
    "person.id_type": ("证件类型", "ID type"),
    "person.id_number": ("证件号码（部分隐藏）", "ID number (partly hidden)"),
    "person.phone": ("电话", "Phone"),
    "person.email": ("电子邮箱", "E-mail"),
    "person.address": ("地址", "Address"),
    "sensitive.bank_account": ("银行账户（部分隐藏）", "Bank account (partly hidden)"),
    "sensitive.tax_login": ("电子税务局登录信息", "Tax-bureau login"),
    "sensitive.social_insurance_login": ("社保系统登录信息", "Social-insurance login"),
}

CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "identity": ("身份信息", "identity"),
    "contact": ("联系方式", "contact details"),
    "id_document": ("身份证件号码", "identity document numbers"),
    "bank": ("银行账户", "bank accounts"),
    "credentials": ("电子税务局及社保系统登录信息", "tax-bureau and social-insurance logins"),
    "salary": ("工资薪金", "salary"),
    "income_tax": ("个人所得税", "individual income tax"),
    "social_insurance": ("社会保险", "social insurance"),
    "housing_fund": ("住房公积金", "housing fund"),
}

BASIS_LABELS: dict[str, tuple[str, str]] = {
    "consent": ("个人同意", "consent"),
    "contract": ("订立、履行合同所必需", "necessary for the contract"),
    "legal_obligation": ("履行法定义务所必需", "legal obligation"),
}

_S = {
    "zh": {
        "title": "个人信息查阅、复制答复",
        "intro": "根据《中华人民共和国个人信息保护法》第四十四条、第四十五条，"
        "现将本公司处理的您的个人信息情况答复如下。",
        "request": "请求编号",
        "received": "收到日期",
        "answered": "答复日期",
        "subject": "个人信息主体",
        "client": "所属客户",
        "held": "一、本公司持有的您的个人信息",
        "categories": "二、个人信息种类",
        "purposes": "三、处理目的、依据、接收方及保存期限",
        "basis": "处理依据",
        "recipients": "接收方",
        "retention": "保存期限",
        "none": "无",
        "no_purpose": "目前没有正在进行的处理目的（仅依法保存）。",
        "masked": "证件号码、银行账号部分隐藏，登录信息不打印；如需核对完整内容，请在核验身份后到本公司当面查阅。",
        "contact": "联系方式",
        "sep": "、",
    },
    "en": {
        "title": "Answer to a request to access or copy personal information",
        "intro": "Under Articles 44 and 45 of the Personal Information Protection Law of the PRC, this is the "
        "personal information our firm processes about you.",
        "request": "Request no.",
        "received": "Received",
        "answered": "Answered",
        "subject": "Data subject",
        "client": "Client",
        "held": "1. The personal information we hold about you",
        "categories": "2. Categories of personal information",
        "purposes": "3. Purposes, lawful basis, recipients and retention",
        "basis": "Lawful basis",
        "recipients": "Recipients",
        "retention": "Retention",
        "none": "none",
        "no_purpose": "No processing purpose is in force now (the data is only stored as the law requires).",
        "masked": "ID numbers and bank accounts are partly hidden and logins are not printed; to check them in "
        "full, visit our office after an identity check.",
        "contact": "Contact",
        "sep": ", ",
    },
}


def _label(table: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    pair = table.get(code)
    return code if pair is None else pair[0 if lang == "zh" else 1]


def render_access_answer(data: AccessData, *, lang: str = "zh") -> bytes:
    """Render the answer as PDF bytes, in memory."""
    lang = check_lang(lang)
    s = _S[lang]
    styles = document_styles(lang)
    width = (38 if lang == "zh" else 48) * mm
    story: list[Flowable] = [
        para(s["title"], styles.title),
        para(s["intro"], styles.body),
        key_value_table(
            [
                (s["request"], data.request_no),
                (s["received"], data.received_on),
                (s["answered"], data.answered_on),
                (s["subject"], data.subject),
                (s["client"], data.client_name),
            ],
            styles,
            key_width=width,
        ),
        para(s["held"], styles.heading),
        key_value_table(
            [(_label(FIELD_LABELS, code, lang), value or s["none"]) for code, value in data.fields]
            or [("", s["none"])],
            styles,
            key_width=width,
        ),
        para(s["masked"], styles.small),
        para(s["categories"], styles.heading),
        para(s["sep"].join(_label(CATEGORY_LABELS, c, lang) for c in data.categories) or s["none"], styles.body),
        para(s["purposes"], styles.heading),
    ]
    if not data.purposes:
        story.append(para(s["no_purpose"], styles.body))
    for p in data.purposes:
        story.append(
            key_value_table(
                [
                    (p.name, s["sep"].join(_label(CATEGORY_LABELS, c, lang) for c in p.categories) or s["none"]),
                    (s["basis"], _label(BASIS_LABELS, p.basis, lang)),
                    (s["recipients"], p.recipients or s["none"]),
                    (s["retention"], p.retention or s["none"]),
                ],
                styles,
                key_width=width,
            )
        )
    if data.contact:
        story += [para(s["contact"], styles.heading), para(data.contact, styles.body)]
    return build_pdf(story, title=s["title"], firm_name=data.firm_name, document_number=data.request_no, lang=lang)
