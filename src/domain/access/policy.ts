import type { Role } from "./roles.ts";

/**
 * The access protocol as data: for each action, the roles that may perform it and the scope of
 * records they reach. The server applies it inside queries (a record out of scope answers 404);
 * a role absent from an action's row is refused with 403. The same table is shown to users.
 */
export const scopeCodes = {
  region: "Tutti i record della Regione",
  "active-structures": "Strutture attive",
  "own-structures": "Strutture del proprio ente gestore (o la sola struttura assegnata)",
  "own-organisation": "La propria organizzazione",
  "region-staff":
    "Il personale della Regione e dell'osservatorio; la nomina dei responsabili delle organizzazioni (solo con SPID o CIE)",
  none: "Nessun record individuale",
  "exact-match":
    "Solo ricerca esatta (codice fiscale, o cognome, nome, data di nascita e sesso), con finalità dichiarata",
  "in-charge":
    "Minori con una relazione in corso: accoglienza nella struttura o presa in carico del servizio",
  "review-queue": "Solo i minori in coda di revisione dei possibili duplicati",
  "own-cases":
    "Le cartelle aperte del proprio servizio: i posti adatti al minore e le richieste di inserimento",
  pseudonymous: "Tutti i minori, solo pseudonimo e attributi non identificativi",
  published:
    "Prospetti aggregati dell'intera Regione, solo con tutela statistica (celle sotto soglia oscurate)",
  "break-glass":
    "Un minore qualsiasi, per 24 ore, con una motivazione scritta; l'accesso è segnalato e rivisto dal revisore",
} as const;
export type Scope = keyof typeof scopeCodes;

export const actionLabels = {
  "structure.read": "Consultare l'anagrafe delle strutture",
  "structure.register": "Registrare una nuova struttura",
  "structure.edit": "Modificare la scheda di una struttura",
  "structure.decide": "Approvare o respingere registrazioni e modifiche",
  "organisation.manage": "Gestire le organizzazioni",
  "user.manage":
    "Gestire le persone: creare utenti, assegnare e revocare ruoli, sospendere, reimpostare password e secondo fattore, chiudere sessioni",
  "audit.read": "Consultare e verificare il registro degli accessi",
  "reference.read": "Consultare comuni, zone e liste di codici",
  "registry.lookup": "Cercare un minore nell'anagrafe unica per ammetterlo o prenderlo in carico",
  "registry.read": "Consultare la scheda di un minore",
  "registry.review": "Rivedere i possibili duplicati, unire e separare",
  "stay.write": "Registrare ammissioni, dimissioni, allontanamenti, attività, rettifiche e annullamenti",
  "stay.read": "Consultare gli ospiti e le accoglienze",
  "stay.quality":
    "Consultare le accoglienze segnalate da rettificare (sovrapposte o da confermare), senza identità",
  "stay.confirm": "Confermare un'ammissione da confermare (sovrapposta a un'altra accoglienza o retrodatata)",
  "places.read": "Consultare posti autorizzati, presenze e posti liberi",
  "machine-client.manage": "Registrare e gestire i software gestionali che inviano eventi (client macchina)",
  "report.read": "Consultare e scaricare i prospetti statistici aggregati (CSV, XLSX, PDF)",
  "report.procura": "Produrre l'elenco semestrale nominativo dei minori accolti per la Procura minorile",
  "break-glass.open": "Aprire un accesso di emergenza all'identità di un minore fuori da ogni relazione",
  "break-glass.review": "Rivedere gli accessi di emergenza: accettarli o chiederne conto",
  "case.open": "Aprire la cartella sociale (presa in carico) di un minore trovato nell'anagrafe",
  "case.write":
    "Registrare i fatti della cartella sociale: situazione, famiglia, valutazioni, provvedimenti, prestazioni, affidi, collocamenti, trasferimenti, chiusura, rettifiche e annullamenti",
  "case.read": "Consultare le cartelle sociali del proprio servizio, con le accoglienze dei minori in carico",
  "case.assign":
    "Assegnare una cartella del proprio servizio a un altro operatore del servizio (e annullare o rettificare l'assegnazione)",
  "sinba.read":
    "Consultare i flussi SINBA (del proprio servizio, o per ente per la Regione), i loro esiti e le cartelle che non possono ancora essere inviate",
  "inps-client.manage":
    "Registrare e revocare il client di INPS che legge i flussi SINBA degli enti (e-service WaaS)",
  "placement.request":
    "Dalla cartella, cercare i posti liberi adatti al minore e inviare o ritirare una richiesta di inserimento",
  "placement.answer":
    "Ricevere le richieste di inserimento nelle proprie strutture, accettarle (con l'identità del minore) o rifiutarle",
  "notification.read":
    "Ricevere le notifiche: per i servizi, i fatti dei minori in carico; per le strutture, i collegamenti delle loro accoglienze",
} as const;
export type Action = keyof typeof actionLabels;

