import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * On a page of published reports, each table with protected («c») cells explains them: its chart
 * has the legend of the hatched bars (or of the gaps), or, when every value is protected, a
 * sentence replaces the chart; no chart of such a table is drawn without explanation.
 */
export async function expectProtectedChartsExplained(page: Page) {
  const blocks = await page.locator(".report-block").evaluateAll((elements) =>
    elements.map((block) => {
      const protectedCells = block.querySelectorAll("td[data-flag='c']").length;
      const shownCells = block.querySelectorAll("tbody td[data-measure]:not([data-flag='c'])").length;
      return {
        table: block.getAttribute("data-table"),
        protectedCells,
        shownCells,
        hasChart: block.querySelector(".echart") !== null,
        hasLegend: block.querySelector(".report-chart-legend") !== null,
        hasAllProtectedNote: block.querySelector(".report-chart-protected") !== null,
      };
    }),
  );
  const withProtected = blocks.filter((block) => block.protectedCells > 0);
  expect(withProtected.length, "tabelle con celle protette").toBeGreaterThan(0);
  for (const block of withProtected) {
    expect(block.hasAllProtectedNote && block.hasChart, `grafico vuoto disegnato per ${block.table}`).toBe(
      false,
    );
    if (block.hasChart) expect(block.hasLegend, `legenda dei dati protetti per ${block.table}`).toBe(true);
  }
  return blocks;
}
