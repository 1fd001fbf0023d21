"""Retention rules, the retention end date of a locked record, settings of the erasure and
backup tools, and the daily retention-expiry check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clientvault.core.errors import ValidationError
from clientvault.core.roles import Capability, Role
from clientvault.services.context import Vault
from clientvault.storage.retention import RetentionRepository, RetentionRule
from clientvault.storage.users import SettingsRepository

__all__ = ["RetentionDates", "RetentionRule", "RetentionService", "Settings", "retention_dates"]

VACUUM_AFTER_ERASURE = "erasure.vacuum"
BACKUP_ON_CLOSE = "backup.on_close"
BACKUP_DAILY = "backup.daily"
BACKUP_KEEP = "backup.keep"


@dataclass(frozen=True)
class Settings:
    """The firm's settings for erasure and backups."""

    vacuum_after_erasure: bool = False
    backup_on_close: bool = True
    backup_daily: bool = True
    backup_keep: int = 10


@dataclass(frozen=True)
class RetentionDates:
    """When a locked record's retention period starts and ends, and which rule decides the end."""

    starts: date
    until: date
    rule: str


def add_years(day: date, years: int) -> date:
    """``day`` plus whole years (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def retention_dates(engagement_end: date, rules: list[RetentionRule]) -> RetentionDates:
    """Compute the retention period of a record whose engagement ended on ``engagement_end``.

    The accounting-archives rules count a period "from the first day after the end of the
    fiscal year" (会计档案管理办法 第十五条), and China's fiscal year is the calendar year, so the
    period starts on 1 January after the engagement ended. The record is kept until the longest
    applicable rule runs out.

    Args:
        engagement_end: Last day of the engagement (the lock date when none was recorded).
        rules: The firm's rules; those with ``applies`` false are ignored.

    Returns:
        The start, end and deciding rule (``"none"`` with end = start when no rule applies).
    """
    starts = date(engagement_end.year + 1, 1, 1)
    applicable = [r for r in rules if r.applies]
    if not applicable:
        return RetentionDates(starts, starts, "none")
    longest = max(applicable, key=lambda r: (r.years, r.category))
    return RetentionDates(starts, add_years(starts, longest.years), longest.category)


class RetentionService:
    """Reads and changes the retention rules and the erasure/backup settings."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.repo = RetentionRepository(vault.db)

    def rules(self) -> list[RetentionRule]:
        """The retention rules (partner and privacy officer)."""
        if self.vault.session.role not in (Role.PARTNER, Role.PRIVACY_OFFICER):
            self.vault.deny(Capability.MANAGE_SETTINGS, "retention_rules")
        return self.repo.rules()

    def set_rule(self, category: str, years: int, legal_source: str, *, applies: bool = True) -> None:
        """Change a rule (partner). Existing locked records keep the end date they were sealed with."""
        self.vault.require(Capability.MANAGE_SETTINGS, "retention_rules")
        errors = {}
        if not category.strip() or not category.replace("_", "").isalnum():
            errors["category"] = "format"
        if not 0 <= years <= 100:
            errors["years"] = "range"
        if not legal_source.strip():
            errors["legal_source"] = "required"
        if errors:
            raise ValidationError(errors)
        with self.vault.db.transaction():
            self.repo.set_rule(category.strip(), years, legal_source.strip(), applies, self.vault.session.user_id)
            self.vault.record("retention.rule_set", f"retention_rule:{category}", reason=f"years={years}")

    def dates_for(self, engagement_end: date) -> RetentionDates:
        """The retention period a record ending on ``engagement_end`` would get today."""
        self.vault.require(Capability.VIEW_CLIENTS, "retention_rules")
        return retention_dates(engagement_end, self.repo.rules())

    def settings(self) -> Settings:
        """The erasure and backup settings (readable by every role: scheduled backups need them)."""
        s = SettingsRepository(self.vault.db)
        default = Settings()
        try:
            keep = int(s.get(BACKUP_KEEP, str(default.backup_keep)))
        except ValueError:
            keep = default.backup_keep
        return Settings(
            vacuum_after_erasure=s.get(VACUUM_AFTER_ERASURE, "0") == "1",
            backup_on_close=s.get(BACKUP_ON_CLOSE, "1") == "1",
            backup_daily=s.get(BACKUP_DAILY, "1") == "1",
            backup_keep=max(1, keep),
        )

    def set_settings(self, settings: Settings) -> None:
        """Change the settings (partner)."""
        self.vault.require(Capability.MANAGE_SETTINGS, "settings")
        if not 1 <= settings.backup_keep <= 1000:
            raise ValidationError({"backup_keep": "range"})
        s = SettingsRepository(self.vault.db)
        with self.vault.db.transaction():
            s.set(VACUUM_AFTER_ERASURE, "1" if settings.vacuum_after_erasure else "0")
            s.set(BACKUP_ON_CLOSE, "1" if settings.backup_on_close else "0")
            s.set(BACKUP_DAILY, "1" if settings.backup_daily else "0")
            s.set(BACKUP_KEEP, str(settings.backup_keep))
            self.vault.record("settings.change", "settings:retention")
