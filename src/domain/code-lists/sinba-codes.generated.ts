// This file is written by scripts/generate-sinba-codes.ts from the SINBA XSD published by INPS
// (reference/inps-waas/SINBA.xsd, MIT licence). Do not edit it: change the XSD and run the script.
import { z } from "zod";
import { type CodeList, codesOf } from "./code-list.ts";

export const sinbaXsdVersion = "1.0.0";

/** ComposizioneFamigliaType */
export const sinbaComposizioneFamiglia = [
  { code: "1", label: "Madre" },
  { code: "2", label: "Padre" },
  { code: "3", label: "Fratelli/Sorelle" },
  { code: "4", label: "Nonno/a" },
  { code: "5", label: "Compagno/a della madre o del padre" },
  { code: "6", label: "Altri conviventi" },
] as const satisfies CodeList;
export const SinbaComposizioneFamiglia = z.enum(codesOf(sinbaComposizioneFamiglia));
export type SinbaComposizioneFamiglia = z.infer<typeof SinbaComposizioneFamiglia>;

/** MinoreStranieroNoAccType */
export const sinbaMinoreStranieroNoAcc = [
  { code: "1", label: "SI" },
  { code: "2", label: "NO" },
] as const satisfies CodeList;
export const SinbaMinoreStranieroNoAcc = z.enum(codesOf(sinbaMinoreStranieroNoAcc));
export type SinbaMinoreStranieroNoAcc = z.infer<typeof SinbaMinoreStranieroNoAcc>;

/** CondizioneMinoreType */
export const sinbaCondizioneMinore = [
  { code: "1", label: "Non orfano" },
  { code: "2", label: "Orfano di entrambi" },
  { code: "3", label: "Orfano di padre" },
  { code: "4", label: "Orfano di madre" },
  { code: "5", label: "Genitori ignoti" },
] as const satisfies CodeList;
export const SinbaCondizioneMinore = z.enum(codesOf(sinbaCondizioneMinore));
export type SinbaCondizioneMinore = z.infer<typeof SinbaCondizioneMinore>;

/** LuogoVitaType */
export const sinbaLuogoVita = [
  { code: "1", label: "nella sua famiglia" },
  { code: "2", label: "presso parenti" },
  { code: "3", label: "in famiglia affidataria" },
  { code: "4", label: "in struttura residenziale sociale" },
  { code: "5", label: "in struttura residenziale sanitaria" },
  { code: "6", label: "in istituto penale minorile" },
  { code: "7", label: "con amici e conoscenti" },
  { code: "8", label: "senza dimora" },
] as const satisfies CodeList;
export const SinbaLuogoVita = z.enum(codesOf(sinbaLuogoVita));
export type SinbaLuogoVita = z.infer<typeof SinbaLuogoVita>;

/** ScuolaFrequentataType */
export const sinbaScuolaFrequentata = [
  { code: "1", label: "nessuna scuola" },
  { code: "2", label: "struttura" },
  { code: "3", label: "asilo nido" },
  { code: "4", label: "scuola dell'infanzia" },
  { code: "5", label: "scuola primaria" },
  { code: "6", label: "scuola secondaria I grado" },
  { code: "7", label: "scuola secondaria II grado" },
  { code: "8", label: "corso formazione professionale" },
] as const satisfies CodeList;
export const SinbaScuolaFrequentata = z.enum(codesOf(sinbaScuolaFrequentata));
export type SinbaScuolaFrequentata = z.infer<typeof SinbaScuolaFrequentata>;

/** CondizioneLavoroType */
export const sinbaCondizioneLavoro = [
  { code: "1", label: "inattivo (non in età da lavoro, non ha e non cerca lavoro)" },
  { code: "2", label: "occupato" },
  { code: "3", label: "disoccupato alla ricerca di nuova occupazione" },
  { code: "4", label: "in cerca di prima occupazione" },
] as const satisfies CodeList;
export const SinbaCondizioneLavoro = z.enum(codesOf(sinbaCondizioneLavoro));
export type SinbaCondizioneLavoro = z.infer<typeof SinbaCondizioneLavoro>;

/** DisabilitaType */
export const sinbaDisabilita = [
  { code: "1", label: "SI" },
  { code: "2", label: "NO" },
] as const satisfies CodeList;
export const SinbaDisabilita = z.enum(codesOf(sinbaDisabilita));
export type SinbaDisabilita = z.infer<typeof SinbaDisabilita>;

