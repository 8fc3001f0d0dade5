import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTestSettings } from "../../src/server/config.ts";
import { ingestEvent } from "../../src/server/features/stays/index.ts";
import { admissionEvent, createActiveStructures, italianChild } from "../support/stay-fixtures.ts";
import { createOrganisationFor, createUserFor, type TestApp } from "../support/test-app.ts";
import { startJourneyApp } from "./support/journey-app.ts";
import { expectAccessible, logIn, navigateTo } from "./support/journey-steps.ts";
import { buildWebApp } from "./support/web-build.ts";

const settings = readTestSettings();
const hasChromium = fs.existsSync(settings.chromiumPath);
const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;

describe.skipIf(!hasChromium)(
  hasChromium
    ? "admissions to be confirmed journey in Chromium"
    : `admissions to be confirmed journey in Chromium – ${skipReason}`,
  () => {
    let t: TestApp & { baseUrl: string };
    let webRoot: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      webRoot = await buildWebApp();
      t = await startJourneyApp(webRoot);
      await createOrganisationFor(t, "REGIONE", "region");
      await createUserFor(t, "revisore", "auditor", "REGIONE");
      await createActiveStructures(t.db, ["ST000091"]);
      // Dated more than a year before it is recorded: a backdated admission, to be confirmed.
      await ingestEvent(
        t.db,
        { keyring: t.keyring, today: t.today },
        { kind: "user", id: randomUUID(), subject: { system: true, label: "test" }, mayWrite: () => true },
        admissionEvent(
          "ST000091",
          "tardiva-1",
          "2025-02-03",
          italianChild({ familyName: "Neri", givenName: "Iris", sex: "F" }),
        ),
      );
      browser = await chromium.launch({
        executablePath: settings.chromiumPath,
        headless: true,
        args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run"],
      });
      context = await browser.newContext({ locale: "it-IT", timezoneId: "Europe/Rome" });
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    it("the auditor finds the backdated admission in the review list, with why, and no identity", async () => {
      await logIn(page, t.baseUrl, "revisore");
      await navigateTo(page, "Ammissioni da confermare", "Ammissioni da confermare");
      const row = page.getByRole("row", { name: /tardiva-1/ });
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain("Registrata oltre 30 giorni dopo l'ingresso");
      expect(text).toContain("Da confermare");
      expect(await page.content()).not.toContain("Neri");
      await expectAccessible(page, "ammissioni da confermare");
      await page.getByLabel("Mostra").selectOption("confirmed");
      await page.getByText("Nessuna ammissione con questo stato.").waitFor();
      await expectAccessible(page, "ammissioni confermate");
    });
  },
);
