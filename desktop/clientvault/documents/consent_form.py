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

The words (zh, en) live in documents.consent_texts; this module lays them out.
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

from clientvault.documents.consent_texts import CATEGORY_NAMES as _CATEGORY
from clientvault.documents.consent_texts import SENSITIVE_TEXTS as _SENSITIVE
from clientvault.documents.consent_texts import TEXTS as _S
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
