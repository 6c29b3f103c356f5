-- A board write is one statement (app/domain/live/board-statement.server.ts): the item's sequence
-- bump, the change, the audit row and the idempotency key. When the item was bumped but the
-- change did not apply (a stale version), this raises, so the whole statement rolls back and no
-- sequence number is spent on nothing.
CREATE FUNCTION "live_write_applied"(changed bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF changed = 0 THEN
    RAISE EXCEPTION 'live write not applied' USING ERRCODE = 'AOW01';
  END IF;
  RETURN true;
END
$$;
