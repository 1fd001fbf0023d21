"""The role gate the compliance registers share (requests, complaints, incidents).

Partner and privacy officer manage a register; other roles see or record what their own rules
allow, which each service decides.
"""

from __future__ import annotations

from typing import Any

from clientvault.core.errors import NotFound
from clientvault.core.roles import Capability, Role
from clientvault.services.context import Vault
from clientvault.storage.clients import VISIBLE_STATUSES, ClientRepository


def register_client(vault: Vault, clients: ClientRepository, client_id: int) -> dict[str, Any]:
    """The client a register entry may name, as the acting role sees it.

    The partner may also name a locked client; an accountant only the clients assigned to them.

    Raises:
        NotFound: no such client, or one the role does not see.
    """
    role = vault.session.role
    client = clients.get_client(client_id)
    seen = (*VISIBLE_STATUSES, "locked") if role is Role.PARTNER else VISIBLE_STATUSES
    if client is None or client["status"] not in seen:
        raise NotFound("client", client_id)
    if role is Role.ACCOUNTANT and not clients.is_assigned(client_id, vault.session.user_id):
        raise NotFound("client", client_id)
    return client


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
