CREATE TABLE "reference_seed" (
	"name" text PRIMARY KEY NOT NULL,
	"digest" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suppressed_comune" (
	"belfiore" text NOT NULL,
	"name" text NOT NULL,
	"province_abbreviation" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"merged_into" text,
	CONSTRAINT "suppressed_comune_belfiore_valid_from_pk" PRIMARY KEY("belfiore","valid_from")
);
--> statement-breakpoint
CREATE INDEX "comune_belfiore" ON "comune" USING btree ("belfiore");