import { type Action, type Scope, scopeOf } from "../../domain/access/policy.ts";
import { AppError } from "../../domain/errors/app-error.ts";
import type { Actor, SystemActor } from "./actor.ts";

/**
 * The role decides whether the action exists for the caller (403 otherwise); the returned scope
 * is then applied inside the query, where out-of-scope records simply do not exist (404).
 */
export function authorize(actor: Actor, action: Action): Scope {
  const scope = scopeOf(action, actor.role);
  if (!scope) throw new AppError("forbidden");
  return scope;
}

/**
 * For services that the command line and jobs call too: the system acts with the operator's own
 * authority (its entries say `sistema:<label>`), a person only as the policy allows.
 */
export function authorizeSubject(subject: Actor | SystemActor, action: Action): void {
  if (!("system" in subject)) authorize(subject, action);
}
