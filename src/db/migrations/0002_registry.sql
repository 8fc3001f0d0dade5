CREATE TABLE "duplicate_review" (
	"id" uuid PRIMARY KEY NOT NULL,
	"first_minor_id" uuid NOT NULL,
	"second_minor_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "identity_index" (
	"kind" text NOT NULL,
	"digest" text NOT NULL,
	"minor_id" uuid NOT NULL,
	CONSTRAINT "identity_index_kind_digest_minor_id_pk" PRIMARY KEY("kind","digest","minor_id")
);
--> statement-breakpoint
CREATE TABLE "identity_vault" (
	"minor_id" uuid PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"fiscal_code" text,
	"family_name" text,
	"given_name" text,
	"sex" text NOT NULL,
	"birth_date" text,
	"birth_place" text,
	"citizenship" text,
	"other_ids" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minor" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pseudonym" text NOT NULL,
	"sex" text NOT NULL,
	"birth_year_month" text,
	"citizenship" text,
	"residence_comune" text,
	"is_possible_duplicate" boolean DEFAULT false NOT NULL,
	"merged_into" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "minor_pseudonym_unique" UNIQUE("pseudonym")
);
--> statement-breakpoint
CREATE TABLE "minor_merge" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"review_id" uuid,
	"reason" text NOT NULL,
	"repointed" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"merged_by" uuid,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_by" uuid,
	"undone_at" timestamp with time zone,
	"undo_reason" text
);
--> statement-breakpoint
ALTER TABLE "duplicate_review" ADD CONSTRAINT "duplicate_review_first_minor_id_minor_id_fk" FOREIGN KEY ("first_minor_id") REFERENCES "public"."minor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_review" ADD CONSTRAINT "duplicate_review_second_minor_id_minor_id_fk" FOREIGN KEY ("second_minor_id") REFERENCES "public"."minor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_review" ADD CONSTRAINT "duplicate_review_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_index" ADD CONSTRAINT "identity_index_minor_id_minor_id_fk" FOREIGN KEY ("minor_id") REFERENCES "public"."minor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_vault" ADD CONSTRAINT "identity_vault_minor_id_minor_id_fk" FOREIGN KEY ("minor_id") REFERENCES "public"."minor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minor_merge" ADD CONSTRAINT "minor_merge_survivor_id_minor_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."minor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minor_merge" ADD CONSTRAINT "minor_merge_merged_id_minor_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."minor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minor_merge" ADD CONSTRAINT "minor_merge_review_id_duplicate_review_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."duplicate_review"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minor_merge" ADD CONSTRAINT "minor_merge_merged_by_app_user_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minor_merge" ADD CONSTRAINT "minor_merge_undone_by_app_user_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_review_pair" ON "duplicate_review" USING btree ("first_minor_id","second_minor_id");--> statement-breakpoint
CREATE INDEX "duplicate_review_state" ON "duplicate_review" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_index_unique_identifier" ON "identity_index" USING btree ("kind","digest") WHERE kind in ('fiscal-code', 'other-id');--> statement-breakpoint
CREATE INDEX "identity_index_minor" ON "identity_index" USING btree ("minor_id");--> statement-breakpoint
CREATE INDEX "minor_merged_into" ON "minor" USING btree ("merged_into");