CREATE TABLE "sinba_case_check" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"service_organisation_id" uuid NOT NULL,
	"checked_arrival" bigint NOT NULL,
	"last_digest" text,
	"last_reference_day" date,
	"state" text NOT NULL,
	"missing" jsonb NOT NULL,
	"checked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sinba_flow" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sequence" bigint GENERATED ALWAYS AS IDENTITY (sequence name "sinba_flow_sequence_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id_flusso" text NOT NULL,
	"service_organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"reference_day" date NOT NULL,
	"record" jsonb NOT NULL,
	"record_digest" text NOT NULL,
	"xml" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"outcome_message" text,
	"outcome_at" timestamp with time zone,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sinba_flow_id_flusso_unique" UNIQUE("id_flusso")
);
--> statement-breakpoint
CREATE TABLE "sinba_flow_counter" (
	"belfiore" text NOT NULL,
	"day" text NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sinba_case_check" ADD CONSTRAINT "sinba_case_check_case_id_social_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."social_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sinba_case_check" ADD CONSTRAINT "sinba_case_check_service_organisation_id_organisation_id_fk" FOREIGN KEY ("service_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sinba_flow" ADD CONSTRAINT "sinba_flow_service_organisation_id_organisation_id_fk" FOREIGN KEY ("service_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sinba_flow" ADD CONSTRAINT "sinba_flow_case_id_social_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."social_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sinba_case_check_service" ON "sinba_case_check" USING btree ("service_organisation_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "sinba_flow_sequence" ON "sinba_flow" USING btree ("sequence");--> statement-breakpoint
CREATE INDEX "sinba_flow_case" ON "sinba_flow" USING btree ("case_id","sequence");--> statement-breakpoint
CREATE INDEX "sinba_flow_service" ON "sinba_flow" USING btree ("service_organisation_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "sinba_flow_counter_key" ON "sinba_flow_counter" USING btree ("belfiore","day");