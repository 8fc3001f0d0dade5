import { z } from "zod";

/** Why an identity is read: recorded with every access (access protocol). */
export const purposes = [
  { code: "care", label: "Lavoro quotidiano sul minore" },
  { code: "admission", label: "Ammissione o presa in carico" },
  { code: "duplicate-review", label: "Revisione dei possibili duplicati" },
  { code: "break-glass", label: "Accesso di emergenza" },
  { code: "legal-obligation", label: "Obbligo di legge (elenco per la Procura)" },
  { code: "subject-request", label: "Richiesta dell'interessato (GDPR)" },
] as const;
export const Purpose = z.enum([
  "care",
  "admission",
  "duplicate-review",
  "break-glass",
  "legal-obligation",
  "subject-request",
]);
export type Purpose = z.infer<typeof Purpose>;
