-- Audit events carry their canonical bytes (`body`), the signer and an Ed25519 signature
-- (docs/SECURITY.md "Audit log"). The typed columns are generated from `body`, so what the
-- pages show is exactly what the hash covers: nobody can edit a column beside the hashed bytes.
CREATE TABLE audit_v2 (
    seq        INTEGER PRIMARY KEY,
    body       TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL,
    sig        TEXT,
    at         TEXT    GENERATED ALWAYS AS (json_extract(body, '$[1]')) VIRTUAL,
    user_id    INTEGER GENERATED ALWAYS AS (json_extract(body, '$[2]')) VIRTUAL,
    action     TEXT    GENERATED ALWAYS AS (json_extract(body, '$[3]')) VIRTUAL,
    object     TEXT    GENERATED ALWAYS AS (json_extract(body, '$[4]')) VIRTUAL,
    purpose    TEXT    GENERATED ALWAYS AS (json_extract(body, '$[5]')) VIRTUAL,
    reason     TEXT    GENERATED ALWAYS AS (json_extract(body, '$[6]')) VIRTUAL,
    outcome    TEXT    GENERATED ALWAYS AS (json_extract(body, '$[7]')) VIRTUAL,
    signer     TEXT    GENERATED ALWAYS AS (json_extract(body, '$[8]')) VIRTUAL
);
-- Events written before this version keep their hash (computed over the eight fields); their
-- body is the same eight fields and verification recomputes the old canonical form for them.
INSERT INTO audit_v2 (seq, body, prev_hash, hash)
    SELECT seq, json_array(seq, at, user_id, action, object, purpose, reason, outcome), prev_hash, hash
    FROM audit ORDER BY seq;
DROP TABLE audit;
ALTER TABLE audit_v2 RENAME TO audit;
CREATE INDEX audit_by_user ON audit (user_id, seq);
CREATE INDEX audit_by_action ON audit (action, seq);
CREATE INDEX audit_by_object ON audit (object, seq);
CREATE INDEX audit_by_signer ON audit (signer, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

-- Every slot ever certified (public parts and certificate only), so that events signed by a
-- slot that was later removed still verify.
CREATE TABLE slot_records (
    slot_id  TEXT PRIMARY KEY,
    record   TEXT NOT NULL
) WITHOUT ROWID;
