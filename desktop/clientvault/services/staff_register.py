"""The staff register: confidentiality agreements, training and refreshers, and the reveal clearance.

Every member of staff signs a confidentiality agreement (or a written commitment) before they
may reveal sensitive items (GB/T 35273 §11.3, PIPL Art 51(4)); the register keeps the signed
date, the end date if any, and the signed copy as a scan inside the encrypted database. Training
sessions record the date, topic, trainer and who attended; each person's refresher falls due
a set number of months (setting ``staff.refresher_months``, default 12) after the last session
they attended, or :data:`FIRST_TRAINING_DAYS` after their account was made if they have none.

Roles: the partner and the privacy officer manage the register; every other member of staff sees
their own entries. A partner signs on the firm's behalf and is not held by the reveal clearance;
every other role that may reveal is (:func:`reveal_clearance`). Only the partner may let one
person reveal without an agreement, with a reason and for at most :data:`MAX_OVERRIDE_DAYS`
days, audited and kept in the register.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from clientvault.core.errors import AccessDenied, InvalidState, NotFound, ValidationError
from clientvault.core.roles import Capability, Role
from clientvault.core.validation import free_text
from clientvault.services.clearance import reveal_clearance
from clientvault.services.context import Vault
from clientvault.services.locking import check_reason
from clientvault.services.registers import RegisterService
from clientvault.storage.staff import StaffRepository
from clientvault.storage.users import SettingsRepository, UserRepository, UserRow

AGREEMENT_KINDS = ("agreement", "commitment")
"""A confidentiality agreement (保密协议) or a signed confidentiality commitment (保密承诺书)."""

REFRESHER_KEY = "staff.refresher_months"
DEFAULT_REFRESHER_MONTHS = 12
MAX_REFRESHER_MONTHS = 60
#: Someone who never attended a session is due this many days after their account was made.
FIRST_TRAINING_DAYS = 30
#: An agreement ending within this many days is shown as expiring.
EXPIRING_DAYS = 30
#: The longest a partner's override may last.
MAX_OVERRIDE_DAYS = 30
MAX_TOPIC = 200
MAX_NOTE = 500


@dataclass(frozen=True)
class Agreement:
    """One signed agreement or commitment."""

    id: int
    user_id: int
    kind: str
    signed_on: str
    valid_until: str  # "" when it has no end date
    note: str
    has_scan: bool
    scan_mime: str


@dataclass(frozen=True)
class TrainingSession:
    """One training session and who attended."""

    id: int
    held_on: str
    topic: str
    trainer: str
    attendees: tuple[int, ...]


@dataclass(frozen=True)
class RevealOverride:
    """The partner's permission for one person to reveal before an agreement is on file."""

    id: int
    user_id: int
    reason: str
    expires_on: str
    granted_by: int
    revoked: bool


@dataclass(frozen=True)
class StaffStanding:
    """One member of staff's line in the register."""

    user_id: int
    username: str
    display_name: str
    role: Role
    active: bool
    agreement: str  # "valid" | "expiring" | "expired" | "missing"
    agreement_until: str  # the latest end date ("" open-ended or none)
    agreement_required: bool  # False for a partner
    last_training: str  # "" never
    refresher_due: str
    override_until: str  # "" when no override is in force

    @property
    def agreement_overdue(self) -> bool:
        """A required agreement is missing or has ended."""
        return self.active and self.agreement_required and self.agreement in ("missing", "expired")


def _months_after(day: date, months: int) -> date:
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


