"""The unlocked vault and the acting session that every service call carries."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from clientvault.core.errors import AccessDenied
from clientvault.core.roles import Capability, Role, Scope, scope
from clientvault.security import keyfile as kf
from clientvault.security.keyfile import KeyFile, VaultKeys
from clientvault.storage.audit import AuditRepository, Signer
from clientvault.storage.db import Database
from clientvault.storage.users import MetaRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VaultPaths:
    """The files of one vault folder."""

    folder: Path

    @property
    def db(self) -> Path:
        """The SQLCipher database."""
        return self.folder / "vault.db"

    @property
    def keys(self) -> Path:
        """The key-slot file."""
        return self.folder / "vault.keys"

    @property
    def backups(self) -> Path:
        """The encrypted backups folder."""
        return self.folder / "backups"

    @property
    def lockout(self) -> Path:
        """Failed-login counters (no names: login tags only)."""
        return self.folder / "vault.lockout"


@dataclass
class Session:
    """Who is acting. Holds the unlocked keys until :meth:`drop_keys`."""

    user_id: int
    username: str
    display_name: str
    role: Role
    keys: VaultKeys | None
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    slot_id: str = ""  # the slot this session logged in through
    private: bytes | None = None  # that slot's X25519 private key (opens its envelope after a rekey)
    signer: bytes = b""  # the partner signing key's public half, from this slot's password layer

    @property
    def is_partner(self) -> bool:
        """Whether this session holds the partner role (and so the partner key)."""
        return self.role is Role.PARTNER

    def drop_keys(self) -> None:
        """Forget the key material (Python cannot wipe bytes; dropping the references is the best we can do)."""
        self.keys = None
        self.private = None

    def audit_signer(self, vault_id: str) -> Signer | None:
        """How this session signs its audit events: the key of the slot it logged in through.

        The partner key signs only checkpoints (services/audit.py ``checkpoint``), after the
        events since the previous checkpoint have been verified, so it never vouches for a
        chain somebody rewrote.
        """
        if self.private is not None and self.slot_id:
            return (self.slot_id, kf.slot_signing_key(vault_id, self.slot_id, self.private).sign)
        return None


@dataclass
class Vault:
    """An unlocked vault: its open database, key file, and the acting session."""

    paths: VaultPaths
    db: Database
    keyfile: KeyFile
    session: Session
    vault_id: str
    on_lock: list[Callable[[], None]] = field(default_factory=list)
    state_dir: Path | None = None  # this workstation's memory of audit checkpoints (outside the vault)
    before_lock: list[Callable[[], object]] = field(default_factory=list)  # e.g. a partner's closing checkpoint
    #: Tampering found at login ("slots", "signer", "audit"): the desktop shows it once, the CLI on stderr.
    warnings: list[str] = field(default_factory=list)

    @property
    def audit(self) -> AuditRepository:
        """The audit log of this vault."""
        return AuditRepository(self.db, self.vault_id, self.session.audit_signer(self.vault_id))

    @property
    def firm_name(self) -> str:
        """The firm's name as entered at creation (shown in titles and printed on documents)."""
        return MetaRepository(self.db).get("firm_name") or ""

    @property
    def locked(self) -> bool:
        """Whether the vault has been locked (connection closed, keys dropped)."""
        return self.db.closed

    def record(self, action: str, obj: str = "", *, purpose: str = "", reason: str = "", outcome: str = "ok") -> None:
        """Append an audit event for the acting user (joins the caller's transaction)."""
        self.audit.append(
            user_id=self.session.user_id, action=action, obj=obj, purpose=purpose, reason=reason, outcome=outcome
        )

    def require(self, capability: Capability, obj: str = "") -> Scope:
        """Check a capability for the acting role; a refusal is audited, then raised."""
        granted = scope(self.session.role, capability)
        if granted is Scope.NONE:
            self.deny(capability, obj)
        return granted

    def deny(self, capability: Capability, obj: str = "") -> None:
        """Audit a refused attempt and raise :class:`AccessDenied`."""
        self.record("access.denied", obj, reason=capability.value, outcome="denied")
        raise AccessDenied(capability.value)

    def lock(self) -> None:
        """Close the database and drop the keys (idle lock, Ctrl+L, OS screen lock, quit)."""
        if self.db.closed:
            return
        for hook in list(self.before_lock):
            try:
                hook()
            except Exception:  # a lock must always succeed
                log.warning("a before-lock step failed")
        try:
            self.record("session.lock")
        except Exception:  # a lock must always succeed, even on a damaged or busy vault
            log.warning("could not audit the lock event")
        self.db.close()
        self.session.drop_keys()
        for callback in list(self.on_lock):
            callback()
