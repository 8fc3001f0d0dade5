import { z } from "zod";
import { foreignPlaces } from "./foreign-places.generated.ts";

/**
 * States by ISTAT code (3 digits, Italy "100"), with the ISO 3166-1 codes INPS flows use.
 *
 * S.I.R.MI stores ISTAT codes; the ISO numeric code (Italy "380") appears only when a record is
 * exported to INPS, so the two are never mixed in stored data.
 *
 * Sources: ISTAT, "Elenco codici e denominazioni delle unità territoriali estere" (states, S), as
 * republished with ISO 3166-1 alpha-3 codes in github.com/Marketto/codice-fiscale-utils
 * (src/asset/cities-countries.json, records with dataSource "I"); alpha-3 → numeric from ISO 3166-1
 * as tabulated in github.com/lukes/ISO-3166-Countries-with-Regional-Codes (slim-3.csv), joined on
 * alpha-3. Names follow ISTAT (North Macedonia under its current name). Dependent territories
 * (ISTAT 9xx) are left out: they are not citizenships.
 *
 * Kosovo has no ISO 3166-1 numeric code (XKX is a user-assigned alpha code): its ISO numeric is
 * null and an export must report it as not convertible rather than invent a number.
 *
 * The Belfiore code (codice catastale, Z###: the birthplace of a person born there in a fiscal
 * code) comes from foreign-places.generated.ts, joined on the ISTAT code by the generator; Italy has
 * none.
 */
export interface Country {
  istatCode: string;
  name: string;
  isoAlpha3: string;
  isoNumeric: IsoNumericCountryCode | null;
  belfiore: string | null;
}

declare const isoNumericBrand: unique symbol;
/**
 * An ISO 3166-1 numeric code (Italy "380"), the code INPS flows carry. A distinct type from the
 * ISTAT codes (plain strings, Italy "100") that S.I.R.MI stores: the two collide ("100" is Italy for
 * ISTAT and Bulgaria for ISO), so a value of this type comes only from `istatToIsoNumeric`, at
 * export, and goes back only through `isoNumericToIstat`, at import.
 */
export type IsoNumericCountryCode = string & { readonly [isoNumericBrand]: true };

type CountryRow = readonly [istatCode: string, name: string, isoAlpha3: string, isoNumeric: string | null];

