"""Correcting a returned consent form whose answers were recorded by mistake.

A form is used once, so a wrong tick saved at the desk could only be "burned" (voided and a new
form signed). The partner or the privacy officer may instead correct the recorded answers, with
a typed reason: the consents of that form change from granted to refused or back (a withdrawal
or expiry since the return stays as it is), items that no purpose in force needs any more are
flagged for erasure as after a withdrawal, and the correction is kept (``form_corrections``:
the reason and the ticks before and after, as purpose codes) and audited (the form and the
ticks; never the reason's text).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clientvault.core.errors import InvalidState, NotFound, ValidationError
from clientvault.core.roles import Capability, Role
from clientvault.core.validation import free_text
from clientvault.services.consent import ConsentService, ConsentStatus, FormInfo, TickItem, normalise_form_number
from clientvault.services.context import Vault
from clientvault.storage.audit import now_iso

MAX_REASON = 500
MIN_REASON = 4
_ANSWERED = (ConsentStatus.GRANTED.value, ConsentStatus.REFUSED.value)
CORRECTORS = (Role.PARTNER, Role.PRIVACY_OFFICER)


@dataclass(frozen=True)
class ReturnedForm:
    """A returned form with the answers recorded for it now."""

    info: FormInfo
    client_id: int
    ticked: frozenset[TickItem]  # the boxes recorded as ticked (granted)
    corrections: int  # how many times it was corrected before


def may_correct(role: Role) -> bool:
    """Whether ``role`` may correct a returned form (partner, privacy officer)."""
    return role in CORRECTORS


class FormCorrectionService:
    """Look up a returned form's recorded answers and correct them (partner, privacy officer)."""

    def __init__(self, vault: Vault, consent: ConsentService | None = None) -> None:
        self.vault = vault
        self.consent = consent or ConsentService(vault)

    def _gate(self, obj: str) -> None:
        if not may_correct(self.vault.session.role):
            self.vault.deny(Capability.RECORD_CONSENT, obj)

    def returned(self, form_no: str) -> ReturnedForm:
        """A returned form and the answers recorded for it.

        Raises:
            AccessDenied: not the partner or the privacy officer (audited).
            ValidationError / NotFound: a malformed or unknown number.
            InvalidState: ``form_not_returned`` — the form was not returned (issued or void).
        """
        self._gate("form")
        number = normalise_form_number(form_no)
        form = self.consent.repo.form_by_no(number)
        if form is None:
            raise NotFound("form", number)
        if form["status"] != "returned" or form["client_id"] is None:
            raise InvalidState("form_not_returned")
        client_id = int(form["client_id"])
        self.consent._client(client_id)
        info = self.consent._form_info(form)
        rows = self.consent.repo.consents_for_form(info.id)
        by_id = {p.id: p.code for p in info.purposes}
        granted = {(by_id.get(int(r["purpose_id"])), str(r["scope"])) for r in rows if r["status"] == "granted"}
        ticked = frozenset(t for t in info.ticks if (t.code, t.scope.value) in granted)
        count = int(self.vault.db.scalar("SELECT count(*) FROM form_corrections WHERE form_id = ?", (info.id,)))
        return ReturnedForm(info, client_id, ticked, count)

    def correct(self, form_no: str, ticked: Iterable[TickItem], reason: str) -> ReturnedForm:
        """Record ``ticked`` as the form's answers instead of those saved; the form as it is now.

        Raises:
            AccessDenied: not the partner or the privacy officer (audited).
            ValidationError: ``{"reason": …}`` (required, 4–500 characters), ``{"ticked": "not_on_form"}``,
                ``{"ticked": "unchanged"}``.
            NotFound / InvalidState: see :meth:`returned`.
        """
        current = self.returned(form_no)
        text = free_text("reason", reason, MAX_REASON, required=True, min_len=MIN_REASON)
        chosen = frozenset(ticked)
        if not chosen <= set(current.info.ticks):
            raise ValidationError({"ticked": "not_on_form"})
        if chosen == current.ticked:
            raise ValidationError({"ticked": "unchanged"})
        info, client_id = current.info, current.client_id
        by_code = {p.code: p for p in info.purposes}
        client = self.consent._client(client_id)
        uid = self.vault.session.user_id
        returned_on = str(self.vault.db.scalar("SELECT returned_at FROM consent_forms WHERE id = ?", (info.id,)))[:10]
        refused_now: list[str] = []
        with self.vault.db.transaction():
            rows = {(int(r["purpose_id"]), str(r["scope"])): r for r in self.consent.repo.consents_for_form(info.id)}
            for tick in info.ticks:
                row = rows.get((by_code[tick.code].id, tick.scope.value))
                if row is None or row["status"] not in _ANSWERED:
                    continue  # withdrawn, expired or void since: a correction does not revive it
                now_granted = tick in chosen
                if now_granted == (row["status"] == ConsentStatus.GRANTED.value):
                    continue
                self.consent.repo.update_consent(
                    int(row["id"]),
                    {
                        "status": (ConsentStatus.GRANTED if now_granted else ConsentStatus.REFUSED).value,
                        "granted_on": (row["granted_on"] or returned_on) if now_granted else None,
                        "expires_on": row["expires_on"] if now_granted else None,
                        "recorded_by": uid,
                    },
                )
                if not now_granted:
                    refused_now.append(tick.code)
            for code in dict.fromkeys(refused_now):
                self.consent._flag_unneeded(client, code)
            before = _codes(current.ticked)
            after = _codes(chosen)
            self.vault.db.execute(
                "INSERT INTO form_corrections (form_id, client_id, reason, ticked_before, ticked_after,"
                " corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (info.id, client_id, text, before, after, uid, now_iso()),
            )
            self.vault.record(
                "consent.form_correct", f"client:{client_id}/form:{info.form_no}", reason=f"{before}>{after}"
            )
        return self.returned(form_no)


def _codes(ticks: Iterable[TickItem]) -> str:
    return ",".join(sorted(f"{t.code}.{t.scope.value}" for t in ticks)) or "none"
