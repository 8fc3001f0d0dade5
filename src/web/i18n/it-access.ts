import { signInRefusals } from "../../domain/access/sign-in-outcomes.ts";

/** Texts of signing in (SPID/CIE, local accounts and their steps), sessions and people. */
export const itAccess = {
  provider: {
    heading: "Accesso con identità digitale",
    intro:
      "Gli operatori di comuni, ASL, servizi e cooperative accedono con SPID o CIE tramite il servizio di identità della Regione.",
    button: "Entra con SPID o CIE",
    localHeading: "Accesso con account locale",
    loggedOut: "Sei uscito da S.I.R.MI e dal servizio di identità.",
  },
  refusal: {
    title: "Accesso non riuscito",
    again: "Torna alla pagina di accesso",
    reasons: signInRefusals,
    unknown: "L'accesso non è riuscito.",
    notEnabledTitle: "Utente non abilitato",
    levelTitle: "Livello di autenticazione insufficiente",
  },
  secondFactor: {
    title: "Verifica in due passaggi",
    intro:
      "Inserire il codice di 6 cifre mostrato dall'app di autenticazione, oppure uno dei codici di recupero.",
    code: "Codice",
    submit: "Verifica",
    failed: "Verifica non riuscita",
  },
  passwordChange: {
    title: "Cambia la password",
    intro: "La password è temporanea o è stata reimpostata: sceglierne una nuova prima di continuare.",
    rules:
      "Almeno 12 caratteri; non una password comune o comparsa in violazioni di dati, né il nome utente. Una frase di più parole va bene.",
    current: "Password attuale",
    next: "Nuova password",
    repeat: "Ripeti la nuova password",
    mismatch: "Le due password non coincidono",
    submit: "Cambia la password",
    failed: "Cambio non riuscito",
  },
  enrolment: {
    title: "Attiva la verifica in due passaggi",
    intro:
      "Il tuo ruolo vede le identità dei minori: con l'account locale serve un secondo fattore. Inquadra il codice QR con un'app di autenticazione (per esempio FreeOTP, Google Authenticator, Microsoft Authenticator), poi inserisci il codice che mostra.",
    start: "Mostra il codice QR",
    qrAlt: "Codice QR da inquadrare con l'app di autenticazione",
    manual: "Se non puoi inquadrare il codice, inserisci a mano questa chiave nell'app:",
    code: "Codice mostrato dall'app",
    confirm: "Conferma",
    failed: "Attivazione non riuscita",
    recoveryTitle: "Codici di recupero",
    recoveryIntro:
      "Conserva questi codici in un luogo sicuro: ciascuno vale una volta sola, se non hai con te il dispositivo. Non saranno mostrati di nuovo.",
    continue: "Ho conservato i codici: continua",
  },
  chooseRole: {
    unavailable:
      "Non disponibile con il livello di autenticazione di questa sessione (livello {{level}}; serve il livello {{required}}).",
    levelNote:
      "Alcuni ruoli vedono le identità dei minori e richiedono SPID di livello 2 o superiore, CIE, oppure password e codice temporaneo.",
  },
  sessions: {
    title: "Le mie sessioni",
    caption: "Sessioni aperte",
    created: "Aperta",
    lastSeen: "Ultima attività",
    method: "Accesso",
    device: "Dispositivo",
    level: "Livello",
    current: "Questa sessione",
    revoke: "Chiudi",
    methods: { password: "Account locale", oidc: "SPID / CIE" },
    none: "Nessuna sessione aperta.",
    link: "Le mie sessioni",
  },
  people: {
    intro:
      "Persone della propria organizzazione (o, per l'amministratore regionale, il personale della Regione e le nomine dei responsabili). Ogni modifica è scritta nel registro degli accessi.",
    signIn: "Accesso",
    viaProvider: "SPID/CIE",
    viaPassword: "account locale",
    secondFactor: "Secondo fattore",
    mustChange: "password da cambiare",
    suspended: "sospeso",
    actions: "Azioni",
    resetPassword: "Reimposta la password",
    resetSecondFactor: "Rimuovi il secondo fattore",
    suspend: "Sospendi",
    reactivate: "Riattiva",
    closeSessions: "Chiudi le sessioni",
    revokeRole: "Revoca {{role}}",
    temporaryPassword:
      "Password temporanea di {{username}} (mostrata una sola volta, da cambiare al primo accesso): {{password}}",
    done: "Fatto.",
    fiscalCode: "Codice fiscale (per l'accesso con SPID o CIE)",
    fiscalCodeHint: "Conservato solo come impronta cifrata, mai in chiaro",
    localAccount: "Account locale con password temporanea",
    createdWithoutPassword: "Utente {{username}} creato: accederà con SPID o CIE.",
  },
};
