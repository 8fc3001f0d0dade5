import { z } from "zod";
import { SinbaEsitoAffido } from "../code-lists/sinba-codes.ts";
import {
  assessmentContentSchema,
  assignmentContentSchema,
  type CaseEventType,
  caseEnvelopeSchema,
  caseEventSchemas,
  caseEventTypes,
  closureContentSchema,
  familyContentSchema,
  fosterCareContentSchema,
  judicialContentSchema,
  openingContentSchema,
  situationContentSchema,
} from "./case-event.schema.ts";

/** The contracts of the case file's API: requests, projections and outcomes, for server and web. */
const dated = <Content extends z.ZodType>(content: Content) =>
  z.object({ eventId: z.uuid(), date: z.string(), content });

export const caseProblemSchema = z.object({ code: z.string(), path: z.string(), message: z.string() });

export const caseEventResultSchema = z
  .object({
    id: z.string(),
    status: z.enum(["accepted", "duplicate", "rejected"]),
    warnings: z.array(caseProblemSchema),
    errors: z.array(caseProblemSchema),
    caseId: z.uuid().optional(),
  })
  .meta({ id: "CaseEventResult" });
/** The outcome of one event, as its sender is told. */
export type CaseEventResult = z.infer<typeof caseEventResultSchema>;

/** Opening a case: the opening event without its type and case (the case takes the event's id). */
export const openCaseRequestSchema = z
  .object({
    id: z.uuid({ error: "Identificativo dell'evento non valido (UUID)" }),
    occurredOn: z.iso.date({ error: "Data non valida (AAAA-MM-GG)" }),
    opening: openingContentSchema,
  })
  .meta({
    id: "OpenCaseRequest",
    description:
      "Apertura di una cartella per un minore trovato dal servizio con la ricerca esatta dell'anagrafe (pseudonimo restituito dalla ricerca, nelle ultime 24 ore)",
  });

export const caseIdParams = z.object({
  caseId: z.uuid({ error: "Identificativo della cartella non valido" }),
});

export const caseEventResultsSchema = z
  .object({ results: z.array(caseEventResultSchema) })
  .meta({ id: "CaseEventResults" });
export type CaseEventResults = z.infer<typeof caseEventResultsSchema>;

/** A fact posted to its case's path: a CaseEvent whose caseId may be left out (the path names it). */
const caseEventOfPath = <Type extends CaseEventType>(type: Type) =>
  caseEventSchemas[type].extend({ caseId: caseEnvelopeSchema.shape.caseId.optional() });
export const caseEventOfPathSchema = z
  .union(
    caseEventTypes.map(caseEventOfPath) as unknown as [
      ReturnType<typeof caseEventOfPath<CaseEventType>>,
      ...ReturnType<typeof caseEventOfPath<CaseEventType>>[],
    ],
  )
  .meta({
    id: "CaseEventOfPath",
    description: "Un evento della cartella (CaseEvent); caseId, se presente, deve essere quello del percorso",
  });

const eventsOfRequest = <Event extends z.ZodType>(event: Event) =>
  z
    .array(event)
    .min(1, { error: "Inviare almeno un evento" })
    .max(100, { error: "Al massimo 100 eventi per richiesta" });

/** The request as the OpenAPI document describes it: a list of the case's events. */
export const caseEventsRequestSchema = z
  .object({
    events: eventsOfRequest(caseEventOfPathSchema).describe(
      "Eventi della cartella (CaseEvent); caseId, se presente, deve essere quello del percorso",
    ),
  })
  .meta({ id: "CaseEventsRequest" });

/**
 * What the route itself checks: a list of JSON objects. Each event is then judged on its own by
 * the pipeline (with `caseEventSchema`), so that one bad event rejects only itself.
 */
export const caseEventsRequestValidation = z.object({
  events: eventsOfRequest(z.record(z.string(), z.unknown())),
});

