ALTER TABLE "stay" ADD COLUMN "is_backdated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "stay" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stay" ADD COLUMN "confirmed_by" uuid;