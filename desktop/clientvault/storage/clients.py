"""Repository for clients, persons, sensitive items, assignments and the search index."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from clientvault.core.search import index_terms, pinyin_key
from clientvault.storage.audit import now_iso
from clientvault.storage.db import Database

CLIENT_COLS = (
    "id, kind, name, uscc, tax_no, address, industry, phone, email, engagement_start, engagement_end,"
    " status, notes, created_at, updated_at, created_by, version"
)
CLIENT_FIELDS = (
    "kind",
    "name",
    "uscc",
    "tax_no",
    "address",
    "industry",
    "phone",
    "email",
    "engagement_start",
    "engagement_end",
    "status",
    "notes",
)
PERSON_COLS = "id, client_id, role, name, id_type, id_number, phone, email, address, version"
PERSON_FIELDS = ("role", "name", "id_type", "id_number", "phone", "email", "address")
ITEM_COLS = "id, client_id, person_id, kind, label, value, created_at, updated_at, version"
VISIBLE_STATUSES = ("prospect", "active", "ended")
ALL_STATUSES = ("prospect", "active", "ended", "locked", "erased")
#: A search lists at most this many matches (one more tells the list there are more).
SEARCH_LIMIT = 1000
#: Personal columns of ``clients`` with their "emptied" value: what locking moves into the sealed
#: blob and erasure blanks on the tombstone row (one list, so a new column cannot be forgotten).
CLIENT_PERSONAL_COLUMNS: dict[str, Any] = {
    "name": "",
    "uscc": None,
    "tax_no": None,
    "address": "",
    "industry": "",
    "phone": "",
    "email": "",
    "notes": "",
    "engagement_start": None,
}
#: Columns derived from personal ones: emptied with them, recomputed (never stored in a blob).
CLIENT_DERIVED_COLUMNS: dict[str, Any] = {"name_key": None}
#: An accountant's list reads the assignments first when they are at most this many, or fewer
#: than 1/_DRIVE_SHARE of the firm (sorting a few thousand rows beats skipping most of the index).
_DRIVE_BELOW = 2000
_DRIVE_SHARE = 40
SORTABLE = {
    "name": "c.name_key",
    "uscc": "ifnull(c.uscc, '')",
    "status": "c.status",
    "updated_at": "c.updated_at",
    "kind": "c.kind",
}


@dataclass(frozen=True)
class Visibility:
    """Which clients a query may return: statuses and, optionally, only those assigned to a user."""

    statuses: tuple[str, ...] = VISIBLE_STATUSES
    assigned_to: int | None = None

    def clause(self, alias: str = "c", *, drive: bool = False, id_expr: str | None = None) -> tuple[str, list[Any]]:
        """Return the SQL condition on table alias ``alias`` and its parameters.

        ``drive``: read the assigned clients from the assignment index (then sort them) instead of
        walking the sort index and checking each row's assignment; right when they are few.
        """
        marks = ",".join("?" for _ in self.statuses)
        # "+" keeps the planner off the status index: walking the name index in order and
        # skipping the few invisible rows beats sorting every visible row for each page.
        sql = f"+{alias}.status IN ({marks})"
        params: list[Any] = list(self.statuses)
        if self.assigned_to is not None:
            sql += " AND " + assigned_clause(alias, drive=drive, id_expr=id_expr)
            params.append(self.assigned_to)
        return sql, params


def assigned_clause(alias: str, *, drive: bool = False, id_expr: str | None = None) -> str:
    """The condition "client ``alias`` (or id ``id_expr``) is assigned to the user given as the next parameter".

    By default a point lookup in the assignment key per row (a correlated EXISTS), so a list
    walks its sort index in order and stops after one page; with ``drive`` the user's
    assignments are read first (an IN list) and the rows sorted.
    """
    ref = id_expr or f"{alias}.id"
    if drive:
        return f"{ref} IN (SELECT client_id FROM client_accountants WHERE user_id = ?)"
    a = f"a_{alias}"
    return f"EXISTS (SELECT 1 FROM client_accountants {a} WHERE {a}.client_id = {ref} AND {a}.user_id = ?)"


@dataclass(frozen=True)
class Identifier:
    """A typed identifier prefix and the kinds of identifier the acting role may find clients by.

    Codes (credit code, tax number) are shown to every role; phones, ID numbers and account
    numbers only to roles that may see them (the service decides).
    """

    prefix: str  # normalised: digits and upper-case letters, no separators
    phones: bool = False
    id_numbers: bool = False
    accounts: bool = False


def _only_user(vis: Visibility, q: ListQuery) -> int | None:
    """The one user whose assignments a list (no search, no status filter) is limited to, if any."""
    users = {u for u in (vis.assigned_to, q.accountant_id) if u is not None}
    if len(users) != 1 or q.status or q.match is not None or q.identifier is not None:
        return None
    return users.pop()


def prefix_range(prefix: str) -> tuple[str, str]:
    """The half-open text range ``[prefix, prefix + U+10FFFF)`` of every string starting with ``prefix``."""
    return prefix, prefix + "\U0010ffff"


@dataclass(frozen=True)
class ListQuery:
    """Filters of the client list."""

    match: str | None = None  # an FTS5 expression from core.search.build_match
    identifier: Identifier | None = None  # exact and prefix lookups of codes, phones, ID and account numbers
    status: str | None = None
    accountant_id: int | None = None
    sort: str = "name"
    descending: bool = False


class ClientRepository:
    """All SQL about client records."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._last_search: tuple[Any, list[int]] | None = None

    # -- clients -------------------------------------------------------------------------------

    def insert_client(self, values: dict[str, Any], created_by: int | None) -> int:
        """Insert a client; ``values`` holds CLIENT_FIELDS."""
        now = now_iso()
        values = with_name_key(values)
        cols = [f for f in (*CLIENT_FIELDS, "name_key") if f in values]
        cur = self.db.execute(
            f"INSERT INTO clients ({', '.join(cols)}, created_at, updated_at, created_by)"
            f" VALUES ({', '.join('?' for _ in cols)}, ?, ?, ?)",
            [*(values[c] for c in cols), now, now, created_by],
        )
        return int(cur.lastrowid)

    def get_client(self, client_id: int) -> dict[str, Any] | None:
        """Return a client row as a dict."""
        row = self.db.one(f"SELECT {CLIENT_COLS} FROM clients WHERE id = ?", (client_id,))
        return dict(zip([c.strip() for c in CLIENT_COLS.split(",")], row, strict=True)) if row else None

    def update_client(self, client_id: int, expected_version: int, values: dict[str, Any]) -> bool:
        """Update if the version still matches; return False on a version conflict."""
        values = with_name_key(values)
        cols = [f for f in (*CLIENT_FIELDS, "name_key") if f in values]
        sets = ", ".join(f"{c} = ?" for c in cols)
        sep = ", " if sets else ""
        cur = self.db.execute(
            f"UPDATE clients SET {sets}{sep}updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
            [*(values[c] for c in cols), now_iso(), client_id, expected_version],
        )
        return int(cur.rowcount) == 1

    def is_assigned(self, client_id: int, user_id: int) -> bool:
        """Whether ``user_id`` is assigned to the client."""
        return (
            self.db.scalar("SELECT 1 FROM client_accountants WHERE client_id = ? AND user_id = ?", (client_id, user_id))
            is not None
        )

    def accountants(self, client_id: int) -> list[int]:
        """Return the ids of the accountants assigned to the client."""
        return [
            int(r[0]) for r in self.db.all("SELECT user_id FROM client_accountants WHERE client_id = ?", (client_id,))
        ]

    def set_accountants(self, client_id: int, user_ids: Iterable[int]) -> None:
        """Replace the client's accountant assignments."""
        self.db.execute("DELETE FROM client_accountants WHERE client_id = ?", (client_id,))
        self.db.executemany(
            "INSERT INTO client_accountants (client_id, user_id) VALUES (?, ?)", [(client_id, u) for u in set(user_ids)]
        )

    def _filters(
        self, vis: Visibility, q: ListQuery, alias: str, *, drive: bool = False, id_expr: str | None = None
    ) -> tuple[str, list[Any]]:
        sql, params = vis.clause(alias, drive=drive, id_expr=id_expr)
        if q.status:
            sql += f" AND {alias}.status = ?"
            params.append(q.status)
        if q.accountant_id is not None:
            sql += " AND " + assigned_clause(alias, drive=drive, id_expr=id_expr)
            params.append(q.accountant_id)
        return sql, params

    @staticmethod
    def _searching(q: ListQuery) -> bool:
        return q.match is not None or q.identifier is not None

    def _arms(self, vis: Visibility, q: ListQuery) -> list[tuple[str, list[Any]]]:
        """One SELECT of matching visible client ids per way of matching, each in its index's order."""
        inner, inner_params = self._filters(vis, q, "v")
        arms: list[tuple[str, list[Any]]] = []
        if q.match:
            # The assignment is checked on the index's rowid before the client's row is read.
            by_doc, by_doc_params = self._filters(vis, q, "v", id_expr="s.rowid")
            arms.append(
                (
                    "SELECT s.rowid FROM client_search s JOIN clients v ON v.id = s.rowid"
                    f" WHERE s.client_search MATCH ? AND {by_doc}",
                    [q.match, *by_doc_params],
                )
            )
        ident = q.identifier
        if ident is None or not ident.prefix:
            return arms
        low, high = prefix_range(ident.prefix)
        # Person, account arms: the assignment is checked on the index entry's client id before
        # the client's row is read for its status.
        owned, owned_params = self._filters(vis, q, "v", id_expr="x.client_id")
        columns = [("v.uscc", True), ("v.tax_no", True)]
        if ident.phones:
            columns.append(("replace(v.phone, '-', '')", True))
            columns.append(("replace(x.phone, '-', '')", False))
        if ident.id_numbers:
            columns.append(("x.id_number", False))
        for col, on_client in columns:
            if on_client:
                arms.append((f"SELECT v.id FROM clients v WHERE {col} >= ? AND {col} < ? AND {inner}",
                             [low, high, *inner_params]))  # fmt: skip
            else:
                arms.append((f"SELECT x.client_id FROM persons x JOIN clients v ON v.id = x.client_id"
                             f" WHERE {col} >= ? AND {col} < ? AND {owned}", [low, high, *owned_params]))  # fmt: skip
        if ident.accounts:
            arms.append((
                "SELECT x.client_id FROM sensitive_items x JOIN clients v ON v.id = x.client_id"
                f" WHERE x.kind = 'bank_account' AND x.value >= ? AND x.value < ? AND {owned}",
                [low, high, *owned_params],
            ))  # fmt: skip
        return arms

    def search_ids(self, vis: Visibility, q: ListQuery) -> list[int]:
        """The ids of at most SEARCH_LIMIT + 1 visible clients matching a search.

        Each way of matching (the name index, each identifier index) is read in its index's
        order and the reading stops once SEARCH_LIMIT + 1 distinct clients were found, so a
        one-character query costs what a precise one costs and the list says "1000+ matches,
        refine the search". The last result is reused by the count and every page of the same
        search until the database changes (this connection's changes or another's commit).
        """
        key = (vis, replace(q, sort="name", descending=False), self._data_version())
        if self._last_search is not None and self._last_search[0] == key:
            return self._last_search[1]
        found: dict[int, None] = {}
        for sql, params in self._arms(vis, q):
            cursor = self.db.execute(f"{sql} LIMIT {SEARCH_LIMIT + 1}", params)
            while len(found) <= SEARCH_LIMIT and (rows := cursor.fetchmany(256)):
                for (cid,) in rows:
                    found[int(cid)] = None
            cursor.close()
            if len(found) > SEARCH_LIMIT:
                break
        ids = list(found)[: SEARCH_LIMIT + 1]
        self._last_search = (key, ids)
        return ids

    def _data_version(self) -> tuple[int, int]:
        row = self.db.one("SELECT total_changes()")
        return (int(row[0]) if row else 0, int(self.db.pragma("data_version")))

    def _where(self, vis: Visibility, q: ListQuery, *, drive: bool = False) -> tuple[str, list[Any]]:
        if not self._searching(q):
            return self._filters(vis, q, "c", drive=drive)
        # The matching ids already passed the filters: the outer query only fetches and sorts them.
        return "c.id IN (SELECT value FROM json_each(?))", [json.dumps(self.search_ids(vis, q))]

    def _drive_by_assignment(self, vis: Visibility, q: ListQuery) -> bool:
        """Whether an accountant's list should read its (few) assignments first rather than walk the index.

        Walking the sort index costs about (firm size / assigned clients) rows per listed row, so
        an accountant with a small share of the firm is served from the assignment index.
        """
        users = {u for u in (vis.assigned_to, q.accountant_id) if u is not None}
        if not users or self._searching(q):
            return False
        firm = int(self.db.scalar("SELECT coalesce(max(id), 0) FROM clients"))
        threshold = max(_DRIVE_BELOW, firm // _DRIVE_SHARE)
        assigned = min(
            int(
                self.db.scalar(
                    "SELECT count(*) FROM (SELECT 1 FROM client_accountants WHERE user_id = ? LIMIT ?)",
                    (u, threshold + 1),
                )
            )
            for u in users
        )
        return assigned <= threshold

    def count(self, vis: Visibility, q: ListQuery, *, cap: int | None = None) -> int:
        """Count the clients a list query returns (stopping at ``cap`` when given).

        A search with a cap counts the (bounded) matches :meth:`search_ids` found; an accountant's
        whole list counts index entries only: its assignments minus the few invisible clients.
        """
        if self._searching(q):
            found = len(self.search_ids(vis, q))  # at most SEARCH_LIMIT + 1: "1000+ matches"
            return found if cap is None else min(found, cap)
        if (user := _only_user(vis, q)) is not None:
            hidden = [st for st in ALL_STATUSES if st not in vis.statuses]
            marks = ",".join("?" for _ in hidden) or "NULL"
            sql = (
                "SELECT count(*) FROM client_accountants a WHERE a.user_id = ?"
                f" AND a.client_id NOT IN (SELECT id FROM clients WHERE status IN ({marks}))"
            )
            n = int(self.db.scalar(sql, [user, *hidden]))
            return n if cap is None else min(n, cap)
        else:
            where, params = self._where(vis, q, drive=True)
            if vis.assigned_to is None and q.accountant_id is None:
                where = where.replace("+c.status", "c.status", 1)  # counted on the status index alone
        if cap is None:
            return int(self.db.scalar(f"SELECT count(*) FROM clients c WHERE {where}", params))
        return int(
            self.db.scalar(f"SELECT count(*) FROM (SELECT 1 FROM clients c WHERE {where} LIMIT ?)", [*params, cap])
        )

    def page(
        self, vis: Visibility, q: ListQuery, *, offset: int = 0, limit: int, after: tuple[Any, int] | None = None
    ) -> list[dict[str, Any]]:
        """Return one page of the list, with the assigned accountants' display names.

        ``after`` = (sort value, id) of the last row already shown: keyset paging, so page 500
        costs what page 1 costs (OFFSET would walk every earlier row). Every sort order is served
        by an index (migration 0007), in both directions.
        """
        drive = self._drive_by_assignment(vis, q)
        where, params = self._where(vis, q, drive=drive)
        order = SORTABLE[q.sort] if q.sort in SORTABLE else SORTABLE["name"]
        if self._searching(q) or drive:
            order = f"+{order}"  # few rows: fetch them by id and sort, never walk the index
        direction = "DESC" if q.descending else "ASC"
        if after is not None:
            # The first term lets the planner seek in the index; the row value breaks ties by id.
            seek, tie = ("<=", "<") if q.descending else (">=", ">")
            where += f" AND {order} {seek} ? AND ({order}, c.id) {tie} (?, ?)"
            params = [*params, after[0], after[0], after[1]]
        rows = self.db.all(
            "SELECT c.id, c.kind, c.name, c.uscc, c.phone, c.status, c.updated_at,"
            " (SELECT group_concat(u.display_name, '、') FROM client_accountants a JOIN users u ON u.id = a.user_id"
            "  WHERE a.client_id = c.id)"
            f" FROM clients c WHERE {where} ORDER BY {order} {direction}, c.id {direction} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        keys = ("id", "kind", "name", "uscc", "phone", "status", "updated_at", "accountants")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def status_counts(self, vis: Visibility) -> dict[str, int]:
        """Count visible clients per status."""
        where, params = vis.clause()
        rows = self.db.all(f"SELECT c.status, count(*) FROM clients c WHERE {where} GROUP BY c.status", params)
        return {str(r[0]): int(r[1]) for r in rows}

    # -- persons -------------------------------------------------------------------------------

    def persons(self, client_id: int) -> list[dict[str, Any]]:
        """Return the client's persons."""
        keys = [c.strip() for c in PERSON_COLS.split(",")]
        rows = self.db.all(f"SELECT {PERSON_COLS} FROM persons WHERE client_id = ? ORDER BY id", (client_id,))
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def get_person(self, person_id: int) -> dict[str, Any] | None:
        """Return one person."""
        keys = [c.strip() for c in PERSON_COLS.split(",")]
        row = self.db.one(f"SELECT {PERSON_COLS} FROM persons WHERE id = ?", (person_id,))
        return dict(zip(keys, row, strict=True)) if row else None

    def insert_person(self, client_id: int, values: dict[str, Any]) -> int:
        """Insert a person."""
        cols = [f for f in PERSON_FIELDS if f in values]
        cur = self.db.execute(
            f"INSERT INTO persons (client_id, {', '.join(cols)}) VALUES (?, {', '.join('?' for _ in cols)})",
            [client_id, *(values[c] for c in cols)],
        )
        return int(cur.lastrowid)

    def update_person(self, person_id: int, expected_version: int, values: dict[str, Any]) -> bool:
        """Update a person if the version matches."""
        cols = [f for f in PERSON_FIELDS if f in values]
        sets = ", ".join(f"{c} = ?" for c in cols)
        cur = self.db.execute(
            f"UPDATE persons SET {sets}, version = version + 1 WHERE id = ? AND version = ?",
            [*(values[c] for c in cols), person_id, expected_version],
        )
        return int(cur.rowcount) == 1

    def delete_person(self, person_id: int) -> None:
        """Delete a person (and its sensitive items, by cascade)."""
        self.db.execute("DELETE FROM persons WHERE id = ?", (person_id,))

    # -- sensitive items -----------------------------------------------------------------------

    def items(self, client_id: int) -> list[dict[str, Any]]:
        """Return the client's sensitive items (values included: callers mask them)."""
        keys = [c.strip() for c in ITEM_COLS.split(",")]
        rows = self.db.all(f"SELECT {ITEM_COLS} FROM sensitive_items WHERE client_id = ? ORDER BY id", (client_id,))
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def get_item(self, item_id: int) -> dict[str, Any] | None:
        """Return one sensitive item."""
        keys = [c.strip() for c in ITEM_COLS.split(",")]
        row = self.db.one(f"SELECT {ITEM_COLS} FROM sensitive_items WHERE id = ?", (item_id,))
        return dict(zip(keys, row, strict=True)) if row else None

    def insert_item(self, client_id: int, person_id: int | None, kind: str, label: str, value: str) -> int:
        """Insert a sensitive item."""
        now = now_iso()
        cur = self.db.execute(
            "INSERT INTO sensitive_items (client_id, person_id, kind, label, value, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (client_id, person_id, kind, label, value, now, now),
        )
        return int(cur.lastrowid)

    def update_item(self, item_id: int, expected_version: int, label: str, value: str) -> bool:
        """Update a sensitive item if the version matches."""
        cur = self.db.execute(
            "UPDATE sensitive_items SET label = ?, value = ?, updated_at = ?, version = version + 1"
            " WHERE id = ? AND version = ?",
            (label, value, now_iso(), item_id, expected_version),
        )
        return int(cur.rowcount) == 1

    def delete_item(self, item_id: int) -> None:
        """Delete a sensitive item."""
        self.db.execute("DELETE FROM sensitive_items WHERE id = ?", (item_id,))

    # -- search index --------------------------------------------------------------------------

    def reindex(self, client_id: int) -> None:
        """Rebuild the search entry of one client from its current rows."""
        self.db.execute("DELETE FROM client_search WHERE rowid = ?", (client_id,))
        client = self.get_client(client_id)
        if client is None or client["status"] not in VISIBLE_STATUSES:
            return
        self.db.execute(
            "INSERT INTO client_search (rowid, u, b, pu, pb) VALUES (?, ?, ?, ?, ?)",
            (client_id, *search_row(client, self.persons(client_id))),
        )

    def index_many(self, rows: Sequence[tuple[int, str, str, str, str]]) -> None:
        """Insert many prepared search rows (bulk creation)."""
        self.db.executemany("INSERT INTO client_search (rowid, u, b, pu, pb) VALUES (?, ?, ?, ?, ?)", rows)


def with_name_key(values: dict[str, Any]) -> dict[str, Any]:
    """Add the pinyin sort key when ``values`` sets the name (an emptied name empties the key)."""
    if "name" not in values:
        return values
    name = values["name"]
    return {**values, "name_key": pinyin_key(name) if name else None}


def search_row(client: dict[str, Any], persons: Iterable[dict[str, Any]]) -> tuple[str, str, str, str]:
    """Return the (u, b, pu, pb) search columns of a client: names and codes; phones apart."""
    people = list(persons)
    texts = [client["name"] or "", client.get("uscc") or "", client.get("tax_no") or ""]
    texts += [p["name"] or "" for p in people]
    phones = [client.get("phone") or ""] + [p.get("phone") or "" for p in people]
    u, b = index_terms(texts)
    pu, pb = index_terms(phones)
    return u, b, pu, pb
