import { z } from "zod";
import { fosterCarerSchema } from "./case-event.schema.ts";

/** The foster carers of an episode, as the service in charge of the case reads them. */
export const fosterCarersParams = z.object({
  caseId: z.uuid({ error: "Identificativo della cartella non valido" }),
  episodeId: z.uuid({ error: "Identificativo dell'affido non valido" }),
});
export const fosterCarersSchema = z
  .object({
    caseId: z.uuid(),
    episodeId: z.uuid().describe("L'evento di inizio dell'affido"),
    carers: z.array(fosterCarerSchema),
  })
  .meta({ id: "FosterCarers" });
export type FosterCarers = z.infer<typeof fosterCarersSchema>;
