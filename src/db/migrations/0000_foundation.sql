CREATE SEQUENCE "public"."structure_code_sequence" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_entry" (
	"sequence" bigint PRIMARY KEY NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"username" text,
	"organisation_id" uuid,
	"organisation_code" text,
	"role" text,
	"action" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" text,
	"minor_pseudonym" text,
	"purpose" text,
	"outcome" text NOT NULL,
	"details" jsonb,
	"previous_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"structure_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"fiscal_code" text,
	"legal_nature" text,
	"comune" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_code_unique" UNIQUE("code"),
	CONSTRAINT "organisation_fiscal_code_unique" UNIQUE("fiscal_code")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"membership_id" uuid,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comune" (
	"istat_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"belfiore" text,
	"province_code" text NOT NULL,
	"province_abbreviation" text NOT NULL,
	"province_name" text NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "regional_structure_type" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"national_type" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_comune" (
	"zone_code" text NOT NULL,
	"comune_code" text NOT NULL,
	CONSTRAINT "zone_comune_zone_code_comune_code_pk" PRIMARY KEY("zone_code","comune_code")
);
--> statement-breakpoint
CREATE TABLE "structure" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text,
	"status" text NOT NULL,
	"current_version" integer NOT NULL,
	"review_note" text,
	"operator_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "structure_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "structure_change" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"proposed" jsonb NOT NULL,
	"changed_fields" jsonb NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "structure_version" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"valid_from" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"change_id" uuid,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"regional_type" text NOT NULL,
	"national_type" text NOT NULL,
	"comune" text NOT NULL,
	"authorised_places" integer NOT NULL,
	"emergency_extra_places" integer NOT NULL,
	"authorisation_expires_on" date,
	"record" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_membership_id_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."membership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_comune" ADD CONSTRAINT "zone_comune_zone_code_zone_code_fk" FOREIGN KEY ("zone_code") REFERENCES "public"."zone"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_comune" ADD CONSTRAINT "zone_comune_comune_code_comune_istat_code_fk" FOREIGN KEY ("comune_code") REFERENCES "public"."comune"("istat_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure" ADD CONSTRAINT "structure_operator_organisation_id_organisation_id_fk" FOREIGN KEY ("operator_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure" ADD CONSTRAINT "structure_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_change" ADD CONSTRAINT "structure_change_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_change" ADD CONSTRAINT "structure_change_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_change" ADD CONSTRAINT "structure_change_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_version" ADD CONSTRAINT "structure_version_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_version" ADD CONSTRAINT "structure_version_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entry_recorded_at" ON "audit_entry" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "audit_entry_user" ON "audit_entry" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_entry_minor" ON "audit_entry" USING btree ("minor_pseudonym");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_unique" ON "membership" USING btree ("user_id","organisation_id","role",coalesce("structure_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "session_user" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "comune_region" ON "comune" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "comune_name" ON "comune" USING btree ("name");--> statement-breakpoint
CREATE INDEX "zone_comune_comune" ON "zone_comune" USING btree ("comune_code");--> statement-breakpoint
CREATE INDEX "structure_operator" ON "structure" USING btree ("operator_organisation_id");--> statement-breakpoint
CREATE INDEX "structure_status" ON "structure" USING btree ("status");--> statement-breakpoint
CREATE INDEX "structure_change_state" ON "structure_change" USING btree ("state");--> statement-breakpoint
CREATE INDEX "structure_change_structure" ON "structure_change" USING btree ("structure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "structure_version_unique" ON "structure_version" USING btree ("structure_id","version");--> statement-breakpoint
CREATE INDEX "structure_version_valid_from" ON "structure_version" USING btree ("structure_id","valid_from");