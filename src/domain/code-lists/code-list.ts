/**
 * A code list is an ordered, closed set of codes, each with its Italian label. Lists are declared
 * `as const` so that the codes become literal types; the zod enum and the TypeScript type of a
 * list are derived from the same array, so the three can never drift apart.
 */
export interface CodeListEntry<Code extends string = string> {
  readonly code: Code;
  readonly label: string;
}

export type CodeList<Code extends string = string> = readonly CodeListEntry<Code>[];

/** The union of the codes of a list declared `as const`. */
export type CodeOf<List extends CodeList> = List[number]["code"];

/**
 * The codes of a list, in list order, typed as a non-empty tuple because `z.enum` needs at least
 * one value.
 */
export function codesOf<const List extends CodeList>(list: List): [CodeOf<List>, ...CodeOf<List>[]] {
  if (list.length === 0) {
    throw new Error("A code list needs at least one code");
  }
  return list.map((entry) => entry.code) as [CodeOf<List>, ...CodeOf<List>[]];
}

/** The Italian label of a code, or undefined when the code does not belong to the list. */
export function labelOf<List extends CodeList>(list: List, code: string): string | undefined {
  return list.find((entry) => entry.code === code)?.label;
}

/** The entry of a code, with any extra attribute the list carries. */
export function entryOf<List extends CodeList>(list: List, code: string): List[number] | undefined {
  return list.find((entry) => entry.code === code);
}

export function isCodeOf<List extends CodeList>(list: List, value: unknown): value is CodeOf<List> {
  return typeof value === "string" && list.some((entry) => entry.code === value);
}
