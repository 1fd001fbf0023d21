-- Incidents and breaches register (PIPL Arts 51(5), 57; GB/T 35273 §10; issue 14). Affected clients
-- and persons are chosen from the vault (incident_subjects), never typed. Drills are incidents of
-- kind 'drill'. containment holds the response plan's checklist as JSON [{"step": text, "done": bool}].
CREATE TABLE incidents (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('incident', 'breach', 'drill')),
    discovered_on    TEXT NOT NULL,
    summary          TEXT NOT NULL,
    categories       TEXT NOT NULL DEFAULT '',   -- data category codes, comma-separated
    causes           TEXT NOT NULL DEFAULT '',
    harm             TEXT NOT NULL DEFAULT '',
    remedies         TEXT NOT NULL DEFAULT '',
    advice           TEXT NOT NULL DEFAULT '',   -- what an affected person can do
    containment      TEXT NOT NULL DEFAULT '[]',
    notify           TEXT CHECK (notify IN ('notify', 'no_notify')),
    notify_reason    TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    lessons          TEXT NOT NULL DEFAULT '',
    created_by       INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    closed_on        TEXT
);
CREATE INDEX incidents_by_status ON incidents (status, discovered_on);

CREATE TABLE incident_subjects (
    incident_id  INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    client_id    INTEGER NOT NULL REFERENCES clients (id),
    person_id    INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    UNIQUE (incident_id, client_id, person_id)
);
CREATE INDEX incident_subjects_by_client ON incident_subjects (client_id);
