import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { readTestSettings } from "../../../src/server/config.ts";
import type { TestApp } from "../../support/test-app.ts";
import { startJourneyApp } from "./journey-app.ts";
import { launchChromium, openJourneyPage } from "./stay-steps.ts";
import { buildWebApp } from "./web-build.ts";

export type JourneyApp = TestApp & { baseUrl: string };

/** What a journey's cases reach once the suite has started: the app and the browser's page. */
export type Journey = { readonly t: JourneyApp; readonly page: Page };

/**
 * A journey in Debian's Chromium: the built web app served by the real app on a private
 * database, `setUp` run on it, then one Italian page for every case in order; everything closed
 * after the last. Skipped, saying why, on a machine without Chromium.
 */
export function describeJourney(
  title: string,
  setUp: (t: JourneyApp) => Promise<void>,
  cases: (journey: Journey) => void,
) {
  const settings = readTestSettings();
  const hasChromium = fs.existsSync(settings.chromiumPath);
  const skipReason = `Chromium non trovato in ${settings.chromiumPath} (impostare SIRMI_CHROMIUM): percorso E2E saltato`;
  let t: JourneyApp | undefined;
  let webRoot: string | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const started = <Value>(value: Value | undefined): Value => {
    if (value === undefined) throw new Error("The journey has not started");
    return value;
  };
  const journey: Journey = {
    get t() {
      return started(t);
    },
    get page() {
      return started(page);
    },
  };
  describe.skipIf(!hasChromium)(hasChromium ? title : `${title} – ${skipReason}`, () => {
    beforeAll(async () => {
      webRoot = await buildWebApp();
      t = await startJourneyApp(webRoot);
      await setUp(t);
      browser = await launchChromium(settings.chromiumPath);
      ({ context, page } = await openJourneyPage(browser));
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
    });

    cases(journey);
  });
}
