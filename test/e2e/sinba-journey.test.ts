import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { queryRows } from "../../src/db/database.ts";
import { newKeyPair, signToken } from "../../src/server/features/events/machine-request.fixtures.ts";
import { violationsOf, waasBase } from "../../src/server/features/inps-waas/inps-waas.fixtures.ts";
import { createFlorenceService, hostedChildWithCase } from "../support/sinba-case-fixtures.ts";
import { italianChild } from "../support/stay-fixtures.ts";
import { createOrganisationFor, createUserFor, json, logInAs } from "../support/test-app.ts";
import { expectAccessible, logIn, navigateTo, waitForPage } from "./support/journey-steps.ts";
import { describeJourney, type JourneyApp } from "./support/journey-suite.ts";

const complete = italianChild({
  familyName: "Conti",
  givenName: "Elia",
  sex: "M",
  birthDate: "2012-06-14",
  residenceComune: "048017",
});
const waiting = italianChild({
  familyName: "Greco",
  givenName: "Nora",
  sex: "F",
  birthDate: "2013-02-20",
  residenceComune: "048017",
});
const rejection = "Codice prestazione non ammesso per la tipologia di intervento";
let waitingPseudonym = "";
let idFlusso = "";

type Entries = { elenco_flussi: { id_flusso: string; ts_flusso: string; flusso: string }[] };

/** INPS calls its e-service as it does in production: a ModI token whose aud is the endpoint's URL. */
async function asInps(
  t: JourneyApp,
  client: { id: string; kid: string; privateKey: CryptoKey },
  method: "GET" | "POST",
  url: string,
  body?: unknown,
) {
  const token = await signToken(client, { aud: `${t.config.publicUrl}${url.split("?")[0]}` });
  return t.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
}

describeJourney(
  "SINBA flow journey in Chromium: INPS reads and answers, the service sees it",
  async (t) => {
    await createFlorenceService(t);
    await createOrganisationFor(t, "REGIONE", "region");
    await createUserFor(t, "sociale-fi", "service-operator", "SST-FI");
    await createUserFor(t, "admin-regione", "region-admin", "REGIONE");
    const service = await logInAs(t.app, "sociale-fi");
    await hostedChildWithCase(t, service, complete, { stayRef: "sinba-1" });
    const opened = await hostedChildWithCase(t, service, waiting, { stayRef: "sinba-2", complete: false });
    waitingPseudonym = opened.pseudonym;
    // The listening app's own worker may already have produced the flow: drain what is left.
    // The listening app's own worker may already have produced the flow: drain what is left.
    await t.app.sinbaFlowWorker.drain();
    const flows = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from sinba_flow`);
    expect(flows[0].n).toBe(1);

    const admin = await logInAs(t.app, "admin-regione");
    const pair = await newKeyPair("inps-journey");
    const created = await admin.post("/api/v1/inps-clients", { enti: ["D612"], keys: [pair.jwk] });
    expect(created.statusCode, created.body).toBe(201);
    const inps = { id: json<{ id: string }>(created).id, kid: pair.kid, privateKey: pair.privateKey };

    const read = await asInps(t, inps, "GET", `${waasBase}/flussi?since=0&limit=100`);
    expect(read.statusCode, read.body).toBe(200);
    const entries = json<Entries>(read);
    expect(violationsOf("Entries", entries)).toEqual([]);
    expect(entries.elenco_flussi).toHaveLength(1);
    const [flow] = entries.elenco_flussi;
    idFlusso = flow.id_flusso;
    expect(Buffer.from(flow.flusso, "base64").toString("utf8")).not.toContain(complete.fiscalCode);
    const esiti = {
      elenco_esiti: [
        {
          id_flusso: idFlusso,
          tipo: "SINBA",
          ts_flusso: flow.ts_flusso,
          ts_acquisizione: new Date().toISOString(),
          codice_esito: "RICHIESTA_INVALIDA",
          descrizione_esito: rejection,
        },
      ],
    };
    expect(violationsOf("ElencoEsiti", esiti)).toEqual([]);
    const answered = await asInps(t, inps, "POST", `${waasBase}/esiti`, esiti);
    expect(answered.statusCode, answered.body).toBe(204);
  },
  (journey) => {
    it("the social worker sees INPS's outcome of the flow, with INPS's text", async () => {
      const { page, t } = journey;
      await logIn(page, t.baseUrl, "sociale-fi");
      await navigateTo(page, "Flusso SINBA", "Flusso SINBA");
      const row = page.getByRole("row", { name: new RegExp(idFlusso.replaceAll(".", "\\.")) });
      await row.waitFor();
      const text = (await row.textContent()) ?? "";
      expect(text).toContain("Richiesta non valida");
      expect(text).toContain(rejection);
      expect(await page.locator("#sinba-counts").textContent()).toContain("Richiesta non valida");
      expect(await page.content()).not.toContain(complete.familyName);
      await expectAccessible(page, "flusso SINBA con esito");
    });

    it("the case that cannot be sent yet lists what is missing and leads to the form that fills it", async () => {
      const { page } = journey;
      await page.getByRole("button", { name: "Non ancora inviabili" }).click();
      const card = page.locator("#sinba-not-sendable li").filter({ hasText: waitingPseudonym });
      await card.waitFor();
      expect(await card.textContent()).toContain("ValutazioneMinore");
      await expectAccessible(page, "cartelle non ancora inviabili");
      await card.getByRole("link", { name: "Compila in «Valutazione»" }).first().click();
      await waitForPage(page, `Cartella di ${waitingPseudonym}`);
      expect(page.url()).toContain("parte=assessment");
      await expect.poll(() => page.getByLabel("Fatto da registrare").inputValue()).toBe("assessment");
    });
  },
);
