"""Consent: forms issued and returned, consents granted and withdrawn, evidence, overview.

Every method checks the acting role (``core.roles``), does its work and writes the audit event
in the same transaction. Audit events name ids, form numbers and purpose codes only.

Lifecycle of one consent (person × purpose version × scope)::

    pending ──(form returned, box ticked)──▶ granted ──▶ withdrawn | expired
       │ └───(form returned, box not ticked)──▶ refused
       └──(form voided)──▶ void

Withdrawal is one call and takes effect at once (PIPL Art 15): the policy stops counting the
consent, and stored items that no remaining purpose needs are flagged for erasure
(:meth:`ConsentService.erasure_candidates`; the erasure workflow consumes the flags).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from clientvault.core.errors import InvalidState, NotFound, ValidationError
from clientvault.core.records import FIELD_CATEGORY, DataCategory
from clientvault.core.roles import Capability, Scope
from clientvault.core.validation import free_text
from clientvault.documents import consent_form as cf
from clientvault.documents.pdf import check_lang
from clientvault.services import notice
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.exports import ExportEntry, ExportKind, ExportService
from clientvault.services.purposes import (
    BASELINE_CATEGORIES,
    NEW_PERSON,
    ActivePurpose,
    ConsentPurposePolicy,
    LawfulBasis,
    Purpose,
    PurposeService,
    purpose_from_row,
)
from clientvault.storage.consent import ConsentRepository, PurposeRepository
from clientvault.storage.users import SettingsRepository

MAX_SCAN_BYTES = 10 * 1024 * 1024
FORM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O/1/I: typed from paper
_FORM_PREFIX = "CF"
_WEIGHTS = (1, 3, 5, 7, 9, 11, 13)  # odd weights: every single-character typo changes the check
EXPIRING_DAYS = 30
NOTICE_KEYS = ("address", "phone", "email", "privacy_contact", "complaint_channel")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)


class ConsentStatus(StrEnum):
    """Where a consent stands."""

    PENDING = "pending"
    GRANTED = "granted"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    VOID = "void"


class ConsentScope(StrEnum):
    """What a consent covers: the purpose, or one of its separate consents (Arts 29, 23)."""

    PURPOSE = "purpose"
    SENSITIVE = "sensitive"
    THIRD_PARTY = "third_party"


class ConsentMethod(StrEnum):
    """How the consent was given."""

    PRINTED_FORM = "printed_form"
    IN_PERSON = "in_person"


@dataclass(frozen=True)
class ConsentView:
    """One consent as the consent tab shows it."""

    id: int
    client_id: int
    person_id: int | None
    purpose_code: str
    purpose_version: int
    scope: ConsentScope
    status: ConsentStatus  # effective: a granted consent past its end date shows as expired
    method: ConsentMethod
    form_no: str
    notice_hash: str
    granted_on: str
    expires_on: str
    withdrawn_on: str
    evidence_id: int | None
    needs_reconsent: bool  # granted for a notice that has changed since


@dataclass(frozen=True)
class TickItem:
    """A box on a form: a purpose code and which consent it records."""

    code: str
    scope: ConsentScope


@dataclass(frozen=True)
class FormInfo:
    """A form looked up by number (for the return dialog)."""

    id: int
    form_no: str
    client_id: int | None
    person_id: int | None
    lang: str
    status: str
    issued_at: str
    purposes: tuple[Purpose, ...]  # the versions printed on it
    ticks: tuple[TickItem, ...]  # the boxes it carries, in print order


@dataclass(frozen=True)
class IssuedForm:
    """A form just issued and rendered (in memory)."""

    form_no: str  # for a batch in one PDF: the numbers joined by ", "
    client_id: int | None
    pdf: bytes
    client_ids: tuple[int, ...] = ()  # every client in the PDF
    pending: tuple[PendingIssue, ...] = ()  # a preview's forms, recorded only when printed or saved


@dataclass(frozen=True)
class PendingIssue:
    """A form rendered for a preview but not recorded: its number and the catalogue it printed."""

    client_id: int | None
    person_id: int | None
    lang: str
    form_no: str
    purpose_ids: tuple[int, ...]


@dataclass(frozen=True)
class PersonConsent:
    """Where one person stands with each purpose that rests on consent (PIPL Art 14: per person).

    ``person_id`` ``None`` is the client itself: consents recorded without a named person. They
    count for the client's own items only, never for a person's.
    """

    person_id: int | None
    name: str
    role: str  # PersonRole value; "" for the client itself
    purposes: dict[str, ConsentStatus | None]  # purpose code -> latest consent's status (None: never asked)
    reconsent: frozenset[str]  # purpose codes granted for a notice that has changed since
    needs_form: bool  # some purpose has neither a current grant nor a refusal of this person


@dataclass(frozen=True)
class ErasureCandidate:
    """A stored item that only withdrawn purposes needed: flagged for the erasure workflow."""

    flag_id: int
    client_id: int
    person_id: int | None
    item: str  # "person:5.id_number" | "item:9.bank_account"
    category: DataCategory
    purposes: tuple[str, ...]
    flagged_at: str


@dataclass(frozen=True)
class WithdrawalResult:
    """What one withdrawal did."""

    consent_ids: tuple[int, ...]
    flagged: tuple[ErasureCandidate, ...]


@dataclass(frozen=True)
class OverviewRow:
    """One client in the privacy officer's overview (counts of consents per state)."""

    client_id: int
    name: str
    status: str
    pending: int
    granted: int
    refused: int
    expiring: int
    expired: int
    withdrawn: int
    reconsent: int
    missing_persons: int = 0  # persons of the client with no consent of their own (Art 14)


