"""Personal information protection impact assessments (PIPL Arts 55-56).

A record per assessment: its trigger (Art 55: sensitive data, entrusted processing, provision to
others, …), the purpose and necessity, the risks, the measures and the conclusion, the date and the
assessor, and what it covers: purposes of the catalogue and recipients of the recipients list. Art 56
para 3 asks the report to be kept at least three years: a deletion before then is refused (audited).
The app reminds of each active purpose that processes sensitive or entrusted data or gives data to
third parties, and of each active recipient, that no assessment covers (a dashboard count).

Roles: the partner and the privacy officer record and delete; an accountant reads them (they hold
no client data); an assistant has no access.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clientvault.core.errors import InvalidState, NotFound, ValidationError
from clientvault.core.validation import free_text
from clientvault.services.context import Vault
from clientvault.services.entrustments import ENTRUSTED_CATEGORIES
from clientvault.services.purposes import SENSITIVE_CATEGORIES, PurposeService
from clientvault.services.registers import RegisterService
from clientvault.storage.audit import now_iso

#: Art 56 para 3: the assessment report and the record of handling are kept at least three years.
KEEP_YEARS = 3
MAX_TEXT = 2000


class Trigger(StrEnum):
    """Why the assessment was needed (PIPL Art 55)."""

    SENSITIVE = "sensitive"  # (1) processing sensitive personal information
    AUTOMATED_DECISION = "automated_decision"  # (2)
    ENTRUSTED = "entrusted"  # (3) entrusting processing, or processing on another's behalf
    THIRD_PARTY = "third_party"  # (3) providing personal information to other processors
    PUBLIC = "public"  # (3) making it public
    CROSS_BORDER = "cross_border"  # (4)
    OTHER = "other"  # (5) other processing with a major influence on individuals


class Conclusion(StrEnum):
    """The assessment's conclusion."""

    ACCEPTABLE = "acceptable"
    ACCEPTABLE_WITH_MEASURES = "acceptable_with_measures"
    NOT_ACCEPTABLE = "not_acceptable"


@dataclass(frozen=True)
class Assessment:
    """One impact assessment."""

    id: int
    title: str
    trigger: Trigger
    purpose_necessity: str
    risks: str
    measures: str
    conclusion: Conclusion
    assessed_on: str
    assessor_id: int
    keep_until: str
    purposes: tuple[str, ...]
    recipients: tuple[int, ...]

    @property
    def number(self) -> str:
        """The printed assessment number."""
        return f"PIA-{self.id:05d}"


@dataclass(frozen=True)
class MissingAssessments:
    """What no assessment covers yet: purpose codes and recipient ids."""

    purposes: tuple[str, ...]
    recipients: tuple[int, ...]

    @property
    def count(self) -> int:
        """How many reminders."""
        return len(self.purposes) + len(self.recipients)


def keep_until(assessed: date) -> date:
    """``assessed`` plus three years (29 February: 28 February)."""
    try:
        return assessed.replace(year=assessed.year + KEEP_YEARS)
    except ValueError:
        return assessed.replace(year=assessed.year + KEEP_YEARS, day=28)


