import type { CodeList, CodeOf } from "../code-lists/code-list.ts";

/**
 * What the access log records, as closed lists with their Italian labels: every action written to
 * the log and every kind of resource. The server may write only these; the web app shows the labels.
 */
export const auditActions = [
  { code: "session.login", label: "Accesso" },
  { code: "session.choose-role", label: "Scelta del ruolo" },
  { code: "audit.read", label: "Consultazione del registro degli accessi" },
  { code: "organisation.create", label: "Creazione di un'organizzazione" },
  { code: "user.create", label: "Creazione di un utente" },
  { code: "user.add-role", label: "Nuovo ruolo di un utente" },
  { code: "zone.define", label: "Definizione di una zona distretto" },
  { code: "structure.register", label: "Registrazione di una struttura" },
  { code: "structure.resubmit", label: "Nuovo invio di una registrazione" },
  { code: "structure.edit", label: "Modifica di una struttura" },
  { code: "structure.read", label: "Consultazione di una struttura" },
  { code: "structure.approve", label: "Approvazione di una richiesta" },
  { code: "structure.return", label: "Restituzione di una richiesta" },
  { code: "structure.import", label: "Importazione di strutture" },
  { code: "registry.resolve", label: "Identificazione di un minore" },
  { code: "registry.lookup", label: "Ricerca nell'anagrafe minori" },
  { code: "registry.read", label: "Consultazione della scheda di un minore" },
  { code: "registry.identity-read", label: "Lettura dell'identità di un minore" },
  { code: "registry.identity-correct", label: "Rettifica dell'identità di un minore" },
  { code: "registry.review-read", label: "Consultazione dei possibili duplicati" },
  { code: "registry.merge", label: "Unione di due minori" },
  { code: "registry.unmerge", label: "Annullamento di un'unione" },
  { code: "registry.mark-different", label: "Decisione: minori diversi" },
  { code: "keys.rotate", label: "Rotazione delle chiavi dell'archivio delle identità" },
  { code: "stay.guest-read", label: "Consultazione degli ospiti" },
  { code: "stay.admission", label: "Ammissione" },
  { code: "stay.discharge", label: "Dimissione" },
  { code: "stay.absence-start", label: "Inizio di un allontanamento" },
  { code: "stay.absence-end", label: "Rientro da un allontanamento" },
  { code: "stay.activity", label: "Attività" },
  { code: "stay.correction", label: "Rettifica" },
  { code: "stay.void", label: "Annullamento" },
  { code: "machine-client.create", label: "Registrazione di un gestionale" },
  { code: "machine-client.add-key", label: "Nuova chiave di un gestionale" },
  { code: "machine-client.disable", label: "Disattivazione di un gestionale" },
  { code: "report.read", label: "Consultazione di un prospetto" },
  { code: "report.procura-list.identity-read", label: "Lettura di un'identità per l'elenco della Procura" },
  { code: "break-glass.open", label: "Apertura di un accesso di emergenza" },
  { code: "break-glass.review", label: "Revisione di un accesso di emergenza" },
  { code: "break-glass.read", label: "Consultazione degli accessi di emergenza" },
] as const satisfies CodeList;

export type AuditAction = CodeOf<typeof auditActions>;

export const auditResourceTypes = [
  { code: "session", label: "Sessione" },
  { code: "audit-entry", label: "Registro degli accessi" },
  { code: "organisation", label: "Organizzazione" },
  { code: "user", label: "Utente" },
  { code: "zone", label: "Zona distretto" },
  { code: "structure", label: "Struttura" },
  { code: "minor", label: "Minore" },
  { code: "identity-vault", label: "Archivio delle identità" },
  { code: "duplicate-review", label: "Possibile duplicato" },
  { code: "stay", label: "Accoglienza" },
  { code: "machine-client", label: "Gestionale" },
  { code: "report", label: "Prospetto" },
  { code: "break-glass-access", label: "Accesso di emergenza" },
] as const satisfies CodeList;

export type AuditResourceType = CodeOf<typeof auditResourceTypes>;