export const accessPolicy: Record<Action, Partial<Record<Role, Scope>>> = {
  "structure.read": {
    "structure-operator": "own-structures",
    "structure-manager": "own-structures",
    "service-operator": "active-structures",
    "service-manager": "active-structures",
    "registry-steward": "region",
    "region-analyst": "region",
    "region-admin": "region",
    observatory: "active-structures",
    auditor: "region",
  },
  "structure.register": { "structure-manager": "own-structures" },
  "structure.edit": { "structure-manager": "own-structures", "region-admin": "region" },
  "structure.decide": { "region-admin": "region" },
  "organisation.manage": { "region-admin": "region" },
  "user.manage": {
    "structure-manager": "own-organisation",
    "service-manager": "own-organisation",
    "region-admin": "region-staff",
  },
  "audit.read": { auditor: "region" },
  "registry.lookup": {
    "structure-operator": "exact-match",
    "structure-manager": "exact-match",
    "service-operator": "exact-match",
    "service-manager": "exact-match",
  },
  "registry.read": {
    "structure-operator": "in-charge",
    "structure-manager": "in-charge",
    "service-operator": "in-charge",
    "service-manager": "in-charge",
    "registry-steward": "review-queue",
    "region-analyst": "pseudonymous",
    observatory: "pseudonymous",
  },
  "registry.review": { "registry-steward": "review-queue" },
  "stay.write": { "structure-operator": "own-structures", "structure-manager": "own-structures" },
  "stay.read": { "structure-operator": "own-structures", "structure-manager": "own-structures" },
  "stay.quality": {
    "structure-operator": "own-structures",
    "structure-manager": "own-structures",
    "registry-steward": "region",
    "region-analyst": "region",
    "region-admin": "region",
  },
  "stay.confirm": { "registry-steward": "region" },
  "machine-client.manage": { "structure-manager": "own-structures", "service-manager": "own-organisation" },
  "places.read": {
    "structure-operator": "own-structures",
    "structure-manager": "own-structures",
    "service-operator": "active-structures",
    "service-manager": "active-structures",
    "region-analyst": "region",
    "region-admin": "region",
  },
  "report.read": {
    "structure-operator": "own-structures",
    "structure-manager": "own-structures",
    "region-analyst": "region",
    "region-admin": "region",
    observatory: "published",
  },
  "report.procura": { "structure-manager": "own-structures" },
  "break-glass.open": {
    "structure-operator": "break-glass",
    "structure-manager": "break-glass",
    "service-operator": "break-glass",
    "service-manager": "break-glass",
  },
  "break-glass.review": { auditor: "region" },
  "case.open": { "service-operator": "own-organisation", "service-manager": "own-organisation" },
  "case.write": { "service-operator": "own-organisation", "service-manager": "own-organisation" },
  "case.read": { "service-operator": "own-organisation", "service-manager": "own-organisation" },
  "case.assign": { "service-manager": "own-organisation" },
  "sinba.read": {
    "service-operator": "own-organisation",
    "service-manager": "own-organisation",
    "region-analyst": "region",
    "region-admin": "region",
  },
  "inps-client.manage": { "region-admin": "region" },
  "placement.request": { "service-operator": "own-cases", "service-manager": "own-cases" },
  "placement.answer": { "structure-operator": "own-structures", "structure-manager": "own-structures" },
  "notification.read": {
    "structure-operator": "own-structures",
    "structure-manager": "own-structures",
    "service-operator": "own-organisation",
    "service-manager": "own-organisation",
  },
  "reference.read": {
    "structure-operator": "region",
    "structure-manager": "region",
    "service-operator": "region",
    "service-manager": "region",
    "registry-steward": "region",
    "region-analyst": "region",
    "region-admin": "region",
    observatory: "region",
    auditor: "region",
  },
};

/**
 * `in-charge` for structure staff: a stay in one of their structures that is open, or was
 * discharged less than this many days ago (89 days: yes; 90: no). The same rule for every view
 * that shows any part of an identity.
 */
export const identityDaysAfterDischarge = 90;

export function scopeOf(action: Action, role: Role): Scope | undefined {
  return accessPolicy[action][role];
}
