import fs from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MinorIdentity } from "../../src/domain/registry/minor-identity.ts";
import { todayInRome } from "../../src/domain/time/calendar.ts";
import { readTestSettings } from "../../src/server/config.ts";
import { arrivedChild, italianChild, resolveIdentity } from "../support/registry-fixtures.ts";
import { createOrganisationFor, createUserFor, type TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import {
  chooseRadio,
  definitionOf,
  expectAccessible,
  expectTitle,
  logIn,
  logOut,
  navigateTo,
  waitForPage,
} from "./support/journey-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;

const regionName = "Regione Umbria";
const child = italianChild();
const fiscalCode = child.fiscalCode as string;
const wrongCheckCharacter = `${fiscalCode.slice(0, 15)}${fiscalCode[15] === "A" ? "B" : "A"}`;
const searchTitle = "Anagrafe minori – Ricerca";

describe.skipIf(!hasChromium)(
  hasChromium ? "registry journey in Chromium" : `registry journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const cspViolations: string[] = [];
    const requestedUrls: string[] = [];
    let italianPseudonym = "";
    let olderPseudonym = "";
    let newerPseudonym = "";

    const resolve = (identity: MinorIdentity) =>
      resolveIdentity(t.db, identity, { keyring: t.keyring, today: todayInRome() });

    beforeAll(async () => {
      webRoot = await buildWebApp();
      t = await startJourneyApp(webRoot, { SIRMI_REGION_NAME: regionName, SIRMI_REGION_CODE: "10" });
      await createOrganisationFor(t, "REGIONE", "region", undefined, regionName);
      await createOrganisationFor(t, "COOP-ESEMPIO", "operator", undefined, "Cooperativa Sociale Esempio");
      await createUserFor(t, "operatore", "structure-operator", "COOP-ESEMPIO");
      await createUserFor(t, "curatore", "registry-steward", "REGIONE");
      await createUserFor(t, "analista", "region-analyst", "REGIONE");
      italianPseudonym = (await resolve(child)).pseudonym;
      const older = await resolve(arrivedChild({ birthDate: "2010-06-02" }));
      const newer = await resolve(arrivedChild({ birthDate: "2010-02-06" }));
      expect(newer.outcome).toBe("possible-duplicate");
      olderPseudonym = older.pseudonym;
      newerPseudonym = newer.pseudonym;

      browser = await chromium.launch({
        executablePath: settings.chromiumPath,
        headless: true,
        args: [
          "--no-sandbox",
          "--disable-background-networking",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
      context = await browser.newContext({ locale: "it-IT", timezoneId: "Europe/Rome" });
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on("request", (request) => requestedUrls.push(request.url()));
      page.on("console", (message) => {
        if (message.type() === "error" && message.text().includes("Content Security Policy")) {
          cspViolations.push(message.text());
        }
      });
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    it("the structure operator declares the purpose and finds the child by fiscal code", async () => {
      await logIn(page, t.baseUrl, "operatore");
      expect(await page.locator("#region-name").textContent()).toBe(regionName);
      await navigateTo(page, "Anagrafe minori", searchTitle);
      await expectTitle(page, searchTitle);
      expect(await page.locator("#lookup-fiscalCode").count()).toBe(0);
      expect(await page.locator("#lookup-purpose").textContent()).toContain("registro degli accessi");
      await expectAccessible(page, "ricerca nell'anagrafe minori");

      await chooseRadio(page, "Ammissione o presa in carico");
      await page.getByRole("textbox", { name: "Codice fiscale", exact: true }).fill(fiscalCode.toLowerCase());
      await page.getByRole("button", { name: "Cerca nell'anagrafe" }).click();
      const result = page.locator("#lookup-result");
      await result.getByRole("heading", { name: "Minore presente nell'anagrafe" }).waitFor();
      expect(await page.locator("#lookup-pseudonym").textContent()).toBe(`Pseudonimo: ${italianPseudonym}`);
      expect(await definitionOf(result, "Codice fiscale")).toBe(fiscalCode);
      expect(await definitionOf(result, "Cognome")).toBe("Rossi");
      expect(await definitionOf(result, "Nome")).toBe("Mario");
      expect(await definitionOf(result, "Sesso")).toBe("Maschio");
      expect(await definitionOf(result, "Data di nascita")).toBe("14/03/2012");
      await expect.poll(() => definitionOf(result, "Luogo di nascita")).toBe("Firenze (FI)");
      expect(await definitionOf(result, "Cittadinanza")).toBe("Italia");
      await expectAccessible(page, "minore trovato");
    });

    it("a wrong check character is refused in Italian next to the field", async () => {
      const field = page.getByRole("textbox", { name: "Codice fiscale", exact: true });
      await field.fill(wrongCheckCharacter);
      await page.getByRole("button", { name: "Cerca nell'anagrafe" }).click();
      const error = page.locator("#lookup-fiscalCode-error");
      await error.waitFor();
      expect(await error.textContent()).toMatch(/^Carattere di controllo errato: atteso «.», trovato «.»$/);
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      expect(await field.getAttribute("aria-describedby")).toContain("lookup-fiscalCode-error");
      await expectAccessible(page, "codice fiscale errato");
    });

    it("the search by names finds the same child; other names find nobody; no URL held identity data", async () => {
      await chooseRadio(page, "Cognome, nome, data di nascita e sesso");
      await page.getByLabel("Cognome", { exact: true }).fill("Rossi");
      await page.getByLabel("Nome", { exact: true }).fill("Mario");
      await page.getByLabel("Data di nascita", { exact: true }).fill("2012-03-14");
      await page.getByLabel("Sesso", { exact: true }).selectOption("M");
      await page.getByRole("button", { name: "Cerca nell'anagrafe" }).click();
      await page.locator("#lookup-found").waitFor();
      expect(await page.locator("#lookup-pseudonym").textContent()).toBe(`Pseudonimo: ${italianPseudonym}`);

      await page.getByLabel("Cognome", { exact: true }).fill("Bianchi");
      await page.getByRole("button", { name: "Cerca nell'anagrafe" }).click();
      const notFound = page.locator("#lookup-not-found");
      await notFound.waitFor();
      expect(await notFound.textContent()).toContain(
        "Nessun minore corrisponde esattamente ai dati inseriti",
      );
      await expectAccessible(page, "nessun minore trovato");

      requestedUrls.push(page.url());
      const identifying = [fiscalCode, wrongCheckCharacter, "ROSSI", "MARIO", "BIANCHI", "2012-03-14"];
      const leaks = requestedUrls.filter((url) =>
        identifying.some((value) => decodeURIComponent(url).toUpperCase().includes(value)),
      );
      expect(leaks).toEqual([]);
      expect(new URL(page.url()).pathname).toBe("/anagrafe/ricerca");
      expect(new URL(page.url()).search).toBe("");
      await logOut(page);
    });

    it("the registry steward merges the pair with a reason, then undoes the merge", async () => {
      await logIn(page, t.baseUrl, "curatore");
      await navigateTo(page, "Possibili duplicati", "Possibili duplicati");
      const card = page.locator("article", { hasText: olderPseudonym });
      await card.waitFor();
      expect(await card.textContent()).toContain(newerPseudonym);
      expect(await card.textContent()).toContain("Giorno e mese di nascita invertiti");
      expect(await card.textContent()).toMatch(/Somiglianza: \d{1,3}%/);
      await expect.poll(async () => (await card.locator("tbody").textContent()) ?? "").toContain("Marocco");
      await expectAccessible(page, "possibili duplicati");

      await card.getByRole("link", { name: newerPseudonym }).click();
      await waitForPage(page, `Scheda minore ${newerPseudonym}`);
      expect(await page.locator("#possible-duplicate").textContent()).toBe("Possibile duplicato");
      await expectAccessible(page, "scheda di un minore in revisione");
      await page.goBack();
      await waitForPage(page, "Possibili duplicati");

      await card.getByRole("button", { name: "Stesso minore: unisci" }).click();
      const reason = card.getByLabel("Motivazione", { exact: true });
      await card.getByRole("button", { name: "Conferma l'unione" }).click();
      expect(await card.locator(".invalid-feedback").textContent()).toBe(
        "Indicare la motivazione (almeno 3 caratteri)",
      );
      await expectAccessible(page, "motivazione mancante");
      await reason.fill("Stesso ragazzo: giorno e mese invertiti al primo arrivo");
      await card.getByRole("button", { name: "Conferma l'unione" }).click();
      const outcome = page.locator("#registry-outcome");
      await outcome.waitFor();
      expect(await outcome.textContent()).toBe(`Unione registrata: resta il minore ${olderPseudonym}.`);
      await page.getByText("Non ci sono coppie da rivedere.").waitFor();

      const merges = page.locator("#minor-merges tbody tr");
      await merges.first().waitFor();
      expect(await merges.count()).toBe(1);
      const row = merges.first();
      expect(await row.textContent()).toContain(olderPseudonym);
      expect(await row.textContent()).toContain(newerPseudonym);
      expect(await row.textContent()).toContain("In vigore");
      await expectAccessible(page, "unione registrata");

      await row.getByRole("button", { name: /^Annulla unione/ }).click();
      await page.getByRole("button", { name: "Conferma l'annullamento" }).click();
      await page.locator("#undo-merge-reason-error").waitFor();
      await page
        .getByLabel("Motivazione dell'annullamento")
        .fill("Verificato con la struttura: sono due fratelli");
      await page.getByRole("button", { name: "Conferma l'annullamento" }).click();
      await expect
        .poll(() => outcome.textContent())
        .toBe(
          `Unione annullata: ${olderPseudonym} e ${newerPseudonym} sono di nuovo due record distinti e la coppia torna tra quelle da rivedere.`,
        );
      await expect.poll(async () => (await row.textContent()) ?? "").toMatch(/Annullata il/);
      expect(await row.getByRole("button", { name: /^Annulla unione/ }).count()).toBe(0);

      // The undo sends the pair back to the steward, with why it was undone.
      const undone = card.locator(".pair-undone");
      await undone.waitFor();
      expect(await undone.textContent()).toContain(
        "Motivazione dell'annullamento: Verificato con la struttura: sono due fratelli",
      );
      expect(await undone.textContent()).toContain(
        "Motivazione dell'unione annullata: Stesso ragazzo: giorno e mese invertiti al primo arrivo",
      );
      expect(await card.locator(".pair-overlap").textContent()).toBe(
        "Le accoglienze dei due record non si sovrappongono.",
      );
      await expectAccessible(page, "unione annullata, coppia di nuovo da rivedere");
      await card.getByRole("button", { name: "Minori diversi", exact: true }).click();
      await card.getByLabel("Motivazione", { exact: true }).fill("Sono due fratelli");
      await card.getByRole("button", { name: "Conferma: minori diversi" }).click();
      await page.getByText("Non ci sono coppie da rivedere.").waitFor();

      await row.getByRole("link", { name: newerPseudonym }).click();
      await waitForPage(page, "Pagina non trovata");
      expect(await page.locator("main").textContent()).toContain("non è visibile con il ruolo attivo");
      await logOut(page);
    });

    it("the region analyst opens a minor's pseudonymous record by pseudonym", async () => {
      await logIn(page, t.baseUrl, "analista");
      const navigation = page.getByRole("navigation", { name: "Navigazione principale" });
      expect(await navigation.getByRole("link", { name: "Anagrafe minori" }).count()).toBe(0);
      expect(await navigation.getByRole("link", { name: "Possibili duplicati" }).count()).toBe(0);
      await navigateTo(page, "Schede dei minori", "Schede dei minori");
      await expectAccessible(page, "apertura di una scheda");
      await page.getByLabel("Pseudonimo", { exact: true }).fill(italianPseudonym.toLowerCase());
      await page.getByRole("button", { name: "Apri la scheda" }).click();
      await waitForPage(page, `Scheda minore ${italianPseudonym}`);
      expect(new URL(page.url()).pathname).toBe(`/anagrafe/minori/${italianPseudonym}`);
      const record = page.locator("#minor-record");
      expect(await definitionOf(record, "Pseudonimo")).toBe(italianPseudonym);
      expect(await definitionOf(record, "Sesso")).toBe("Maschio");
      expect(await definitionOf(record, "Mese e anno di nascita")).toBe("marzo 2012");
      expect(await definitionOf(record, "Cittadinanza")).toBe("Italia");
      expect(await definitionOf(record, "Comune di residenza")).toBe("Non indicato");
      expect(await page.locator("#possible-duplicate").count()).toBe(0);
      expect(await page.locator("main").textContent()).not.toContain("Rossi");
      await expectAccessible(page, "scheda del minore");

      await page.goto(`${t.baseUrl}/anagrafe/minori/ZZZZ9999`);
      await waitForPage(page, "Pagina non trovata");
      await expectAccessible(page, "minore non trovato");
      expect(cspViolations).toEqual([]);
    });
  },
);
