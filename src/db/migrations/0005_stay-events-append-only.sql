-- Stay events are the history every stay is computed from: never deleted, never rewritten. The one
-- change allowed is the minor they point to, which a merge of two records of the same child moves
-- (and its undo moves back).
CREATE FUNCTION stay_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'minor_id') = (to_jsonb(OLD) - 'minor_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'stay_event is append-only' USING ERRCODE = '42501';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER stay_event_append_only
  BEFORE UPDATE OR DELETE ON stay_event
  FOR EACH ROW EXECUTE FUNCTION stay_event_refuse_change();
--> statement-breakpoint
CREATE TRIGGER stay_event_no_truncate
  BEFORE TRUNCATE ON stay_event
  FOR EACH STATEMENT EXECUTE FUNCTION stay_event_refuse_change();
