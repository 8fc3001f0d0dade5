-- The birth date joins the pseudonymous record so that reports compute ages in completed years.
-- New minors carry it from their resolution; minors recorded before are filled from the vault
-- when the server starts with the keys (fillBirthDates in the registry), found by the partial
-- index of those still without it.
ALTER TABLE "minor" ADD COLUMN "birth_date" date;--> statement-breakpoint
CREATE INDEX "minor_birth_date_missing" ON "minor" USING btree ("id") WHERE birth_date is null;