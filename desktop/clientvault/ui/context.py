"""What the composition root hands to the desktop shell (built once in ``app.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSettings

from clientvault.services.context import Vault
from clientvault.services.demo_logins import DemoLogin
from clientvault.services.vault import VaultService

IDLE_MINUTES_KEY = "security/idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 5


class RecoverySheetRenderer(Protocol):
    """Renders the recovery sheet PDF in memory (documents layer, wired in by ``app.py``)."""

    def __call__(self, *, firm_name: str, vault_id: str, recovery_code: str, created_at: datetime, lang: str) -> bytes:
        """Return the PDF bytes."""
        ...


@dataclass
class UiContext:
    """Services and settings the windows need; passed by constructor, never global."""

    vaults: VaultService
    folder: Path
    settings: QSettings
    render_recovery_sheet: RecoverySheetRenderer
    firm_name: Callable[[Vault], str]
    demo_logins: list[DemoLogin] = field(default_factory=list)
    language: str = "en"
    idle_lock_ms: int | None = None  # None: from the setting (default 5 minutes)

    def idle_timeout_ms(self) -> int:
        """Idle time before the lock screen appears."""
        if self.idle_lock_ms is not None:
            return self.idle_lock_ms
        try:
            minutes = int(self.settings.value(IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            minutes = DEFAULT_IDLE_MINUTES
        return max(1, minutes) * 60_000

    @property
    def pdf_lang(self) -> str:
        """Language of printed documents: Chinese unless the UI is English."""
        return "en" if self.language == "en" else "zh"
