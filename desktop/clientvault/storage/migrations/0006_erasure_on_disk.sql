-- An erasure commits in one transaction, but its old page versions leave the disk only when the
-- WAL checkpoint (TRUNCATE) completes. Another workstation holding a read transaction stops it;
-- until it completes the register row says 'pending' and the app retries (services/erasure.py).
ALTER TABLE destruction_register ADD COLUMN on_disk TEXT NOT NULL DEFAULT 'complete'
    CHECK (on_disk IN ('complete', 'pending'));
