import type { Database } from "../../../db/database.ts";
import { pingDatabase } from "./status.queries.ts";

/** Whether the database answers now; any failure (refused, timed out, closed) is a no. */
export async function databaseAnswers(db: Database): Promise<boolean> {
  try {
    await pingDatabase(db);
    return true;
  } catch {
    return false;
  }
}
