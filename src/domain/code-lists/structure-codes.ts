import { z } from "zod";
import { type CodeList, codesOf } from "./code-list.ts";
import type { SinbaCarattereInserimentoResidenziale } from "./sinba-codes.generated.ts";

/**
 * National types of residential service for minors, as in the Ministry/Regions survey and the
 * interregional nomenclature of social services (CISIS).
 */
export const nationalStructureTypes = [
  { code: "comunita-familiare", label: "Comunità familiare per minori" },
  { code: "comunita-socio-educativa", label: "Comunità socio-educativa per minori" },
  { code: "alloggio-alta-autonomia", label: "Alloggio ad alta autonomia" },
  { code: "bambino-genitore", label: "Servizio di accoglienza per bambino-genitore" },
  { code: "pronta-accoglienza", label: "Struttura di pronta accoglienza per minori" },
  { code: "multiutenza", label: "Comunità multiutenza" },
  { code: "educativo-psicologica", label: "Comunità educativa e psicologica" },
] as const satisfies CodeList;
export const NationalStructureType = z.enum(codesOf(nationalStructureTypes));
export type NationalStructureType = z.infer<typeof NationalStructureType>;

/** ISTAT survey of residential care: character of the service. */
export const istatCharacters = [
  { code: "familiare", label: "Carattere familiare" },
  { code: "comunitario", label: "Carattere comunitario" },
] as const satisfies CodeList;
export const IstatCharacter = z.enum(codesOf(istatCharacters));
export type IstatCharacter = z.infer<typeof IstatCharacter>;

/** ISTAT survey of residential care: prevailing function of the service. */
export const istatFunctions = [
  { code: "emergenza", label: "Accoglienza di emergenza" },
  { code: "abitativa", label: "Prevalente accoglienza abitativa" },
  { code: "tutelare", label: "Prevalente funzione tutelare" },
  { code: "socio-educativa", label: "Funzione socio-educativa" },
  { code: "educativa-psicologica", label: "Funzione educativa-psicologica" },
  { code: "socio-sanitaria-bassa", label: "Integrazione socio-sanitaria bassa" },
  { code: "socio-sanitaria-medio-alta", label: "Integrazione socio-sanitaria medio-alta" },
] as const satisfies CodeList;
export const IstatFunction = z.enum(codesOf(istatFunctions));
export type IstatFunction = z.infer<typeof IstatFunction>;

/**
 * ISTAT character × function → SINBA CarattereInserimentoResidenziale. The XSD gives one label
 * per code and no structured attributes, so the table is read off the labels:
 *   1 "familiare-prevalente accoglienza abitativa"      5 "comunitario-prevalente accoglienza abitativa"
 *   2 "familiare-prevalente funzione tutelare"          6 "comunitario-prevalente funzione tutelare"
 *   3 "familiare-funzione socio-educativa"              7 "comunitario-funzione socio-educativa"
 *   4 "comunitario-accoglienza di emergenza"            8 "comunitario-funzione educativa-psicologica"
 *   9 "comunitario-funzione integrazione socio-sanitaria bassa"
 *  10 "comunitario-funzione integrazione socio-sanitaria medio-alta"
 * The familial character has no emergency, psychological or health-integration variant in the
 * ISTAT classification, so those four combinations have no SINBA code: a structure declaring one
 * of them is misclassified and must be corrected, not exported with a guessed number.
 */
const sinbaResidentialCharacterTable: Record<
  IstatCharacter,
  Partial<Record<IstatFunction, SinbaCarattereInserimentoResidenziale>>
> = {
  familiare: {
    abitativa: "1",
    tutelare: "2",
    "socio-educativa": "3",
  },
  comunitario: {
    emergenza: "4",
    abitativa: "5",
    tutelare: "6",
    "socio-educativa": "7",
    "educativa-psicologica": "8",
    "socio-sanitaria-bassa": "9",
    "socio-sanitaria-medio-alta": "10",
  },
};

export function sinbaResidentialCharacterOf(
  character: IstatCharacter,
  istatFunction: IstatFunction,
): SinbaCarattereInserimentoResidenziale | undefined {
  return sinbaResidentialCharacterTable[character][istatFunction];
}

