-- How a registered export was destroyed (services.exports.DestroyOutcome): the file overwritten
-- and removed, already gone, changed since it was saved (left in place), or only marked by hand.
-- A code, never a path or a name.
ALTER TABLE export_register ADD COLUMN destroy_outcome TEXT;
