set local jit = off;
-- parameters: []

set local work_mem = '64MB';
-- parameters: []

with units as materialized (select * from (
      with episodes as (
        select 'residential' as setting, 1 as setting_order, s.stay_id as episode_id, s.minor_id,
          s.structure_id, s.msna, s.admission_date as start_date, greatest(date_trunc('month', s.admission_date::timestamp), $1::timestamp) as first_month,
        least(coalesce(date_trunc('month', s.discharge_date::timestamp) - interval '1 month', $2::timestamp), $3::timestamp) as last_month
        from (
    select h.stay_id, h.structure_id, h.minor_id, h.admission_date, h.admission_kind, h.legal_basis,
      h.referring_comune, h.origin, h.msna, h.discharge_date, h.discharge_reason, h.discharge_destination
    from stay_history h
    where h.recorded_from <= $4::timestamptz
          and (h.recorded_to is null or h.recorded_to > $5::timestamptz) and h.admission_date is not null and h.minor_id is not null
      and h.status in ('open', 'closed')
  ) s
        where (s.admission_date is not null
    and daterange(s.admission_date, case when s.discharge_date < s.admission_date then s.admission_date else s.discharge_date end, '[)') && daterange(($6)::date, ($7)::date, '[]'))
        union all
        select 'foster-care', 0, f.episode_id, f.minor_id, null::uuid, false, f.start_date,
          greatest(date_trunc('month', f.start_date::timestamp), $8::timestamp) as first_month,
        least(coalesce(date_trunc('month', f.end_date::timestamp) - interval '1 month', $9::timestamp), $10::timestamp) as last_month
        from (
    select h.episode_id, h.case_id, coalesce(g.survivor_id, h.minor_id) as minor_id,
      h.service_organisation_id, h.start_date, least(h.end_date, h.case_closed_on) as end_date,
      h.form, h.kind, h.duration, h.character, h.nights_per_week, h.outcome
    from foster_care_history h
    left join minor_merge g on g.merged_id = h.minor_id and g.merged_at <= $11::timestamptz
          and (g.undone_at is null or g.undone_at > $12::timestamptz)
    where h.recorded_from <= $13::timestamptz
          and (h.recorded_to is null or h.recorded_to > $14::timestamptz)
  ) f
        where (f.character = '1' and coalesce(f.nights_per_week, 7) >= 5)
          and (daterange(f.start_date, case when f.end_date < f.start_date then f.start_date else f.end_date end, '[)') && daterange(($15)::date, ($16)::date, '[]'))
      ),
      candidates as (
        select e.*, m.birth_date, m.birth_year_month, m.citizenship, count(*) over (partition by e.minor_id) as stays_of_minor
        from episodes e join minor m on m.id = e.minor_id
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
         order by month_start, minor_id, start_date desc, setting_order desc, episode_id desc)
      )
      select to_char(chosen.month_start, 'YYYY-MM') as "month",
        (case when chosen.msna then 'msna' when chosen.citizenship = '100' then 'italian'
    when coalesce(chosen.citizenship, '') = '' then 'unknown' else 'foreign' end) as "citizenshipGroup",
        (case when (case when chosen.birth_date is not null then
      (case when ((chosen.month_start + interval '1 month' - interval '1 day')::date)::date >= chosen.birth_date then (extract(year from age(((chosen.month_start + interval '1 month' - interval '1 day')::date)::date, chosen.birth_date))::int * 12
    + extract(month from age(((chosen.month_start + interval '1 month' - interval '1 day')::date)::date, chosen.birth_date))::int) end)
    when chosen.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from ((chosen.month_start + interval '1 month' - interval '1 day')::date)::date)::int * 12 + extract(month from ((chosen.month_start + interval '1 month' - interval '1 day')::date)::date)::int)
    - (substr(chosen.birth_year_month, 1, 4)::int * 12 + substr(chosen.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from ((chosen.month_start + interval '1 month' - interval '1 day')::date)::date)::int * 12 + extract(month from ((chosen.month_start + interval '1 month' - interval '1 day')::date)::date)::int)
    - (substr(chosen.birth_year_month, 1, 4)::int * 12 + substr(chosen.birth_year_month, 6, 2)::int)) end) >= 216 then 'young-adult' else 'minor' end) as "ageGroup", chosen.setting as "setting"
      from chosen
      where true
    ) as classified)
        select "ageGroup", "citizenshipGroup", "month", "setting", grouping("ageGroup", "citizenshipGroup", "month", "setting")::int as grouping_mask,
          count(*)::int as count
        from units
        group by grouping sets (("ageGroup", "month", "setting"), ("ageGroup", "citizenshipGroup", "month", "setting"));
-- parameters: ["2025-01-01","2025-12-01","2025-12-01","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2025-01-31","2025-12-31","2025-01-01","2025-12-01","2025-12-01","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2025-01-31","2025-12-31"]
