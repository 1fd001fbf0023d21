-- Approvals of exports above the row threshold (issue 11): request, partner approves, requester saves.
CREATE TABLE export_approvals (
    id INTEGER PRIMARY KEY,
    requested_by INTEGER NOT NULL REFERENCES users(id),
    requested_at TEXT NOT NULL,
    scope TEXT NOT NULL,            -- JSON: the list filter or the client/person the export covers
    purpose TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    unmasked INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'refused', 'used')),
    decided_by INTEGER REFERENCES users(id),
    decided_at TEXT,
    export_id INTEGER REFERENCES export_register(id)
);
CREATE INDEX export_approvals_status ON export_approvals(status, requested_at);