class ImpactAssessmentService(RegisterService):
    """Keeps the impact assessments for the acting session."""

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today

    def _recipient_ids(self) -> dict[int, bool]:
        """Recipient id -> active, from the recipients list."""
        return {int(r[0]): bool(r[1]) for r in self.vault.db.all("SELECT id, active FROM recipients")}

    def entries(self, *, limit: int = 500) -> list[Assessment]:
        """Every assessment, newest first (partner, privacy officer, accountant)."""
        self._require_reader("register:impact_assessments")
        rows = self.vault.db.all(
            "SELECT id, title, trigger, purpose_necessity, risks, measures, conclusion, assessed_on, assessor_id,"
            " keep_until FROM impact_assessments ORDER BY assessed_on DESC, id DESC LIMIT ?",
            (limit,),
        )
        links: dict[int, list[tuple[str, str]]] = {}
        for aid, kind, ref in self.vault.db.all("SELECT assessment_id, kind, ref FROM impact_assessment_links"):
            links.setdefault(int(aid), []).append((str(kind), str(ref)))
        out = []
        for r in rows:
            linked = sorted(links.get(int(r[0]), []))
            out.append(
                Assessment(
                    id=int(r[0]),
                    title=str(r[1]),
                    trigger=Trigger(r[2]),
                    purpose_necessity=str(r[3]),
                    risks=str(r[4]),
                    measures=str(r[5]),
                    conclusion=Conclusion(r[6]),
                    assessed_on=str(r[7]),
                    assessor_id=int(r[8]),
                    keep_until=str(r[9]),
                    purposes=tuple(ref for kind, ref in linked if kind == "purpose"),
                    recipients=tuple(sorted(int(ref) for kind, ref in linked if kind == "recipient")),
                )
            )
        return out

    def get(self, assessment_id: int) -> Assessment:
        """One assessment (NotFound otherwise)."""
        for a in self.entries(limit=1_000_000):
            if a.id == assessment_id:
                return a
        raise NotFound("impact_assessment", assessment_id)

    def record(
        self,
        *,
        title: str,
        trigger: Trigger | str,
        purpose_necessity: str,
        risks: str,
        measures: str,
        conclusion: Conclusion | str,
        assessed_on: date | None = None,
        purposes: Sequence[str] = (),
        recipients: Sequence[int] = (),
    ) -> Assessment:
        """Record an assessment made by the acting partner or privacy officer.

        Raises:
            AccessDenied: another role.
            ValidationError: a required text empty, an unknown trigger or conclusion, unknown purposes or
                recipients, nothing covered (``assessment_covers: required``), a date in the future.
        """
        self._require_manager("register:impact_assessments")
        errors: dict[str, str] = {}
        texts: dict[str, str] = {}
        for name, value, size in (
            ("title", title, 200),
            ("purpose_necessity", purpose_necessity, MAX_TEXT),
            ("risks", risks, MAX_TEXT),
            ("measures", measures, MAX_TEXT),
        ):
            try:
                texts[name] = free_text(name, value, size, required=True, multiline=name != "title")
            except ValidationError as exc:
                errors.update(exc.errors)
        try:
            trig = Trigger(trigger)
        except ValueError:
            errors["trigger"] = "unknown"
        try:
            concl = Conclusion(conclusion)
        except ValueError:
            errors["conclusion"] = "unknown"
        codes = sorted(set(purposes))
        known = {p.code for p in PurposeService(self.vault).catalogue(include_inactive=True)}
        if any(c not in known for c in codes):
            errors["purposes"] = "unknown"
        rids = sorted(set(int(r) for r in recipients))
        if any(r not in self._recipient_ids() for r in rids):
            errors["recipients"] = "unknown"
        if not codes and not rids:
            errors["assessment_covers"] = "required"
        day = assessed_on or self.today()
        if day > self.today():
            errors["assessed_on"] = "future"
        if errors:
            raise ValidationError(errors)
        with self.vault.db.transaction():
            cur = self.vault.db.execute(
                "INSERT INTO impact_assessments (title, trigger, purpose_necessity, risks, measures, conclusion,"
                " assessed_on, assessor_id, keep_until, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (texts["title"], trig.value, texts["purpose_necessity"], texts["risks"], texts["measures"],
                 concl.value, day.isoformat(), self.vault.session.user_id, keep_until(day).isoformat(),
                 self.vault.session.user_id, now_iso()),
            )  # fmt: skip
            aid = int(cur.lastrowid)
            for code in codes:
                self.vault.db.execute(
                    "INSERT INTO impact_assessment_links (assessment_id, kind, ref) VALUES (?, 'purpose', ?)",
                    (aid, code),
                )
            for rid in rids:
                self.vault.db.execute(
                    "INSERT INTO impact_assessment_links (assessment_id, kind, ref) VALUES (?, 'recipient', ?)",
                    (aid, str(rid)),
                )
            self.vault.record("assessment.record", f"impact_assessment:{aid}", reason=f"trigger={trig.value}")
        return self.get(aid)

    def delete(self, assessment_id: int) -> None:
        """Delete an assessment kept three years or more (partner, privacy officer).

        Raises:
            InvalidState: ``assessment_kept_three_years`` before its keep-until date (audited refusal).
        """
        self._require_manager(f"impact_assessment:{assessment_id}")
        entry = self.get(assessment_id)
        obj = f"impact_assessment:{assessment_id}"
        if self.today().isoformat() < entry.keep_until:
            with self.vault.db.transaction():
                self.vault.record("assessment.delete", obj, outcome="refused_kept_three_years")
            raise InvalidState("assessment_kept_three_years")
        with self.vault.db.transaction():
            self.vault.db.execute("DELETE FROM impact_assessments WHERE id = ?", (assessment_id,))
            self.vault.record("assessment.delete", obj)

    def covering(self, *, purpose: str | None = None, recipient: int | None = None) -> list[Assessment]:
        """The assessments that cover a purpose (by code) or a recipient (by id), newest first."""
        return [
            a
            for a in self.entries(limit=1_000_000)
            if (purpose is not None and purpose in a.purposes) or (recipient is not None and recipient in a.recipients)
        ]

    def missing(self) -> MissingAssessments:
        """Active purposes with sensitive or entrusted data or a third party, and active recipients, not covered."""
        self._require_reader("register:impact_assessments")
        covered = {(str(k), str(r)) for k, r in self.vault.db.all("SELECT kind, ref FROM impact_assessment_links")}
        needing = [
            p.code
            for p in PurposeService(self.vault).catalogue()
            if p.categories & (SENSITIVE_CATEGORIES | ENTRUSTED_CATEGORIES) or p.third_party
        ]
        return MissingAssessments(
            purposes=tuple(c for c in needing if ("purpose", c) not in covered),
            recipients=tuple(
                r
                for r, active in sorted(self._recipient_ids().items())
                if active and ("recipient", str(r)) not in covered
            ),
        )
