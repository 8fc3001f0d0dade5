CREATE TABLE "stay_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stay_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"stay_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"minor_id" uuid,
	"status" text NOT NULL,
	"admission_date" date,
	"admission_kind" text,
	"legal_basis" text,
	"referring_comune" text,
	"origin" text,
	"msna" boolean NOT NULL,
	"discharge_date" date,
	"discharge_reason" text,
	"discharge_destination" text,
	"recorded_from" timestamp with time zone NOT NULL,
	"recorded_to" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "stay_history_stay" ON "stay_history" USING btree ("stay_id","recorded_from");--> statement-breakpoint
CREATE INDEX "stay_history_current_presence" ON "stay_history" USING btree ("admission_date","discharge_date") WHERE recorded_to is null;--> statement-breakpoint
CREATE INDEX "stay_history_presence" ON "stay_history" USING btree ("admission_date","discharge_date");