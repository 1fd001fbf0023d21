"""The erasure certificate (数据销毁证明): one per executed erasure, printed and signed.

It is rendered from the destruction register entry, which holds no personal data, so the
certificate names the client by number only; a line is left for the client's name to be
written by hand on the paper copy when the firm hands it to the client or an inspector.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from clientvault.documents.pdf import (
    build_pdf,
    check_lang,
    document_styles,
    format_date,
    key_value_table,
    para,
    signature_block,
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


_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "个人信息销毁证明",
        "subtitle": "ClientVault 客户保密柜 · 数据销毁登记",
        "number": "证明编号",
        "firm": "事务所",
        "vault": "保密柜编号",
        "client": "客户编号",
        "client_name": "客户名称（手写）",
        "scope": "销毁范围",
        "scope_client": "该客户的全部个人信息",
        "scope_items": "部分信息（已撤回同意的用途所需项目）",
        "source": "销毁依据来源",
        "basis": "法律依据",
        "erased_heading": "已销毁的记录",
        "approvals_heading": "审批、执行与核验",
        "requested": "申请",
        "approved": "批准（合伙人）",
        "executed": "执行",
        "witness": "见证人",
        "method_heading": "销毁方法与核验",
        "method": "方法",
        "vacuum": "重建数据库文件",
        "integrity": "完整性检查",
        "yes": "已执行",
        "no": "未执行",
        "ok": "通过（页校验与结构检查均无问题）",
        "problems": "发现问题，请联系管理员",
        "not_run": "未运行",
        "statement": (
            "兹证明上述客户的个人信息已于上述时间从本所 ClientVault 保密柜中删除：数据库记录、全文检索索引、"
            "同意书扫描件及合伙人密封记录均在同一事务中删除，删除区域已被覆盖，预写日志已截断。"
            "销毁台账仅保留客户编号、时间、执行人、法律依据与本证明编号，不含个人信息。"
            "在备份被恢复时，系统会重放销毁台账，已销毁的客户不会被恢复。"
        ),
        "sign_heading": "签字",
        "sign_approver": "批准人（合伙人）",
        "sign_executor": "执行人",
        "sign_witness": "见证人",
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
        "approved": "Approved (partner)",
        "executed": "Executed",
        "witness": "Witness",
        "method_heading": "Method and verification",
        "method": "Method",
        "vacuum": "VACUUM",
        "integrity": "Integrity check",
        "yes": "yes",
        "no": "no",
        "ok": "passed (page HMACs, structure)",
        "problems": "problems found: contact the administrator",
        "not_run": "not run",
        "statement": (
            "The client's personal information was erased at the time stated: rows, index entries, consent "
            "scans and the sealed record in one transaction, freed space overwritten, the write-ahead log "
            "truncated. The erasure ledger holds no personal information and is replayed on every restore."
        ),
        "sign_heading": "Signatures",
        "sign_approver": "Approved by (partner)",
        "sign_executor": "Executed by",
        "sign_witness": "Witness",
        "none": "—",
        "colon": ": ",
    },
}

_SOURCES = {
    "zh": {
        "deletion_request": "个人提出删除请求（个人信息保护法第四十七条）",
        "consent_withdrawal": "个人撤回同意（个人信息保护法第十五条、第四十七条）",
        "retention_expiry": "法定保存期限届满",
        "partner_decision": "合伙人决定",
    },
    "en": {
        "deletion_request": "Deletion request by the individual (PIPL Art 47)",
        "consent_withdrawal": "Consent withdrawn (PIPL Arts 15, 47)",
        "retention_expiry": "Statutory retention period ended",
        "partner_decision": "Partner's decision",
    },
}

_KINDS = {
    "zh": {
        "clients": "客户主记录（已清空，仅保留编号）",
        "persons": "关联人员",
        "sensitive_items": "敏感信息（银行账户、登录凭据）",
        "client_search": "全文检索索引条目",
        "client_accountants": "会计分配",
        "sealed_records": "合伙人密封记录",
        "consents": "同意记录",
        "consent_evidence": "同意书扫描件",
        "consent_forms": "同意书",
        "consent_form_purposes": "同意书用途",
        "erasure_flags": "待销毁标记",
        "lock_requests": "封存申请",
        "legal_holds": "诉讼保留记录（已解除）",
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


def _kind(kind: str, lang: str) -> str:
    base, _, field_name = kind.partition(".")
    label = _KINDS[lang].get(base, base)
    return f"{label} · {field_name}" if field_name else label


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
    story: list[Flowable] = [
        para(s["title"], styles.title),
        key_value_table(
            [
                (s["number"], data.certificate_no),
                (s["firm"], data.firm_name),
                (s["vault"], data.vault_id),
                (s["client"], str(data.client_id)),
                (s["client_name"], ""),
                (s["scope"], s["scope_client"] if data.scope == "client" else s["scope_items"]),
                (s["source"], _SOURCES[lang].get(data.source, data.source)),
                (s["basis"], data.legal_basis),
                (s["erased_heading"], erased),
            ],
            styles,
            key_width=key_width,
        ),
        para(s["approvals_heading"], styles.heading),
        key_value_table(
            [
                (s["requested"], who(data.requested_by, data.requested_at)),
                (s["approved"], who(data.approved_by, data.approved_at)),
                (s["executed"], who(data.executed_by, data.executed_at)),
                (s["witness"], data.witness or none),
                (s["integrity"], f"{s.get(data.integrity, data.integrity)}{sep}{s['vacuum']}{s['colon']}{vacuum}"),
            ],
            styles,
            key_width=key_width,
        ),
        para(s["statement"] + " " + s["method"] + s["colon"] + (data.method or none), styles.small),
        *(para(n, styles.small) for n in data.notes),
        KeepTogether(
            [
                para(s["sign_heading"], styles.heading),
                signature_block([s["sign_approver"], s["sign_executor"], s["sign_witness"]], styles),
            ]
        ),
    ]
    return build_pdf(story, title=s["title"], firm_name=data.firm_name, document_number=data.certificate_no, lang=lang)
