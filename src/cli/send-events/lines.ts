/** One event read from the file, with the 1-based line it came from. */
export type NumberedEvent = { line: number; event: unknown };

/** A line that could not be read as JSON: reported, never sent. */
export type UnreadableLine = { line: number; message: string };

export type ParsedLines = { events: NumberedEvent[]; unreadable: UnreadableLine[] };

/** JSON Lines: one event per line, blank lines skipped, a bad line does not stop the others. */
export function parseJsonLines(text: string): ParsedLines {
  const events: NumberedEvent[] = [];
  const unreadable: UnreadableLine[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const content = index === 0 ? raw.replace(/^\uFEFF/, "") : raw;
    if (content.trim() === "") return;
    try {
      events.push({ line: index + 1, event: JSON.parse(content) });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      unreadable.push({ line: index + 1, message: `non è JSON valido (${reason})` });
    }
  });
  return { events, unreadable };
}

/** Consecutive groups of at most `size` items, in order. */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("batch size must be a positive integer");
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
