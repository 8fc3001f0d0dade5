import fs from "node:fs";
import net from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTestSettings } from "../../src/server/config.ts";
import { fiscalCodeDigest } from "../../src/server/features/access/account-digests.ts";
import { createUserWithRole } from "../../src/server/features/access/users.service.ts";
import { startTestProvider, type TestProvider, testClientSecret } from "../support/oidc-test-provider.ts";
import { codeAtStep, nextCodeFor, rememberSecondFactor } from "../support/second-factor-codes.ts";
import { createOrganisationFor, createUserFor, type TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import { expectAccessible, logIn, logOut, navigateTo, waitForPage } from "./support/journey-steps.ts";
import { launchChromium, openJourneyPage } from "./support/stay-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!hasChromium)(
  hasChromium ? "sign-in journey in Chromium" : `sign-in journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let provider: TestProvider;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let cspViolations: string[];

    beforeAll(async () => {
      const webRoot = await buildWebApp();
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      provider = await startTestProvider({
        redirectUris: [`${base}/api/v1/session/oidc/callback`],
        postLogoutRedirectUris: [`${base}/accesso?uscita=provider`],
        people: {
          "p-rossi": { fiscalNumber: "TINIT-RSSMRA80A01H501U", name: "Mario Rossi (operatore)" },
          "p-ignoto": { fiscalNumber: "TINIT-BNCGNN90C03F205X", name: "Gianni Bianchi (non registrato)" },
        },
      });
      t = await startJourneyApp(
        webRoot,
        {
          SIRMI_PUBLIC_URL: base,
          SIRMI_OIDC_ISSUER: provider.issuer,
          SIRMI_OIDC_CLIENT_ID: "sirmi",
          SIRMI_OIDC_CLIENT_SECRET: testClientSecret,
        },
        port,
      );
      await createOrganisationFor(t, "COOP", "operator", undefined, "Cooperativa Il Melograno");
      await createUserFor(t, "gestore", "structure-manager", "COOP");
      await createUserWithRole(
        t.db,
        { system: true, label: "test" },
        {
          username: "mrossi",
          displayName: "Mario Rossi",
          password: null,
          role: "structure-operator",
          organisationCode: "COOP",
          fiscalCodeDigest: fiscalCodeDigest(t.keyring, "RSSMRA80A01H501U"),
        },
      );
      browser = await launchChromium(settings.chromiumPath);
      ({ context, page, cspViolations } = await openJourneyPage(browser));
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      await provider?.close();
    });

    async function signInWithSpid(person: string, level: "1" | "2") {
      await context.clearCookies();
      await page.goto(`${t.baseUrl}/accesso`);
      await waitForPage(page, "Accesso");
      await page.getByRole("link", { name: "Entra con SPID o CIE" }).click();
      await page.getByRole("heading", { name: "Servizio di identità di prova" }).waitFor();
      await page.getByLabel("Persona").selectOption(person);
      await page.getByLabel("Livello SPID").selectOption(level);
      await page.getByRole("button", { name: "Entra" }).click();
    }

    it("signs in with SPID level 2 and logs out at the provider too", async () => {
      await page.goto(`${t.baseUrl}/accesso`);
      await waitForPage(page, "Accesso");
      await expectAccessible(page, "accesso con SPID/CIE e account locale");
      await signInWithSpid("p-rossi", "2");
      await waitForPage(page, "Pagina iniziale");
      expect(await page.locator("main").textContent()).toContain("Operatore di struttura");
      await expectAccessible(page, "pagina iniziale dopo SPID");
      await page.getByRole("button", { name: "Esci" }).click();
      await page.getByRole("button", { name: "Yes, sign me out" }).click();
      await waitForPage(page, "Accesso");
      await page.getByText("Sei uscito da S.I.R.MI e dal servizio di identità.").waitFor();
      await expectAccessible(page, "accesso dopo l'uscita");
    });

    it("explains a level too low for a role that sees identities", async () => {
      await signInWithSpid("p-rossi", "1");
      await waitForPage(page, "Livello di autenticazione insufficiente");
      expect(await page.getByRole("alert").textContent()).toContain("SPID di livello 2");
      await expectAccessible(page, "livello insufficiente");
    });

    it("answers «utente non abilitato» to a person not registered", async () => {
      await signInWithSpid("p-ignoto", "2");
      await waitForPage(page, "Utente non abilitato");
      expect(await page.getByRole("alert").textContent()).toContain("Utente non abilitato");
      await expectAccessible(page, "utente non abilitato");
    });

    it("a manager creates an operator, who changes the password and enrols the second factor", async () => {
      await logIn(page, t.baseUrl, "gestore");
      await navigateTo(page, "Utenti", "Utenti");
      await page.locator("#user-username").fill("nuovo.operatore");
      await page.locator("#user-displayName").fill("Nuovo Operatore");
      await page.locator("#user-role").selectOption("structure-operator");
      await page.getByRole("button", { name: "Crea l'utente" }).click();
      const created = (await page.locator("#user-created").textContent()) ?? "";
      const temporaryPassword = /: (\S+)$/.exec(created.trim())?.[1] as string;
      expect(temporaryPassword).toHaveLength(16);
      await page.locator("tr[data-username='nuovo.operatore']").waitFor();
      // The temporary password is shown back once: random letters, no code to translate.
      await expectAccessible(page, "utenti del responsabile", [temporaryPassword]);
      await logOut(page);

      await page.getByLabel("Nome utente", { exact: true }).fill("nuovo.operatore");
      await page.getByLabel("Password", { exact: true }).fill(temporaryPassword);
      await page.getByRole("button", { name: "Accedi" }).click();
      await waitForPage(page, "Cambia la password");
      await expectAccessible(page, "cambio della password");
      await page.getByLabel("Password attuale").fill(temporaryPassword);
      await page.getByLabel("Nuova password", { exact: true }).fill("Password12345!");
      await page.getByLabel("Ripeti la nuova password").fill("Password12345!");
      await page.getByRole("button", { name: "Cambia la password" }).click();
      await page.getByText("tra quelle più comuni").first().waitFor();
      await page.getByLabel("Nuova password", { exact: true }).fill("la mia frase di prova 42");
      await page.getByLabel("Ripeti la nuova password").fill("la mia frase di prova 42");
      await page.getByRole("button", { name: "Cambia la password" }).click();

      await waitForPage(page, "Attiva la verifica in due passaggi");
      await page.getByRole("button", { name: "Mostra il codice QR" }).click();
      await page.getByRole("img", { name: "Codice QR da inquadrare con l'app di autenticazione" }).waitFor();
      await expectAccessible(page, "attivazione del secondo fattore");
      const secret = ((await page.locator("#totp-secret").textContent()) ?? "").trim();
      const step = Math.floor(Date.now() / 30_000);
      await page.getByLabel("Codice mostrato dall'app").fill(codeAtStep(secret, step));
      await page.getByRole("button", { name: "Conferma" }).click();
      await waitForPage(page, "Codici di recupero");
      expect(await page.locator("#recovery-codes li").count()).toBe(10);
      await expectAccessible(page, "codici di recupero");
      await page.getByRole("button", { name: "Ho conservato i codici: continua" }).click();
      await waitForPage(page, "Pagina iniziale");
      rememberSecondFactor("nuovo.operatore", secret, step);

      await logOut(page);
      await page.getByLabel("Nome utente", { exact: true }).fill("nuovo.operatore");
      await page.getByLabel("Password", { exact: true }).fill("la mia frase di prova 42");
      await page.getByRole("button", { name: "Accedi" }).click();
      await waitForPage(page, "Verifica in due passaggi");
      await expectAccessible(page, "secondo fattore");
      await page.getByLabel("Codice", { exact: true }).fill(await nextCodeFor("nuovo.operatore"));
      await page.getByRole("button", { name: "Verifica" }).click();
      await waitForPage(page, "Pagina iniziale");
      await page.getByRole("link", { name: "Le mie sessioni" }).click();
      await waitForPage(page, "Le mie sessioni");
      await expectAccessible(page, "le mie sessioni");
      expect(cspViolations).toEqual([]);
    });
  },
);
