import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/database.ts";
import { addDays, formatItalianDate, todayInRome } from "../../src/domain/time/calendar.ts";
import { readTestSettings } from "../../src/server/config.ts";
import { type EventSource, ingestEvent } from "../../src/server/features/stays/ingest-event.ts";
import {
  admissionEvent,
  arrivedChild,
  createActiveStructures,
  dischargeEvent,
  italianChild,
  simpleEvent,
} from "../support/stay-fixtures.ts";
import { vatNumber } from "../support/structure-fixtures.ts";
import { createOrganisationFor, createUserFor, type TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import { expectAccessible, logIn, navigateTo, waitForPage } from "./support/journey-steps.ts";
import { boxOf, expectPageFits, laptopWidth, phoneWidth, setViewportWidth } from "./support/layout-checks.ts";
import { launchChromium, openJourneyPage } from "./support/stay-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;

const structureCode = "ST000060";
const structureName = "Comunità di prova 1";
const guestsTitle = `Ospiti – ${structureName}`;
const today = todayInRome();
const longAgo = addDays(today, -300);

describe.skipIf(!hasChromium)(
  hasChromium ? "guests journey in Chromium" : `guests journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let cspViolations: string[] = [];
    const requestedUrls: string[] = [];
    let structureId = "";
    const pseudonyms: Record<string, string> = {};

    const row = (stayRef: string) => page.locator(`#guests tbody tr[data-stay-ref='${stayRef}']`);
    const shownRefs = () =>
      page
        .locator("#guests tbody tr[data-stay-ref]")
        .evaluateAll((rows) => rows.map((item) => item.getAttribute("data-stay-ref")));
    const openGuests = async (day?: string) => {
      await page.goto(`${t.baseUrl}/ospiti/${structureId}${day ? `?giorno=${day}` : ""}`);
      await waitForPage(page, guestsTitle);
      await page.locator("#guests").waitFor();
    };

    beforeAll(async () => {
      webRoot = await buildWebApp();
      t = await startJourneyApp(webRoot);
      await createOrganisationFor(
        t,
        "COOP",
        "operator",
        vatNumber("0123456789"),
        "Cooperativa Sociale Esempio",
      );
      await createActiveStructures(t.db, [structureCode, "ST000061"], 6);
      const [found] = await queryRows<{ id: string }>(
        t.db,
        sql`select id from structure where code = ${structureCode}`,
      );
      structureId = found.id;
      await createUserFor(t, "op-g", "structure-operator", "COOP", structureId);
      const source: EventSource = {
        kind: "user",
        id: randomUUID(),
        subject: { system: true, label: "percorso E2E" },
        mayWrite: () => true,
      };
      const send = async (event: object) => {
        const result = await ingestEvent(t.db, { keyring: t.keyring, today }, source, event);
        expect(result.status, JSON.stringify(result.errors)).toBe("accepted");
      };
      const luca = italianChild({ familyName: "Bianchi", givenName: "Luca", birthDate: "2011-05-20" });
      await send(admissionEvent(structureCode, "OSP-1", addDays(today, -20), luca));
      await send(admissionEvent(structureCode, "OSP-2", addDays(today, -10), arrivedChild()));
      await send(
        simpleEvent("absence-start", structureCode, "OSP-2", addDays(today, -2), {
          absence: { kind: "ran-away" },
        }),
      );
      // Admitted elsewhere first, then here from an earlier day: two stays to correct.
      const marta = italianChild({
        familyName: "Verdi",
        givenName: "Marta",
        sex: "F",
        birthDate: "2012-01-05",
      });
      await send(admissionEvent("ST000061", "ALTRA-1", addDays(today, -5), marta));
      await send(admissionEvent(structureCode, "OSP-3", addDays(today, -10), marta));
      // The same boy as OSP-2, maybe, with his name spelt another way: both records to verify.
      await send(
        admissionEvent(structureCode, "OSP-4", addDays(today, -3), arrivedChild({ givenName: "Yusuf" })),
      );
      // Hosted long ago: on that day's list, but no longer in charge of the structure.
      const elena = italianChild({
        familyName: "Neri",
        givenName: "Elena",
        sex: "F",
        birthDate: "2010-02-03",
      });
      await send(admissionEvent(structureCode, "OSP-0", addDays(today, -400), elena));
      await send(dischargeEvent(structureCode, "OSP-0", addDays(today, -200)));
      for (const stay of await queryRows<{ stayRef: string; pseudonym: string }>(
        t.db,
        sql`select s.stay_ref as "stayRef", m.pseudonym from stay s join minor m on m.id = s.minor_id`,
      ))
        pseudonyms[stay.stayRef] = stay.pseudonym;
      browser = await launchChromium(settings.chromiumPath);
      ({ context, page, cspViolations } = await openJourneyPage(browser));
      page.on("request", (request) => requestedUrls.push(request.url()));
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    it("on a laptop the table fits its box with every badge, and no action button is cut off", async () => {
      await setViewportWidth(page, laptopWidth);
      await logIn(page, t.baseUrl, "op-g");
      await navigateTo(page, "Ospiti", guestsTitle);
      await page.locator("#guests").waitFor();
      expect(await shownRefs()).toEqual(["OSP-1", "OSP-2", "OSP-3", "OSP-4"]);
      expect(await row("OSP-2").textContent()).toContain("Assente: Allontanamento volontario");
      expect(await row("OSP-3").textContent()).toContain("Sovrapposizione da rettificare");
      expect(await row("OSP-4").textContent()).toContain("Possibile doppione in anagrafe");
      expect(await row("OSP-2").textContent()).toContain("Possibile doppione in anagrafe");
      await expectPageFits(page, "ospiti");
      const box = await boxOf(page.locator(".guests-region"), ".guest-actions .btn");
      expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
      expect(box.insideRights).toHaveLength(12);
      for (const right of box.insideRights) expect(right).toBeLessThanOrEqual(box.right);
      await expectAccessible(page, "ospiti (1366 px)");
    });

    it("searches by first name, pseudonym or reference and filters present, absent and flagged guests", async () => {
      const search = page.getByRole("searchbox", { name: "Cerca per nome, pseudonimo o riferimento" });
      const status = page.locator("#guests-shown");
      await search.fill("luca");
      await expect.poll(shownRefs).toEqual(["OSP-1"]);
      expect(await status.textContent()).toBe("Mostrato 1 ospite su 4");
      await expectAccessible(page, "ospiti cercati per nome");
      await search.fill(pseudonyms["OSP-3"].slice(0, 10).toLowerCase());
      await expect.poll(shownRefs).toEqual(["OSP-3"]);
      await search.fill("osp-4");
      await expect.poll(shownRefs).toEqual(["OSP-4"]);
      await search.fill("Giulia");
      await page.locator("#guests-no-match").waitFor();
      expect(await page.locator("#guests").count()).toBe(0);
      await expectAccessible(page, "nessun ospite corrisponde");
      await search.fill("");

      await page.getByLabel("Presenza", { exact: true }).selectOption("absent");
      await expect.poll(shownRefs).toEqual(["OSP-2"]);
      await page.getByLabel("Presenza", { exact: true }).selectOption("present");
      await expect.poll(shownRefs).toEqual(["OSP-1", "OSP-3", "OSP-4"]);
      await page.getByLabel("Presenza", { exact: true }).selectOption("all");
      await page.locator("label", { hasText: "Solo con segnalazioni da verificare" }).click();
      await expect.poll(shownRefs).toEqual(["OSP-2", "OSP-3", "OSP-4"]);
      expect(await status.textContent()).toBe("Mostrati 3 ospiti su 4");
      await expectAccessible(page, "ospiti con segnalazioni");
      await page.getByRole("button", { name: "Azzera ricerca e filtri" }).click();
      await expect.poll(shownRefs).toEqual(["OSP-1", "OSP-2", "OSP-3", "OSP-4"]);

      // Searched in the browser: nothing typed went to the server or into an address.
      expect(new URL(page.url()).search).toBe("");
      const leaks = requestedUrls.filter((url) => /luca|giulia/i.test(decodeURIComponent(url)));
      expect(leaks).toEqual([]);
    });

    it("an event's form opens right under its guest, titled with the child's first name", async () => {
      await row("OSP-1")
        .getByRole("button", { name: /^Attività/ })
        .click();
      const panelRow = page.locator("#guests tbody tr.guest-panel-row");
      await panelRow.waitFor();
      expect(await row("OSP-1").evaluate((item) => item.nextElementSibling?.className)).toBe(
        "guest-panel-row",
      );
      const heading = page.locator("#event-panel-heading");
      expect(await heading.textContent()).toBe(`Attività di Luca (${pseudonyms["OSP-1"]})`);
      await expect.poll(() => heading.evaluate((item) => item === document.activeElement)).toBe(true);
      const button = row("OSP-1").getByRole("button", { name: /^Attività/ });
      expect(await button.getAttribute("aria-expanded")).toBe("true");
      expect(await button.getAttribute("aria-controls")).toBe("guest-action");
      await expectAccessible(page, "modulo di attività sotto l'ospite");
      await page.locator("#field-activity-code").selectOption("school");
      await page.getByRole("button", { name: "Registra", exact: true }).click();
      await page.locator("#event-outcome").getByText("Attività registrata.").waitFor();
      expect(await panelRow.count()).toBe(0);
      await expectPageFits(page, "ospiti dopo un'attività");
    });

    it("on a phone the page keeps its width: the table scrolls inside its box, the form stays in view", async () => {
      await setViewportWidth(page, phoneWidth);
      await openGuests();
      await expectPageFits(page, "ospiti (390 px)");
      const box = await boxOf(page.locator(".guests-region"), ".guest-actions .btn");
      expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
      expect(box.right).toBeLessThanOrEqual(phoneWidth);
      await expectAccessible(page, "ospiti (390 px)");

      await row("OSP-3")
        .getByRole("button", { name: /^Dimissione/ })
        .click();
      const heading = page.locator("#event-panel-heading");
      await heading.waitFor();
      expect(await heading.textContent()).toBe(`Dimissione di Marta (${pseudonyms["OSP-3"]})`);
      const panel = await page.locator(".guest-panel").boundingBox();
      expect(panel?.x).toBeGreaterThanOrEqual(0);
      expect((panel?.x ?? 0) + (panel?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(phoneWidth);
      await expectPageFits(page, "modulo di dimissione (390 px)");
      await expectAccessible(page, "modulo di dimissione (390 px)");
      await page.getByRole("button", { name: "Annulla", exact: true }).click();
      expect(await page.locator(".guest-panel").count()).toBe(0);
    });

    it("a past day lists a child no longer in charge by pseudonym only, here and on the stay", async () => {
      await setViewportWidth(page, laptopWidth);
      await openGuests(longAgo);
      expect(await row("OSP-0").locator("td").nth(0).textContent()).toBe("—");
      expect(await row("OSP-0").locator("td").nth(1).textContent()).toBe("—");
      await page.getByRole("searchbox", { name: "Cerca per pseudonimo o riferimento" }).waitFor();
      await expectAccessible(page, `ospiti del ${formatItalianDate(longAgo)}`);
      await row("OSP-0")
        .getByRole("link", { name: new RegExp(`^${pseudonyms["OSP-0"]}`) })
        .click();
      await waitForPage(page, "Accoglienza OSP-0");
      expect(await page.locator("#stay-minor").textContent()).toBe(`Pseudonimo: ${pseudonyms["OSP-0"]}`);
      expect(await page.locator("#stay-structure").textContent()).toBe(
        `Struttura: ${structureName} (${structureCode})`,
      );
      expect(await page.locator("main").textContent()).not.toContain("Elena");
      await expectAccessible(page, "accoglienza di un minore non più in carico");
    });

    it("the stay page names the child and the structure, and titles its forms with the name", async () => {
      for (const width of [phoneWidth, laptopWidth]) {
        await setViewportWidth(page, width);
        await openGuests();
        await row("OSP-1")
          .getByRole("link", { name: /apri l'accoglienza/ })
          .click();
        await waitForPage(page, "Accoglienza OSP-1");
        expect(await page.locator("#stay-minor").textContent()).toBe(
          `Minore: Luca Bianchi (pseudonimo ${pseudonyms["OSP-1"]})`,
        );
        expect(await page.locator("#stay-structure").textContent()).toBe(
          `Struttura: ${structureName} (${structureCode})`,
        );
        await page.getByRole("button", { name: "Attività", exact: true }).click();
        expect(await page.locator("#event-panel-heading").textContent()).toBe(
          `Attività di Luca Bianchi (${pseudonyms["OSP-1"]})`,
        );
        await expectPageFits(page, `accoglienza (${width} px)`);
        await expectAccessible(page, `accoglienza con il nome del minore (${width} px)`);
      }
      await page.goto(`${t.baseUrl}/ospiti/${structureId}`);
      await waitForPage(page, guestsTitle);
      await row("OSP-4").waitFor();
      expect(await row("OSP-4").textContent()).toContain("Possibile doppione in anagrafe");
      await row("OSP-4")
        .getByRole("link", { name: /apri l'accoglienza/ })
        .click();
      await waitForPage(page, "Accoglienza OSP-4");
      await page.locator("#stay-possible-duplicate").waitFor();
      await expectAccessible(page, "accoglienza di un possibile doppione");
      expect(cspViolations).toEqual([]);
    });
  },
);
