"""Fill a vault with synthetic clients (demo firm, tests, benchmarks) through one fast path.

Rows are written with ``executemany`` inside one transaction per batch, search entries
included, and a single audit event records the bulk creation (counts only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from clientvault.core.records import PersonRole
from clientvault.core.roles import Capability, Role, Scope
from clientvault.core.search import pinyin_key
from clientvault.core.synthetic import SyntheticClient, generate_clients
from clientvault.services.context import Vault
from clientvault.storage.audit import now_iso
from clientvault.storage.clients import search_row
from clientvault.storage.users import UserRepository

Progress = Callable[[int, int], None]


def populate_synthetic(
    vault: Vault, clients: int, seed: int = 0, *, batch: int = 5000, progress: Progress | None = None
) -> int:
    """Create ``clients`` synthetic clients, assigned round-robin to the active accountants.

    Only a partner may do this (it bypasses the per-record intake flow). Returns the count.
    """
    if vault.require(Capability.EDIT_CLIENTS, "clients") is not Scope.ALL:
        vault.deny(Capability.EDIT_CLIENTS, "clients")
    accountants = [u.id for u in UserRepository(vault.db).list(include_disabled=False) if u.role is Role.ACCOUNTANT]
    done = 0
    chunk: list[SyntheticClient] = []
    for client in generate_clients(clients, seed):
        chunk.append(client)
        if len(chunk) >= batch:
            _write(vault, chunk, accountants, done)
            done += len(chunk)
            chunk = []
            if progress:
                progress(done, clients)
    if chunk:
        _write(vault, chunk, accountants, done)
        done += len(chunk)
    vault.record("client.bulk_create", "clients", reason=f"synthetic:{done}")
    if progress:
        progress(done, clients)
    return done


def _write(vault: Vault, chunk: Iterable[SyntheticClient], accountants: list[int], offset: int) -> None:
    db = vault.db
    now = now_iso()
    uid = vault.session.user_id
    with db.transaction():
        first = int(db.scalar("SELECT coalesce(max(id), 0) FROM clients")) + 1
        next_person = int(db.scalar("SELECT coalesce(max(id), 0) FROM persons")) + 1
        client_rows, person_rows, item_rows, assign_rows, search_rows = [], [], [], [], []
        for i, c in enumerate(chunk):
            cid = first + i
            start = c.engagement_start.isoformat()
            client_rows.append(
                (cid, c.kind, c.name, pinyin_key(c.name), c.uscc, c.tax_no, c.address, c.industry, c.phone,
                 c.email, start, c.status, now, now, uid)
            )  # fmt: skip
            persons = []
            for p in c.persons:
                role = p.role if p.role in PersonRole.__members__.values() else PersonRole.CONTACT.value
                person_rows.append(
                    (next_person, cid, role, p.name, p.id_type, p.id_number, p.phone, p.email, p.address)
                )
                persons.append({"name": p.name, "phone": p.phone})
                next_person += 1
            for s in c.sensitive:
                item_rows.append((cid, s.kind, s.label, s.value, now, now))
            if accountants:
                assign_rows.append((cid, accountants[(offset + i) % len(accountants)]))
            if c.status in ("prospect", "active", "ended"):
                row = {"name": c.name, "uscc": c.uscc, "tax_no": c.tax_no, "phone": c.phone}
                search_rows.append((cid, *search_row(row, persons)))
        db.executemany(
            "INSERT INTO clients (id, kind, name, name_key, uscc, tax_no, address, industry, phone, email,"
            " engagement_start, status, created_at, updated_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            client_rows,
        )
        db.executemany(
            "INSERT INTO persons (id, client_id, role, name, id_type, id_number, phone, email, address)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            person_rows,
        )
        db.executemany(
            "INSERT INTO sensitive_items (client_id, kind, label, value, created_at, updated_at) VALUES (?,?,?,?,?,?)",
            item_rows,
        )
        db.executemany("INSERT INTO client_accountants (client_id, user_id) VALUES (?, ?)", assign_rows)
        db.executemany("INSERT INTO client_search (rowid, u, b, pu, pb) VALUES (?, ?, ?, ?, ?)", search_rows)
