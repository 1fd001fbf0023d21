"""The complaints register (GB/T 35273 §8.8): channel, summary, category, handler, resolution, feedback.

The complainant, if named, is a client or one of its persons chosen from the vault. Roles
(``Capability.REGISTERS``): the partner and the privacy officer manage every complaint (a sealed
record's only the partner sees); an accountant sees the complaints about their assigned clients and
those they handle; an assistant logs complaints and sees the ones they logged. Counts per category
and month feed the register page, the dashboard and the compliance report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from clientvault.core.errors import InvalidState, NotFound, ValidationError
from clientvault.core.roles import Capability, Role
from clientvault.core.validation import free_text
from clientvault.services.context import Vault
from clientvault.services.registers import RegisterService, register_client
from clientvault.storage.clients import VISIBLE_STATUSES, ClientRepository
from clientvault.storage.complaints import ComplaintRepository
from clientvault.storage.users import UserRepository

MAX_SUMMARY = 1000
CHANNELS = ("in_person", "phone", "email", "letter", "online", "regulator", "other")


class ComplaintCategory(StrEnum):
    """What a complaint is about."""

    COLLECTION = "collection"  # collected more than needed, or without notice
    USE = "use"  # used beyond the purpose or without consent
    DISCLOSURE = "disclosure"  # given to others, or leaked
    SECURITY = "security"
    RIGHTS = "rights"  # a request was not answered (PIPL Arts 44-50)
    RETENTION = "retention"  # kept too long, not deleted
    SERVICE = "service"
    OTHER = "other"


@dataclass(frozen=True)
class Complaint:
    """One entry of the complaints register."""

    id: int
    client_id: int | None
    person_id: int | None
    received_on: str
    channel: str
    category: ComplaintCategory
    summary: str
    handler_id: int | None
    status: str  # "open" | "resolved"
    resolution: str
    feedback_given: bool
    resolved_on: str
    created_by: int
    client_name: str
    person_name: str

    @property
    def number(self) -> str:
        """The printed complaint number."""
        return f"CP-{self.id:05d}"


def _entry(row: dict[str, Any]) -> Complaint:
    hidden = row["client_status"] in ("locked", "erased")
    return Complaint(
        id=int(row["id"]),
        client_id=row["client_id"],
        person_id=row["person_id"],
        received_on=str(row["received_on"]),
        channel=str(row["channel"]),
        category=ComplaintCategory(row["category"]),
        summary=str(row["summary"]),
        handler_id=row["handler_id"],
        status=str(row["status"]),
        resolution=str(row["resolution"]),
        feedback_given=bool(row["feedback_given"]),
        resolved_on=str(row["resolved_on"] or ""),
        created_by=int(row["created_by"]),
        client_name="" if hidden else str(row["client_name"] or ""),
        person_name="" if hidden else str(row["person_name"] or ""),
    )


class ComplaintService(RegisterService):
    """Keeps the complaints register for the acting session."""

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today
        self.repo = ComplaintRepository(vault.db)
        self.clients = ClientRepository(vault.db)

    def _visible(self) -> tuple[str, list[Any]]:
        uid = self.vault.session.user_id
        not_sealed = "(k.client_id IS NULL OR c.status != 'locked')"
        if self.role is Role.PARTNER:
            return "", []
        if self.role is Role.PRIVACY_OFFICER:
            return not_sealed, []
        if self.role is Role.ACCOUNTANT:
            marks = ",".join("?" for _ in VISIBLE_STATUSES)
            return (
                f"(k.handler_id = ? AND {not_sealed}) OR (c.status IN ({marks}) AND k.client_id IN"
                " (SELECT client_id FROM client_accountants WHERE user_id = ?))",
                [uid, *VISIBLE_STATUSES, uid],
            )
        return f"k.created_by = ? AND {not_sealed}", [uid]

    def entries(self, *, open_only: bool = True, limit: int = 500) -> list[Complaint]:
        """The complaints the acting role may see, open ones first."""
        self.vault.require(Capability.REGISTERS, "register:complaints")
        where, params = self._visible()
        parts = [f"({where})"] if where else []
        if open_only:
            parts.append("k.status = 'open'")
        return [_entry(r) for r in self.repo.rows(" AND ".join(parts), params, limit)]

    def get(self, complaint_id: int) -> Complaint:
        """One complaint the acting role may see (NotFound otherwise)."""
        self.vault.require(Capability.REGISTERS, f"complaint:{complaint_id}")
        where, params = self._visible()
        parts = [f"({where})"] if where else []
        rows = self.repo.rows(" AND ".join([*parts, "k.id = ?"]), [*params, complaint_id])
        if not rows:
            raise NotFound("complaint", complaint_id)
        return _entry(rows[0])

    def record(
        self,
        category: ComplaintCategory,
        summary: str,
        *,
        channel: str = "phone",
        client_id: int | None = None,
        person_id: int | None = None,
        received_on: date | None = None,
    ) -> Complaint:
        """Log a complaint (every role with the register; an accountant about own clients only).

        Raises:
            NotFound: the client or person is not in the vault, or not visible to the role.
            ValidationError: no summary, unknown channel, a date in the future.
        """
        self.vault.require(Capability.REGISTERS, "register:complaints")
        category = ComplaintCategory(category)
        errors: dict[str, str] = {}
        if channel not in CHANNELS:
            errors["channel"] = "unknown"
        received = received_on or self.today()
        if received > self.today():
            errors["received_on"] = "future"
        try:
            text = free_text("summary", summary, MAX_SUMMARY, required=True, multiline=True)
        except ValidationError as exc:
            errors.update(exc.errors)
        if errors:
            raise ValidationError(errors)
        if client_id is not None:
            register_client(self.vault, self.clients, client_id)
        if person_id is not None:
            person = self.clients.get_person(person_id)
            if person is None or client_id is None or int(person["client_id"]) != client_id:
                raise NotFound("person", person_id)
        with self.vault.db.transaction():
            cid = self.repo.insert(
                {
                    "client_id": client_id,
                    "person_id": person_id,
                    "received_on": received.isoformat(),
                    "channel": channel,
                    "category": category.value,
                    "summary": text,
                    "created_by": self.vault.session.user_id,
                }
            )
            self.vault.record("complaint.record", f"complaint:{cid}", reason=f"category={category.value}")
        return self.get(cid)

    def _manage(self, complaint_id: int) -> Complaint:
        self._require_manager(f"complaint:{complaint_id}")
        entry = self.get(complaint_id)
        if entry.status != "open":
            raise InvalidState("complaint_closed")
        return entry

    def assign(self, complaint_id: int, handler_id: int) -> Complaint:
        """Name the member of staff who handles the complaint (partner, privacy officer)."""
        self._manage(complaint_id)
        user = UserRepository(self.vault.db).get(handler_id)
        if user is None:
            raise NotFound("user", handler_id)
        with self.vault.db.transaction():
            self.repo.update(complaint_id, {"handler_id": handler_id})
            self.vault.record("complaint.assign", f"complaint:{complaint_id}", reason=f"user:{handler_id}")
        return self.get(complaint_id)

    def resolve(self, complaint_id: int, resolution: str, *, feedback_given: bool) -> Complaint:
        """Close a complaint with its resolution and whether the complainant was told (GB/T 35273 §8.8)."""
        self._manage(complaint_id)
        text = free_text("resolution", resolution, MAX_SUMMARY, required=True, multiline=True)
        with self.vault.db.transaction():
            self.repo.update(
                complaint_id,
                {
                    "status": "resolved",
                    "resolution": text,
                    "feedback_given": int(feedback_given),
                    "resolved_on": self.today().isoformat(),
                    "handler_id": self.get(complaint_id).handler_id or self.vault.session.user_id,
                },
            )
            self.vault.record(
                "complaint.resolve", f"complaint:{complaint_id}", reason=f"feedback={int(feedback_given)}"
            )
        return self.get(complaint_id)

    def counts(self, start: date, end: date) -> dict[tuple[str, str], int]:
        """(category, "YYYY-MM") -> complaints received between two dates (inclusive), as the role may see."""
        self.vault.require(Capability.REGISTERS, "register:complaints")
        where, params = self._visible()
        sql = (
            "SELECT k.category, substr(k.received_on, 1, 7), count(*) FROM complaints k"
            " LEFT JOIN clients c ON c.id = k.client_id WHERE k.received_on BETWEEN ? AND ?"
            f"{' AND (' + where + ')' if where else ''} GROUP BY 1, 2"
        )
        rows = self.vault.db.all(sql, [start.isoformat(), end.isoformat(), *params])
        return {(str(k), str(m)): int(n) for k, m, n in rows}