/** TipoDisabilitaType */
export const sinbaTipoDisabilita = [
  { code: "1", label: "Fisica" },
  { code: "2", label: "Psichica" },
  { code: "3", label: "Sensoriale" },
  { code: "4", label: "Plurima" },
] as const satisfies CodeList;
export const SinbaTipoDisabilita = z.enum(codesOf(sinbaTipoDisabilita));
export type SinbaTipoDisabilita = z.infer<typeof SinbaTipoDisabilita>;

/** InvCivCertificazioniType */
export const sinbaInvCivCertificazioni = [
  { code: "1", label: "certificazione invalidità civile parziale non inferiore al 75%" },
  { code: "2", label: "certificazione invalidità civile totale (100%) con indennità di accompagnamento" },
  { code: "3", label: "certificazione invalidità civile totale (100%) senza indennità di accompagnamento" },
  { code: "4", label: "certificazione NPI" },
  { code: "5", label: "certificazione l.104" },
] as const satisfies CodeList;
export const SinbaInvCivCertificazioni = z.enum(codesOf(sinbaInvCivCertificazioni));
export type SinbaInvCivCertificazioni = z.infer<typeof SinbaInvCivCertificazioni>;

/** TitoloStudioType */
export const sinbaTitoloStudio = [
  { code: "1", label: "nessun titolo" },
  { code: "2", label: "licenza elementare" },
  { code: "3", label: "licenza media" },
  { code: "4", label: "qualifica professionale" },
  { code: "5", label: "diploma scuola superiore" },
  { code: "6", label: "laurea o diploma di laurea" },
] as const satisfies CodeList;
export const SinbaTitoloStudio = z.enum(codesOf(sinbaTitoloStudio));
export type SinbaTitoloStudio = z.infer<typeof SinbaTitoloStudio>;

/** OccupazioneType */
export const sinbaOccupazione = [
  { code: "1", label: "occupato" },
  { code: "2", label: "disoccupato alla ricerca di nuova occupazione" },
  { code: "3", label: "in cerca di prima occupazione" },
  { code: "4", label: "casalinga/o" },
  { code: "5", label: "studente" },
  { code: "6", label: "ritirato/a dal lavoro" },
  { code: "7", label: "inabile al lavoro" },
  { code: "8", label: "in altra condizione" },
] as const satisfies CodeList;
export const SinbaOccupazione = z.enum(codesOf(sinbaOccupazione));
export type SinbaOccupazione = z.infer<typeof SinbaOccupazione>;

/** FonteSegnalazioneType */
export const sinbaFonteSegnalazione = [
  { code: "1", label: "servizio sociale minori della giustizia minorile" },
  { code: "2", label: "altro servizio sociale (consultori, centri famiglia, di altro ambito/distretto, ..)" },
  { code: "3", label: "servizi sanitari/medico di base/pediatra" },
  { code: "4", label: "privato sociale/volontariato" },
  { code: "5", label: "forze dell'ordine" },
  { code: "6", label: "beneficiario stesso" },
  { code: "7", label: "genitori affidatari/tutore" },
  { code: "8", label: "genitori/fratelli/altri familiari conviventi" },
  { code: "9", label: "parenti non conviventi" },
  { code: "10", label: "tribunale ordinario" },
  { code: "11", label: "autorità giudiziarie minorili" },
  { code: "12", label: "professionista privato" },
  { code: "13", label: "scuola" },
  { code: "14", label: "vicinato o conoscenti" },
] as const satisfies CodeList;
export const SinbaFonteSegnalazione = z.enum(codesOf(sinbaFonteSegnalazione));
export type SinbaFonteSegnalazione = z.infer<typeof SinbaFonteSegnalazione>;

