import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import { organisation } from "../../../db/schema/index.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import type { StructureRecord } from "../../../domain/structures/structure.schema.ts";

function normalisedName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// The message never repeats the other holder's name: an operator may be a person.
function conflict(): AppError {
  return new AppError(
    "operator-fiscal-code-conflict",
    "Il codice fiscale dell'ente gestore è già registrato con un'altra denominazione: correggere il codice o la denominazione.",
    [
      {
        path: "/operator/fiscalCode",
        code: "operator-fiscal-code-conflict",
        message: "Codice già registrato per un ente con un'altra denominazione.",
      },
    ],
  );
}

/**
 * The operator organisation a record belongs to. A manager registers for their own organisation;
 * an import finds the operator by fiscal code or creates it. The same fiscal code under another
 * name is refused rather than guessed.
 */
export async function resolveOperatorOrganisation(
  db: Executor,
  operator: StructureRecord["operator"],
  actingOrganisationId: string | null,
): Promise<string> {
  const [holder] = await db
    .select()
    .from(organisation)
    .where(eq(organisation.fiscalCode, operator.fiscalCode))
    .limit(1);
  if (holder && normalisedName(holder.name) !== normalisedName(operator.name)) throw conflict();
  if (actingOrganisationId) {
    if (holder && holder.id !== actingOrganisationId) throw conflict();
    const [own] = await db
      .select()
      .from(organisation)
      .where(eq(organisation.id, actingOrganisationId))
      .limit(1);
    if (own?.fiscalCode && own.fiscalCode !== operator.fiscalCode) {
      throw new AppError("validation-failed", undefined, [
        {
          path: "/operator/fiscalCode",
          code: "operator-not-own",
          message: "Il codice fiscale dell'ente gestore deve essere quello della propria organizzazione.",
        },
      ]);
    }
    if (own && !own.fiscalCode) {
      await db
        .update(organisation)
        .set({ fiscalCode: operator.fiscalCode, legalNature: operator.legalNature })
        .where(eq(organisation.id, own.id));
    }
    return actingOrganisationId;
  }
  if (holder) return holder.id;
  const id = randomUUID();
  await db.insert(organisation).values({
    id,
    code: `OP-${operator.fiscalCode}`,
    name: operator.name,
    kind: "operator",
    fiscalCode: operator.fiscalCode,
    legalNature: operator.legalNature,
  });
  return id;
}
