CREATE TABLE "event_file" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"format" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content_digest" text NOT NULL,
	"status" text NOT NULL,
	"line_count" integer NOT NULL,
	"processed_count" integer DEFAULT 0 NOT NULL,
	"accepted_count" integer DEFAULT 0 NOT NULL,
	"duplicate_count" integer DEFAULT 0 NOT NULL,
	"rejected_count" integer DEFAULT 0 NOT NULL,
	"failure_count" integer DEFAULT 0 NOT NULL,
	"lease_owner" uuid,
	"lease_expires_at" timestamp with time zone,
	"chunk_started_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "event_file_line" (
	"file_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"event_id" text,
	"key_id" text,
	"sealed_content" text,
	"status" text,
	"warnings" jsonb,
	"errors" jsonb,
	CONSTRAINT "event_file_line_file_id_line_pk" PRIMARY KEY("file_id","line")
);
--> statement-breakpoint
ALTER TABLE "event_file" ADD CONSTRAINT "event_file_client_id_machine_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."machine_client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_file_line" ADD CONSTRAINT "event_file_line_file_id_event_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."event_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_file_client" ON "event_file" USING btree ("client_id","received_at");--> statement-breakpoint
CREATE INDEX "event_file_pending" ON "event_file" USING btree ("received_at") WHERE status in ('queued', 'processing');--> statement-breakpoint
CREATE INDEX "event_file_line_pending" ON "event_file_line" USING btree ("file_id","line") WHERE status is null;