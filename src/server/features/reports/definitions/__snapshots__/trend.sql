set local jit = off;
-- parameters: []

set local work_mem = '64MB';
-- parameters: []

with units as materialized (select * from (
      with candidates as (
        select s.stay_id, s.minor_id, s.structure_id, s.msna, s.admission_date, m.birth_year_month, m.citizenship,
          greatest(date_trunc('month', s.admission_date::timestamp), $1::timestamp) as first_month,
          least(coalesce(date_trunc('month', s.discharge_date::timestamp) - interval '1 month', $2::timestamp), $3::timestamp) as last_month,
          count(*) over (partition by s.minor_id) as stays_of_minor
        from (
    select h.stay_id, h.structure_id, h.minor_id, h.admission_date, h.admission_kind, h.legal_basis,
      h.referring_comune, h.origin, h.msna, h.discharge_date, h.discharge_reason, h.discharge_destination
    from stay_history h
    where h.recorded_from <= $4::timestamptz
          and (h.recorded_to is null or h.recorded_to > $5::timestamptz) and h.admission_date is not null and h.minor_id is not null
      and h.status in ('open', 'closed')
  ) s
        join minor m on m.id = s.minor_id
        where (s.admission_date is not null
    and daterange(s.admission_date, case when s.discharge_date < s.admission_date
    then s.admission_date else s.discharge_date end, '[)') && daterange(($6)::date, ($7)::date, '[]'))
      ),
      expanded as (
        select c.*, month.start as month_start
        from candidates c
        cross join lateral generate_series(c.first_month, c.last_month, interval '1 month') as month(start)
      ),
      chosen as (
        select * from expanded where stays_of_minor = 1
        union all
        (select distinct on (month_start, minor_id) * from expanded where stays_of_minor > 1
         order by month_start, minor_id, admission_date desc, stay_id desc)
      )
      select to_char(chosen.month_start, 'YYYY-MM') as "month",
        (case when chosen.msna then 'msna' when chosen.citizenship = '100' then 'italian'
    when coalesce(chosen.citizenship, '') = '' then 'unknown' else 'foreign' end) as "citizenshipGroup",
        (case when (case when chosen.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from (chosen.month_start + interval '1 month' - interval '1 day')::date)::int * 12 + extract(month from (chosen.month_start + interval '1 month' - interval '1 day')::date)::int)
    - (substr(chosen.birth_year_month, 1, 4)::int * 12 + substr(chosen.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from (chosen.month_start + interval '1 month' - interval '1 day')::date)::int * 12 + extract(month from (chosen.month_start + interval '1 month' - interval '1 day')::date)::int)
    - (substr(chosen.birth_year_month, 1, 4)::int * 12 + substr(chosen.birth_year_month, 6, 2)::int)) end) >= 216 then 'young-adult' else 'minor' end) as "ageGroup"
      from chosen
      where true
    ) as classified)
        select "ageGroup", "citizenshipGroup", "month", grouping("ageGroup", "citizenshipGroup", "month")::int as grouping_mask,
          count(*)::int as count
        from units
        group by grouping sets (("ageGroup", "citizenshipGroup", "month"), ("ageGroup", "month"));
-- parameters: ["2025-01-01","2025-12-01","2025-12-01","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2025-01-31","2025-12-31"]
