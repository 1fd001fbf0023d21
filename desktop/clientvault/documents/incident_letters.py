"""Notification letters after a personal-data incident (PIPL Art 57): to an affected person, to the authority.

Art 57 asks for: the categories of personal information involved, the cause and the possible
harm, the remedies taken, what the person can do to reduce the harm, and how to contact the
firm. The authority letter carries counts only, never a name.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from clientvault.documents.pdf import build_pdf, check_lang, document_styles, key_value_table, para
from clientvault.documents.subject_access import CATEGORY_LABELS


@dataclass(frozen=True)
class LetterData:
    """What both letters say (plain text, written by the privacy officer)."""

    firm_name: str
    number: str
    date: str
    discovered_on: str
    what: str
    categories: tuple[str, ...]
    causes: str
    harm: str
    remedies: str
    advice: str
    contact: str
    affected_count: int


_S = {
    "zh": {
        "person_title": "个人信息安全事件告知书",
        "authority_title": "个人信息安全事件报告",
        "dear": "{name}：",
        "person_intro": "根据《中华人民共和国个人信息保护法》第五十七条，现将涉及您个人信息的安全事件告知如下。",
        "authority_intro": "根据《中华人民共和国个人信息保护法》第五十七条，本公司现将发生的个人信息安全事件报告如下。",
        "number": "事件编号",
        "date": "日期",
        "discovered": "发现日期",
        "what": "发生的情况",
        "categories": "涉及的个人信息种类",
        "causes": "原因",
        "harm": "可能造成的危害",
        "remedies": "已采取的补救措施",
        "advice": "您可以采取的减轻危害的措施",
        "contact": "联系方式",
        "count": "涉及的客户及个人数量",
        "none": "（待查明）",
        "contact_default": "请与本公司个人信息保护负责人联系。",
        "sep": "、",
        "sign": "{firm}（盖章）",
    },
    "en": {
        "person_title": "Notice of a personal information security incident",
        "authority_title": "Report of a personal information security incident",
        "dear": "Dear {name},",
        "person_intro": "Under Article 57 of the Personal Information Protection Law of the PRC, we inform you of a "
        "security incident involving your personal information.",
        "authority_intro": "Under Article 57 of the Personal Information Protection Law of the PRC, our firm reports "
        "the following personal information security incident.",
        "number": "Incident no.",
        "date": "Date",
        "discovered": "Discovered",
        "what": "What happened",
        "categories": "Categories of personal information",
        "causes": "Causes",
        "harm": "Possible harm",
        "remedies": "Remedies taken",
        "advice": "What you can do to reduce the harm",
        "contact": "Contact",
        "count": "Clients and persons affected",
        "none": "(being established)",
        "contact_default": "Please contact our privacy officer.",
        "sep": ", ",
        "sign": "{firm} (seal)",
    },
}


def _body(data: LetterData, lang: str, *, for_person: bool) -> list[tuple[str, str]]:
    s = _S[lang]
    cats = s["sep"].join(CATEGORY_LABELS.get(c, (c, c))[0 if lang == "zh" else 1] for c in data.categories)
    rows = [
        (s["number"], data.number),
        (s["date"], data.date),
        (s["discovered"], data.discovered_on),
        (s["what"], data.what),
        (s["categories"], cats or s["none"]),
        (s["causes"], data.causes or s["none"]),
        (s["harm"], data.harm or s["none"]),
        (s["remedies"], data.remedies or s["none"]),
    ]
    if for_person:
        rows.append((s["advice"], data.advice or s["none"]))
    else:
        rows.append((s["count"], str(data.affected_count)))
    rows.append((s["contact"], data.contact or s["contact_default"]))
    return rows


def _render(data: LetterData, lang: str, *, addressee: str | None) -> bytes:
    lang = check_lang(lang)
    s = _S[lang]
    styles = document_styles(lang)
    person = addressee is not None
    title = s["person_title"] if person else s["authority_title"]
    story: list[Flowable] = [para(title, styles.title)]
    if person:
        story.append(para(s["dear"].format(name=addressee), styles.body))
    story += [
        para(s["person_intro"] if person else s["authority_intro"], styles.body),
        key_value_table(_body(data, lang, for_person=person), styles, key_width=(42 if lang == "zh" else 52) * mm),
        para(s["sign"].format(firm=data.firm_name), styles.body),
        para(data.date, styles.body),
    ]
    return build_pdf(story, title=title, firm_name=data.firm_name, document_number=data.number, lang=lang)


def render_person_letter(data: LetterData, addressee: str, *, lang: str = "zh") -> bytes:
    """The notice to one affected person, as PDF bytes."""
    return _render(data, lang, addressee=addressee)


def render_authority_letter(data: LetterData, *, lang: str = "zh") -> bytes:
    """The report to the authority (counts, no names), as PDF bytes."""
    return _render(data, lang, addressee=None)
