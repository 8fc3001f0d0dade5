/** Repairs of comune names as the source packages spell them: encoding, case, matching. */

export function normaliseForMatch(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

/** Undoes UTF-8 read as Latin-1 ("MagrÃ¨" → "Magrè"); a name without that damage is returned as is. */
export function repairEncoding(name: string): string {
  if (!/[ÃÂ]/.test(name)) return name;
  for (const candidate of [name, `${name}\u00a0`]) {
    const repaired = Buffer.from(candidate, "latin1").toString("utf8");
    if (!repaired.includes("\ufffd")) return repaired.trim();
  }
  return name;
}

const lowerCaseWords = new Set([
  "al",
  "alla",
  "d",
  "de",
  "degli",
  "dei",
  "del",
  "dell",
  "della",
  "delle",
  "dello",
  "di",
  "e",
  "ed",
  "in",
  "nel",
  "sul",
  "sulla",
]);

/**
 * The archive's names are mechanically title-cased ("Barberino Val D'elsa", "Cavaglio-spoccia"):
 * particles are lowered and every word after a space, hyphen or apostrophe is capitalised, as ISTAT
 * writes them ("Barberino Val d'Elsa", "Cavaglio-Spoccia").
 */
export function repairCase(name: string): string {
  const parts = name.split(/([ '’-])/);
  let wordIndex = 0;
  return parts
    .map((part) => {
      if (/^[ '’-]$/.test(part) || part === "") return part;
      const isFirst = wordIndex === 0;
      wordIndex += 1;
      const lower = part.toLowerCase();
      if (!isFirst && lowerCaseWords.has(lower)) return lower;
      return part.charAt(0).toUpperCase() + part.slice(1);
    })
    .join("");
}
