"""Lookups of a credit code or ID number already held by another client, and the confirmations kept."""

from __future__ import annotations

from clientvault.storage.audit import now_iso
from clientvault.storage.db import Database


class IdentifierRepository:
    """Point lookups in the credit-code and ID-number indexes (one index seek each)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def client_with_uscc(self, uscc: str, *, besides: int | None = None) -> int | None:
        """The lowest id of another client whose credit code is ``uscc`` (locked and erased ones hold none)."""
        row = self.db.one(
            "SELECT min(id) FROM clients INDEXED BY clients_by_uscc WHERE uscc = ? AND id IS NOT ?",
            (uscc, besides),
        )
        return int(row[0]) if row and row[0] is not None else None

    def client_with_id_number(self, id_number: str, *, besides: int | None = None) -> int | None:
        """The lowest id of another client with a person whose ID number is ``id_number``."""
        row = self.db.one(
            "SELECT min(client_id) FROM persons INDEXED BY persons_by_id_number_client"
            " WHERE id_number = ? AND client_id IS NOT ?",
            (id_number, besides),
        )
        return int(row[0]) if row and row[0] is not None else None

    def record(
        self, client_id: int, person_id: int | None, other_client_id: int, field: str, choice: str, user_id: int
    ) -> None:
        """Keep one confirmation (ids and the choice only)."""
        self.db.execute(
            "INSERT INTO identifier_confirmations"
            " (client_id, person_id, other_client_id, field, choice, confirmed_by, confirmed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (client_id, person_id, other_client_id, field, choice, user_id, now_iso()),
        )

    def confirmations(self, client_id: int) -> list[tuple[int | None, int, str, str]]:
        """(person id, other client id, field, choice) of each confirmation kept for ``client_id``."""
        rows = self.db.all(
            "SELECT person_id, other_client_id, field, choice FROM identifier_confirmations"
            " WHERE client_id = ? ORDER BY id",
            (client_id,),
        )
        return [(None if r[0] is None else int(r[0]), int(r[1]), str(r[2]), str(r[3])) for r in rows]
