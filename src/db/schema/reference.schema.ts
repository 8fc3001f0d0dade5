import { date, index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * ISTAT's current comuni (src/db/seed/comuni.generated.json, reloaded at every start). `belfiore` is
 * the codice catastale; `valid_from` the day the comune was established; `valid_to` its last day
 * (inclusive), null while it exists.
 */
export const comune = pgTable(
  "comune",
  {
    istatCode: text("istat_code").primaryKey(),
    name: text("name").notNull(),
    belfiore: text("belfiore"),
    provinceCode: text("province_code").notNull(),
    provinceAbbreviation: text("province_abbreviation").notNull(),
    provinceName: text("province_name").notNull(),
    regionCode: text("region_code").notNull(),
    regionName: text("region_name").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }),
  },
  (t) => [
    index("comune_region").on(t.regionCode),
    index("comune_name").on(t.name),
    index("comune_belfiore").on(t.belfiore),
  ],
);

/**
 * Comuni that no longer exist, by Belfiore code (src/db/seed/suppressed-comuni.generated.json): a
 * fiscal code of someone born there still carries the code. The archive gives no ISTAT code for them.
 * `merged_into` is the Belfiore code of the comune established in their place, when known.
 */
export const suppressedComune = pgTable(
  "suppressed_comune",
  {
    belfiore: text("belfiore").notNull(),
    name: text("name").notNull(),
    provinceAbbreviation: text("province_abbreviation").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }).notNull(),
    mergedInto: text("merged_into"),
  },
  (t) => [primaryKey({ columns: [t.belfiore, t.validFrom] })],
);

/** Zona distretto: a Region-configurable set of comuni. */
export const zone = pgTable("zone", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  regionCode: text("region_code").notNull(),
});

export const zoneComune = pgTable(
  "zone_comune",
  {
    zoneCode: text("zone_code")
      .notNull()
      .references(() => zone.code, { onDelete: "cascade" }),
    comuneCode: text("comune_code")
      .notNull()
      .references(() => comune.istatCode),
  },
  (t) => [primaryKey({ columns: [t.zoneCode, t.comuneCode] }), index("zone_comune_comune").on(t.comuneCode)],
);

/** Regional structure types, each mapped to one national type; the Region edits this table. */
export const regionalStructureType = pgTable("regional_structure_type", {
  code: text("code").primaryKey(),
  label: text("label").notNull(),
  nationalType: text("national_type").notNull(),
});

/** The digest of each reference seed last loaded: a start with unchanged seeds skips the upserts. */
export const referenceSeed = pgTable("reference_seed", {
  name: text("name").primaryKey(),
  digest: text("digest").notNull(),
});