#: Buckets of the overview, in display order.
OVERVIEW_BUCKETS = ("missing", "pending", "expiring", "expired", "withdrawn", "reconsent")


@dataclass(frozen=True)
class NoticeDetails:
    """The firm's contact details printed in every notice (Art 17)."""

    address: str = ""
    phone: str = ""
    email: str = ""
    privacy_contact: str = ""
    complaint_channel: str = ""


# --------------------------------------------------------------------------- pure helpers


def _check_char(body: str) -> str:
    total = sum(w * FORM_ALPHABET.index(ch) for w, ch in zip(_WEIGHTS, body, strict=True))
    return FORM_ALPHABET[total % len(FORM_ALPHABET)]


def new_form_number() -> str:
    """Return a fresh random form number such as ``CF-7K3M-Q9PX`` (last character a check)."""
    body = "".join(secrets.choice(FORM_ALPHABET) for _ in _WEIGHTS)
    code = body + _check_char(body)
    return f"{_FORM_PREFIX}-{code[:4]}-{code[4:]}"


def normalise_form_number(text: str) -> str:
    """Normalise a typed or scanned form number to ``CF-XXXX-XXXX``.

    Raises:
        ValidationError: ``{"form_no": "format"}`` for a malformed number, ``"check"`` for a typo.
    """
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    if compact.startswith(_FORM_PREFIX):
        compact = compact[len(_FORM_PREFIX) :]
    if len(compact) != len(_WEIGHTS) + 1 or any(ch not in FORM_ALPHABET for ch in compact):
        raise ValidationError({"form_no": "format"})
    if _check_char(compact[:-1]) != compact[-1]:
        raise ValidationError({"form_no": "check"})
    return f"{_FORM_PREFIX}-{compact[:4]}-{compact[4:]}"


def sniff_scan(data: bytes) -> str:
    """Return the MIME type of a scan by its magic bytes (PDF, PNG, JPEG, TIFF).

    Raises:
        ValidationError: ``{"scan": "empty" | "too_large" | "not_image_or_pdf"}``.
    """
    if not data:
        raise ValidationError({"scan": "empty"})
    if len(data) > MAX_SCAN_BYTES:
        raise ValidationError({"scan": "too_large"})
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    raise ValidationError({"scan": "not_image_or_pdf"})


def tick_items(purposes: Sequence[Purpose]) -> list[TickItem]:
    """The boxes a form with these purpose versions carries (same order as printed)."""
    return [TickItem(code, ConsentScope(scope)) for code, scope in cf.tick_items(form_purposes(purposes, "zh"))]


def form_purposes(purposes: Iterable[Purpose], lang: str) -> tuple[cf.FormPurpose, ...]:
    """The purposes as the document layer prints them, in ``lang``."""
    return tuple(
        cf.FormPurpose(
            code=p.code,
            name=p.name(lang),
            description=p.description(lang),
            lawful_basis=p.lawful_basis.value,
            categories=tuple(c.value for c in DataCategory if c in p.categories),
            retention_years=p.retention_years,
            necessary=p.necessary,
            separate_sensitive=p.separate_sensitive,
            third_party=p.third_party,
            recipients=p.recipients(lang) if p.third_party or p.recipients(lang) else "",
            sensitive_categories=tuple(c.value for c in DataCategory if c in p.sensitive_categories),
        )
        for p in purposes
    )


# --------------------------------------------------------------------------- the service


