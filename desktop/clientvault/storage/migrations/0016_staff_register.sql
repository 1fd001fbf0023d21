-- Staff register (issue 14): each member of staff's confidentiality agreement or commitment
-- (signed date, valid until, an optional scan kept in the encrypted database like consent
-- evidence), training sessions and who attended, and the partner's time-limited permission to
-- reveal sensitive items before an agreement is on file (always with a reason, audited).
CREATE TABLE staff_agreements (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    kind         TEXT NOT NULL CHECK (kind IN ('agreement', 'commitment')),
    signed_on    TEXT NOT NULL,
    valid_until  TEXT,  -- NULL: no end date
    note         TEXT NOT NULL DEFAULT '',
    scan_mime    TEXT CHECK (scan_mime IS NULL OR scan_mime IN ('application/pdf', 'image/png', 'image/jpeg',
                                                                'image/tiff')),
    scan_size    INTEGER,
    scan_sha256  TEXT,
    scan         BLOB,
    recorded_by  INTEGER NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX staff_agreements_by_user ON staff_agreements (user_id, valid_until);

CREATE TABLE training_sessions (
    id          INTEGER PRIMARY KEY,
    held_on     TEXT NOT NULL,
    topic       TEXT NOT NULL,
    trainer     TEXT NOT NULL,
    created_by  INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX training_sessions_by_date ON training_sessions (held_on);

CREATE TABLE training_attendance (
    session_id  INTEGER NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (session_id, user_id)
) WITHOUT ROWID;
CREATE INDEX training_attendance_by_user ON training_attendance (user_id);

CREATE TABLE reveal_overrides (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    reason      TEXT NOT NULL,
    expires_on  TEXT NOT NULL,  -- the last day the permission holds
    granted_by  INTEGER NOT NULL,
    granted_at  TEXT NOT NULL,
    revoked_at  TEXT,
    revoked_by  INTEGER
);
CREATE INDEX reveal_overrides_by_user ON reveal_overrides (user_id, expires_on);
