-- Every change of what a report can see of a stay closes the stay's current history version and
-- opens a new one, in the same transaction as the change (now() is the transaction's instant, the
-- same as the recorded_at of the events it stores). Two changes in one transaction leave an empty
-- interval [t, t), which no instant falls in.
CREATE FUNCTION stay_record_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.structure_id IS NOT DISTINCT FROM OLD.structure_id
     AND NEW.minor_id IS NOT DISTINCT FROM OLD.minor_id
     AND NEW.status IS NOT DISTINCT FROM OLD.status
     AND NEW.admission_date IS NOT DISTINCT FROM OLD.admission_date
     AND NEW.admission_kind IS NOT DISTINCT FROM OLD.admission_kind
     AND NEW.legal_basis IS NOT DISTINCT FROM OLD.legal_basis
     AND NEW.referring_comune IS NOT DISTINCT FROM OLD.referring_comune
     AND NEW.origin IS NOT DISTINCT FROM OLD.origin
     AND NEW.msna IS NOT DISTINCT FROM OLD.msna
     AND NEW.discharge_date IS NOT DISTINCT FROM OLD.discharge_date
     AND NEW.discharge_reason IS NOT DISTINCT FROM OLD.discharge_reason
     AND NEW.discharge_destination IS NOT DISTINCT FROM OLD.discharge_destination THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    UPDATE stay_history SET recorded_to = now() WHERE stay_id = NEW.id AND recorded_to IS NULL;
  END IF;
  INSERT INTO stay_history (
    stay_id, structure_id, minor_id, status, admission_date, admission_kind, legal_basis,
    referring_comune, origin, msna, discharge_date, discharge_reason, discharge_destination,
    recorded_from
  ) VALUES (
    NEW.id, NEW.structure_id, NEW.minor_id, NEW.status, NEW.admission_date, NEW.admission_kind,
    NEW.legal_basis, NEW.referring_comune, NEW.origin, NEW.msna, NEW.discharge_date,
    NEW.discharge_reason, NEW.discharge_destination, now()
  );
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER stay_history_on_change
  AFTER INSERT OR UPDATE ON stay
  FOR EACH ROW EXECUTE FUNCTION stay_record_history();
--> statement-breakpoint
-- Stays recorded before history was kept: their current state, from their last change.
INSERT INTO stay_history (
  stay_id, structure_id, minor_id, status, admission_date, admission_kind, legal_basis,
  referring_comune, origin, msna, discharge_date, discharge_reason, discharge_destination,
  recorded_from
)
SELECT id, structure_id, minor_id, status, admission_date, admission_kind, legal_basis,
  referring_comune, origin, msna, discharge_date, discharge_reason, discharge_destination,
  updated_at
FROM stay;
--> statement-breakpoint
CREATE UNIQUE INDEX stay_history_one_current ON stay_history (stay_id) WHERE recorded_to IS NULL;
