"""The reveal clearance: a confidentiality agreement (or the partner's override) before any reveal.

Kept apart from the staff register's service so that the client service can ask it without
importing the consent and locking services (which import the client service).
"""

from __future__ import annotations

from datetime import date

from clientvault.core.errors import AgreementMissing
from clientvault.core.roles import Role
from clientvault.services.context import Vault
from clientvault.storage.staff import StaffRepository


def reveal_clearance(vault: Vault, today: date | None = None) -> None:
    """Refuse (:class:`AgreementMissing`) a reveal by someone with neither an agreement nor an override.

    An agreement holds from its signing day to its last day (or for good without one); an override
    holds until its last day unless the partner revoked it. The partner, who signs for the firm, is
    never held. The caller audits the refusal with the reveal's own object.
    """
    session = vault.session
    if session.role is Role.PARTNER:
        return
    day = (today or date.today()).isoformat()
    repo = StaffRepository(vault.db)
    holds, last = repo.latest_valid_until(session.user_id, day)
    if holds or repo.active_override(session.user_id, day) is not None:
        return
    raise AgreementMissing("expired" if last else "missing", last)
