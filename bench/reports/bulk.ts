/**
 * Bulk loading helpers for the reports benchmark: rows go in as one JSON parameter per statement
 * (json_populate_recordset), which both PostgreSQL and PGlite take far faster than thousands of
 * bound parameters, and which needs no COPY.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../src/db/database.ts";

/** Small, fast and good enough for sampling (Mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sampling helpers over one seeded sequence. */
export function sampler(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let r = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of items) {
      r -= weight;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  };
  /** Between min and max inclusive. */
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  /** Standard normal (Box–Muller). */
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return { pick, weighted, between, normal };
}

const dayMs = 86_400_000;
/** Day number (days since 1970-01-01) of a YYYY-MM-DD date. */
export const dayOf = (iso: string) =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / dayMs;
/** YYYY-MM-DD of a day number. */
export const isoOf = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);
/** An instant on a day, at a number of minutes after midnight (UTC), as RFC 3339. */
export const instantOf = (day: number, minutes: number) =>
  new Date(day * dayMs + minutes * 60_000).toISOString();
/** Month number (year × 12 + month − 1) of a YYYY-MM or YYYY-MM-DD string. */
/**
 * The instant a fact of a day was recorded: some days after it (the lag, drawn from `lags`:
 * ranges of days with their weights), in office hours, after `after` when given; null when that
 * instant is still to come.
 */
export function recordingOf(
  { weighted, between }: ReturnType<typeof sampler>,
  now: number,
  lags: readonly (readonly [readonly [number, number], number])[],
) {
  return (day: number, after?: string): string | null => {
    const lag = weighted(lags.map(([[min, max], weight]) => [between(min, max), weight] as const));
    let instant = instantOf(day + lag, between(480, 1080));
    if (after !== undefined && instant <= after)
      instant = new Date(Date.parse(after) + 60_000 * between(5, 600)).toISOString();
    return Date.parse(instant) > now ? null : instant;
  };
}

export const monthOf = (iso: string) => +iso.slice(0, 4) * 12 + +iso.slice(5, 7) - 1;
/** Day number of the first day of a month number. */
export const firstDayOfMonth = (month: number) => Date.UTC(Math.floor(month / 12), month % 12, 1) / dayMs;
/** YYYY-MM of a month number. */
export const yearMonthOf = (month: number) =>
  `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;

/**
 * Inserts rows (keys are column names) with multi-row statements of `batch` rows each. Columns
 * not listed keep their defaults; `onConflict` is appended as written (for example "do nothing").
 */
export async function insertRows(
  db: Executor,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  options: { batch?: number; onConflict?: string } = {},
) {
  const batch = options.batch ?? 5000;
  const list = columns.map((column) => `"${column}"`).join(", ");
  const conflict = options.onConflict ? ` on conflict ${options.onConflict}` : "";
  for (let start = 0; start < rows.length; start += batch) {
    const json = JSON.stringify(rows.slice(start, start + batch));
    await db.execute(
      sql`${sql.raw(`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, `)}${json}${sql.raw(`::json)${conflict}`)}`,
    );
  }
}
