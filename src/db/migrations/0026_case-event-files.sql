ALTER TABLE "event_file" ADD COLUMN "kind" text DEFAULT 'stay' NOT NULL;--> statement-breakpoint
ALTER TABLE "event_file_line" ADD COLUMN "processing_order" integer;--> statement-breakpoint
CREATE INDEX "event_file_line_pending_order" ON "event_file_line" USING btree ("file_id","processing_order") WHERE status is null and processing_order is not null;