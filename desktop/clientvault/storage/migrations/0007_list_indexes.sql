-- Indexes that make the client list's cost independent of the firm's size (issue 12).
-- Every sortable column is served by an index whose entries are ordered (value, rowid), so a
-- keyset page "(value, id) > (last value, last id) ORDER BY value, id LIMIT n" is an index seek
-- and a walk of n entries, in both directions. The name order already has clients_by_name_key and
-- the status order clients_by_status.
CREATE INDEX clients_by_kind ON clients (kind);
CREATE INDEX clients_by_updated_at ON clients (updated_at);
-- The list sorts clients without a code as '' (first ascending): the same expression is indexed.
CREATE INDEX clients_by_uscc_sort ON clients (ifnull(uscc, ''));

-- Identifiers are found by exact and prefix lookups (range seeks), not by bigram phrases. Each
-- index also holds what the visibility check needs (the client's status, or its id), so a
-- lookup reads no table row until a match is kept. Phones are stored normalised
-- ("13812345678", "0571-87654321"); the lookup ignores hyphens.
CREATE INDEX clients_by_uscc_status ON clients (uscc, status) WHERE uscc IS NOT NULL;
CREATE INDEX clients_by_tax_no_status ON clients (tax_no, status) WHERE tax_no IS NOT NULL;
CREATE INDEX clients_by_phone_digits ON clients (replace(phone, '-', ''), status);
CREATE INDEX persons_by_phone_digits ON persons (replace(phone, '-', ''), client_id);
CREATE INDEX persons_by_id_number_client ON persons (id_number, client_id) WHERE id_number IS NOT NULL;
CREATE INDEX sensitive_by_account ON sensitive_items (value, client_id) WHERE kind = 'bank_account';
