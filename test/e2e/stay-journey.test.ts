import fs from "node:fs";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/database.ts";
import { addDays, formatItalianDate, todayInRome } from "../../src/domain/time/calendar.ts";
import { readTestSettings } from "../../src/server/config.ts";
import { createActiveStructures, italianChild } from "../support/stay-fixtures.ts";
import { vatNumber } from "../support/structure-fixtures.ts";
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
import {
  chooseComune,
  expectFreePlaces,
  fillAdmission,
  launchChromium,
  openJourneyPage,
} from "./support/stay-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;

const operatorName = "Cooperativa Sociale Esempio";
const structureCode = "ST000010";
const structureName = "Comunità di prova 1";
const guestsTitle = `Ospiti – ${structureName}`;
const child = italianChild({ familyName: "Bianchi", givenName: "Luca", birthDate: "2011-05-20" });
const stayRef = "ACC-2026-001";
const secondStayRef = "ACC-2026-002";
const today = todayInRome();
const admittedOn = addDays(today, -5);
const absentFrom = addDays(today, -4);
const backOn = addDays(today, -3);
const dischargedOn = addDays(today, -1);

describe.skipIf(!hasChromium)(
  hasChromium ? "stay journey in Chromium" : `stay journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let cspViolations: string[] = [];
    let structureId = "";
    let stayPath = "";

    const openFreePlaces = (expected: { present: string; free: string }, name: string) =>
      expectFreePlaces(page, structureCode, expected, name);

    const guestRow = () => page.locator(`#guests tbody tr[data-stay-ref='${stayRef}']`);

    beforeAll(async () => {
      webRoot = await buildWebApp();
      t = await startJourneyApp(webRoot);
      await createOrganisationFor(t, "COOP", "operator", vatNumber("0123456789"), operatorName);
      await createOrganisationFor(t, "SST", "social-service", undefined, "Servizio sociale di Firenze");
      await createActiveStructures(t.db, [structureCode], 3);
      const [row] = await queryRows<{ id: string }>(
        t.db,
        sql`select id from structure where code = ${structureCode}`,
      );
      structureId = row.id;
      await createUserFor(t, "op-x", "structure-operator", "COOP", structureId);
      await createUserFor(t, "gestore", "structure-manager", "COOP");
      await createUserFor(t, "sociale", "service-operator", "SST");
      browser = await launchChromium(settings.chromiumPath);
      ({ context, page, cspViolations } = await openJourneyPage(browser));
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    it("the operator opens the guests of their structure, empty, and its free places", async () => {
      await page.goto(`${t.baseUrl}/accesso`);
      await waitForPage(page, "Accesso");
      await expectAccessible(page, "accesso");
      await logIn(page, t.baseUrl, "op-x");
      await page.getByRole("link", { name: "Posti liberi" }).first().waitFor();
      await expectAccessible(page, "pagina iniziale dell'operatore");
      await navigateTo(page, "Ospiti", guestsTitle);
      expect(new URL(page.url()).pathname).toBe(`/ospiti/${structureId}`);
      await expectTitle(page, guestsTitle);
      await page.getByText(`Nessun ospite presente il ${formatItalianDate(today)}.`).waitFor();
      await expectAccessible(page, "ospiti (nessuno)");
      await openFreePlaces({ present: "0", free: "3" }, "posti liberi prima dell'ammissione");
    });

    it("admits a child the registry does not know, entering the identity", async () => {
      await navigateTo(page, "Ospiti", guestsTitle);
      await page.getByRole("link", { name: "Nuova ammissione" }).click();
      await waitForPage(page, "Nuova ammissione");
      expect(await page.getByRole("radio", { name: "Ammissione o presa in carico" }).isChecked()).toBe(true);
      expect(await page.locator("#lookup-purpose").textContent()).toContain("registro degli accessi");
      await expectAccessible(page, "nuova ammissione: ricerca");

      await page.locator("#lookup-fiscalCode").fill(child.fiscalCode as string);
      await page.getByRole("button", { name: "Cerca nell'anagrafe" }).click();
      await page.locator("#lookup-not-found").waitFor();
      await expectAccessible(page, "nuova ammissione: minore non trovato");
      await page.getByRole("button", { name: "Inserisci l'identità del minore" }).click();
      await page.getByRole("heading", { name: "Passo 2 di 2: dati dell'ammissione" }).waitFor();
      expect(await page.locator("#field-minor-fiscalCode").inputValue()).toBe(child.fiscalCode);

      await page.getByRole("button", { name: "Registra l'ammissione" }).click();
      await page.locator("#form-error-summary").waitFor();
      expect(await page.locator("#field-stayRef-error").textContent()).toBe("Campo obbligatorio");
      expect(await page.locator("#field-admission-kind-error").textContent()).toBe("Campo obbligatorio");
      expect(await page.locator("#field-admission-reasons-error").textContent()).toBe(
        "Indicare almeno un motivo",
      );
      await expectAccessible(page, "nuova ammissione: campi mancanti");

      await page.locator("#field-minor-familyName").fill(child.familyName as string);
      await page.locator("#field-minor-givenName").fill(child.givenName as string);
      await page.locator("#field-minor-sex").selectOption("M");
      await page.locator("#field-minor-birthDate").fill(child.birthDate as string);
      await chooseComune(page, "Comune di nascita", "Firen", "Firenze (FI)");
      await page.locator("#field-minor-citizenship").selectOption("100");
      await fillAdmission(page, {
        stayRef,
        occurredOn: admittedOn,
        kind: "planned",
        legalBasis: "judicial",
        reason: "7",
      });
      await page.locator("label", { hasText: "Problemi relazionali e comportamentali" }).click();
      expect(await page.getByLabel("Problemi relazionali e comportamentali").isChecked()).toBe(true);
      await page.getByRole("button", { name: "Registra l'ammissione" }).click();

      await waitForPage(page, `Accoglienza ${stayRef}`);
      stayPath = new URL(page.url()).pathname;
      expect(stayPath).toMatch(/^\/accoglienze\/[0-9a-f-]{36}$/);
      expect(await page.locator("#event-outcome").textContent()).toContain("Ammissione registrata.");
      const summary = page.locator("#stay-summary");
      expect(await definitionOf(summary, "Stato")).toBe("In corso");
      expect(await definitionOf(summary, "Data di ammissione")).toBe(formatItalianDate(admittedOn));
      expect(await definitionOf(summary, "Base giuridica")).toBe("Giudiziale");
      await expectAccessible(page, "accoglienza appena ammessa");
    });

    it("sees the guest, starts an absence (ran away) and records the return", async () => {
      await navigateTo(page, "Ospiti", guestsTitle);
      const row = guestRow();
      await row.waitFor();
      const text = (await row.textContent()) ?? "";
      expect(text).toContain("Luca");
      expect(text).toContain(formatItalianDate(admittedOn));
      expect(await row.locator("td").nth(3).textContent()).toBe("5");
      await expectAccessible(page, "ospiti con un ospite");

      await row.getByRole("button", { name: /^Inizio allontanamento/ }).click();
      await page.locator("#event-panel-heading").waitFor();
      await expectAccessible(page, "modulo di inizio allontanamento");
      await page.locator("#field-occurredOn").fill(absentFrom);
      await page.locator("#field-absence-kind").selectOption("ran-away");
      await page.getByRole("button", { name: "Registra", exact: true }).click();
      await page.locator("#event-outcome").getByText("Inizio dell'allontanamento registrato.").waitFor();
      await expect
        .poll(async () => (await row.textContent()) ?? "")
        .toContain("Assente: Allontanamento volontario");
      await expectAccessible(page, "ospite assente");

      await row.getByRole("button", { name: /^Rientro/ }).click();
      await page.locator("#field-occurredOn").fill(backOn);
      await page.getByRole("button", { name: "Registra", exact: true }).click();
      await page.locator("#event-outcome").getByText("Rientro registrato.").waitFor();
      await expect.poll(async () => (await row.textContent()) ?? "").not.toContain("Assente");
      expect(await row.locator("td").nth(4).textContent()).toBe("1");
      await openFreePlaces({ present: "1", free: "2" }, "posti liberi dopo l'ammissione (operatore)");
      await logOut(page);
    });

    it("the social service sees the structure's places taken", async () => {
      await logIn(page, t.baseUrl, "sociale");
      const navigation = page.getByRole("navigation", { name: "Navigazione principale" });
      expect(await navigation.getByRole("link", { name: "Ospiti" }).count()).toBe(0);
      await openFreePlaces({ present: "1", free: "2" }, "posti liberi dopo l'ammissione (servizio sociale)");
      await logOut(page);
    });

    it("a discharge before the admission is refused next to its date; then the guest is discharged", async () => {
      await logIn(page, t.baseUrl, "op-x");
      await navigateTo(page, "Ospiti", guestsTitle);
      await guestRow()
        .getByRole("button", { name: /^Dimissione/ })
        .click();
      await page.locator("#event-panel-heading").waitFor();
      await page.locator("#field-occurredOn").fill(addDays(today, -10));
      await page.locator("#field-discharge-reason").selectOption("project-completed");
      await page.locator("#field-discharge-destination").selectOption("family-of-origin");
      await page.getByRole("button", { name: "Registra", exact: true }).click();
      const dateError = page.locator("#field-occurredOn-error");
      await dateError.waitFor();
      expect(await dateError.textContent()).toBe("La data di dimissione precede la data di ammissione.");
      expect(await page.locator("#field-occurredOn").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#form-error-summary").textContent()).toContain("Data di dimissione");
      await expectAccessible(page, "dimissione respinta");

      await page.locator("#field-occurredOn").fill(dischargedOn);
      await page.getByRole("button", { name: "Registra", exact: true }).click();
      await page.locator("#event-outcome").getByText("Dimissione registrata.").waitFor();
      await page.getByText(`Nessun ospite presente il ${formatItalianDate(today)}.`).waitFor();
      await expectAccessible(page, "ospiti dopo la dimissione");

      await page.locator("#guests-day").fill(addDays(today, -2));
      await page.getByRole("button", { name: "Mostra", exact: true }).click();
      await guestRow().waitFor();
      expect(new URL(page.url()).search).toBe(`?giorno=${addDays(today, -2)}`);
      await expectAccessible(page, "ospiti di un giorno passato");
      await guestRow()
        .getByRole("link", { name: /apri l'accoglienza/ })
        .click();
      await waitForPage(page, `Accoglienza ${stayRef}`);
      expect(new URL(page.url()).pathname).toBe(stayPath);
    });

    it("the stay page shows every event in arrival order, recorded by the operator", async () => {
      const events = page.locator("#stay-timeline > li");
      await expect.poll(() => events.count()).toBe(4);
      const types = await events.evaluateAll((items) =>
        items.map((item) => item.getAttribute("data-event-type")),
      );
      expect(types).toEqual(["admission", "absence-start", "absence-end", "discharge"]);
      const titles = await page.locator("#stay-timeline .event-title").allTextContents();
      expect(titles).toEqual([
        `Ammissione – ${formatItalianDate(admittedOn)}`,
        `Inizio allontanamento – ${formatItalianDate(absentFrom)}`,
        `Rientro da allontanamento – ${formatItalianDate(backOn)}`,
        `Dimissione – ${formatItalianDate(dischargedOn)}`,
      ]);
      for (const recordedBy of await page.locator("#stay-timeline .event-recorded-by").allTextContents()) {
        expect(recordedBy).toMatch(/^Registrato da op-x il /);
      }
      const summary = page.locator("#stay-summary");
      expect(await definitionOf(summary, "Stato")).toBe("Conclusa");
      expect(await definitionOf(summary, "Motivo della dimissione")).toBe("Conclusione del progetto");
      expect(await definitionOf(summary, "Destinazione")).toBe("Rientro nella famiglia di origine");
      expect(await page.getByText("Nessun collocamento precedente.").count()).toBe(1);
      await expectAccessible(page, "accoglienza conclusa");

      await page.getByRole("button", { name: "Rettifica", exact: true }).click();
      await page
        .locator("#field-corrects")
        .selectOption({ label: `Ammissione del ${formatItalianDate(admittedOn)}` });
      await expect.poll(() => page.locator("#field-admission-kind").inputValue()).toBe("planned");
      expect(await page.locator("#field-occurredOn").inputValue()).toBe(admittedOn);
      await expectAccessible(page, "modulo di rettifica");
      await page.getByRole("button", { name: "Annulla", exact: true }).click();
      await page.getByRole("button", { name: "Annullamento", exact: true }).click();
      await page.locator("#field-voids").waitFor();
      await expectAccessible(page, "modulo di annullamento");
      await page.getByRole("button", { name: "Annulla", exact: true }).click();

      await openFreePlaces({ present: "0", free: "3" }, "posti liberi dopo la dimissione (operatore)");
      await logOut(page);
    });

    it("the social service sees the place free again and downloads the table", async () => {
      await logIn(page, t.baseUrl, "sociale");
      await openFreePlaces({ present: "0", free: "3" }, "posti liberi dopo la dimissione (servizio sociale)");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Scarica la tabella delle strutture (CSV)" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`posti-liberi-${today}.csv`);
      const csv = fs.readFileSync(await download.path(), "utf8");
      expect(csv.split("\r\n")[0]).toBe(
        "\uFEFFCodice;Struttura;Zona;Tipologia;Posti autorizzati;Posti per l'emergenza;Presenti;Liberi",
      );
      expect(csv).toMatch(new RegExp(`${structureCode};${structureName};[^;]*;[^;]+;3;1;0;3`));
      await logOut(page);
    });

    it("the same child, admitted again, is found in the registry; the first stay is a previous placement", async () => {
      await logIn(page, t.baseUrl, "op-x");
      await navigateTo(page, "Ospiti", guestsTitle);
      await page.getByRole("link", { name: "Nuova ammissione" }).click();
      await waitForPage(page, "Nuova ammissione");
      await chooseRadio(page, "Cognome, nome, data di nascita e sesso");
      await page.getByLabel("Cognome", { exact: true }).fill(child.familyName as string);
      await page.getByLabel("Nome", { exact: true }).fill(child.givenName as string);
      await page.getByLabel("Data di nascita", { exact: true }).fill(child.birthDate as string);
      await page.getByLabel("Sesso", { exact: true }).selectOption("M");
      await page.getByRole("button", { name: "Cerca nell'anagrafe" }).click();
      await page.locator("#lookup-found").waitFor();
      await expectAccessible(page, "nuova ammissione: minore trovato");
      await page.getByRole("button", { name: "Usa questa identità e prosegui" }).click();
      const identity = page.locator("#admission-identity");
      await identity.waitFor();
      expect(await definitionOf(identity, "Codice fiscale")).toBe(child.fiscalCode);
      expect(await definitionOf(identity, "Cognome")).toBe(child.familyName);
      expect(await page.locator("#field-minor-familyName").count()).toBe(0);
      await expectAccessible(page, "nuova ammissione: identità dall'anagrafe");

      await fillAdmission(page, {
        stayRef: secondStayRef,
        occurredOn: today,
        kind: "emergency",
        legalBasis: "emergency-403",
        reason: "4",
      });
      await page.getByRole("button", { name: "Registra l'ammissione" }).click();
      await waitForPage(page, `Accoglienza ${secondStayRef}`);
      const previous = page.locator("#previous-placements tbody tr");
      await previous.first().waitFor();
      expect(await previous.count()).toBe(1);
      expect(await previous.first().locator("td").allTextContents()).toEqual([
        formatItalianDate(admittedOn),
        formatItalianDate(dischargedOn),
        "Comunità socio-educativa per minori",
      ]);
      await expectAccessible(page, "seconda accoglienza con collocamento precedente");
    });

    it("on the stay page an activity is recorded and voided, and the admission corrected", async () => {
      const outcome = page.locator("#event-outcome");
      await page.getByRole("button", { name: "Attività", exact: true }).click();
      await page.locator("#field-activity-code").selectOption("school");
      await page.getByRole("button", { name: "Registra", exact: true }).click();
      await outcome.getByText("Attività registrata.").waitFor();

      await page.getByRole("button", { name: "Annullamento", exact: true }).click();
      await page.locator("#field-voids").selectOption({ label: `Attività del ${formatItalianDate(today)}` });
      expect(await page.locator("#void-confirmation").textContent()).toContain(
        "Annullare l'evento «Attività",
      );
      await page.locator("#field-reason").fill("Attività registrata per errore");
      await page.getByRole("button", { name: "Conferma l'annullamento" }).click();
      await outcome.getByText("Annullamento registrato.").waitFor();

      await page.getByRole("button", { name: "Rettifica", exact: true }).click();
      await page
        .locator("#field-corrects")
        .selectOption({ label: `Ammissione del ${formatItalianDate(today)}` });
      await expect.poll(() => page.locator("#field-admission-legalBasis").inputValue()).toBe("emergency-403");
      await page.locator("#field-admission-legalBasis").selectOption("judicial");
      await page.locator("#field-reason").fill("Decreto del tribunale acquisito");
      await page.getByRole("button", { name: "Registra", exact: true }).click();
      await outcome.getByText("Rettifica registrata.").waitFor();
      expect(await page.content()).toContain("Motivazione: Decreto del tribunale acquisito");
      await expect
        .poll(() => definitionOf(page.locator("#stay-summary"), "Base giuridica"))
        .toBe("Giudiziale");

      const events = page.locator("#stay-timeline > li");
      await expect.poll(() => events.count()).toBe(4);
      const activity = events.nth(1);
      expect(await activity.getAttribute("class")).toContain("is-voided");
      expect(await activity.locator(".voided-badge").textContent()).toBe("Annullato");
      expect(await events.nth(2).locator(".event-target").textContent()).toBe(
        `Annulla: Attività del ${formatItalianDate(today)}`,
      );
      expect(await events.nth(3).locator(".event-target").textContent()).toBe(
        `Rettifica di: Ammissione del ${formatItalianDate(today)}`,
      );
      await expectAccessible(page, "cronologia con annullamento e rettifica");
      await logOut(page);
    });

    it("the structure manager follows the occupancy of the structure", async () => {
      await logIn(page, t.baseUrl, "gestore");
      await navigateTo(page, "Strutture", "Anagrafe delle strutture");
      await page.getByRole("link", { name: structureName }).click();
      await waitForPage(page, structureName);
      await expectAccessible(page, "scheda della struttura");
      await page.getByRole("link", { name: "Andamento presenze" }).click();
      await waitForPage(page, `Andamento presenze – ${structureName}`);
      await page.locator("#occupancy-chart canvas").waitFor();
      const rows = page.locator("#occupancy-table tbody tr");
      expect(await rows.count()).toBe(36);
      expect(await rows.last().locator("td").nth(0).textContent()).toBe(formatItalianDate(today));
      expect(await rows.last().locator("td").nth(1).textContent()).toBe("1");
      expect(await rows.last().locator("td").nth(2).textContent()).toBe("3");
      await expectAccessible(page, "andamento presenze");

      await navigateTo(page, "Ospiti", guestsTitle);
      expect(new URL(page.url()).pathname).toBe(`/ospiti/${structureId}`);
      await expectAccessible(page, "ospiti (responsabile)");
      expect(cspViolations).toEqual([]);
    });
  },
);
