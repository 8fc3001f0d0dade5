import { z } from "zod";
import { type CodeList, codesOf } from "../code-lists/code-list.ts";

/**
 * ISTAT territorial codes. A comune code has 6 digits, the first 3 being its province (Firenze
 * 048017 → province 048); a region code has 2 digits (Toscana 09). Comuni merge every year, so the
 * authoritative list lives in the database with validity dates; these helpers only read codes.
 */
export const IstatComuneCode = z
  .string()
  .regex(/^\d{6}$/, { error: "Codice ISTAT del comune non valido (6 cifre)" });
export type IstatComuneCode = z.infer<typeof IstatComuneCode>;

export const IstatProvinceCode = z
  .string()
  .regex(/^\d{3}$/, { error: "Codice ISTAT della provincia non valido" });

/** Codice catastale (Belfiore): a letter and 3 digits; foreign states use Z###. */
export const BelfioreCode = z
  .string()
  .regex(/^[A-Z]\d{3}$/, { error: "Codice catastale non valido (una lettera e 3 cifre)" });

export function provinceCodeOf(comuneCode: string): string {
  if (!/^\d{6}$/.test(comuneCode)) {
    throw new Error(`Not an ISTAT comune code: ${comuneCode}`);
  }
  return comuneCode.slice(0, 3);
}

export const regions = [
  { code: "01", label: "Piemonte" },
  { code: "02", label: "Valle d'Aosta/Vallée d'Aoste" },
  { code: "03", label: "Lombardia" },
  { code: "04", label: "Trentino-Alto Adige/Südtirol" },
  { code: "05", label: "Veneto" },
  { code: "06", label: "Friuli-Venezia Giulia" },
  { code: "07", label: "Liguria" },
  { code: "08", label: "Emilia-Romagna" },
  { code: "09", label: "Toscana" },
  { code: "10", label: "Umbria" },
  { code: "11", label: "Marche" },
  { code: "12", label: "Lazio" },
  { code: "13", label: "Abruzzo" },
  { code: "14", label: "Molise" },
  { code: "15", label: "Campania" },
  { code: "16", label: "Puglia" },
  { code: "17", label: "Basilicata" },
  { code: "18", label: "Calabria" },
  { code: "19", label: "Sicilia" },
  { code: "20", label: "Sardegna" },
] as const satisfies CodeList;
export const IstatRegionCode = z.enum(codesOf(regions), { error: "Codice ISTAT della regione non valido" });
export type IstatRegionCode = z.infer<typeof IstatRegionCode>;

export const tuscanyRegionCode = "09" satisfies IstatRegionCode;

/**
 * Province codes of each region. Provinces are not renumbered when they are abolished, so the
 * Sardinian codes of 2005–2016 (104–107) stay here for historical comune codes.
 */
const provinceCodesByRegion: Record<IstatRegionCode, readonly string[]> = {
  "01": ["001", "002", "003", "004", "005", "006", "096", "103"],
  "02": ["007"],
  "03": ["012", "013", "014", "015", "016", "017", "018", "019", "020", "097", "098", "108"],
  "04": ["021", "022"],
  "05": ["023", "024", "025", "026", "027", "028", "029"],
  "06": ["030", "031", "032", "093"],
  "07": ["008", "009", "010", "011"],
  "08": ["033", "034", "035", "036", "037", "038", "039", "040", "099"],
  "09": ["045", "046", "047", "048", "049", "050", "051", "052", "053", "100"],
  "10": ["054", "055"],
  "11": ["041", "042", "043", "044", "109"],
  "12": ["056", "057", "058", "059", "060"],
  "13": ["066", "067", "068", "069"],
  "14": ["070", "094"],
  "15": ["061", "062", "063", "064", "065"],
  "16": ["071", "072", "073", "074", "075", "110"],
  "17": ["076", "077"],
  "18": ["078", "079", "080", "101", "102"],
  "19": ["081", "082", "083", "084", "085", "086", "087", "088", "089"],
  "20": ["090", "091", "092", "095", "104", "105", "106", "107", "111"],
};

const regionByProvinceCode = new Map<string, IstatRegionCode>(
  Object.entries(provinceCodesByRegion).flatMap(([region, provinces]) =>
    provinces.map((province) => [province, region as IstatRegionCode] as const),
  ),
);

export function regionCodeOfProvince(provinceCode: string): IstatRegionCode | undefined {
  return regionByProvinceCode.get(provinceCode);
}

export function regionCodeOfComune(comuneCode: string): IstatRegionCode | undefined {
  return regionCodeOfProvince(provinceCodeOf(comuneCode));
}

export function regionNameOf(regionCode: string): string | undefined {
  return regions.find((region) => region.code === regionCode)?.label;
}
