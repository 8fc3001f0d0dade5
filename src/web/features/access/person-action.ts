import type { z } from "zod";
import type { personStatusSchema } from "../../../domain/access/people-api.schema.ts";

/**
 * What the users table asks to do to a person: a command of the page, not a payload. Each kind is
 * one operation (usePersonAction); only the status change sends a body, the status schema's.
 */
export type PersonAction =
  | { kind: "password-reset" }
  | { kind: "second-factor-reset" }
  | ({ kind: "status" } & z.infer<typeof personStatusSchema>)
  | { kind: "close-sessions" }
  | { kind: "revoke-role"; membershipId: string };
