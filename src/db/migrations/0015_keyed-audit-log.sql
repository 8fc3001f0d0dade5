CREATE TABLE "audit_keying" (
	"keyed_from_sequence" bigint PRIMARY KEY NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_entry" ADD COLUMN "key_id" text;
--> statement-breakpoint
-- Entries that exist now keep their plain SHA-256 chain; every later one is keyed (HMAC).
INSERT INTO "audit_keying" ("keyed_from_sequence")
  SELECT coalesce(max("sequence"), 0) + 1 FROM "audit_entry";
--> statement-breakpoint
-- Like the log itself: nobody changes where keying starts without first disabling this trigger.
CREATE TRIGGER audit_keying_append_only
  BEFORE UPDATE OR DELETE ON audit_keying
  FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_keying_no_truncate
  BEFORE TRUNCATE ON audit_keying
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
