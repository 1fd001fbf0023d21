-- Corrections of a returned consent form's recorded answers (issue 13): a form saved by mistake is
-- corrected by the partner or the privacy officer with a typed reason instead of being burned. The
-- answers before and after are purpose codes and scopes only ("marketing.purpose"); the reason is
-- kept here, the audit event names the form and the kinds of change.
CREATE TABLE form_corrections (
    id            INTEGER PRIMARY KEY,
    form_id       INTEGER NOT NULL REFERENCES consent_forms (id) ON DELETE CASCADE,
    client_id     INTEGER NOT NULL,
    reason        TEXT NOT NULL,
    ticked_before TEXT NOT NULL,
    ticked_after  TEXT NOT NULL,
    corrected_by  INTEGER NOT NULL,
    corrected_at  TEXT NOT NULL
);
CREATE INDEX form_corrections_by_form ON form_corrections (form_id);
