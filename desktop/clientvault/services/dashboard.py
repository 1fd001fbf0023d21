"""The compliance dashboard's figures (partner, privacy officer): what needs doing now, in counts.

Each figure is one cheap query over the registers, plus the audit chain's verification (the same
walk as ``AuditService.verify``) and the age of the newest verified backup in the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from clientvault.core.roles import Capability, Role
from clientvault.services.audit import AuditService
from clientvault.services.complaints import ComplaintService
from clientvault.services.context import Vault
from clientvault.services.incidents import IncidentService
from clientvault.services.subject_requests import RequestFilter, SubjectRequestService


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
        chain = AuditService(self.vault).verify()
        db = self.vault.db
        last = db.scalar("SELECT max(created_at) FROM backup_catalogue WHERE status = 'verified'")
        age = None
        if last:
            age = (self.today() - datetime.fromisoformat(str(last)).date()).days
        return ComplianceFigures(
            requests_due_soon=requests.count(RequestFilter.DUE_SOON),
            requests_overdue=requests.count(RequestFilter.OVERDUE),
            complaints_open=len(ComplaintService(self.vault, today=self.today).entries()),
            incidents_open=len(IncidentService(self.vault, today=self.today).entries()),
            erasures_awaiting=int(db.scalar("SELECT count(*) FROM erasure_requests WHERE state = 'requested'")),
            chain_ok=chain.ok,
            chain_events=chain.events,
            head_hash=chain.head_hash,
            chain_problem=chain.problem,
            last_backup_at=str(last or ""),
            backup_age_days=age,
        )
