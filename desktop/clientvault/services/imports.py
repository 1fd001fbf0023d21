"""Excel import: one code path for the wizard and ``clientvault import``.

1. :meth:`ImportService.layout` opens the file behind the guards of ``documents.spreadsheet``,
   finds the header row and guesses each column's field (or applies a saved mapping).
2. :meth:`ImportService.plan` streams every row and says, per row and per cell, what would be
   stored and every error (the row is refused) or warning, as codes the UI and CLI translate:
   the validators of ``core.validation``, formulas, merged cells, identifiers stored as numbers,
   serial dates, full-width input, duplicates inside the file, matches with existing clients
   (credit code, tax number or ID number; per-row choice: skip or fill the empty fields) and
   minimisation (a column whose category no purpose in force needs is not stored).
3. :meth:`ImportService.commit` writes the plan in one transaction — all or nothing, refused
   when any row is refused — with progress and cancel, and one audit event holding the counts
   and the file's SHA-256, never a value.
"""

from __future__ import annotations

import gc
import json
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from operator import itemgetter
from pathlib import Path
from typing import Any

from clientvault.core import validation as v
from clientvault.core.errors import InvalidState, SpreadsheetRefused, ValidationError
from clientvault.core.records import ClientKind, ClientStatus, DataCategory, PersonRole, SensitiveKind
from clientvault.core.roles import Capability, Role, Scope
from clientvault.documents.spreadsheet import (
    DATE_FIELDS,
    FIELDS,
    ID_FIELDS,
    SheetLayout,
    Workbook,
    file_sha256,
    header_key,
    serial_date,
)
from clientvault.documents.workbook_writer import Stamp, restore, template_workbook
from clientvault.services.context import Vault
from clientvault.services.purposes import ConsentPurposePolicy, PurposePolicy
from clientvault.storage.audit import now_iso
from clientvault.storage.clients import CLIENT_FIELDS, ClientRepository, search_row, with_name_key
from clientvault.storage.spreadsheets import (
    IMPORT_CLIENT_COLUMNS,
    IMPORT_PERSON_COLUMNS,
    clients_by_id,
    code_index,
    id_number_index,
    insert_assignments,
    insert_clients,
    insert_items,
    insert_persons,
    items_by_client,
    next_client_id,
    persons_by_client,
)
from clientvault.storage.users import SettingsRepository, UserRepository

__all__ = ["FIELDS", "Choice", "ImportPlan", "ImportResult", "ImportService", "Issue", "PlannedRow", "SheetLayout"]

Progress = Callable[[int, int], None]
Check = Callable[[], None]

MAX_MAPPING_NAME = 60
_MAPPING_PREFIX = "import.mapping."
_REPORT_EVERY = 500

#: Category of each import field (minimisation); fields not listed are identity data.
FIELD_CATEGORY: dict[str, DataCategory] = {
    "id_number": DataCategory.ID_DOCUMENT,
    "bank_account": DataCategory.BANK,
    "bank_name": DataCategory.BANK,
    "phone": DataCategory.CONTACT,
    "email": DataCategory.CONTACT,
    "address": DataCategory.CONTACT,
}
_KINDS = {
    "企业": ClientKind.ENTERPRISE,
    "公司": ClientKind.ENTERPRISE,
    "enterprise": ClientKind.ENTERPRISE,
    "company": ClientKind.ENTERPRISE,
    "个体工商户": ClientKind.INDIVIDUAL_BUSINESS,
    "个体户": ClientKind.INDIVIDUAL_BUSINESS,
    "individual_business": ClientKind.INDIVIDUAL_BUSINESS,
    "个人": ClientKind.INDIVIDUAL,
    "自然人": ClientKind.INDIVIDUAL,
    "individual": ClientKind.INDIVIDUAL,
}
_STATUSES = {
    "潜在客户": ClientStatus.PROSPECT,
    "潜在": ClientStatus.PROSPECT,
    "意向客户": ClientStatus.PROSPECT,
    "prospect": ClientStatus.PROSPECT,
    "服务中": ClientStatus.ACTIVE,
    "正常": ClientStatus.ACTIVE,
    "在服务": ClientStatus.ACTIVE,
    "合作中": ClientStatus.ACTIVE,
    "active": ClientStatus.ACTIVE,
    "已终止": ClientStatus.ENDED,
    "终止": ClientStatus.ENDED,
    "停止服务": ClientStatus.ENDED,
    "ended": ClientStatus.ENDED,
}
_MAX = {"name": 200, "address": 300, "industry": 100, "notes": 20000, "legal_rep": 100, "bank_name": 100}
_EMPTY: dict[str, Any] = {"address": "", "industry": "", "notes": "", "phone": "", "email": ""}
#: The identifier fields' validators (text, field) → normalised value.
_CHECKS: dict[str, Callable[[str, str], str]] = {
    "uscc": v.validate_uscc,
    "tax_no": v.validate_tax_number,
    "id_number": v.validate_resident_id,
    "phone": v.validate_phone,
    "email": v.validate_email,
    "bank_account": v.validate_bank_account,
}
_UPDATABLE = ("uscc", "tax_no", "address", "industry", "phone", "email", "notes", "engagement_start")


