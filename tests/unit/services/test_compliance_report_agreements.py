"""The compliance report's agreements and impact-assessment sections and their open items (zh, en)."""

from __future__ import annotations

from datetime import date, timedelta

from clientvault.services.compliance_report import ComplianceReportService
from clientvault.services.context import Vault
from clientvault.services.entrustments import EntrustmentService
from clientvault.services.impact_assessments import ImpactAssessmentService
from clientvault.services.recipient_agreements import RecipientAgreementService
from tests.fixtures.planted import NAME, plant
from tests.unit.documents.pdfcheck import pdf_text, squash

TODAY = date.today()


def test_agreements_and_assessments_of_the_period(new_vault: Vault) -> None:
    planted = plant(new_vault)
    entrusted = EntrustmentService(new_vault).record(
        planted.client_id, scope=f"{NAME}员工工资", purposes=["payroll_social_insurance"], categories=["salary"],
        signed_on=TODAY - timedelta(days=10),
    )  # fmt: skip
    recipients = RecipientAgreementService(new_vault)
    ra = recipients.record(
        3, kind="entrusted", scope="社保增减员", purposes=["payroll_social_insurance"], categories=["social_insurance"],
        security_duties="不得转委托", signed_on=TODAY - timedelta(days=5),
    )  # fmt: skip
    recipients.end(ra.id)
    ImpactAssessmentService(new_vault).record(
        title="代发工资评估", trigger="entrusted", purpose_necessity="必需", risks="泄露", measures="加密",
        conclusion="acceptable_with_measures", purposes=["payroll_social_insurance"],
    )  # fmt: skip
    ImpactAssessmentService(new_vault).record(
        title="早年的评估", trigger="sensitive", purpose_necessity="必需", risks="泄露", measures="加密",
        conclusion="acceptable", purposes=["bookkeeping"], assessed_on=TODAY - timedelta(days=400),
    )  # fmt: skip
    service = ComplianceReportService(new_vault)
    pdf, data = service.render(TODAY - timedelta(days=30), TODAY)
    text = squash(pdf_text(pdf))
    for needle in ("十、委托处理协议及与接收方的协议", entrusted.number, "委托处理协议（客户委托本公司）", ra.number,
                   "受托人协议（本公司委托）", "已终止，待确认返还或删除", "十一、个人信息保护影响评估", "PIA-00001",
                   "委托处理", "采取措施后可以接受", "十二、待办事项"):  # fmt: skip
        assert squash(needle) in text, needle
    assert "PIA-00002" not in text and NAME not in text  # another period; no client's name
    items = dict(data.open_items)
    assert items["已终止、待确认返还或删除的协议"] == "1"
    assert items["尚无影响评估的敏感处理目的和接收方"] == str(ImpactAssessmentService(new_vault).missing().count)
    en = squash(pdf_text(service.render(TODAY - timedelta(days=30), TODAY, "en")[0]))
    for needle in ("10. Entrustment agreements", "Processor agreement (the firm entrusts)", "entrusted processing",
                   "acceptable with the measures", "12. Open items"):  # fmt: skip
        assert squash(needle) in en, needle
