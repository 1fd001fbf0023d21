"""Impact assessments (PIPL Arts 55-56): records, roles, three years' keeping, the reminder of what none covers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from clientvault.core.errors import AccessDenied, InvalidState, NotFound, ValidationError
from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter
from clientvault.services.context import Vault
from clientvault.services.dashboard import DashboardService
from clientvault.services.impact_assessments import (
    Assessment,
    Conclusion,
    ImpactAssessmentService,
    Trigger,
    keep_until,
)
from clientvault.services.recipients import RecipientService
from clientvault.services.vault import VaultService
from tests.conftest import STAFF_PASSWORD

TODAY = date(2026, 3, 31)


@pytest.fixture
def logins(new_vault: Vault, add_staff: Callable[..., int], fast_vaults: VaultService) -> Iterator[dict[str, Vault]]:
    for name, role in (("acc", Role.ACCOUNTANT), ("asst", Role.ASSISTANT), ("priv", Role.PRIVACY_OFFICER)):
        add_staff(name, role)
    opened = {n: fast_vaults.unlock(new_vault.paths.folder, n, STAFF_PASSWORD) for n in ("acc", "asst", "priv")}
    yield {"boss": new_vault, **opened}
    for v in opened.values():
        v.lock()


def svc(vault: Vault, today: date = TODAY) -> ImpactAssessmentService:
    return ImpactAssessmentService(vault, today=lambda: today)


def _record(vault: Vault, **kw: Any) -> Assessment:
    args: dict[str, Any] = {
        "title": "代发工资及社保公积金代缴（受托处理）",
        "trigger": Trigger.ENTRUSTED,
        "purpose_necessity": "受客户委托计算工资、代扣个税，为履行委托处理协议所必需。",
        "risks": "工资及身份证件号码泄露；越权查看。",
        "measures": "加密保管、按角色授权、查看留痕、协议约定期满删除。",
        "conclusion": Conclusion.ACCEPTABLE_WITH_MEASURES,
        "assessed_on": date(2026, 3, 2),
        "purposes": ["payroll_social_insurance"],
        "recipients": [3, 4],
        **kw,
    }
    return svc(vault).record(**args)


def test_managers_record_accountants_read_assistants_have_no_access(logins: dict[str, Vault]) -> None:
    a = _record(logins["priv"])
    assert a.number == "PIA-00001" and a.keep_until == "2029-03-02"
    assert a.purposes == ("payroll_social_insurance",) and a.recipients == (3, 4)
    assert a.assessor_id == logins["priv"].session.user_id
    assert [x.id for x in svc(logins["acc"]).entries()] == [a.id]
    with pytest.raises(AccessDenied):
        _record(logins["acc"])
    with pytest.raises(AccessDenied):
        svc(logins["asst"]).entries()
    with pytest.raises(AccessDenied):
        svc(logins["acc"]).delete(a.id)


def test_bad_input_is_refused_and_nothing_is_recorded(logins: dict[str, Vault]) -> None:
    with pytest.raises(ValidationError) as bad:
        _record(
            logins["boss"], title="", risks=" ", trigger="curiosity", conclusion="fine", purposes=[], recipients=[],
            assessed_on=date(2026, 4, 1),
        )  # fmt: skip
    assert bad.value.errors == {
        "title": "required", "risks": "required", "trigger": "unknown", "conclusion": "unknown",
        "assessment_covers": "required", "assessed_on": "future",
    }  # fmt: skip
    with pytest.raises(ValidationError) as bad:
        _record(logins["boss"], purposes=["no_such_purpose"], recipients=[999])
    assert bad.value.errors == {"purposes": "unknown", "recipients": "unknown"}
    assert svc(logins["boss"]).entries() == []


def test_deletion_before_three_years_is_refused(logins: dict[str, Vault]) -> None:
    a = _record(logins["boss"], assessed_on=date(2024, 2, 29))
    assert a.keep_until == "2027-02-28" == keep_until(date(2024, 2, 29)).isoformat()
    with pytest.raises(InvalidState) as refused:
        svc(logins["priv"], date(2027, 2, 27)).delete(a.id)
    assert refused.value.code == "assessment_kept_three_years"
    assert svc(logins["boss"]).get(a.id) == a  # still there
    svc(logins["priv"], date(2027, 2, 28)).delete(a.id)
    with pytest.raises(NotFound):
        svc(logins["boss"]).get(a.id)
    outcomes = [e.outcome for e in logins["boss"].audit.page(AuditFilter(action_prefix="assessment.delete"))]
    assert sorted(outcomes) == ["ok", "refused_kept_three_years"]


def test_reminder_counts_sensitive_purposes_and_recipients_none_covers(logins: dict[str, Vault]) -> None:
    boss = logins["boss"]
    before = svc(boss).missing()
    # The seeded catalogue: every purpose but marketing holds sensitive or entrusted data or has a recipient.
    assert set(before.purposes) == {"bookkeeping", "tax_filing", "annual_report", "payroll_social_insurance",
                                    "bank_services"}  # fmt: skip
    recipients = {r.id for r in RecipientService(boss).list()}
    assert set(before.recipients) == recipients and before.count == 5 + len(recipients)
    assert DashboardService(boss, today=lambda: TODAY).figures().assessments_missing == before.count
    _record(boss)
    after = svc(boss).missing()
    assert "payroll_social_insurance" not in after.purposes and not {3, 4} & set(after.recipients)
    assert after.count == before.count - 3
    assert DashboardService(logins["priv"], today=lambda: TODAY).figures().assessments_missing == after.count
