/** Texts of the reports: the regional dashboard, the catalogue and a structure's own figures. */
export const itReports = {
  dashboard: {
    title: "Monitoraggio minori fuori famiglia",
    intro:
      "Minori accolti nei servizi residenziali della Regione: presenti, andamento, entrate e uscite dell'anno, posti liberi. Ogni grafico ha la sua tabella di dati e i file da scaricare.",
    filters: "Giorno, anno e territorio",
    date: "Presenti il giorno",
    year: "Anno di entrate e uscite",
    zone: "Zona distretto",
    province: "Provincia",
    apply: "Aggiorna",
    catalogueLink: "Tutti i report e i file per Ministero e ISTAT",
  },
  headline: {
    title: "In sintesi",
    total: "Minori fuori famiglia",
    change: "Variazione su un anno prima",
    changeDetail: "Il {{date}}: {{figure}}",
    fosterShare: "In affidamento familiare",
    msna: "Di cui minori stranieri non accompagnati",
    youngAdults: "Giovani di 18-21 anni in prosieguo",
    withheld: "non pubblicabile",
    index: "In questa pagina",
    backToIndex: "Torna all'indice",
  },
  sections: {
    stock: "Minori presenti",
    stockIntro: "Minori presenti il {{date}}.",
    outOfFamily: "Minori fuori famiglia",
    outOfFamilyIntro:
      "Minori fuori famiglia il {{date}}: nei servizi residenziali e in affidamento familiare, affiancati e insieme. L'affidamento non ha struttura: con un filtro per zona o provincia le tabelle riguardano le strutture.",
    trend: "Andamento mensile",
    trendIntro: "Minori presenti alla fine di ogni mese, dal {{from}} al {{to}}, per gruppo di cittadinanza.",
    occupancy: "Posti occupati e liberi",
    occupancyIntro: "Posti autorizzati, presenti e posti liberi il {{date}}, per zona e per struttura.",
    structureOccupancyIntro: "Posti autorizzati, presenti e posti liberi il {{date}}.",
    admissions: "Entrate dell'anno",
    admissionsIntro: "Accoglienze iniziate nel {{year}}.",
    discharges: "Uscite dell'anno",
    dischargesIntro: "Accoglienze concluse nel {{year}}.",
  },
  table: {
    chartLabel: "Grafico: {{title}}. I dati sono nella tabella «{{title}}» che segue.",
    total: "Totale",
    msnaIncluded: "Include i minori stranieri non accompagnati (MSNA).",
    msnaExcluded: "Esclude i minori stranieri non accompagnati (MSNA).",
    empty: "Nessun dato per i criteri scelti.",
    suppressedCell: "dato riservato",
  },
  chart: {
    allProtected:
      "Grafico non disegnato: tutti i valori di questa tabella sono dati protetti dal segreto statistico (c). Le altre righe e i totali, se pubblicabili, sono nella tabella.",
    protectedCount_one: "Un valore è un dato protetto (c), segnato da una barra tratteggiata.",
    protectedCount_other: "{{count}} valori sono dati protetti (c), segnati da barre tratteggiate.",
    protectedBars:
      "Barre tratteggiate «c»: dati protetti dal segreto statistico. Il valore non è mostrato (da 1 a {{below}}, oppure oscurato perché non si ricavi dai totali): l'altezza della barra non è il dato.",
    protectedGaps:
      "Le interruzioni della linea sono dati protetti dal segreto statistico (c): il valore non è mostrato.",
    blankTotals:
      "I totali lasciati vuoti non sono pubblicati: comprendono dati protetti (c), che se ne potrebbero ricavare per differenza.",
    blankTotal: "totale non pubblicato",
  },
  notice: {
    asOf: "Dati registrati fino al {{instant}} (ora italiana).",
    internal: "Vista interna non pubblicabile.",
    published:
      "Dati pubblicati con tutela statistica: sono oscurate le celle con valori da 1 a {{below}} (soglia {{threshold}}) e, dove serve, altre celle da cui si potrebbero ricavare per differenza dai totali.",
    legendTitle: "Legenda",
    legendSuppressed: "c = dato non pubblicabile per la tutela del segreto statistico",
    legendDash: "— = dato non applicabile",
    definitions: "Definizioni applicate",
    source: "Fonte: {{source}}",
  },
  downloads: {
    label: "Scarica «{{title}}»",
    csv: "CSV",
    xlsx: "XLSX",
    pdf: "PDF",
    reportLabel: "Scarica il report completo",
  },
  catalogue: {
    title: "Report",
    intro:
      "Tutti i report del sistema, calcolati dai dati registrati. Scegliere i parametri e scaricare il formato desiderato; gli stessi dati sono disponibili nell'API.",
    parameters: "Parametri di «{{title}}»",
    show: "Mostra a schermo",
    asOf: "Come noto al (facoltativo)",
    asOfField: "Come noto al",
    asOfHint:
      "Data e ora italiane (di Roma): riproduce il report con i soli dati registrati fino a quell'istante.",
    asOfInvalid: "Come noto al: indicare una data e un'ora valide (ora italiana).",
    asOfFuture: "Come noto al: l'istante non può essere nel futuro (ora italiana).",
    publication: "Versione per la pubblicazione (con tutela statistica)",
    invalid: "Completare i parametri richiesti.",
    result: "Risultato",
  },
  parameters: {
    date: "Giorno",
    year: "Anno",
    from: "Dal",
    to: "Al",
    structure: "Struttura",
    semester: "Semestre",
    zone: "Zona distretto",
    province: "Provincia",
    provinceHint: "Sigla della provincia, ad esempio FI",
  },
  semester: {
    first: "1° semestre {{year}} (gennaio–giugno)",
    second: "2° semestre {{year}} (luglio–dicembre)",
  },
  structure: {
    title: "Dati della struttura",
    titleOf: "Dati della struttura – {{name}}",
    intro:
      "Le cifre della propria struttura: posti e presenze, ospiti per classe d'età e sesso, entrate e uscite dell'anno.",
    show: "Mostra",
    none: "Nessuna struttura con codice regionale è associata al ruolo attivo.",
    procura: "Elenco semestrale per la Procura minorile",
    procuraIntro:
      "L'elenco nominativo dei minori accolti nel semestre, per l'obbligo semestrale di comunicazione alla Procura della Repubblica presso il Tribunale per i minorenni. Si produce per il semestre in corso e per il precedente; per un semestre più vecchio occorre un accesso di emergenza per ciascun minore.",
    procuraAudit:
      "Lo scaricamento contiene dati identificativi ed è registrato nel registro degli accessi con finalità «obbligo di legge».",
    procuraManagerOnly: "L'elenco può essere scaricato solo dal responsabile della struttura.",
    procuraPdf: "Scarica l'elenco in PDF",
    procuraXlsx: "Scarica l'elenco in XLSX",
  },
} as const;