/** ValutazioneMinoreType */
export const sinbaValutazioneMinore = [
  { code: "1", label: "nessuna specifica problematica" },
  { code: "2", label: "problemi relazionali e comportamentali" },
  { code: "3", label: "dipendenze" },
  { code: "4", label: "presunto stato di abbandono" },
  { code: "5", label: "problemi sanitari" },
  { code: "6", label: "violenza sessuale subita, prostituzione, tratta, pedopornografia" },
  { code: "7", label: "altre forme di violenza e maltrattamento subite" },
  { code: "8", label: "comportamenti di grave devianza" },
  { code: "9", label: "problemi di autonomia, disabilità" },
  { code: "10", label: "coinvolto in procedure penali" },
  { code: "11", label: "gestante/madre minorenne" },
  { code: "12", label: "minore straniero non accompagnato" },
  { code: "13", label: "abbandono scolastico" },
] as const satisfies CodeList;
export const SinbaValutazioneMinore = z.enum(codesOf(sinbaValutazioneMinore));
export type SinbaValutazioneMinore = z.infer<typeof SinbaValutazioneMinore>;

/** ValutazioneFamigliaMinoreType */
export const sinbaValutazioneFamigliaMinore = [
  { code: "1", label: "nessuna specifica" },
  { code: "2", label: "problematica fragilità/inadeguatezza genitoriale, problematiche socio-educative e relazionali" },
  { code: "3", label: "dipendenza" },
  { code: "4", label: "problematiche psichiatriche" },
  { code: "5", label: "altre problematiche sanitarie" },
  { code: "6", label: "grave conflittualità familiare" },
  { code: "7", label: "famiglia maltrattante" },
  { code: "8", label: "famiglia abusante" },
  { code: "9", label: "problemi giudiziari" },
  { code: "10", label: "fallimento affido preadottivo nel I anno" },
  { code: "11", label: "inadempienza obblighi sanitari" },
  { code: "12", label: "difficoltà economiche" },
  { code: "13", label: "difficoltà abitative" },
] as const satisfies CodeList;
export const SinbaValutazioneFamigliaMinore = z.enum(codesOf(sinbaValutazioneFamigliaMinore));
export type SinbaValutazioneFamigliaMinore = z.infer<typeof SinbaValutazioneFamigliaMinore>;

/** SegnalazioneAutoritaGiudiziariaType */
export const sinbaSegnalazioneAutoritaGiudiziaria = [
  { code: "1", label: "SI" },
  { code: "2", label: "NO" },
] as const satisfies CodeList;
export const SinbaSegnalazioneAutoritaGiudiziaria = z.enum(codesOf(sinbaSegnalazioneAutoritaGiudiziaria));
export type SinbaSegnalazioneAutoritaGiudiziaria = z.infer<typeof SinbaSegnalazioneAutoritaGiudiziaria>;

/** ProvvedimentoGiudiziarioType */
export const sinbaProvvedimentoGiudiziario = [
  { code: "1", label: "SI" },
  { code: "2", label: "NO" },
] as const satisfies CodeList;
export const SinbaProvvedimentoGiudiziario = z.enum(codesOf(sinbaProvvedimentoGiudiziario));
export type SinbaProvvedimentoGiudiziario = z.infer<typeof SinbaProvvedimentoGiudiziario>;

/** AutoritaProvvedimentoType */
export const sinbaAutoritaProvvedimento = [
  { code: "1", label: "Giudice tutelare" },
  { code: "2", label: "Tribunale per i minori" },
  { code: "3", label: "Procura per i minori" },
  { code: "4", label: "Tribunale ordinario" },
] as const satisfies CodeList;
export const SinbaAutoritaProvvedimento = z.enum(codesOf(sinbaAutoritaProvvedimento));
export type SinbaAutoritaProvvedimento = z.infer<typeof SinbaAutoritaProvvedimento>;

/** PotestaTutelaType */
export const sinbaPotestaTutela = [
  { code: "1", label: "sospensione potestà genitoriale" },
  { code: "2", label: "decadenza potestà genitoriale" },
  { code: "3", label: "prescrizioni ai genitori" },
  { code: "4", label: "tutela a parenti o altri soggetti" },
  { code: "5", label: "curatela" },
] as const satisfies CodeList;
export const SinbaPotestaTutela = z.enum(codesOf(sinbaPotestaTutela));
export type SinbaPotestaTutela = z.infer<typeof SinbaPotestaTutela>;

