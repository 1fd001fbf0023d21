-- The dashboard's monthly trend of reveals (issue 14) counts the reveals of the last 12 months by
-- month. Without an index that reads every reveal event's JSON body (seconds at a million events);
-- this partial index holds only the reveals shown, by time, so the count reads the index alone.
CREATE INDEX audit_reveals_by_at ON audit (at) WHERE action IN ('sensitive.reveal', 'locked.reveal') AND outcome = 'ok';
