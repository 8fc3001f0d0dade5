import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { ingestEvent } from "../../src/server/features/stays/index.ts";
import { admissionEvent, createActiveStructures, italianChild } from "../support/stay-fixtures.ts";
import { createOrganisationFor, createUserFor } from "../support/test-app.ts";
import { expectAccessible, logIn, navigateTo } from "./support/journey-steps.ts";
import { describeJourney } from "./support/journey-suite.ts";

describeJourney(
  "admissions to be confirmed journey in Chromium",
  async (t) => {
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
  },
  (journey) => {
    it("the auditor finds the backdated admission in the review list, with why, and no identity", async () => {
      const { page, t } = journey;
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
