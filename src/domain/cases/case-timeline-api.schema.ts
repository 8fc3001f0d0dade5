import { z } from "zod";

/**
 * The minor-centred timeline of a case: the case's facts, every stay of the child in every
 * structure (admissions, absences, returns, discharges), foster-care episodes and transfers, on
 * one list, most recent first. Each entry names its fact (the event, and the stay for stay facts)
 * and carries an Italian title; no identity of the child or of the foster carers.
 */
export const timelineEntryKinds = [
  "case-opened",
  "situation",
  "family",
  "assessment",
  "judicial-measure",
  "intervention-start",
  "intervention-end",
  "foster-care-start",
  "foster-care-end",
  "placement",
  "transfer-requested",
  "transfer-accepted",
  "case-closed",
  "assignment",
  "admission",
  "absence-start",
  "absence-end",
  "discharge",
] as const;
export const TimelineEntryKind = z.enum(timelineEntryKinds);
export type TimelineEntryKind = z.infer<typeof TimelineEntryKind>;

export const timelineEntrySchema = z
  .object({
    date: z.string().describe("Giorno del fatto (AAAA-MM-GG)"),
    kind: TimelineEntryKind,
    source: z.enum(["case", "stay"]).describe("Fatto della cartella o dell'accoglienza (ASMI)"),
    eventId: z.uuid().describe("L'evento che registra il fatto"),
    stayId: z.uuid().nullable(),
    structureName: z.string().nullable(),
    title: z.string().describe("Il fatto, in italiano"),
    detail: z.string().nullable().describe("Particolari del fatto, in italiano"),
  })
  .meta({ id: "TimelineEntry" });
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const caseTimelineSchema = z
  .object({
    caseId: z.uuid(),
    minorPseudonym: z.string(),
    status: z.enum(["open", "closed"]),
    entries: z.array(timelineEntrySchema),
  })
  .meta({ id: "CaseTimeline" });
export type CaseTimeline = z.infer<typeof caseTimelineSchema>;
