import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair } from "jose";
import {
  digestHeader,
  loadSigningKey,
  requestHeaders,
  type SigningKey,
  signClientToken,
} from "../../src/cli/send-events/token.ts";
import { type Instance, sirmi } from "./server-processes.ts";

/** A deterministic pseudo-random sequence, so that both runs send the very same stream. */
export function randomSequence(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

const letters = "ABCDEFGHILMNOPRSTUVZ";
function nameOf(index: number, length: number) {
  let name = "";
  let rest = index;
  for (let i = 0; i < length; i++) {
    name += letters[rest % letters.length];
    rest = Math.floor(rest / letters.length);
  }
  return name[0] + name.slice(1).toLowerCase();
}

const day = (offset: number) =>
  new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** Admissions, activities, absences and discharges over many stays, each stay's events in order. */
export function eventStream(count: number, structureCodes: string[], seed: number, firstStay = 0) {
  const random = randomSequence(seed);
  const events: Record<string, unknown>[] = [];
  for (let stay = firstStay; events.length < count; stay++) {
    const structureCode = structureCodes[stay % structureCodes.length];
    const stayRef = `CS-${String(stay).padStart(6, "0")}`;
    const start = Math.floor(random() * 300);
    const base = { structureCode, stayRef };
    events.push({
      id: randomUUID(),
      type: "admission",
      ...base,
      occurredOn: day(start),
      minor: {
        familyName: nameOf(stay, 6),
        givenName: nameOf(stay * 7 + 3, 5),
        sex: stay % 2 ? "F" : "M",
        birthDate: day(-3000 - (stay % 2000)),
        birthPlace: { country: "436" },
        citizenship: "436",
        unaccompaniedForeignMinor: true,
      },
      admission: {
        kind: "planned",
        legalBasis: "judicial",
        referringService: { code: "SVC-048017-01", comune: "048017" },
        withParent: false,
        origin: "arrived-from-abroad",
        reasons: ["7", "2"],
      },
    });
    const activities = 1 + Math.floor(random() * 3);
    for (let a = 0; a < activities; a++)
      events.push({
        id: randomUUID(),
        type: "activity",
        ...base,
        occurredOn: day(start + 1 + a),
        sequence: a,
        activity: { code: a % 2 ? "language-course" : "school", hours: 10 + a },
      });
    if (random() < 0.3) {
      events.push({
        id: randomUUID(),
        type: "absence-start",
        ...base,
        occurredOn: day(start + 5),
        absence: { kind: "hospital" },
      });
      events.push({ id: randomUUID(), type: "absence-end", ...base, occurredOn: day(start + 7) });
    }
    if (random() < 0.6)
      events.push({
        id: randomUUID(),
        type: "discharge",
        ...base,
        occurredOn: day(start + 10 + Math.floor(random() * 40)),
        discharge: { reason: "project-completed", destination: "family-of-origin" },
      });
  }
  return events.slice(0, count);
}

/**
 * Batches of at most `size` events that never split a stay: whichever server or order they are
 * sent in, each stay's events arrive together and in their order.
 */
export function batchesOfWholeStays(events: Record<string, unknown>[], size: number) {
  const stays: Record<string, unknown>[][] = [];
  for (const event of events) {
    const last = stays.at(-1);
    const key = `${event.structureCode}/${event.stayRef}`;
    if (last && `${last[0].structureCode}/${last[0].stayRef}` === key) last.push(event);
    else stays.push([event]);
  }
  const batches: Record<string, unknown>[][] = [];
  for (const stay of stays) {
    const last = batches.at(-1);
    if (last && last.length + stay.length <= size) last.push(...stay);
    else batches.push([...stay]);
  }
  return batches;
}

export type Machine = { clientId: string; signing: SigningKey };

/** A new ES256 key pair for a machine client: the public JWK to register, the key to sign with. */
export async function newMachineKey() {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = randomUUID();
  return {
    publicJwk: { ...(await exportJWK(publicKey)), kid },
    signing: await loadSigningKey({ ...(await exportJWK(privateKey)), kid }),
  };
}

/** Registers a machine client of the structures with `sirmi client create`. */
export async function registerMachine(instance: Instance, work: string, structureCodes: string[]) {
  const { publicJwk, signing } = await newMachineKey();
  const publicFile = path.join(work, `${instance.name}-public.json`);
  fs.writeFileSync(publicFile, JSON.stringify(publicJwk));
  const args = ["client", "create", "--jwk", publicFile, "--require-integrity"];
  for (const code of structureCodes) args.push("--structure", code);
  const clientId = (await sirmi(instance, args)).trim();
  return { clientId, signing };
}

export type Result = { id: string; status: string; line?: number; errors?: { code: string }[] };

/** A batch's body and its ModI headers (ID_AUTH_REST_02 + INTEGRITY_REST_01), one `jti` each. */
export async function signedBatch(instance: Instance, machine: Machine, events: unknown[]) {
  const body = JSON.stringify({ events });
  const headers = await requestHeaders(machine.signing, {
    clientId: machine.clientId,
    audience: `${instance.env.SIRMI_PUBLIC_URL}/api/v1/events`,
    body,
    integrity: true,
  });
  return { body, headers };
}

export function postBatch(instance: Instance, batch: Awaited<ReturnType<typeof signedBatch>>) {
  return fetch(`${instance.baseUrl}/api/v1/events`, {
    method: "POST",
    headers: batch.headers,
    body: batch.body,
    signal: AbortSignal.timeout(120_000),
  });
}

/** One signed batch; undefined when no answer came back. */
export async function sendBatch(instance: Instance, machine: Machine, events: unknown[]) {
  try {
    const response = await postBatch(instance, await signedBatch(instance, machine, events));
    if (response.status !== 200) return undefined;
    return ((await response.json()) as { results: Result[] }).results;
  } catch {
    return undefined;
  }
}

export async function sendFile(instance: Instance, machine: Machine, body: string) {
  const contentType = "application/x-ndjson";
  const audience = `${instance.env.SIRMI_PUBLIC_URL}/api/v1/event-files`;
  const claims = { clientId: machine.clientId, audience };
  const digest = digestHeader(body);
  const response = await fetch(`${instance.baseUrl}/api/v1/event-files`, {
    method: "POST",
    headers: {
      "content-type": contentType,
      authorization: `Bearer ${await signClientToken(machine.signing, claims)}`,
      digest,
      "agid-jwt-signature": await signClientToken(machine.signing, {
        ...claims,
        extra: { signed_headers: [{ digest }, { "content-type": contentType }] },
      }),
    },
    body,
  });
  if (response.status !== 202)
    throw new Error(`event file refused: ${response.status} ${await response.text()}`);
  return response.headers.get("location") as string;
}

export type FileState = {
  status: string;
  counts: Record<string, number>;
  outcomes: Result[];
  nextCursor: number | null;
};

export async function fileState(
  instance: Instance,
  machine: Machine,
  location: string,
): Promise<FileState | undefined> {
  const outcomes: Result[] = [];
  let cursor = 0;
  for (;;) {
    const token = await signClientToken(machine.signing, {
      clientId: machine.clientId,
      audience: `${instance.env.SIRMI_PUBLIC_URL}${location}`,
    });
    const response = await fetch(`${instance.baseUrl}${location}?limit=5000&cursor=${cursor}`, {
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => undefined);
    if (response?.status !== 200) return undefined;
    const page = (await response.json()) as FileState;
    outcomes.push(...page.outcomes);
    if (page.nextCursor === null) return { ...page, outcomes };
    cursor = page.nextCursor;
  }
}

/** Polls the file's status until `until` holds (ten minutes at most). */
export async function waitForFile(
  instance: Instance,
  machine: Machine,
  location: string,
  until: (state: FileState) => boolean,
  pollMs = 50,
) {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const state = await fileState(instance, machine, location);
    if (state && until(state)) return state;
    if (Date.now() > deadline)
      throw new Error(`event file not finished in time: ${JSON.stringify(state?.counts)}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
