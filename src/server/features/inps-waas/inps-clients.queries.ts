import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../../db/database.ts";
import {
  comune,
  inpsClient,
  inpsClientEnte,
  machineClient,
  machineClientKey,
  organisation,
} from "../../../db/schema/index.ts";
import type { InpsClient } from "../../../domain/sinba/inps-waas-api.schema.ts";

export type InpsClientKey = { kid: string; jwk: Record<string, unknown> };

export async function insertInpsClient(
  db: Executor,
  values: { id: string; name: string; ownerOrganisationId: string; createdBy: string | null },
  enti: string[],
  keys: InpsClientKey[],
) {
  await db.insert(machineClient).values({
    id: values.id,
    name: values.name,
    operatorOrganisationId: values.ownerOrganisationId,
    requireIntegrity: false,
    createdBy: values.createdBy,
  });
  await db.insert(machineClientKey).values(keys.map((key) => ({ clientId: values.id, ...key })));
  await db.insert(inpsClient).values({ clientId: values.id });
  await db.insert(inpsClientEnte).values(enti.map((belfiore) => ({ clientId: values.id, belfiore })));
}

/** The Belfiore codes among `codes` that name a current comune. */
export async function listKnownBelfiore(db: Executor, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectDistinct({ belfiore: comune.belfiore })
    .from(comune)
    .where(inArray(comune.belfiore, codes));
  return rows.map((row) => row.belfiore as string);
}

/** The Region's organisation that owns INPS's client: the one with this code, or the only one. */
export async function findRegionOrganisations(db: Executor, code?: string) {
  return db
    .select({ id: organisation.id, code: organisation.code })
    .from(organisation)
    .where(
      code
        ? and(eq(organisation.kind, "region"), eq(organisation.code, code))
        : eq(organisation.kind, "region"),
    )
    .orderBy(asc(organisation.code))
    .limit(2);
}

export async function setInpsClientActive(db: Executor, clientId: string, isActive: boolean) {
  await db.update(machineClient).set({ isActive }).where(eq(machineClient.id, clientId));
}

export async function listInpsClients(db: Executor, clientId?: string): Promise<InpsClient[]> {
  return queryRows<InpsClient>(
    db,
    sql`select m.id, m.name, m.is_active as "isActive",
          to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
          array(select e.belfiore from inps_client_ente e where e.client_id = m.id order by e.belfiore) as enti,
          coalesce((select jsonb_agg(jsonb_build_object('kid', k.kid, 'jwk', k.jwk) order by k.created_at, k.kid)
            from machine_client_key k where k.client_id = m.id), '[]'::jsonb) as keys
        from inps_client c join machine_client m on m.id = c.client_id
        ${clientId ? sql`where m.id = ${clientId}::uuid` : sql``}
        order by m.created_at, m.id`,
  );
}