/** TipoProvvedimentoGiudiziarioType */
export const sinbaTipoProvvedimentoGiudiziario = [
  { code: "1", label: "adottabilità" },
  { code: "2", label: "adozione nazionale" },
  { code: "3", label: "adozione internazionale" },
  { code: "4", label: "affidamento familiare" },
  { code: "5", label: "affido al servizio sociale" },
  { code: "6", label: "affidamento a uno dei genitori in caso di separazione" },
  { code: "7", label: "vigilanza" },
  { code: "8", label: "post-adozione \"allontanamento del minore in via d'emergenza (art.403 c.c.)" },
] as const satisfies CodeList;
export const SinbaTipoProvvedimentoGiudiziario = z.enum(codesOf(sinbaTipoProvvedimentoGiudiziario));
export type SinbaTipoProvvedimentoGiudiziario = z.infer<typeof SinbaTipoProvvedimentoGiudiziario>;

/** FormaInterventoAffidoType */
export const sinbaFormaInterventoAffido = [
  { code: "1", label: "Consensuale" },
  { code: "2", label: "Giudiziario" },
] as const satisfies CodeList;
export const SinbaFormaInterventoAffido = z.enum(codesOf(sinbaFormaInterventoAffido));
export type SinbaFormaInterventoAffido = z.infer<typeof SinbaFormaInterventoAffido>;

/** TipoInterventoAffidoType */
export const sinbaTipoInterventoAffido = [
  { code: "1", label: "Intrafamiliare" },
  { code: "2", label: "Eterofamiliare" },
] as const satisfies CodeList;
export const SinbaTipoInterventoAffido = z.enum(codesOf(sinbaTipoInterventoAffido));
export type SinbaTipoInterventoAffido = z.infer<typeof SinbaTipoInterventoAffido>;

/** DurataAffidoType */
export const sinbaDurataAffido = [
  { code: "1", label: "Tempo pieno" },
  { code: "2", label: "Tempo parziale" },
] as const satisfies CodeList;
export const SinbaDurataAffido = z.enum(codesOf(sinbaDurataAffido));
export type SinbaDurataAffido = z.infer<typeof SinbaDurataAffido>;

/** CarattereAffidoType */
export const sinbaCarattereAffido = [
  { code: "1", label: "Residenziale" },
  { code: "2", label: "Diurno" },
] as const satisfies CodeList;
export const SinbaCarattereAffido = z.enum(codesOf(sinbaCarattereAffido));
export type SinbaCarattereAffido = z.infer<typeof SinbaCarattereAffido>;

/** EsitoAffidoType */
export const sinbaEsitoAffido = [
  { code: "1", label: "rientrato nella famiglia di origine" },
  { code: "2", label: "affidata ad altro nucleo familiare" },
  { code: "3", label: "adottato" },
  { code: "4", label: "inserito in struttura socio-educativa" },
  { code: "5", label: "inserito in struttura sanitaria" },
  { code: "6", label: "vita in autonomia" },
  { code: "7", label: "rimpatriato" },
  { code: "8", label: "destinazione ignota" },
  { code: "9", label: "altro" },
] as const satisfies CodeList;
export const SinbaEsitoAffido = z.enum(codesOf(sinbaEsitoAffido));
export type SinbaEsitoAffido = z.infer<typeof SinbaEsitoAffido>;

/** CarattereInserimentoResidenzialeType */
export const sinbaCarattereInserimentoResidenziale = [
  { code: "1", label: "familiare-prevalente accoglienza abitativa" },
  { code: "2", label: "familiare-prevalente funzione tutelare" },
  { code: "3", label: "familiare-funzione socio-educativa" },
  { code: "4", label: "comunitario-accoglienza di emergenza" },
  { code: "5", label: "comunitario-prevalente accoglienza abitativa" },
  { code: "6", label: "comunitario-prevalente funzione tutelare" },
  { code: "7", label: "comunitario-funzione socio-educativa" },
  { code: "8", label: "comunitario-funzione educativa-psicologica" },
  { code: "9", label: "comunitario-funzione integrazione socio-sanitaria bassa" },
  { code: "10", label: "comunitario-funzione integrazione socio-sanitaria medio-alta" },
] as const satisfies CodeList;
export const SinbaCarattereInserimentoResidenziale = z.enum(codesOf(sinbaCarattereInserimentoResidenziale));
export type SinbaCarattereInserimentoResidenziale = z.infer<typeof SinbaCarattereInserimentoResidenziale>;

/** FormaInserimentoResidenzialeType */
export const sinbaFormaInserimentoResidenziale = [
  { code: "1", label: "Consensuale" },
  { code: "2", label: "Giudiziario" },
] as const satisfies CodeList;
export const SinbaFormaInserimentoResidenziale = z.enum(codesOf(sinbaFormaInserimentoResidenziale));
export type SinbaFormaInserimentoResidenziale = z.infer<typeof SinbaFormaInserimentoResidenziale>;

