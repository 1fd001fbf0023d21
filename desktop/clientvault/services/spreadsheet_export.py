"""Excel export: the client list, one client's or one person's record, as ``.xlsx``.

Shaped by the exporting role as the screen is: the list follows the role's visibility (an
accountant sees only assigned clients), contacts are masked where the screen masks them, and ID
numbers and bank accounts are always masked — except for a partner who asks for an unmasked
export and states its purpose. The workbook names who, when and why (document properties and a
header/footer line; ``documents.workbook_writer``) and neutralises formula-like text.

An export of more rows than the firm's threshold (setting ``export.approval_threshold``,
default 200) by anyone but a partner needs a partner's approval first: :meth:`request`, a partner
:meth:`decide`-s, then the requester saves with the approval's id (once). Every saved workbook goes
into the export register (:class:`~clientvault.services.exports.ExportService`) with its SHA-256,
row count and destroy-by date.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from clientvault.core.errors import InvalidState, NotFound, ValidationError
from clientvault.core.masking import mask_bank_account, mask_email, mask_id_number, mask_phone
from clientvault.core.records import ClientKind, ClientStatus, PersonRole
from clientvault.core.roles import Capability, Role, Scope, scope
from clientvault.core.validation import IdType, free_text
from clientvault.documents.spreadsheet import FIELDS, ID_FIELDS, SYNONYMS
from clientvault.documents.workbook_writer import Column, Sheet, Stamp, write_sheets
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.services.exports import MAX_PURPOSE, ExportEntry, ExportKind, ExportService
from clientvault.storage.audit import now_iso
from clientvault.storage.spreadsheets import clients_by_id, items_by_client, persons_by_client
from clientvault.storage.users import SettingsRepository

THRESHOLD_KEY = "export.approval_threshold"
DEFAULT_THRESHOLD = 200
_PAGE = 1000

KIND_LABEL = {
    ClientKind.ENTERPRISE: "企业",
    ClientKind.INDIVIDUAL_BUSINESS: "个体工商户",
    ClientKind.INDIVIDUAL: "个人",
}
STATUS_LABEL = {ClientStatus.PROSPECT: "潜在客户", ClientStatus.ACTIVE: "服务中", ClientStatus.ENDED: "已终止"}
ROLE_LABEL = {
    PersonRole.LEGAL_REP: "法定代表人",
    PersonRole.FINANCE_CONTACT: "财务联系人",
    PersonRole.SHAREHOLDER: "股东",
    PersonRole.CONTACT: "联系人",
    PersonRole.OWNER: "经营者",
}
ID_TYPE_LABEL = {
    IdType.RESIDENT_ID.value: "居民身份证",
    IdType.PASSPORT.value: "护照",
    IdType.HK_MACAU_PERMIT.value: "港澳居民来往内地通行证",
    IdType.TAIWAN_PERMIT.value: "台湾居民来往大陆通行证",
    IdType.RESIDENCE_PERMIT_HMT.value: "港澳台居民居住证",
}
PERSON_COLUMNS = (
    Column("客户名称", width=28),
    Column("身份"),
    Column("姓名"),
    Column("证件类型"),
    Column("证件号码", identifier=True, width=22),
    Column("联系电话", identifier=True),
    Column("电子邮箱"),
    Column("地址", width=30),
)
CONSENT_COLUMNS = (
    Column("客户名称", width=28),
    Column("人员"),
    Column("处理目的", width=24),
    Column("同意范围", width=18),
    Column("状态"),
    Column("方式", width=16),
    Column("告知同意书编号", identifier=True, width=18),
    Column("同意日期"),
    Column("到期日"),
    Column("撤回日期"),
)
CONSENT_SCOPE_LABEL = {
    "purpose": "处理目的",
    "sensitive": "敏感个人信息单独同意",
    "third_party": "向第三方提供单独同意",
}
CONSENT_STATUS_LABEL = {
    "pending": "待回签",
    "granted": "已同意",
    "refused": "已拒绝",
    "withdrawn": "已撤回",
    "expired": "已过期",
    "void": "已作废",
}
CONSENT_METHOD_LABEL = {"printed_form": "纸质告知同意书", "in_person": "当面确认"}


@dataclass(frozen=True)
class ExportScope:
    """What to export: the list (with the screen's filter), one client, or one person."""

    kind: str = "list"  # "list" | "client" | "person"
    search: str = ""
    status: ClientStatus | None = None
    accountant_id: int | None = None
    client_id: int | None = None
    person_id: int | None = None

    def fingerprint(self) -> str:
        """A JSON description without free text (the search is hashed), for approvals."""
        return json.dumps(
            {
                "kind": self.kind,
                "search": hashlib.sha256(self.search.strip().encode()).hexdigest()[:16] if self.search.strip() else "",
                "status": self.status.value if self.status else None,
                "accountant": self.accountant_id,
                "client": self.client_id,
                "person": self.person_id,
            },
            sort_keys=True,
        )


@dataclass(frozen=True)
class Approval:
    """An export request and the partner's decision."""

    id: int
    requested_by: int
    requested_at: str
    scope: str
    purpose: str
    row_count: int
    unmasked: bool
    status: str
    decided_by: int | None
    export_id: int | None


class ExcelExportService:
    """Renders and saves Excel exports for the acting session."""

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        self.vault = vault
        self.today = today
        self.clients = ClientService(vault)

    # -- settings ------------------------------------------------------------------------------

    def threshold(self) -> int:
        """Rows above which a non-partner's export needs a partner's approval."""
        raw = SettingsRepository(self.vault.db).get(THRESHOLD_KEY, str(DEFAULT_THRESHOLD))
        return int(raw) if raw.isdigit() else DEFAULT_THRESHOLD

    def set_threshold(self, rows: int) -> None:
        """Change the threshold (partner)."""
        self.vault.require(Capability.MANAGE_SETTINGS, "settings")
        if not 1 <= rows <= 1_000_000:
            raise ValidationError({"threshold": "out_of_range"})
        with self.vault.db.transaction():
            SettingsRepository(self.vault.db).set(THRESHOLD_KEY, str(rows))
            self.vault.record("settings.change", "settings", reason=f"{THRESHOLD_KEY}={rows}")

    # -- checks --------------------------------------------------------------------------------

    def _check(self, scope_: ExportScope, purpose: str, unmasked: bool) -> Scope:
        granted = self.vault.require(Capability.EXPORT, "export")
        if granted is Scope.REGISTER_ONLY:
            self.vault.deny(Capability.EXPORT, "export")
        if unmasked and self.vault.session.role is not Role.PARTNER:
            self.vault.deny(Capability.REVEAL_IDS, "export")
        free_text("purpose", purpose, MAX_PURPOSE, required=True)
        if scope_.kind not in ("list", "client", "person"):
            raise ValidationError({"scope": "unknown"})
        return granted

    def needs_approval(self, rows: int) -> bool:
        """Whether an export of ``rows`` rows by the acting role needs a partner's approval."""
        return self.vault.session.role is not Role.PARTNER and rows > self.threshold()

    # -- rows ----------------------------------------------------------------------------------

    def _filter(self, s: ExportScope) -> ClientFilter:
        return ClientFilter(text=s.search, status=s.status, accountant_id=s.accountant_id)

    def _list_ids(self, s: ExportScope) -> list[int]:
        if s.kind == "client":
            if s.client_id is None:
                raise ValidationError({"client": "required"})
            self.clients.load_visible(s.client_id)
            return [s.client_id]
        ids: list[int] = []
        after = None
        flt = self._filter(s)
        while page := self.clients.page(flt, limit=_PAGE, after=after):
            ids.extend(r.id for r in page)
            after = page[-1]
            if len(page) < _PAGE:
                break
        return ids

    def count(self, s: ExportScope) -> int:
        """Rows the export would hold."""
        self.vault.require(Capability.EXPORT, "export")
        if s.kind == "person":
            return len(self._person_rows(s, unmasked=False))
        if s.kind == "client":
            return len(self._list_ids(s))
        return self.clients.count(self._filter(s))

    def _client_rows(self, ids: Sequence[int], unmasked: bool) -> Iterator[list[Any]]:
        contacts_masked = scope(self.vault.session.role, Capability.VIEW_CONTACTS) is Scope.MASKED
        db = self.vault.db
        names = {u: n for u, n in db.all("SELECT id, display_name FROM users")}
        for start in range(0, len(ids), _PAGE):
            part = list(ids[start : start + _PAGE])
            rows = clients_by_id(db, part)
            persons = persons_by_client(db, part)
            banks = items_by_client(db, part, "bank_account")
            marks = ",".join("?" for _ in part)
            accountants: dict[int, list[str]] = {}
            for cid, uid in db.all(
                f"SELECT client_id, user_id FROM client_accountants WHERE client_id IN ({marks})", part
            ):
                accountants.setdefault(int(cid), []).append(str(names.get(uid, "")))
            for cid in part:
                c = rows.get(cid)
                if c is None:
                    continue
                rep = next((p for p in persons.get(cid, []) if p["role"] == PersonRole.LEGAL_REP.value), None)
                bank = next(iter(banks.get(cid, [])), None)
                number = (rep or {}).get("id_number") or ""
                account = bank["value"] if bank else ""
                values = {
                    "name": c["name"],
                    "kind": KIND_LABEL.get(ClientKind(c["kind"]), c["kind"]),
                    "uscc": c["uscc"] or "",
                    "tax_no": c["tax_no"] or "",
                    "legal_rep": rep["name"] if rep else "",
                    "id_number": number if unmasked or not number else mask_id_number(number),
                    "phone": mask_phone(c["phone"]) if contacts_masked and c["phone"] else (c["phone"] or ""),
                    "email": mask_email(c["email"]) if contacts_masked and c["email"] else (c["email"] or ""),
                    "address": "" if contacts_masked else (c["address"] or ""),
                    "industry": c["industry"] or "",
                    "bank_name": bank["label"] if bank else "",
                    "bank_account": account if unmasked or not account else mask_bank_account(account),
                    "accountant": ",".join(sorted(accountants.get(cid, []))),
                    "status": STATUS_LABEL.get(ClientStatus(c["status"]), c["status"]),
                    "engagement_start": c["engagement_start"] or "",
                    "notes": "" if contacts_masked else (c["notes"] or ""),
                }
                yield [values[f] for f in FIELDS]

    def _person_rows(self, s: ExportScope, *, unmasked: bool, held: dict[int, int] | None = None) -> list[list[Any]]:
        """The person's rows (one per client the role may see them on); person → client of each into ``held``."""
        if s.person_id is None:
            raise ValidationError({"person": "required"})
        found = self.vault.db.one("SELECT client_id, id_number FROM persons WHERE id = ?", (s.person_id,))
        if found is None:
            raise NotFound("person", s.person_id)
        self.clients.load_visible(int(found[0]))
        number = found[1]
        if number:
            # The same human across every client the role may see (access/copy request, PIPL Art 45).
            rows = self.vault.db.all("SELECT id, client_id FROM persons WHERE id_number = ? ORDER BY id", (number,))
        else:
            rows = [(s.person_id, found[0])]
        out: list[list[Any]] = []
        contacts_masked = scope(self.vault.session.role, Capability.VIEW_CONTACTS) is Scope.MASKED
        see_all = scope(self.vault.session.role, Capability.VIEW_CLIENTS) is Scope.ALL
        for pid, cid in rows:
            if not see_all and pid != s.person_id:
                continue  # other clients of the same person: only for roles that see every client
            client = clients_by_id(self.vault.db, [int(cid)]).get(int(cid))
            if client is None or client["status"] not in ("prospect", "active", "ended"):
                continue
            p = next(x for x in persons_by_client(self.vault.db, [int(cid)])[int(cid)] if x["id"] == pid)
            if held is not None:
                held[int(pid)] = int(cid)
            num = p["id_number"] or ""
            out.append(
                [
                    client["name"],
                    ROLE_LABEL.get(PersonRole(p["role"]), p["role"]),
                    p["name"],
                    ID_TYPE_LABEL.get(p["id_type"] or "", p["id_type"] or ""),
                    num if unmasked or not num else mask_id_number(num),
                    mask_phone(p["phone"]) if contacts_masked and p["phone"] else (p["phone"] or ""),
                    mask_email(p["email"]) if contacts_masked and p["email"] else (p["email"] or ""),
                    "" if contacts_masked else (p["address"] or ""),
                ]
            )
        return out

    def render(self, s: ExportScope, purpose: str, *, unmasked: bool = False) -> tuple[bytes, int, list[int]]:
        """Build the workbook in memory; return its bytes, its row count and the clients it holds."""
        self._check(s, purpose, unmasked)
        session = self.vault.session
        at = datetime.now().astimezone().isoformat(timespec="minutes")
        columns = [
            Column(SYNONYMS[f][0], identifier=f in ID_FIELDS, width=24 if f in ID_FIELDS else 16) for f in FIELDS
        ]
        if s.kind == "person":
            held: dict[int, int] = {}
            rows = self._person_rows(s, unmasked=unmasked, held=held)
            stamp = Stamp(self.vault.firm_name, session.display_name, at, purpose.strip(), "个人信息副本")
            clients = sorted(set(held.values()))
            consents = self._consent_rows(clients, held)
            data, _ = write_sheets(
                [Sheet("个人信息", PERSON_COLUMNS, rows), Sheet("同意记录", CONSENT_COLUMNS, consents)], stamp
            )
            return data, len(rows), clients  # every client whose data the workbook holds (export register)
        ids = self._list_ids(s)
        title = "客户清单" if s.kind == "list" else "客户档案"
        stamp = Stamp(self.vault.firm_name, session.display_name, at, purpose.strip(), title)
        sheets = [Sheet("客户", columns, self._client_rows(ids, unmasked))]
        if s.kind == "client":
            sheets.append(Sheet("人员", PERSON_COLUMNS, self._client_persons(ids[0], unmasked)))
            sheets.append(Sheet("同意记录", CONSENT_COLUMNS, self._consent_rows(ids, None)))
        data, _ = write_sheets(sheets, stamp)
        return data, len(ids), ids

    def _consent_rows(self, client_ids: Sequence[int], persons: dict[int, int] | None) -> list[list[Any]]:
        """The consents of the clients (``persons`` None) or of those person rows only (a person's record).

        Every status, newest first, as the consent tab lists them: what the person agreed to, refused
        or withdrew, how, on which form and when (part of the full record of an access or copy request).
        """
        from clientvault.services.consent import ConsentService  # the PDF code: only when exporting
        from clientvault.services.purposes import PurposeService

        names = {p.code: p.name_zh for p in PurposeService(self.vault).catalogue(include_inactive=True)}
        consents = ConsentService(self.vault)
        out: list[list[Any]] = []
        for cid in client_ids:
            client = clients_by_id(self.vault.db, [cid]).get(cid)
            if client is None:
                continue
            people = {int(p["id"]): str(p["name"]) for p in persons_by_client(self.vault.db, [cid]).get(cid, [])}
            for c in consents.consents(cid):
                if persons is not None and (c.person_id is None or persons.get(c.person_id) != cid):
                    continue
                out.append(
                    [
                        client["name"],
                        people.get(c.person_id, "") if c.person_id is not None else "本客户",
                        names.get(c.purpose_code, c.purpose_code),
                        CONSENT_SCOPE_LABEL.get(c.scope.value, c.scope.value),
                        CONSENT_STATUS_LABEL.get(c.status.value, c.status.value),
                        CONSENT_METHOD_LABEL.get(c.method.value, c.method.value),
                        c.form_no,
                        c.granted_on[:10],
                        c.expires_on[:10],
                        c.withdrawn_on[:10],
                    ]
                )
        return out

    def _client_persons(self, client_id: int, unmasked: bool) -> list[list[Any]]:
        out: list[list[Any]] = []
        for p in persons_by_client(self.vault.db, [client_id]).get(client_id, []):
            rows = self._person_rows(ExportScope(kind="person", person_id=int(p["id"])), unmasked=unmasked)
            out.extend(r for r in rows[:1])
        return out

    # -- approvals -----------------------------------------------------------------------------

    def request(self, s: ExportScope, purpose: str, *, unmasked: bool = False) -> int:
        """Ask a partner to approve an export above the threshold; returns the request's id."""
        self._check(s, purpose, unmasked)
        rows = self.count(s)
        with self.vault.db.transaction():
            cur = self.vault.db.execute(
                "INSERT INTO export_approvals (requested_by, requested_at, scope, purpose, row_count, unmasked)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (self.vault.session.user_id, now_iso(), s.fingerprint(), purpose.strip(), rows, int(unmasked)),
            )
            approval_id = int(cur.lastrowid)
            self.vault.record("export.request", f"export_approval:{approval_id}", reason=f"rows={rows}")
        return approval_id

    def _approval(self, approval_id: int) -> Approval:
        row = self.vault.db.one(
            "SELECT id, requested_by, requested_at, scope, purpose, row_count, unmasked, status, decided_by, export_id"
            " FROM export_approvals WHERE id = ?",
            (approval_id,),
        )
        if row is None:
            raise NotFound("export_approval", approval_id)
        return Approval(
            int(row[0]), int(row[1]), str(row[2]), str(row[3]), str(row[4]), int(row[5]), bool(row[6]),
            str(row[7]), row[8], row[9],
        )  # fmt: skip

    def approvals(self, *, pending_only: bool = True) -> list[Approval]:
        """Requests: every one for a partner, the acting user's own for others."""
        self.vault.require(Capability.EXPORT, "export_approvals")
        sql = "SELECT id FROM export_approvals"
        where, params = [], []
        if pending_only:
            where.append("status = 'requested'")
        if self.vault.session.role is not Role.PARTNER:
            where.append("requested_by = ?")
            params.append(self.vault.session.user_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [self._approval(int(r[0])) for r in self.vault.db.all(sql + " ORDER BY id DESC", params)]

    def decide(self, approval_id: int, approve: bool) -> None:
        """Approve or refuse a request (partner)."""
        if self.vault.session.role is not Role.PARTNER:
            self.vault.deny(Capability.EXPORT, f"export_approval:{approval_id}")
        found = self._approval(approval_id)
        if found.status != "requested":
            raise InvalidState("export_approval_used")
        status = "approved" if approve else "refused"
        with self.vault.db.transaction():
            self.vault.db.execute(
                "UPDATE export_approvals SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?",
                (status, self.vault.session.user_id, now_iso(), approval_id),
            )
            self.vault.record(f"export.{'approve' if approve else 'refuse'}", f"export_approval:{approval_id}")

    # -- save ----------------------------------------------------------------------------------

    def save(
        self,
        s: ExportScope,
        path: Path,
        purpose: str,
        *,
        unmasked: bool = False,
        approval_id: int | None = None,
    ) -> ExportEntry:
        """Render and save the workbook into the export register.

        Raises:
            InvalidState: ``export_needs_approval`` above the threshold without an approval;
                ``export_not_approved`` / ``export_approval_used`` / ``export_approval_mismatch``.
        """
        self._check(s, purpose, unmasked)
        data, rows, ids = self.render(s, purpose, unmasked=unmasked)
        approval = None
        if self.needs_approval(rows):
            if approval_id is None:
                raise InvalidState("export_needs_approval")
            approval = self._approval(approval_id)
            if approval.requested_by != self.vault.session.user_id:
                raise InvalidState("export_approval_mismatch")
            if approval.status == "used":
                raise InvalidState("export_approval_used")
            if approval.status != "approved":
                raise InvalidState("export_not_approved")
            if (
                approval.scope != s.fingerprint()
                or approval.purpose != purpose.strip()
                or approval.unmasked != unmasked
                or rows > approval.row_count
            ):
                raise InvalidState("export_approval_mismatch")
        kind = ExportKind.REQUEST_COPY if s.kind == "person" else ExportKind.EXCEL
        note = "unmasked" if unmasked else "masked"
        with self.vault.db.transaction():
            entry = ExportService(self.vault, today=self.today).save(
                data, Path(path), kind=kind, purpose=purpose, client_ids=ids, row_count=rows, note=note
            )
            if approval is not None:
                self.vault.db.execute(
                    "UPDATE export_approvals SET status = 'used', export_id = ? WHERE id = ?", (entry.id, approval.id)
                )
            if unmasked:
                self.vault.record("export.unmasked", f"export:{entry.id}", reason=f"rows={rows}")
        return entry