class Choice(StrEnum):
    """What to do with a row that matches an existing client."""

    SKIP = "skip"
    UPDATE_EMPTY = "update_empty"  # fill the existing client's empty fields, change nothing else


@dataclass(frozen=True, slots=True)
class Issue:
    """A finding about one cell (``field``) or the whole row (``field == ""``).

    ``code`` is translated by the UI and CLI; ``error`` refuses the row; ``ref`` is a row number
    the message may name (the first row of a duplicate), never a value.
    """

    field: str
    code: str
    error: bool
    ref: int = 0


@dataclass(slots=True)
class PlannedRow:
    """One data row: the normalised values to store, its findings and a match."""

    number: int
    values: dict[str, Any]
    issues: list[Issue]
    match_id: int | None = None
    choice: Choice = Choice.SKIP

    @property
    def refused(self) -> bool:
        """Whether any finding is an error (the whole import is then refused)."""
        return any(i.error for i in self.issues)


@dataclass
class ImportPlan:
    """What an import would do; nothing is written until :meth:`ImportService.commit`."""

    path: Path
    sha256: str
    sheet: str
    header_row: int
    mapping: dict[int, str]  # column index → field
    dropped: dict[str, str]  # field → why its column is not stored (minimisation, role)
    rows: list[PlannedRow] = field(default_factory=list)

    @property
    def refused(self) -> list[PlannedRow]:
        """Rows with an error."""
        return [r for r in self.rows if r.refused]

    @property
    def matches(self) -> list[PlannedRow]:
        """Rows that match an existing client."""
        return [r for r in self.rows if r.match_id is not None]

    @property
    def importable(self) -> bool:
        """True when no row is refused (and there is at least one row)."""
        return bool(self.rows) and not any(r.refused for r in self.rows)