/** TipoInserimentoResidenzialeType */
export const sinbaTipoInserimentoResidenziale = [
  { code: "1", label: "Con genitore" },
  { code: "2", label: "Senza genitore" },
] as const satisfies CodeList;
export const SinbaTipoInserimentoResidenziale = z.enum(codesOf(sinbaTipoInserimentoResidenziale));
export type SinbaTipoInserimentoResidenziale = z.infer<typeof SinbaTipoInserimentoResidenziale>;

/** EsitoInserimentoStrutturaType */
export const sinbaEsitoInserimentoStruttura = [
  { code: "1", label: "rientrato nella famiglia di origine" },
  { code: "2", label: "in famiglia affidataria o affidatario" },
  { code: "3", label: "adottato" },
  { code: "4", label: "inserito in altra struttura socio-educativa" },
  { code: "5", label: "inserito in struttura sanitaria" },
  { code: "6", label: "reso autonomo" },
  { code: "7", label: "rimpatriato" },
  { code: "8", label: "destinazione ignota" },
  { code: "9", label: "altro" },
] as const satisfies CodeList;
export const SinbaEsitoInserimentoStruttura = z.enum(codesOf(sinbaEsitoInserimentoStruttura));
export type SinbaEsitoInserimentoStruttura = z.infer<typeof SinbaEsitoInserimentoStruttura>;

/** MotivazioneChiusuraCaricoType */
export const sinbaMotivazioneChiusuraCarico = [
  { code: "1", label: "passaggio a servizio territoriale altro ambito/distretto della stessa regione" },
  { code: "2", label: "passaggio a servizio territoriale altro ambito/distretto di altra regione" },
  { code: "3", label: "raggiunta età maggiorenne" },
  { code: "4", label: "conclusione degli interventi e della presa in carico per risoluzione dello stato di bisogno" },
  { code: "5", label: "uscita richiesta dal minore utente o dalla famiglia" },
  { code: "6", label: "rimpatrio" },
  { code: "7", label: "irreperibilità" },
  { code: "8", label: "decesso" },
  { code: "9", label: "altro" },
] as const satisfies CodeList;
export const SinbaMotivazioneChiusuraCarico = z.enum(codesOf(sinbaMotivazioneChiusuraCarico));
export type SinbaMotivazioneChiusuraCarico = z.infer<typeof SinbaMotivazioneChiusuraCarico>;

/** SituazioneChiusuraCaricoType */
export const sinbaSituazioneChiusuraCarico = [
  { code: "1", label: "Nella famiglia di origine" },
  { code: "2", label: "vita in autonomia (in appartamento anche con altri non familiari o parenti)" },
  { code: "3", label: "rimane nella famiglia affidataria anche se maggiorenne" },
  { code: "4", label: "rimane nella struttura residenziale socio-assistenziale anche se maggiorenne" },
  { code: "5", label: "collocato in struttura residenziale sanitaria" },
  { code: "6", label: "adottato in una nuova famiglia" },
  { code: "7", label: "in istituto penale" },
  { code: "8", label: "destinazione ignota" },
] as const satisfies CodeList;
export const SinbaSituazioneChiusuraCarico = z.enum(codesOf(sinbaSituazioneChiusuraCarico));
export type SinbaSituazioneChiusuraCarico = z.infer<typeof SinbaSituazioneChiusuraCarico>;

/** CollaborazioniInterventiType */
export const sinbaCollaborazioniInterventi = [
  { code: "1", label: "SERT" },
  { code: "2", label: "NPI" },
  { code: "3", label: "psicologia" },
  { code: "4", label: "clinica/dsm" },
  { code: "5", label: "altri servizi sociali (consultorio, centri famiglia, adulti, di altro abito/distretto)" },
  { code: "6", label: "ussm ministero giustizia" },
  { code: "7", label: "scuola" },
  { code: "8", label: "servizi privato sociale associazionismo, volontariato" },
  { code: "9", label: "altro" },
] as const satisfies CodeList;
export const SinbaCollaborazioniInterventi = z.enum(codesOf(sinbaCollaborazioniInterventi));
export type SinbaCollaborazioniInterventi = z.infer<typeof SinbaCollaborazioniInterventi>;

