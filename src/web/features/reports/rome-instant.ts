/**
 * The "Come noto al" field holds a wall-clock time in Rome (`YYYY-MM-DDTHH:mm`), whatever the
 * browser's own time zone: these functions turn it into the UTC instant the API wants and back.
 */
const romeParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Rome",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

const wallClockPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Rome's wall clock at an instant, as a datetime-local value (minutes). */
export function romeWallClockOf(instant: Date): string {
  const part = (type: string) => romeParts.formatToParts(instant).find((item) => item.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

/** Milliseconds Rome is ahead of UTC at an instant (3,600,000 in winter, 7,200,000 in summer). */
function romeOffsetAt(epoch: number): number {
  const parts = Object.fromEntries(
    romeParts.formatToParts(new Date(epoch)).map((item) => [item.type, Number(item.value)]),
  );
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/**
 * The UTC instant (RFC 3339) of a wall-clock time in Rome, or null when the text is no date and
 * time. A time skipped by the change to summer time is read with winter time (an hour later on the clock);
 * a time that occurs twice in October counts as its first occurrence.
 */
export function instantOfRomeWallClock(text: string): string | null {
  const match = wallClockPattern.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((value) => Number(value ?? 0));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return null;
  // Either offset Rome has around that day; the earlier candidate that reads back as the text wins.
  const offsets = [...new Set([romeOffsetAt(asUtc - 86_400_000), romeOffsetAt(asUtc + 86_400_000)])].sort(
    (a, b) => b - a,
  );
  for (const offset of offsets) {
    const candidate = asUtc - offset;
    if (romeWallClockOf(new Date(candidate)) === text.slice(0, 16)) return new Date(candidate).toISOString();
  }
  return new Date(asUtc - Math.min(...offsets)).toISOString();
}
