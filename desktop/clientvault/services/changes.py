"""What an operation changed, so that every view showing it can reload (and nothing else does).

The desktop app's one path for keeping screens true: an action reports a :class:`Changes`
when it succeeds, the main window hands it to each page, and a page reloads only what concerns
it. A change made by another workstation is noticed through :func:`data_version`, a number
SQLite bumps whenever another connection commits to the same file (our own commits leave it
unchanged), read when a page is shown, when the window is activated and on a periodic tick.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from clientvault.services.context import Vault

KINDS = ("clients", "consent", "requests", "sealed", "exports", "backups", "audit", "users", "settings")
"""What a change can concern (one flag each on :class:`Changes`)."""


@dataclass(frozen=True)
class Changes:
    """The kinds of data an operation changed; ``gone`` are clients no longer to be shown (erased, sealed)."""

    clients: bool = False
    consent: bool = False
    requests: bool = False
    sealed: bool = False
    exports: bool = False
    backups: bool = False
    audit: bool = True  # nearly every operation writes an audit event
    users: bool = False
    settings: bool = False
    gone: frozenset[int] = frozenset()
    external: bool = False  # noticed through data_version: another workstation changed the vault

    @classmethod
    def everything(cls, *, external: bool = False) -> Changes:
        """Every kind changed (another workstation wrote, or a restore replaced the database)."""
        return cls(
            clients=True, consent=True, requests=True, sealed=True, exports=True, backups=True, audit=True,
            users=True, settings=True, external=external,
        )  # fmt: skip

    def touches(self, *kinds: str) -> bool:
        """Whether any of ``kinds`` changed (or a client is gone, which concerns every client view)."""
        return any(getattr(self, k) for k in kinds) or (bool(self.gone) and "clients" in kinds)

    def __or__(self, other: Changes) -> Changes:
        values: dict[str, object] = {}
        for f in fields(self):
            if f.name == "gone":
                values["gone"] = self.gone | other.gone
            else:
                values[f.name] = bool(getattr(self, f.name)) or bool(getattr(other, f.name))
        return Changes(**values)  # type: ignore[arg-type]

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds that changed, in :data:`KINDS` order."""
        return tuple(k for k in KINDS if getattr(self, k))


def data_version(vault: Vault) -> int:
    """A number that changes when another connection (another workstation) committed to the vault.

    Cheap (no table is read); 0 once the vault is locked.
    """
    if vault.locked:
        return 0
    return int(vault.db.pragma("data_version"))
