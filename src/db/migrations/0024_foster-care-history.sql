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
-- Every change of what a report can see of a case's foster care (its episodes, the minor, the
-- service, the closure) closes the case's current versions and opens new ones, in the same
-- transaction as the change (now() is the transaction's instant, as for stay_history). The
-- episodes are read from the case's projection, which never holds the foster carers.
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
  SELECT (episode ->> 'eventId')::uuid, NEW.id, NEW.minor_id, NEW.service_organisation_id,
    (episode ->> 'date')::date, (episode ->> 'to')::date, NEW.closed_on,
    episode -> 'content' ->> 'form', episode -> 'content' ->> 'kind',
    episode -> 'content' ->> 'duration', episode -> 'content' ->> 'character',
    (episode -> 'content' ->> 'nightsPerWeek')::integer, episode ->> 'outcome', now()
  FROM jsonb_array_elements(coalesce(NEW.projection -> 'fosterCare', '[]'::jsonb)) AS episode;
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
SELECT (episode ->> 'eventId')::uuid, c.id, c.minor_id, c.service_organisation_id,
  (episode ->> 'date')::date, (episode ->> 'to')::date, c.closed_on,
  episode -> 'content' ->> 'form', episode -> 'content' ->> 'kind',
  episode -> 'content' ->> 'duration', episode -> 'content' ->> 'character',
  (episode -> 'content' ->> 'nightsPerWeek')::integer, episode ->> 'outcome', c.updated_at
FROM social_case c
CROSS JOIN LATERAL jsonb_array_elements(coalesce(c.projection -> 'fosterCare', '[]'::jsonb)) AS episode;
