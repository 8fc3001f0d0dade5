CREATE TABLE "stay" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"stay_ref" text NOT NULL,
	"minor_id" uuid,
	"status" text NOT NULL,
	"admission_date" date,
	"admission_kind" text,
	"legal_basis" text,
	"referring_service_code" text,
	"referring_comune" text,
	"with_parent" boolean,
	"origin" text,
	"reasons" jsonb,
	"msna" boolean DEFAULT false NOT NULL,
	"discharge_date" date,
	"discharge_reason" text,
	"discharge_destination" text,
	"has_overlap" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stay_absence" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"stay_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date
);
--> statement-breakpoint
CREATE TABLE "stay_activity" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"stay_id" uuid NOT NULL,
	"code" text NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date,
	"hours" real
);
--> statement-breakpoint
CREATE TABLE "stay_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"arrival" bigint GENERATED ALWAYS AS IDENTITY (sequence name "stay_event_arrival_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"content_digest" text NOT NULL,
	"status" text NOT NULL,
	"type" text,
	"structure_id" uuid,
	"stay_id" uuid,
	"occurred_on" date,
	"sequence" integer,
	"minor_id" uuid,
	"payload" jsonb,
	"warnings" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stay" ADD CONSTRAINT "stay_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay" ADD CONSTRAINT "stay_minor_id_minor_id_fk" FOREIGN KEY ("minor_id") REFERENCES "public"."minor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_absence" ADD CONSTRAINT "stay_absence_stay_id_stay_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."stay"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_activity" ADD CONSTRAINT "stay_activity_stay_id_stay_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."stay"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_event" ADD CONSTRAINT "stay_event_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_event" ADD CONSTRAINT "stay_event_minor_id_minor_id_fk" FOREIGN KEY ("minor_id") REFERENCES "public"."minor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stay_structure_ref" ON "stay" USING btree ("structure_id","stay_ref");--> statement-breakpoint
CREATE INDEX "stay_minor" ON "stay" USING btree ("minor_id");--> statement-breakpoint
CREATE INDEX "stay_presence" ON "stay" USING btree ("structure_id","admission_date","discharge_date");--> statement-breakpoint
CREATE INDEX "stay_open" ON "stay" USING btree ("structure_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "stay_absence_stay" ON "stay_absence" USING btree ("stay_id");--> statement-breakpoint
CREATE INDEX "stay_activity_stay" ON "stay_activity" USING btree ("stay_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stay_event_arrival" ON "stay_event" USING btree ("arrival");--> statement-breakpoint
CREATE INDEX "stay_event_stay" ON "stay_event" USING btree ("stay_id");--> statement-breakpoint
CREATE INDEX "stay_event_minor" ON "stay_event" USING btree ("minor_id");--> statement-breakpoint
CREATE INDEX "stay_event_recorded_at" ON "stay_event" USING btree ("recorded_at");