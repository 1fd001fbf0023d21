"""The erasure certificate (数据销毁证明): one per executed erasure, printed and signed.

It is rendered from the destruction register entry, which holds no personal data, so the
certificate names the client by number only; a line is left for the client's name to be
written by hand on the paper copy when the firm hands it to the client or an inspector.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from clientvault.documents.pdf import (
    TEXT_FONT,
    DocumentStyles,
    build_pdf,
    check_lang,
    document_styles,
    format_date,
    para,
)

__all__ = ["CertificateData", "render_erasure_certificate"]


@dataclass(frozen=True)
class CertificateData:
    """What a certificate prints (from one destruction register entry)."""

    certificate_no: str
    firm_name: str
    vault_id: str
    client_id: int
    source: str
    scope: str
    erased: dict[str, int]
    legal_basis: str
    requested_by: str
    requested_at: str
    approved_by: str
    approved_at: str
    executed_by: str
    executed_at: str
    witness: str = ""
    method: str = ""
    integrity: str = "not_run"
    vacuumed: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: 销毁清册 rows: title, years, number, period ("permanent" or years), kept_years.
    archive_rows: tuple[dict[str, Any], ...] = ()
    override_reason: str = ""  # a partner's override of a running retention period (typed, printed)
    appraisal: str = ""  # the 鉴定意见书 relied on ("No. 3, 2026-12-04, by …"), "" without one
    #: The erasure's own audit event ("seq 1234 · <32 hex>"): paper pins the chain up to it (SECURITY.md).
    audit_head: str = ""


_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "个人信息销毁证明",
        "subtitle": "客户保密柜 · 个人信息销毁登记",
        "number": "证明编号",
        "firm": "单位名称",
        "vault": "保密柜编号",
        "client": "客户编号",
        "client_name": "客户名称（手写）",
        "scope": "销毁范围",
        "scope_client": "该客户的全部个人信息",
        "scope_items": "部分信息（不再需要的项目）",
        "source": "销毁依据来源",
        "basis": "法律依据",
        "erased_heading": "已销毁的记录",
        "approvals_heading": "审批、执行与核验",
        "requested": "申请",
        "approved": "批准（负责人）",
        "executed": "执行",
        "witness": "监销人",
        "override": "负责人在保管期限内决定销毁的理由",
        "appraisal": "会计档案鉴定意见书",
        "register_heading": "会计档案销毁清册",
        "col_title": "档案名称/类别",
        "col_years": "起止年度",
        "col_number": "档案编号",
        "col_period": "应保管期限",
        "col_kept": "已保管期限",
        "col_when": "销毁时间",
        "permanent": "永久",
        "years_suffix": "年",
        "method_text": "数据库安全删除（释放空间清零）；全文检索索引安全删除；单一事务完成；预写日志截断",
        "method_heading": "销毁方法与核验",
        "method": "方法",
        "vacuum": "重建数据库文件",
        "integrity": "完整性检查",
        "audit_head": "本次销毁的审计记录",
        "yes": "已执行",
        "no": "未执行",
        "ok": "通过（页校验与结构检查均无问题）",
        "problems": "发现问题，请联系管理员",
        "not_run": "未运行",
        "statement": (
            "兹证明上述客户的个人信息已于上述时间从本公司客户保密柜中删除：数据库记录、全文检索索引、"
            "告知同意书扫描件及密封记录均在同一事务中删除，删除区域已被覆盖，预写日志已截断。"
            "销毁台账仅保留客户编号、时间、执行人、法律依据与本证明编号，不含个人信息。"
            "恢复备份时系统会重放销毁台账，已销毁的客户不会被恢复。本证明与销毁清册永久保管。"
        ),
        "sign_heading": "签字（会计档案管理办法第十七条）",
        "sign_roles": "单位负责人|档案管理机构负责人|会计管理机构负责人|档案管理机构经办人|会计管理机构经办人|监销人",
        "sign_name": "签名",
        "sign_date": "日期",
        "none": "—",
        "colon": "：",
    },
    "en": {
        "title": "Certificate of erasure",
        "subtitle": "ClientVault · Destruction register",
        "number": "Certificate no.",
        "firm": "Firm",
        "vault": "Vault ID",
        "client": "Client no.",
        "client_name": "Name (handwritten)",
        "scope": "Scope",
        "scope_client": "All personal information of this client",
        "scope_items": "Part of the record (items needed only by withdrawn purposes)",
        "source": "Source",
        "basis": "Legal basis",
        "erased_heading": "Records erased",
        "approvals_heading": "Approval, execution and verification",
        "requested": "Requested",
        "approved": "Approved (head of the firm)",
        "executed": "Executed",
        "witness": "Witness (supervisor of destruction)",
        "override": "Reason the head of the firm destroyed within the retention period",
        "appraisal": "Appraisal opinion",
        "register_heading": "Destruction register",
        "col_title": "Archive / category",
        "col_years": "Years",
        "col_number": "Archive no.",
        "col_period": "Retention",
        "col_kept": "Kept",
        "col_when": "Destroyed",
        "permanent": "permanent",
        "years_suffix": " years",
        "method_text": "",
        "method_heading": "Method and verification",
        "method": "Method",
        "vacuum": "VACUUM",
        "integrity": "Integrity check",
        "audit_head": "Audit record of this erasure",
        "yes": "yes",
        "no": "no",
        "ok": "passed (page HMACs, structure)",
        "problems": "problems found: contact the administrator",
        "not_run": "not run",
        "statement": (
            "The client's personal information was erased at the time stated: rows, index entries, consent "
            "scans and the sealed record in one transaction, freed space overwritten, the write-ahead log "
            "truncated. The erasure ledger holds no personal information and is replayed on every restore. "
            "This certificate and the destruction register are kept permanently."
        ),
        "sign_heading": "Signatures (Accounting Archives Measures Art 17)",
        "sign_roles": "Head of the firm|Head of the archives function|Head of the accounting function|"
        "Archives clerk|Accounting clerk|Supervisor of destruction",
        "sign_name": "Signature",
        "sign_date": "Date",
        "none": "—",
        "colon": ": ",
    },
}

_SOURCES = {
    "zh": {
        "deletion_request": "个人提出删除请求（个人信息保护法第四十七条）",
        "consent_withdrawal": "个人撤回同意（个人信息保护法第十五条、第四十七条）",
        "retention_expiry": "法定保存期限届满",
        "partner_decision": "本公司负责人决定",
        "sealing": "封存时删除无保存依据的项目",
    },
    "en": {
        "deletion_request": "Deletion request by the individual (PIPL Art 47)",
        "consent_withdrawal": "Consent withdrawn (PIPL Arts 15, 47)",
        "retention_expiry": "Statutory retention period ended",
        "partner_decision": "Decision of the head of the firm",
        "sealing": "Items no retention rule requires, erased at sealing",
    },
}

_KINDS = {
    "zh": {
        "clients": "客户主记录（已清空，仅保留编号）",
        "persons": "关联人员",
        "sensitive_items": "敏感信息（银行账户、登录凭据）",
        "client_search": "全文检索索引条目",
        "client_accountants": "会计分配",
        "sealed_records": "密封记录",
        "consents": "同意记录",
        "consent_evidence": "告知同意书扫描件",
        "consent_forms": "告知同意书",
        "consent_form_purposes": "告知同意书用途",
        "erasure_flags": "待销毁标记",
        "lock_requests": "封存申请",
        "legal_holds": "诉讼保留记录（已解除）",
        "form_corrections": "告知同意书更正记录",
        "identifier_confirmations": "共用信用代码或身份证号的确认记录",
    },
    "en": {
        "clients": "Client record (emptied)",
        "persons": "Linked persons",
        "sensitive_items": "Sensitive items",
        "client_search": "Index entries",
        "client_accountants": "Assignments",
        "sealed_records": "Partner-sealed record",
        "consents": "Consent records",
        "consent_evidence": "Consent-form scans",
        "consent_forms": "Consent forms",
        "consent_form_purposes": "Consent-form purposes",
        "erasure_flags": "Erasure flags",
        "lock_requests": "Lock requests",
        "legal_holds": "Legal holds (released)",
        "form_corrections": "Consent-form corrections",
        "identifier_confirmations": "Confirmations of a shared credit code or ID number",
    },
}


def _when(text: str, lang: str) -> str:
    if not text:
        return _STRINGS[lang]["none"]
    try:
        moment = datetime.fromisoformat(text).astimezone()
    except ValueError:
        return text
    return f"{format_date(moment, lang)} {moment:%H:%M}"


_FIELDS = {
    "zh": {"id_number": "证件号码", "phone": "电话", "email": "电子邮箱", "address": "地址", "notes": "备注"},
    "en": {"id_number": "ID number", "phone": "phone", "email": "e-mail", "address": "address", "notes": "notes"},
}


def _kind(kind: str, lang: str) -> str:
    base, _, field_name = kind.partition(".")
    label = _KINDS[lang].get(base, base)
    return f"{label} · {_FIELDS[lang].get(field_name, field_name)}" if field_name else label


def render_erasure_certificate(data: CertificateData, *, lang: str = "zh") -> bytes:
    """Render the certificate as PDF bytes, in memory.

    Args:
        data: The register entry's data (no personal data).
        lang: ``"zh"`` (default) or ``"en"``.

    Returns:
        The PDF file.
    """
    lang = check_lang(lang)
    s = _STRINGS[lang]
    styles = document_styles(lang)
    none = s["none"]

    def who(name: str, at: str) -> str:
        return f"{name or none}  ·  {_when(at, lang)}"

    sep = "；" if lang == "zh" else "; "
    erased = sep.join(f"{_kind(k, lang)} × {v}" for k, v in sorted(data.erased.items())) or none
    vacuum = s["yes"] if data.vacuumed else s["no"]
    key_width = (40 if lang == "zh" else 44) * mm
    method = (s["method_text"] or data.method) if data.method else none
    heading = ParagraphStyle("cv-cert-heading", parent=styles.heading, fontSize=11.5, leading=15, spaceBefore=6,
                             spaceAfter=3)  # fmt: skip
    facts = [
        (s["number"], data.certificate_no),
        (s["firm"], data.firm_name),
        (s["vault"], data.vault_id),
        (s["client"], str(data.client_id)),
        (s["client_name"], ""),
        (s["scope"], s["scope_client"] if data.scope == "client" else s["scope_items"]),
        (s["source"], _SOURCES[lang].get(data.source, data.source)),
        (s["basis"], data.legal_basis),
        (s["erased_heading"], erased),
    ]
    if data.override_reason:
        facts.append((s["override"], data.override_reason))
    if data.appraisal:
        facts.append((s["appraisal"], data.appraisal))
    story: list[Flowable] = [para(s["title"], styles.title), _facts(facts, styles, key_width)]
    if data.archive_rows:
        story += [para(s["register_heading"], heading), _register_table(data, lang, styles)]
    # The approvals (who requested, approved, executed and witnessed), the statement, the heading
    # and the signature lines stay together: the signatures always share their page with what they
    # attest, never a page of signatures alone.
    attested: list[Flowable] = [
        para(s["approvals_heading"], heading),
        _facts(
            [
                (s["requested"], who(data.requested_by, data.requested_at)),
                (s["approved"], who(data.approved_by, data.approved_at)),
                (s["executed"], who(data.executed_by, data.executed_at)),
                (s["witness"], data.witness or none),
                (s["integrity"], f"{s.get(data.integrity, data.integrity)}{sep}{s['vacuum']}{s['colon']}{vacuum}"),
            ],
            styles,
            key_width,
        ),
        *(para(n, styles.small) for n in data.notes),
        para(s["statement"] + ("" if lang == "zh" else " ") + s["method"] + s["colon"] + method, styles.small),
        para(s["sign_heading"], heading),
        _signatures(s["sign_roles"].split("|"), s, styles),
    ]
    story.append(KeepTogether(attested))
    # The service names the event "seq 1234 · <hash>"; the Chinese certificate says 序号 (no English word).
    event = re.sub(r"^seq (\d+)", r"序号\1", data.audit_head) if lang == "zh" else data.audit_head
    head = f"{s['audit_head']}{s['colon']}{event}" if data.audit_head else ""
    return build_pdf(
        story, title=s["title"], firm_name=data.firm_name, document_number=data.certificate_no, lang=lang,
        footer_note=head,
    )  # fmt: skip


def _period(row: dict[str, Any], lang: str) -> str:
    s = _STRINGS[lang]
    if row.get("period") == "permanent":
        return s["permanent"]
    text = f"{row.get('period', '')}{s['years_suffix']}"
    if row.get("starts") == "disposal":
        return f"报废清理后{text}" if lang == "zh" else f"{text} after disposal"
    return text


def _register_table(data: CertificateData, lang: str, styles: DocumentStyles) -> Table:
    """The 销毁清册 rows: 档案名称/类别, 起止年度, 档案编号, 应保管期限, 已保管期限, 销毁时间."""
    s = _STRINGS[lang]
    small = styles.small
    head = [para(s[k], small) for k in ("col_title", "col_years", "col_number", "col_period", "col_kept", "col_when")]
    when = _when(data.executed_at, lang).split(" ")[0] if lang == "zh" else _when(data.executed_at, lang)[:-6]
    body = [
        [
            para(str(r.get("title", "")), small),
            para(str(r.get("years", "")), small),
            para(str(r.get("number", "")), small),
            para(_period(r, lang), small),
            para(f"{r.get('kept_years', 0)}{s['years_suffix']}", small),
            para(when, small),
        ]
        for r in data.archive_rows
    ]
    table = Table([head, *body], colWidths=[46 * mm, 21 * mm, 28 * mm, 21 * mm, 21 * mm, "*"], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), TEXT_FONT),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _signatures(roles: list[str], s: dict[str, str], styles: DocumentStyles) -> Table:
    """One compact row per signer: role, a signature line and a date line."""
    rows = [[para(role, styles.label), para(s["sign_name"], styles.small), "", para(s["sign_date"], styles.small), ""]
            for role in roles]  # fmt: skip
    widths = (
        [44 * mm, 12 * mm, 64 * mm, 12 * mm, "*"] if styles.lang == "zh" else [62 * mm, 20 * mm, 48 * mm, 12 * mm, "*"]
    )
    table = Table(rows, colWidths=widths, rowHeights=[7.5 * mm] * len(rows),
                  hAlign="LEFT")  # fmt: skip
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), TEXT_FONT),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                *(("LINEBELOW", (col, 0), (col, -1), 0.6, colors.black) for col in (2, 4)),
            ]
        )
    )
    return table


def _facts(rows: list[tuple[str, str]], styles: DocumentStyles, key_width: float) -> Table:
    """A compact two-column table of labelled values (9 pt), so the certificate fits one page."""
    key = ParagraphStyle("cv-cert-key", parent=styles.label, fontSize=9, leading=12)
    value = ParagraphStyle("cv-cert-value", parent=styles.body, fontSize=9, leading=12, spaceAfter=0)
    table = Table([[para(k, key), para(v, value)] for k, v in rows], colWidths=[key_width, "*"], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), TEXT_FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.lightgrey),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return table
