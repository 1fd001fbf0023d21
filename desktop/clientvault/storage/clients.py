"""Repository for clients, persons, sensitive items, assignments and the search index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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

    def clause(self, alias: str = "c") -> tuple[str, list[Any]]:
        """Return the SQL condition on table alias ``alias`` and its parameters."""
        marks = ",".join("?" for _ in self.statuses)
        # "+" keeps the planner off the status index: walking the name index in order and
        # skipping the few invisible rows beats sorting every visible row for each page.
        sql = f"+{alias}.status IN ({marks})"
        params: list[Any] = list(self.statuses)
        if self.assigned_to is not None:
            sql += f" AND {alias}.id IN (SELECT client_id FROM client_accountants WHERE user_id = ?)"
            params.append(self.assigned_to)
        return sql, params


@dataclass(frozen=True)
class ListQuery:
    """Filters of the client list."""

    match: str | None = None  # an FTS5 expression from core.search.build_match
    exact_codes: tuple[str, ...] = ()  # normalised USCC / tax numbers to match exactly
    exact_id_numbers: tuple[str, ...] = ()  # normalised ID numbers (only for roles that may reveal IDs)
    status: str | None = None
    accountant_id: int | None = None
    sort: str = "name"
    descending: bool = False


class ClientRepository:
    """All SQL about client records."""

    def __init__(self, db: Database) -> None:
        self.db = db

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

    def _filters(self, vis: Visibility, q: ListQuery, alias: str) -> tuple[str, list[Any]]:
        sql, params = vis.clause(alias)
        if q.status:
            sql += f" AND {alias}.status = ?"
            params.append(q.status)
        if q.accountant_id is not None:
            sql += f" AND {alias}.id IN (SELECT client_id FROM client_accountants WHERE user_id = ?)"
            params.append(q.accountant_id)
        return sql, params

    def _where(self, vis: Visibility, q: ListQuery) -> tuple[str, list[Any]]:
        sql, params = self._filters(vis, q, "c")
        alternatives: list[str] = []
        if q.match:
            # At most SEARCH_LIMIT + 1 visible matches are taken from the index (in its order),
            # then sorted: a one-letter query matching 60 000 clients costs what a precise one
            # costs, and the list says "1000+ matches, refine the search".
            inner, inner_params = self._filters(vis, q, "v")
            alternatives.append(
                "c.id IN (SELECT s.rowid FROM client_search s JOIN clients v ON v.id = s.rowid"
                f" WHERE s.client_search MATCH ? AND {inner} LIMIT {SEARCH_LIMIT + 1})"
            )
            params += [q.match, *inner_params]
        if q.exact_codes:
            marks = ",".join("?" for _ in q.exact_codes)
            alternatives.append(f"c.uscc IN ({marks}) OR c.tax_no IN ({marks})")
            params += [*q.exact_codes, *q.exact_codes]
        if q.exact_id_numbers:
            marks = ",".join("?" for _ in q.exact_id_numbers)
            alternatives.append(f"c.id IN (SELECT client_id FROM persons WHERE id_number IN ({marks}))")
            params += list(q.exact_id_numbers)
        if alternatives:
            sql += " AND (" + " OR ".join(f"({a})" for a in alternatives) + ")"
        elif q.match is not None:
            sql += " AND 0"
        return sql, params

    def count(self, vis: Visibility, q: ListQuery, *, cap: int | None = None) -> int:
        """Count the clients a list query returns (stopping at ``cap`` when given)."""
        where, params = self._where(vis, q)
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
        costs what page 1 costs (OFFSET would walk every earlier row).
        """
        where, params = self._where(vis, q)
        order = SORTABLE[q.sort] if q.sort in SORTABLE else SORTABLE["name"]
        if q.match or q.exact_codes or q.exact_id_numbers:
            order = f"+{order}"  # a search yields few rows: fetch them by id and sort, never walk the index
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
