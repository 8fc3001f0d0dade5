import type { FactProblem } from "../pipeline/decide-facts.ts";

/** An error or warning on a case event: stable code, JSON pointer, Italian message. */
export type CaseProblem = FactProblem;

/** The stable codes of the case file's rules, with their Italian messages. */
export const caseProblemMessages = {
  "invalid-json-shape": "L'evento non ha la forma prevista.",
  "unknown-type": "Tipo di evento non previsto.",
  "date-invalid": "Data non valida: usare AAAA-MM-GG.",
  "unknown-code": "Il valore non appartiene alla lista prevista.",
  "date-in-future": "La data è nel futuro.",
  "id-reused": "Identificativo già usato per un evento diverso.",
  "unknown-case": "La cartella indicata non esiste.",
  "case-mismatch": "L'evento riguarda un'altra cartella.",
  "case-exists": "La cartella è già aperta: per cambiarne l'apertura inviare una rettifica.",
  "case-not-opened": "La cartella non è ancora aperta.",
  "open-case-exists": "Il minore ha già una cartella aperta presso questo servizio.",
  "unknown-minor": "Il minore indicato non è nell'anagrafe.",
  "before-opening": "La data precede l'apertura della cartella.",
  "closure-incomplete": "Per chiudere la cartella indicare la motivazione e la situazione alla chiusura.",
  "case-closed": "La cartella è chiusa: non si registrano fatti successivi alla chiusura.",
  "case-already-closed": "La chiusura di questa cartella è già registrata: inviare una rettifica.",
  "unknown-event": "L'evento indicato non appartiene a questa cartella o non è del tipo atteso.",
  "correction-mismatch":
    "La rettifica deve contenere il solo nuovo contenuto dell'evento rettificato, dello stesso tipo.",
  "minor-not-changeable": "Il minore di una cartella non si cambia con una rettifica.",
  "opening-not-voidable": "L'apertura non si annulla: chiudere la cartella.",
  "end-before-start": "La fine precede l'inizio.",
  "already-ended": "La conclusione è già registrata.",
  "foster-care-open": "Un affido è già in corso: registrarne prima la conclusione.",
  "unknown-stay": "L'accoglienza indicata non è del minore di questa cartella.",
  "transfer-pending": "Un trasferimento è già in attesa di accettazione.",
  "transfer-not-requested": "Nessun trasferimento in attesa da accettare.",
  "transfer-not-addressed": "Il trasferimento è rivolto a un altro servizio.",
  "transfer-to-self": "Il trasferimento deve essere verso un altro servizio.",
  "assignment-manager-only": "Solo il responsabile del servizio assegna una cartella a un operatore.",
  "assignment-not-for-clients":
    "Il software del servizio non assegna le cartelle: le assegna il responsabile del servizio nell'applicazione.",
  "unknown-operator": "La persona indicata non è un operatore attivo di questo servizio.",
  "already-assigned": "La cartella è già assegnata a questo operatore.",
  "closed-case-not-assignable": "La cartella è chiusa: non si assegna a un altro operatore.",
  "minor-identity-required":
    "Il software del servizio indica il minore con la sua identità (opening.minor: codice fiscale, o cognome, nome, sesso e data di nascita), non con lo pseudonimo.",
  "fiscal-code-invalid": "Il codice fiscale non è valido.",
  "fiscal-code-mismatch": "Il codice fiscale non corrisponde al sesso o alla data di nascita dichiarati.",
  "identity-incomplete": "Senza codice fiscale occorrono cognome, nome, sesso e data di nascita.",
  // Warnings: the event is accepted.
  "possible-duplicate-minor":
    "Il minore potrebbe essere già nell'anagrafe con dati diversi: è stato creato un nuovo minore, segnalato per la revisione dei possibili duplicati.",
  "carer-relationship-mismatch":
    "Il legame degli affidatari non corrisponde al tipo di affido: parenti per l'intrafamiliare, nessuna parentela per l'eterofamiliare.",
} as const;
export type CaseProblemCode = keyof typeof caseProblemMessages;

export function caseProblem(code: CaseProblemCode, path: string, message?: string): CaseProblem {
  return { code, path, message: message ?? caseProblemMessages[code] };
}

/** A case event the rules refuse. */
export class CaseRuleRejection extends Error {
  constructor(readonly errors: CaseProblem[]) {
    super("case event rejected");
  }
}

export function rejectCaseEvent(code: CaseProblemCode, path: string, message?: string): never {
  throw new CaseRuleRejection([caseProblem(code, path, message)]);
}
