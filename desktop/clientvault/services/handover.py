"""Handover of a client's accounting archives (会计档案移交清册) when the relationship ends.

A client's accounting archives belong to the client: when the engagement ends, the firm hands them
over (to the client, or to the bookkeeping firm it moves to) and keeps the 移交清册 — what (the
retention rules' categories), to whom, which years, when, by whom, signed — for 30 years
(会计档案管理办法 附表一). The partner and the privacy officer record it; the list is printed in
memory (zh default, en) and, on request, saved to a file recorded in the export register.

Audit events hold ids only: ``client.handover`` (``handover:<id>``), ``client.handover_print``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from clientvault.core.errors import NotFound, ValidationError
from clientvault.core.roles import Capability, Role
from clientvault.core.validation import free_text
from clientvault.documents.handover_register import HandoverData, HandoverRow, render_handover_register
from clientvault.documents.pdf import check_lang
from clientvault.services.context import Vault
from clientvault.services.exports import ExportEntry, ExportKind, ExportService
from clientvault.storage.clients import ClientRepository
from clientvault.storage.retention import Handover, RetentionRepository, RetentionRule
from clientvault.storage.users import UserRepository

__all__ = ["Handover", "HandoverService", "handover_number"]

#: Years a handover list may name (no archive of a client predates the firm's software by more).
MIN_YEAR, MAX_YEAR = 1950, 2100


def handover_number(record: Handover) -> str:
    """The list's number as printed: ``YJ-<client>-<id>`` (no personal data)."""
    return f"YJ-{record.client_id:06d}-{record.id:04d}"


class HandoverService:
    """Record, list and print a client's archive handovers (partner, privacy officer).

    Args:
        vault: The unlocked vault with the acting session.
        today: Returns the current date (tests pass a fixed one).
    """

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today
        self.repo = RetentionRepository(vault.db)
        self.clients = ClientRepository(vault.db)

    def _keeper(self, obj: str) -> None:
        if self.vault.session.role not in (Role.PARTNER, Role.PRIVACY_OFFICER):
            self.vault.deny(Capability.REGISTERS, obj)

    def categories(self) -> list[RetentionRule]:
        """The retention rules whose categories a handover may name (what the firm keeps for clients)."""
        self._keeper("handovers")
        return [r for r in self.repo.rules() if r.applies]

    def record(
        self,
        client_id: int,
        categories: tuple[str, ...],
        recipient: str,
        *,
        years: tuple[int | None, int | None] = (None, None),
        handed_on: date | None = None,
        signed: bool = True,
    ) -> int:
        """Record that a client's archives were handed over; returns the record's id.

        Raises:
            AccessDenied: not the partner or the privacy officer.
            NotFound: no such client (or an erased one).
            ValidationError: ``recipient`` required/too long, ``categories`` empty or unknown
                (``required``/``unknown``), ``years`` out of range or reversed (``range``),
                ``handed_on`` in the future (``future``).
        """
        obj = f"client:{client_id}"
        self._keeper(obj)
        client = self.clients.get_client(client_id)
        if client is None or client["status"] == "erased":
            raise NotFound("client", client_id)
        known = {r.category for r in self.repo.rules()}
        errors: dict[str, str] = {}
        who = ""
        try:
            who = free_text("recipient", recipient, 200, required=True)
        except ValidationError as exc:
            errors.update(exc.errors)
        if not categories:
            errors["categories"] = "required"
        elif any(c not in known for c in categories):
            errors["categories"] = "unknown"
        first, last = years
        if any(y is not None and not MIN_YEAR <= y <= MAX_YEAR for y in years) or (
            first is not None and last is not None and first > last
        ):
            errors["years"] = "range"
        day = handed_on or self.today()
        if day > self.today():
            errors["handed_on"] = "future"
        if errors:
            raise ValidationError(errors)
        with self.vault.db.transaction():
            hid = self.repo.add_handover(
                client_id, tuple(dict.fromkeys(categories)), years, who, self.vault.session.user_id, signed,
                handed_at=day.isoformat(),
            )  # fmt: skip
            self.vault.record("client.handover", obj, reason=f"handover:{hid}")
        return hid

    def handovers(self, client_id: int) -> list[Handover]:
        """The client's handover records, oldest first."""
        self._keeper(f"client:{client_id}")
        return self.repo.handovers(client_id)

    def get(self, handover_id: int) -> Handover:
        """One handover record.

        Raises:
            NotFound: no such record.
        """
        self._keeper(f"handover:{handover_id}")
        found = self.repo.handover(handover_id)
        if found is None:
            raise NotFound("handover", handover_id)
        return found

    def pdf(self, handover_id: int, *, lang: str = "zh") -> bytes:
        """Render the 移交清册 of a record, in memory (audited ``client.handover_print``)."""
        lang = check_lang(lang)
        record = self.get(handover_id)
        rules = {r.category: r for r in self.repo.rules()}
        first, last = record.years_from, record.years_to
        years = "–".join(str(y) for y in (first, last) if y is not None) if (first or last) else ""
        if first is not None and last is not None and first == last:
            years = str(first)
        rows = []
        for n, code in enumerate(record.categories, start=1):
            rule = rules.get(code)
            title = (rule.title or code) if rule else code
            if rule is None:
                period = ""
            elif rule.permanent:
                period = "永久" if lang == "zh" else "permanent"
            else:
                period = f"{rule.years}年" if lang == "zh" else f"{rule.years} years"
            rows.append(HandoverRow(title, years, f"KH{record.client_id:06d}-{n:02d}", period))
        names = {u.id: u.display_name for u in UserRepository(self.vault.db).list()}
        data = HandoverData(
            handover_no=handover_number(record),
            firm_name=self.vault.firm_name,
            client_id=record.client_id,
            recipient=record.recipient,
            handed_on=date.fromisoformat(record.handed_at[:10]),
            handed_by=names.get(record.handed_by, ""),
            signed=record.signed,
            rows=tuple(rows),
        )
        pdf = render_handover_register(data, lang=lang)
        self.vault.record("client.handover_print", f"client:{record.client_id}", reason=f"handover:{record.id}")
        return pdf

    def save(self, handover_id: int, path: Path, *, lang: str = "zh") -> ExportEntry:
        """Save the list as a PDF file (a new file) and record it in the export register."""
        record = self.get(handover_id)
        data = self.pdf(handover_id, lang=lang)
        return ExportService(self.vault, today=self.today).save(
            data,
            path,
            kind=ExportKind.HANDOVER,
            purpose="handover_register",
            row_count=len(record.categories),
            note=handover_number(record),
        )
