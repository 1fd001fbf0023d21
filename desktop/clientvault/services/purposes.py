"""Which purpose allows a reveal. A policy object plugs into :class:`ClientService`.

Until the consent catalogue exists, the policy is the engagement's lawful basis: contract
necessity and legal obligation purposes, valid while the engagement is active. The consent
issue replaces the policy object; callers of ``reveal`` do not change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from clientvault.core.errors import ConsentMissing
from clientvault.core.records import ClientStatus, DataCategory
from clientvault.services.context import Vault


@dataclass(frozen=True)
class PurposeOption:
    """A purpose the user can pick when revealing a value."""

    code: str
    lawful_basis: str


class PurposePolicy(Protocol):
    """Decides which purposes justify processing a category of a client's data."""

    def options(self, vault: Vault, client: dict[str, object], category: DataCategory) -> list[PurposeOption]:
        """Return the purposes the user may choose from for this client and category."""
        ...

    def require(
        self, vault: Vault, client: dict[str, object], person_id: int | None, purpose: str, category: DataCategory
    ) -> None:
        """Raise :class:`ConsentMissing` unless ``purpose`` currently justifies the processing."""
        ...


#: Engagement purposes and the categories each needs (contract necessity / legal obligation).
ENGAGEMENT_PURPOSES: dict[str, tuple[str, frozenset[DataCategory]]] = {
    "bookkeeping": ("contract", frozenset({DataCategory.ID_DOCUMENT, DataCategory.BANK})),
    "tax_filing": (
        "legal_obligation",
        frozenset({DataCategory.ID_DOCUMENT, DataCategory.BANK, DataCategory.CREDENTIALS}),
    ),
    "annual_report": ("legal_obligation", frozenset({DataCategory.ID_DOCUMENT, DataCategory.CREDENTIALS})),
    "payroll_social_insurance": ("contract", frozenset({DataCategory.ID_DOCUMENT, DataCategory.CREDENTIALS})),
    "bank_services": ("contract", frozenset({DataCategory.ID_DOCUMENT, DataCategory.BANK})),
}


class EngagementPurposePolicy:
    """Lawful-basis purposes of an active engagement (the policy before consent tracking)."""

    def options(self, vault: Vault, client: dict[str, object], category: DataCategory) -> list[PurposeOption]:
        """Return the engagement purposes that need ``category`` while the engagement is active."""
        if client.get("status") != ClientStatus.ACTIVE.value:
            return []
        return [PurposeOption(code, basis) for code, (basis, cats) in ENGAGEMENT_PURPOSES.items() if category in cats]

    def require(
        self, vault: Vault, client: dict[str, object], person_id: int | None, purpose: str, category: DataCategory
    ) -> None:
        """Allow only an engagement purpose needing ``category`` on an active client."""
        if purpose not in {o.code for o in self.options(vault, client, category)}:
            raise ConsentMissing(purpose)
