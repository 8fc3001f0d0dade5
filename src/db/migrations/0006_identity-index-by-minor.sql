DROP INDEX "identity_index_minor";--> statement-breakpoint
CREATE INDEX "identity_index_minor_kind" ON "identity_index" USING btree ("minor_id","kind");