"""Incidents and breaches register (PIPL Arts 51(5), 57; GB/T 35273 §10), drills included.

Affected clients and persons are chosen from the vault; the data categories are codes. The
containment checklist comes from the firm's response plan (setting ``incidents.response_plan``, a
JSON list of steps; editable by the partner and the privacy officer). The decision whether to
notify is recorded with its reason; notification letters to an affected person and to the
authority are rendered as PDFs (Chinese by default) and filed in the export register when saved.

Roles (``Capability.REGISTERS``): partner and privacy officer manage; an accountant sees the
incidents that name one of their clients; an assistant reports an incident (intake) and sees what
they reported. A sealed client named in an incident is shown to the partner only; an erased client
stays on the incident as "erased" (its data is gone: no letter to it can be written).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from clientvault.core.errors import InvalidState, NotFound, ValidationError
from clientvault.core.records import DataCategory
from clientvault.core.roles import Capability, Role
from clientvault.core.validation import free_text
from clientvault.documents.incident_letters import LetterData, render_authority_letter, render_person_letter
from clientvault.services.context import Vault
from clientvault.services.exports import ExportEntry, ExportKind, ExportService
from clientvault.services.registers import RegisterService
from clientvault.storage.audit import now_iso
from clientvault.storage.clients import VISIBLE_STATUSES, ClientRepository
from clientvault.storage.users import SettingsRepository

PLAN_KEY = "incidents.response_plan"
MAX_TEXT = 2000
DEFAULT_PLAN = (
    "隔离受影响的设备或账户（断网、停用账号、修改口令）",
    "保全证据（日志、截图、审计日志导出）",
    "评估涉及的客户、个人和信息种类",
    "评估可能造成的危害",
    "决定是否通知个人和主管部门并记录理由",
    "采取补救措施并确认有效",
    "总结经验教训，更新应急预案",
)


class IncidentKind(StrEnum):
    """A security incident, a personal-data breach, or a drill."""

    INCIDENT = "incident"
    BREACH = "breach"
    DRILL = "drill"


@dataclass(frozen=True)
class Affected:
    """A client (and optionally one of its persons) named in an incident."""

    client_id: int
    person_id: int | None
    client_name: str  # "" when sealed (for this role) or erased
    person_name: str
    client_status: str

    @property
    def erased(self) -> bool:
        """Whether the client has been erased since (its data is gone)."""
        return self.client_status == "erased"


@dataclass(frozen=True)
class Incident:
    """One entry of the incidents register."""

    id: int
    kind: IncidentKind
    discovered_on: str
    summary: str
    categories: tuple[str, ...]
    causes: str
    harm: str
    remedies: str
    advice: str
    containment: tuple[tuple[str, bool], ...]
    notify: str  # "", "notify", "no_notify"
    notify_reason: str
    status: str
    lessons: str
    created_by: int
    affected: tuple[Affected, ...] = ()

    @property
    def number(self) -> str:
        """The printed incident number."""
        return f"IN-{self.id:05d}"


_COLS = (
    "id",
    "kind",
    "discovered_on",
    "summary",
    "categories",
    "causes",
    "harm",
    "remedies",
    "advice",
    "containment",
    "notify",
    "notify_reason",
    "status",
    "lessons",
    "created_by",
)


class IncidentService(RegisterService):
    """Keeps the incidents register for the acting session."""

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today
        self.clients = ClientRepository(vault.db)
        self.settings = SettingsRepository(vault.db)

    # -- response plan -------------------------------------------------------------------------

    def response_plan(self) -> list[str]:
        """The firm's containment checklist."""
        text = self.settings.get(PLAN_KEY, "")
        return list(json.loads(text)) if text else list(DEFAULT_PLAN)

    def set_response_plan(self, steps: Sequence[str]) -> None:
        """Replace the checklist (partner, privacy officer); ValidationError when empty."""
        self._require_manager("setting:response_plan")
        clean = [free_text("step", s, 200, required=True) for s in steps if s.strip()]
        if not clean:
            raise ValidationError({"step": "required"})
        with self.vault.db.transaction():
            self.settings.set(PLAN_KEY, json.dumps(clean, ensure_ascii=False))
            self.vault.record("settings.response_plan", reason=f"steps={len(clean)}")

    # -- reading -------------------------------------------------------------------------------

    def _visible_ids(self) -> tuple[str, list[Any]]:
        uid = self.vault.session.user_id
        if self.can_manage():
            return "", []
        if self.role is Role.ACCOUNTANT:
            marks = ",".join("?" for _ in VISIBLE_STATUSES)
            return (
                " WHERE i.id IN (SELECT s.incident_id FROM incident_subjects s JOIN clients c ON c.id = s.client_id"
                f" WHERE c.status IN ({marks}) AND s.client_id IN"
                " (SELECT client_id FROM client_accountants WHERE user_id = ?))",
                [*VISIBLE_STATUSES, uid],
            )
        return " WHERE i.created_by = ?", [uid]

    def entries(self, *, open_only: bool = True) -> list[Incident]:
        """The incidents the acting role may see, newest first."""
        self.vault.require(Capability.REGISTERS, "register:incidents")
        where, params = self._visible_ids()
        if open_only:
            where = (where + " AND " if where else " WHERE ") + "i.status = 'open'"
        rows = self.vault.db.all(
            f"SELECT {', '.join('i.' + c for c in _COLS)} FROM incidents i{where} ORDER BY i.id DESC", params
        )
        return [self._entry(dict(zip(_COLS, r, strict=True))) for r in rows]

    def get(self, incident_id: int) -> Incident:
        """One incident the acting role may see (NotFound otherwise)."""
        for entry in self.entries(open_only=False):
            if entry.id == incident_id:
                return entry
        raise NotFound("incident", incident_id)

    def _entry(self, row: dict[str, Any]) -> Incident:
        subjects = self.vault.db.all(
            "SELECT s.client_id, s.person_id, c.name, c.status, p.name FROM incident_subjects s"
            " JOIN clients c ON c.id = s.client_id LEFT JOIN persons p ON p.id = s.person_id"
            " WHERE s.incident_id = ? ORDER BY s.client_id, s.person_id",
            (row["id"],),
        )
        affected = []
        for cid, pid, cname, status, pname in subjects:
            if status == "locked" and self.role is not Role.PARTNER:
                continue  # a sealed record: the partner only
            hidden = status in ("locked", "erased")
            affected.append(
                Affected(int(cid), pid, "" if hidden else str(cname), "" if hidden else str(pname or ""), str(status))
            )
        return Incident(
            id=int(row["id"]),
            kind=IncidentKind(row["kind"]),
            discovered_on=str(row["discovered_on"]),
            summary=str(row["summary"]),
            categories=tuple(c for c in str(row["categories"]).split(",") if c),
            causes=str(row["causes"]),
            harm=str(row["harm"]),
            remedies=str(row["remedies"]),
            advice=str(row["advice"]),
            containment=tuple((str(s["step"]), bool(s["done"])) for s in json.loads(row["containment"])),
            notify=str(row["notify"] or ""),
            notify_reason=str(row["notify_reason"]),
            status=str(row["status"]),
            lessons=str(row["lessons"]),
            created_by=int(row["created_by"]),
            affected=tuple(affected),
        )

    # -- writing -------------------------------------------------------------------------------

    def report(
        self, kind: IncidentKind, summary: str, *, discovered_on: date | None = None, categories: Sequence[str] = ()
    ) -> Incident:
        """Report an incident (every role with the register); the checklist is the firm's plan."""
        self.vault.require(Capability.REGISTERS, "register:incidents")
        kind = IncidentKind(kind)
        text = free_text("summary", summary, MAX_TEXT, required=True, multiline=True)
        found = discovered_on or self.today()
        if found > self.today():
            raise ValidationError({"discovered_on": "future"})
        cats = self._categories(categories)
        plan = [{"step": s, "done": False} for s in self.response_plan()]
        with self.vault.db.transaction():
            cur = self.vault.db.execute(
                "INSERT INTO incidents (kind, discovered_on, summary, categories, containment, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (kind.value, found.isoformat(), text, ",".join(cats), json.dumps(plan, ensure_ascii=False),
                 self.vault.session.user_id, now_iso()),
            )  # fmt: skip
            iid = int(cur.lastrowid)
            self.vault.record("incident.report", f"incident:{iid}", reason=f"kind={kind.value}")
        return self.get(iid)

    @staticmethod
    def _categories(categories: Sequence[str]) -> list[str]:
        try:
            return sorted({DataCategory(c).value for c in categories})
        except ValueError:
            raise ValidationError({"categories": "unknown"}) from None

    def add_affected(self, incident_id: int, client_id: int, person_id: int | None = None) -> Incident:
        """Name an affected client (and person) from the vault.

        Raises:
            NotFound: no such client or person (or the person is not the client's).
            InvalidState: ``client_erased`` — the client was erased, nothing of it is left to notify.
        """
        self._require_manager(f"incident:{incident_id}")
        entry = self.get(incident_id)
        client = self.clients.get_client(client_id)
        if client is None or (client["status"] == "locked" and self.role is not Role.PARTNER):
            raise NotFound("client", client_id)
        if client["status"] == "erased":
            raise InvalidState("client_erased")
        if person_id is not None:
            person = self.clients.get_person(person_id)
            if person is None or int(person["client_id"]) != client_id:
                raise NotFound("person", person_id)
        if any(a.client_id == client_id and a.person_id == person_id for a in entry.affected):
            return entry
        with self.vault.db.transaction():
            self.vault.db.execute(
                "INSERT INTO incident_subjects (incident_id, client_id, person_id) VALUES (?, ?, ?)",
                (incident_id, client_id, person_id),
            )
            self.vault.record("incident.affected", f"incident:{incident_id}", reason=f"client:{client_id}")
        return self.get(incident_id)

    def update(self, incident_id: int, **fields: Any) -> Incident:
        """Change the assessment: ``categories``, ``causes``, ``harm``, ``remedies``, ``advice``, ``lessons``,
        ``containment`` (list of (step, done)) — partner, privacy officer, while open."""
        self._require_manager(f"incident:{incident_id}")
        if self.get(incident_id).status != "open":
            raise InvalidState("incident_closed")
        values: dict[str, Any] = {}
        for key, value in fields.items():
            if key == "categories":
                values[key] = ",".join(self._categories(value))
            elif key == "containment":
                values[key] = json.dumps([{"step": str(s), "done": bool(d)} for s, d in value], ensure_ascii=False)
            elif key in ("causes", "harm", "remedies", "advice", "lessons"):
                values[key] = free_text(key, value, MAX_TEXT, multiline=True)
            else:
                raise ValidationError({key: "unknown"})
        with self.vault.db.transaction():
            self.vault.db.execute(
                f"UPDATE incidents SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                [*values.values(), incident_id],
            )
            self.vault.record("incident.update", f"incident:{incident_id}", reason=",".join(sorted(values)))
        return self.get(incident_id)

    def decide(self, incident_id: int, notify: bool, reason: str) -> Incident:
        """Record whether affected persons and the authority are notified, and why (reason required)."""
        self._require_manager(f"incident:{incident_id}")
        why = free_text("reason", reason, MAX_TEXT, required=True, multiline=True)
        with self.vault.db.transaction():
            self.vault.db.execute(
                "UPDATE incidents SET notify = ?, notify_reason = ? WHERE id = ?",
                ("notify" if notify else "no_notify", why, incident_id),
            )
            self.vault.record("incident.decide", f"incident:{incident_id}", reason="notify" if notify else "no_notify")
        return self.get(incident_id)

    def close(self, incident_id: int, lessons: str) -> Incident:
        """Close with the lessons learnt; needs a notification decision first (drills excepted)."""
        entry = self.get(incident_id)
        self._require_manager(f"incident:{incident_id}")
        if entry.kind is not IncidentKind.DRILL and not entry.notify:
            raise InvalidState("incident_needs_decision")
        text = free_text("lessons", lessons, MAX_TEXT, required=True, multiline=True)
        with self.vault.db.transaction():
            self.vault.db.execute(
                "UPDATE incidents SET status = 'closed', lessons = ?, closed_on = ? WHERE id = ?",
                (text, self.today().isoformat(), incident_id),
            )
            self.vault.record("incident.close", f"incident:{incident_id}")
        return self.get(incident_id)

    # -- letters -------------------------------------------------------------------------------

    def _letter(self, entry: Incident) -> LetterData:
        return LetterData(
            firm_name=self.vault.firm_name,
            number=entry.number,
            date=self.today().isoformat(),
            discovered_on=entry.discovered_on,
            what=entry.summary,
            categories=entry.categories,
            causes=entry.causes,
            harm=entry.harm,
            remedies=entry.remedies,
            advice=entry.advice,
            contact="",
            affected_count=len({(a.client_id, a.person_id) for a in entry.affected}),
        )

    def person_letter(self, incident_id: int, client_id: int, person_id: int | None, lang: str = "zh") -> bytes:
        """The notification to one affected person (PIPL Art 57) as PDF bytes.

        Raises:
            InvalidState: ``incident_not_notified`` (no decision to notify), ``client_erased``.
            NotFound: the person is not named in the incident.
        """
        self._require_manager(f"incident:{incident_id}")
        entry = self.get(incident_id)
        if entry.notify != "notify":
            raise InvalidState("incident_not_notified")
        if any(a.client_id == client_id and a.erased for a in entry.affected):
            raise InvalidState("client_erased")  # its persons are gone with it (person ids set to NULL)
        match = [a for a in entry.affected if a.client_id == client_id and a.person_id == person_id]
        if not match:
            raise NotFound("person", person_id if person_id is not None else client_id)
        addressee = match[0].person_name or match[0].client_name
        data = self._letter(entry)
        return render_person_letter(data, addressee, lang=lang)

    def authority_letter(self, incident_id: int, lang: str = "zh") -> bytes:
        """The report to the authority (PIPL Art 57) as PDF bytes: counts only, no names."""
        self._require_manager(f"incident:{incident_id}")
        entry = self.get(incident_id)
        if entry.notify != "notify":
            raise InvalidState("incident_not_notified")
        return render_authority_letter(self._letter(entry), lang=lang)

    def save_letter(self, data: bytes, path: Path, incident_id: int, client_ids: Sequence[int] = ()) -> ExportEntry:
        """File a rendered letter in the export register."""
        self._require_manager(f"incident:{incident_id}")
        return ExportService(self.vault, today=self.today).save(
            data, path, kind=ExportKind.LETTER, purpose=f"incident:IN-{incident_id:05d}", client_ids=client_ids,
            row_count=1,
        )  # fmt: skip

    def counts(self, start: date, end: date) -> dict[str, int]:
        """Incidents discovered in a period per kind, and how many are still open (for reports)."""
        self.vault.require(Capability.REGISTERS, "register:incidents")
        rows = self.vault.db.all(
            "SELECT kind, status, count(*) FROM incidents WHERE discovered_on BETWEEN ? AND ? GROUP BY 1, 2",
            (start.isoformat(), end.isoformat()),
        )
        out: dict[str, int] = {}
        for kind, status, n in rows:
            out[str(kind)] = out.get(str(kind), 0) + int(n)
            if status == "open":
                out["open"] = out.get("open", 0) + int(n)
        return out