/** FasciaEtaBeneficiarioType */
export const sinbaFasciaEtaBeneficiario = [
  { code: "1", label: "0-3 anni" },
  { code: "2", label: "3-6 anni" },
  { code: "3", label: "6-9 anni" },
  { code: "4", label: "9-12 anni" },
  { code: "5", label: "12-15 anni" },
  { code: "6", label: "15-18 anni" },
] as const satisfies CodeList;
export const SinbaFasciaEtaBeneficiario = z.enum(codesOf(sinbaFasciaEtaBeneficiario));
export type SinbaFasciaEtaBeneficiario = z.infer<typeof SinbaFasciaEtaBeneficiario>;

/** FasciaISEEBeneficiarioType */
export const sinbaFasciaISEEBeneficiario = [
  { code: "1", label: "Valore ISEE=0" },
  { code: "2", label: "Tra 0.01 a 3000 Euro" },
  { code: "3", label: "Tra 3000.01 e 6000" },
  { code: "4", label: "Tra 6000.01 e 9000" },
  { code: "5", label: "Tra 9000.01 e 12000" },
  { code: "6", label: "Tra 12000.01 e 15000" },
  { code: "7", label: "Tra 15000.01 e 20000" },
  { code: "8", label: "Oltre i 20000 euro" },
] as const satisfies CodeList;
export const SinbaFasciaISEEBeneficiario = z.enum(codesOf(sinbaFasciaISEEBeneficiario));
export type SinbaFasciaISEEBeneficiario = z.infer<typeof SinbaFasciaISEEBeneficiario>;

/** Every SINBA code list, by the name of its XSD simple type. */
export const sinbaCodeLists = {
  ComposizioneFamigliaType: sinbaComposizioneFamiglia,
  MinoreStranieroNoAccType: sinbaMinoreStranieroNoAcc,
  CondizioneMinoreType: sinbaCondizioneMinore,
  LuogoVitaType: sinbaLuogoVita,
  ScuolaFrequentataType: sinbaScuolaFrequentata,
  CondizioneLavoroType: sinbaCondizioneLavoro,
  DisabilitaType: sinbaDisabilita,
  TipoDisabilitaType: sinbaTipoDisabilita,
  InvCivCertificazioniType: sinbaInvCivCertificazioni,
  TitoloStudioType: sinbaTitoloStudio,
  OccupazioneType: sinbaOccupazione,
  FonteSegnalazioneType: sinbaFonteSegnalazione,
  ValutazioneMinoreType: sinbaValutazioneMinore,
  ValutazioneFamigliaMinoreType: sinbaValutazioneFamigliaMinore,
  SegnalazioneAutoritaGiudiziariaType: sinbaSegnalazioneAutoritaGiudiziaria,
  ProvvedimentoGiudiziarioType: sinbaProvvedimentoGiudiziario,
  AutoritaProvvedimentoType: sinbaAutoritaProvvedimento,
  PotestaTutelaType: sinbaPotestaTutela,
  TipoProvvedimentoGiudiziarioType: sinbaTipoProvvedimentoGiudiziario,
  FormaInterventoAffidoType: sinbaFormaInterventoAffido,
  TipoInterventoAffidoType: sinbaTipoInterventoAffido,
  DurataAffidoType: sinbaDurataAffido,
  CarattereAffidoType: sinbaCarattereAffido,
  EsitoAffidoType: sinbaEsitoAffido,
  CarattereInserimentoResidenzialeType: sinbaCarattereInserimentoResidenziale,
  FormaInserimentoResidenzialeType: sinbaFormaInserimentoResidenziale,
  TipoInserimentoResidenzialeType: sinbaTipoInserimentoResidenziale,
  EsitoInserimentoStrutturaType: sinbaEsitoInserimentoStruttura,
  MotivazioneChiusuraCaricoType: sinbaMotivazioneChiusuraCarico,
  SituazioneChiusuraCaricoType: sinbaSituazioneChiusuraCarico,
  CollaborazioniInterventiType: sinbaCollaborazioniInterventi,
  FasciaEtaBeneficiarioType: sinbaFasciaEtaBeneficiario,
  FasciaISEEBeneficiarioType: sinbaFasciaISEEBeneficiario,
} as const;
export type SinbaCodeListName = keyof typeof sinbaCodeLists;
