"""Retention rules, the retention end date of a locked record, settings of the erasure and
backup tools, and the daily retention-expiry check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from clientvault.core.errors import ValidationError
from clientvault.core.roles import Capability, Role
from clientvault.core.validation import free_text
from clientvault.services.context import Vault
from clientvault.storage.retention import RetentionRepository, RetentionRule, RuleVersion
from clientvault.storage.users import SettingsRepository

__all__ = [
    "ITEM_CLASSES",
    "PERMANENT_UNTIL",
    "PlannedItem",
    "RetentionDates",
    "RetentionRule",
    "RetentionService",
    "RuleVersion",
    "Settings",
    "retention_dates",
    "sealing_plan",
]

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


#: The end date stored for a record a permanent rule requires (never reached).
PERMANENT_UNTIL = date(9999, 12, 31)
PERSON_ROLES = ("legal_rep", "owner", "shareholder", "finance_contact", "contact")
ITEM_KINDS = ("bank_account", "tax_login", "social_insurance_login")
#: The classes of a client's data a retention rule can require the firm to keep. Sealing keeps an
#: item only when an applicable rule covers its class; every other item is erased.
ITEM_CLASSES: tuple[str, ...] = (
    "client.identity",  # name, 统一社会信用代码/纳税人识别号, address, industry, engagement start
    "client.contact",  # the client's phone and e-mail
    "client.notes",
    *(f"person.{r}{sub}" for r in PERSON_ROLES for sub in ("", ".id_number", ".contact")),
    *(f"item.{k}" for k in ITEM_KINDS),
    "consent_evidence",  # scans of signed consent forms
)
STARTS = ("year_end", "disposal")


def add_years(day: date, years: int) -> date:
    """``day`` plus whole years (29 February becomes 28 February in a common year; past 9999, the last date)."""
    if day.year + years > date.max.year:
        return date.max
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def period_start(engagement_end: date) -> date:
    """The first day of a retention period: the day after the end of the accounting year.

    会计档案管理办法 第十四条: 会计档案的保管期限，从会计年度终了后的第一天算起; China's accounting
    year is the calendar year (会计法 第十一条), so the period starts on 1 January after the
    engagement ended. A ``disposal`` rule (固定资产卡片) counts from the disposal; the firm
    cannot know a later disposal than the end of its engagement, so it uses the same day.
    An end in the year 9999 (stored before engagement dates were bounded) gives the last date.
    """
    return date(engagement_end.year + 1, 1, 1) if engagement_end.year < date.max.year else date.max


def rule_until(rule: RetentionRule, starts: date) -> date:
    """The day a rule's period ends for a period starting on ``starts``."""
    return PERMANENT_UNTIL if rule.permanent else add_years(starts, rule.years)


def retention_dates(engagement_end: date, rules: list[RetentionRule], kept: set[str] | None = None) -> RetentionDates:
    """Compute the retention period of a record whose engagement ended on ``engagement_end``.

    Args:
        engagement_end: Last day of the engagement (the lock date when none was recorded).
        rules: The firm's rules; those with ``applies`` false are ignored.
        kept: The item classes the record keeps: only rules covering one of them count. None:
            every rule that covers anything (or, for rules without ``covers``, every rule).

    Returns:
        The start, end and deciding rule (``"none"`` with end = start when no rule applies).
    """
    starts = period_start(engagement_end)
    applicable = [r for r in rules if r.applies]
    if kept is not None:
        applicable = [r for r in applicable if set(r.covers) & kept]
    elif any(r.covers for r in applicable):
        applicable = [r for r in applicable if r.covers]
    if not applicable:
        return RetentionDates(starts, starts, "none")
    longest = max(applicable, key=lambda r: (rule_until(r, starts), r.category))
    return RetentionDates(starts, rule_until(longest, starts), longest.category)


