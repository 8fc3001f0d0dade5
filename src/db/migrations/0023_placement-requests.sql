CREATE TABLE "placement_request" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"minor_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"service_organisation_id" uuid NOT NULL,
	"state" text NOT NULL,
	"needs" jsonb NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decline_reason" text,
	"admitted_stay_id" uuid
);
--> statement-breakpoint
ALTER TABLE "placement_request" ADD CONSTRAINT "placement_request_case_id_social_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."social_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_request" ADD CONSTRAINT "placement_request_minor_id_minor_id_fk" FOREIGN KEY ("minor_id") REFERENCES "public"."minor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_request" ADD CONSTRAINT "placement_request_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_request" ADD CONSTRAINT "placement_request_service_organisation_id_organisation_id_fk" FOREIGN KEY ("service_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_request" ADD CONSTRAINT "placement_request_sent_by_app_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_request" ADD CONSTRAINT "placement_request_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_request" ADD CONSTRAINT "placement_request_admitted_stay_id_stay_id_fk" FOREIGN KEY ("admitted_stay_id") REFERENCES "public"."stay"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_request_structure_state" ON "placement_request" USING btree ("structure_id","state");--> statement-breakpoint
CREATE INDEX "placement_request_case" ON "placement_request" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "placement_request_service" ON "placement_request" USING btree ("service_organisation_id");