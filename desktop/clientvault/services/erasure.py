"""Erasure workflow (DOMAIN.md workflow 4): request → partner approves → privacy officer or
partner executes the recipe of SECURITY.md → ledger, destruction register, certificate.

Execution runs the whole erasure — rows, search entry (FTS5 secure-delete), consent scans,
sealed blob, request state, ledger, register and audit event — in **one** transaction, so a
process killed at any point leaves either nothing or everything erased. Afterwards the WAL is
checkpointed with TRUNCATE (no erased page survives in ``-wal``), ``VACUUM`` runs when the
firm's setting asks for it, and the integrity check's result goes into the register.

While another workstation holds a read transaction the checkpoint cannot complete and old page
versions stay on disk: the register row is then ``on_disk = 'pending'`` (it is written so in the
erasure's own transaction and set ``complete`` once a checkpoint has completed), the erasure is
never reported as failed, and :func:`complete_pending_erasures` finishes it when the readers let
go (retried from the register, the certificate, every open and the main window's periodic check).
A certificate is issued only for a complete erasure.

The legal basis of a request is a code of :data:`LEGAL_BASES` (its wording and source in law are
printed on the certificate); the ledger and its plaintext mirror beside the backups carry only
that code. A partner's optional free note is sealed under ``PK`` in the register row: it never
reaches the audit log, the ledger or ``backups/catalogue.json``, and the database key alone does
not read it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from clientvault.core.errors import AccessDenied, InvalidState, NotFound, ValidationError, VaultBusy
from clientvault.core.roles import Capability, Role, Scope
from clientvault.core.validation import free_text
from clientvault.security.residue import ResidueReport, scan_residue
from clientvault.security.sealing import aad, open_sealed, seal
from clientvault.services.backup import backup_folder, mirror_ledger
from clientvault.services.connections import second_session
from clientvault.services.context import Vault
from clientvault.services.exports import ExportEntry, ExportKind, ExportService
from clientvault.services.leftovers import sweep_leftovers
from clientvault.services.locking import check_reason
from clientvault.services.retention import RetentionService, archive_rows, retention_dates, years_kept
from clientvault.storage.audit import AuditFilter
from clientvault.storage.clients import VISIBLE_STATUSES, ClientRepository
from clientvault.storage.db import CheckStopped, Database
from clientvault.storage.erasure import (
    LEGAL_BASES,
    ErasureRepository,
    ErasureRequestRow,
    LegalBasis,
    RegisterEntry,
    erase_client,
    erase_targets,
    parse_targets,
    vacuum,
)
from clientvault.storage.retention import Appraisal, RetentionRepository
from clientvault.storage.users import UserRepository

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_BASIS",
    "LEGAL_BASES",
    "SOURCES",
    "ErasureCheck",
    "ErasureRequestRow",
    "ErasureResult",
    "ErasureService",
    "LegalBasis",
    "RegisterEntry",
    "ResidueReport",
    "RetentionState",
    "WithdrawnItems",
    "basis_text",
    "complete_pending_erasures",
]

SOURCES = ("deletion_request", "consent_withdrawal", "retention_expiry", "partner_decision")
#: The basis a request of each source is usually made under (the UI preselects it).
DEFAULT_BASIS = {
    "deletion_request": "deletion_request",
    "consent_withdrawal": "consent_withdrawn",
    "retention_expiry": "retention_ended",
    "partner_decision": "service_ended",
}
MAX_NOTE = 500


def basis_text(code: str, lang: str = "zh") -> str:
    """The full wording of a legal-basis code (the code itself when it is not one of ours)."""
    basis = LEGAL_BASES.get(code)
    return basis.text(lang) if basis else code


def check_basis(code: str) -> str:
    """Return ``code`` if it is a legal-basis code, else raise ``ValidationError``."""
    if code not in LEGAL_BASES:
        raise ValidationError({"legal_basis": "unknown"})
    return code


METHOD = "secure_delete=1; fts5 secure-delete; one transaction; wal_checkpoint(TRUNCATE)"
#: How long an erasure waits for other workstations' reads before it records "pending on disk".
CHECKPOINT_WAIT_MS = 1000
#: How often the check after an erasure tries the checkpoint when readers hold it back (then the
#: erasure stays "pending on disk", finished by the next look; never a failure).
CHECKPOINT_ATTEMPTS = 4
#: Certificates whose check runs in this process now (a login-time job does not run it twice).
_checking: set[str] = set()
_checking_lock = threading.Lock()


def complete_pending_erasures(vault: Vault, *, wait_ms: int = 0, unchecked: bool = False) -> list[str]:
    """Finish erasures recorded as "pending on disk": retry the checkpoint; return the certificates completed.

    An erasure commits whole, but while another connection holds a read transaction the WAL
    checkpoint cannot copy the erased pages' new versions over the old ones nor truncate the WAL,
    so the old versions stay on disk. The register row then says ``on_disk = 'pending'`` and this
    runs again: after each erasure, when the register or a certificate is asked for, at every
    open, and from the main window's periodic check. Only the rows read *before* a completed
    checkpoint are marked complete (a later erasure's own checkpoint may not have run yet).
    Never raises for a busy vault: it simply stays pending.

    An erasure whose whole-file check is still to run is left to that check, which checkpoints
    on its own connection (a checkpoint here, on the window's connection, cost the Erasure page a
    quarter of a second at 100 000 clients); ``unchecked=True`` (at open, when no check runs)
    takes it too.
    """
    repo = ErasureRepository(vault.db)
    pending = repo.pending_on_disk(unchecked=unchecked)
    if not pending or not vault.db.checkpoint(wait_ms=wait_ms):
        return []
    try:
        with vault.db.transaction():
            for cert, client_id in pending:
                repo.set_on_disk(cert, "complete")
                vault.record("erasure.on_disk", f"client:{client_id}", reason=f"certificate:{cert}", outcome="complete")
    except VaultBusy:  # another workstation is writing: the next check records it
        return []
    vault.db.checkpoint(wait_ms=wait_ms)
    return [cert for cert, _ in pending]


@dataclass(frozen=True)
class ErasureResult:
    """The outcome of an executed erasure."""

    certificate_no: str
    client_id: int
    erased: dict[str, int]
    integrity_problems: tuple[str, ...] | None  # None: not checked
    vacuumed: bool
    #: "erased"; "sealed" (a retention period runs: storage only, PIPL Art 47 para 2, the items
    #: no rule requires erased under ``certificate_no``); "kept" (nothing could be erased).
    outcome: str = "erased"
    sealed_until: date | None = None
    kept: tuple[str, ...] = ()  # targets of an item request kept because a rule requires them
    on_disk: str = "complete"  # "pending": another workstation's read held old page versions on disk
    #: False: returned as soon as the erasure committed; the whole-file check (checkpoint, VACUUM,
    #: integrity check) comes next with :meth:`ErasureService.finish_check`, the certificate after it.
    checked: bool = True


@dataclass(frozen=True)
class ErasureCheck:
    """The outcome of the whole-file check that follows an erasure (its certificate waits for it)."""

    certificate_no: str
    #: "ok", "problems", "not_run" (not asked for, or the vault was busy), "pending" (stopped
    #: before it finished: the vault was locked; the next login of a partner or privacy officer runs it).
    integrity: str
    problems: tuple[str, ...] | None
    vacuumed: bool
    on_disk: str  # "complete" or "pending" (another reader held the old page versions; finished later)


@dataclass(frozen=True)
class RetentionState:
    """Whether a legal retention period still runs for a client, and until when."""

    running: bool
    until: date | None  # None while the engagement continues (the period has not started)
    rule: str


@dataclass(frozen=True)
class WithdrawnItems:
    """One client's stored items that only withdrawn purposes needed (flagged by the consent workflow)."""

    client_id: int
    name: str  # the client's name ("" when the record is sealed)
    kinds: tuple[str, ...]  # one per item, its field or kind: "id_number", "bank_account", ...
    flagged_at: str  # the earliest flag
    open_request: int | None  # an open consent-withdrawal request that covers every item


def item_kind(item: str) -> str:
    """The field or kind named by a flagged item ref (``"person:5.id_number"`` → ``"id_number"``)."""
    return item.split(".", 1)[1] if "." in item else item.split(":", 1)[0]


class ErasureService:
    """Erasure requests, approvals, execution and the destruction register for the acting session."""

    def __init__(self, vault: Vault, *, today: date | None = None) -> None:
        self.vault = vault
        self.repo = ErasureRepository(vault.db)
        self.clients = ClientRepository(vault.db)
        self._today = today

    @property
    def today(self) -> date:
        """The current date (fixed in tests)."""
        return self._today or date.today()

    # -- requests ------------------------------------------------------------------------------

    def request(self, client_id: int, source: str, legal_basis: str, *, targets: list[str] | None = None) -> int:
        """Ask for a client (or, with ``targets``, parts of it) to be erased.

        Accountants may ask only for their assigned, visible clients; partners and the privacy
        officer for any client that is not erased yet (locked ones included). A client in a
        status the role cannot see is ``NotFound`` like a missing one, so the answer never tells
        an accountant which numbers are locked.

        Args:
            legal_basis: A code of :data:`LEGAL_BASES` (``ValidationError`` otherwise).
        """
        obj = f"client:{client_id}"
        self.vault.require(Capability.REQUEST_ERASURE, obj)
        if source not in SOURCES:
            raise ValidationError({"source": "unknown"})
        basis = check_basis(legal_basis)
        try:
            parsed = parse_targets(",".join(targets or []))
        except ValueError:
            raise ValidationError({"targets": "format"}) from None
        role = self.vault.session.role
        seen = VISIBLE_STATUSES if role not in (Role.PARTNER, Role.PRIVACY_OFFICER) else (*VISIBLE_STATUSES, "locked")
        client = self.clients.get_client(client_id)
        if client is None or client["status"] not in seen:
            raise NotFound("client", client_id)
        if role is Role.ACCOUNTANT and not self.clients.is_assigned(client_id, self.vault.session.user_id):
            self.vault.deny(Capability.REQUEST_ERASURE, obj)
        if parsed and client["status"] == "locked":
            raise InvalidState("locked_partial")  # a sealed record is erased whole or not at all
        scope = "items" if parsed else "client"
        if basis == "retention_ended" and self.retention(client_id).running:
            # PIPL Art 47(1)(2) needs the period to have ended: refused (and audited) before the date.
            with self.vault.db.transaction():
                self.vault.record("erasure.request", obj, reason=f"source={source}", outcome="retention_running")
            raise InvalidState("retention_running")
        with self.vault.db.transaction():
            rid = self.repo.add_request(client_id, source, scope, ",".join(parsed), basis, self.vault.session.user_id)
            self.vault.record("erasure.request", obj, reason=f"request:{rid},source={source},scope={scope}")
        return rid

    def request_withdrawn(self, client_id: int) -> int | None:
        """Open one partial-erasure request for the items only withdrawn purposes needed.

        The items come from ``ConsentService.erasure_candidates`` (the consent workflow flags them
        when a consent is withdrawn); executing the request resolves those flags as ``erased``.
        Returns the request id, or None when nothing is flagged.
        """
        from clientvault.services.consent import ConsentService

        candidates = ConsentService(self.vault).erasure_candidates(client_id)
        if not candidates:
            return None
        targets = list(dict.fromkeys(c.item for c in candidates))
        existing = self._open_withdrawn_request(client_id, targets)
        if existing is not None:  # asking twice would only queue a duplicate for the partner
            return existing
        return self.request(client_id, "consent_withdrawal", "consent_withdrawn", targets=targets)

    def _open_withdrawn_request(self, client_id: int, items: list[str]) -> int | None:
        """An open consent-withdrawal request of the client whose targets include every item."""
        for r in self.repo.open_requests(client_id):
            if r.source == "consent_withdrawal" and r.scope == "items" and set(items) <= set(r.targets.split(",")):
                return r.id
        return None

    def withdrawn_items(self, client_id: int | None = None) -> list[WithdrawnItems]:
        """Items flagged after a consent withdrawal, per client (partner, accountant, privacy officer).

        With ``client_id``: that client only (an empty list when nothing is flagged), for a role
        that may see the client. Without: every client the role may ask erasure for (an
        accountant: their assigned clients). Each row says whether a request for the items is
        open already; :meth:`request_withdrawn` opens one.
        """
        from clientvault.services.consent import ConsentService

        candidates = ConsentService(self.vault).erasure_candidates(client_id)
        session = self.vault.session
        by_client: dict[int, list[str]] = {}
        first: dict[int, str] = {}
        for c in candidates:
            if c.client_id not in by_client:
                accountant = client_id is None and session.role is Role.ACCOUNTANT
                if accountant and not self.clients.is_assigned(c.client_id, session.user_id):
                    continue
                by_client[c.client_id] = []
                first[c.client_id] = c.flagged_at
            if c.item not in by_client[c.client_id]:
                by_client[c.client_id].append(c.item)
            first[c.client_id] = min(first[c.client_id], c.flagged_at)
        out = []
        for cid, items in by_client.items():
            row = self.clients.get_client(cid)
            visible = row is not None and row["status"] in VISIBLE_STATUSES
            out.append(
                WithdrawnItems(
                    client_id=cid,
                    name=str(row["name"] or "") if visible and row is not None else "",
                    kinds=tuple(item_kind(i) for i in items),
                    flagged_at=first[cid],
                    open_request=self._open_withdrawn_request(cid, items),
                )
            )
        return out

    def requests(
        self, states: tuple[str, ...] | None = None, *, limit: int = 500, offset: int = 0
    ) -> list[ErasureRequestRow]:
        """Erasure requests, newest first (partner and privacy officer: all; accountant: their own)."""
        granted = self.vault.require(Capability.REQUEST_ERASURE, "erasure_requests")
        rows = self.repo.requests(states, limit=limit, offset=offset)
        if self.vault.session.role is Role.ACCOUNTANT or granted is not Scope.ALL:
            rows = [r for r in rows if r.requested_by == self.vault.session.user_id]
        return rows

    def _get(self, request_id: int) -> ErasureRequestRow:
        req = self.repo.get_request(request_id)
        if req is None:
            raise NotFound("erasure_request", request_id)
        return req

    def _on_hold(self, client_id: int) -> bool:
        return bool(RetentionRepository(self.vault.db).active_holds(client_id))

    def _only_partner(self, user_id: int) -> bool:
        """Whether ``user_id`` is the firm's only active partner."""
        partners = [u.id for u in UserRepository(self.vault.db).list(include_disabled=False) if u.role is Role.PARTNER]
        return partners == [user_id]

    def approve(self, request_id: int) -> None:
        """Approve a request (a partner who did not make it). Refused while a legal hold stands.

        Four eyes: the requester cannot approve their own request. In a firm with a single
        partner, a request that partner made is approved by the privacy officer.

        Raises:
            InvalidState: ``four_eyes_requester`` (the approver made the request), ``legal_hold``,
                ``erasure_not_requested``.
        """
        req = self._get(request_id)
        obj = f"client:{req.client_id}"
        session = self.vault.session
        if session.role is Role.PRIVACY_OFFICER and self._only_partner(req.requested_by):
            pass  # the second person of a single-partner firm
        else:
            self.vault.require(Capability.APPROVE_ERASURE, obj)
        if req.requested_by == session.user_id:
            with self.vault.db.transaction():
                self.vault.record("erasure.approve", obj, reason=f"request:{request_id}", outcome="four_eyes")
            raise InvalidState("four_eyes_requester")
        with self.vault.db.transaction():
            held = self._on_hold(req.client_id)
            if held:  # the refusal is audited and committed; nothing else changes
                self.vault.record("erasure.approve", obj, reason=f"request:{request_id}", outcome="legal_hold")
            elif self.repo.set_state(request_id, "requested", "approved", self.vault.session.user_id):
                self.vault.record("erasure.approve", obj, reason=f"request:{request_id}")
            else:
                raise InvalidState("erasure_not_requested")
        if held:
            raise InvalidState("legal_hold")

    def refuse(self, request_id: int, reason: str) -> None:
        """Refuse a request with a reason (partner; e.g. the law still requires keeping the data)."""
        req = self._get(request_id)
        obj = f"client:{req.client_id}"
        self.vault.require(Capability.APPROVE_ERASURE, obj)
        text = check_reason(reason)
        uid = self.vault.session.user_id
        with self.vault.db.transaction():
            # The typed reason stays with the client (erased with it); the request row and the
            # audit event point at it.
            note = RetentionRepository(self.vault.db).add_reason(req.client_id, "erasure_refused", text, uid).ref
            if not (
                self.repo.set_state(request_id, "requested", "refused", uid, reason=note)
                or self.repo.set_state(request_id, "approved", "refused", uid, reason=note)
            ):
                raise InvalidState("erasure_closed")
            self.vault.record("erasure.refuse", obj, reason=f"request:{request_id}")

    # -- execution -----------------------------------------------------------------------------

    def execute(
        self, request_id: int, *, witness: str = "", verify: bool = True, note: str = "", check_later: bool = False
    ) -> ErasureResult:
        """Carry out an approved request (privacy officer or partner).

        While a legal retention period runs (:meth:`retention`) and no partner overrode it, a
        whole-client request **seals** the record instead of destroying it (PIPL Art 47 para 2:
        storage and security measures only; the items no retention rule requires are erased, see
        ``LockService.lock``; sealing needs ``PK``, so a partner executes it), an item request
        erases only the items no rule requires, and a ``retention_ended`` request is refused.
        Destroying a record that holds accounting archives needs an appraisal
        (:meth:`appraise`, 会计档案管理办法 第十六条).

        Args:
            request_id: An approved request.
            witness: The witness (监销人) for the destruction register: required, and not the
                executor (four eyes).
            verify: Run the integrity check afterwards and record its result (the certificate
                prints it). It reads every page, so the benchmark times the erasure without it.
            check_later: Return as soon as the erasure has committed (``checked=False``; the GUI
                and the CLI answer the user then); the caller runs :meth:`finish_check` next, off
                the GUI thread. Until it has run the register says ``integrity='pending'`` and no
                certificate is issued; a check never run (process killed) is run by
                :meth:`finish_pending_checks` at the next login of a partner or privacy officer.
            note: An optional free note for the register, sealed under ``PK`` (a session holding
                it: a partner). Never in the audit log, the ledger or the backup catalogue.

        Raises:
            InvalidState: ``legal_hold`` (audited, nothing erased), ``retention_running``
                (audited), ``appraisal_missing``, ``erasure_not_approved``, or
                ``partner_key_unavailable`` (a note, or a sealing, without ``PK``).
            ValidationError: ``witness`` missing (``required``) or the executor (``executor``).
        """
        req = self._get(request_id)
        obj = f"client:{req.client_id}"
        self.vault.require(Capability.EXECUTE_ERASURE, obj)
        if req.state != "approved":
            raise InvalidState("erasure_not_approved")
        note_text = self._check_note(note)
        witness_text = self._check_witness(witness)
        db = self.vault.db
        sealed: ErasureResult | None = None
        kept: tuple[str, ...] = ()
        with db.transaction():
            req = self._get(request_id)  # re-read under the write lock
            if req.state != "approved":
                raise InvalidState("erasure_not_approved")
            decision = "hold" if self._on_hold(req.client_id) else self._decision(req)
            if decision in ("hold", "refuse"):  # the refusal is audited and committed; nothing is erased
                outcome = "legal_hold" if decision == "hold" else "retention_running"
                self.vault.record("erasure.execute", obj, reason=f"request:{request_id}", outcome=outcome)
            elif decision == "seal":
                sealed = self._seal_instead(req)
            else:
                targets = None
                if decision == "items":
                    targets, kept = self._split_required(req)
                if kept:  # a withdrawal flag on a kept item is answered: kept because the law requires it
                    self.repo.resolve_flags_kept(req.client_id, kept)
                if targets == []:  # every item is required by a rule: nothing to erase, no certificate
                    self.repo.set_state(request_id, "approved", "executed", self.vault.session.user_id)
                    self.repo.set_outcome(request_id, "kept")
                    self.vault.record("erasure.execute", obj, reason=f"request:{request_id},kept", outcome="kept")
                    sealed = ErasureResult("", req.client_id, {}, None, False, outcome="kept", kept=kept)
                else:
                    cert, erased = self._erase(req, witness_text, note_text, targets=targets)
                    if kept:
                        self.repo.set_outcome(request_id, "erased")
                    if verify:  # the whole-file check is due: no certificate before it has run
                        self.repo.set_register_result(cert, "pending", False)
        if decision == "hold":
            raise InvalidState("legal_hold")
        if decision == "refuse":
            raise InvalidState("retention_running")
        if sealed is not None:
            db.checkpoint()
            if sealed.certificate_no:
                mirror_ledger(self.vault)
            return sealed
        # The ledger mirror beside the backups first: a restore must replay this erasure even if
        # the process dies during the check.
        mirror_ledger(self.vault)
        with contextlib.suppress(OSError):  # a killed backup's or restore's copy may hold the erased values
            sweep_leftovers(self.vault.paths, backup_folder(self.vault))
        if check_later:
            return ErasureResult(cert, req.client_id, erased, None, False, kept=kept, on_disk="pending", checked=False)
        check = self.finish_check(cert, verify=verify)
        return ErasureResult(cert, req.client_id, erased, check.problems, check.vacuumed, kept=kept,
                             on_disk=check.on_disk)  # fmt: skip

    def _check_witness(self, witness: str) -> str:
        """Four eyes: a witness (监销人) is named, and it is not the executor."""
        text = free_text("witness", witness, 100, required=True)
        me = UserRepository(self.vault.db).get(self.vault.session.user_id)
        mine = {me.username.casefold(), " ".join(me.display_name.split()).casefold()} if me else set()
        if text.casefold() in mine:
            raise ValidationError({"witness": "executor"})
        return text

    # -- retention -----------------------------------------------------------------------------

    def retention(self, client_id: int) -> RetentionState:
        """Whether a legal retention period runs for a client (no role check: callers made one).

        A prospect has no archives; an active client's period has not started yet (it runs);
        an ended client's period is computed from its end date and the rules; a locked record's
        is the end it was sealed with.
        """
        client = self.clients.get_client(client_id)
        if client is None or client["status"] in ("prospect", "erased"):
            return RetentionState(False, None, "none")
        if client["status"] == "locked":
            sealed = RetentionRepository(self.vault.db).get_sealed(client_id)
            if sealed is not None:
                until = date.fromisoformat(sealed.retention_until)
                return RetentionState(until > self.today, until, sealed.retention_rule)
        end = client.get("engagement_end")
        if client["status"] == "ended" and end:
            dates = retention_dates(date.fromisoformat(str(end)), RetentionRepository(self.vault.db).rules())
            return RetentionState(dates.until > self.today, dates.until, dates.rule)
        return RetentionState(True, None, "engagement")

    def _decision(self, req: ErasureRequestRow) -> str:
        """``erase``, ``refuse`` (retention_ended before the date), ``seal`` or ``items``."""
        if not self.retention(req.client_id).running or self.repo.override_of(req.id)[0]:
            return "erase"
        if req.legal_basis == "retention_ended":
            return "refuse"
        return "seal" if req.scope == "client" else "items"

    def override(self, request_id: int, reason: str) -> None:
        """Let an open request destroy data although a retention period runs (partner only).

        The typed reason is audited (``erasure.override``, the text kept on the request) and
        printed on the certificate, so it may not contain the client's or a person's name or ID
        number (``ValidationError reason=personal_data``).
        """
        req = self._get(request_id)
        obj = f"client:{req.client_id}"
        if self.vault.session.role is not Role.PARTNER:
            self.vault.deny(Capability.APPROVE_ERASURE, obj)
        text = check_reason(reason)
        if self._names_in(req.client_id, text):
            raise ValidationError({"reason": "personal_data"})
        with self.vault.db.transaction():
            if not self.repo.set_override(request_id, text, self.vault.session.user_id):
                raise InvalidState("erasure_closed")
            self.vault.record("erasure.override", obj, reason=f"request:{request_id}")

    def _names_in(self, client_id: int, text: str) -> bool:
        """Whether ``text`` holds the client's name, code, or a person's name or ID number."""
        client = self.clients.get_client(client_id) or {}
        values = [client.get(k) for k in ("name", "uscc", "tax_no")]
        for person in self.clients.persons(client_id):
            values += [person.get("name"), person.get("id_number")]
        folded = text.casefold()
        return any(v and len(str(v)) >= 2 and str(v).casefold() in folded for v in values)

    def _target_class(self, client_id: int, target: str) -> str:
        """The item class (services.retention.ITEM_CLASSES) of an erasure target."""
        kind, _, field = target.partition(".")
        if kind.startswith("item:"):
            row = self.vault.db.one("SELECT kind FROM sensitive_items WHERE id = ? AND client_id = ?",
                                    (int(kind[5:]), client_id))  # fmt: skip
            return f"item.{row[0]}" if row else ""
        if kind.startswith("person:"):
            role = self.vault.db.scalar("SELECT role FROM persons WHERE id = ? AND client_id = ?",
                                        (int(kind[7:]), client_id))  # fmt: skip
            if role is None:
                return ""
            return f"person.{role}" + ("" if not field else ".id_number" if field == "id_number" else ".contact")
        if kind == "client":
            return "client.notes" if field == "notes" else "client.contact" if field in ("phone", "email") else ""
        return "consent_evidence" if kind.startswith("evidence:") else ""

    def _split_required(self, req: ErasureRequestRow) -> tuple[list[str], tuple[str, ...]]:
        """Split an item request's targets into those to erase and those a retention rule requires."""
        rules = RetentionRepository(self.vault.db).rules()
        erase: list[str] = []
        kept: list[str] = []
        for target in parse_targets(req.targets):
            cls = self._target_class(req.client_id, target)
            required = any(r.applies and cls in r.covers for r in rules)
            (kept if required else erase).append(target)
        return erase, tuple(kept)

    def _seal_instead(self, req: ErasureRequestRow) -> ErasureResult:
        """Seal the record (storage only) instead of destroying it; the caller holds the transaction."""
        from clientvault.services.locking import LockService

        locks = LockService(self.vault, today=self.today)
        client = self.clients.get_client(req.client_id)
        cert = None
        if client is not None and client["status"] != "locked":
            until, cert = locks.seal_in_transaction(
                req.client_id, f"erasure request {req.id}: retention period running (PIPL Art 47 para 2)",
                request_id=req.id, basis=req.legal_basis,
            )  # fmt: skip
        else:
            until = self.retention(req.client_id).until or self.today
        uid = self.vault.session.user_id
        self.repo.set_state(req.id, "approved", "executed", uid, certificate_no=cert)
        self.repo.set_outcome(req.id, "sealed")
        self.vault.record("erasure.execute", f"client:{req.client_id}", reason=f"request:{req.id},sealed",
                          outcome="sealed")  # fmt: skip
        entry = self.repo.register_entry(cert) if cert else None
        erased = entry.erased if entry else {}
        return ErasureResult(cert or "", req.client_id, erased, None, False, outcome="sealed", sealed_until=until)

    def erase_unrequired(self, client_id: int, targets: list[str], basis: str) -> str:
        """Erase the items no retention rule requires, at sealing (the caller holds the transaction).

        The same path as an erasure: ``erase_targets``, a ledger entry (replayed on every restore),
        a destruction register entry and an audit event. Returns the certificate number.
        """
        db = self.vault.db
        erased = erase_targets(db, client_id, targets)
        cert = self.repo.next_certificate_no(datetime.now(UTC).year)
        uid = self.vault.session.user_id
        self.repo.append_ledger(client_id, "items", ",".join(targets), uid, basis, cert)
        self.repo.add_register(None, certificate_no=cert, client_id=client_id, source="sealing", scope="items",
                               erased=erased, legal_basis=basis, executed_by=uid, witness="",
                               method=METHOD)  # fmt: skip
        self.vault.record("erasure.sealing", f"client:{client_id}", reason=f"certificate:{cert}")
        return cert

    # -- appraisal (鉴定) ----------------------------------------------------------------------

    def appraise(self, client_id: int, conclusion: str = "destroy", categories: tuple[str, ...] = ()) -> int:
        """Record a 会计档案鉴定意见书 for a client's archives (partner, privacy officer).

        会计档案管理办法 第十六条: archives are appraised before they are destroyed. ``categories``
        defaults to every archive category the record holds. Returns the appraisal's id.
        """
        self._registers()
        if conclusion not in ("destroy", "keep"):
            raise ValidationError({"conclusion": "unknown"})
        if self.clients.get_client(client_id) is None:
            raise NotFound("client", client_id)
        cats = categories or tuple(r["category"] for r in self._archive_rows(client_id) if r.get("archive"))
        with self.vault.db.transaction():
            aid = RetentionRepository(self.vault.db).add_appraisal(client_id, cats, conclusion,
                                                                    self.vault.session.user_id)  # fmt: skip
            self.vault.record("erasure.appraisal", f"client:{client_id}", reason=f"appraisal:{aid}",
                              outcome=conclusion)  # fmt: skip
        return aid

    def appraisals(self, client_id: int) -> list[Appraisal]:
        """The client's appraisal records, newest first (partner, privacy officer)."""
        self._registers()
        return RetentionRepository(self.vault.db).appraisals(client_id)

    def _archive_rows(self, client_id: int) -> list[dict[str, Any]]:
        """The 销毁清册 rows of the client's record (sealed: as recorded at sealing)."""
        repo = RetentionRepository(self.vault.db)
        records = repo.sealing_records(client_id)
        if records and records[-1].archive_rows:
            return [dict(r) for r in records[-1].archive_rows]
        client = self.clients.get_client(client_id)
        if client is None or (client["status"] == "prospect" and not client.get("engagement_start")):
            return []  # no engagement: no accounting archives
        end = client.get("engagement_end")
        last = date.fromisoformat(str(end)).year if end else self.today.year
        start = client.get("engagement_start")
        first = date.fromisoformat(str(start)).year if start else None
        classes = {"client.identity"}
        classes |= {f"person.{p['role']}" for p in self.clients.persons(client_id)}
        classes |= {f"item.{i['kind']}" for i in self.clients.items(client_id)}
        return archive_rows(client_id, classes, repo.rules(), first, last)

    def _appraisal_for(self, client_id: int, rows: list[dict[str, Any]]) -> int | None:
        """The unused ``destroy`` appraisal covering every archive row, or None when rows need none.

        Raises:
            InvalidState: ``appraisal_missing``.
        """
        needed = {r["category"] for r in rows if r.get("archive")}
        if not needed:
            return None
        for a in RetentionRepository(self.vault.db).appraisals(client_id):
            if a.used_by is None and a.conclusion == "destroy" and needed <= set(a.categories):
                return a.id
        raise InvalidState("appraisal_missing")

    def _check_note(self, note: str) -> str:
        text = free_text("note", note, MAX_NOTE)
        if text:
            keys = self.vault.session.keys
            if keys is None or keys.pk is None:
                raise InvalidState("partner_key_unavailable")
        return text

    def _note_aad(self, certificate_no: str) -> bytes:
        return aad("erasure-note", self.vault.vault_id, certificate_no)

    def _erase(
        self, req: ErasureRequestRow, witness: str, note: str = "", *, targets: list[str] | None = None
    ) -> tuple[str, dict[str, int]]:
        """The erasure itself; the caller holds the transaction (``targets``: a subset of an item request's)."""
        db = self.vault.db
        obj = f"client:{req.client_id}"
        request_id = req.id
        if req.state != "approved":
            raise InvalidState("erasure_not_approved")
        rows: list[dict[str, Any]] = []
        appraisal = None
        if req.scope == "client":
            rows = self._archive_rows(req.client_id)
            appraisal = self._appraisal_for(req.client_id, rows)
            erased = erase_client(db, req.client_id)
        else:
            erased = erase_targets(db, req.client_id, parse_targets(req.targets) if targets is None else targets)
        cert = self.repo.next_certificate_no(datetime.now(UTC).year)
        uid = self.vault.session.user_id
        self.repo.append_ledger(req.client_id, req.scope, req.targets, uid, req.legal_basis, cert)
        self.repo.set_state(request_id, "approved", "executed", uid, certificate_no=cert)
        sealed_note = None
        if note:
            keys = self.vault.session.keys
            assert keys is not None and keys.pk is not None  # _check_note made sure
            sealed_note = seal(keys.pk, note.encode("utf-8"), self._note_aad(cert))
        self.repo.add_register(req, certificate_no=cert, client_id=req.client_id, source=req.source,
                               scope=req.scope, erased=erased, legal_basis=req.legal_basis, executed_by=uid,
                               witness=witness, method=METHOD, note=sealed_note)  # fmt: skip
        # Pending until a checkpoint has completed: a crash before it is finished at the next open.
        self.repo.set_on_disk(cert, "pending")
        override = self.repo.override_of(request_id)[0]
        for row in rows:
            row["kept_years"] = years_kept(row["from"], self.today)
        self.repo.set_register_extras(cert, archive_rows=rows, override_reason=override, appraisal_id=appraisal)
        if appraisal is not None:
            RetentionRepository(db).use_appraisal(appraisal, cert)
        self.repo.set_outcome(request_id, "erased")
        self.vault.record("erasure.execute", obj, reason=f"request:{request_id},certificate:{cert}")
        return cert, erased

    def finish_check(
        self, certificate_no: str, *, verify: bool = True, progress: Callable[[float], bool] | None = None
    ) -> ErasureCheck:
        """Steps 3–4 of the recipe after an erasure has committed, on a connection of its own.

        Checkpoint (retried while other readers hold it back; still busy: "pending on disk",
        finished by the next look — never a failure), ``VACUUM`` when the firm's setting asks for
        it, the whole-file integrity check (every page: seconds at 100 000 clients), and the result
        recorded in the register (the certificate is issued from then on). The window's
        connection is not used, so the GUI's searches go on meanwhile. ``progress(fraction)``
        gets an estimate of the share done; returning False stops the check (the vault is being
        locked): the register keeps ``integrity='pending'`` and the next login runs it again.
        """
        with _checking_lock:
            if certificate_no in _checking:  # already running in this process (the GUI's own operation)
                return ErasureCheck(certificate_no, "pending", None, False, "pending")
            _checking.add(certificate_no)
        try:
            own = second_session(self.vault)
            try:
                return self._check(own, certificate_no, verify, progress or (lambda _f: True))
            finally:
                own.db.close()
                own.session.drop_keys()
        finally:
            with _checking_lock:
                _checking.discard(certificate_no)

    def finish_pending_checks(self, progress: Callable[[float], bool] | None = None) -> list[ErasureCheck]:
        """Run every whole-file check an erasure still waits for (a process killed during its check)."""
        self._registers()
        return [self.finish_check(cert, progress=progress) for cert in self.repo.checks_to_run()]

    def _check(self, own: Vault, cert: str, verify: bool, progress: Callable[[float], bool]) -> ErasureCheck:
        repo = ErasureRepository(own.db)
        entry = repo.register_entry(cert)
        if entry is None:
            raise NotFound("certificate", cert)
        share = 0.9 if verify else 0.0  # of the progress bar: the check; the rest the checkpoint/VACUUM
        if not progress(0.0):
            return ErasureCheck(cert, "pending", None, False, entry.on_disk)
        done = _checkpoint(own.db)
        vacuumed = False
        problems: tuple[str, ...] | None = None
        try:
            if RetentionService(own).settings().vacuum_after_erasure:
                vacuum(own.db)
                done = _checkpoint(own.db)
                vacuumed = True
            if not progress(1 - share):
                return ErasureCheck(cert, "pending", None, vacuumed, "complete" if done else entry.on_disk)
            if verify:
                base = 1 - share
                problems = tuple(own.db.integrity_problems(lambda f: progress(base + share * f)))
        except CheckStopped:
            return ErasureCheck(cert, "pending", None, vacuumed, "complete" if done else entry.on_disk)
        except VaultBusy:
            # Committed already: a busy vault leaves VACUUM or the check undone ("not_run"), never a failure.
            log.warning("erasure committed; VACUUM or the integrity check skipped (vault busy)")
        on_disk = "complete" if done or entry.on_disk == "complete" else "pending"
        integrity = "not_run" if problems is None else ("ok" if not problems else "problems")
        for attempt in range(CHECKPOINT_ATTEMPTS):
            try:
                with own.db.transaction():
                    repo.set_register_result(cert, integrity, vacuumed)
                    repo.set_on_disk(cert, on_disk)
                    own.record("erasure.verified", f"client:{entry.client_id}",
                               reason=f"certificate:{cert},on_disk={on_disk}", outcome=integrity)  # fmt: skip
                break
            except VaultBusy:
                time.sleep(0.2 * (attempt + 1))
        else:
            # The erasure itself has committed; the check runs again at the next login.
            log.warning("erasure committed; its check could not be recorded yet (vault busy)")
            return ErasureCheck(cert, "pending", problems, vacuumed, on_disk)
        own.db.checkpoint(wait_ms=0)
        progress(1.0)
        return ErasureCheck(cert, integrity, problems, vacuumed, on_disk)

    def erase_now(
        self,
        client_id: int,
        legal_basis: str,
        *,
        approver: Vault | None = None,
        witness: str = "",
        note: str = "",
        override_reason: str = "",
        check_later: bool = False,
    ) -> ErasureResult:
        """Request, let ``approver`` approve, and execute in one step (partner; the CLI's ``erase``).

        Four eyes: ``approver`` is an unlocked session of another person (another partner, or
        the privacy officer of a single-partner firm); the same audit trail as the three steps.
        ``override_reason``: the partner overrides a running retention period (:meth:`override`).
        ``check_later``: as for :meth:`execute` (the whole-file check is the caller's next step).

        Raises:
            InvalidState: ``four_eyes_requester`` (no approver, or the same person), ``legal_hold``,
                and everything :meth:`execute` raises.
        """
        self.vault.require(Capability.APPROVE_ERASURE, f"client:{client_id}")
        check_basis(legal_basis)
        self._check_note(note)
        self._check_witness(witness)
        if approver is None or approver.session.user_id == self.vault.session.user_id:
            raise InvalidState("four_eyes_requester")
        if self._on_hold(client_id):
            self.vault.record("erasure.execute", f"client:{client_id}", outcome="legal_hold")
            raise InvalidState("legal_hold")
        rid = self.request(client_id, "partner_decision", legal_basis)
        try:
            if override_reason:
                self.override(rid, override_reason)
            ErasureService(approver, today=self._today).approve(rid)
        except (InvalidState, ValidationError):
            with contextlib.suppress(InvalidState):
                self.refuse(rid, "not approved")
            raise
        return self.execute(rid, witness=witness, note=note, check_later=check_later)

    # -- retention expiry ----------------------------------------------------------------------

    def daily_check(self) -> list[int]:
        """Open a ``retention_expiry`` request for each locked client whose retention has run out.

        Partner or privacy officer; run at login and from the Erasure page. Clients under a
        legal hold or with an open request are skipped. Returns the new request ids.
        """
        if self.vault.session.role not in (Role.PARTNER, Role.PRIVACY_OFFICER):
            self.vault.deny(Capability.EXECUTE_ERASURE, "retention")
        expired = RetentionRepository(self.vault.db).expired(self.today.isoformat())
        made = []
        for cid in expired:
            if self._on_hold(cid) or self.repo.open_request_for(cid, "retention_expiry") is not None:
                continue
            made.append(self.request(cid, "retention_expiry", "retention_ended"))
        return made

    # -- residue scan --------------------------------------------------------------------------

    def scan_residue(self, needles: list[str]) -> ResidueReport:
        """Decrypt every page of vault.db, -wal and -journal and search for ``needles`` (partner only).

        The WAL is checkpointed first so the scan sees the files at rest. The report names files,
        pages and needle indexes only; the audit event records the counts, never a value. Anyone
        else is refused (audited with the needle count): a scan is an oracle for guessed values.
        """
        if self.vault.session.role is not Role.PARTNER:
            self.vault.record("residue.scan", "vault.db", reason=f"needles={len(needles)}", outcome="denied")
            raise AccessDenied(Capability.SCAN_RESIDUE.value)
        keys = self.vault.session.keys
        if keys is None:
            raise InvalidState("vault_locked")
        self.vault.db.checkpoint()
        report = scan_residue(self.vault.paths.db, keys.dk, needles)
        outcome = "clean" if report.clean else ("hits" if report.hits else "unverified")
        self.vault.record("residue.scan", "vault.db", reason=f"needles={len(needles)},hits={len(report.hits)}",
                          outcome=outcome)  # fmt: skip
        return report

    # -- register and certificates ---------------------------------------------------------------

    def register(self, *, limit: int = 500, offset: int = 0) -> list[RegisterEntry]:
        """The destruction register, newest first (partner and privacy officer).

        Erasures still pending on disk are retried first (without waiting for readers).
        """
        self._registers()
        complete_pending_erasures(self.vault)
        return self.repo.register(limit=limit, offset=offset)

    def register_note(self, certificate_no: str) -> str:
        """The partner's sealed note of a register entry ('' without one); needs ``PK``, audited."""
        self._registers()
        entry = self.repo.register_entry(certificate_no)
        if entry is None:
            raise NotFound("certificate", certificate_no)
        sealed = self.repo.register_note(certificate_no)
        if sealed is None:
            return ""
        keys = self.vault.session.keys
        if keys is None or keys.pk is None:
            raise InvalidState("partner_key_unavailable")
        text = open_sealed(keys.pk, sealed[0], sealed[1], self._note_aad(certificate_no), what="register_note")
        self.vault.record("erasure.note_view", f"client:{entry.client_id}", reason=f"certificate:{certificate_no}")
        return text.decode("utf-8")

    def _execution_event(self, client_id: int, certificate_no: str) -> str:
        """The erasure's own audit event, as printed on its certificate (the same on every print).

        Its hash chains every event before it, so the paper pins the audit log up to the erasure
        (docs/SECURITY.md "Audit log").
        """
        flt = AuditFilter(action_prefix="erasure.execute", object=f"client:{client_id}")
        for ev in self.vault.audit.page(flt, limit=100):
            if ev.reason.endswith(f"certificate:{certificate_no}"):
                return _head_text(ev.seq, ev.hash)
        return ""

    def _registers(self) -> None:
        if self.vault.session.role not in (Role.PARTNER, Role.PRIVACY_OFFICER):
            self.vault.deny(Capability.REGISTERS, "destruction_register")

    def certificate_pdf(self, certificate_no: str, *, lang: str = "zh") -> bytes:
        """Render the erasure certificate of a register entry (in memory; the print is audited)."""
        from clientvault.documents.erasure_certificate import CertificateData, render_erasure_certificate

        self._registers()
        entry = self.repo.register_entry(certificate_no)
        if entry is None:
            raise NotFound("certificate", certificate_no)
        if entry.integrity == "pending":  # the whole-file check after the erasure has not finished
            raise InvalidState("erasure_check_running")
        if entry.on_disk == "pending" and certificate_no not in complete_pending_erasures(
            self.vault, wait_ms=CHECKPOINT_WAIT_MS
        ):
            # A certificate is issued only once no copy of the erased values is left on disk.
            raise InvalidState("erasure_pending_on_disk")
        names = {u.id: u.display_name for u in UserRepository(self.vault.db).list()}

        def who(uid: int | None) -> str:
            return names.get(uid, "") if uid is not None else ""

        rows, override, appraisal_id = self.repo.register_extras(certificate_no)
        data = CertificateData(
            certificate_no=entry.certificate_no,
            firm_name=self.vault.firm_name,
            vault_id=self.vault.vault_id,
            client_id=entry.client_id,
            source=entry.source,
            scope=entry.scope,
            erased=entry.erased,
            legal_basis=basis_text(entry.legal_basis, lang),
            requested_by=who(entry.requested_by),
            requested_at=entry.requested_at or "",
            approved_by=who(entry.approved_by),
            approved_at=entry.approved_at or "",
            executed_by=who(entry.executed_by),
            executed_at=entry.executed_at,
            witness=entry.witness,
            method=entry.method,
            integrity=entry.integrity,
            vacuumed=entry.vacuumed,
            archive_rows=tuple(rows),
            override_reason=override,
            appraisal=self._appraisal_text(appraisal_id, lang, who),
            audit_head=self._execution_event(entry.client_id, entry.certificate_no),
        )
        pdf = render_erasure_certificate(data, lang=lang)
        self.vault.record("erasure.certificate", f"client:{entry.client_id}", reason=f"certificate:{certificate_no}")
        return pdf

    def _appraisal_text(self, appraisal_id: int | None, lang: str, who: Callable[[int | None], str]) -> str:
        """How the certificate names the appraisal a destruction relied on ("" without one)."""
        if appraisal_id is None:
            return ""
        row = self.vault.db.one("SELECT appraised_by, appraised_at, categories FROM appraisals WHERE id = ?",
                                (appraisal_id,))  # fmt: skip
        if row is None:
            return ""
        day = str(row[1])[:10]
        if lang == "zh":
            return f"第{appraisal_id}号，{day}，鉴定人{who(row[0])}，结论：可以销毁"
        return f"No. {appraisal_id}, {day}, by {who(row[0])}; conclusion: may be destroyed"

    def save_certificate(self, certificate_no: str, path: Path, *, lang: str = "zh") -> ExportEntry:
        """Save a register entry's certificate as a PDF file and record it in the export register.

        The file is written atomically (an existing file is replaced: callers that must not
        overwrite check first). The certificate names the client by number only, so the export
        entry lists no client; its note is the certificate number.

        Raises:
            AccessDenied: neither partner nor privacy officer, or the role may not save files.
            NotFound: no such certificate.
        """
        pdf = self.certificate_pdf(certificate_no, lang=lang)
        return ExportService(self.vault, today=lambda: self.today).save(
            pdf,
            path,
            kind=ExportKind.CERTIFICATE,
            purpose="erasure_certificate",
            row_count=1,
            note=certificate_no,
        )


def _checkpoint(db: Database) -> bool:
    """``wal_checkpoint(TRUNCATE)``, retried a few times while readers hold it back; whether it completed."""
    for attempt in range(CHECKPOINT_ATTEMPTS):
        if db.checkpoint(wait_ms=CHECKPOINT_WAIT_MS):
            return True
        time.sleep(0.1 * (attempt + 1))
    return False


def _head_text(seq: int, head: str) -> str:
    """An audit event as printed: 32 hex digits (128 bits) of its hash are enough for paper to pin
    the chain up to it."""
    return f"seq {seq} · {head[:32]}"
