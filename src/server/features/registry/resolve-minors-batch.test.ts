import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arrivedChild, italianChild, resolveIdentity } from "../../../../test/support/registry-fixtures.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { queryRows } from "../../../db/database.ts";
import type { MinorIdentity } from "../../../domain/registry/minor-identity.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A single resolution is a batch of one. */
function resolve(identity: MinorIdentity) {
  return resolveIdentity(t.db, identity, { keyring: t.keyring, today: t.today });
}

async function countMinors() {
  const [{ count }] = await queryRows<{ count: number }>(t.db, sql`select count(*)::int as count from minor`);
  return count;
}

describe("BatchMinorResolver, one identity at a time", () => {
  it("creates a minor for a new fiscal code and links the same code afterwards", async () => {
    const first = await resolve(italianChild());
    expect(first.outcome).toBe("created");
    expect(first.pseudonym.length).toBeLessThanOrEqual(20);
    const again = await resolve(italianChild());
    expect(again).toMatchObject({ outcome: "linked", minorId: first.minorId, pseudonym: first.pseudonym });
  });

  it("refuses invalid or inconsistent identities and stores nothing", async () => {
    const before = await countMinors();
    const wrongCheck = italianChild({ familyName: "Bianchi" });
    const code = wrongCheck.fiscalCode as string;
    const broken = `${code.slice(0, 15)}${code[15] === "A" ? "B" : "A"}`;
    await expect(resolve({ ...wrongCheck, fiscalCode: broken })).rejects.toMatchObject({
      code: "fiscal-code-invalid",
      detail: expect.stringContaining("controllo"),
    });
    await expect(resolve({ ...italianChild({ familyName: "Verdi" }), sex: "F" })).rejects.toMatchObject({
      code: "fiscal-code-mismatch",
    });
    await expect(
      resolve({ ...italianChild({ familyName: "Neri" }), birthDate: "2012-03-15" }),
    ).rejects.toMatchObject({
      code: "fiscal-code-mismatch",
    });
    await expect(resolve({ familyName: "Senza", sex: "M" })).rejects.toMatchObject({
      code: "identity-incomplete",
    });
    await expect(resolve({ ...arrivedChild(), birthDate: "2999-01-01" })).rejects.toMatchObject({
      code: "date-in-future",
    });
    expect(await countMinors()).toBe(before);
  });

  it("keeps the same record when a child without a code later gets one", async () => {
    const child = { familyName: "Gashi", givenName: "Arben", sex: "M" as const, birthDate: "2011-09-20" };
    const withoutCode = await resolve({ ...child, otherIds: [{ kind: "stp", value: "STP090201000123" }] });
    expect(withoutCode.outcome).toBe("created");
    const fiscalCode = italianChild({
      familyName: "Gashi",
      givenName: "Arben",
      birthDate: "2011-09-20",
    }).fiscalCode;
    const withCode = await resolve({
      ...child,
      fiscalCode,
      otherIds: [{ kind: "stp", value: "STP 0902 0100 0123" }],
    });
    expect(withCode).toMatchObject({ outcome: "linked", pseudonym: withoutCode.pseudonym });
    const byCodeAlone = await resolve({ fiscalCode, sex: "M" });
    expect(byCodeAlone.pseudonym).toBe(withoutCode.pseudonym);
  });

  it("links a certain match on names and birth data, even with a transliteration", async () => {
    const first = await resolve(
      arrivedChild({ familyName: "El Amrani", givenName: "Mohamed", birthDate: "2009-01-05" }),
    );
    const second = await resolve(
      arrivedChild({ familyName: "El Amrani", givenName: "Mohamed", birthDate: "2009-01-05" }),
    );
    expect(second).toMatchObject({ outcome: "linked", minorId: first.minorId });
  });

  it("queues an uncertain match for review instead of linking", async () => {
    const first = await resolve(
      arrivedChild({ familyName: "Diallo", givenName: "Mamadou", birthDate: "2008-04-03" }),
    );
    const uncertain = await resolve(
      arrivedChild({ familyName: "Diallo", givenName: "Mamadou", birthDate: "2008-03-04" }),
    );
    expect(uncertain.minorId).not.toBe(first.minorId);
    const reviews = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from duplicate_review where state = 'pending'
          and ${first.minorId} in (first_minor_id, second_minor_id) and ${uncertain.minorId} in (first_minor_id, second_minor_id)`,
    );
    expect(uncertain.outcome).toBe("possible-duplicate");
    expect(reviews[0].count).toBe(1);
  });

  it("never links twins, and never links omocodic codes by themselves", async () => {
    const brother = await resolve(
      italianChild({ familyName: "Esposito", givenName: "Luca", birthDate: "2013-05-05" }),
    );
    const sister = await resolve(
      italianChild({ familyName: "Esposito", givenName: "Lucia", birthDate: "2013-05-05", sex: "F" }),
    );
    expect(sister.minorId).not.toBe(brother.minorId);
    const maria = await resolve(
      italianChild({ familyName: "Rossi", givenName: "Maria", sex: "F", birthDate: "2014-02-01" }),
    );
    const mara = await resolve(
      italianChild({
        familyName: "Rossi",
        givenName: "Mara",
        sex: "F",
        birthDate: "2014-02-01",
        omocodiaLevel: 1,
      }),
    );
    expect(mara.minorId).not.toBe(maria.minorId);
    expect(mara.outcome).toBe("possible-duplicate");
  });

  it("creates exactly one minor for fifty concurrent resolutions of the same new code", async () => {
    const child = italianChild({
      familyName: "Ricci",
      givenName: "Giulia",
      sex: "F",
      birthDate: "2015-11-30",
    });
    const before = await countMinors();
    const results = await Promise.all(Array.from({ length: 50 }, () => resolve(child)));
    expect(new Set(results.map((result) => result.minorId)).size).toBe(1);
    expect(results.filter((result) => result.outcome === "created")).toHaveLength(1);
    expect(await countMinors()).toBe(before + 1);
  });

  it("does not give another minor's identifier to a new one: the pair goes to review instead", async () => {
    const holder = await resolve({
      ...italianChild({ familyName: "Moro", givenName: "Dino", birthDate: "2012-06-06" }),
      otherIds: [{ kind: "eni", value: "ENI000111222" }],
    });
    const other = await resolve({
      ...italianChild({ familyName: "Moro", givenName: "Dina", sex: "F", birthDate: "2012-06-06" }),
      otherIds: [{ kind: "eni", value: "ENI000111222" }],
    });
    expect(other.minorId).not.toBe(holder.minorId);
    expect(other.outcome).toBe("possible-duplicate");
    const byIdentifier = await resolve({
      ...arrivedChild({ familyName: "Moro", givenName: "Dino", birthDate: "2012-06-06" }),
      otherIds: [{ kind: "eni", value: "ENI000111222" }],
    });
    expect(byIdentifier.minorId).toBe(holder.minorId);
  });

  it("keeps the identity out of the minor table, but for the birth date that exact ages need", async () => {
    const rows = await queryRows<Record<string, unknown>>(t.db, sql`select * from minor`);
    // No names, fiscal code, other identifiers or birth place (domain.md: pseudonymous attributes).
    expect(Object.keys(rows[0]).sort()).toEqual(
      [
        "birth_date",
        "birth_year_month",
        "citizenship",
        "created_at",
        "id",
        "is_possible_duplicate",
        "merged_into",
        "pseudonym",
        "residence_comune",
        "sex",
      ].sort(),
    );
    for (const row of rows) expect(String(row.birth_year_month ?? "")).toMatch(/^(\d{4}-\d{2})?$/);
  });
});
