"""The compliance dashboard's figures (partner, privacy officer): what needs doing now, in counts.

Each figure is one cheap query over the registers, plus the audit chain's incremental check (the
one a partner's process runs before each checkpoint, ``services.audit.verify_window``) and the age
of the newest verified backup in the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from clientvault.core.roles import Capability, Role
from clientvault.services.audit import verify_window
from clientvault.services.complaints import ComplaintService
from clientvault.services.consent import ConsentService
from clientvault.services.context import Vault
from clientvault.services.impact_assessments import ImpactAssessmentService
from clientvault.services.incidents import IncidentService
from clientvault.services.staff_register import StaffRegisterService
from clientvault.services.subject_requests import RequestFilter, SubjectRequestService

#: Sealed records whose retention ends within this many days are counted.
RETENTION_SOON_DAYS = 30


@dataclass(frozen=True)
class ComplianceFigures:
    """The dashboard's numbers."""

    requests_due_soon: int  # open, due within 7 days
    requests_overdue: int
    complaints_open: int
    incidents_open: int
    erasures_awaiting: int  # requested, not yet approved or refused
    chain_ok: bool
    chain_events: int
    head_hash: str
    chain_problem: str
    last_backup_at: str  # "" when there is none
    backup_age_days: int | None
    consents_missing: int = 0  # prospect and active clients without the consents their purposes need
    persons_missing_consent: int = 0  # persons of those clients with no consent of their own (PIPL Art 14)
    consents_expiring: int = 0  # consents ending within the overview's window
    retention_ending: int = 0  # sealed records whose retention period ends within 30 days (or has ended)
    assessments_missing: int = 0  # sensitive purposes and recipients no impact assessment covers (PIPL Art 55)
    staff_agreements_overdue: int = 0  # active staff (not partners) without a confidentiality agreement in force
    staff_training_overdue: int = 0  # active staff whose training refresher is past due


class DashboardService:
    """Computes the figures for the acting partner or privacy officer."""

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today

    def figures(self) -> ComplianceFigures:
        """All figures at once (AccessDenied, audited, for the other roles)."""
        self.vault.require(Capability.REGISTERS, "dashboard")
        if self.vault.session.role not in (Role.PARTNER, Role.PRIVACY_OFFICER):
            self.vault.deny(Capability.REGISTERS, "dashboard")
        requests = SubjectRequestService(self.vault, today=self.today)
        requests.sync()
        # The incremental check (the newest checkpoint, every event since, this workstation's
        # anchor): milliseconds, where the full walk takes seconds at a million events and is
        # the audit page's job (and the compliance report's).
        chain_ok = verify_window(self.vault)
        head_seq, head_hash = self.vault.audit.head()
        db = self.vault.db
        last = db.scalar("SELECT max(created_at) FROM backup_catalogue WHERE status = 'verified'")
        age = None
        if last:
            age = (self.today() - datetime.fromisoformat(str(last)).date()).days
        consent = ConsentService(self.vault, today=self.today).overview_counts()
        soon = (self.today() + timedelta(days=RETENTION_SOON_DAYS)).isoformat()
        ending = int(db.scalar("SELECT count(*) FROM sealed_records WHERE retention_until <= ?", (soon,)))
        staff = StaffRegisterService(self.vault, today=self.today).overdue_counts()
        return ComplianceFigures(
            requests_due_soon=requests.count(RequestFilter.DUE_SOON),
            requests_overdue=requests.count(RequestFilter.OVERDUE),
            complaints_open=len(ComplaintService(self.vault, today=self.today).entries()),
            incidents_open=len(IncidentService(self.vault, today=self.today).entries()),
            erasures_awaiting=int(db.scalar("SELECT count(*) FROM erasure_requests WHERE state = 'requested'")),
            chain_ok=chain_ok,
            chain_events=head_seq,
            head_hash=head_hash,
            chain_problem="" if chain_ok else "signature",
            last_backup_at=str(last or ""),
            backup_age_days=age,
            consents_missing=consent.get("missing", 0),
            persons_missing_consent=consent.get("missing_persons", 0),
            consents_expiring=consent.get("expiring", 0),
            retention_ending=ending,
            assessments_missing=ImpactAssessmentService(self.vault, today=self.today).missing().count,
            staff_agreements_overdue=staff[0],
            staff_training_overdue=staff[1],
        )
