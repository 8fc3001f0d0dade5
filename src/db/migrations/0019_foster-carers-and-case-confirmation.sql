CREATE TABLE "foster_carer" (
	"source_event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"episode_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"key_id" text NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"fiscal_code" text,
	"relationship" text NOT NULL,
	"contact" text,
	"fiscal_code_digest" text,
	CONSTRAINT "foster_carer_source_event_id_position_pk" PRIMARY KEY("source_event_id","position")
);
--> statement-breakpoint
ALTER TABLE "stay" ADD COLUMN "confirmed_via" text;--> statement-breakpoint
ALTER TABLE "stay" ADD COLUMN "confirmed_case_id" uuid;--> statement-breakpoint
ALTER TABLE "foster_carer" ADD CONSTRAINT "foster_carer_case_id_social_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."social_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "foster_carer_episode" ON "foster_carer" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "foster_carer_fiscal_code" ON "foster_carer" USING btree ("fiscal_code_digest");--> statement-breakpoint
CREATE INDEX "foster_carer_key" ON "foster_carer" USING btree ("key_id");
--> statement-breakpoint
UPDATE "stay" SET "confirmed_via" = 'steward' WHERE "confirmed_at" IS NOT NULL;