export const caseProjectionSchema = z
  .object({
    status: z.enum(["empty", "open", "closed"]),
    opening: dated(openingContentSchema).nullable(),
    situation: dated(situationContentSchema).nullable(),
    family: dated(familyContentSchema).nullable(),
    assessments: z.array(dated(assessmentContentSchema)),
    measures: z.array(dated(judicialContentSchema)),
    interventions: z.array(
      z.object({ eventId: z.uuid(), code: z.string(), from: z.string(), to: z.string().nullable() }),
    ),
    fosterCare: z.array(
      dated(fosterCareContentSchema).extend({
        to: z.string().nullable(),
        outcome: SinbaEsitoAffido.nullable(),
      }),
    ),
    placements: z.array(z.object({ eventId: z.uuid(), stayId: z.string(), from: z.string() })),
    transfer: z
      .object({
        eventId: z.uuid(),
        requestedOn: z.string(),
        toServiceCode: z.string(),
        acceptedOn: z.string().nullable(),
      })
      .nullable(),
    closure: dated(closureContentSchema).nullable(),
    assignments: z
      .array(z.object({ eventId: z.uuid(), operatorId: z.uuid(), from: z.string() }))
      .describe("Le assegnazioni a un operatore del servizio, dalla prima: l'ultima è quella in corso"),
  })
  .meta({ id: "CaseProjection" });

export const caseSummarySchema = z
  .object({
    caseId: z.uuid(),
    minorPseudonym: z.string(),
    status: z.enum(["open", "closed"]),
    openedOn: z.string(),
    closedOn: z.string().nullable(),
    assignedOperatorId: z
      .uuid()
      .nullable()
      .describe("L'operatore a cui è assegnata: l'ultima assegnazione, prima di essa chi l'ha aperta"),
    assignedOperatorName: z
      .string()
      .nullable()
      .describe("Il nome dell'operatore assegnato, se è una persona del servizio"),
    transferToServiceCode: z.string().nullable(),
  })
  .meta({ id: "CaseSummary" });

/**
 * The service manager gives a case to an operator of the service: the request builds the case's
 * `assignment` fact, whose id it carries (the same request again answers `duplicate`).
 */
export const assignmentRequestSchema = z
  .object({
    id: z.uuid({ error: "Identificativo dell'evento non valido (UUID)" }),
    occurredOn: z.iso.date({ error: "Data non valida (AAAA-MM-GG)" }),
    operatorId: assignmentContentSchema.shape.operatorId,
  })
  .meta({
    id: "CaseAssignmentRequest",
    description:
      "Assegnazione della cartella a un operatore attivo del servizio, da parte del responsabile del servizio",
  });
export type AssignmentRequest = z.infer<typeof assignmentRequestSchema>;

export const caseListQuery = z.object({ status: z.enum(["open", "closed"]).optional() });
export const caseListSchema = z.object({ items: z.array(caseSummarySchema) }).meta({ id: "CaseList" });

export const caseFileQuery = z.object({
  asOf: z.iso.datetime({ offset: true, error: "Istante non valido (RFC 3339)" }).optional(),
});

export const caseFileSchema = caseSummarySchema
  .extend({
    asOf: z.string().nullable(),
    projection: caseProjectionSchema,
    events: z.array(
      z
        .object({ id: z.uuid(), type: z.string(), occurredOn: z.string(), recordedAt: z.string() })
        .catchall(z.unknown()),
    ),
    stays: z
      .array(
        z.object({
          stayId: z.uuid(),
          structureName: z.string(),
          nationalType: z.string(),
          status: z.string(),
          admissionDate: z.string().nullable(),
          dischargeDate: z.string().nullable(),
          dischargeDestination: z.string().nullable(),
          absences: z.array(z.object({ kind: z.string(), from: z.string(), to: z.string().nullable() })),
          isToBeConfirmed: z
            .boolean()
            .describe(
              "Ammissione da confermare (sovrapposta o retrodatata): la conferma il collocamento registrato in questa cartella",
            ),
        }),
      )
      .describe("Le accoglienze del minore in ogni struttura, con allontanamenti e dimissioni"),
  })
  .meta({ id: "CaseFile" });
export type CaseFile = z.infer<typeof caseFileSchema>;
