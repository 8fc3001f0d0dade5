import fs from "node:fs";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/database.ts";
import { addDays, todayInRome } from "../../src/domain/time/calendar.ts";
import { readTestSettings } from "../../src/server/config.ts";
import {
  caseEventsUrl,
  eventsUrl,
  newKeyPair,
  publicUrl,
  signToken,
} from "../../src/server/features/events/machine-request.fixtures.ts";
import { admissionEvent, createActiveStructures } from "../support/stay-fixtures.ts";
import { vatNumber } from "../support/structure-fixtures.ts";
import { createOrganisationFor, createUserFor, type TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import { expectAccessible, logIn, navigateTo } from "./support/journey-steps.ts";
import { expectLayoutAtBothWidths } from "./support/layout-checks.ts";
import { launchChromium, openJourneyPage } from "./support/stay-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;

const structureCode = "ST000020";

describe.skipIf(!hasChromium)(
  hasChromium ? "machine clients journey in Chromium" : `machine clients journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let clientId = "";
    const pair = newKeyPair("gestionale-2026");

    /** One signed request of the interchange standard, sent over HTTP as a software house would. */
    async function sendAdmission(stayRef: string) {
      const { kid, privateKey } = await pair;
      const token = await signToken({ id: clientId, kid, privateKey }, { aud: eventsUrl });
      const event = admissionEvent(structureCode, stayRef, addDays(todayInRome(), -1));
      const response = await fetch(`${t.baseUrl}/api/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ events: [event] }),
      });
      return { status: response.status, body: (await response.json()) as { results?: { status: string }[] } };
    }

    beforeAll(async () => {
      webRoot = await buildWebApp();
      t = await startJourneyApp(webRoot, { SIRMI_PUBLIC_URL: publicUrl });
      await createOrganisationFor(
        t,
        "COOP",
        "operator",
        vatNumber("0123456789"),
        "Cooperativa Sociale Esempio",
      );
      await createActiveStructures(t.db, [structureCode], 5);
      await createUserFor(t, "gestore", "structure-manager", "COOP");
      await createOrganisationFor(t, "SST-01", "social-service", undefined, "Servizio sociale di prova");
      await createUserFor(t, "responsabile-sociale", "service-manager", "SST-01");
      await createOrganisationFor(t, "REG", "region", undefined, "Regione");
      await createUserFor(t, "revisore", "auditor", "REG");
      browser = await launchChromium(settings.chromiumPath);
      ({ context, page } = await openJourneyPage(browser));
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    it("the structure manager registers the management software with its public key", async () => {
      await logIn(page, t.baseUrl, "gestore");
      await navigateTo(page, "Gestionali", "Gestionali collegati");
      await page.getByText("Nessun gestionale registrato.").waitFor();
      await expectAccessible(page, "gestionali (nessuno)");

      await page.getByRole("button", { name: "Registra il gestionale" }).click();
      expect(await page.locator("#client-name-error").textContent()).toBe("Campo obbligatorio");
      expect(await page.locator("#client-keys-error").textContent()).toBe("Campo obbligatorio");

      await page.locator("#client-name").fill("Gestionale Esempio 4.2");
      await page.locator("label", { hasText: structureCode }).click();
      await page.locator("#client-keys").fill(JSON.stringify((await pair).jwk));
      await page.getByRole("button", { name: "Registra il gestionale" }).click();
      clientId = (await page.locator("#created-client-id").textContent()) ?? "";
      expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByRole("row", { name: /Gestionale Esempio 4\.2/ }).waitFor();
      await expectAccessible(page, "gestionali (uno registrato)");
      await expectLayoutAtBothWidths(page, "gestionali (uno registrato)");
      const [stored] = await queryRows<{ count: number }>(
        t.db,
        sql`select count(*)::int as count from machine_client where id = ${clientId}`,
      );
      expect(stored.count).toBe(1);
    });

    it("the software then sends signed events, accepted for its structure", async () => {
      const sent = await sendAdmission("GEST-001");
      expect(sent.status).toBe(200);
      expect(sent.body.results?.map((result) => result.status)).toEqual(["accepted"]);
    });

    it("the auditor reads the software's name as the actor in the access log, never its raw id", async () => {
      const actors = await queryRows<{ username: string }>(
        t.db,
        sql`select distinct username from audit_entry where username like 'sistema:client:%'`,
      );
      expect(actors.map((actor) => actor.username)).toEqual([`sistema:client:${clientId}`]);
      await logIn(page, t.baseUrl, "revisore");
      await navigateTo(page, "Registro accessi", "Registro degli accessi");
      const entry = page.locator("table tbody tr", { hasText: "Gestionale «Gestionale Esempio 4.2»" });
      await entry.first().waitFor();
      expect(await page.locator("table tbody").textContent()).not.toContain(clientId);
      await expectAccessible(page, "registro degli accessi con il gestionale");
      await expectLayoutAtBothWidths(page, "registro degli accessi");
      await logIn(page, t.baseUrl, "gestore");
      await navigateTo(page, "Gestionali", "Gestionali collegati");
    });

    it("once disabled on the page, its tokens are refused", async () => {
      page.once("dialog", (dialog) => dialog.accept());
      await page.getByRole("button", { name: "Disattiva" }).click();
      await page.getByText("Client «Gestionale Esempio 4.2» disattivato.").waitFor();
      expect(await page.getByRole("row", { name: /Gestionale Esempio 4\.2/ }).textContent()).toContain(
        "Disattivato",
      );
      const refused = await sendAdmission("GEST-002");
      expect(refused.status).toBe(401);
    });

    it("the service manager registers the service's software, with no structure, and it sends case events", async () => {
      await logIn(page, t.baseUrl, "responsabile-sociale");
      await navigateTo(page, "Gestionali", "Gestionali collegati");
      await page.getByText("Nessun gestionale registrato.").waitFor();
      expect(await page.getByText("Strutture per cui può inviare eventi").count()).toBe(0);
      const servicePair = await newKeyPair("cartella-sociale-1");
      await page.locator("#client-name").fill("Cartella sociale del Comune");
      await page.locator("#client-keys").fill(JSON.stringify(servicePair.jwk));
      await page.getByRole("button", { name: "Registra il gestionale" }).click();
      const serviceClientId = (await page.locator("#created-client-id").textContent()) ?? "";
      expect(serviceClientId).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByRole("row", { name: /Cartella sociale del Comune/ }).waitFor();
      await expectAccessible(page, "gestionali del servizio sociale");
      const token = await signToken(
        { id: serviceClientId, kid: servicePair.kid, privateKey: servicePair.privateKey },
        { aud: caseEventsUrl },
      );
      const caseId = crypto.randomUUID();
      const response = await fetch(`${t.baseUrl}/api/v1/case-events`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          events: [
            {
              id: caseId,
              type: "case-opened",
              caseId,
              occurredOn: addDays(todayInRome(), -1),
              opening: {
                minor: { familyName: "Moro", givenName: "Ilaria", sex: "F", birthDate: "2014-04-04" },
                firstReportOn: addDays(todayInRome(), -1).slice(0, 7),
                reportSource: "13",
              },
            },
          ],
        }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { results: { status: string }[] };
      expect(body.results.map((result) => result.status)).toEqual(["accepted"]);
    });
  },
);
