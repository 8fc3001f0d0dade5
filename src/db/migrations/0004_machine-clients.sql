CREATE TABLE "machine_client" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"operator_organisation_id" uuid NOT NULL,
	"require_integrity" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "machine_client_jti" (
	"client_id" uuid NOT NULL,
	"jti" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "machine_client_jti_client_id_jti_pk" PRIMARY KEY("client_id","jti")
);
--> statement-breakpoint
CREATE TABLE "machine_client_key" (
	"client_id" uuid NOT NULL,
	"kid" text NOT NULL,
	"jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "machine_client_key_client_id_kid_pk" PRIMARY KEY("client_id","kid")
);
--> statement-breakpoint
CREATE TABLE "machine_client_structure" (
	"client_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	CONSTRAINT "machine_client_structure_client_id_structure_id_pk" PRIMARY KEY("client_id","structure_id")
);
--> statement-breakpoint
ALTER TABLE "machine_client" ADD CONSTRAINT "machine_client_operator_organisation_id_organisation_id_fk" FOREIGN KEY ("operator_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_client" ADD CONSTRAINT "machine_client_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_client_key" ADD CONSTRAINT "machine_client_key_client_id_machine_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."machine_client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_client_structure" ADD CONSTRAINT "machine_client_structure_client_id_machine_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."machine_client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_client_structure" ADD CONSTRAINT "machine_client_structure_structure_id_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "machine_client_operator" ON "machine_client" USING btree ("operator_organisation_id");--> statement-breakpoint
CREATE INDEX "machine_client_jti_expires" ON "machine_client_jti" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "machine_client_structure_structure" ON "machine_client_structure" USING btree ("structure_id");