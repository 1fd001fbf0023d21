-- What each recipient a purpose names does with the data (PIPL Art 23): its purpose of provision,
-- method and categories, as a canonical JSON list in print order, saved with each purpose version
-- so a change of them makes the purpose's next version and changes its notice hash (consents given
-- for the old notice are asked again). A recipient's contact is not in it (a correction, not a new
-- notice). Versions saved before this migration keep '' and their notice hash stays what it was.
ALTER TABLE purposes ADD COLUMN recipient_terms TEXT NOT NULL DEFAULT '';
