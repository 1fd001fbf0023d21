"""The individuals' requests register (PIPL Arts 44-50): intake, due dates, answers, hand-overs.

A request is made by a person already in the vault (a client's person, or an individual client
itself): it is chosen, never typed, so no name is entered twice. The identity check is recorded
as a method code and whether it matched; no copy of an ID document is kept. The due date is the
firm's number of working days (setting ``requests.due_working_days``, default 15) after receipt,
counted over weekends, public holidays and 调休 working weekends from a holiday calendar that is
data (``resources/calendar/cn_holidays.json``, or the firm's own copy in setting
``requests.holiday_calendar``).

Roles (``Capability.REGISTERS``): the partner and the privacy officer manage every entry (the
privacy officer none of a sealed record: only the partner sees those); an accountant sees the
entries of their assigned clients; an assistant records intake and sees only what they recorded.
A refusal needs a reason (Art 50). "Access" and "copy" are answered with a PDF and an Excel
workbook, both registered in the export register. "Deletion" hands over to the erasure workflow
(the request closes when the erasure is executed or refused); "withdrawal" withdraws the consent
through the consent workflow and closes at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from clientvault.core.errors import InvalidState, NotFound, ValidationError
from clientvault.core.masking import mask_bank_account, mask_id_number
from clientvault.core.paths import resources_dir
from clientvault.core.records import FIELD_CATEGORY, DataCategory
from clientvault.core.roles import Capability, Role
from clientvault.core.validation import free_text
from clientvault.core.workdays import WorkCalendar, parse_calendar
from clientvault.documents.subject_access import AccessData, PurposeLine, render_access_answer
from clientvault.documents.workbook_writer import Column, Sheet, Stamp, write_sheets
from clientvault.services.context import Vault
from clientvault.services.exports import ExportEntry, ExportKind, ExportService
from clientvault.services.registers import RegisterService
from clientvault.services.retention_notice import retention_statements
from clientvault.storage.clients import VISIBLE_STATUSES, ClientRepository
from clientvault.storage.subject_requests import SubjectRequestRepository
from clientvault.storage.users import SettingsRepository

DUE_KEY = "requests.due_working_days"
DEFAULT_DUE_DAYS = 15
CALENDAR_KEY = "requests.holiday_calendar"
MAX_REASON = 500


class RequestKind(StrEnum):
    """What the person asks for (PIPL Arts 44-50)."""

    ACCESS = "access"
    COPY = "copy"
    CORRECTION = "correction"
    SUPPLEMENT = "supplement"
    DELETION = "deletion"
    WITHDRAWAL = "withdrawal"
    EXPLANATION = "explanation"
    RESTRICTION = "restriction"
    TRANSFER = "transfer"


class RequestStatus(StrEnum):
    """Where a request stands."""

    OPEN = "open"
    HANDED_OVER = "handed_over"  # deletion: waiting for the erasure workflow
    DONE = "done"
    REFUSED = "refused"


class RequestFilter(StrEnum):
    """Which entries the register page lists."""

    OPEN = "open"  # open or handed over
    DUE_SOON = "due_soon"  # open, due within 7 days (not overdue)
    OVERDUE = "overdue"
    ALL = "all"


#: How the requester's identity was checked (a code: no document number or copy is stored).
IDENTITY_METHODS = ("id_in_person", "callback_known_number", "known_email", "signed_letter", "video_call", "other")
CHANNELS = ("in_person", "phone", "email", "letter", "other")


@dataclass(frozen=True)
class SubjectRequest:
    """One entry of the register."""

    id: int
    client_id: int
    person_id: int | None
    kind: RequestKind
    channel: str
    received_on: str
    identity_method: str
    identity_ok: bool
    due_on: str
    extended_to: str
    extension_reason: str
    status: RequestStatus
    outcome: str
    purpose_code: str
    erasure_request: int | None
    created_by: int
    client_name: str
    person_name: str
    client_status: str

    @property
    def number(self) -> str:
        """The printed request number."""
        return f"SR-{self.id:05d}"

    @property
    def effective_due(self) -> str:
        """The due date after any extension."""
        return self.extended_to or self.due_on

    @property
    def is_open(self) -> bool:
        """Whether the request still needs an answer."""
        return self.status in (RequestStatus.OPEN, RequestStatus.HANDED_OVER)

    def is_overdue(self, today: date) -> bool:
        """Open and past its (extended) due date."""
        return self.is_open and self.effective_due < today.isoformat()


def _entry(row: dict[str, Any]) -> SubjectRequest:
    sealed = row["client_status"] in ("locked", "erased")
    return SubjectRequest(
        id=int(row["id"]),
        client_id=int(row["client_id"]),
        person_id=row["person_id"],
        kind=RequestKind(row["kind"]),
        channel=str(row["channel"]),
        received_on=str(row["received_on"]),
        identity_method=str(row["identity_method"]),
        identity_ok=bool(row["identity_ok"]),
        due_on=str(row["due_on"]),
        extended_to=str(row["extended_to"] or ""),
        extension_reason=str(row["extension_reason"]),
        status=RequestStatus(row["status"]),
        outcome=str(row["outcome"]),
        purpose_code=str(row["purpose_code"]),
        erasure_request=row["erasure_request"],
        created_by=int(row["created_by"]),
        # A sealed record's name is not in the clear any more; an erased one is gone.
        client_name="" if sealed else str(row["client_name"] or ""),
        person_name="" if sealed else str(row["person_name"] or ""),
        client_status=str(row["client_status"]),
    )


def shipped_calendar() -> WorkCalendar:
    """The holiday calendar shipped with the application."""
    return parse_calendar((resources_dir() / "calendar" / "cn_holidays.json").read_text(encoding="utf-8"))


class SubjectRequestService(RegisterService):
    """Keeps the individuals' requests register for the acting session."""

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today
        self.repo = SubjectRequestRepository(vault.db)
        self.clients = ClientRepository(vault.db)
        self.settings = SettingsRepository(vault.db)

    # -- settings ------------------------------------------------------------------------------

    def calendar(self) -> WorkCalendar:
        """The firm's holiday calendar (its own copy if it loaded one, else the shipped one)."""
        text = self.settings.get(CALENDAR_KEY, "")
        return parse_calendar(text) if text else shipped_calendar()

    def set_calendar(self, text: str) -> WorkCalendar:
        """Store the firm's own holiday calendar (partner, privacy officer); ValidationError if malformed."""
        self._require_manager("setting:holiday_calendar")
        cal = parse_calendar(text)
        with self.vault.db.transaction():
            self.settings.set(CALENDAR_KEY, cal.to_json())
            self.vault.record("settings.holiday_calendar", reason=f"years={','.join(map(str, cal.years))}")
        return cal

    def due_days(self) -> int:
        """Working days the firm gives itself to answer (default 15)."""
        try:
            return int(self.settings.get(DUE_KEY, str(DEFAULT_DUE_DAYS)))
        except ValueError:
            return DEFAULT_DUE_DAYS

    def set_due_days(self, days: int) -> None:
        """Change the answer period (1-30 working days; GB/T 35273 §8.7 allows at most 30)."""
        self._require_manager("setting:request_due")
        if not 1 <= days <= 30:
            raise ValidationError({"due_days": "range"})
        with self.vault.db.transaction():
            self.settings.set(DUE_KEY, str(days))
            self.vault.record("settings.request_due", reason=f"days={days}")

    def due_date(self, received: date, days: int | None = None) -> date:
        """The due date of a request received on ``received``."""
        return self.calendar().add_working_days(received, self.due_days() if days is None else days)

    # -- visibility ----------------------------------------------------------------------------

    def _visible(self) -> tuple[str, list[Any]]:
        uid = self.vault.session.user_id
        role = self.role
        if role is Role.PARTNER:
            return "", []
        if role is Role.PRIVACY_OFFICER:
            return "c.status != 'locked'", []
        if role is Role.ACCOUNTANT:
            marks = ",".join("?" for _ in VISIBLE_STATUSES)
            return (
                f"c.status IN ({marks}) AND r.client_id IN"
                " (SELECT client_id FROM client_accountants WHERE user_id = ?)",
                [*VISIBLE_STATUSES, uid],
            )
        return "c.status != 'locked' AND r.created_by = ?", [uid]

    def entries(self, flt: RequestFilter = RequestFilter.OPEN, *, limit: int = 500) -> list[SubjectRequest]:
        """The entries the acting role may see, most urgent first."""
        self.vault.require(Capability.REGISTERS, "register:requests")
        where, params = self._visible()
        parts = [where] if where else []
        today = self.today()
        if flt is not RequestFilter.ALL:
            parts.append("r.status IN ('open', 'handed_over')")
        if flt is RequestFilter.OVERDUE:
            parts.append("coalesce(r.extended_to, r.due_on) < ?")
            params.append(today.isoformat())
        elif flt is RequestFilter.DUE_SOON:
            parts.append("coalesce(r.extended_to, r.due_on) BETWEEN ? AND ?")
            params += [today.isoformat(), (today + timedelta(days=7)).isoformat()]
        return [_entry(r) for r in self.repo.rows(where=" AND ".join(parts), params=params, limit=limit)]

    def count(self, flt: RequestFilter) -> int:
        """How many entries a filter shows (for the dashboard)."""
        return len(self.entries(flt, limit=100_000))

    def get(self, request_id: int) -> SubjectRequest:
        """One entry the acting role may see (NotFound otherwise)."""
        self.vault.require(Capability.REGISTERS, f"subject_request:{request_id}")
        where, params = self._visible()
        rows = self.repo.rows(where=" AND ".join(p for p in (where, "r.id = ?") if p), params=[*params, request_id])
        if not rows:
            raise NotFound("subject_request", request_id)
        return _entry(rows[0])

    # -- intake --------------------------------------------------------------------------------

    def record(
        self,
        client_id: int,
        person_id: int | None,
        kind: RequestKind,
        *,
        identity_method: str,
        identity_ok: bool,
        received_on: date | None = None,
        channel: str = "in_person",
    ) -> SubjectRequest:
        """Record a request as received (every role with the register; an accountant for own clients).

        Raises:
            NotFound: the client or the person is not in the vault (or not visible to the role;
                a sealed record is visible to the partner only).
            ValidationError: unknown method or channel, a receipt date in the future.
        """
        obj = f"client:{client_id}"
        self.vault.require(Capability.REGISTERS, obj)
        kind = RequestKind(kind)
        errors: dict[str, str] = {}
        if identity_method not in IDENTITY_METHODS:
            errors["identity_method"] = "required"
        if channel not in CHANNELS:
            errors["channel"] = "unknown"
        received = received_on or self.today()
        if received > self.today():
            errors["received_on"] = "future"
        if errors:
            raise ValidationError(errors)
        client = self.clients.get_client(client_id)
        seen = (*VISIBLE_STATUSES, "locked") if self.role is Role.PARTNER else VISIBLE_STATUSES
        if client is None or client["status"] not in seen:
            raise NotFound("client", client_id)
        if self.role is Role.ACCOUNTANT and not self.clients.is_assigned(client_id, self.vault.session.user_id):
            raise NotFound("client", client_id)
        if person_id is not None:
            person = self.clients.get_person(person_id)
            if person is None or int(person["client_id"]) != client_id:
                raise NotFound("person", person_id)
        elif client["kind"] == "enterprise":
            raise ValidationError({"person": "required"})  # a company is not a natural person
        due = self.due_date(received)
        with self.vault.db.transaction():
            rid = self.repo.insert(
                {
                    "client_id": client_id,
                    "person_id": person_id,
                    "kind": kind.value,
                    "channel": channel,
                    "received_on": received.isoformat(),
                    "identity_method": identity_method,
                    "identity_ok": int(identity_ok),
                    "due_on": due.isoformat(),
                    "created_by": self.vault.session.user_id,
                }
            )
            self.vault.record(
                "request.record",
                f"subject_request:{rid}",
                reason=f"{obj},kind={kind.value},identity={'ok' if identity_ok else 'failed'}",
            )
        return self.get(rid)

    # -- handling ------------------------------------------------------------------------------

    def _open_entry(self, request_id: int, *, verified: bool = True) -> SubjectRequest:
        self._require_manager(f"subject_request:{request_id}")
        entry = self.get(request_id)
        if not entry.is_open:
            raise InvalidState("request_closed")
        if verified and not entry.identity_ok:
            raise InvalidState("identity_not_verified")  # only a refusal can answer it
        return entry

    def extend(self, request_id: int, working_days: int, reason: str) -> SubjectRequest:
        """Extend the due date by some working days, with the reason (told to the person)."""
        entry = self._open_entry(request_id, verified=False)
        why = free_text("reason", reason, MAX_REASON, required=True)
        if not 1 <= working_days <= 30:
            raise ValidationError({"working_days": "range"})
        new_due = self.calendar().add_working_days(date.fromisoformat(entry.effective_due), working_days)
        with self.vault.db.transaction():
            self.repo.update(request_id, {"extended_to": new_due.isoformat(), "extension_reason": why})
            self.vault.record("request.extend", f"subject_request:{request_id}", reason=f"days={working_days}")
        return self.get(request_id)

    def refuse(self, request_id: int, reason: str) -> SubjectRequest:
        """Refuse a request; PIPL Art 50 requires the reason (ValidationError without one)."""
        self._open_entry(request_id, verified=False)
        why = free_text("reason", reason, MAX_REASON, required=True)
        return self._close(request_id, RequestStatus.REFUSED, why, "request.refuse")

    def complete(self, request_id: int, outcome: str) -> SubjectRequest:
        """Close an answered request with what was done.

        Deletion and withdrawal close through their workflows (:meth:`hand_over`), not here.
        """
        entry = self._open_entry(request_id)
        if entry.kind in (RequestKind.DELETION, RequestKind.WITHDRAWAL):
            raise InvalidState("request_needs_handover")
        what = free_text("outcome", outcome, MAX_REASON, required=True)
        return self._close(request_id, RequestStatus.DONE, what, "request.complete")

    def _close(self, request_id: int, status: RequestStatus, outcome: str, action: str) -> SubjectRequest:
        with self.vault.db.transaction():
            self.repo.update(
                request_id,
                {
                    "status": status.value,
                    "outcome": outcome,
                    "closed_by": self.vault.session.user_id,
                    "closed_at": self.today().isoformat(),
                },
            )
            self.vault.record(action, f"subject_request:{request_id}")
        return self.get(request_id)

    def hand_over(self, request_id: int, *, purpose_code: str = "") -> SubjectRequest:
        """Pass a deletion to the erasure workflow, or a withdrawal to the consent workflow.

        A deletion opens an erasure request (source ``deletion_request``) and waits for it:
        :meth:`sync` closes the entry when the erasure is executed or refused. A withdrawal
        withdraws the person's consent to ``purpose_code`` at once and closes the entry.
        """
        from clientvault.services.consent import ConsentService
        from clientvault.services.erasure import ErasureService

        entry = self._open_entry(request_id)
        if entry.status is RequestStatus.HANDED_OVER:
            raise InvalidState("request_closed")
        obj = f"subject_request:{request_id}"
        if entry.kind is RequestKind.DELETION:
            rid = ErasureService(self.vault, today=self.today()).request(
                entry.client_id, "deletion_request", "deletion_request"
            )
            with self.vault.db.transaction():
                self.repo.update(request_id, {"status": RequestStatus.HANDED_OVER.value, "erasure_request": rid})
                self.vault.record("request.hand_over", obj, reason=f"erasure_request:{rid}")
            return self.get(request_id)
        if entry.kind is RequestKind.WITHDRAWAL:
            if not purpose_code:
                raise ValidationError({"purpose": "required"})
            ConsentService(self.vault, today=self.today).withdraw(
                entry.client_id, purpose_code, person_id=entry.person_id
            )
            with self.vault.db.transaction():
                self.repo.update(request_id, {"purpose_code": purpose_code})
            return self._close(request_id, RequestStatus.DONE, "consent_withdrawn", "request.hand_over")
        raise InvalidState("request_no_handover")

    def sync(self) -> int:
        """Close handed-over deletions whose erasure was executed or refused; return how many closed."""
        closed = 0
        rows = self.vault.db.all(
            "SELECT r.id, e.state FROM subject_requests r JOIN erasure_requests e ON e.id = r.erasure_request"
            " WHERE r.status = 'handed_over' AND e.state IN ('executed', 'refused')"
        )
        for rid, state in rows:
            status = RequestStatus.DONE if state == "executed" else RequestStatus.REFUSED
            with self.vault.db.transaction():
                self.repo.update(
                    int(rid),
                    {"status": status.value, "outcome": f"erasure_{state}", "closed_at": self.today().isoformat()},
                )
                self.vault.record("request.sync", f"subject_request:{rid}", reason=f"erasure_{state}")
            closed += 1
        return closed

    # -- access and copy -----------------------------------------------------------------------

    def access_data(self, request_id: int, lang: str = "zh") -> AccessData:
        """What the answer to an access or copy request shows (values masked as printed)."""
        from clientvault.services.purposes import ConsentPurposePolicy

        entry = self._open_entry(request_id)
        if entry.kind not in (RequestKind.ACCESS, RequestKind.COPY):
            raise InvalidState("request_not_access")
        client = self.clients.get_client(entry.client_id)
        if client is None or client["status"] == "erased":
            raise NotFound("client", entry.client_id)
        fields: list[tuple[str, str]] = []
        if entry.person_id is not None:
            person = self.clients.get_person(entry.person_id) or {}
            subject = str(person.get("name") or "")
            for key in ("name", "role", "id_type", "id_number", "phone", "email", "address"):
                value = str(person.get(key) or "")
                if value:
                    fields.append((f"person.{key}", mask_id_number(value) if key == "id_number" else value))
        else:
            subject = str(client["name"])
            for key in ("name", "uscc", "tax_no", "address", "phone", "email"):
                if client.get(key):
                    fields.append((f"client.{key}", str(client[key])))
        for item in self.clients.items(entry.client_id):
            if item.get("person_id") != entry.person_id:
                continue
            kind = str(item["kind"])
            shown = mask_bank_account(str(item["value"])) if kind == "bank_account" else "******"
            fields.append((f"sensitive.{kind}", shown))
        categories = sorted(
            {FIELD_CATEGORY[f].value for f, _ in fields if f in FIELD_CATEGORY} | {"identity"},
            key=[c.value for c in DataCategory].index,
        )
        active = ConsentPurposePolicy(self.today).active(self.vault, client, entry.person_id)
        kept = retention_statements(self.vault, [a.purpose for a in active], lang)
        purposes = tuple(
            PurposeLine(
                name=a.purpose.name(lang),
                basis=a.basis.value,
                categories=tuple(c.value for c in sorted(a.categories)),
                recipients=a.purpose.recipients(lang),
                retention=kept[a.purpose.code],
            )
            for a in active
        )
        return AccessData(
            firm_name=self.vault.firm_name,
            request_no=entry.number,
            received_on=entry.received_on,
            answered_on=self.today().isoformat(),
            subject=subject,
            client_name=str(client["name"]),
            fields=tuple(fields),
            categories=tuple(categories),
            purposes=purposes,
        )

    def answer_pdf(self, request_id: int, lang: str = "zh") -> bytes:
        """The answer to an access or copy request as PDF bytes (in memory)."""
        return render_access_answer(self.access_data(request_id, lang), lang=lang)

    def answer_workbook(self, request_id: int) -> bytes:
        """The same answer as an Excel workbook (in memory)."""
        data = self.access_data(request_id, "zh")
        from clientvault.documents.subject_access import CATEGORY_LABELS, FIELD_LABELS

        stamp = Stamp(
            data.firm_name, self.vault.session.display_name, data.answered_on, "个人信息查阅、复制", "个人信息副本"
        )
        held = Sheet(
            "个人信息",
            (Column("项目", width=24), Column("内容", width=36)),
            [[FIELD_LABELS.get(code, (code,))[0], value] for code, value in data.fields],
        )
        purposes = Sheet(
            "处理目的",
            (
                Column("处理目的", width=24),
                Column("个人信息种类", width=36),
                Column("接收方", width=30),
                Column("保存期限", width=60),
            ),
            [
                [p.name, "、".join(CATEGORY_LABELS[c][0] for c in p.categories), p.recipients, p.retention]
                for p in data.purposes
            ],
        )
        out, _ = write_sheets([held, purposes], stamp)
        return out

    def save_answer(self, request_id: int, pdf_path: Path, xlsx_path: Path, lang: str = "zh") -> list[ExportEntry]:
        """Save the answer as PDF and workbook into the export register; return both entries."""
        entry = self._open_entry(request_id)
        pdf = self.answer_pdf(request_id, lang)
        workbook = self.answer_workbook(request_id)
        exports = ExportService(self.vault, today=self.today)
        purpose = f"subject_request:{entry.number}"
        saved = [
            exports.save(pdf, pdf_path, kind=ExportKind.REQUEST_COPY, purpose=purpose, client_ids=[entry.client_id],
                         row_count=1),
            exports.save(workbook, xlsx_path, kind=ExportKind.REQUEST_COPY, purpose=purpose,
                         client_ids=[entry.client_id], row_count=1),
        ]  # fmt: skip
        return saved
