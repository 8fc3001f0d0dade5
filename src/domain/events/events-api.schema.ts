import { z } from "zod";
import { eventProblemSchema } from "../stays/stay-api.schema.ts";
import { stayEventSchema } from "../stays/stay-event.schema.ts";
import { maxEventsPerRequest } from "./machine-client.schema.ts";

/** The machine API of the interchange standard v1: a batch of events and one outcome for each. */
export const eventBatchSchema = z
  .object({ events: z.array(stayEventSchema).max(maxEventsPerRequest) })
  .meta({ id: "EventBatch" });

/**
 * What the route itself checks: a list of at most so many events. Each event is then judged on
 * its own by the pipeline (with `stayEventSchema`), so that one bad event rejects only itself.
 */
export const eventBatchValidation = z.object({
  events: z
    .array(z.unknown().describe("Evento dello standard di interscambio v1 (validato uno per uno)"))
    .max(maxEventsPerRequest),
});

export const eventOutcomeSchema = z
  .object({
    id: z.string(),
    status: z.enum(["accepted", "duplicate", "rejected"]),
    warnings: z.array(eventProblemSchema),
    errors: z.array(eventProblemSchema),
  })
  .meta({ id: "EventOutcome" });
export type EventOutcome = z.infer<typeof eventOutcomeSchema>;

export const eventResultsSchema = z
  .object({ results: z.array(eventOutcomeSchema) })
  .meta({ id: "EventResults" });

export const eventIdParams = z.object({ id: z.uuid({ error: "Identificativo non valido" }) });