def covering_rule(cls: str, rules: list[RetentionRule], starts: date) -> RetentionRule | None:
    """The applicable rule that requires ``cls`` for longest (None: no rule requires it)."""
    covering = [r for r in rules if r.applies and cls in r.covers]
    return max(covering, key=lambda r: (rule_until(r, starts), r.category)) if covering else None


@dataclass(frozen=True)
class PlannedItem:
    """One item of a client at sealing: its target (as erasure names it), class and rule."""

    item: str  # "person:5", "person:5.id_number", "item:9", "client.phone", "evidence:3", "client"
    cls: str
    rule: str  # the rule that requires it ("" when none does: the item is erased)

    def as_dict(self) -> dict[str, str]:
        """The JSON form kept on the sealing record."""
        out = {"item": self.item, "class": self.cls}
        if self.rule:
            out["rule"] = self.rule
        return out


def sealing_plan(
    client: dict[str, Any],
    persons: list[dict[str, Any]],
    items: list[dict[str, Any]],
    evidence_ids: list[int],
    rules: list[RetentionRule],
    starts: date,
) -> tuple[list[PlannedItem], list[PlannedItem]]:
    """Match each stored item of a client to the rule that requires it.

    Returns:
        ``(kept, erase)``: items a rule requires, and the erasure targets of those none does.
        The client's identity is always kept (it is what the sealed record is found by); its
        rule is ``""`` only if no rule names it.
    """
    kept: list[PlannedItem] = []
    erase: list[PlannedItem] = []

    def place(item: str, cls: str) -> bool:
        rule = covering_rule(cls, rules, starts)
        (kept if rule else erase).append(PlannedItem(item, cls, rule.category if rule else ""))
        return rule is not None

    rule = covering_rule("client.identity", rules, starts)
    kept.append(PlannedItem("client", "client.identity", rule.category if rule else ""))
    for field in ("phone", "email"):
        if client.get(field):
            place(f"client.{field}", "client.contact")
    if client.get("notes"):
        place("client.notes", "client.notes")
    person_items: dict[int, list[dict[str, Any]]] = {}
    for i in items:
        if i.get("person_id") is not None:
            person_items.setdefault(int(i["person_id"]), []).append(i)
    for p in persons:
        pid, role = int(p["id"]), str(p["role"])
        if not place(f"person:{pid}", f"person.{role}"):
            continue  # the whole person goes, with the items linked to it
        if p.get("id_number"):
            place(f"person:{pid}.id_number", f"person.{role}.id_number")
        for field in ("phone", "email", "address"):
            if p.get(field):
                place(f"person:{pid}.{field}", f"person.{role}.contact")
    gone = {int(e.item.split(":")[1]) for e in erase if e.item.startswith("person:") and "." not in e.item}
    for i in items:
        if i.get("person_id") is not None and int(i["person_id"]) in gone:
            continue
        place(f"item:{int(i['id'])}", f"item.{i['kind']}")
    for eid in evidence_ids:
        place(f"evidence:{eid}", "consent_evidence")
    return kept, erase


#: Rules of 会计档案管理办法: destroying what they cover needs an appraisal first (第十六条).
ARCHIVE_LAW = "会计档案管理办法"


def archive_rows(
    client_id: int, kept: set[str], rules: list[RetentionRule], first_year: int | None, last_year: int
) -> list[dict[str, Any]]:
    """The 销毁清册 rows of a client's record: one per applicable rule covering a kept class.

    Each row: ``category``, ``title`` (档案名称/类别), ``years`` (起止年度), ``number`` (档案编号),
    ``period`` (应保管期限: years, or ``permanent``), ``starts``, ``from`` (the period's first
    day), ``archive`` (a rule of 会计档案管理办法: destruction needs an appraisal). No personal data.
    """
    starts = period_start(date(last_year, 12, 31))
    rows: list[dict[str, Any]] = []
    for r in rules:
        if not r.applies or not set(r.covers) & kept:
            continue
        rows.append(
            {
                "category": r.category,
                "title": r.title or r.category,
                "years": f"{first_year or last_year}–{last_year}",
                "number": f"KH{client_id:06d}-{len(rows) + 1:02d}",
                "period": "permanent" if r.permanent else str(r.years),
                "starts": r.starts,
                "from": starts.isoformat(),
                "archive": ARCHIVE_LAW in r.legal_source,
            }
        )
    return rows