class ConsentService:
    """Consent forms, consents, withdrawal, evidence, the overview and minimisation answers.

    Args:
        vault: The unlocked vault with the acting session.
        today: Returns the current date (tests pass a fixed one).
    """

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today
        self.policy = ConsentPurposePolicy(today)
        self.clients = ClientService(vault, self.policy)
        self.purposes = PurposeService(vault)
        self.repo = ConsentRepository(vault.db)
        self.purpose_repo = PurposeRepository(vault.db)

    # -- helpers -------------------------------------------------------------------------------

    def _client(self, client_id: int) -> dict[str, Any]:
        """Load a client the role may see, and check the role may record consent."""
        # The client service's visibility gate, so both services agree on who sees which client.
        return self.clients.load_visible(client_id, Capability.RECORD_CONSENT)

    def _form_client(self, client_id: int | None, person_id: int | None, lang: str) -> dict[str, Any] | None:
        """The checks before a form is drafted: the language, the role (and the client it sees, the person
        of that client); the client, or ``None`` for a blank form."""
        check_lang(lang)
        if client_id is None:
            self.vault.require(Capability.RECORD_CONSENT, "form")
            return None
        client = self._client(client_id)
        self._person_of(client_id, person_id)
        return client

    def _person_of(self, client_id: int, person_id: int | None) -> None:
        if person_id is None:
            return
        person = self.clients.repo.get_person(person_id)
        if person is None or int(person["client_id"]) != client_id:
            raise ValidationError({"person": "unknown"})

    def _view(self, row: dict[str, Any], purpose: Purpose, current: Purpose | None, form_no: str) -> ConsentView:
        status = ConsentStatus(row["status"])
        today = self.today().isoformat()
        if status is ConsentStatus.GRANTED and row["expires_on"] and row["expires_on"] < today:
            status = ConsentStatus.EXPIRED
        return ConsentView(
            id=int(row["id"]),
            client_id=int(row["client_id"]),
            person_id=row["person_id"],
            purpose_code=purpose.code,
            purpose_version=purpose.version,
            scope=ConsentScope(row["scope"]),
            status=status,
            method=ConsentMethod(row["method"]),
            form_no=form_no,
            notice_hash=str(row["notice_hash"]),
            granted_on=row["granted_on"] or "",
            expires_on=row["expires_on"] or "",
            withdrawn_on=row["withdrawn_on"] or "",
            evidence_id=row["evidence_id"],
            needs_reconsent=status is ConsentStatus.GRANTED
            and (current is None or current.notice_hash != row["notice_hash"]),
        )

    # -- reading -------------------------------------------------------------------------------

    def consents(self, client_id: int) -> list[ConsentView]:
        """The client's consents, newest first."""
        self._client(client_id)
        return self._consent_views(client_id)

    def _consent_views(self, client_id: int) -> list[ConsentView]:
        """The consents as :meth:`consents` returns them; the caller has checked the role."""
        rows = self.repo.consents_for_client(client_id)
        versions = self.purpose_repo.by_ids(sorted({int(r["purpose_id"]) for r in rows}))
        current = {p.code: p for p in self.purposes.catalogue(include_inactive=True)}
        forms = {int(f["id"]): str(f["form_no"]) for f in self.repo.forms_for_client(client_id)}
        out = []
        for r in rows:
            purpose = purpose_from_row(versions[int(r["purpose_id"])])
            form_no = forms.get(int(r["form_id"]), "") if r["form_id"] is not None else ""
            out.append(self._view(r, purpose, current.get(purpose.code), form_no))
        return out

    def forms(self, client_id: int) -> list[FormInfo]:
        """The forms issued for a client, newest first."""
        self._client(client_id)
        return [self._form_info(f) for f in self.repo.forms_for_client(client_id)]

    def _form_info(self, form: dict[str, Any]) -> FormInfo:
        ids = self.repo.form_purpose_ids(int(form["id"]))
        rows = self.purpose_repo.by_ids(ids)
        purposes = tuple(purpose_from_row(rows[i]) for i in ids)
        return FormInfo(
            id=int(form["id"]),
            form_no=str(form["form_no"]),
            client_id=form["client_id"],
            person_id=form["person_id"],
            lang=str(form["lang"]),
            status=str(form["status"]),
            issued_at=str(form["issued_at"]),
            purposes=purposes,
            ticks=tuple(tick_items(purposes)),
        )

    def allowed_categories(self, client_id: int, person_id: int | None = None) -> frozenset[DataCategory]:
        """The data categories that may be filled in for this client now (minimisation).

        ``person_id``: for that person's own data — only their own consent counts (PIPL Art 14);
        :data:`~clientvault.services.purposes.NEW_PERSON` for a person not stored yet.
        """
        client = self._client(client_id)
        self._person_of(client_id, person_id or None)
        return self.policy.allowed_categories(self.vault, client, person_id)

    def field_reasons(self, client_id: int, lang: str = "zh", person_id: int | None = None) -> dict[str, list[str]]:
        """Why each field is collected: ``{field: [purpose names]}`` (empty list: may not be filled).

        Identity and contact fields that no active purpose names are explained by the baseline
        (needed to conclude the engagement) and list ``[]`` only when no purpose is active at all.
        ``person_id``: the purposes in force for that person's data (their own consents only).
        Without it, the client's own fields list the purposes in force for the client, and the
        ``person.*`` fields those in force for at least one person of the client — by that
        person's own consent or by contract / legal obligation, never by a consent recorded for
        the client (PIPL Art 14).
        """
        client = self._client(client_id)
        self._person_of(client_id, person_id or None)
        active = self.policy.active(self.vault, client, person_id)
        for_persons = active
        if person_id is None:
            merged: dict[str, ActivePurpose] = {}
            for pid in (NEW_PERSON, *(int(p["id"]) for p in self.clients.repo.persons(client_id))):
                for a in self.policy.active(self.vault, client, pid):
                    held = merged.get(a.purpose.code)
                    merged[a.purpose.code] = (
                        a if held is None else replace(held, categories=held.categories | a.categories)
                    )
            order = {p.code: i for i, p in enumerate(self.purposes.catalogue(include_inactive=True))}
            for_persons = sorted(merged.values(), key=lambda a: order.get(a.purpose.code, len(order)))
        out: dict[str, list[str]] = {}
        for name, category in FIELD_CATEGORY.items():
            source = for_persons if name.startswith("person.") else active
            out[name] = [a.purpose.name(lang) for a in source if category in a.categories]
        return out

    def person_consents(self, client_id: int) -> list[PersonConsent]:
        """Per person of the client: which consent purposes they granted, refused or still owe.

        One row per person (in the client's order), then the client itself when consents were
        recorded without a named person. Statuses are those of each person's latest consent to
        the purpose (its ``purpose`` box); expiry counts at read time.
        """
        self._client(client_id)
        return self._person_consents(client_id)

    def _person_consents(self, client_id: int) -> list[PersonConsent]:
        wanted = [p for p in self.purposes.catalogue() if p.requires_consent and p.active]
        # Per person and purpose, the consent that decides: a grant in force (what the policy
        # counts), else the newest answer (refused, withdrawn, expired), else a form still out.
        latest: dict[tuple[int | None, str], ConsentView] = {}
        rank = {ConsentStatus.GRANTED: 0, ConsentStatus.PENDING: 2}
        for c in self._consent_views(client_id):  # newest first
            if c.scope is not ConsentScope.PURPOSE or c.status is ConsentStatus.VOID:
                continue
            key = (c.person_id, c.purpose_code)
            held = latest.get(key)
            if held is None or rank.get(c.status, 1) < rank.get(held.status, 1):
                latest[key] = c
        signers: list[tuple[int | None, str, str]] = [
            (int(p["id"]), str(p["name"]), str(p["role"])) for p in self.clients.repo.persons(client_id)
        ]
        if not signers or any(pid is None for pid, _ in latest):
            signers.append((None, "", ""))
        out = []
        for pid, name, role in signers:
            statuses: dict[str, ConsentStatus | None] = {}
            reconsent = set()
            needs = False
            for p in wanted:
                view = latest.get((pid, p.code))
                statuses[p.code] = view.status if view else None
                if view is not None and view.needs_reconsent:
                    reconsent.add(p.code)
                decided = view is not None and (
                    view.status is ConsentStatus.REFUSED
                    or (view.status is ConsentStatus.GRANTED and not view.needs_reconsent)
                )
                needs = needs or not decided
            out.append(PersonConsent(pid, name, role, statuses, frozenset(reconsent), needs))
        return out

    def baseline_categories(self) -> frozenset[DataCategory]:
        """Categories every client may hold (identity, contact) whatever its purposes."""
        return BASELINE_CATEGORIES

    # -- forms ---------------------------------------------------------------------------------

    def notice_details(self) -> NoticeDetails:
        """The firm's contact details printed on notices (any logged-in role: they are on every form)."""
        self.vault.require(Capability.VIEW_CLIENTS, "notice")
        settings = SettingsRepository(self.vault.db)
        return NoticeDetails(**{k: settings.get(f"notice.{k}", "") for k in NOTICE_KEYS})

    def set_notice_details(self, details: NoticeDetails) -> None:
        """Change the contact details printed on notices (partner, privacy officer)."""
        self.vault.require(Capability.MANAGE_PURPOSES, "notice")
        errors: dict[str, str] = {}
        for k in NOTICE_KEYS:
            try:
                free_text(k, getattr(details, k), 300, multiline=True)
            except ValidationError as exc:
                errors.update(exc.errors)
        if errors:
            raise ValidationError(errors)
        settings = SettingsRepository(self.vault.db)
        with self.vault.db.transaction():
            for k in NOTICE_KEYS:
                settings.set(f"notice.{k}", getattr(details, k).strip())
            self.vault.record("notice.update", "notice")

    def _firm(self) -> cf.FirmDetails:
        """The firm's details for a notice; refused while one PIPL Art 17(1)(1) asks for is empty.

        Raises:
            NoticeIncomplete: the empty fields (name, address, phone, email, privacy_contact).
        """
        d = self.notice_details()
        firm = cf.FirmDetails(
            self.vault.firm_name,
            d.address,
            d.phone,
            d.email,
            d.privacy_contact,
            d.complaint_channel,
            reply_days=notice.reply_days(self.vault),
        )
        notice.check_firm(firm)
        return firm

    def _new_number(self) -> str:
        while True:
            number = new_form_number()
            if not self.repo.form_no_exists(number):
                return number

    def _issue(self, client: dict[str, Any] | None, person_id: int | None, lang: str) -> cf.ConsentFormContent:
        """Record one form (and its pending consents) inside the caller's transaction."""
        content, pending = self._draft(client, person_id, lang)
        self._record_issue(pending)
        return content

    def _draft(
        self, client: dict[str, Any] | None, person_id: int | None, lang: str
    ) -> tuple[cf.ConsentFormContent, PendingIssue]:
        """A form's content under a new number, and what recording it takes (nothing is written)."""
        purposes = self.purposes.catalogue()
        number = self._new_number()
        client_id = int(client["id"]) if client else None
        person_name = ""
        if person_id is not None:
            person = self.clients.repo.get_person(person_id)
            person_name = str(person["name"]) if person else ""
        content = cf.ConsentFormContent(
            form_no=number,
            firm=self._firm(),
            purposes=notice.notice_purposes(self.vault, purposes, form_purposes(purposes, lang), lang),
            issued_on=self.today(),
            client_name=str(client["name"]) if client else "",
            client_code=str(client["uscc"] or "") if client else "",
            person_name=person_name,
        )
        return content, PendingIssue(client_id, person_id, lang, number, tuple(p.id for p in purposes))

    def _record_issue(self, pending: PendingIssue) -> None:
        """Record a drafted form and its pending consents inside the caller's transaction.

        Raises:
            InvalidState: ``form_outdated`` — the catalogue changed (or the number was taken) since
                the form was drafted: the paper would not match the record.
        """
        purposes = self.purposes.catalogue()
        if tuple(p.id for p in purposes) != pending.purpose_ids or self.repo.form_no_exists(pending.form_no):
            raise InvalidState("form_outdated")
        number, client_id, person_id, lang = pending.form_no, pending.client_id, pending.person_id, pending.lang
        form_id = self.repo.insert_form(
            number, client_id, person_id, lang, [p.id for p in purposes], self.vault.session.user_id
        )
        by_code = {p.code: p for p in purposes}
        if client_id is not None:
            for tick in tick_items(purposes):
                p = by_code[tick.code]
                self.repo.insert_consent(
                    {
                        "client_id": client_id,
                        "person_id": person_id,
                        "purpose_id": p.id,
                        "scope": tick.scope.value,
                        "status": ConsentStatus.PENDING.value,
                        "method": ConsentMethod.PRINTED_FORM.value,
                        "form_id": form_id,
                        "notice_hash": p.notice_hash,
                        "recorded_by": self.vault.session.user_id,
                    }
                )
        obj = f"client:{client_id}/form:{number}" if client_id is not None else f"form:{number}"
        self.vault.record("consent.form_issue", obj, reason=",".join(p.code for p in purposes))

    def preview_form(self, client_id: int | None, *, person_id: int | None = None, lang: str = "zh") -> IssuedForm:
        """Render a form for a preview without issuing it: nothing is recorded until it is printed or
        saved (:meth:`issue_previewed`); a preview closed unused leaves no form and no pending consent.

        Raises: as :meth:`issue_form`.
        """
        client = self._form_client(client_id, person_id, lang)
        content, pending = self._draft(client, person_id, lang)
        ids = (client_id,) if client_id is not None else ()
        return IssuedForm(content.form_no, client_id, cf.render_consent_form(content, lang), ids, (pending,))

    def issue_previewed(self, form: IssuedForm) -> IssuedForm:
        """Record the forms of a preview (it is being printed or saved); the form, now issued.

        A form already issued is returned as it is.

        Raises:
            InvalidState: ``form_outdated`` — the purposes changed since the preview (open it again).
            AccessDenied / NotFound: a client of the preview is no longer visible to this role.
        """
        if not form.pending:
            return form
        for pending in form.pending:
            if pending.client_id is not None:
                self._client(pending.client_id)
            else:
                self.vault.require(Capability.RECORD_CONSENT, "form")
        with self.vault.db.transaction():
            for pending in form.pending:
                self._record_issue(pending)
            if len(form.pending) > 1:
                self.vault.record("consent.form_batch", "clients", reason=f"forms:{len(form.pending)}")
        return replace(form, pending=())

    def issue_form(self, client_id: int | None, *, person_id: int | None = None, lang: str = "zh") -> IssuedForm:
        """Issue a form for a client (or a blank one) and render it in memory.

        The client's optional purposes get pending consents that the returned paper grants.

        Raises:
            AccessDenied / NotFound: the client is not visible to this role.
            ValidationError: ``person`` does not belong to the client.
        """
        client = self._form_client(client_id, person_id, lang)
        with self.vault.db.transaction():
            content = self._issue(client, person_id, lang)
        ids = (client_id,) if client_id is not None else ()
        return IssuedForm(content.form_no, client_id, cf.render_consent_form(content, lang), ids)

    def issue_forms(
        self,
        client_ids: Sequence[int],
        *,
        lang: str = "zh",
        one_pdf: bool = True,
        progress: Callable[[int, int], None] | None = None,
        preview: bool = False,
    ) -> list[IssuedForm]:
        """Issue forms for many clients at once (batch printing): one form per signer.

        Consent belongs to the person (PIPL Art 14), so each person of a client whose consent is
        still needed (:attr:`PersonConsent.needs_form`: some purpose has neither a current grant
        nor a refusal of theirs) gets a form of their own, naming them as the signer; a client
        without persons gets one form for the client itself. Clients where nobody owes an answer
        get none. All forms are recorded in one transaction (all or nothing); PDFs are rendered
        afterwards.

        Args:
            client_ids: The clients, in print order.
            lang: Document language.
            one_pdf: One PDF holding every form (the result has one entry, ``client_id`` None),
                else one PDF per client (holding that client's signers' forms).
            progress: Called with (done, total) while rendering.
            preview: Render only: nothing is recorded until the PDF is printed or saved
                (:meth:`issue_previewed`, with the forms' ``pending``).

        Returns:
            The issued forms with their PDFs.
        """
        clients = [self._client(cid) for cid in client_ids]
        drafts: dict[str, PendingIssue] = {}
        with self.vault.db.transaction():
            groups = []
            for c in clients:
                contents = []
                for pid in self._signers(int(c["id"])):
                    if preview:
                        content, pending_issue = self._draft(c, pid, lang)
                        drafts[content.form_no] = pending_issue
                    else:
                        content = self._issue(c, pid, lang)
                    contents.append(content)
                if contents:
                    groups.append((int(c["id"]), contents))
            total = sum(len(contents) for _, contents in groups)
            if not preview:
                self.vault.record("consent.form_batch", "clients", reason=f"forms:{total}")
        if not groups:
            return []
        if one_pdf:
            every = [content for _, contents in groups for content in contents]
            pdf = cf.render_consent_forms(every, lang)
            if progress:
                progress(len(groups), len(groups))
            pending = tuple(drafts[c.form_no] for c in every if c.form_no in drafts)
            return [
                IssuedForm(", ".join(c.form_no for c in every), None, pdf, tuple(cid for cid, _ in groups), pending)
            ]
        out = []
        for i, (cid, contents) in enumerate(groups):
            pdf = (
                cf.render_consent_form(contents[0], lang)
                if len(contents) == 1
                else cf.render_consent_forms(contents, lang)
            )
            pending = tuple(drafts[c.form_no] for c in contents if c.form_no in drafts)
            out.append(IssuedForm(", ".join(c.form_no for c in contents), cid, pdf, (cid,), pending))
            if progress:
                progress(i + 1, len(groups))
        return out

    def _signers(self, client_id: int) -> list[int | None]:
        """Who signs a form for this client now: each person still owing an answer, else the client."""
        rows = self._person_consents(client_id)
        persons = [r for r in rows if r.person_id is not None]
        if persons:
            return [r.person_id for r in persons if r.needs_form]
        return [None] if any(r.needs_form for r in rows) else []

    def form_info(self, form_no: str) -> FormInfo:
        """Look up a form by its (typed or scanned) number for returning it.

        Raises:
            ValidationError: malformed number or a typo (check character).
            NotFound: no such form was ever issued.
            InvalidState: ``form_used`` (already returned) or ``form_void``.
        """
        self.vault.require(Capability.RECORD_CONSENT, "form")
        number = normalise_form_number(form_no)
        form = self.repo.form_by_no(number)
        if form is None:
            raise NotFound("form", number)
        if form["status"] == "returned":
            raise InvalidState("form_used")
        if form["status"] == "void":
            raise InvalidState("form_void")
        return self._form_info(form)

    def return_form(
        self,
        form_no: str,
        client_id: int,
        ticked: Iterable[TickItem],
        *,
        scan: bytes | None = None,
        person_id: int | None = None,
        signed_on: date | None = None,
        expires_on: date | None = None,
    ) -> list[int]:
        """Record a signed form that came back: ticked boxes become granted consents.

        Unticked boxes become refused (optional purposes may be refused, Art 16). A form number
        is used once; a form printed for another client is refused; a blank form is bound to
        ``client_id`` now. The scan is stored encrypted with its SHA-256.

        Args:
            form_no: As typed or read from the QR code.
            client_id: The client the paper belongs to.
            ticked: The boxes the client ticked.
            scan: The scanned signed form (PDF, PNG, JPEG or TIFF, at most 10 MB).
            person_id: Who signed (blank forms and forms without a named signer).
            signed_on: The date on the paper (default today).
            expires_on: Optional end date of the consents.

        Returns:
            The ids of the granted consents.

        Raises:
            ValidationError / NotFound / InvalidState: see :meth:`form_info`; also
            ``{"scan": …}``, ``{"ticked": "not_on_form"}``, ``{"expires_on": "past"}``;
            ``InvalidState("form_other_client")``.
        """
        info = self.form_info(form_no)
        self._client(client_id)
        if info.client_id is not None and info.client_id != client_id:
            self.vault.record("consent.form_return", f"client:{client_id}/form:{info.form_no}", outcome="other_client")
            raise InvalidState("form_other_client")
        signer = info.person_id if info.person_id is not None else person_id
        self._person_of(client_id, signer)
        chosen = set(ticked)
        if not chosen <= set(info.ticks):
            raise ValidationError({"ticked": "not_on_form"})
        mime = sniff_scan(scan) if scan is not None else None
        day = (signed_on or self.today()).isoformat()
        if expires_on is not None and expires_on.isoformat() <= day:
            raise ValidationError({"expires_on": "past"})
        by_code = {p.code: p for p in info.purposes}
        uid = self.vault.session.user_id
        granted: list[int] = []
        with self.vault.db.transaction():
            evidence_id = None
            if scan is not None and mime is not None:
                digest = hashlib.sha256(scan).hexdigest()
                evidence_id = self.repo.insert_evidence(client_id, info.id, mime, digest, scan, uid)
            pending = {
                (int(r["purpose_id"]), str(r["scope"])): r
                for r in self.repo.consents_for_form(info.id)
                if r["status"] == ConsentStatus.PENDING.value
            }
            for tick in info.ticks:
                p = by_code[tick.code]
                values: dict[str, Any] = {
                    "status": (ConsentStatus.GRANTED if tick in chosen else ConsentStatus.REFUSED).value,
                    "granted_on": day if tick in chosen else None,
                    "expires_on": expires_on.isoformat() if expires_on and tick in chosen else None,
                    "evidence_id": evidence_id,
                    "person_id": signer,
                    "recorded_by": uid,
                }
                row = pending.get((p.id, tick.scope.value))
                if row is not None:
                    self.repo.update_consent(int(row["id"]), values)
                    cid = int(row["id"])
                else:  # a blank form: the consents are created now
                    cid = self.repo.insert_consent(
                        {
                            **values,
                            "client_id": client_id,
                            "purpose_id": p.id,
                            "scope": tick.scope.value,
                            "method": ConsentMethod.PRINTED_FORM.value,
                            "form_id": info.id,
                            "notice_hash": p.notice_hash,
                        }
                    )
                if tick in chosen:
                    granted.append(cid)
            self.repo.set_form_status(info.id, "returned", uid, client_id=client_id)
            reason = ",".join(f"{t.code}.{t.scope.value}" for t in info.ticks if t in chosen) or "none"
            self.vault.record("consent.form_return", f"client:{client_id}/form:{info.form_no}", reason=reason)
        return granted

    def void_form(self, form_no: str) -> None:
        """Cancel an issued form (lost, spoilt); its pending consents become void."""
        info = self.form_info(form_no)
        if info.client_id is not None:
            self._client(info.client_id)
        with self.vault.db.transaction():
            for row in self.repo.consents_for_form(info.id):
                if row["status"] == ConsentStatus.PENDING.value:
                    self.repo.update_consent(int(row["id"]), {"status": ConsentStatus.VOID.value})
            self.repo.set_form_status(info.id, "void", self.vault.session.user_id)
            self.vault.record("consent.form_void", f"form:{info.form_no}")

    def record_in_person(
        self,
        client_id: int,
        code: str,
        scopes: Iterable[ConsentScope] = (ConsentScope.PURPOSE,),
        *,
        person_id: int | None = None,
        scan: bytes | None = None,
        expires_on: date | None = None,
    ) -> list[int]:
        """Record consent given in person (no form) for the current version of a purpose."""
        self._client(client_id)
        self._person_of(client_id, person_id)
        purpose = self.purposes.get(code)
        if not purpose.requires_consent or not purpose.active:
            raise InvalidState("purpose_needs_no_consent")
        wanted = list(dict.fromkeys(ConsentScope(s) for s in scopes))
        valid = {t.scope for t in tick_items([purpose])}
        if not wanted or not set(wanted) <= valid:
            raise ValidationError({"scopes": "not_for_purpose"})
        mime = sniff_scan(scan) if scan is not None else None
        today = self.today().isoformat()
        if expires_on is not None and expires_on.isoformat() <= today:
            raise ValidationError({"expires_on": "past"})
        uid = self.vault.session.user_id
        ids = []
        with self.vault.db.transaction():
            evidence_id = None
            if scan is not None and mime is not None:
                evidence_id = self.repo.insert_evidence(
                    client_id, None, mime, hashlib.sha256(scan).hexdigest(), scan, uid
                )
            for scope in wanted:
                ids.append(
                    self.repo.insert_consent(
                        {
                            "client_id": client_id,
                            "person_id": person_id,
                            "purpose_id": purpose.id,
                            "scope": scope.value,
                            "status": ConsentStatus.GRANTED.value,
                            "method": ConsentMethod.IN_PERSON.value,
                            "notice_hash": purpose.notice_hash,
                            "granted_on": today,
                            "expires_on": expires_on.isoformat() if expires_on else None,
                            "evidence_id": evidence_id,
                            "recorded_by": uid,
                        }
                    )
                )
            self.vault.record(
                "consent.grant", f"client:{client_id}", purpose=code, reason=",".join(s.value for s in wanted)
            )
        return ids

    def save_form(self, form: IssuedForm, path: Path, *, purpose: str = "consent_form") -> ExportEntry:
        """Save an issued form's PDF to a file the user chose, and record it in the export register."""
        kind = ExportKind.CONSENT_FORM if len(form.client_ids) <= 1 else ExportKind.CONSENT_FORM_BATCH
        forms = form.form_no.count(",") + 1
        return ExportService(self.vault, today=self.today).save(
            form.pdf,
            path,
            kind=kind,
            purpose=purpose,
            client_ids=form.client_ids,
            row_count=forms,
            note=form.form_no if forms == 1 else f"{forms} forms",
        )

    def print_recorded(self, form: IssuedForm) -> None:
        """Audit that an issued form was sent to a printer (printing writes no file)."""
        self.vault.require(Capability.RECORD_CONSENT, "form")
        self.vault.record("consent.form_print", "forms", reason=f"forms:{form.form_no.count(',') + 1}")

    # -- withdrawal ----------------------------------------------------------------------------

    def withdraw(self, client_id: int, code: str, *, person_id: int | None = None) -> WithdrawalResult:
        """Withdraw a person's (or the client-level) consent to a purpose: one action, effective at once.

        Every pending or granted consent of that person for the purpose (all versions and scopes)
        ends; stored items that no purpose still in force needs are flagged for erasure.

        Raises:
            InvalidState: ``withdraw_legal_obligation`` (the law requires the processing: it ends
                with the statutory period, not by withdrawal), ``withdraw_contract`` (end the
                engagement instead), ``nothing_to_withdraw``.
        """
        client = self._client(client_id)
        purpose = self.purposes.get(code)
        obj = f"client:{client_id}" + (f"/person:{person_id}" if person_id is not None else "")
        if purpose.lawful_basis is LawfulBasis.LEGAL_OBLIGATION:
            self.vault.record("consent.withdraw", obj, purpose=code, outcome="refused_legal_obligation")
            raise InvalidState("withdraw_legal_obligation")
        if purpose.lawful_basis is LawfulBasis.CONTRACT:
            self.vault.record("consent.withdraw", obj, purpose=code, outcome="refused_contract")
            raise InvalidState("withdraw_contract")
        rows = self.repo.open_consents_for(client_id, person_id, code)
        if not rows:
            raise InvalidState("nothing_to_withdraw")
        today = self.today().isoformat()
        with self.vault.db.transaction():
            for r in rows:
                status = ConsentStatus.WITHDRAWN if r["status"] == "granted" else ConsentStatus.VOID
                self.repo.update_consent(int(r["id"]), {"status": status.value, "withdrawn_on": today})
            flagged = self._flag_unneeded(client, code)
            self.vault.record("consent.withdraw", obj, purpose=code, reason=f"flagged:{len(flagged)}")
        return WithdrawalResult(tuple(int(r["id"]) for r in rows), tuple(flagged))

    def _flag_unneeded(self, client: dict[str, Any], code: str) -> list[ErasureCandidate]:
        """Flag the client's stored items whose category no purpose in force needs any more."""
        client_id = int(client["id"])
        uid = self.vault.session.user_id
        for item, person_id, category in self.repo.stored_items(client_id):
            # Person items: only that person's (or client-level) consents keep them.
            allowed = BASELINE_CATEGORIES.union(
                *(a.categories for a in self.policy.active(self.vault, client, person_id))
            )
            if DataCategory(category) not in allowed:
                self.repo.insert_flag(client_id, person_id, item, category, code, uid)
        return self._candidates(client_id)

    def _candidates(self, client_id: int | None) -> list[ErasureCandidate]:
        return [
            ErasureCandidate(
                flag_id=int(f["id"]),
                client_id=int(f["client_id"]),
                person_id=f["person_id"],
                item=str(f["item"]),
                category=DataCategory(f["category"]),
                purposes=tuple(str(f["purposes"]).split(",")),
                flagged_at=str(f["flagged_at"]),
            )
            for f in self.repo.open_flags(client_id)
        ]

    def erasure_candidates(self, client_id: int | None = None) -> list[ErasureCandidate]:
        """Items flagged for erasure because only withdrawn purposes needed them (open flags).

        Roles that may request erasure (partner, accountant, privacy officer) see them; the
        erasure workflow resolves a flag with :meth:`resolve_erasure_flag`.
        """
        if client_id is not None:
            self._client(client_id)
        granted = self.vault.require(Capability.REQUEST_ERASURE, "erasure")
        if client_id is None and granted is not Scope.ALL:
            self.vault.deny(Capability.REQUEST_ERASURE, "erasure")
        return self._candidates(client_id)

    def resolve_erasure_flag(self, flag_id: int, resolution: str) -> None:
        """Close a flag: ``erased`` (by the erasure workflow), ``needed_again`` or ``kept_by_law``."""
        self.vault.require(Capability.REQUEST_ERASURE, f"erasure_flag:{flag_id}")
        if resolution not in ("erased", "needed_again", "kept_by_law"):
            raise ValidationError({"resolution": "unknown"})
        with self.vault.db.transaction():
            if not self.repo.resolve_flag(flag_id, resolution):
                raise NotFound("erasure_flag", flag_id)
            self.vault.record("erasure.flag_resolve", f"erasure_flag:{flag_id}", reason=resolution)

    # -- expiry --------------------------------------------------------------------------------

    def expire_due(self) -> int:
        """Mark granted consents past their end date as expired; return how many (audited)."""
        self.vault.require(Capability.RECORD_CONSENT, "consents")
        with self.vault.db.transaction():
            ids = self.repo.expire_due(self.today().isoformat())
            if ids:
                self.vault.record("consent.expire", "consents", reason=f"count:{len(ids)}")
        return len(ids)

    # -- evidence ------------------------------------------------------------------------------

    def evidence(self, evidence_id: int) -> tuple[str, bytes]:
        """Return ``(mime, bytes)`` of a scan, for viewing in the app (audited)."""
        meta = self.repo.evidence_meta(evidence_id)
        if meta is None:
            raise NotFound("evidence", evidence_id)
        self._client(int(meta["client_id"]))
        data = self.repo.evidence_data(evidence_id)
        assert data is not None
        self.vault.record("consent.evidence_view", f"client:{meta['client_id']}/evidence:{evidence_id}")
        return str(meta["mime"]), data

    # -- overview ------------------------------------------------------------------------------

    def _overview_scope(self) -> tuple[str, str]:
        if self.vault.require(Capability.VIEW_CLIENTS, "consent_overview") is not Scope.ALL:
            self.vault.deny(Capability.VIEW_CLIENTS, "consent_overview")
        today = self.today()
        return today.isoformat(), (today + timedelta(days=EXPIRING_DAYS)).isoformat()

    def overview_counts(self) -> dict[str, int]:
        """Clients per overview bucket (missing, pending, expiring, expired, withdrawn, reconsent).

        ``missing`` counts clients with no consent at all or with a person who has none of their
        own (PIPL Art 14); ``missing_persons`` counts those persons.
        """
        today, soon = self._overview_scope()
        return self.repo.overview_counts(today, soon)

    def overview(self, bucket: str | None = None, *, limit: int = 500, offset: int = 0) -> list[OverviewRow]:
        """Prospect and active clients with counts of their consents per state (partner, privacy officer).

        Args:
            bucket: One of :data:`OVERVIEW_BUCKETS` to list only those clients, or ``None``.
            limit: Page size.
            offset: Rows to skip.
        """
        if bucket is not None and bucket not in OVERVIEW_BUCKETS:
            raise ValidationError({"bucket": "unknown"})
        today, soon = self._overview_scope()
        rows = self.repo.overview(today, soon, bucket, limit=limit, offset=offset)
        if offset == 0:  # one event per listing, not per page scrolled
            self.vault.record("consent.overview", "clients", reason=bucket or "all")
        return [OverviewRow(**r) for r in rows]
