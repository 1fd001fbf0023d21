"""Reading and verifying the audit log (partner and privacy officer)."""

from __future__ import annotations

from clientvault.core.roles import Capability
from clientvault.services.context import Vault
from clientvault.storage.audit import AuditEvent, AuditFilter, ChainStatus
from clientvault.storage.users import UserRepository

__all__ = ["AuditEvent", "AuditFilter", "AuditService", "ChainStatus"]


class AuditService:
    """Lists events page by page and verifies the hash chain."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def count(self, flt: AuditFilter | None = None) -> int:
        """Count events matching ``flt``."""
        self.vault.require(Capability.VIEW_AUDIT, "audit")
        return self.vault.audit.count(flt)

    def page(self, flt: AuditFilter | None = None, *, offset: int = 0, limit: int = 200) -> list[AuditEvent]:
        """Return a page of events, newest first."""
        self.vault.require(Capability.VIEW_AUDIT, "audit")
        return self.vault.audit.page(flt, offset=offset, limit=limit)

    def user_names(self) -> dict[int, str]:
        """Map user ids to user names for display."""
        self.vault.require(Capability.VIEW_AUDIT, "audit")
        return {u.id: u.username for u in UserRepository(self.vault.db).list()}

    def verify(self) -> ChainStatus:
        """Walk the chain; the check itself is audited (with its outcome)."""
        self.vault.require(Capability.VIEW_AUDIT, "audit")
        status = self.vault.audit.verify()
        keys_head = self.vault.keyfile.audit_head
        if status.ok and keys_head:
            # The head mirrored into vault.keys at the last key change must still be in the chain.
            seq = int(keys_head.get("seq", 0))
            if seq:
                rows = self.vault.audit.page(AuditFilter(), offset=max(status.events - seq, 0), limit=1)
                if not rows or rows[0].seq != seq or rows[0].hash != keys_head.get("hash"):
                    status = ChainStatus(False, status.events, seq, status.head_hash)
        self.vault.record("audit.verify", outcome="ok" if status.ok else "broken")
        return status

    def integrity(self) -> list[str]:
        """Check every page's HMAC and the SQLite structure; return the problems found (none = healthy)."""
        self.vault.require(Capability.VIEW_AUDIT, "integrity")
        problems = self.vault.db.integrity_problems()
        self.vault.record("vault.integrity_check", outcome="ok" if not problems else "problems")
        return problems
