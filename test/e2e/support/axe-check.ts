import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

const axeSource = fs.readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core on the page as it is now and returns its violations as readable lines. The
 * app's CSP forbids inline scripts, so axe is evaluated through the DevTools protocol instead of
 * being added as a <script> tag.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => typeof (window as { axe?: unknown }).axe !== "undefined");
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations as AxeViolation[];
  });
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? "n/d"}): ${JSON.stringify(node.target)} – ${violation.help}`,
    ),
  );
}
