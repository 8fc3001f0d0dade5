/**
 * The base the case bench reads: a template of real cases and stays made through the pipelines,
 * then copied in SQL (ids derived by md5, so every copy keeps its own links: case events to their
 * case, stays to their minor, voids to the event they void) up to the number of cases asked, and
 * registry-only minors up to the number of minors asked. The copies are pseudonymous: the vault
 * keeps the template's identities only, which the timeline never reads.
 */
import { sql } from "drizzle-orm";
import { type Database, type Executor, queryRows } from "../../src/db/database.ts";

const copiesPerStatement = 20;

/** Copies k = first..last of the template rows (k = 0 is the template itself). */
async function copyTemplate(db: Executor, first: number, last: number, serviceIds: string[]) {
  const copies = sql`generate_series(${first}::int, ${last}::int) as k(n)`;
  const mapped = (column: string) => sql.raw(`md5(${column}::text || ':' || k.n)::uuid`);
  const services = sql`(select array_agg(e::uuid) from jsonb_array_elements_text(${JSON.stringify(serviceIds)}::jsonb) as t(e))`;
  await db.execute(sql`insert into minor (id, pseudonym, sex, birth_year_month, citizenship, residence_comune)
    select ${mapped("m.id")}, left(m.pseudonym, 12) || '-' || k.n, m.sex, m.birth_year_month, m.citizenship,
      m.residence_comune
    from bench_template_minor t join minor m on m.id = t.id cross join ${copies}`);
  await db.execute(sql`insert into social_case (id, minor_id, service_organisation_id, status, opened_on, closed_on,
      transfer_to_service_code, projection)
    select ${mapped("c.id")}, ${mapped("c.minor_id")}, (${services})[1 + k.n % ${serviceIds.length}], c.status,
      c.opened_on, c.closed_on, c.transfer_to_service_code, c.projection
    from social_case c join bench_template_minor t on t.id = c.minor_id cross join ${copies}`);
  await db.execute(sql`insert into case_event (id, source_kind, source_id, content_digest, status, type, case_id,
      occurred_on, minor_id, payload, warnings, errors, recorded_at)
    select ${mapped("e.id")}, e.source_kind, e.source_id, e.content_digest, e.status, e.type, ${mapped("e.case_id")},
      e.occurred_on, ${mapped("e.minor_id")}, e.payload, e.warnings, e.errors, e.recorded_at
    from case_event e join bench_template_minor t on t.id = e.minor_id cross join ${copies}
    where e.status = 'accepted'`);
  await db.execute(sql`insert into stay (id, structure_id, stay_ref, minor_id, status, admission_date, admission_kind,
      legal_basis, referring_service_code, referring_comune, with_parent, origin, reasons, msna, discharge_date,
      discharge_reason, discharge_destination, has_overlap, is_backdated)
    select ${mapped("s.id")}, s.structure_id, s.stay_ref || '-' || k.n, ${mapped("s.minor_id")}, s.status,
      s.admission_date, s.admission_kind, s.legal_basis, s.referring_service_code, s.referring_comune,
      s.with_parent, s.origin, s.reasons, s.msna, s.discharge_date, s.discharge_reason, s.discharge_destination,
      s.has_overlap, s.is_backdated
    from stay s join bench_template_minor t on t.id = s.minor_id cross join ${copies}`);
  await db.execute(sql`insert into stay_event (id, source_kind, source_id, content_digest, status, type, structure_id,
      stay_id, occurred_on, sequence, minor_id, payload, warnings, errors, recorded_at)
    select ${mapped("e.id")}, e.source_kind, e.source_id, e.content_digest, e.status, e.type, e.structure_id,
      ${mapped("e.stay_id")}, e.occurred_on, e.sequence, ${mapped("e.minor_id")},
      case when e.type = 'void' then jsonb_set(e.payload, '{voids}',
        to_jsonb(md5((e.payload->>'voids') || ':' || k.n)::uuid::text)) else e.payload end,
      e.warnings, e.errors, e.recorded_at
    from stay_event e join bench_template_minor t on t.id = e.minor_id cross join ${copies}
    where e.status = 'accepted'`);
  await db.execute(sql`insert into stay_absence (event_id, stay_id, kind, from_date, to_date)
    select ${mapped("a.event_id")}, ${mapped("a.stay_id")}, a.kind, a.from_date, a.to_date
    from stay_absence a join stay s on s.id = a.stay_id join bench_template_minor t on t.id = s.minor_id
      cross join ${copies}`);
}

export async function copyCaseBase(
  db: Database,
  options: { cases: number; minors: number; serviceIds: string[]; progress: (line: string) => void },
) {
  // The template: the minors that have a case (with their stays), before any copy.
  await db.execute(sql`create table if not exists bench_template_minor (id uuid primary key)`);
  await db.execute(
    sql`insert into bench_template_minor select distinct minor_id from social_case on conflict do nothing`,
  );
  const [{ templateCases }] = await queryRows<{ templateCases: number }>(
    db,
    sql`select count(*)::int as "templateCases" from social_case`,
  );
  const copies = Math.max(0, Math.ceil(options.cases / templateCases) - 1);
  for (let first = 1; first <= copies; first += copiesPerStatement) {
    const last = Math.min(copies, first + copiesPerStatement - 1);
    await db.transaction(async (tx) => copyTemplate(tx, first, last, options.serviceIds));
    options.progress(`copies ${last}/${copies}`);
  }
  // Registry-only minors, up to the number asked, in chunks of 100,000.
  const [{ minors }] = await queryRows<{ minors: number }>(
    db,
    sql`select count(*)::int as minors from minor`,
  );
  for (let from = minors; from < options.minors; from += 100_000) {
    const to = Math.min(options.minors, from + 100_000) - 1;
    await db.execute(sql`insert into minor (id, pseudonym, sex, birth_year_month, citizenship, residence_comune)
      select md5('registry:' || n)::uuid, 'R' || n, case when n % 2 = 0 then 'M' else 'F' end,
        (2008 + n % 17)::text || '-' || lpad((1 + n % 12)::text, 2, '0'), '100', '048017'
      from generate_series(${from}::int, ${to}::int) as g(n)`);
    options.progress(`minors ${to + 1}/${options.minors}`);
  }
  await db.execute(sql`drop table bench_template_minor`);
  await db.execute(sql`analyze`);
}