const countryRows: readonly CountryRow[] = [
  ["100", "Italia", "ITA", "380"],
  ["201", "Albania", "ALB", "008"],
  ["202", "Andorra", "AND", "020"],
  ["203", "Austria", "AUT", "040"],
  ["206", "Belgio", "BEL", "056"],
  ["209", "Bulgaria", "BGR", "100"],
  ["212", "Danimarca", "DNK", "208"],
  ["214", "Finlandia", "FIN", "246"],
  ["215", "Francia", "FRA", "250"],
  ["216", "Germania", "DEU", "276"],
  ["219", "Regno Unito", "GBR", "826"],
  ["220", "Grecia", "GRC", "300"],
  ["221", "Irlanda", "IRL", "372"],
  ["223", "Islanda", "ISL", "352"],
  ["225", "Liechtenstein", "LIE", "438"],
  ["226", "Lussemburgo", "LUX", "442"],
  ["227", "Malta", "MLT", "470"],
  ["229", "Monaco", "MCO", "492"],
  ["231", "Norvegia", "NOR", "578"],
  ["232", "Paesi Bassi", "NLD", "528"],
  ["233", "Polonia", "POL", "616"],
  ["234", "Portogallo", "PRT", "620"],
  ["235", "Romania", "ROU", "642"],
  ["236", "San Marino", "SMR", "674"],
  ["239", "Spagna", "ESP", "724"],
  ["240", "Svezia", "SWE", "752"],
  ["241", "Svizzera", "CHE", "756"],
  ["243", "Ucraina", "UKR", "804"],
  ["244", "Ungheria", "HUN", "348"],
  ["245", "Federazione russa", "RUS", "643"],
  ["246", "Stato della Città del Vaticano", "VAT", "336"],
  ["247", "Estonia", "EST", "233"],
  ["248", "Lettonia", "LVA", "428"],
  ["249", "Lituania", "LTU", "440"],
  ["250", "Croazia", "HRV", "191"],
  ["251", "Slovenia", "SVN", "705"],
  ["252", "Bosnia-Erzegovina", "BIH", "070"],
  ["253", "Macedonia del Nord", "MKD", "807"],
  ["254", "Moldova", "MDA", "498"],
  ["255", "Slovacchia", "SVK", "703"],
  ["256", "Bielorussia", "BLR", "112"],
  ["257", "Repubblica ceca", "CZE", "203"],
  ["270", "Montenegro", "MNE", "499"],
  ["271", "Serbia", "SRB", "688"],
  ["272", "Kosovo", "XKX", null],
  ["301", "Afghanistan", "AFG", "004"],
  ["302", "Arabia Saudita", "SAU", "682"],
  ["304", "Bahrein", "BHR", "048"],
  ["305", "Bangladesh", "BGD", "050"],
  ["306", "Bhutan", "BTN", "064"],
  ["307", "Myanmar/Birmania", "MMR", "104"],
  ["309", "Brunei Darussalam", "BRN", "096"],
  ["310", "Cambogia", "KHM", "116"],
  ["311", "Sri Lanka", "LKA", "144"],
  ["314", "Cina", "CHN", "156"],
  ["315", "Cipro", "CYP", "196"],
  ["319", "Corea del Nord", "PRK", "408"],
  ["320", "Corea del Sud", "KOR", "410"],
  ["322", "Emirati Arabi Uniti", "ARE", "784"],
  ["323", "Filippine", "PHL", "608"],
  ["324", "Palestina", "PSE", "275"],
  ["326", "Giappone", "JPN", "392"],
  ["327", "Giordania", "JOR", "400"],
  ["330", "India", "IND", "356"],
  ["331", "Indonesia", "IDN", "360"],
  ["332", "Iran", "IRN", "364"],
  ["333", "Iraq", "IRQ", "368"],
  ["334", "Israele", "ISR", "376"],
  ["335", "Kuwait", "KWT", "414"],
  ["336", "Laos", "LAO", "418"],
  ["337", "Libano", "LBN", "422"],
  ["338", "Timor Leste", "TLS", "626"],
  ["339", "Maldive", "MDV", "462"],
  ["340", "Malaysia", "MYS", "458"],
  ["341", "Mongolia", "MNG", "496"],
  ["342", "Nepal", "NPL", "524"],
  ["343", "Oman", "OMN", "512"],
  ["344", "Pakistan", "PAK", "586"],
  ["345", "Qatar", "QAT", "634"],
  ["346", "Singapore", "SGP", "702"],
  ["348", "Siria", "SYR", "760"],
  ["349", "Thailandia", "THA", "764"],
  ["351", "Turchia", "TUR", "792"],
  ["353", "Vietnam", "VNM", "704"],
  ["354", "Yemen", "YEM", "887"],
  ["356", "Kazakhstan", "KAZ", "398"],
  ["357", "Uzbekistan", "UZB", "860"],
  ["358", "Armenia", "ARM", "051"],
  ["359", "Azerbaigian", "AZE", "031"],
  ["360", "Georgia", "GEO", "268"],
  ["361", "Kirghizistan", "KGZ", "417"],
  ["362", "Tagikistan", "TJK", "762"],
  ["363", "Taiwan", "TWN", "158"],
  ["364", "Turkmenistan", "TKM", "795"],
  ["401", "Algeria", "DZA", "012"],
  ["402", "Angola", "AGO", "024"],
  ["404", "Costa d'Avorio", "CIV", "384"],
  ["406", "Benin", "BEN", "204"],
  ["408", "Botswana", "BWA", "072"],
  ["409", "Burkina Faso", "BFA", "854"],
  ["410", "Burundi", "BDI", "108"],
  ["411", "Camerun", "CMR", "120"],
  ["413", "Capo Verde", "CPV", "132"],
  ["414", "Repubblica Centrafricana", "CAF", "140"],
  ["415", "Ciad", "TCD", "148"],
  ["417", "Comore", "COM", "174"],
  ["418", "Congo", "COG", "178"],
  ["419", "Egitto", "EGY", "818"],
  ["420", "Etiopia", "ETH", "231"],
  ["421", "Gabon", "GAB", "266"],
  ["422", "Gambia", "GMB", "270"],
  ["423", "Ghana", "GHA", "288"],
  ["424", "Gibuti", "DJI", "262"],
  ["425", "Guinea", "GIN", "324"],
  ["426", "Guinea-Bissau", "GNB", "624"],
  ["427", "Guinea equatoriale", "GNQ", "226"],
  ["428", "Kenya", "KEN", "404"],
  ["429", "Lesotho", "LSO", "426"],
  ["430", "Liberia", "LBR", "430"],
  ["431", "Libia", "LBY", "434"],
  ["432", "Madagascar", "MDG", "450"],
  ["434", "Malawi", "MWI", "454"],
  ["435", "Mali", "MLI", "466"],
  ["436", "Marocco", "MAR", "504"],
  ["437", "Mauritania", "MRT", "478"],
  ["438", "Maurizio", "MUS", "480"],
  ["440", "Mozambico", "MOZ", "508"],
  ["441", "Namibia", "NAM", "516"],
  ["442", "Niger", "NER", "562"],
  ["443", "Nigeria", "NGA", "566"],
  ["446", "Ruanda", "RWA", "646"],
  ["448", "Sao Tomé e Principe", "STP", "678"],
  ["449", "Seychelles", "SYC", "690"],
  ["450", "Senegal", "SEN", "686"],
  ["451", "Sierra Leone", "SLE", "694"],
  ["453", "Somalia", "SOM", "706"],
  ["454", "Sudafrica", "ZAF", "710"],
  ["455", "Sudan", "SDN", "729"],
  ["456", "Eswatini", "SWZ", "748"],
  ["457", "Tanzania", "TZA", "834"],
  ["458", "Togo", "TGO", "768"],
  ["460", "Tunisia", "TUN", "788"],
  ["461", "Uganda", "UGA", "800"],
  ["463", "Repubblica Democratica del Congo", "COD", "180"],
  ["464", "Zambia", "ZMB", "894"],
  ["465", "Zimbabwe", "ZWE", "716"],
  ["466", "Eritrea", "ERI", "232"],
  ["467", "Sud Sudan", "SSD", "728"],
  ["503", "Antigua e Barbuda", "ATG", "028"],
  ["505", "Bahamas", "BHS", "044"],
  ["506", "Barbados", "BRB", "052"],
  ["507", "Belize", "BLZ", "084"],
  ["509", "Canada", "CAN", "124"],
  ["513", "Costa Rica", "CRI", "188"],
  ["514", "Cuba", "CUB", "192"],
  ["515", "Dominica", "DMA", "212"],
  ["516", "Repubblica Dominicana", "DOM", "214"],
  ["517", "El Salvador", "SLV", "222"],
  ["518", "Giamaica", "JAM", "388"],
  ["519", "Grenada", "GRD", "308"],
  ["523", "Guatemala", "GTM", "320"],
  ["524", "Haiti", "HTI", "332"],
  ["525", "Honduras", "HND", "340"],
  ["527", "Messico", "MEX", "484"],
  ["529", "Nicaragua", "NIC", "558"],
  ["530", "Panama", "PAN", "591"],
  ["532", "Santa Lucia", "LCA", "662"],
  ["533", "Saint Vincent e Grenadine", "VCT", "670"],
  ["534", "Saint Kitts e Nevis", "KNA", "659"],
  ["536", "Stati Uniti d'America", "USA", "840"],
  ["602", "Argentina", "ARG", "032"],
  ["604", "Bolivia", "BOL", "068"],
  ["605", "Brasile", "BRA", "076"],
  ["606", "Cile", "CHL", "152"],
  ["608", "Colombia", "COL", "170"],
  ["609", "Ecuador", "ECU", "218"],
  ["612", "Guyana", "GUY", "328"],
  ["614", "Paraguay", "PRY", "600"],
  ["615", "Perù", "PER", "604"],
  ["616", "Suriname", "SUR", "740"],
  ["617", "Trinidad e Tobago", "TTO", "780"],
  ["618", "Uruguay", "URY", "858"],
  ["619", "Venezuela", "VEN", "862"],
  ["701", "Australia", "AUS", "036"],
  ["703", "Figi", "FJI", "242"],
  ["708", "Kiribati", "KIR", "296"],
  ["712", "Isole Marshall", "MHL", "584"],
  ["713", "Stati Federati di Micronesia", "FSM", "583"],
  ["715", "Nauru", "NRU", "520"],
  ["719", "Nuova Zelanda", "NZL", "554"],
  ["720", "Palau", "PLW", "585"],
  ["721", "Papua Nuova Guinea", "PNG", "598"],
  ["725", "Isole Salomone", "SLB", "090"],
  ["727", "Samoa", "WSM", "882"],
  ["730", "Tonga", "TON", "776"],
  ["731", "Tuvalu", "TUV", "798"],
  ["732", "Vanuatu", "VUT", "548"],
];

