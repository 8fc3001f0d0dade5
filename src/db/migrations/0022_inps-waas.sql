CREATE TABLE "inps_client" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inps_client_ente" (
	"client_id" uuid NOT NULL,
	"belfiore" text NOT NULL,
	CONSTRAINT "inps_client_ente_client_id_belfiore_pk" PRIMARY KEY("client_id","belfiore")
);
--> statement-breakpoint
CREATE TABLE "sinba_flow_clock" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"last_recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inps_client" ADD CONSTRAINT "inps_client_client_id_machine_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."machine_client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inps_client_ente" ADD CONSTRAINT "inps_client_ente_client_id_inps_client_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."inps_client"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inps_client_ente_belfiore" ON "inps_client_ente" USING btree ("belfiore");--> statement-breakpoint
-- Flows recorded before: their instant to the millisecond, one millisecond apart at least, in recording order.
DO $$
DECLARE
  flow record;
  previous timestamptz := '-infinity';
  stamped timestamptz;
BEGIN
  FOR flow IN SELECT id, recorded_at FROM sinba_flow ORDER BY sequence LOOP
    stamped := greatest(date_trunc('milliseconds', flow.recorded_at), previous + interval '1 millisecond');
    UPDATE sinba_flow SET recorded_at = stamped WHERE id = flow.id;
    previous := stamped;
  END LOOP;
END;
$$;
--> statement-breakpoint
INSERT INTO sinba_flow_clock (id, last_recorded_at)
SELECT true, coalesce(max(recorded_at), 'epoch'::timestamptz) FROM sinba_flow;
--> statement-breakpoint
-- Each new flow's recorded_at: its own (now() by default) to the millisecond, or one millisecond after
-- the last one handed out. Updating the clock's single row locks it until the inserting transaction
-- ends, so a later stamp is handed out only after the earlier one's transaction has committed (or
-- rolled back): a reader that sees a flow sees every flow stamped before it.
CREATE FUNCTION sinba_flow_stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  stamped timestamptz;
BEGIN
  UPDATE sinba_flow_clock
    SET last_recorded_at = greatest(
      date_trunc('milliseconds', coalesce(NEW.recorded_at, now())),
      last_recorded_at + interval '1 millisecond')
    WHERE id
    RETURNING last_recorded_at INTO stamped;
  IF stamped IS NULL THEN
    RAISE EXCEPTION 'sinba_flow_clock has no row';
  END IF;
  NEW.recorded_at := stamped;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sinba_flow_stamp_on_insert
  BEFORE INSERT ON sinba_flow
  FOR EACH ROW EXECUTE FUNCTION sinba_flow_stamp();
--> statement-breakpoint
CREATE UNIQUE INDEX sinba_flow_recorded_at ON sinba_flow (recorded_at);
--> statement-breakpoint
-- GET /flussi reads one ente's flows (the Belfiore code opening id_flusso) after an instant.
CREATE INDEX sinba_flow_ente_recorded_at ON sinba_flow (split_part(id_flusso, '.', 1), recorded_at);
