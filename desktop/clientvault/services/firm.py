"""The firm's name, and the audit trail of a workstation's own settings.

The name is the vault's (printed on every form, letter, report and export); only the partner
changes it (``settings.change`` on ``settings:firm_name``, the name itself is not in the event).
A workstation's display language and idle-lock minutes live in its settings file, not in the
vault; a change is still audited (``settings.workstation``, the setting and its new code value).
"""

from __future__ import annotations

from clientvault.core.roles import Capability
from clientvault.core.validation import free_text
from clientvault.services.context import Vault
from clientvault.storage.users import MetaRepository

FIRM_NAME_MAX = 200
WORKSTATION_SETTINGS = ("language", "idle_lock_minutes")


def set_firm_name(vault: Vault, name: str) -> str:
    """Rename the firm (partner); returns the name as stored.

    Raises:
        AccessDenied: not the partner (audited).
        ValidationError: ``{"firm_name": …}`` empty, too long or with control characters.
    """
    vault.require(Capability.MANAGE_SETTINGS, "settings:firm_name")
    text = free_text("firm_name", name, FIRM_NAME_MAX, required=True)
    if text == vault.firm_name:
        return text
    with vault.db.transaction():
        MetaRepository(vault.db).set("firm_name", text)
        vault.record("settings.change", "settings:firm_name")
    return text


def record_workstation_setting(vault: Vault, setting: str, value: str) -> None:
    """Audit a change of this workstation's ``setting`` ("language" or "idle_lock_minutes") to ``value`` (a code)."""
    if setting not in WORKSTATION_SETTINGS:
        raise ValueError(setting)
    vault.record("settings.workstation", f"settings:{setting}", reason=value)
