-- Personal information protection impact assessments (PIPL Arts 55-56; issue 14). One row per
-- assessment: what triggered it (Art 55: sensitive data, entrusted processing, provision to others,
-- ...), the purpose and necessity, the risks, the measures and the conclusion, when and by whom.
-- Art 56 para 3: the report is kept at least three years; keep_until = assessed_on + 3 years, and a
-- deletion before that date is refused by the service. No personal data is stored here.
CREATE TABLE impact_assessments (
    id                 INTEGER PRIMARY KEY,
    title              TEXT NOT NULL,
    trigger            TEXT NOT NULL CHECK (trigger IN ('sensitive', 'automated_decision', 'entrusted',
                                                        'third_party', 'public', 'cross_border', 'other')),
    purpose_necessity  TEXT NOT NULL,
    risks              TEXT NOT NULL,
    measures           TEXT NOT NULL,
    conclusion         TEXT NOT NULL CHECK (conclusion IN ('acceptable', 'acceptable_with_measures',
                                                           'not_acceptable')),
    assessed_on        TEXT NOT NULL,
    assessor_id        INTEGER NOT NULL REFERENCES users (id),
    keep_until         TEXT NOT NULL,
    created_by         INTEGER NOT NULL,
    created_at         TEXT NOT NULL
);
CREATE INDEX impact_assessments_by_date ON impact_assessments (assessed_on);

-- What an assessment covers: purposes (by code) and recipients of the recipients list (by id, as
-- text). The app reminds of each sensitive purpose and each recipient that no assessment covers.
CREATE TABLE impact_assessment_links (
    assessment_id  INTEGER NOT NULL REFERENCES impact_assessments (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('purpose', 'recipient')),
    ref            TEXT NOT NULL,
    PRIMARY KEY (assessment_id, kind, ref)
) WITHOUT ROWID;
CREATE INDEX impact_assessment_links_by_ref ON impact_assessment_links (kind, ref);
