/** What a position accepts; carried by a character problem so the message can say it. */
export type ExpectedCharacter = "letter" | "digit" | "digit-or-omocodic-letter";

export type FiscalCodeProblem =
  | { kind: "length"; length: number }
  | { kind: "character"; position: number; character: string; expected: ExpectedCharacter }
  | { kind: "month"; character: string }
  | { kind: "day" }
  | { kind: "check-character"; expected: string; found: string }
  | { kind: "check-digit"; expected: string; found: string };

/** Italian messages for the problems of a codice fiscale; they never repeat the code itself. */
/** What the length message talks about; only the length message depends on it. */
export type IdentifierSubject = "fiscal-code" | "vat-number" | "operator-tax-code";

/** Shows invisible or blank characters by their code point instead of an empty «». */
function visible(character: string): string {
  if (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character)) return `«${character}»`;
  const codePoint = character.codePointAt(0) ?? 0;
  return `«U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}»`;
}

const expectedDescription: Record<ExpectedCharacter, string> = {
  letter: "è ammessa solo una lettera",
  digit: "è ammessa solo una cifra",
  "digit-or-omocodic-letter": "è ammessa una cifra o una lettera di omocodia (L M N P Q R S T U V)",
};

function lengthMessage(length: number, subject: IdentifierSubject): string {
  switch (subject) {
    case "vat-number":
      return length === 0
        ? "La partita IVA è vuota: deve avere 11 cifre"
        : `La partita IVA deve avere 11 cifre: ne ha ${length}`;
    case "operator-tax-code":
      return length === 0
        ? "Il codice fiscale o la partita IVA è vuoto: deve avere 11 cifre o 16 caratteri"
        : `Il codice fiscale o la partita IVA deve avere 11 cifre o 16 caratteri: ne ha ${length}`;
    default:
      return length === 0
        ? "Il codice fiscale è vuoto: deve avere 16 caratteri (o 11 cifre se provvisorio)"
        : `Il codice fiscale deve avere 16 caratteri (o 11 cifre se provvisorio): ne ha ${length}`;
  }
}

/**
 * A clear Italian message for a problem. Messages quote at most one character of the code (or the
 * expected check character), never the code itself, so they can be logged and shown safely.
 */
export function italianMessage(
  problem: FiscalCodeProblem,
  subject: IdentifierSubject = "fiscal-code",
): string {
  switch (problem.kind) {
    case "length":
      return lengthMessage(problem.length, subject);
    case "character":
      return `Carattere non valido in posizione ${problem.position}: ${visible(problem.character)} (${expectedDescription[problem.expected]})`;
    case "month":
      return `Lettera del mese non valida in posizione 9: ${visible(problem.character)} (ammesse A B C D E H L M P R S T)`;
    case "day":
      return "Giorno di nascita non valido nelle posizioni 10 e 11: deve essere un giorno esistente del mese, da 01 a 31 (da 41 a 71 per le donne)";
    case "check-character":
      return `Carattere di controllo errato: atteso «${problem.expected}», trovato «${problem.found}»`;
    case "check-digit":
      return `Cifra di controllo errata: attesa «${problem.expected}», trovata «${problem.found}»`;
  }
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------
