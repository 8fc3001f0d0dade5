/** Texts of the pages every public administration's system links from its footer. */
export const itLegal = {
  links: {
    accessibility: "Dichiarazione di accessibilità",
    privacy: "Informativa privacy",
    legalNotes: "Note legali",
    help: "Assistenza",
  },
  logoAlt: "Logo: {{regionName}}",
  regionWebsite: "Sito istituzionale: {{regionName}}",
  contactBy: "Scrivere a",
  notConfigured: "(indirizzo non ancora indicato dall'amministrazione)",
  accessibility: {
    title: "Dichiarazione di accessibilità",
    intro:
      "{{regionName}} si impegna a rendere accessibile il proprio sistema informativo S.I.R.MI, in conformità alla legge 9 gennaio 2004, n. 4 e al decreto legislativo 10 agosto 2018, n. 106, che recepisce la direttiva (UE) 2016/2102.",
    statusHeading: "Stato di conformità",
    status:
      "Il sistema è parzialmente conforme ai requisiti della norma UNI CEI EN 301549 (WCAG 2.1, livello AA) per i motivi indicati sotto. Ogni pagina è verificata con uno strumento automatico (axe-core) a ogni modifica del software, anche alla larghezza di uno smartphone.",
    exceptionsHeading: "Contenuti non accessibili",
    exceptions:
      "I grafici sono immagini: accanto a ciascuno una tabella riporta gli stessi dati, leggibile con le tecnologie assistive. I documenti PDF dei report sono generati automaticamente e possono non avere tutti i marcatori di struttura; gli stessi dati sono scaricabili in CSV e XLSX.",
    statementHeading: "Dichiarazione pubblicata",
    statementLink: "La dichiarazione compilata sul sito dell'Agenzia per l'Italia Digitale",
    statementPending: "La dichiarazione è compilata ogni anno, entro il 23 settembre, sul sito dell'AgID.",
    feedbackHeading: "Meccanismo di feedback",
    feedback:
      "Chi incontra un ostacolo nell'uso del sistema può segnalarlo all'assistenza, indicando la pagina e la difficoltà: riceverà una risposta entro 30 giorni.",
    enforcementHeading: "Procedura di attuazione",
    enforcement:
      "In caso di risposta insoddisfacente o di mancata risposta entro 30 giorni, è possibile inviare una segnalazione al Difensore civico per il digitale presso l'AgID (articolo 3-quinquies della legge 4/2004).",
    enforcementLink: "Il modulo di segnalazione al Difensore civico per il digitale",
  },
  privacy: {
    title: "Informativa sul trattamento dei dati personali",
    intro:
      "Informativa resa ai sensi degli articoli 13 e 14 del Regolamento (UE) 2016/679 (GDPR) a chi usa il sistema e alle persone i cui dati vi sono registrati.",
    controllerHeading: "Titolare e responsabile della protezione dei dati",
    controller: "Titolare del trattamento è {{regionName}}.",
    dpo: "Il responsabile della protezione dei dati (RPD) è raggiungibile all'indirizzo",
    purposesHeading: "Finalità e base giuridica",
    purposes:
      "I dati sono trattati per la vigilanza sulle strutture residenziali per minori, la programmazione regionale dei servizi, le comunicazioni alla Procura della Repubblica presso il Tribunale per i minorenni (legge 4 maggio 1983, n. 184) e i flussi informativi nazionali sui minori fuori famiglia. Il trattamento è necessario per adempiere un obbligo di legge e per eseguire un compito di interesse pubblico (articolo 6, paragrafo 1, lettere c ed e, e articolo 9, paragrafo 2, lettera g, del GDPR; articolo 2-sexies del Codice in materia di protezione dei dati personali).",
    dataHeading: "Dati trattati",
    data: "Dei minori: dati anagrafici, custoditi cifrati e separati dal resto, e dati sull'accoglienza, identificati da uno pseudonimo; i report pubblicati contengono solo conteggi protetti. Degli utenti: nome, ente di appartenenza, ruolo e registro degli accessi.",
    recipientsHeading: "Destinatari",
    recipients:
      "Vedono i dati solo le persone autorizzate, secondo il protocollo di accesso: le strutture per i propri ospiti, i servizi sociali per i minori in carico, gli uffici regionali per i dati aggregati. Ogni lettura dell'identità di un minore è registrata e verificabile.",
    retentionHeading: "Conservazione",
    retention:
      "I dati sono conservati per il tempo previsto dalla normativa sugli archivi pubblici e per le finalità indicate; il registro degli accessi è conservato per verificare chi ha visto che cosa.",
    rightsHeading: "Diritti",
    rights:
      "Gli interessati possono chiedere al titolare l'accesso ai dati, la loro rettifica, la limitazione del trattamento od opporsi, nei limiti previsti dalla legge (articoli 15–22 del GDPR), scrivendo al responsabile della protezione dei dati. È possibile proporre reclamo al Garante per la protezione dei dati personali.",
  },
  legalNotes: {
    title: "Note legali",
    useHeading: "Uso del sistema",
    use: "S.I.R.MI è un sistema riservato agli utenti autorizzati da {{regionName}} e dagli enti che vi aderiscono. Ogni accesso è personale, è registrato e può essere verificato; l'uso per fini diversi da quelli istituzionali è vietato e può costituire reato (articolo 615-ter del codice penale).",
    contentsHeading: "Contenuti",
    contents:
      "I testi e i report pubblicati sono di {{regionName}}. I dati aggregati possono essere riutilizzati citando la fonte; i dati personali non possono essere comunicati né diffusi fuori dai casi previsti dalla legge.",
    responsibilityHeading: "Responsabilità",
    responsibility:
      "I dati sono inseriti dalle strutture e dai servizi che ne rispondono; la Regione ne cura la raccolta e la pubblicazione aggregata. I collegamenti a siti esterni sono forniti per comodità e la Regione non risponde del loro contenuto.",
  },
  help: {
    title: "Assistenza",
    intro:
      "Per problemi di accesso, dubbi sull'uso delle pagine o segnalazioni di errori, scrivere all'assistenza di S.I.R.MI di {{regionName}}.",
    contactHeading: "Recapito",
    whatHeading: "Che cosa indicare",
    what: "Il proprio nome utente, l'ente, la pagina (il suo indirizzo) e che cosa si stava facendo. Per un minore indicare solo lo pseudonimo o il codice dell'accoglienza: mai nome, cognome, codice fiscale o data di nascita.",
    accessHeading: "Accesso e credenziali",
    access:
      "Chi accede con nome utente e password e non ricorda la password si rivolge al referente del proprio ente, che gestisce le utenze della propria organizzazione.",
  },
} as const;
