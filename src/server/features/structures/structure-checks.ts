import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/database.ts";
import { regionalStructureType } from "../../../db/schema/index.ts";
import type { FieldProblem } from "../../../domain/errors/app-error.ts";
import { AppError } from "../../../domain/errors/app-error.ts";
import { validateOperatorTaxCode } from "../../../domain/identity/index.ts";
import type { StructureRecord } from "../../../domain/structures/structure.schema.ts";
import { comuneExists } from "./structures.queries.ts";

/**
 * The checks that need the database or the check-digit rules, after the zod schema has passed.
 * All problems are collected, so that a form shows every wrong field at once.
 */
export async function checkStructureRecord(db: Executor, record: StructureRecord): Promise<void> {
  const problems: FieldProblem[] = [];
  if (!(await comuneExists(db, record.address.comune))) {
    problems.push({
      path: "/address/comune",
      code: "unknown-comune",
      message: `Il comune con codice ISTAT ${record.address.comune} non esiste.`,
    });
  }
  const [regionalType] = await db
    .select()
    .from(regionalStructureType)
    .where(eq(regionalStructureType.code, record.regionalType))
    .limit(1);
  if (!regionalType) {
    problems.push({
      path: "/regionalType",
      code: "unknown-code",
      message: `La tipologia regionale «${record.regionalType}» non è tra quelle configurate dalla Regione.`,
    });
  } else if (regionalType.nationalType !== record.nationalType) {
    problems.push({
      path: "/nationalType",
      code: "unknown-code",
      message: `La tipologia regionale «${regionalType.label}» corrisponde alla tipologia nazionale «${regionalType.nationalType}».`,
    });
  }
  const taxCode = validateOperatorTaxCode(record.operator.fiscalCode);
  if (!taxCode.ok) {
    problems.push({ path: "/operator/fiscalCode", code: "fiscal-code-invalid", message: taxCode.message });
  }
  if (problems.length > 0) {
    const onlyComune = problems.every((problem) => problem.code === "unknown-comune");
    throw new AppError(onlyComune ? "unknown-comune" : "validation-failed", undefined, problems);
  }
}
