"""Client records with role-based views (DOMAIN.md "Roles"): the only way UI and CLI reach them.

Every method checks the acting role in ``core.roles`` before touching data; what a role may not
see is never loaded into the returned objects (masked or left out), so a UI that forgets a
check still cannot leak. Refusals are audited.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import partial
from typing import Any, TypeVar

from clientvault.core import validation as v
from clientvault.core.errors import (
    AccessDenied,
    AgreementMissing,
    DuplicateIdentifier,
    InvalidState,
    NotFound,
    ValidationError,
    VersionConflict,
)
from clientvault.core.masking import mask_bank_account, mask_credential, mask_email, mask_id_number, mask_phone
from clientvault.core.records import (
    ClientDetail,
    ClientInput,
    ClientKind,
    ClientRow,
    ClientStatus,
    DataCategory,
    PersonInput,
    PersonRole,
    PersonView,
    SensitiveInput,
    SensitiveKind,
    SensitiveView,
)
from clientvault.core.roles import Capability, Role, Scope, can, scope
from clientvault.core.search import build_match, pinyin_key
from clientvault.services.clearance import reveal_clearance
from clientvault.services.context import Vault
from clientvault.services.purposes import (
    NEW_PERSON,
    ConsentPurposePolicy,
    PurposeOption,
    PurposePolicy,
    require_fields,
)
from clientvault.storage.audit import AuditEvent, AuditFilter
from clientvault.storage.clients import (
    CLIENT_FIELDS,
    VISIBLE_STATUSES,
    ClientRepository,
    Identifier,
    ListQuery,
    Visibility,
)
from clientvault.storage.identifiers import IdentifierRepository
from clientvault.storage.users import UserRepository

T = TypeVar("T")

MAX = {"name": 200, "address": 300, "industry": 100, "notes": 20000, "label": 100, "value": 200, "email": 254}
_IDENT = re.compile(r"^[0-9A-Z]+$")
#: Letters-and-digits text up to this length may also be (part of) a name; longer is a code.
_NAME_LIKE = 4
_IDENT_SEPARATORS = re.compile(r"[\s\-]+")
ITEM_CATEGORY = {
    SensitiveKind.BANK_ACCOUNT: DataCategory.BANK,
    SensitiveKind.TAX_LOGIN: DataCategory.CREDENTIALS,
    SensitiveKind.SOCIAL_INSURANCE_LOGIN: DataCategory.CREDENTIALS,
}
# Fields an assistant fills at intake (a prospect needs no more until consent is signed).
INTAKE_FIELDS = {"kind", "name", "uscc", "tax_no", "phone", "email", "industry", "notes"}
_TRANSITIONS = {
    ClientStatus.PROSPECT: {ClientStatus.ACTIVE},
    ClientStatus.ACTIVE: {ClientStatus.ENDED},
    ClientStatus.ENDED: {ClientStatus.ACTIVE},
}


def identifier_prefix(text: str) -> str | None:
    """The normalised identifier prefix typed, or ``None`` when ``text`` is not an identifier.

    An identifier has at least one digit and only ASCII letters and digits once spaces and
    hyphens are removed (full-width forms folded): a phone ("138 1234", "0571-8765"), a credit
    code or tax number ("91110108MA0"), an ID number ("1101051949…X") or an account number.
    """
    compact = _IDENT_SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()
    if not compact or not _IDENT.match(compact) or not any(ch.isdigit() for ch in compact):
        return None
    return compact


@dataclass(frozen=True)
class ClientFilter:
    """What the client list shows."""

    text: str = ""
    status: ClientStatus | None = None
    accountant_id: int | None = None
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class AccountantOption:
    """An accountant that can be assigned to clients."""

    id: int
    display_name: str


def _collect(errors: dict[str, str], fn: Callable[[], T]) -> T | None:
    try:
        return fn()
    except ValidationError as exc:
        errors.update(exc.errors)
        return None


@dataclass(frozen=True)
class SharedIdentifier:
    """The user's confirmation that a credit code or ID number another client has is meant.

    ``field`` "uscc": this client is a branch of ``other_client_id``; "id_number": the person is
    the same person as one of ``other_client_id``'s people. Kept and audited without the value.
    """

    field: str
    other_client_id: int

    @property
    def choice(self) -> str:
        """What the user confirmed: "branch" or "same_person"."""
        return "branch" if self.field == "uscc" else "same_person"


class ClientService:
    """Create, read, edit, search and reveal client records for the acting session."""

    def __init__(self, vault: Vault, purposes: PurposePolicy | None = None) -> None:
        self.vault = vault
        self.purposes: PurposePolicy = purposes or ConsentPurposePolicy()
        self.repo = ClientRepository(vault.db)

    # -- visibility ----------------------------------------------------------------------------

    @property
    def role(self) -> Role:
        """The acting role."""
        return self.vault.session.role

    def _visibility(self) -> Visibility:
        granted = self.vault.require(Capability.VIEW_CLIENTS, "clients")
        if granted is Scope.ASSIGNED:
            return Visibility(VISIBLE_STATUSES, assigned_to=self.vault.session.user_id)
        if granted is Scope.ACTIVE:
            # Assistants handle intake, so they also see prospects (to print their consent forms).
            return Visibility(("prospect", "active"))
        return Visibility(VISIBLE_STATUSES)

    def load_visible(self, client_id: int, capability: Capability = Capability.VIEW_CLIENTS) -> dict[str, Any]:
        """Load a client row the role may see for ``capability``; refusals are audited.

        The one visibility gate: other services (consent) call it so that every
        service agrees on who sees which client.

        Args:
            client_id: The client.
            capability: What the caller is about to do with it (its scope is checked too).

        Returns:
            The client's stored row.

        Raises:
            NotFound: No such client, or it is not in a visible status.
            AccessDenied: The role may not see this client or may not use ``capability`` on it.
        """
        obj = f"client:{client_id}"
        client = self.repo.get_client(client_id)
        if client is None or client["status"] not in VISIBLE_STATUSES:
            raise NotFound("client", client_id)
        granted = self.vault.require(capability, obj)
        view = scope(self.role, Capability.VIEW_CLIENTS)
        visible = (
            view is Scope.ALL
            or (view is Scope.ASSIGNED and self.repo.is_assigned(client_id, self.vault.session.user_id))
            or (view is Scope.ACTIVE and client["status"] in ("prospect", "active"))
        )
        if not visible or (
            granted is Scope.ASSIGNED and not self.repo.is_assigned(client_id, self.vault.session.user_id)
        ):
            self.vault.deny(capability, obj)
        if granted is Scope.PROSPECTS and client["status"] != ClientStatus.PROSPECT.value:
            self.vault.deny(capability, obj)
        return client

    def _load_visible(self, client_id: int, capability: Capability = Capability.VIEW_CLIENTS) -> dict[str, Any]:
        return self.load_visible(client_id, capability)

    # -- list and search -----------------------------------------------------------------------

    def _query(self, flt: ClientFilter) -> ListQuery:
        phones = scope(self.role, Capability.VIEW_CONTACTS) not in (Scope.MASKED, Scope.NONE)
        typed = flt.text.strip()
        ident = identifier_prefix(typed)
        identifier = None
        match = None
        if ident:
            # Digits (with at most letters of a code or an ID number's X): found by exact and
            # prefix lookups in the identifier indexes, whatever the firm's size.
            identifier = Identifier(
                ident,
                phones=phones,
                id_numbers=can(self.role, Capability.REVEAL_IDS),
                accounts=can(self.role, Capability.REVEAL_IDS),  # account numbers reveal under REVEAL_IDS
            )
            if len(ident) <= _NAME_LIKE and not ident.isdigit():
                match = build_match(typed, phones=False)  # "3M", "A8": also a name; longer: a code
        elif typed:
            match = build_match(flt.text, phones=phones)
            if match is None:
                match = ""  # only punctuation typed: match nothing rather than everything
        return ListQuery(
            match=match,
            identifier=identifier,
            status=flt.status.value if flt.status else None,
            accountant_id=flt.accountant_id,
            sort=flt.sort,
            descending=flt.descending,
        )

    def count(self, flt: ClientFilter | None = None, *, cap: int | None = None) -> int:
        """Count the clients the acting role sees under ``flt`` (up to ``cap``, when given)."""
        return self.repo.count(self._visibility(), self._query(flt or ClientFilter()), cap=cap)

    def page(
        self, flt: ClientFilter | None = None, *, offset: int = 0, limit: int = 200, after: ClientRow | None = None
    ) -> list[ClientRow]:
        """Return one page of the client list, shaped for the acting role.

        Pass the last row already shown as ``after`` to get the next page cheaply (keyset paging).
        """
        f = flt or ClientFilter()
        cursor = None
        if after is not None:
            key = {
                "name": pinyin_key(after.name),
                "uscc": after.uscc,
                "status": after.status.value,
                "updated_at": after.updated_at,
                "kind": after.kind.value,
            }.get(f.sort, after.name)
            cursor = (key, after.id)
        rows = self.repo.page(self._visibility(), self._query(f), offset=offset, limit=limit, after=cursor)
        masked = scope(self.role, Capability.VIEW_CONTACTS) is Scope.MASKED
        return [
            ClientRow(
                id=int(r["id"]),
                kind=ClientKind(r["kind"]),
                name=r["name"],
                uscc=r["uscc"] or "",
                phone=mask_phone(r["phone"]) if masked and r["phone"] else (r["phone"] or ""),
                status=ClientStatus(r["status"]),
                accountants=r["accountants"] or "",
                updated_at=r["updated_at"],
            )
            for r in rows
        ]

    def release_memory(self) -> None:
        """Drop the decrypted pages the connection caches (after the list dropped a long scroll)."""
        if not self.vault.locked:
            self.vault.db.shrink_memory()

    def status_counts(self) -> dict[ClientStatus, int]:
        """Count the visible clients per status (for home pages)."""
        return {ClientStatus(k): n for k, n in self.repo.status_counts(self._visibility()).items()}

    def accountants(self) -> list[AccountantOption]:
        """Active accountants (for filters and assignment)."""
        self.vault.require(Capability.VIEW_CLIENTS, "clients")
        return [
            AccountantOption(u.id, u.display_name)
            for u in UserRepository(self.vault.db).list(include_disabled=False)
            if u.role is Role.ACCOUNTANT
        ]

    # -- one client ----------------------------------------------------------------------------

    def get(self, client_id: int) -> ClientDetail:
        """Return the client page's data for the acting role (the opening is audited)."""
        client = self._load_visible(client_id)
        role = self.role
        contacts = scope(role, Capability.VIEW_CONTACTS)
        masked = contacts is Scope.MASKED
        see_ids = can(role, Capability.REVEAL_IDS) or role is Role.PRIVACY_OFFICER
        see_items = can(role, Capability.REVEAL_IDS) or can(role, Capability.REVEAL_CREDENTIALS)
        persons = tuple(
            PersonView(
                id=int(p["id"]),
                role=PersonRole(p["role"]),
                name=p["name"],
                id_type=p["id_type"] if see_ids else None,
                id_number_masked=mask_id_number(p["id_number"]) if see_ids and p["id_number"] else None,
                phone=_m(p["phone"], masked, mask_phone),
                email=_m(p["email"], masked, mask_email),
                address="" if masked else p["address"],
                version=int(p["version"]),
            )
            for p in self.repo.persons(client_id)
        )
        items = tuple(
            SensitiveView(
                id=int(i["id"]),
                kind=SensitiveKind(i["kind"]),
                label=i["label"],
                masked=mask_bank_account(i["value"]) if i["kind"] == "bank_account" else mask_credential(i["value"]),
                person_id=i["person_id"],
                version=int(i["version"]),
            )
            for i in self.repo.items(client_id)
            if see_items
        )
        editable = self._can_edit(client)
        raw = {k: str(client[k] or "") for k in ("address", "phone", "email")} if editable else {}
        self.vault.record("client.open", f"client:{client_id}")
        return ClientDetail(
            id=client_id,
            kind=ClientKind(client["kind"]),
            name=client["name"],
            uscc=client["uscc"] or "",
            tax_no=client["tax_no"] or "",
            address="" if masked else client["address"],
            industry=client["industry"],
            phone=_m(client["phone"], masked, mask_phone),
            email=_m(client["email"], masked, mask_email),
            engagement_start=client["engagement_start"] or "",
            engagement_end=client["engagement_end"] or "",
            status=ClientStatus(client["status"]),
            notes=client["notes"] if not masked else "",
            version=int(client["version"]),
            accountant_ids=tuple(self.repo.accountants(client_id)),
            persons=persons,
            sensitive=items,
            contacts_masked=masked,
            can_edit=editable,
            can_reveal_ids=self._may(client_id, Capability.REVEAL_IDS),
            can_reveal_credentials=self._may(client_id, Capability.REVEAL_CREDENTIALS),
            can_assign=role is Role.PARTNER,
            can_view_history=can(role, Capability.VIEW_AUDIT),
            raw_for_edit=raw,
        )

    def _may(self, client_id: int, capability: Capability) -> bool:
        granted = scope(self.role, capability)
        if granted is Scope.ALL:
            return True
        return granted is Scope.ASSIGNED and self.repo.is_assigned(client_id, self.vault.session.user_id)

    def _can_edit(self, client: dict[str, Any]) -> bool:
        granted = scope(self.role, Capability.EDIT_CLIENTS)
        if granted is Scope.PROSPECTS:
            return bool(client["status"] == ClientStatus.PROSPECT.value)
        return self._may(int(client["id"]), Capability.EDIT_CLIENTS)

    # -- writing -------------------------------------------------------------------------------

    def _clean_client(self, data: ClientInput, *, creating: bool) -> dict[str, Any]:
        e: dict[str, str] = {}
        out: dict[str, Any] = {}
        raw = asdict(data)
        if creating and not data.name:
            e["name"] = "required"
        if data.kind is not None:
            out["kind"] = ClientKind(data.kind).value
        if data.name is not None:
            out["name"] = _collect(e, lambda: v.clean_text("name", data.name or "", MAX["name"], required=True))
        for f in ("address", "industry", "notes"):
            if raw[f] is not None:
                out[f] = _collect(e, partial(v.clean_text, f, str(raw[f]), MAX[f]))
        if data.uscc is not None:
            out["uscc"] = _collect(e, lambda: v.validate_uscc(data.uscc or "")) if data.uscc.strip() else None
        if data.tax_no is not None:
            out["tax_no"] = (
                _collect(e, lambda: v.validate_tax_number(data.tax_no or "")) if data.tax_no.strip() else None
            )
        if data.phone is not None:
            out["phone"] = _collect(e, lambda: v.validate_phone(data.phone or "")) if data.phone.strip() else ""
        if data.email is not None:
            out["email"] = _collect(e, lambda: v.validate_email(data.email or "")) if data.email.strip() else ""
        for f in ("engagement_start", "engagement_end"):
            if raw[f] is not None:
                day = _collect(e, partial(v.validate_engagement_date, str(raw[f]), f)) if str(raw[f]).strip() else None
                out[f] = day.isoformat() if day else None
        if (
            out.get("engagement_start")
            and out.get("engagement_end")
            and out["engagement_end"] < out["engagement_start"]
        ):
            e["engagement_end"] = "before_start"
        if e:
            raise ValidationError(e)
        return out

    def create(
        self,
        data: ClientInput,
        *,
        persons: tuple[PersonInput, ...] = (),
        shared: tuple[SharedIdentifier, ...] = (),
    ) -> int:
        """Create a client (assistants: a prospect with intake fields only). Returns its id.

        Raises:
            DuplicateIdentifier: Another client has this credit code (or a person's ID number) and
                ``shared`` does not confirm it; nothing was written.
        """
        granted = self.vault.require(Capability.EDIT_CLIENTS, "clients")
        values = self._clean_client(data, creating=True)
        values.setdefault("kind", ClientKind.ENTERPRISE.value)
        if granted is Scope.PROSPECTS:
            extra = {k for k, val in asdict(data).items() if val not in (None, "")} - INTAKE_FIELDS
            if extra:
                self.vault.deny(Capability.EDIT_CLIENTS, "clients")
            values["status"] = ClientStatus.PROSPECT.value
        else:
            values["status"] = (
                ClientStatus.ACTIVE.value if values.get("engagement_start") else ClientStatus.PROSPECT.value
            )
        cleaned_persons = [self._clean_person(p) for p in persons]
        if any(p.get("id_number") for p in cleaned_persons):
            require_fields(self.purposes, self.vault, {"id": None, **values}, ["person.id_number"], NEW_PERSON)
        with self.vault.db.transaction():
            found = self._shared(None, values.get("uscc"), shared)
            found_people = [self._shared_person(None, p.get("id_number"), shared) for p in cleaned_persons]
            cid = self.repo.insert_client(values, self.vault.session.user_id)
            for p, other in zip(cleaned_persons, found_people, strict=True):
                pid = self.repo.insert_person(cid, p)
                self._keep_shared(cid, pid, other)
            self._keep_shared(cid, None, found)
            if self.role is Role.ACCOUNTANT:
                self.repo.set_accountants(cid, [self.vault.session.user_id])
            self.repo.reindex(cid)
            self.vault.record("client.create", f"client:{cid}")
        return cid

    # -- identifiers another client has ------------------------------------------------------------

    def _shared(
        self, client_id: int | None, uscc: str | None, shared: tuple[SharedIdentifier, ...]
    ) -> SharedIdentifier | None:
        """The confirmation for a credit code another client has (raises when there is none)."""
        if not uscc:
            return None
        other = IdentifierRepository(self.vault.db).client_with_uscc(uscc, besides=client_id)
        return None if other is None else self._confirmed("uscc", other, shared)

    def _shared_person(
        self, client_id: int | None, id_number: str | None, shared: tuple[SharedIdentifier, ...]
    ) -> SharedIdentifier | None:
        """The confirmation for an ID number a person of another client has (raises when there is none)."""
        if not id_number:
            return None
        other = IdentifierRepository(self.vault.db).client_with_id_number(id_number, besides=client_id)
        return None if other is None else self._confirmed("id_number", other, shared)

    def _confirmed(self, field: str, other: int, shared: tuple[SharedIdentifier, ...]) -> SharedIdentifier:
        wanted = SharedIdentifier(field, other)
        if wanted not in shared:
            raise DuplicateIdentifier(field, other)
        return wanted

    def _keep_shared(self, client_id: int, person_id: int | None, found: SharedIdentifier | None) -> None:
        """Store and audit a confirmed shared identifier (ids and the choice, never the value)."""
        if found is None:
            return
        IdentifierRepository(self.vault.db).record(
            client_id, person_id, found.other_client_id, found.field, found.choice, self.vault.session.user_id
        )
        obj = f"client:{client_id}" + (f"/person:{person_id}" if person_id is not None else "")
        self.vault.record(
            "client.shared_identifier", f"{obj}.{found.field}", reason=f"{found.choice}:client:{found.other_client_id}"
        )

    def other_client_name(self, client_id: int) -> str:
        """The name of the client a :class:`DuplicateIdentifier` names (for the question put to the user).

        Any role that may create clients may read it: the user must know which client already
        has the code before confirming a branch or the same person.
        """
        self.vault.require(Capability.EDIT_CLIENTS, "clients")
        row = self.repo.get_client(client_id)
        if row is None or row["status"] not in VISIBLE_STATUSES:
            raise NotFound("client", client_id)
        return str(row["name"])

    def shared_identifiers(self, client_id: int) -> list[tuple[int | None, SharedIdentifier]]:
        """The shared identifiers confirmed for a client: (person id or None, confirmation)."""
        self._load_visible(client_id)
        return [
            (pid, SharedIdentifier(field, other))
            for pid, other, field, _choice in IdentifierRepository(self.vault.db).confirmations(client_id)
        ]

    def update(
        self, client_id: int, expected_version: int, data: ClientInput, *, shared: tuple[SharedIdentifier, ...] = ()
    ) -> int:
        """Save edits made on version ``expected_version``; return the new version.

        Raises:
            VersionConflict: someone saved since; nothing was written (the UI shows both versions).
            DuplicateIdentifier: a changed credit code another client has, not confirmed in ``shared``.
        """
        client = self._load_visible(client_id, Capability.EDIT_CLIENTS)
        values = self._clean_client(data, creating=False)
        # An edit of one end of the engagement is checked against the stored other end.
        start = values["engagement_start"] if "engagement_start" in values else client.get("engagement_start")
        end = values["engagement_end"] if "engagement_end" in values else client.get("engagement_end")
        if start and end and str(end) < str(start):
            raise ValidationError({"engagement_end": "before_start"})
        if scope(self.role, Capability.EDIT_CLIENTS) is Scope.PROSPECTS and set(values) - INTAKE_FIELDS:
            self.vault.deny(Capability.EDIT_CLIENTS, f"client:{client_id}")
        with self.vault.db.transaction():
            changed_code = values.get("uscc") if values.get("uscc") != client.get("uscc") else None
            other = self._shared(client_id, changed_code, shared)
            if not self.repo.update_client(client_id, expected_version, values):
                found = self.repo.get_client(client_id)
                self.vault.record("client.update", f"client:{client_id}", outcome="conflict")
                raise VersionConflict("client", client_id, expected_version, int(found["version"]) if found else -1)
            self._keep_shared(client_id, None, other)
            self.repo.reindex(client_id)
            self.vault.record("client.update", f"client:{client_id}", reason=",".join(sorted(values)))
        del client
        return expected_version + 1

    def edit_values(self, client_id: int) -> dict[str, str]:
        """Return the stored values of the editable fields (for an edit form or a conflict view)."""
        client = self._load_visible(client_id, Capability.EDIT_CLIENTS)
        keys = (*(f for f in CLIENT_FIELDS if f != "status"), "version")
        return {k: "" if client[k] is None else str(client[k]) for k in keys}

    def set_status(self, client_id: int, expected_version: int, status: ClientStatus) -> None:
        """Move a client along prospect → active → ended (locking and erasure have their own services)."""
        client = self._load_visible(client_id, Capability.EDIT_CLIENTS)
        if scope(self.role, Capability.EDIT_CLIENTS) is Scope.PROSPECTS:
            self.vault.deny(Capability.EDIT_CLIENTS, f"client:{client_id}")
        if status not in _TRANSITIONS.get(ClientStatus(client["status"]), set()):
            raise InvalidState("status_transition")
        with self.vault.db.transaction():
            if not self.repo.update_client(client_id, expected_version, {"status": status.value}):
                found = self.repo.get_client(client_id)
                raise VersionConflict("client", client_id, expected_version, int(found["version"]) if found else -1)
            self.vault.record("client.status", f"client:{client_id}", reason=status.value)

    def assign(self, client_id: int, user_ids: list[int]) -> None:
        """Set the accountants of a client (partner only)."""
        self._load_visible(client_id)
        if self.role is not Role.PARTNER:
            self.vault.deny(Capability.MANAGE_USERS, f"client:{client_id}")
        valid = {a.id for a in self.accountants()}
        if not set(user_ids) <= valid:
            raise ValidationError({"accountants": "unknown"})
        with self.vault.db.transaction():
            self.repo.set_accountants(client_id, user_ids)
            self.vault.record("client.assign", f"client:{client_id}", reason=",".join(str(u) for u in sorted(user_ids)))

    # -- persons -------------------------------------------------------------------------------

    def _clean_person(self, p: PersonInput) -> dict[str, Any]:
        e: dict[str, str] = {}
        out: dict[str, Any] = {"role": PersonRole(p.role).value}
        out["name"] = _collect(e, lambda: v.clean_text("person_name", p.name, 100, required=True))
        if p.id_number not in (None, ""):
            id_type = p.id_type or v.IdType.RESIDENT_ID.value
            out["id_type"] = id_type
            out["id_number"] = _collect(e, lambda: v.validate_id(id_type, p.id_number or "", "id_number"))
        elif p.id_number == "":
            out["id_type"], out["id_number"] = None, None  # "" clears; None leaves the stored number
        out["phone"] = _collect(e, lambda: v.validate_phone(p.phone, "person_phone")) if p.phone.strip() else ""
        out["email"] = _collect(e, lambda: v.validate_email(p.email, "person_email")) if p.email.strip() else ""
        out["address"] = _collect(e, lambda: v.clean_text("person_address", p.address, MAX["address"]))
        if e:
            raise ValidationError(e)
        return out

    def add_person(self, client_id: int, person: PersonInput, *, shared: tuple[SharedIdentifier, ...] = ()) -> int:
        """Link a person to a client (an ID number another client's person has needs ``shared``)."""
        client = self._load_visible(client_id, Capability.EDIT_CLIENTS)
        values = self._clean_person(person)
        if values.get("id_number") and not self._may(client_id, Capability.REVEAL_IDS):
            self.vault.deny(Capability.REVEAL_IDS, f"client:{client_id}")
        if values.get("id_number"):
            # Nobody's consent is this new person's (PIPL Art 14): only contract/legal purposes count.
            require_fields(self.purposes, self.vault, client, ["person.id_number"], NEW_PERSON)
        with self.vault.db.transaction():
            other = self._shared_person(client_id, values.get("id_number"), shared)
            pid = self.repo.insert_person(client_id, values)
            self._keep_shared(client_id, pid, other)
            self.repo.reindex(client_id)
            self.vault.record("person.add", f"client:{client_id}/person:{pid}")
        return pid

    def person_edit_values(self, person_id: int) -> dict[str, str]:
        """Return a person's stored editable fields (for an edit form or a conflict view).

        Same checks as :meth:`update_person`. ``id_type`` and ``id_number`` are included only for
        roles that may reveal this client's ID numbers, and the number comes masked: the full number
        is shown only through :meth:`reveal_id_number`, with a purpose and an audit event.

        Raises:
            NotFound: No such person (e.g. removed on another workstation).
            AccessDenied: The role may not edit this client.
        """
        row = self.repo.get_person(person_id)
        if row is None:
            raise NotFound("person", person_id)
        client_id = int(row["client_id"])
        self._load_visible(client_id, Capability.EDIT_CLIENTS)
        out = {k: "" if row[k] is None else str(row[k]) for k in ("role", "name", "phone", "email", "address")}
        if self._may(client_id, Capability.REVEAL_IDS):
            out["id_type"] = row["id_type"] or ""
            out["id_number"] = mask_id_number(row["id_number"]) if row["id_number"] else ""
        out["version"] = str(row["version"])
        return out

    def update_person(
        self, person_id: int, expected_version: int, person: PersonInput, *, shared: tuple[SharedIdentifier, ...] = ()
    ) -> None:
        """Edit a person (optimistic concurrency like clients; a changed ID number another client's
        person has needs ``shared``)."""
        row = self.repo.get_person(person_id)
        if row is None:
            raise NotFound("person", person_id)
        client_id = int(row["client_id"])
        client = self._load_visible(client_id, Capability.EDIT_CLIENTS)
        values = self._clean_person(person)
        if not self._may(client_id, Capability.REVEAL_IDS):
            # Roles that cannot see ID numbers cannot change them either: keep what is stored.
            values.pop("id_number", None)
            values.pop("id_type", None)
        if values.get("id_number") and values["id_number"] != row["id_number"]:
            require_fields(self.purposes, self.vault, client, ["person.id_number"], person_id)
        with self.vault.db.transaction():
            changed = values.get("id_number") if values.get("id_number") != row["id_number"] else None
            other = self._shared_person(client_id, changed, shared)
            if not self.repo.update_person(person_id, expected_version, values):
                found = self.repo.get_person(person_id)
                raise VersionConflict("person", person_id, expected_version, int(found["version"]) if found else -1)
            self._keep_shared(client_id, person_id, other)
            self.repo.reindex(client_id)
            self.vault.record("person.update", f"client:{client_id}/person:{person_id}")

    def remove_person(self, person_id: int) -> None:
        """Unlink and delete a person."""
        row = self.repo.get_person(person_id)
        if row is None:
            raise NotFound("person", person_id)
        client_id = int(row["client_id"])
        self._load_visible(client_id, Capability.EDIT_CLIENTS)
        with self.vault.db.transaction():
            self.repo.delete_person(person_id)
            self.repo.reindex(client_id)
            self.vault.record("person.remove", f"client:{client_id}/person:{person_id}")

    # -- sensitive items -----------------------------------------------------------------------

    def _item_capability(self, kind: SensitiveKind) -> Capability:
        return Capability.REVEAL_IDS if kind is SensitiveKind.BANK_ACCOUNT else Capability.REVEAL_CREDENTIALS

    def add_sensitive(self, client_id: int, item: SensitiveInput) -> int:
        """Store a sensitive item (only roles that may reveal that kind may store it)."""
        client = self._load_visible(client_id, Capability.EDIT_CLIENTS)
        kind = SensitiveKind(item.kind)
        if not self._may(client_id, self._item_capability(kind)):
            self.vault.deny(self._item_capability(kind), f"client:{client_id}")
        require_fields(self.purposes, self.vault, client, [f"sensitive.{kind.value}"], item.person_id)
        e: dict[str, str] = {}
        label = _collect(e, lambda: v.clean_text("label", item.label, MAX["label"])) or ""
        if kind is SensitiveKind.BANK_ACCOUNT:
            value = _collect(e, lambda: v.validate_bank_account(item.value, "value"))
        else:
            value = _collect(e, lambda: v.clean_text("value", item.value, MAX["value"], required=True))
        if e or value is None:
            raise ValidationError(e or {"value": "required"})
        if item.person_id is not None:
            p = self.repo.get_person(item.person_id)
            if p is None or int(p["client_id"]) != client_id:
                raise ValidationError({"person": "unknown"})
        with self.vault.db.transaction():
            iid = self.repo.insert_item(client_id, item.person_id, kind.value, label, value)
            self.vault.record("sensitive.add", f"client:{client_id}/item:{iid}.{kind.value}")
        return iid

    def remove_sensitive(self, item_id: int) -> None:
        """Delete a sensitive item."""
        item = self.repo.get_item(item_id)
        if item is None:
            raise NotFound("item", item_id)
        client_id = int(item["client_id"])
        self._load_visible(client_id, Capability.EDIT_CLIENTS)
        if not self._may(client_id, self._item_capability(SensitiveKind(item["kind"]))):
            self.vault.deny(self._item_capability(SensitiveKind(item["kind"])), f"client:{client_id}")
        with self.vault.db.transaction():
            self.repo.delete_item(item_id)
            self.vault.record("sensitive.remove", f"client:{client_id}/item:{item_id}.{item['kind']}")

    # -- reveal --------------------------------------------------------------------------------

    def reveal_options(
        self, client_id: int, category: DataCategory, person_id: int | None = None
    ) -> list[PurposeOption]:
        """The purposes the user may name to reveal a value of ``category`` of this client (or that person's)."""
        client = self._load_visible(client_id)
        return self.purposes.options(self.vault, client, category, person_id)

    def reveal_id_number(self, person_id: int, purpose: str) -> str:
        """Return a person's ID number in clear for ``purpose`` (audited; never the value)."""
        row = self.repo.get_person(person_id)
        if row is None or not row["id_number"]:
            raise NotFound("person", person_id)
        client_id = int(row["client_id"])
        obj = f"client:{client_id}/person:{person_id}.id_number"
        return self._reveal(
            client_id, person_id, Capability.REVEAL_IDS, DataCategory.ID_DOCUMENT, purpose, obj, str(row["id_number"])
        )

    def reveal_item(self, item_id: int, purpose: str) -> str:
        """Return a sensitive item's value in clear for ``purpose`` (audited; never the value)."""
        item = self.repo.get_item(item_id)
        if item is None:
            raise NotFound("item", item_id)
        kind = SensitiveKind(item["kind"])
        client_id = int(item["client_id"])
        obj = f"client:{client_id}/item:{item_id}.{kind.value}"
        return self._reveal(
            client_id,
            item["person_id"],
            self._item_capability(kind),
            ITEM_CATEGORY[kind],
            purpose,
            obj,
            str(item["value"]),
        )

    def _reveal(
        self,
        client_id: int,
        person_id: int | None,
        cap: Capability,
        cat: DataCategory,
        purpose: str,
        obj: str,
        value: str,
    ) -> str:
        try:
            client = self._load_visible(client_id, cap)
        except AccessDenied:
            raise
        try:
            reveal_clearance(self.vault)  # a confidentiality agreement on file (not for the partner)
        except AgreementMissing as exc:
            self.vault.record("sensitive.reveal", obj, purpose=purpose, outcome=f"no_agreement_{exc.reason}")
            raise
        try:
            self.purposes.require(self.vault, client, person_id, purpose, cat)
        except Exception:
            self.vault.record("sensitive.reveal", obj, purpose=purpose, outcome="no_basis")
            raise
        self.vault.record("sensitive.reveal", obj, purpose=purpose)
        return value

    # -- history -------------------------------------------------------------------------------

    def history(self, client_id: int, *, limit: int = 500) -> list[AuditEvent]:
        """The audit events about this client (partner and privacy officer)."""
        self._load_visible(client_id)
        self.vault.require(Capability.VIEW_AUDIT, f"client:{client_id}")
        return self.vault.audit.page(AuditFilter(object_prefix=f"client:{client_id}"), limit=limit)


def _m(value: str | None, masked: bool, fn: Callable[[str], str]) -> str:
    if not value:
        return ""
    return fn(value) if masked else value
