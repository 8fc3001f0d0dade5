/** The auditor's review list of admissions to be confirmed. */
export const itAdmissionReviews = {
  title: "Ammissioni da confermare",
  intro:
    "Ogni ammissione sovrapposta a un'accoglienza precedente dello stesso minore, o registrata più di 30 giorni dopo la data di ingresso, è da confermare: la conferma il servizio inviante con il collocamento nella cartella sociale, la dimissione dall'altra accoglienza o il curatore dell'anagrafe. Qui sono tutte, confermate o no, con lo pseudonimo del minore e mai la sua identità.",
  filter: "Mostra",
  filters: {
    "to-be-confirmed": "Da confermare",
    confirmed: "Confermate",
    all: "Tutte",
  },
  tableLabel: "Ammissioni da confermare e loro conferma",
  empty: "Nessuna ammissione con questo stato.",
  columns: {
    structure: "Struttura",
    stay: "Accoglienza",
    pseudonym: "Minore (pseudonimo)",
    admissionDate: "Data di ingresso",
    reasons: "Perché",
    since: "Da quando",
    state: "Stato",
  },
  reasons: {
    overlap: "Sovrapposta a un'accoglienza precedente",
    backdated: "Registrata oltre 30 giorni dopo l'ingresso",
  },
  pending: "Da confermare",
  confirmedVia: {
    steward: "Confermata dal curatore dell'anagrafe",
    case: "Confermata dal servizio inviante (collocamento)",
    discharge: "Confermata dalla dimissione dall'altra accoglienza",
  },
  confirmedDetail: "il {{at}}",
  confirmedBy: "da {{name}}",
};
