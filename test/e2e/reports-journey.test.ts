import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/database.ts";
import type { ReportResult } from "../../src/domain/reports/report.ts";
import { todayInRome } from "../../src/domain/time/calendar.ts";
import { readTestSettings } from "../../src/server/config.ts";
import { ingestEvents } from "../../src/server/features/stays/ingest-event.ts";
import { admissionEvent, createActiveStructures, italianChild } from "../support/stay-fixtures.ts";
import { vatNumber } from "../support/structure-fixtures.ts";
import { createOrganisationFor, createUserFor, type TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import { expectAccessible, logIn, navigateTo, waitForPage } from "./support/journey-steps.ts";
import { expectProtectedChartsExplained } from "./support/report-checks.ts";
import { launchChromium, openJourneyPage } from "./support/stay-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;

const structureCode = "ST000010";
const structureName = "Comunità di prova 1";
const today = todayInRome();
const dashboardTitle = "Monitoraggio minori fuori famiglia";
const ageSexTable = "#out-of-family-stock-by-age-class-sex";

/** Four children admitted today: few enough that the published tables must hide cells. */
const children = [
  italianChild({ familyName: "Bianchi", givenName: "Luca", sex: "M", birthDate: "2012-03-14" }),
  italianChild({ familyName: "Verdi", givenName: "Anna", sex: "F", birthDate: "2010-06-20" }),
  italianChild({ familyName: "Neri", givenName: "Sara", sex: "F", birthDate: "2015-01-05" }),
  italianChild({ familyName: "Conti", givenName: "Piero", sex: "M", birthDate: "2011-07-07" }),
];

describe.skipIf(!hasChromium)(
  hasChromium ? "reports journey in Chromium" : `reports journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    /** The report as the API gives it to the logged-in user of the page. */
    const apiReport = async (path: string): Promise<ReportResult> => {
      const response = await page.request.get(`${t.baseUrl}/api/v1/reports/${path}`);
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as ReportResult;
    };

    /** Each count cell of a table on screen (a row, or a cell of a cross-table): its key and text. */
    const countsShown = (selector: string) =>
      page
        .locator(`${selector} tbody [data-key]`)
        .evaluateAll((cells) =>
          cells.map((cell) => [
            cell.getAttribute("data-key") ?? "",
            (cell.getAttribute("data-measure") === "count"
              ? cell
              : cell.querySelector("[data-measure='count']")
            )?.textContent?.trim() ?? "",
          ]),
        );

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
      await createOrganisationFor(t, "REG", "region", undefined, "Regione");
      await createOrganisationFor(t, "OSS", "observatory", undefined, "Osservatorio regionale");
      await createActiveStructures(t.db, [structureCode], 6);
      await createUserFor(t, "analista", "region-analyst", "REG");
      await createUserFor(t, "osservatorio", "observatory", "OSS");
      await createUserFor(t, "gestore", "structure-manager", "COOP");
      const results = await ingestEvents(
        t.db,
        { keyring: t.keyring, today },
        { kind: "user", id: randomUUID(), subject: { system: true, label: "test" }, mayWrite: () => true },
        children.map((child, index) => admissionEvent(structureCode, `ACC-R-${index + 1}`, today, child)),
      );
      expect(results.map((result) => result.status)).toEqual(children.map(() => "accepted"));
      browser = await launchChromium(settings.chromiumPath);
      ({ context, page } = await openJourneyPage(browser));
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    it("the analyst sees a chart and its table, with the API's numbers, and downloads a CSV", async () => {
      await logIn(page, t.baseUrl, "analista");
      await navigateTo(page, "Monitoraggio", dashboardTitle);
      await page.locator(`${ageSexTable} tbody tr`).first().waitFor();
      await page.locator(`${ageSexTable}-chart canvas`).waitFor();
      expect(await page.locator(`${ageSexTable}-chart`).getAttribute("role")).toBe("img");
      expect(await page.locator(`${ageSexTable}-chart`).getAttribute("aria-label")).toContain(
        "I dati sono nella tabella",
      );
      expect(await page.locator("#out-of-family-stock-notice").textContent()).toContain(
        "non soggetto a tutela statistica",
      );

      const report = await apiReport(`out-of-family-stock?date=${today}`);
      const table = report.tables.find((candidate) => candidate.id === "by-age-class-sex");
      expect(table?.total).toBe(children.length);
      const expected = (table?.rows ?? []).map((row) => [`${row.ageClass}|${row.sex}`, String(row.count)]);
      expect(await countsShown(ageSexTable)).toEqual(expected);
      expect((await page.locator(`${ageSexTable} tfoot .report-total`).textContent())?.trim()).toBe(
        String(children.length),
      );
      await page.locator("#trend-by-month-citizenship-group-chart canvas").waitFor();
      await expectAccessible(page, "cruscotto dell'analista");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator("#out-of-family-stock-downloads a[data-format='csv']").click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = fs.readFileSync((await download.path()) as string, "utf8");
      expect(csv).toContain("non soggetto a tutela statistica");
    });

    it("the observatory sees suppressed cells as «c» with the legend and the threshold", async () => {
      await logIn(page, t.baseUrl, "osservatorio");
      await navigateTo(page, "Monitoraggio", dashboardTitle);
      const notice = page.locator("#out-of-family-stock-notice");
      await notice.locator(".report-legend").waitFor();
      expect(await notice.textContent()).toContain("soglia 3");
      expect(await notice.textContent()).toContain("c = dato non pubblicabile");

      const report = await apiReport(`out-of-family-stock?date=${today}`);
      expect(report.suppression).toEqual({ applied: true, threshold: 3 });
      const table = report.tables.find((candidate) => candidate.id === "by-age-class-sex");
      const expected = (table?.rows ?? []).map((row) => [
        `${row.ageClass}|${row.sex}`,
        row.flag === "c" ? "c" : String(row.count),
      ]);
      expect(expected.some(([, shown]) => shown === "c")).toBe(true);
      await page.locator(`${ageSexTable} td[data-flag='c']`).first().waitFor();
      expect(await countsShown(ageSexTable)).toEqual(expected);
      // Protected cells are hatched «c» bars explained by a legend, never zero bars; blank
      // margins are explained by a note.
      const legend = page.locator(`${ageSexTable}-chart-legend`);
      expect(await legend.textContent()).toContain("Barre tratteggiate «c»: dati protetti");
      expect(await page.locator(`${ageSexTable}-chart`).getAttribute("aria-label")).toMatch(
        /(Un valore è un dato protetto|\d+ valori sono dati protetti)/,
      );
      expect(await page.locator(`${ageSexTable} tfoot [data-blank-total]`).count()).toBeGreaterThan(0);
      expect(await page.locator(`${ageSexTable}-blank-totals`).textContent()).toContain(
        "I totali lasciati vuoti non sono pubblicati",
      );
      await expectProtectedChartsExplained(page);
      await expectAccessible(page, "cruscotto dell'osservatorio");
      await page.goto(`${t.baseUrl}/report?report=ministry-survey`);
      await waitForPage(page, "Report");
      await page.locator("#report-result table").first().waitFor();
      await expectAccessible(page, "catalogo dei report");
    });

    it("the structure manager sees their structure and downloads the Procura list, recorded", async () => {
      await logIn(page, t.baseUrl, "gestore");
      await navigateTo(page, "Dati della struttura", `Dati della struttura – ${structureName}`);
      await page.locator("#occupancy-by-structure tbody tr").first().waitFor();
      expect(await page.locator("#procura").textContent()).toContain("obbligo di legge");
      await expectAccessible(page, "dati della struttura");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Scarica l'elenco in PDF" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const pdf = fs.readFileSync((await download.path()) as string);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const entries = await queryRows<{ purpose: string; username: string }>(
        t.db,
        sql`select purpose, username from audit_entry where purpose = 'legal-obligation'`,
      );
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((entry) => entry.username === "gestore")).toBe(true);
    });

    it("a structure manager has no regional dashboard", async () => {
      await page.goto(`${t.baseUrl}/monitoraggio`);
      await waitForPage(page, "Si è verificato un problema");
      expect(
        await page
          .getByRole("navigation", { name: "Navigazione principale" })
          .getByRole("link", { name: "Monitoraggio", exact: true })
          .count(),
      ).toBe(0);
    });
  },
);