@dataclass(frozen=True)
class ImportResult:
    """What a commit did."""

    created: int
    updated: int
    skipped: int
    sha256: str


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return restore(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@contextmanager
def _bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while a plan or commit builds its many small objects.

    A 50 000-row plan keeps ~200 000 small containers alive (rows, values, findings); every few
    hundred allocations the collector would walk the younger ones again, and the whole heap now and
    then, for cycles that these objects never form (10-25 % of a 50 000-row plan's time). Reference counting
    still frees everything as usual; the collector's previous state is restored at the end.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _fullwidth(text: str) -> bool:
    # Text in NFKC holds no full-width form (NFKC maps each to its half-width one): one C call
    # instead of a look-up per character for the Chinese text of most cells.
    return (
        not text.isascii()
        and not unicodedata.is_normalized("NFKC", text)
        and any(unicodedata.east_asian_width(ch) == "F" and unicodedata.normalize("NFKC", ch) != ch for ch in text)
    )


class ImportService:
    """Plans and commits Excel imports for the acting session (partner; accountant for own clients)."""

    def __init__(self, vault: Vault, purposes: PurposePolicy | None = None) -> None:
        self.vault = vault
        self.purposes: PurposePolicy = purposes or ConsentPurposePolicy()
        self.repo = ClientRepository(vault.db)

    def _require(self) -> Scope:
        return self.vault.require(Capability.IMPORT_EXCEL, "import")

    # -- file and mapping ----------------------------------------------------------------------

    def sheets(self, path: Path) -> list[str]:
        """The sheet names of a workbook (after the guards)."""
        self._require()
        with Workbook(Path(path)) as wb:
            return list(wb.sheets)

    def layout(self, path: Path, sheet: str | None = None, mapping_name: str | None = None) -> SheetLayout:
        """Find the header row; guess each column's field, or apply the saved mapping ``mapping_name``."""
        self._require()
        with Workbook(Path(path)) as wb:
            layout = wb.layout(sheet)
        if mapping_name:
            saved = self.mapping(mapping_name)
            layout.guessed = [
                saved.get(header_key(h), g) if h else None for h, g in zip(layout.headers, layout.guessed, strict=True)
            ]
        return layout

    def mapping_names(self) -> list[str]:
        """Names of the saved column mappings."""
        self._require()
        rows = self.vault.db.all("SELECT key FROM settings WHERE key LIKE ? ORDER BY key", (_MAPPING_PREFIX + "%",))
        return [str(r[0])[len(_MAPPING_PREFIX) :] for r in rows]

    def mapping(self, name: str) -> dict[str, str | None]:
        """A saved mapping: header (normalised) → field or ``None`` (column ignored)."""
        self._require()
        raw = SettingsRepository(self.vault.db).get(_MAPPING_PREFIX + name, "")
        if not raw:
            raise ValidationError({"mapping": "unknown"})
        data = json.loads(raw)
        return {str(k): (str(f) if f in FIELDS else None) for k, f in data.items()}

    def save_mapping(self, name: str, headers: list[str], fields: list[str | None]) -> None:
        """Save the mapping of ``headers`` to ``fields`` under ``name`` (replacing one of that name)."""
        self._require()
        clean = v.clean_text("mapping", name, MAX_MAPPING_NAME, required=True)
        data = {header_key(h): f for h, f in zip(headers, fields, strict=True) if h}
        with self.vault.db.transaction():
            SettingsRepository(self.vault.db).set(_MAPPING_PREFIX + clean, json.dumps(data, ensure_ascii=False))
            self.vault.record("import.mapping_saved", "settings", reason=f"columns={len(data)}")

    def template(self) -> bytes:
        """The import template workbook (columns, an example row, drop-down lists, ID columns as text)."""
        self._require()
        at = datetime.now().astimezone().isoformat(timespec="minutes")
        stamp = Stamp(
            self.vault.firm_name, self.vault.session.display_name, at, "导入模板 import template", "客户导入模板"
        )
        return template_workbook(stamp)

    # -- plan ----------------------------------------------------------------------------------

    def plan(
        self,
        path: Path,
        layout: SheetLayout | None = None,
        *,
        progress: Progress | None = None,
        check: Check | None = None,
    ) -> ImportPlan:
        """Read every row and decide what would be stored (nothing is written).

        Args:
            path: The workbook.
            layout: The sheet, header row and column fields (default: found and guessed).
            progress: Called with (rows read, 0) every few hundred rows.
            check: Called as often; raises to cancel.

        Raises:
            SpreadsheetRefused: the file is not read (see its ``reason``).
            ValidationError: ``{"mapping": "no_name"}`` when no column is mapped to the client name,
                ``{"mapping": "duplicate"}`` when two columns map to one field.
        """
        granted = self._require()
        path = Path(path)
        with Workbook(path) as wb, _bulk():  # one open: the layout and the rows share the parsed sheet
            if layout is None:
                layout = wb.layout(None)
            mapping = {i: f for i, f in enumerate(layout.guessed) if f}
            if "name" not in mapping.values():
                raise ValidationError({"mapping": "no_name"})
            if len(set(mapping.values())) != len(mapping):
                raise ValidationError({"mapping": "duplicate"})
            sha = file_sha256(path)
            ctx = _Context(self, granted, mapping)
            plan = ImportPlan(path, sha, layout.sheet, layout.header_row, mapping, ctx.dropped)
            merged_rows = _merged_rows(layout)
            for n, row in enumerate(wb.rows(layout), start=1):
                if n % _REPORT_EVERY == 0:
                    if check:
                        check()
                    if progress:
                        progress(n, 0)
                plan.rows.append(ctx.row(row.number, row.values, row.formulas, merged_rows))
        if not plan.rows:
            raise SpreadsheetRefused("no_data")
        if progress:
            progress(len(plan.rows), len(plan.rows))
        self.vault.record(
            "import.plan", "clients", reason=f"sha256={sha}:rows={len(plan.rows)}:refused={len(plan.refused)}"
        )
        return plan

    # -- commit --------------------------------------------------------------------------------

    def commit(
        self,
        plan: ImportPlan,
        choices: dict[int, Choice] | None = None,
        *,
        progress: Progress | None = None,
        check: Check | None = None,
    ) -> ImportResult:
        """Write the plan in one transaction (all or nothing).

        Args:
            plan: From :meth:`plan`.
            choices: Row number → what to do with a row that matches an existing client (default: skip).
            progress: Called with (rows written, rows) every few hundred rows.
            check: Called as often; raises to cancel (everything is rolled back).

        Raises:
            InvalidState: ``import_refused_rows`` when a row is refused, ``import_empty`` when there is no row.
        """
        granted = self._require()
        if not plan.rows:
            raise InvalidState("import_empty")
        if not plan.importable:
            raise InvalidState("import_refused_rows")
        choices = choices or {}
        user_id = self.vault.session.user_id
        own = [user_id] if granted is Scope.ASSIGNED else None
        names = {
            u.display_name.casefold(): u.id
            for u in UserRepository(self.vault.db).list(include_disabled=False)
            if u.role is Role.ACCOUNTANT
        }
        created = updated = skipped = 0
        total = len(plan.rows)
        updates = {
            r.number: r.match_id
            for r in plan.rows
            if r.match_id is not None and r.match_id > 0 and choices.get(r.number, r.choice) is Choice.UPDATE_EMPTY
        }
        now = now_iso()
        db = self.vault.db
        with db.transaction(), _bulk():
            existing = clients_by_id(db, sorted(set(updates.values())))
            next_id = next_client_id(db)
            client_columns = itemgetter(*IMPORT_CLIENT_COLUMNS[:-3])
            person_columns = itemgetter(*IMPORT_PERSON_COLUMNS)
            clients: list[tuple[Any, ...]] = []
            persons: list[tuple[Any, ...]] = []
            items: list[tuple[Any, ...]] = []
            assignments: list[tuple[int, int]] = []
            index_rows: list[tuple[int, str, str, str, str]] = []

            def flush() -> None:
                insert_clients(db, clients)
                insert_persons(db, persons)
                insert_items(db, items)
                insert_assignments(db, assignments)
                self.repo.index_many(index_rows)
                for batch in (clients, persons, items, assignments, index_rows):
                    batch.clear()

            for n, row in enumerate(plan.rows, start=1):
                if n % _REPORT_EVERY == 0:
                    flush()
                    if check:
                        check()
                    if progress:
                        progress(n, total)
                if row.match_id is not None:
                    if row.number in updates and row.match_id in existing:
                        self._update_empty(existing[row.match_id], row)
                        updated += 1
                    else:
                        skipped += 1
                    continue
                values = row.values
                client = {f: values.get(f, _EMPTY.get(f)) for f in CLIENT_FIELDS}
                client = with_name_key(client)
                cid = next_id
                next_id += 1
                clients.append((cid, *client_columns(client), now, now, user_id))
                people = []
                if values.get("legal_rep"):
                    number = values.get("id_number")
                    person = {
                        "client_id": cid,
                        "role": PersonRole.LEGAL_REP.value,
                        "name": values["legal_rep"],
                        "id_type": v.IdType.RESIDENT_ID.value if number else None,
                        "id_number": number,
                        "phone": "",
                        "email": "",
                        "address": "",
                    }
                    persons.append(person_columns(person))
                    people.append(person)
                if values.get("bank_account"):
                    label = values.get("bank_name", "")
                    items.append((cid, SensitiveKind.BANK_ACCOUNT.value, label, values["bank_account"], now, now))
                wanted = values.get("accountant", "").casefold()
                assigned = own or ([names[wanted]] if wanted in names else [])
                assignments.extend((cid, u) for u in assigned)
                index_rows.append((cid, *search_row(client, people)))
                created += 1
            flush()
            self.vault.record(
                "import.commit",
                "clients",
                reason=f"sha256={plan.sha256}:rows={total}:created={created}:updated={updated}:skipped={skipped}",
            )
        if progress:
            progress(total, total)
        return ImportResult(created, updated, skipped, plan.sha256)

    def _update_empty(self, client: dict[str, Any], row: PlannedRow) -> None:
        cid = int(client["id"])
        allowed = self.purposes.allowed_categories(self.vault, client)
        values = {
            k: row.values[k]
            for k in _UPDATABLE
            if row.values.get(k) and not client.get(k) and FIELD_CATEGORY.get(k, DataCategory.IDENTITY) in allowed
        }
        if values and not self.repo.update_client(cid, int(client["version"]), values):
            raise InvalidState("import_record_changed")
        persons = persons_by_client(self.vault.db, [cid]).get(cid, [])
        if row.values.get("legal_rep") and not any(p["role"] == PersonRole.LEGAL_REP.value for p in persons):
            person: dict[str, Any] = {
                "role": PersonRole.LEGAL_REP.value,
                "name": row.values["legal_rep"],
                "phone": "",
                "email": "",
                "address": "",
            }
            if row.values.get("id_number") and DataCategory.ID_DOCUMENT in allowed:
                person["id_type"], person["id_number"] = v.IdType.RESIDENT_ID.value, row.values["id_number"]
            self.repo.insert_person(cid, person)
        if (
            row.values.get("bank_account")
            and DataCategory.BANK in allowed
            and not items_by_client(self.vault.db, [cid], SensitiveKind.BANK_ACCOUNT.value)
        ):
            self.repo.insert_item(
                cid, None, SensitiveKind.BANK_ACCOUNT.value, row.values.get("bank_name", ""), row.values["bank_account"]
            )
        self.repo.reindex(cid)


def _merged_rows(layout: SheetLayout) -> dict[int, str]:
    """Data rows touched by a merged range: ``"rows"`` (spans several rows: refused) or ``"cols"``."""
    out: dict[int, str] = {}
    for r1, r2, _c1, _c2 in layout.merged:
        if r2 <= layout.header_row:
            continue
        for r in range(max(r1, layout.header_row + 1), r2 + 1):
            if r2 > r1:
                out[r] = "rows"
            else:
                out.setdefault(r, "cols")
    return out


class _Context:
    """Per-plan state: role rules, minimisation, duplicates, matching keys."""

    def __init__(self, service: ImportService, granted: Scope, mapping: dict[int, str]) -> None:
        self.service = service
        self.mapping = sorted(mapping.items())
        fields = set(mapping.values())
        vault = service.vault
        self.role = vault.session.role
        self.granted = granted
        self.codes = code_index(vault.db)
        self.ids = id_number_index(vault.db)
        self.first_code: dict[str, int] = {}
        self.first_name: dict[str, int] = {}
        self.editable: set[int] | None = None
        if granted is Scope.ASSIGNED:
            self.editable = {
                int(r[0])
                for r in vault.db.all(
                    "SELECT client_id FROM client_accountants WHERE user_id = ?", (vault.session.user_id,)
                )
            }
        self.accountants = {
            u.display_name.casefold()
            for u in UserRepository(vault.db).list(include_disabled=False)
            if u.role is Role.ACCOUNTANT
        }
        self.allowed = {
            s: service.purposes.allowed_categories(vault, {"id": None, "status": s.value})
            for s in (ClientStatus.PROSPECT, ClientStatus.ACTIVE, ClientStatus.ENDED)
        }
        self.dropped: dict[str, str] = {}
        everything = frozenset().union(*self.allowed.values())
        for f in sorted(fields):
            cat = FIELD_CATEGORY.get(f)
            if cat is not None and cat not in everything:
                self.dropped[f] = "no_purpose"
        if self.role is not Role.PARTNER and "accountant" in fields:
            self.dropped["accountant"] = "role"
        # A column that is not stored at all is not read either (nor can a bad value in it refuse a row).
        self.mapping = [(i, f) for i, f in self.mapping if f not in self.dropped]

    def row(self, number: int, cells: tuple[Any, ...], formulas: tuple[int, ...], merged: dict[int, str]) -> PlannedRow:
        issues: list[Issue] = []
        raw: dict[str, Any] = {}
        for i, f in self.mapping:
            value = cells[i]
            if value is None or value == "":
                continue
            if i in formulas:
                issues.append(Issue(f, "formula", True))
                continue
            raw[f] = value
        if merged.get(number) == "rows":
            issues.append(Issue("", "merged", True))
        elif merged.get(number) == "cols":
            issues.append(Issue("", "merged_columns", False))
        values: dict[str, Any] = {}
        for f, value in raw.items():
            try:
                out = self._field(f, value, issues)
            except ValidationError as exc:
                issues.extend(Issue(f, code, True) for code in exc.errors.values())
                continue
            if out not in (None, ""):
                values[f] = out
        if "name" not in values and not any(i.field == "name" for i in issues):
            issues.append(Issue("name", "required", True))
        if values.get("id_number") and not values.get("legal_rep"):
            issues.append(Issue("legal_rep", "required_with_id", True))
        status = values.get("status", ClientStatus.ACTIVE)
        if status is ClientStatus.ACTIVE and not values.get("engagement_start"):
            values["engagement_start"] = None
        values["status"] = status.value if isinstance(status, ClientStatus) else status
        values.setdefault("kind", ClientKind.ENTERPRISE.value)
        allowed = self.allowed[ClientStatus(values["status"])]
        for f, cat in FIELD_CATEGORY.items():
            if f in values and cat not in allowed:
                del values[f]  # not stored for this row's status (e.g. a prospect's ID number)
                issues.append(Issue(f, "no_purpose", False))
        planned = PlannedRow(number, values, issues)
        self._duplicates(planned)
        return planned

    def _field(self, f: str, value: Any, issues: list[Issue]) -> Any:
        if f in ID_FIELDS and isinstance(value, (int, float)) and not isinstance(value, bool):
            if isinstance(value, float) and (not value.is_integer() or abs(value) >= 1e15):
                raise ValidationError({f: "number_precision"})
            if abs(value) >= 1e15:
                raise ValidationError({f: "number_precision"})
            issues.append(Issue(f, "number_cell", False))
            value = str(int(value))
        if f in DATE_FIELDS:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                day = serial_date(float(value))
                if day is None:
                    raise ValidationError({f: "date"})
                issues.append(Issue(f, "serial_date", False))
                return v.validate_engagement_date(day, f).isoformat()
            raw_day = value if isinstance(value, (date, datetime)) else _text(value)
            return v.validate_engagement_date(raw_day, f).isoformat()
        text = _text(value)
        if _fullwidth(text):
            issues.append(Issue(f, "fullwidth", False))
        check = _CHECKS.get(f)
        if check is not None:
            return check(text, f)
        if f == "name":
            return v.clean_text(f, text, _MAX["name"], required=True)
        if f == "kind":
            kind = _KINDS.get(v.normalize_text(text, f).casefold())
            if kind is None:
                raise ValidationError({f: "unknown"})
            return kind.value
        if f == "status":
            status = _STATUSES.get(v.normalize_text(text, f).casefold())
            if status is None:
                raise ValidationError({f: "unknown"})
            return status
        if f == "accountant":
            name = v.normalize_text(text, f)
            if self.role is Role.PARTNER and name.casefold() not in self.accountants:
                issues.append(Issue(f, "unknown_accountant", False))
                return ""
            return name
        return v.clean_text(f, text, _MAX.get(f, 200))

    def _duplicates(self, row: PlannedRow) -> None:
        values = row.values
        for f in ("uscc", "tax_no"):
            code = values.get(f)
            if not code:
                continue
            first = self.first_code.setdefault(code, row.number)
            if first != row.number:
                row.issues.append(Issue(f, "duplicate_in_file", True, first))
        name_key = str(values.get("name", "")).casefold()
        if name_key:
            first = self.first_name.setdefault(name_key, row.number)
            if first != row.number and not values.get("uscc"):
                row.issues.append(Issue("name", "duplicate_name_in_file", False, first))
        match = next((self.codes[values[f]] for f in ("uscc", "tax_no") if values.get(f) in self.codes), None)
        if match is None and values.get("id_number") in self.ids and values.get("kind") != ClientKind.ENTERPRISE.value:
            match = self.ids[values["id_number"]]
        if match is not None:
            row.match_id = match
            editable = self.editable is None or match in self.editable
            row.issues.append(Issue("", "matches_existing" if editable else "matches_not_yours", False))
            if not editable:
                row.match_id = -1  # skipped; the other client is not named


def iter_issues(plan: ImportPlan) -> Iterator[tuple[int, Issue]]:
    """Every finding of a plan as (row number, issue), in row order."""
    for row in plan.rows:
        for issue in row.issues:
            yield row.number, issue
