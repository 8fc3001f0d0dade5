import { z } from "zod";
import { maxEventsPerRequest } from "../events/machine-client.schema.ts";
import { minorIdentitySchema } from "../registry/minor-identity.ts";
import { caseEventResultSchema } from "./case-api.schema.ts";
import { caseEventSchemas, openingContentSchema } from "./case-event.schema.ts";

/**
 * The case interchange standard (docs/case-interchange.md): the services' own software sends the
 * facts of its case files with the same events as the web app, but for one difference. Software
 * has no registry search, so the opening names the minor by identity (fiscal code, or the
 * registry's identity fields), resolved as the admissions of the structures' standard are; the
 * identity is kept in the vault only, and the stored opening names the minor by pseudonym.
 */
export const interchangeOpeningContentSchema = openingContentSchema
  .omit({ minorRef: true })
  .extend({
    minor: minorIdentitySchema
      .strict()
      .describe("L'identità del minore: codice fiscale, o cognome, nome, sesso e data di nascita"),
  })
  .strict();

const overridden = {
  "case-opened": caseEventSchemas["case-opened"]
    .extend({ opening: interchangeOpeningContentSchema })
    .strict(),
  correction: caseEventSchemas.correction
    .omit({ assignment: true })
    .extend({ opening: interchangeOpeningContentSchema.optional() })
    .strict(),
};

/**
 * The events of the case interchange standard, by type. The assignment of a case to an operator
 * is the service manager's, in the web app: the services' software does not send it
 * (`assignment-not-for-clients`).
 */
const { assignment: _assignment, ...interchangeTypes } = caseEventSchemas;
export const interchangeCaseEventSchemas = { ...interchangeTypes, ...overridden } as const;
type InterchangeCaseEventType = keyof typeof interchangeCaseEventSchemas;

export const interchangeCaseEventSchema = z
  .union(
    Object.values(interchangeCaseEventSchemas) as unknown as [
      (typeof interchangeCaseEventSchemas)[InterchangeCaseEventType],
      ...(typeof interchangeCaseEventSchemas)[InterchangeCaseEventType][],
    ],
  )
  .meta({ id: "CaseInterchangeEvent" });

/** The request as documented: at most so many events, of one or several cases of the service. */
export const caseEventBatchSchema = z
  .object({ events: z.array(interchangeCaseEventSchema).max(maxEventsPerRequest) })
  .meta({ id: "CaseEventBatch" });

/**
 * What the route itself checks: a list of at most so many events; each is then judged on its own
 * by the pipeline, so that one bad event rejects only itself.
 */
export const caseEventBatchValidation = z.object({
  events: z
    .array(z.unknown().describe("Evento dello standard delle cartelle (validato uno per uno)"))
    .max(maxEventsPerRequest),
});

export const caseEventBatchResultsSchema = z
  .object({ results: z.array(caseEventResultSchema) })
  .meta({ id: "CaseEventBatchResults" });
