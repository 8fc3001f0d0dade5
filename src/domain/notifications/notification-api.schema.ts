import { z } from "zod";

/**
 * Notifications: for a social service, what happens to the minors of its open cases (a runaway,
 * a return, a discharge, an admission, a stay overlapping another or to be confirmed); for a
 * structure, a service linking one of its stays to a case or asking it to take a child in (a
 * placement request); the service, the structure's answer to its request. Derived from the recorded facts; each
 * names its fact and what to open. Pseudonyms only, never an identity.
 */
export const notificationKinds = [
  "runaway",
  "return",
  "discharge",
  "admission",
  "overlap",
  "to-be-confirmed",
  "stay-linked",
  "placement-request",
  "placement-accepted",
  "placement-declined",
] as const;
export const NotificationKind = z.enum(notificationKinds, {
  error: "Tipo di notifica non valido",
});
export type NotificationKind = z.infer<typeof NotificationKind>;

export const notificationKindLabels: Record<NotificationKind, string> = {
  runaway: "Allontanamento volontario",
  return: "Rientro dopo un allontanamento",
  discharge: "Dimissione",
  admission: "Ammissione in struttura",
  overlap: "Accoglienza sovrapposta a un'altra",
  "to-be-confirmed": "Ammissione da confermare",
  "stay-linked": "Accoglienza collegata a una cartella",
  "placement-request": "Richiesta di inserimento",
  "placement-accepted": "Richiesta di inserimento accettata",
  "placement-declined": "Richiesta di inserimento rifiutata",
};

const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
export const notificationIdPattern = new RegExp(`^(${notificationKinds.join("|")})\\.(${uuidPattern})$`);

/** A notification's id: its kind and the id of the fact (or, for a stay's state, the stay). */
export const NotificationId = z
  .string()
  .regex(notificationIdPattern, { error: "Identificativo della notifica non valido" })
  .describe("Tipo e identificativo del fatto, es. runaway.<uuid>");

export const notificationIdOf = (kind: NotificationKind, factId: string) => `${kind}.${factId}`;

export const notificationSchema = z
  .object({
    id: NotificationId,
    kind: NotificationKind,
    title: z.string().describe("Il fatto, in italiano"),
    occurredOn: z.string().describe("Giorno del fatto (AAAA-MM-GG)"),
    recordedAt: z.string().describe("Istante in cui il fatto è stato registrato"),
    read: z.boolean(),
    minorPseudonym: z.string(),
    caseId: z.uuid().nullable().describe("La cartella del servizio (per i servizi)"),
    stayId: z.uuid().nullable().describe("L'accoglienza (nessuna per una richiesta di inserimento)"),
    placementRequestId: z.uuid().nullable().describe("La richiesta di inserimento di cui si tratta"),
    structureId: z.uuid().nullable().describe("La struttura a cui è rivolta la richiesta di inserimento"),
    structureName: z.string(),
    eventId: z
      .uuid()
      .nullable()
      .describe("L'evento che registra il fatto (nessuno per lo stato dell'accoglienza)"),
    serviceName: z
      .string()
      .nullable()
      .describe("Il servizio che ha collegato l'accoglienza (per le strutture)"),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof notificationSchema>;

export const notificationQuerySchema = z.object({
  status: z.enum(["read", "unread"], { error: "Stato non valido: read oppure unread" }).optional(),
  kind: NotificationKind.optional(),
});
export type NotificationQuery = z.infer<typeof notificationQuerySchema>;

export const notificationListSchema = z
  .object({ items: z.array(notificationSchema), unread: z.number().int() })
  .meta({ id: "NotificationList" });

export const notificationCountSchema = z
  .object({ unread: z.number().int().describe("Notifiche non lette") })
  .meta({ id: "NotificationCount" });

export const notificationParamsSchema = z.object({ id: NotificationId });

export const notificationReadSchema = z
  .object({ id: NotificationId, read: z.literal(true) })
  .meta({ id: "NotificationRead" });
