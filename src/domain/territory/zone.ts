import { z } from "zod";

/**
 * The code of a *zona distretto*, chosen by the Region: lower-case letters, digits and hyphens,
 * long enough for composite names (`amiata-senese-val-d-orcia-valdichiana-senese`, 44).
 */
export const zoneCodeMaxLength = 64;

export const ZoneCode = z
  .string()
  .regex(new RegExp(`^[a-z0-9-]{2,${zoneCodeMaxLength}}$`), {
    error: `Codice zona non valido: da 2 a ${zoneCodeMaxLength} caratteri tra lettere minuscole, cifre e trattini`,
  })
  .describe("Codice della zona distretto");

/**
 * A zone as a filter of a search or a report: at most as long as a code. Whether the zone exists
 * is judged by the search (nothing matches) or by the report (a problem on its `zone` parameter).
 */
export const ZoneFilter = z
  .string()
  .max(zoneCodeMaxLength, { error: `Codice zona troppo lungo: al massimo ${zoneCodeMaxLength} caratteri` })
  .describe("Codice della zona distretto");
