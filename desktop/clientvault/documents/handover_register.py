"""The 会计档案移交清册 (accounting archives handover list), printed and signed on handover.

A client's accounting archives belong to the client; when the relationship ends the firm hands
them over and both sides sign this list (会计档案管理办法 附表一: the 移交清册 is kept 30 years).
It is rendered from the handover record, which names the client by number only: a line is left
for the client's name to be written by hand, as on the erasure certificate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from clientvault.documents.pdf import (
    TEXT_FONT,
    build_pdf,
    check_lang,
    document_styles,
    format_date,
    key_value_table,
    para,
    signature_block,
)

__all__ = ["HandoverData", "HandoverRow", "render_handover_register"]


@dataclass(frozen=True)
class HandoverRow:
    """One line of the list: a category of archives handed over."""

    title: str  # 档案名称/类别 (the retention rule's title)
    years: str  # 起止年度, e.g. "2019–2025" ("" unknown)
    number: str  # 档案编号, e.g. "KH12-01"
    period: str  # 保管期限 as printed ("30年", "永久")


@dataclass(frozen=True)
class HandoverData:
    """What the list prints (no personal data: the client by number, the recipient as typed)."""

    handover_no: str  # "YJ-<client>-<id>"
    firm_name: str
    client_id: int
    recipient: str
    handed_on: date
    handed_by: str
    signed: bool
    rows: tuple[HandoverRow, ...]


_STRINGS = {
    "zh": {
        "title": "会计档案移交清册",
        "number": "清册编号",
        "firm": "移交单位",
        "client": "委托客户编号",
        "client_name": "委托客户名称（手写）",
        "recipient": "接收单位",
        "date": "移交日期",
        "by": "经办人",
        "signed": "接收方签收",
        "yes": "已签收",
        "no": "未签收",
        "col_no": "序号",
        "col_title": "档案名称/类别",
        "col_years": "起止年度",
        "col_number": "档案编号",
        "col_period": "保管期限",
        "statement": "本公司将上列会计档案移交接收单位，双方核对无误后签字确认。"
        "本清册由本公司保管三十年（会计档案管理办法附表一）。",
        "sign_roles": "移交人|接收人|监交人",
    },
    "en": {
        "title": "Accounting archives handover list",
        "number": "List number",
        "firm": "Handed over by",
        "client": "Client number",
        "client_name": "Client name (by hand)",
        "recipient": "Received by",
        "date": "Date of handover",
        "by": "Recorded by",
        "signed": "Signed by the recipient",
        "yes": "yes",
        "no": "not yet",
        "col_no": "No.",
        "col_title": "Archive / category",
        "col_years": "Years",
        "col_number": "Archive number",
        "col_period": "Retention",
        "statement": "The firm hands the archives listed above to the recipient; both sides checked them and sign "
        "below. The firm keeps this list for 30 years (Accounting Archives Measures, Schedule 1).",
        "sign_roles": "Handed over by|Received by|Supervised by",
    },
}


def render_handover_register(data: HandoverData, *, lang: str = "zh") -> bytes:
    """Render the handover list as PDF bytes, in memory (zh default, en)."""
    lang = check_lang(lang)
    s = _STRINGS[lang]
    st = document_styles(lang)
    facts = [
        (s["number"], data.handover_no),
        (s["firm"], data.firm_name),
        (s["client"], str(data.client_id)),
        (s["client_name"], ""),
        (s["recipient"], data.recipient),
        (s["date"], format_date(data.handed_on, lang)),
        (s["by"], data.handed_by),
        (s["signed"], s["yes"] if data.signed else s["no"]),
    ]
    small = st.small
    head = [para(s[k], small) for k in ("col_no", "col_title", "col_years", "col_number", "col_period")]
    body = [
        [para(str(i), small), para(r.title, small), para(r.years, small), para(r.number, small), para(r.period, small)]
        for i, r in enumerate(data.rows, start=1)
    ]
    table = Table([head, *body], colWidths=[12 * mm, 70 * mm, 28 * mm, 30 * mm, "*"], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), TEXT_FONT),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story: list[Flowable] = [
        para(s["title"], st.title),
        key_value_table(facts, st, key_width=(40 if lang == "zh" else 46) * mm),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 4 * mm),
        # The statement and the signature lines stay together: never a page of signatures alone.
        KeepTogether(
            [para(s["statement"], st.body), Spacer(1, 3 * mm), signature_block(s["sign_roles"].split("|"), st)]
        ),
    ]
    return build_pdf(story, title=s["title"], firm_name=data.firm_name, document_number=data.handover_no, lang=lang)
