"""The role gate the compliance registers share (requests, complaints, incidents).

Partner and privacy officer manage a register; other roles see or record what their own rules
allow, which each service decides.
"""

from __future__ import annotations

from clientvault.core.roles import Capability, Role
from clientvault.services.context import Vault


class RegisterService:
    """Base of a register's service: the acting role and the managers' check."""

    vault: Vault

    @property
    def role(self) -> Role:
        """The acting role."""
        return self.vault.session.role

    def can_manage(self) -> bool:
        """Whether the acting role manages the register (partner, privacy officer)."""
        return self.role in (Role.PARTNER, Role.PRIVACY_OFFICER)

    def _require_reader(self, obj: str) -> None:
        """Refuse (audited) an assistant a firm-level register (agreements with recipients, assessments)."""
        self.vault.require(Capability.REGISTERS, obj)
        if self.role is Role.ASSISTANT:
            self.vault.deny(Capability.REGISTERS, obj)

    def _require_manager(self, obj: str) -> None:
        """Refuse (audited) anyone who does not manage the register."""
        self.vault.require(Capability.REGISTERS, obj)
        if not self.can_manage():
            self.vault.deny(Capability.REGISTERS, obj)
