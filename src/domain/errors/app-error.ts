/**
 * The one error type of the domain. Codes form a closed set and never change meaning; the HTTP
 * mapping lives at the edge (src/server/http/problem.ts).
 */
export const appErrorCodes = {
  "invalid-request": "La richiesta non è valida.",
  "invalid-character":
    "Un campo contiene un carattere non ammesso (il carattere nullo U+0000 o un surrogato Unicode isolato).",
  "validation-failed": "Alcuni dati non sono validi.",
  "not-found": "La risorsa richiesta non esiste.",
  "not-authenticated": "Occorre accedere per continuare.",
  "invalid-credentials": "Nome utente o password non corretti.",
  forbidden: "Il ruolo attivo non consente questa operazione.",
  "csrf-token-invalid": "La richiesta non contiene un token anti-CSRF valido: ricaricare la pagina.",
  conflict: "L'operazione è in conflitto con lo stato attuale dei dati.",
  "payload-too-large": "Il corpo della richiesta supera la dimensione massima consentita.",
  "unsupported-media-type": "Il tipo di contenuto della richiesta non è supportato.",
  "uri-too-long": "L'indirizzo della richiesta è troppo lungo.",
  "headers-too-large": "Le intestazioni della richiesta superano la dimensione massima consentita.",
  "request-timeout": "La richiesta non è arrivata per intero entro il tempo massimo.",
  "rate-limited": "Troppe richieste: riprovare più tardi.",
  "unknown-comune": "Il comune indicato non esiste nell'elenco ISTAT.",
  "unknown-code": "Il codice indicato non appartiene alla lista prevista.",
  "operator-fiscal-code-conflict":
    "Il codice fiscale dell'ente gestore è già registrato con una denominazione diversa.",
  "structure-not-pending": "La struttura non è in attesa di approvazione.",
  "change-not-pending": "La modifica non è in attesa di decisione.",
  "reason-required": "Indicare la motivazione.",
  "username-taken": "Il nome utente è già in uso.",
  "unknown-organisation": "L'organizzazione indicata non esiste.",
  "role-not-allowed-for-organisation": "Il ruolo non è ammesso per questo tipo di organizzazione.",
  "fiscal-code-invalid": "Il codice fiscale non è valido.",
  "fiscal-code-mismatch": "Il codice fiscale non corrisponde ai dati anagrafici dichiarati.",
  "identity-incomplete": "I dati anagrafici sono incompleti.",
  "date-in-future": "La data indicata è nel futuro.",
  "review-not-pending": "La coppia non è più in attesa di decisione.",
  "merge-not-undoable": "L'unione non può essere annullata.",
  "merge-open-cases-conflict":
    "I due minori hanno ciascuno una cartella aperta presso lo stesso servizio: il servizio deve prima chiuderne una.",
  internal: "Si è verificato un errore interno.",
  "invalid-client-token": "Il token del client applicativo non è valido.",
  "token-claims-invalid": "Le attestazioni (claim) del token non sono valide.",
  "token-expired": "Il token del client applicativo è scaduto: generarne uno nuovo.",
  "token-replayed": "Il token (jti) è già stato usato: generarne uno nuovo per ogni richiesta.",
  "integrity-invalid": "L'integrità del messaggio non è verificata (Digest o Agid-JWT-Signature).",
  "authentication-level-insufficient":
    "Questo ruolo vede le identità dei minori e richiede un livello di autenticazione più alto (SPID livello 2 o CIE, oppure password e codice temporaneo).",
  "login-step-required": "Completare l'accesso prima di continuare.",
  "second-factor-invalid": "Il codice non è corretto, è già stato usato o è scaduto.",
  "password-too-weak": "La nuova password non rispetta le regole.",
  "grant-not-allowed": "L'assegnazione del ruolo non è consentita.",
  "placement-request-closed": "La richiesta di inserimento è già stata decisa o ritirata.",
  "placement-no-room": "La struttura non ha posti liberi adatti al minore nel giorno indicato.",
  "case-not-open": "La cartella è chiusa: non si possono inviare richieste di inserimento.",
  "placement-case-closed":
    "La cartella del minore è stata chiusa dopo l'invio della richiesta: la richiesta non può più essere accettata.",
  "procura-semester-closed":
    "L'elenco per la Procura si produce per il semestre in corso e per quello precedente: per un semestre più vecchio occorre un accesso di emergenza per ciascun minore.",
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;

export type FieldProblem = { path: string; code: string; message: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly detail: string;
  readonly problems: FieldProblem[];

  constructor(code: AppErrorCode, detail?: string, problems: FieldProblem[] = []) {
    super(detail ?? appErrorCodes[code]);
    this.name = "AppError";
    this.code = code;
    this.detail = detail ?? appErrorCodes[code];
    this.problems = problems;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
