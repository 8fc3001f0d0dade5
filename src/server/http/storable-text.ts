/**
 * What a value received from outside must not contain before it reaches the database: PostgreSQL
 * text and jsonb cannot hold U+0000, jsonb refuses a lone UTF-16 surrogate (and the driver would
 * silently turn one into U+FFFD in text), and nesting deeper than any document of the API has is
 * refused before recursive code (digests, serialisation, jsonb) can overflow its stack.
 */
export const maxNestingDepth = 32;

export type TextProblem = {
  kind: "nul" | "lone-surrogate" | "too-deep";
  /** JSON pointer of the field, relative to the value checked. */
  pointer: string;
  /** The character is in a field's name rather than in its value. */
  inName: boolean;
};

type Frame = { value: unknown; depth: number; parent: Frame | undefined; key: string };

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textKindOf(text: string): TextProblem["kind"] | undefined {
  if (text.includes("\u0000")) return "nul";
  if (loneSurrogate.test(text)) return "lone-surrogate";
  return undefined;
}

/** Pointer segments are cut short: a field's name comes from outside and may be of any length. */
function pointerOf(frame: Frame): string {
  const segments: string[] = [];
  for (let current: Frame | undefined = frame; current?.parent; current = current.parent) {
    const key = current.key.replaceAll("~", "~0").replaceAll("/", "~1");
    segments.push(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  }
  const pointer = segments.reverse().join("/");
  return pointer === "" ? "" : `/${pointer}`;
}

/**
 * The first string (value or field name) holding U+0000 or a lone surrogate, or the first place
 * nested deeper than `maxDepth` objects and arrays; undefined when the value can be stored.
 * Iterative, so that a value nested thousands of levels deep is judged without recursion.
 */
export function findTextProblem(value: unknown, maxDepth = maxNestingDepth): TextProblem | undefined {
  const stack: Frame[] = [{ value, depth: 0, parent: undefined, key: "" }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const current = frame.value;
    if (typeof current === "string") {
      const kind = textKindOf(current);
      if (kind) return { kind, pointer: pointerOf(frame), inName: false };
      continue;
    }
    if (current === null || typeof current !== "object" || ArrayBuffer.isView(current)) continue;
    if (frame.depth >= maxDepth) return { kind: "too-deep", pointer: pointerOf(frame), inName: false };
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        stack.push({ value: current[index], depth: frame.depth + 1, parent: frame, key: String(index) });
      continue;
    }
    for (const key of Object.keys(current)) {
      const kind = textKindOf(key);
      if (kind) return { kind, pointer: pointerOf(frame), inName: true };
      stack.push({
        value: (current as Record<string, unknown>)[key],
        depth: frame.depth + 1,
        parent: frame,
        key,
      });
    }
  }
  return undefined;
}

/** The Italian sentence naming the field, for people and in the problem's `problems`. */
export function textProblemMessage(problem: TextProblem, prefix = ""): string {
  const field = `«${`${prefix}${problem.pointer}` || "/"}»`;
  if (problem.kind === "too-deep")
    return `Il contenuto è annidato oltre ${maxNestingDepth} livelli (in ${field}).`;
  const character =
    problem.kind === "nul"
      ? "il carattere nullo (U+0000)"
      : "un carattere Unicode non valido (surrogato isolato)";
  return problem.inName
    ? `Un nome di campo in ${field} contiene ${character}, che non è ammesso.`
    : `Il campo ${field} contiene ${character}, che non è ammesso.`;
}
