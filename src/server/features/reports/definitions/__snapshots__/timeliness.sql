set local jit = off;
-- parameters: []

set local work_mem = '64MB';
-- parameters: []

select coalesce(structure.code, structure.id::text) as "structure", per.*
        from (select e.structure_id, count(*)::int as "events",
    percentile_disc(0.5) within group (order by ((e.recorded_at at time zone 'Europe/Rome')::date - e.occurred_on))::int as "medianDays",
    percentile_disc(0.9) within group (order by ((e.recorded_at at time zone 'Europe/Rome')::date - e.occurred_on))::int as "p90Days",
    round(100.0 * count(*) filter (where ((e.recorded_at at time zone 'Europe/Rome')::date - e.occurred_on) > 7) / nullif(count(*), 0), 1)::float8 as "shareOver7Days" from stay_event e
      where e.status = 'accepted'
        and e.type in ('admission', 'discharge', 'absence-start', 'absence-end', 'activity')
        and e.occurred_on between $1::date and $2::date and e.recorded_at <= $3::timestamptz
        and true group by e.structure_id) per
        join structure on structure.id = per.structure_id
        order by structure.code nulls last, structure.id;
-- parameters: ["2025-01-01","2025-12-31","2026-01-15T10:00:00.000Z"]

select count(*)::int as "events",
    percentile_disc(0.5) within group (order by ((e.recorded_at at time zone 'Europe/Rome')::date - e.occurred_on))::int as "medianDays",
    percentile_disc(0.9) within group (order by ((e.recorded_at at time zone 'Europe/Rome')::date - e.occurred_on))::int as "p90Days",
    round(100.0 * count(*) filter (where ((e.recorded_at at time zone 'Europe/Rome')::date - e.occurred_on) > 7) / nullif(count(*), 0), 1)::float8 as "shareOver7Days" from stay_event e
      where e.status = 'accepted'
        and e.type in ('admission', 'discharge', 'absence-start', 'absence-end', 'activity')
        and e.occurred_on between $1::date and $2::date and e.recorded_at <= $3::timestamptz
        and true;
-- parameters: ["2025-01-01","2025-12-31","2026-01-15T10:00:00.000Z"]