const belfioreByIstatCode = new Map(
  foreignPlaces.flatMap((place) =>
    place.istatCountryCode === null ? [] : [[place.istatCountryCode, place.belfiore] as const],
  ),
);

export const countries: readonly Country[] = countryRows.map(([istatCode, name, isoAlpha3, isoNumeric]) => ({
  istatCode,
  name,
  isoAlpha3,
  isoNumeric: isoNumeric as IsoNumericCountryCode | null,
  belfiore: belfioreByIstatCode.get(istatCode) ?? null,
}));

export const italyIstatCode = "100";
export const italyIsoNumeric = "380" as IsoNumericCountryCode;

/** ISTAT code for stateless persons ("apolide"), valid as a citizenship but not a country. */
export const statelessIstatCode = "999";

export const IstatCountryCode = z
  .string()
  .regex(/^\d{3}$/, { error: "Codice ISTAT dello Stato non valido (3 cifre)" });

const byIstatCode = new Map(countries.map((country) => [country.istatCode, country]));
const byIsoNumeric = new Map<string, Country>(
  countries.flatMap((country) =>
    country.isoNumeric === null ? [] : [[country.isoNumeric, country] as const],
  ),
);

export function findCountryByIstatCode(istatCode: string): Country | undefined {
  return byIstatCode.get(istatCode);
}

export function isKnownIstatCountryCode(istatCode: string): boolean {
  return byIstatCode.has(istatCode);
}

const byBelfiore = new Map(
  countries.flatMap((country) => (country.belfiore ? [[country.belfiore, country] as const] : [])),
);

/** The state whose Belfiore code (Z###) this is; territories and ceased states are not countries. */
export function findCountryByBelfiore(belfiore: string): Country | undefined {
  return byBelfiore.get(belfiore);
}

/**
 * The one conversion from the stored ISTAT code to the ISO 3166-1 numeric code of an export
 * (Italy "100" → "380"). Undefined when there is none: an unknown code, Kosovo, stateless ("999").
 */
export function istatToIsoNumeric(istatCode: string): IsoNumericCountryCode | undefined {
  return byIstatCode.get(istatCode)?.isoNumeric ?? undefined;
}

/** The reverse, for imported records: the ISTAT code of an ISO 3166-1 numeric code (leading zeros optional). */
export function isoNumericToIstat(isoNumeric: string): string | undefined {
  const normalised = /^\d{1,3}$/.test(isoNumeric) ? isoNumeric.padStart(3, "0") : isoNumeric;
  return byIsoNumeric.get(normalised)?.istatCode;
}
