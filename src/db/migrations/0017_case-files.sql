CREATE TABLE "case_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"arrival" bigint GENERATED ALWAYS AS IDENTITY (sequence name "case_event_arrival_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"content_digest" text NOT NULL,
	"status" text NOT NULL,
	"type" text,
	"case_id" uuid,
	"occurred_on" date,
	"minor_id" uuid,
	"payload" jsonb,
	"warnings" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_case" (
	"id" uuid PRIMARY KEY NOT NULL,
	"minor_id" uuid NOT NULL,
	"service_organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"assigned_operator_id" uuid,
	"transfer_to_service_code" text,
	"projection" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_minor_id_minor_id_fk" FOREIGN KEY ("minor_id") REFERENCES "public"."minor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_case" ADD CONSTRAINT "social_case_minor_id_minor_id_fk" FOREIGN KEY ("minor_id") REFERENCES "public"."minor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_case" ADD CONSTRAINT "social_case_service_organisation_id_organisation_id_fk" FOREIGN KEY ("service_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_case" ADD CONSTRAINT "social_case_assigned_operator_id_app_user_id_fk" FOREIGN KEY ("assigned_operator_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_event_arrival" ON "case_event" USING btree ("arrival");--> statement-breakpoint
CREATE INDEX "case_event_case" ON "case_event" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_event_minor" ON "case_event" USING btree ("minor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "social_case_one_open" ON "social_case" USING btree ("minor_id","service_organisation_id") WHERE closed_on is null;--> statement-breakpoint
CREATE INDEX "social_case_service" ON "social_case" USING btree ("service_organisation_id","status");--> statement-breakpoint
CREATE INDEX "social_case_minor" ON "social_case" USING btree ("minor_id");--> statement-breakpoint
-- Case events are the history every case is computed from: never deleted, never rewritten. The one
-- change allowed is the minor they point to, which a merge of two records of the same child moves
-- (and its undo moves back).
CREATE FUNCTION case_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'minor_id') = (to_jsonb(OLD) - 'minor_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'case_event is append-only' USING ERRCODE = '42501';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_event_append_only
  BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION case_event_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_event_no_truncate
  BEFORE TRUNCATE ON case_event
  FOR EACH STATEMENT EXECUTE FUNCTION case_event_refuse_change();
