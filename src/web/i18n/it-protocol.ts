/** The access protocol page: the table of the policy, and the principles as the system applies them. */
export const itProtocol = {
  title: "Protocollo di accesso",
  intro:
    "Chi accede a che cosa, e su quali record. Un record fuori dal proprio ambito risulta inesistente; un'azione non consentita al ruolo è rifiutata.",
  caption: "Azioni consentite per ruolo e ambito dei record raggiungibili",
  action: "Azione",
  principlesHeading: "Come si applicano le regole",
  principles: {
    relationship:
      "Una relazione non si autodichiara. L'ammissione apre subito l'identità del minore accolto, perché serve alla cura; ma se il minore era già accolto, e lo è ancora, in una struttura di un altro ente gestore, la relazione è da confermare: la nuova struttura legge l'identità ma non la corregge, e la correzione va alla revisione del referente dell'anagrafe. La relazione si conferma con la dimissione dall'altra struttura.",
    sameDoor:
      "La stessa regola in ogni vista. Il personale di una struttura vede l'identità di un minore solo con un'accoglienza in corso o conclusa da meno di 90 giorni (89 giorni sì, 90 no): nella scheda, nell'identità e negli ospiti di qualunque giorno, anche passato. L'elenco per la Procura si produce per il semestre in corso e per il precedente; per un semestre più vecchio elenca solo i minori per cui il responsabile ha un accesso di emergenza in corso, altrimenti è rifiutato.",
    breakGlass:
      "Accesso di emergenza, mai una porta di servizio. Fuori da ogni relazione, l'identità di un minore si apre solo con una motivazione scritta, per 24 ore; ogni lettura è segnalata nel registro degli accessi e l'accesso finisce nella coda del revisore, che lo accetta o ne chiede conto. Scaduto, il minore torna inesistente per chi lo aveva aperto.",
    noOracles:
      "Nessun indizio. Una lettura d'identità rifiutata o mancata è registrata come una concessa; chi non ha il permesso riceve lo stesso rifiuto per un minore esistente e per uno che non esiste; una correzione che non si può applicare subito (codice fiscale già di un altro minore, relazione da confermare) ha sempre la stessa risposta, «inviata alla revisione», e solo il revisore ne legge il motivo.",
    noCache: "Nessun dato personale resta in memoria: ogni risposta dell'API dice Cache-Control: no-store.",
  },
} as const;
