"""``slot_records``: the public part and certificate of every key slot ever certified.

Audit events are signed by the slot a session logged in through; the slot may be removed later
(a user disabled), so its public record is kept here to verify those events. Rows hold no key
material: X25519 and Ed25519 public keys, ids, flags and the certificate.
"""

from __future__ import annotations

from clientvault.storage.db import Database


class SlotRecordRepository:
    """Adds and lists slot records (JSON text; parsed and verified by the caller)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, slot_id: str, record: str) -> None:
        """Keep a record (a slot's record never changes, so an existing one stays)."""
        self.db.execute("INSERT OR IGNORE INTO slot_records (slot_id, record) VALUES (?, ?)", (slot_id, record))

    def all(self) -> list[tuple[str, str]]:
        """Every (slot id, record) pair."""
        return [(str(a), str(b)) for a, b in self.db.all("SELECT slot_id, record FROM slot_records")]