/** The functions a structure of the given character may declare. */
export function istatFunctionsFor(character: IstatCharacter): IstatFunction[] {
  return istatFunctions
    .map((entry) => entry.code)
    .filter((code) => sinbaResidentialCharacterTable[character][code] !== undefined);
}

export const legalNatures = [
  { code: "cooperativa-sociale", label: "Cooperativa sociale" },
  { code: "associazione", label: "Associazione" },
  { code: "ente-religioso", label: "Ente religioso" },
  { code: "fondazione", label: "Fondazione" },
  { code: "ente-pubblico", label: "Ente pubblico" },
  { code: "consorzio", label: "Consorzio" },
  { code: "aps", label: "Associazione di promozione sociale" },
  { code: "asp", label: "Azienda pubblica di servizi alla persona" },
  { code: "altro-privato", label: "Altro soggetto privato" },
] as const satisfies CodeList;
export const LegalNature = z.enum(codesOf(legalNatures));
export type LegalNature = z.infer<typeof LegalNature>;

export const authorisationStatuses = [
  { code: "definitiva", label: "Autorizzazione definitiva" },
  { code: "provvisoria", label: "Autorizzazione provvisoria" },
  { code: "sperimentazione", label: "In sperimentazione" },
  { code: "sospesa", label: "Autorizzazione sospesa" },
  { code: "revocata", label: "Autorizzazione revocata" },
] as const satisfies CodeList;
export const AuthorisationStatus = z.enum(codesOf(authorisationStatuses));
export type AuthorisationStatus = z.infer<typeof AuthorisationStatus>;

export const structureStatuses = [
  { code: "pending-approval", label: "In attesa di approvazione" },
  { code: "active", label: "Attiva" },
  { code: "suspended", label: "Sospesa" },
  { code: "closed", label: "Chiusa" },
] as const satisfies CodeList;
export const StructureStatus = z.enum(codesOf(structureStatuses));
export type StructureStatus = z.infer<typeof StructureStatus>;

export const targetSexes = [
  { code: "any", label: "Maschi e femmine" },
  { code: "F", label: "Solo femmine" },
  { code: "M", label: "Solo maschi" },
] as const satisfies CodeList;
export const TargetSex = z.enum(codesOf(targetSexes));
export type TargetSex = z.infer<typeof TargetSex>;

/**
 * Regional types are a table the Region configures; each maps to exactly one national type so
 * that national surveys never depend on regional names.
 */
export const RegionalStructureTypeDefinition = z.object({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "Codice in minuscolo separato da trattini" }),
  label: z.string().trim().min(2).max(200),
  nationalType: NationalStructureType,
});
export type RegionalStructureTypeDefinition = z.infer<typeof RegionalStructureTypeDefinition>;

/**
 * Default regional table, modelled on the Tuscan regulation of residential services for minors
 * (D.P.G.R. 2/R/2018): a starting point the Region edits, not a normative list.
 */
export const defaultRegionalStructureTypes = [
  { code: "comunita-familiare", label: "Comunità familiare", nationalType: "comunita-familiare" },
  {
    code: "comunita-a-dimensione-familiare",
    label: "Comunità a dimensione familiare",
    nationalType: "comunita-familiare",
  },
  { code: "comunita-educativa", label: "Comunità educativa", nationalType: "comunita-socio-educativa" },
  {
    code: "gruppo-appartamento-autonomia",
    label: "Gruppo appartamento per l'autonomia di adolescenti e giovani",
    nationalType: "alloggio-alta-autonomia",
  },
  {
    code: "comunita-gestanti-madri",
    label: "Comunità per gestanti e madri con figli",
    nationalType: "bambino-genitore",
  },
  { code: "pronta-accoglienza", label: "Centro di pronta accoglienza", nationalType: "pronta-accoglienza" },
  { code: "casa-famiglia-multiutenza", label: "Casa famiglia multiutenza", nationalType: "multiutenza" },
  {
    code: "comunita-educativa-psicologica",
    label: "Comunità a valenza educativa e psicologica",
    nationalType: "educativo-psicologica",
  },
] as const satisfies readonly RegionalStructureTypeDefinition[];
