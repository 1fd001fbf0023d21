"""The compliance audit report (PIPL Art 54): registers, reveals, exports, erasures and the audit chain.

For a period (inclusive dates) the report summarises the individuals' requests, complaints and
incidents, the sensitive values revealed and the files exported per user and purpose, the erasures
carried out with their certificate numbers, the disclosures of the sharing log, the staff
confidentiality agreements signed and the training held, the audit-chain
verification result with the head hash (SECURITY.md "Audit log": the paper copy pins the chain)
and the items still open. Partner and privacy officer only; generating it is audited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from clientvault.core.errors import ValidationError
from clientvault.core.roles import Capability, Role
from clientvault.documents.compliance_report import ReportData, ReportSection, render_compliance_report, rows
from clientvault.documents.pdf import check_lang
from clientvault.security.atomic import atomic_write_bytes
from clientvault.services.audit import verify_chain
from clientvault.services.context import Vault
from clientvault.services.impact_assessments import ImpactAssessmentService
from clientvault.services.staff_register import StaffRegisterService
from clientvault.services.subject_requests import RequestFilter, SubjectRequestService

_L = {
    "zh": {
        "kind": "种类", "status": "状态", "count": "数量", "category": "类别", "month": "月份", "user": "人员",
        "purpose": "目的", "action": "事项", "file_kind": "文件类型", "rows": "条数", "files": "文件数",
        "certificate": "销毁证明编号", "recipient": "接收方",
        "client": "客户编号", "executed": "执行日期", "basis": "依据",
        "open_requests": "待处理的个人权利请求", "overdue": "其中已逾期", "open_complaints": "待处理的投诉",
        "open_incidents": "处理中的安全事件", "erasures_waiting": "待批准的删除申请",
        "sensitive.reveal": "查看敏感信息", "locked.reveal": "查看封存记录",
        "signed": "签署日期", "until": "有效期至", "date": "日期", "topic": "主题", "trainer": "培训人",
        "attendees": "参加人数", "staff_agreements": "没有有效保密协议的员工", "staff_training": "培训逾期的员工",
        "number": "编号", "trigger": "评估情形", "conclusion": "评估结论", "kept_until": "保存至",
        "awaiting_return": "已终止、待确认返还或删除的协议",
        "assessments_missing": "尚无影响评估的敏感处理目的和接收方",
    },
    "en": {
        "kind": "Kind", "status": "State", "count": "Count", "category": "Category", "month": "Month", "user": "User",
        "purpose": "Purpose", "action": "What", "file_kind": "File kind", "rows": "Rows", "files": "Files",
        "certificate": "Certificate no.", "recipient": "Recipient",
        "client": "Client no.", "executed": "Executed", "basis": "Basis",
        "open_requests": "Requests from individuals open", "overdue": "of which overdue",
        "open_complaints": "Complaints open", "open_incidents": "Incidents open",
        "erasures_waiting": "Erasures awaiting approval",
        "sensitive.reveal": "Sensitive value revealed", "locked.reveal": "Sealed record revealed",
        "signed": "Signed", "until": "Valid until", "date": "Date", "topic": "Topic", "trainer": "Trainer",
        "attendees": "Attended", "staff_agreements": "Staff without a confidentiality agreement in force",
        "staff_training": "Staff overdue for training",
        "number": "No.", "trigger": "Trigger", "conclusion": "Conclusion", "kept_until": "Kept until",
        "awaiting_return": "Ended agreements awaiting confirmation of the return or deletion",
        "assessments_missing": "Sensitive purposes and recipients without an impact assessment",
    },
}  # fmt: skip


#: Codes shown in the report's tables, per language (anything else is printed as its code).
_CODES = {
    "zh": {
        "access": "查阅", "copy": "复制", "correction": "更正", "supplement": "补充", "deletion": "删除",
        "withdrawal": "撤回同意", "explanation": "解释说明", "restriction": "限制处理", "transfer": "转移",
        "open": "待处理", "handed_over": "已转删除流程", "done": "已答复", "refused": "已拒绝", "closed": "已关闭",
        "collection": "收集", "use": "超出目的使用", "disclosure": "提供或泄露", "security": "安全",
        "rights": "权利请求未获响应", "retention": "保存超期", "service": "服务", "other": "其他",
        "incident": "安全事件", "breach": "泄露事件", "drill": "演练",
        "agreement": "保密协议", "commitment": "保密承诺书",
        "entrustment": "委托处理协议（客户委托本公司）", "ra_provision": "接收方协议（向其提供）",
        "ra_entrusted": "受托人协议（本公司委托）", "entrusted": "委托处理", "in_force": "有效",
        "ended": "已终止，待确认返还或删除",
        "returned": "已终止，返还或删除已确认",
        "sensitive": "处理敏感个人信息", "automated_decision": "自动化决策", "third_party": "向他人提供",
        "public": "公开", "cross_border": "向境外提供", "acceptable": "可以接受",
        "acceptable_with_measures": "采取措施后可以接受", "not_acceptable": "不可接受",
    },
    "en": {"handed_over": "with the erasure workflow", "done": "answered", "agreement": "Confidentiality agreement",
           "commitment": "Confidentiality commitment",
           "entrustment": "Entrustment agreement (client entrusts the firm)",
           "ra_provision": "Recipient agreement (provision)", "ra_entrusted": "Processor agreement (the firm entrusts)",
           "entrusted": "entrusted processing",
           "in_force": "in force", "ended": "ended, return or deletion to confirm",
           "returned": "ended, return or deletion confirmed", "sensitive": "sensitive data",
           "automated_decision": "automated decisions", "third_party": "provision to others",
           "public": "making public", "cross_border": "transfer abroad",
           "acceptable_with_measures": "acceptable with the measures", "not_acceptable": "not acceptable"},
}  # fmt: skip


#: Entrustment agreements and agreements with recipients signed in a period: kind, number, date, state.
_AGREEMENTS = (
    "SELECT 'entrustment', printf('EA-%05d', id), signed_on, CASE WHEN end_confirmed_on IS NOT NULL THEN 'returned'"
    " WHEN ended_on IS NOT NULL THEN 'ended' ELSE 'in_force' END FROM entrustments WHERE signed_on BETWEEN ? AND ?"
    " UNION ALL SELECT 'ra_' || kind, printf('RA-%05d', id), signed_on,"
    " CASE WHEN end_confirmed_on IS NOT NULL THEN 'returned'"
    " WHEN ended_on IS NOT NULL THEN 'ended' ELSE 'in_force' END FROM recipient_agreements"
    " WHERE signed_on BETWEEN ? AND ? ORDER BY 3, 2"
)
_AWAITING_RETURN = (
    "SELECT (SELECT count(*) FROM entrustments WHERE ended_on IS NOT NULL AND end_confirmed_on IS NULL)"
    " + (SELECT count(*) FROM recipient_agreements WHERE ended_on IS NOT NULL AND end_confirmed_on IS NULL)"
)


def _coded(lang: str, items: list[tuple[object, ...]], columns: int) -> tuple[tuple[str, ...], ...]:
    """Rows whose first ``columns`` cells are codes, translated for the report."""
    names = _CODES[lang]
    return tuple(tuple(names.get(str(v), str(v)) if i < columns else str(v) for i, v in enumerate(r)) for r in items)


@dataclass(frozen=True)
class SavedReport:
    """What :meth:`ComplianceReportService.save` wrote."""

    path: Path
    number: str
    head_hash: str
    chain_ok: bool
    size: int


class ComplianceReportService:
    """Builds the compliance audit report for the acting partner or privacy officer."""

    def __init__(self, vault: Vault, *, now: Callable[[], datetime] = datetime.now) -> None:
        self.vault = vault
        self.now = now

    def _check(self, start: date, end: date) -> None:
        self.vault.require(Capability.VIEW_AUDIT, "compliance_report")
        if self.vault.session.role not in (Role.PARTNER, Role.PRIVACY_OFFICER):
            self.vault.deny(Capability.VIEW_AUDIT, "compliance_report")
        if end < start:
            raise ValidationError({"period": "order"})

    def data(self, start: date, end: date, lang: str = "zh") -> ReportData:
        """What the report shows for ``start``..``end`` (inclusive)."""
        lang = check_lang(lang)
        self._check(start, end)
        t = _L[lang]
        db = self.vault.db
        a, b = start.isoformat(), end.isoformat()
        after = (end + timedelta(days=1)).isoformat()  # audit and export times are timestamps
        names = {int(u): str(n) for u, n in db.all("SELECT id, display_name FROM users")}
        sections = [
            ReportSection(
                "requests",
                (t["kind"], t["status"], t["count"]),
                _coded(lang, db.all("SELECT kind, status, count(*) FROM subject_requests WHERE received_on BETWEEN"
                                    " ? AND ? GROUP BY 1, 2 ORDER BY 1, 2", (a, b)), 2),
            ),
            ReportSection(
                "complaints",
                (t["category"], t["month"], t["count"]),
                _coded(lang, db.all("SELECT category, substr(received_on, 1, 7), count(*) FROM complaints"
                                    " WHERE received_on BETWEEN ? AND ? GROUP BY 1, 2 ORDER BY 2, 1", (a, b)), 1),
            ),
            ReportSection(
                "incidents",
                (t["kind"], t["status"], t["count"]),
                _coded(lang, db.all("SELECT kind, status, count(*) FROM incidents WHERE discovered_on BETWEEN ? AND ?"
                                    " GROUP BY 1, 2 ORDER BY 1, 2", (a, b)), 2),
            ),
            ReportSection(
                "reveals",
                (t["user"], t["action"], t["purpose"], t["count"]),
                tuple(
                    (names.get(int(u or 0), str(u)), t.get(str(act), str(act)), str(p or ""), str(n))
                    for u, act, p, n in db.all(
                        "SELECT user_id, action, purpose, count(*) FROM audit WHERE action IN"
                        " ('sensitive.reveal', 'locked.reveal') AND outcome = 'ok' AND at >= ? AND at < ?"
                        " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", (a, after))
                ),
            ),
            ReportSection(
                "exports",
                (t["user"], t["file_kind"], t["purpose"], t["files"], t["rows"]),
                tuple(
                    (names.get(int(u or 0), str(u)), str(k), str(p), str(n), str(r))
                    for u, k, p, n, r in db.all(
                        "SELECT user_id, kind, purpose, count(*), sum(row_count) FROM export_register"
                        " WHERE at >= ? AND at < ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", (a, after))
                ),
            ),
            ReportSection(
                "sharing",
                (t["recipient"], t["purpose"], t["basis"], t["count"]),
                rows(db.all("SELECT recipient, purpose_code, basis, count(*) FROM disclosures"
                            " WHERE disclosed_on BETWEEN ? AND ? GROUP BY 1, 2, 3 ORDER BY 1, 2", (a, b))),
            ),
            ReportSection(
                "erasures",
                (t["certificate"], t["client"], t["basis"], t["executed"]),
                rows(db.all("SELECT certificate_no, client_id, legal_basis, substr(executed_at, 1, 10)"
                            " FROM erasure_requests WHERE state = 'executed' AND executed_at >= ? AND executed_at < ?"
                            " ORDER BY executed_at", (a, after))),
            ),
            ReportSection(
                "staff_agreements",
                (t["user"], t["kind"], t["signed"], t["until"]),
                tuple(
                    (names.get(int(u), str(u)), _CODES[lang].get(str(k), str(k)), str(d), str(v or "—"))
                    for u, k, d, v in db.all(
                        "SELECT user_id, kind, signed_on, valid_until FROM staff_agreements"
                        " WHERE signed_on BETWEEN ? AND ? ORDER BY signed_on, id", (a, b))
                ),
            ),
            ReportSection(
                "training",
                (t["date"], t["topic"], t["trainer"], t["attendees"]),
                rows(db.all("SELECT s.held_on, s.topic, s.trainer, count(a.user_id) FROM training_sessions s"
                            " LEFT JOIN training_attendance a ON a.session_id = s.id WHERE s.held_on BETWEEN ? AND ?"
                            " GROUP BY s.id ORDER BY s.held_on, s.id", (a, b))),
            ),
            ReportSection(
                "agreements",
                (t["kind"], t["number"], t["signed"], t["status"]),
                _coded(lang, db.all(_AGREEMENTS, (a, b, a, b)), 4),
            ),
            ReportSection(
                "assessments",
                (t["number"], t["trigger"], t["conclusion"], t["date"], t["kept_until"]),
                _coded(lang, db.all("SELECT printf('PIA-%05d', id), trigger, conclusion, assessed_on, keep_until"
                                    " FROM impact_assessments WHERE assessed_on BETWEEN ? AND ?"
                                    " ORDER BY assessed_on, id", (a, b)), 3),
            ),
        ]  # fmt: skip
        requests = SubjectRequestService(self.vault, today=lambda: self.now().date())
        staff = StaffRegisterService(self.vault, today=lambda: self.now().date())
        open_items = (
            (t["open_requests"], str(requests.count(RequestFilter.OPEN))),
            (t["overdue"], str(requests.count(RequestFilter.OVERDUE))),
            (t["open_complaints"], str(db.scalar("SELECT count(*) FROM complaints WHERE status = 'open'"))),
            (t["open_incidents"], str(db.scalar("SELECT count(*) FROM incidents WHERE status = 'open'"))),
            (t["erasures_waiting"], str(db.scalar("SELECT count(*) FROM erasure_requests WHERE state = 'requested'"))),
            *zip((t["staff_agreements"], t["staff_training"]), map(str, staff.overdue_counts()), strict=True),
            (t["awaiting_return"], str(db.scalar(_AWAITING_RETURN))),
            (t["assessments_missing"], str(ImpactAssessmentService(self.vault).missing().count)),
        )
        chain = verify_chain(self.vault)
        now = self.now()
        return ReportData(
            firm_name=self.vault.firm_name,
            number=f"CR-{start:%Y%m%d}-{end:%Y%m%d}",
            period_from=a,
            period_to=b,
            generated_at=now.isoformat(timespec="minutes"),
            generated_by=self.vault.session.display_name,
            chain_ok=chain.ok,
            chain_events=chain.events,
            head_hash=chain.head_hash,
            chain_problem=chain.problem or "chain",
            sections=tuple(sections),
            open_items=open_items,
        )

    def render(self, start: date, end: date, lang: str = "zh") -> tuple[bytes, ReportData]:
        """The report as PDF bytes, and what it shows; the generation is audited."""
        data = self.data(start, end, lang)
        pdf = render_compliance_report(data, lang=lang)
        with self.vault.db.transaction():
            self.vault.record("report.compliance", data.number, reason=f"chain={'ok' if data.chain_ok else 'failed'}")
        return pdf, data

    def save(self, start: date, end: date, path: Path, lang: str = "zh") -> SavedReport:
        """Write the report to ``path`` (atomically).

        It holds counts, codes, staff names, certificate numbers and export purposes as staff typed
        them, but no value from the client records, so it is not filed in the export register.
        """
        pdf, data = self.render(start, end, lang)
        atomic_write_bytes(Path(path), pdf)
        return SavedReport(Path(path), data.number, data.head_hash, data.chain_ok, len(pdf))
