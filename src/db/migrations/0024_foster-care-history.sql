CREATE TABLE "foster_care_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "foster_care_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"episode_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"minor_id" uuid NOT NULL,
	"service_organisation_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"case_closed_on" date,
	"form" text,
	"kind" text,
	"duration" text,
	"character" text,
	"nights_per_week" integer,
	"outcome" text,
	"recorded_from" timestamp with time zone NOT NULL,
	"recorded_to" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "foster_care_history_case" ON "foster_care_history" USING btree ("case_id") WHERE recorded_to is null;--> statement-breakpoint
CREATE INDEX "foster_care_history_episode" ON "foster_care_history" USING btree ("episode_id","recorded_from");--> statement-breakpoint
CREATE INDEX "foster_care_history_start" ON "foster_care_history" USING btree ("start_date");--> statement-breakpoint
-- A case's foster-care episodes, one row each, read from its projection (which never holds the
-- foster carers): the columns of foster_care_history but its instants. The trigger and the
-- backfill below both read them here.
CREATE FUNCTION foster_care_episodes_of(c social_case) RETURNS TABLE (
  episode_id uuid, case_id uuid, minor_id uuid, service_organisation_id uuid, start_date date,
  end_date date, case_closed_on date, form text, kind text, duration text, "character" text,
  nights_per_week integer, outcome text
) LANGUAGE sql STABLE AS $$
  SELECT (episode ->> 'eventId')::uuid, c.id, c.minor_id, c.service_organisation_id,
    (episode ->> 'date')::date, (episode ->> 'to')::date, c.closed_on,
    episode -> 'content' ->> 'form', episode -> 'content' ->> 'kind',
    episode -> 'content' ->> 'duration', episode -> 'content' ->> 'character',
    (episode -> 'content' ->> 'nightsPerWeek')::integer, episode ->> 'outcome'
  FROM jsonb_array_elements(coalesce(c.projection -> 'fosterCare', '[]'::jsonb)) AS episode
$$;
--> statement-breakpoint
-- Every change of what a report can see of a case's foster care (its episodes, the minor, the
-- service, the closure) closes the case's current versions and opens new ones, in the same
-- transaction as the change (now() is the transaction's instant, as for stay_history).
CREATE FUNCTION social_case_record_foster_care() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.minor_id IS NOT DISTINCT FROM OLD.minor_id
     AND NEW.service_organisation_id IS NOT DISTINCT FROM OLD.service_organisation_id
     AND NEW.closed_on IS NOT DISTINCT FROM OLD.closed_on
     AND (NEW.projection -> 'fosterCare') IS NOT DISTINCT FROM (OLD.projection -> 'fosterCare') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    UPDATE foster_care_history SET recorded_to = now() WHERE case_id = NEW.id AND recorded_to IS NULL;
  END IF;
  INSERT INTO foster_care_history (
    episode_id, case_id, minor_id, service_organisation_id, start_date, end_date, case_closed_on,
    form, kind, duration, character, nights_per_week, outcome, recorded_from
  )
  SELECT e.*, now() FROM foster_care_episodes_of(NEW) AS e;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER foster_care_history_on_change
  AFTER INSERT OR UPDATE ON social_case
  FOR EACH ROW EXECUTE FUNCTION social_case_record_foster_care();
--> statement-breakpoint
-- Cases recorded before foster-care history was kept: their current episodes, from their last change.
INSERT INTO foster_care_history (
  episode_id, case_id, minor_id, service_organisation_id, start_date, end_date, case_closed_on,
  form, kind, duration, character, nights_per_week, outcome, recorded_from
)
SELECT e.*, c.updated_at FROM social_case c CROSS JOIN LATERAL foster_care_episodes_of(c) AS e;
