import { formatItalianDate } from "../../../../domain/time/calendar.ts";

/** The common definitions, in Italian, printed with every report that applies them. */
export const definitionTexts = {
  presence:
    "Presente nel giorno G: accoglienza con data di ammissione ≤ G e senza dimissione o con dimissione successiva a G. Il giorno della dimissione non è un giorno di presenza; il minore temporaneamente allontanato è presente.",
  countingUnit:
    "L'unità di conteggio è il minore, non l'accoglienza: un minore con più accoglienze aperte nello stesso giorno, o in struttura e in affidamento nello stesso giorno (dato da correggere), è contato una sola volta, nell'episodio più recente, e segnalato nella tabella della qualità dei dati.",
  outOfFamily:
    "Fuori famiglia: minori accolti nei servizi residenziali o in affidamento familiare residenziale. Le tabelle per collocamento riportano le due parti e il loro totale; le tabelle dei servizi residenziali e dell'affidamento sono le due parti della stessa popolazione.",
  fosterCare:
    "Affidamento familiare (definizione del Ministero): affido di carattere residenziale per almeno cinque notti a settimana, dalla data di inizio (compresa) alla fine dell'affido o alla chiusura della presa in carico (escluse), dalla cartella sociale (SINBA) del servizio che ha in carico il minore. L'affido non ha struttura: i prospetti ristretti a strutture, zone o province non lo comprendono. La cartella sociale non registra lo stato di MSNA: i minori in affidamento sono contati secondo la cittadinanza.",
  age: "Età nel giorno G: anni compiuti dalla data di nascita (un minore nato il 14 marzo compie gli anni il 14 marzo; chi è nato il 29 febbraio, il 1° marzo negli anni non bisestili). Per i pochi minori la cui data di nascita non è nel registro pseudonimo si considera come compleanno il primo giorno del mese di nascita. Nessun prospetto mostra della data di nascita più dell'anno e del mese.",
  minors:
    "Minori: 0-17 anni nel giorno di riferimento. I giovani di 18-21 anni con accoglienza ancora aperta (prosieguo amministrativo) sono riportati in tabelle proprie e non entrano nei totali dei minori. Chi ha età non nota è contato tra i minori, nella classe «età non nota».",
  ageClasses: "Classi di età (Ministero): 0-2, 3-5, 6-10, 11-14, 15-17, 18-21, non nota.",
  citizenship:
    "Cittadinanza: italiana (codice ISTAT 100), straniera (altra cittadinanza, non MSNA), MSNA (ammesso come minore straniero non accompagnato), non nota. Ogni tabella indica se comprende i MSNA.",
  ministryMsna:
    "I totali del Ministero escludono i minori stranieri non accompagnati, riportati in tabelle a parte.",
  lengthOfStay:
    "Durata dell'accoglienza: anni compiuti dalla data di ammissione: meno di 1 anno, da 1 a meno di 2, da 2 a meno di 4, 4 anni e oltre.",
  provenance:
    "Provenienza: dalla Regione, da altra Regione o non nota, secondo il comune del servizio inviante.",
  structureOnDay:
    "Le strutture sono considerate come erano nel giorno di riferimento (tipologia, comune, zona, posti autorizzati), secondo lo storico ASSO; le zone sono quelle configurate oggi dalla Regione.",
  flows:
    "Ingressi e dimissioni: l'unità è l'accoglienza o l'affido (un minore accolto due volte nell'anno conta due volte); l'età è calcolata nel giorno dell'ammissione o della dimissione, dell'inizio o della fine dell'affido.",
  zeros: "Ogni combinazione di valori è riportata, anche se pari a zero, nell'ordine delle liste di codici.",
  asOf: (asOf: string) =>
    `Situazione dei dati come registrati al ${asOf} (UTC): rettifiche e annullamenti registrati dopo tale istante non sono considerati.`,
  day: (day: string) => `Giorno di riferimento: ${formatItalianDate(day)}.`,
};

export const sourceTexts = {
  outOfFamily:
    "ASMI: accoglienze registrate dalle strutture; SINBA: episodi di affidamento familiare delle cartelle sociali dei servizi, nella versione registrata all'istante indicato; anagrafe unica dei minori per sesso, anno e mese di nascita e cittadinanza; ASSO per tipologia, comune e posti delle strutture.",
  stays:
    "ASMI: accoglienze registrate dalle strutture (applicazione web o eventi dei loro gestionali), nella versione registrata all'istante indicato; anagrafe unica dei minori per sesso, anno e mese di nascita e cittadinanza; ASSO per tipologia, comune e posti delle strutture.",
  structures:
    "ASSO: anagrafe delle strutture con lo storico delle versioni; ASMI: accoglienze registrate dalle strutture.",
  events:
    "ASMI: eventi accettati (ammissioni, dimissioni, allontanamenti e rientri, attività) con data del fatto e istante di registrazione.",
  procura:
    "ASMI: accoglienze della struttura nel semestre; identità dalla cassaforte cifrata dell'anagrafe unica, lette per obbligo di legge (L. 184/1983) e registrate nel registro degli accessi.",
};
