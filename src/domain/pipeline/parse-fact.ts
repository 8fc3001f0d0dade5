import type { FactProblem, ParsedFact } from "./decide-facts.ts";

/**
 * The start of parsing a raw fact, the same for every pipeline: it must be a JSON object; its id
 * and type are read (cut to a safe length) before anything else, so that even a refused fact is
 * answered under its id and stored with its type.
 */
export function readFactEnvelope(
  raw: unknown,
  notAnObject: (message: string) => FactProblem,
):
  | { ok: true; record: Record<string, unknown>; id: string | null; type: string | null }
  | Extract<ParsedFact<never>, { ok: false }> {
  const record =
    raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  const id = typeof record?.id === "string" ? record.id.slice(0, 64) : null;
  const type = typeof record?.type === "string" ? record.type.slice(0, 40) : null;
  if (!record) return { ok: false, id, type, errors: [notAnObject("L'evento deve essere un oggetto JSON.")] };
  return { ok: true, record, id, type };
}

/** A fact's problems with one per code and place (a schema may report the same twice). */
export function uniqueProblems(problems: FactProblem[]): FactProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.code}|${problem.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
