-- Agreements with the recipients of the recipients list (PIPL Arts 21, 23; issue 14): a recipient
-- that receives data to process for its own purposes (provision, Art 23) or a processor the firm
-- entrusts (Art 21). Dates, scope, purposes, categories, the recipient's security duties, the term,
-- what happens to the data at the end (returned or deleted) and the confirmation of it. No personal
-- data is stored here.
CREATE TABLE recipient_agreements (
    id                INTEGER PRIMARY KEY,
    recipient_id      INTEGER NOT NULL REFERENCES recipients (id),
    kind              TEXT NOT NULL CHECK (kind IN ('provision', 'entrusted')),
    signed_on         TEXT NOT NULL,
    scope             TEXT NOT NULL,
    purposes          TEXT NOT NULL,  -- comma-separated purpose codes
    categories        TEXT NOT NULL,  -- comma-separated core.records.DataCategory values
    security_duties   TEXT NOT NULL,
    starts_on         TEXT NOT NULL,
    ends_on           TEXT,           -- NULL: until either side ends it
    end_handling      TEXT NOT NULL CHECK (end_handling IN ('return', 'delete', 'return_and_delete')),
    ended_on          TEXT,
    end_confirmed_on  TEXT,
    end_confirmation  TEXT NOT NULL DEFAULT '',
    end_confirmed_by  INTEGER REFERENCES users (id),
    created_by        INTEGER NOT NULL,
    created_at        TEXT NOT NULL
);
CREATE INDEX recipient_agreements_by_recipient ON recipient_agreements (recipient_id);

-- A disclosure may name its recipient from the list (NULL: typed only, as before).
ALTER TABLE disclosures ADD COLUMN recipient_id INTEGER REFERENCES recipients (id);
