import { z } from "zod";
import { reasonSchema } from "../access/reason.ts";
import {
  AbsenceKind,
  ActivityCode,
  AdmissionKind,
  AdmissionOrigin,
  DischargeDestination,
  DischargeReason,
  LegalBasis,
} from "../code-lists/interchange-codes.ts";
import { SinbaValutazioneMinore } from "../code-lists/sinba-codes.ts";
import { minorIdentitySchema } from "../registry/minor-identity.ts";
import { IstatComuneCode } from "../territory/comune.ts";

/** The events of the interchange standard v1 (ASMI): one schema for the web app and for machines. */
const fullDate = z.iso.date({ error: "Data non valida (AAAA-MM-GG)" });
/** Why a fact is corrected or voided: optional for machines, asked of people by the web app. */
const reason = reasonSchema(500).optional();

export const eventEnvelopeSchema = z.object({
  id: z.uuid({ error: "Identificativo dell'evento non valido (UUID)" }),
  type: z.string(),
  structureCode: z.string().min(1).max(20),
  stayRef: z.string().min(1, { error: "Riferimento dell'accoglienza mancante" }).max(64),
  occurredOn: fullDate,
  sequence: z.number().int().min(0).max(1_000_000).optional(),
});

export const admissionContentSchema = z
  .object({
    kind: AdmissionKind,
    legalBasis: LegalBasis,
    referringService: z.object({ code: z.string().trim().min(1).max(40), comune: IstatComuneCode }).strict(),
    withParent: z.boolean(),
    origin: AdmissionOrigin,
    reasons: z.array(SinbaValutazioneMinore).min(1, { error: "Indicare almeno un motivo" }).max(13),
  })
  .strict();
export type AdmissionContent = z.infer<typeof admissionContentSchema>;

export const dischargeContentSchema = z
  .object({ reason: DischargeReason, destination: DischargeDestination })
  .strict();
export type DischargeContent = z.infer<typeof dischargeContentSchema>;

const admissionEvent = eventEnvelopeSchema
  .extend({
    type: z.literal("admission"),
    minor: minorIdentitySchema.strict(),
    admission: admissionContentSchema,
  })
  .strict();
const dischargeEvent = eventEnvelopeSchema
  .extend({ type: z.literal("discharge"), discharge: dischargeContentSchema })
  .strict();
const absenceStartEvent = eventEnvelopeSchema
  .extend({ type: z.literal("absence-start"), absence: z.object({ kind: AbsenceKind }).strict() })
  .strict();
const absenceEndEvent = eventEnvelopeSchema.extend({ type: z.literal("absence-end") }).strict();
const activityEvent = eventEnvelopeSchema
  .extend({
    type: z.literal("activity"),
    activity: z
      .object({
        code: ActivityCode,
        until: fullDate.optional(),
        hours: z.number().min(0).max(10_000).optional(),
      })
      .strict(),
  })
  .strict();
const correctionEvent = eventEnvelopeSchema
  .extend({
    type: z.literal("correction"),
    corrects: z.uuid({ error: "Identificativo dell'evento da rettificare non valido" }),
    reason,
    admission: admissionContentSchema.optional(),
    discharge: dischargeContentSchema.optional(),
  })
  .strict()
  .refine((event) => (event.admission === undefined) !== (event.discharge === undefined), {
    error: "Una rettifica contiene il nuovo contenuto di un'ammissione oppure di una dimissione",
    path: ["admission"],
  });
const voidEvent = eventEnvelopeSchema
  .extend({
    type: z.literal("void"),
    voids: z.uuid({ error: "Identificativo dell'evento da annullare non valido" }),
    reason,
  })
  .strict();

export const stayEventSchemas = {
  admission: admissionEvent,
  discharge: dischargeEvent,
  "absence-start": absenceStartEvent,
  "absence-end": absenceEndEvent,
  activity: activityEvent,
  correction: correctionEvent,
  void: voidEvent,
} as const;

export const stayEventSchema = z
  .union([
    admissionEvent,
    dischargeEvent,
    absenceStartEvent,
    absenceEndEvent,
    activityEvent,
    correctionEvent,
    voidEvent,
  ])
  .meta({ id: "StayEvent" });
export type StayEvent = z.infer<typeof stayEventSchema>;
export type StayEventType = keyof typeof stayEventSchemas;
export type AdmissionEvent = z.infer<typeof admissionEvent>;

/** The web app asks people for the reason of a correction or a void. */
export function withRequiredReason<Schema extends z.ZodType<{ reason?: string }>>(schema: Schema) {
  return schema.superRefine((event, context) => {
    if (!event.reason)
      context.addIssue({ code: "custom", path: ["reason"], message: "Indicare la motivazione" });
  });
}
