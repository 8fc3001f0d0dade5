/**
 * Why a sign-in through the Region's provider (SPID/CIE) was refused: the code travels to the
 * web app's page /accesso/esito, which explains it in Italian; the same code is in the log.
 */
export const signInRefusals = {
  "not-configured": "L'accesso con SPID o CIE non è configurato in questa installazione.",
  "provider-unavailable":
    "Il servizio di identità della Regione non risponde in questo momento: riprovare più tardi.",
  "provider-error": "L'accesso è stato annullato o rifiutato presso il servizio di identità.",
  "state-invalid":
    "La richiesta di accesso non è valida o è scaduta (è stata aperta in un'altra finestra, usata due volte o alterata): ripartire dalla pagina di accesso.",
  "code-invalid": "Il codice di autorizzazione non è valido, è scaduto o è già stato usato.",
  "token-invalid":
    "La risposta del servizio di identità non ha superato i controlli di sicurezza (emittente, destinatario, firma, algoritmo o scadenza).",
  "claims-missing":
    "Il servizio di identità non ha indicato il codice fiscale o il livello di autenticazione riconosciuto.",
  "user-not-enabled":
    "Utente non abilitato: la persona autenticata non è registrata in S.I.R.MI o il suo utente è sospeso. Rivolgersi al responsabile della propria organizzazione.",
  "level-insufficient":
    "Il livello di autenticazione usato non basta per i ruoli che vedono le identità dei minori: accedere con SPID di livello 2 o superiore, o con CIE.",
} as const;
export type SignInRefusal = keyof typeof signInRefusals;
export const signInRefusalCodes = Object.keys(signInRefusals) as SignInRefusal[];
