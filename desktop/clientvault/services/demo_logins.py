"""The demo firm's logins, read before the login window shows.

Kept apart from :mod:`clientvault.services.demo` (which builds a demo vault and so imports the
consent and PDF code) so that the login window can list a demo vault's accounts without importing
reportlab: the window is on screen first, the heavy modules come after.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clientvault.core.roles import Role

__all__ = ["DEMO_FILE", "DEMO_LOGINS", "DemoLogin", "demo_logins"]

DEMO_FILE = "DEMO-LOGINS.txt"


@dataclass(frozen=True)
class DemoLogin:
    """One demo account."""

    role: Role
    username: str
    password: str


DEMO_LOGINS = (
    DemoLogin(Role.PARTNER, "partner", "partner-demo-1"),
    DemoLogin(Role.ACCOUNTANT, "accountant", "accountant-demo-1"),
    DemoLogin(Role.ASSISTANT, "assistant", "assistant-demo-1"),
    DemoLogin(Role.PRIVACY_OFFICER, "privacy", "privacy-demo-1"),
)


def demo_logins(folder: Path) -> list[DemoLogin]:
    """Return the demo logins of a demo vault (empty for a real vault)."""
    try:
        lines = (folder / DEMO_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        parts = line.split("\t")
        if len(parts) == 3 and parts[0] in Role.__members__.values():
            out.append(DemoLogin(Role(parts[0]), parts[1], parts[2]))
    return out