def years_kept(start: str, day: date) -> int:
    """Whole years between a period's first day (ISO) and ``day`` (已保管期限)."""
    first = date.fromisoformat(start)
    years = day.year - first.year - ((day.month, day.day) < (first.month, first.day))
    return max(0, years)


class RetentionService:
    """Reads and changes the retention rules and the erasure/backup settings."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.repo = RetentionRepository(vault.db)

    def _rule_editor(self, obj: str) -> None:
        """Partner and privacy officer read and edit the rules."""
        if self.vault.session.role not in (Role.PARTNER, Role.PRIVACY_OFFICER):
            self.vault.deny(Capability.MANAGE_SETTINGS, obj)

    def rules(self) -> list[RetentionRule]:
        """The retention rules (partner and privacy officer)."""
        self._rule_editor("retention_rules")
        return self.repo.rules()

    def set_rule(
        self,
        category: str,
        years: int,
        legal_source: str,
        *,
        applies: bool = True,
        permanent: bool | None = None,
        starts: str | None = None,
        covers: tuple[str, ...] | None = None,
        title: str | None = None,
    ) -> int:
        """Change or add a rule (partner, privacy officer); returns its new version.

        Every edit is saved as a new version (:meth:`versions`) and audited. Arguments left at
        None keep the rule's current value. Existing locked records keep the end date they were
        sealed with; changing a rule affects later sealing only.

        Raises:
            ValidationError: ``category`` (format), ``years`` (range 0–100; a non-permanent rule
                needs at least 1), ``legal_source`` (required), ``starts`` or ``covers`` (unknown).
        """
        self._rule_editor(f"retention_rule:{category}")
        current = {r.category: r for r in self.repo.rules()}.get(category.strip())
        permanent = permanent if permanent is not None else (current.permanent if current else False)
        starts = starts if starts is not None else (current.starts if current else "year_end")
        covers = covers if covers is not None else (current.covers if current else ())
        title = title if title is not None else (current.title if current else "")
        errors = {}
        if not category.strip() or not category.replace("_", "").isalnum() or not category.isascii():
            errors["category"] = "format"
        if not 0 <= years <= 100 or (not permanent and years < 1):
            errors["years"] = "range"
        for name, text, most in (("legal_source", legal_source, 500), ("title", title, 100)):
            try:
                free_text(name, text, most, required=name == "legal_source")
            except ValidationError as exc:
                errors.update(exc.errors)
        if starts not in STARTS:
            errors["starts"] = "unknown"
        if any(c not in ITEM_CLASSES for c in covers):
            errors["covers"] = "unknown"
        if errors:
            raise ValidationError(errors)
        cat = category.strip()
        with self.vault.db.transaction():
            version = self.repo.set_rule(
                cat, 0 if permanent else years, " ".join(legal_source.split()), applies, self.vault.session.user_id,
                permanent=permanent, starts=starts, covers=tuple(dict.fromkeys(covers)), title=title.strip(),
            )  # fmt: skip
            period = "permanent" if permanent else f"years={years}"
            self.vault.record("retention.rule_set", f"retention_rule:{cat}",
                              reason=f"version={version},{period},applies={int(applies)}")  # fmt: skip
        return version

    def versions(self, category: str | None = None) -> list[RuleVersion]:
        """Every saved version of a rule (or of all rules), oldest first (partner, privacy officer)."""
        self._rule_editor("retention_rules")
        return self.repo.rule_versions(category)

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