class StaffRegisterService(RegisterService):
    """Keeps the staff register for the acting session."""

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today
        self.repo = StaffRepository(vault.db)
        self.users = UserRepository(vault.db)
        self.settings = SettingsRepository(vault.db)

    # -- settings --------------------------------------------------------------------------------

    def refresher_months(self) -> int:
        """Months between training refreshers."""
        try:
            return int(self.settings.get(REFRESHER_KEY, str(DEFAULT_REFRESHER_MONTHS)))
        except ValueError:
            return DEFAULT_REFRESHER_MONTHS

    def set_refresher_months(self, months: int) -> None:
        """Change the refresher interval (partner, privacy officer)."""
        self._require_manager("setting:staff_refresher")
        if not 1 <= months <= MAX_REFRESHER_MONTHS:
            raise ValidationError({"refresher_months": "range"})
        with self.vault.db.transaction():
            self.settings.set(REFRESHER_KEY, str(months))
            self.vault.record("settings.staff_refresher", reason=f"months={months}")

    # -- reading ---------------------------------------------------------------------------------

    def _seen_user(self, user_id: int) -> UserRow:
        """A user the acting role may see in the register (NotFound otherwise)."""
        self.vault.require(Capability.REGISTERS, f"user:{user_id}")
        user = self.users.get(user_id)
        if user is None or (not self.can_manage() and user_id != self.vault.session.user_id):
            raise NotFound("user", user_id)
        return user

    def standings(self, *, include_disabled: bool = False) -> list[StaffStanding]:
        """One line per member of staff (managers: everyone; others: themselves)."""
        self.vault.require(Capability.REGISTERS, "register:staff")
        users = self.users.list(include_disabled=include_disabled)
        if not self.can_manage():
            users = [u for u in users if u.id == self.vault.session.user_id]
        today = self.today()
        day = today.isoformat()
        trained = self.repo.last_training()
        months = self.refresher_months()
        out = []
        for u in users:
            holds, last = self.repo.latest_valid_until(u.id, day)
            if holds:
                soon = last and last <= (today + timedelta(days=EXPIRING_DAYS)).isoformat()
                latest_open = any(a["valid_until"] is None for a in self.repo.agreements(u.id) if a["signed_on"] <= day)
                state = "expiring" if soon and not latest_open else "valid"
                if latest_open:
                    last = ""
            else:
                state = "expired" if last else "missing"
            seen = trained.get(u.id, "")
            if seen:
                due = _months_after(date.fromisoformat(seen), months)
            else:
                due = date.fromisoformat(u.created_at[:10]) + timedelta(days=FIRST_TRAINING_DAYS)
            override = self.repo.active_override(u.id, day)
            out.append(
                StaffStanding(
                    user_id=u.id,
                    username=u.username,
                    display_name=u.display_name,
                    role=u.role,
                    active=u.active,
                    agreement=state,
                    agreement_until=last,
                    agreement_required=u.role is not Role.PARTNER,
                    last_training=seen,
                    refresher_due=due.isoformat(),
                    override_until=str(override["expires_on"]) if override else "",
                )
            )
        return out

    def overdue_counts(self) -> tuple[int, int]:
        """(active staff whose required agreement is missing or ended, active staff overdue for training)."""
        today = self.today().isoformat()
        lines = [s for s in self.standings() if s.active]
        return sum(s.agreement_overdue for s in lines), sum(s.refresher_due < today for s in lines)

    def agreements(self, user_id: int) -> list[Agreement]:
        """One person's agreements, newest first."""
        self._seen_user(user_id)
        return [
            Agreement(
                id=int(a["id"]),
                user_id=int(a["user_id"]),
                kind=str(a["kind"]),
                signed_on=str(a["signed_on"]),
                valid_until=str(a["valid_until"] or ""),
                note=str(a["note"]),
                has_scan=a["scan_mime"] is not None,
                scan_mime=str(a["scan_mime"] or ""),
            )
            for a in self.repo.agreements(user_id)
        ]

    def agreement_scan(self, agreement_id: int) -> tuple[str, bytes]:
        """(mime, bytes) of a signed copy (managers, or the person it binds); viewing is audited."""
        self.vault.require(Capability.REGISTERS, f"agreement:{agreement_id}")
        found = self.repo.agreement_scan(agreement_id)
        if found is None:
            raise NotFound("agreement_scan", agreement_id)
        user_id, mime, data = found
        if not self.can_manage() and user_id != self.vault.session.user_id:
            raise NotFound("agreement_scan", agreement_id)
        with self.vault.db.transaction():
            self.vault.record("staff.agreement_scan_view", f"user:{user_id}/agreement:{agreement_id}")
        return mime, data

    def sessions(self) -> list[TrainingSession]:
        """Training sessions (managers: all; others: the ones they attended), newest first."""
        self.vault.require(Capability.REGISTERS, "register:staff")
        mine = None if self.can_manage() else self.vault.session.user_id
        return [
            TrainingSession(s["id"], s["held_on"], s["topic"], s["trainer"], tuple(s["attendees"]))
            for s in self.repo.sessions(mine)
        ]

    def overrides(self, user_id: int | None = None) -> list[RevealOverride]:
        """Overrides granted (managers: anyone's; others: their own)."""
        self.vault.require(Capability.REGISTERS, "register:staff")
        if not self.can_manage():
            user_id = self.vault.session.user_id
        return [_override(o) for o in self.repo.overrides(user_id)]

    def member_id(self, username: str) -> int:
        """The id of the member of staff with this user name (NotFound otherwise, or when not visible)."""
        self.vault.require(Capability.REGISTERS, "register:staff")
        user = self.users.by_username(username)
        if user is None or (not self.can_manage() and user.id != self.vault.session.user_id):
            raise NotFound("user", "?")
        return user.id

    # -- recording -------------------------------------------------------------------------------

    def _active_user(self, user_id: int) -> UserRow:
        user = self.users.get(user_id)
        if user is None:
            raise NotFound("user", user_id)
        if not user.active:
            raise InvalidState("user_disabled")
        return user

    def record_agreement(
        self,
        user_id: int,
        signed_on: date,
        *,
        kind: str = "agreement",
        valid_until: date | None = None,
        scan: bytes | None = None,
        note: str = "",
    ) -> Agreement:
        """Record a signed agreement or commitment (partner, privacy officer).

        Raises:
            NotFound: no such user. InvalidState ``user_disabled``: the account is disabled.
            ValidationError: unknown kind, signed in the future, an end not after the signature,
                a scan that is empty, too large or neither PDF nor image, a note too long.
        """
        self._require_manager(f"user:{user_id}")
        self._active_user(user_id)
        errors: dict[str, str] = {}
        if kind not in AGREEMENT_KINDS:
            errors["kind"] = "unknown"
        if signed_on > self.today():
            errors["signed_on"] = "future"
        if valid_until is not None and valid_until <= signed_on:
            errors["valid_until"] = "before_start"
        stored = None
        if scan is not None:
            # Here, not at the top: the command line and the login window import this module and
            # must not wait for the consent code's PDF library.
            from clientvault.services.consent import sniff_scan

            try:
                stored = (sniff_scan(scan), len(scan), hashlib.sha256(scan).hexdigest(), scan)
            except ValidationError as exc:
                errors.update(exc.errors)
        try:
            text = free_text("note", note, MAX_NOTE)
        except ValidationError as exc:
            errors.update(exc.errors)
        if errors:
            raise ValidationError(errors)
        values: dict[str, Any] = {
            "user_id": user_id,
            "kind": kind,
            "signed_on": signed_on.isoformat(),
            "valid_until": valid_until.isoformat() if valid_until else None,
            "note": text,
            "recorded_by": self.vault.session.user_id,
        }
        with self.vault.db.transaction():
            aid = self.repo.insert_agreement(values, stored)
            self.vault.record(
                "staff.agreement",
                f"user:{user_id}/agreement:{aid}",
                reason=f"kind={kind};until={values['valid_until'] or '-'};scan={int(stored is not None)}",
            )
        return next(a for a in self.agreements(user_id) if a.id == aid)

    def record_training(self, held_on: date, topic: str, trainer: str, attendees: list[int]) -> TrainingSession:
        """Record a training session and who attended (partner, privacy officer).

        Raises:
            ValidationError: no topic or trainer, a date in the future, nobody attending.
            NotFound: an attendee who is not a user.
        """
        self._require_manager("register:staff")
        errors: dict[str, str] = {}
        if held_on > self.today():
            errors["held_on"] = "future"
        texts = {}
        for field, value in (("topic", topic), ("trainer", trainer)):
            try:
                texts[field] = free_text(field, value, MAX_TOPIC, required=True)
            except ValidationError as exc:
                errors.update(exc.errors)
        if not attendees:
            errors["attendees"] = "required"
        if errors:
            raise ValidationError(errors)
        for uid in attendees:
            if self.users.get(uid) is None:
                raise NotFound("user", uid)
        with self.vault.db.transaction():
            sid = self.repo.insert_session(
                held_on.isoformat(), texts["topic"], texts["trainer"], self.vault.session.user_id
            )
            self.repo.add_attendance(sid, sorted(set(attendees)))
            self.vault.record("staff.training", f"training:{sid}", reason=f"attendees={len(set(attendees))}")
        return next(s for s in self.sessions() if s.id == sid)

    def add_attendance(self, session_id: int, user_ids: list[int]) -> TrainingSession:
        """Add attendees to a recorded session (partner, privacy officer)."""
        self._require_manager(f"training:{session_id}")
        if not self.repo.session_exists(session_id):
            raise NotFound("training", session_id)
        if not user_ids:
            raise ValidationError({"attendees": "required"})
        for uid in user_ids:
            if self.users.get(uid) is None:
                raise NotFound("user", uid)
        with self.vault.db.transaction():
            self.repo.add_attendance(session_id, sorted(set(user_ids)))
            self.vault.record("staff.attendance", f"training:{session_id}", reason=f"attendees={len(set(user_ids))}")
        return next(s for s in self.sessions() if s.id == session_id)

    # -- overrides -------------------------------------------------------------------------------

    def grant_override(self, user_id: int, reason: str, until: date) -> RevealOverride:
        """Let one person reveal before their agreement is on file, until ``until`` (partner only).

        Raises:
            AccessDenied: not the partner (audited).
            InvalidState ``override_not_needed``: a partner, or an agreement already holds.
            ValidationError: no reason; ``until`` in the past or more than 30 days ahead.
        """
        obj = f"user:{user_id}"
        self.vault.require(Capability.REGISTERS, obj)
        if self.role is not Role.PARTNER:
            self.vault.deny(Capability.MANAGE_USERS, obj)
        user = self._active_user(user_id)
        text = check_reason(reason)
        today = self.today()
        if not today <= until <= today + timedelta(days=MAX_OVERRIDE_DAYS):
            raise ValidationError({"until": "range"})
        holds, _last = self.repo.latest_valid_until(user_id, today.isoformat())
        if user.role is Role.PARTNER or holds:
            raise InvalidState("override_not_needed")
        with self.vault.db.transaction():
            oid = self.repo.insert_override(user_id, text, until.isoformat(), self.vault.session.user_id)
            self.vault.record("staff.reveal_override", f"{obj}/override:{oid}", reason=f"until={until};{text}")
        return next(o for o in self.overrides(user_id) if o.id == oid)

    def revoke_override(self, override_id: int) -> None:
        """End an override at once (partner only)."""
        obj = f"override:{override_id}"
        self.vault.require(Capability.REGISTERS, obj)
        if self.role is not Role.PARTNER:
            self.vault.deny(Capability.MANAGE_USERS, obj)
        with self.vault.db.transaction():
            if not self.repo.revoke_override(override_id, self.vault.session.user_id):
                raise NotFound("override", override_id)
            self.vault.record("staff.reveal_override_revoke", obj)


def _override(o: dict[str, Any]) -> RevealOverride:
    return RevealOverride(
        id=int(o["id"]),
        user_id=int(o["user_id"]),
        reason=str(o["reason"]),
        expires_on=str(o["expires_on"]),
        granted_by=int(o["granted_by"]),
        revoked=o["revoked_at"] is not None,
    )


__all__ = [
    "AccessDenied",
    "Agreement",
    "RevealOverride",
    "StaffRegisterService",
    "StaffStanding",
    "TrainingSession",
    "reveal_clearance",
]
