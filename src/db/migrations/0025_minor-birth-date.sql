-- The birth date joins the pseudonymous record so that reports compute ages in completed years.
-- New minors carry it from their resolution; minors recorded before are filled from the vault
-- when the server starts with the keys (fillBirthDates in the registry), never here.
ALTER TABLE "minor" ADD COLUMN "birth_date" date;
