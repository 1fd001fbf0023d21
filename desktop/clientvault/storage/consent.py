"""Repositories for the purpose catalogue, consents, consent forms, evidence and erasure flags.

Rows come back as plain dicts keyed by column name; services turn them into typed views.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from clientvault.storage.audit import now_iso
from clientvault.storage.db import Database

PURPOSE_FIELDS = (
    "name_zh",
    "name_en",
    "description_zh",
    "description_en",
    "lawful_basis",
    "categories",
    "retention_years",
    "necessary",
    "separate_sensitive",
    "third_party",
    "recipients_zh",
    "recipients_en",
    "recipient_terms",
    "active",
    "sort_order",
)
PURPOSE_COLS = ("id", "code", "version", *PURPOSE_FIELDS, "current", "created_at", "created_by")
FORM_COLS = (
    "id",
    "form_no",
    "client_id",
    "person_id",
    "lang",
    "status",
    "issued_at",
    "issued_by",
    "returned_at",
    "returned_by",
)
CONSENT_COLS = (
    "id",
    "client_id",
    "person_id",
    "purpose_id",
    "scope",
    "status",
    "method",
    "form_id",
    "notice_hash",
    "created_at",
    "granted_on",
    "expires_on",
    "withdrawn_on",
    "evidence_id",
    "recorded_by",
    "version",
)
EVIDENCE_META = ("id", "client_id", "form_id", "mime", "size", "sha256", "added_at", "added_by")
FLAG_COLS = (
    "id",
    "client_id",
    "person_id",
    "item",
    "category",
    "purposes",
    "flagged_at",
    "flagged_by",
    "resolved_at",
    "resolution",
)


def _dicts(cols: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
    return [dict(zip(cols, r, strict=True)) for r in rows]


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" for _ in values)


class PurposeRepository:
    """SQL about the versioned purpose catalogue."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def current(self, *, include_inactive: bool = False) -> list[dict[str, Any]]:
        """Return the current version of every purpose, in print order."""
        where = "current = 1" + ("" if include_inactive else " AND active = 1")
        rows = self.db.all(f"SELECT {', '.join(PURPOSE_COLS)} FROM purposes WHERE {where} ORDER BY sort_order, code")
        return _dicts(PURPOSE_COLS, rows)

    def by_id(self, purpose_id: int) -> dict[str, Any] | None:
        """Return one purpose version."""
        row = self.db.one(f"SELECT {', '.join(PURPOSE_COLS)} FROM purposes WHERE id = ?", (purpose_id,))
        return dict(zip(PURPOSE_COLS, row, strict=True)) if row else None

    def by_ids(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Return purpose versions by id."""
        if not ids:
            return {}
        rows = self.db.all(f"SELECT {', '.join(PURPOSE_COLS)} FROM purposes WHERE id IN ({_marks(ids)})", list(ids))
        return {int(d["id"]): d for d in _dicts(PURPOSE_COLS, rows)}

    def current_by_code(self, code: str) -> dict[str, Any] | None:
        """Return the current version of one purpose."""
        row = self.db.one(f"SELECT {', '.join(PURPOSE_COLS)} FROM purposes WHERE code = ? AND current = 1", (code,))
        return dict(zip(PURPOSE_COLS, row, strict=True)) if row else None

    def history(self, code: str) -> list[dict[str, Any]]:
        """Return every version of one purpose, newest first."""
        rows = self.db.all(
            f"SELECT {', '.join(PURPOSE_COLS)} FROM purposes WHERE code = ? ORDER BY version DESC", (code,)
        )
        return _dicts(PURPOSE_COLS, rows)

    def add_version(self, code: str, values: dict[str, Any], user_id: int | None) -> int:
        """Insert the next version of ``code`` (or its first) and make it current; return its id."""
        latest = self.db.scalar("SELECT max(version) FROM purposes WHERE code = ?", (code,))
        self.db.execute("UPDATE purposes SET current = 0 WHERE code = ? AND current = 1", (code,))
        cols = [f for f in PURPOSE_FIELDS if f in values]
        cur = self.db.execute(
            f"INSERT INTO purposes (code, version, {', '.join(cols)}, current, created_at, created_by)"
            f" VALUES (?, ?, {_marks(cols)}, 1, ?, ?)",
            [code, int(latest or 0) + 1, *(values[c] for c in cols), now_iso(), user_id],
        )
        return int(cur.lastrowid)


class ConsentRepository:
    """SQL about consents, consent forms, evidence scans and erasure flags."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- forms ---------------------------------------------------------------------------------

    def form_no_exists(self, form_no: str) -> bool:
        """Whether a form number was ever issued."""
        return self.db.scalar("SELECT 1 FROM consent_forms WHERE form_no = ?", (form_no,)) is not None

    def insert_form(
        self,
        form_no: str,
        client_id: int | None,
        person_id: int | None,
        lang: str,
        purpose_ids: Sequence[int],
        user_id: int | None,
    ) -> int:
        """Record an issued form with the purpose versions printed on it."""
        cur = self.db.execute(
            "INSERT INTO consent_forms (form_no, client_id, person_id, lang, issued_at, issued_by)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (form_no, client_id, person_id, lang, now_iso(), user_id),
        )
        form_id = int(cur.lastrowid)
        self.db.executemany(
            "INSERT INTO consent_form_purposes (form_id, purpose_id, position) VALUES (?, ?, ?)",
            [(form_id, pid, i) for i, pid in enumerate(purpose_ids)],
        )
        return form_id

    def form_by_no(self, form_no: str) -> dict[str, Any] | None:
        """Return a form by its number."""
        row = self.db.one(f"SELECT {', '.join(FORM_COLS)} FROM consent_forms WHERE form_no = ?", (form_no,))
        return dict(zip(FORM_COLS, row, strict=True)) if row else None

    def form_purpose_ids(self, form_id: int) -> list[int]:
        """Return the purpose versions printed on a form, in print order."""
        rows = self.db.all(
            "SELECT purpose_id FROM consent_form_purposes WHERE form_id = ? ORDER BY position", (form_id,)
        )
        return [int(r[0]) for r in rows]

    def forms_for_client(self, client_id: int) -> list[dict[str, Any]]:
        """Return the client's forms, newest first."""
        rows = self.db.all(
            f"SELECT {', '.join(FORM_COLS)} FROM consent_forms WHERE client_id = ? ORDER BY id DESC", (client_id,)
        )
        return _dicts(FORM_COLS, rows)

    def set_form_status(self, form_id: int, status: str, user_id: int | None, *, client_id: int | None = None) -> None:
        """Mark a form returned or void (binding a blank form to ``client_id``)."""
        self.db.execute(
            "UPDATE consent_forms SET status = ?, returned_at = ?, returned_by = ?,"
            " client_id = coalesce(client_id, ?) WHERE id = ?",
            (status, now_iso(), user_id, client_id, form_id),
        )

    # -- consents ------------------------------------------------------------------------------

    def insert_consent(self, values: dict[str, Any]) -> int:
        """Insert a consent row; ``values`` holds CONSENT_COLS except id/created_at/version."""
        cols = [c for c in CONSENT_COLS if c in values and c not in ("id", "version")]
        cur = self.db.execute(
            f"INSERT INTO consents ({', '.join(cols)}, created_at) VALUES ({_marks(cols)}, ?)",
            [*(values[c] for c in cols), now_iso()],
        )
        return int(cur.lastrowid)

    def update_consent(self, consent_id: int, values: dict[str, Any]) -> None:
        """Update fields of a consent and bump its version."""
        cols = [c for c in values if c in CONSENT_COLS and c not in ("id", "version")]
        sets = ", ".join(f"{c} = ?" for c in cols)
        self.db.execute(
            f"UPDATE consents SET {sets}, version = version + 1 WHERE id = ?",
            [*(values[c] for c in cols), consent_id],
        )

    def consent(self, consent_id: int) -> dict[str, Any] | None:
        """Return one consent."""
        row = self.db.one(f"SELECT {', '.join(CONSENT_COLS)} FROM consents WHERE id = ?", (consent_id,))
        return dict(zip(CONSENT_COLS, row, strict=True)) if row else None

    def consents_for_client(self, client_id: int) -> list[dict[str, Any]]:
        """Return every consent of a client, newest first, with the purpose code."""
        cols = ", ".join(f"c.{c}" for c in CONSENT_COLS)
        rows = self.db.all(
            f"SELECT {cols}, p.code FROM consents c JOIN purposes p ON p.id = c.purpose_id"
            " WHERE c.client_id = ? ORDER BY c.id DESC",
            (client_id,),
        )
        return _dicts((*CONSENT_COLS, "code"), rows)

    def consents_for_form(self, form_id: int) -> list[dict[str, Any]]:
        """Return the consents a form created."""
        rows = self.db.all(f"SELECT {', '.join(CONSENT_COLS)} FROM consents WHERE form_id = ? ORDER BY id", (form_id,))
        return _dicts(CONSENT_COLS, rows)

    def valid_consents(self, client_id: int, today: str) -> list[dict[str, Any]]:
        """Granted, unexpired consents of a client with their purpose's code, basis and categories."""
        cols = ", ".join(f"c.{c}" for c in CONSENT_COLS)
        rows = self.db.all(
            f"SELECT {cols}, p.code, p.categories FROM consents c JOIN purposes p ON p.id = c.purpose_id"
            " WHERE c.client_id = ? AND c.status = 'granted' AND (c.expires_on IS NULL OR c.expires_on >= ?)",
            (client_id, today),
        )
        return _dicts((*CONSENT_COLS, "code", "categories"), rows)

    def open_consents_for(self, client_id: int, person_id: int | None, code: str) -> list[dict[str, Any]]:
        """Pending or granted consents of one person (or the client itself) for a purpose, any version."""
        cols = ", ".join(f"c.{c}" for c in CONSENT_COLS)
        rows = self.db.all(
            f"SELECT {cols} FROM consents c JOIN purposes p ON p.id = c.purpose_id"
            " WHERE c.client_id = ? AND c.person_id IS ? AND p.code = ? AND c.status IN ('pending', 'granted')",
            (client_id, person_id, code),
        )
        return _dicts(CONSENT_COLS, rows)

    _OVERVIEW = (
        "WITH agg AS (SELECT cl.id AS client_id, cl.name AS name, cl.status AS status, cl.name_key AS name_key,"
        " coalesce(sum(c.status = 'pending'), 0) AS pending,"
        " coalesce(sum(c.status = 'granted' AND (c.expires_on IS NULL OR c.expires_on >= :today)), 0) AS granted,"
        " coalesce(sum(c.status = 'refused'), 0) AS refused,"
        " coalesce(sum(c.status = 'granted' AND c.expires_on BETWEEN :today AND :soon), 0) AS expiring,"
        " coalesce(sum(c.status = 'expired' OR (c.status = 'granted' AND c.expires_on < :today)), 0) AS expired,"
        " coalesce(sum(c.status = 'withdrawn'), 0) AS withdrawn,"
        " coalesce(sum(c.status = 'granted' AND p.current = 0), 0) AS reconsent,"
        # Consent belongs to the person (PIPL Art 14): persons with no consent of their own.
        " (SELECT count(*) FROM persons pe WHERE pe.client_id = cl.id AND NOT EXISTS"
        " (SELECT 1 FROM consents c2 WHERE c2.person_id = pe.id AND c2.status != 'void')) AS missing_persons"
        " FROM clients cl LEFT JOIN consents c ON c.client_id = cl.id"
        " LEFT JOIN purposes p ON p.id = c.purpose_id"
        " WHERE cl.status IN ('prospect', 'active') GROUP BY cl.id)"
    )
    OVERVIEW_KEYS = (
        "client_id", "name", "status", "pending", "granted", "refused", "expiring", "expired", "withdrawn", "reconsent",
        "missing_persons",
    )  # fmt: skip
    #: SQL condition per overview bucket, over the columns of OVERVIEW_KEYS.
    BUCKETS: ClassVar[dict[str, str]] = {
        "missing": "(pending = 0 AND granted = 0 AND refused = 0 AND expired = 0 AND withdrawn = 0)"
        " OR missing_persons > 0",
        "pending": "pending > 0",
        "expiring": "expiring > 0",
        "expired": "expired > 0",
        "withdrawn": "withdrawn > 0",
        "reconsent": "reconsent > 0",
    }

    def overview(
        self, today: str, soon: str, bucket: str | None = None, *, limit: int = 500, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Per client (prospect/active): counts of consents by state, optionally one bucket only.

        ``soon`` is the last day counted as "expiring"; expired means granted with an end date
        before ``today`` (or already marked expired); reconsent means granted for a purpose
        version that is no longer current.
        """
        where = f" WHERE {self.BUCKETS[bucket]}" if bucket else ""
        rows = self.db.all(
            f"{self._OVERVIEW} SELECT {', '.join(self.OVERVIEW_KEYS)} FROM agg{where}"
            " ORDER BY name_key, client_id LIMIT :limit OFFSET :offset",  # pinyin order, like the client list
            {"today": today, "soon": soon, "limit": limit, "offset": offset},
        )
        return _dicts(self.OVERVIEW_KEYS, rows)

    def overview_counts(self, today: str, soon: str) -> dict[str, int]:
        """Count the clients in each overview bucket, and (``missing_persons``) the persons without consent."""
        sums = ", ".join(f"coalesce(sum({cond}), 0)" for cond in self.BUCKETS.values())
        row = self.db.one(
            f"{self._OVERVIEW} SELECT {sums}, coalesce(sum(missing_persons), 0) FROM agg",
            {"today": today, "soon": soon},
        )
        return {k: int(v) for k, v in zip((*self.BUCKETS, "missing_persons"), row or (), strict=False)}

    def expire_due(self, today: str) -> list[int]:
        """Mark granted consents whose end date has passed as expired; return their ids."""
        ids = [
            int(r[0])
            for r in self.db.all(
                "SELECT id FROM consents WHERE status = 'granted' AND expires_on IS NOT NULL AND expires_on < ?",
                (today,),
            )
        ]
        if ids:
            self.db.execute(
                f"UPDATE consents SET status = 'expired', version = version + 1 WHERE id IN ({_marks(ids)})", ids
            )
        return ids

    # -- evidence ------------------------------------------------------------------------------

    def insert_evidence(
        self, client_id: int, form_id: int | None, mime: str, sha256: str, data: bytes, user_id: int | None
    ) -> int:
        """Store a scan (inside the encrypted database)."""
        cur = self.db.execute(
            "INSERT INTO consent_evidence (client_id, form_id, mime, size, sha256, data, added_at, added_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (client_id, form_id, mime, len(data), sha256, data, now_iso(), user_id),
        )
        return int(cur.lastrowid)

    def evidence_meta(self, evidence_id: int) -> dict[str, Any] | None:
        """Return a scan's metadata (not its bytes)."""
        row = self.db.one(f"SELECT {', '.join(EVIDENCE_META)} FROM consent_evidence WHERE id = ?", (evidence_id,))
        return dict(zip(EVIDENCE_META, row, strict=True)) if row else None

    def evidence_data(self, evidence_id: int) -> bytes | None:
        """Return a scan's bytes."""
        value = self.db.scalar("SELECT data FROM consent_evidence WHERE id = ?", (evidence_id,))
        return bytes(value) if value is not None else None

    # -- items a withdrawal leaves without a purpose ---------------------------------------------

    def stored_items(self, client_id: int) -> list[tuple[str, int | None, str]]:
        """Return ``(item ref, person id, category)`` for each stored sensitive value of a client."""
        out: list[tuple[str, int | None, str]] = [
            (f"person:{r[0]}.id_number", int(r[0]), "id_document")
            for r in self.db.all(
                "SELECT id FROM persons WHERE client_id = ? AND id_number IS NOT NULL AND id_number != ''",
                (client_id,),
            )
        ]
        for item_id, person_id, kind in self.db.all(
            "SELECT id, person_id, kind FROM sensitive_items WHERE client_id = ? ORDER BY id", (client_id,)
        ):
            category = "bank" if kind == "bank_account" else "credentials"
            out.append((f"item:{item_id}.{kind}", person_id, category))
        return out

    def insert_flag(
        self, client_id: int, person_id: int | None, item: str, category: str, purposes: str, user_id: int | None
    ) -> None:
        """Flag an item for erasure unless an open flag for it exists already."""
        if self.db.scalar(
            "SELECT 1 FROM erasure_flags WHERE client_id = ? AND item = ? AND resolved_at IS NULL", (client_id, item)
        ):
            return
        self.db.execute(
            "INSERT INTO erasure_flags (client_id, person_id, item, category, purposes, flagged_at, flagged_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (client_id, person_id, item, category, purposes, now_iso(), user_id),
        )

    def open_flags(self, client_id: int | None = None) -> list[dict[str, Any]]:
        """Return unresolved erasure flags (of one client, or all)."""
        where, params = ("AND client_id = ?", [client_id]) if client_id is not None else ("", [])
        rows = self.db.all(
            f"SELECT {', '.join(FLAG_COLS)} FROM erasure_flags WHERE resolved_at IS NULL {where} ORDER BY id", params
        )
        return _dicts(FLAG_COLS, rows)

    def resolve_flag(self, flag_id: int, resolution: str) -> bool:
        """Close a flag (the erasure workflow calls this); return False if it was not open."""
        cur = self.db.execute(
            "UPDATE erasure_flags SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL",
            (now_iso(), resolution, flag_id),
        )
        return int(cur.rowcount) == 1
