set local jit = off;
-- parameters: []

set local work_mem = '64MB';
-- parameters: []

select coalesce(structure.code, structure.id::text) as "structure", sv.name as "structureName",
          coalesce(sv.authorised_places, 0)::int as "authorisedPlaces",
          coalesce(pr.italian_m, 0)::int as "presentItalianM", coalesce(pr.italian_f, 0)::int as "presentItalianF",
          coalesce(pr.foreign_m, 0)::int as "presentForeignM", coalesce(pr.foreign_f, 0)::int as "presentForeignF",
          coalesce(pr.unknown_citizenship, 0)::int as "presentCitizenshipUnknown",
          coalesce(pr.young_adults, 0)::int as "presentYoungAdults",
          coalesce(flows.entries, 0)::int as "entries", coalesce(flows.exits, 0)::int as "exits"
        from structure
        left join (
    select distinct on (v.structure_id) v.structure_id, v.name, v.status, v.national_type, v.comune,
      v.authorised_places, v.emergency_extra_places, v.record->>'istatCharacter' as istat_character,
      v.record->>'istatFunction' as istat_function
    from structure_version v
    where v.valid_from <= $1::date and v.recorded_at <= $2::timestamptz
    order by v.structure_id, v.valid_from desc, v.version desc
  ) sv on sv.structure_id = structure.id
        left join (
          select p.structure_id,
            count(*) filter (where (case when (case when m.birth_date is not null then
      (case when ($3::date)::date >= m.birth_date then (extract(year from age(($4::date)::date, m.birth_date))::int * 12
    + extract(month from age(($5::date)::date, m.birth_date))::int) end)
    when m.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from ($6::date)::date)::int * 12 + extract(month from ($7::date)::date)::int)
    - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from ($8::date)::date)::int * 12 + extract(month from ($9::date)::date)::int)
    - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int)) end) >= 216 then 'young-adult' else 'minor' end) = 'minor' and (m.citizenship = '100' and not p.msna) and m.sex = 'M') as italian_m,
            count(*) filter (where (case when (case when m.birth_date is not null then
      (case when ($10::date)::date >= m.birth_date then (extract(year from age(($11::date)::date, m.birth_date))::int * 12
    + extract(month from age(($12::date)::date, m.birth_date))::int) end)
    when m.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from ($13::date)::date)::int * 12 + extract(month from ($14::date)::date)::int)
    - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from ($15::date)::date)::int * 12 + extract(month from ($16::date)::date)::int)
    - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int)) end) >= 216 then 'young-adult' else 'minor' end) = 'minor' and (m.citizenship = '100' and not p.msna) and m.sex = 'F') as italian_f,
            count(*) filter (where (case when (case when m.birth_date is not null then
      (case when ($17::date)::date >= m.birth_date then (extract(year from age(($18::date)::date, m.birth_date))::int * 12
    + extract(month from age(($19::date)::date, m.birth_date))::int) end)
    when m.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from ($20::date)::date)::int * 12 + extract(month from ($21::date)::date)::int)
    - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from ($22::date)::date)::int * 12 + extract(month from ($23::date)::date)::int)
    - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int)) end) >= 216 then 'young-adult' else 'minor' end) = 'minor' and (p.msna or (coalesce(m.citizenship, '') not in ('', '100'))) and m.sex = 'M') as foreign_m,
            count(*) filter (where (case when (case when m.birth_date is not null then
      (case when ($24::date)::date >= m.birth_date then (extract(year from age(($25::date)::date, m.birth_date))::int * 12
    + extract(month from age(($26::date)::date, m.birth_date))::int) end)
    when m.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from ($27::date)::date)::int * 12 + extract(month from ($28::date)::date)::int)
    - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from ($29::date)::date)::int * 12 + extract(month from ($30::date)::date)::int)
    - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int)) end) >= 216 then 'young-adult' else 'minor' end) = 'minor' and (p.msna or (coalesce(m.citizenship, '') not in ('', '100'))) and m.sex = 'F') as foreign_f,
            count(*) filter (where (case when (case when m.birth_date is not null then
      (case when ($31::date)::date >= m.birth_date then (extract(year from age(($32::date)::date, m.birth_date))::int * 12
    + extract(month from age(($33::date)::date, m.birth_date))::int) end)
    when m.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from ($34::date)::date)::int * 12 + extract(month from ($35::date)::date)::int)
    - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from ($36::date)::date)::int * 12 + extract(month from ($37::date)::date)::int)
    - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int)) end) >= 216 then 'young-adult' else 'minor' end) = 'minor' and not (m.citizenship = '100' and not p.msna) and not (p.msna or (coalesce(m.citizenship, '') not in ('', '100')))) as unknown_citizenship,
            count(*) filter (where not (case when (case when m.birth_date is not null then
      (case when ($38::date)::date >= m.birth_date then (extract(year from age(($39::date)::date, m.birth_date))::int * 12
    + extract(month from age(($40::date)::date, m.birth_date))::int) end)
    when m.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from ($41::date)::date)::int * 12 + extract(month from ($42::date)::date)::int)
    - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from ($43::date)::date)::int * 12 + extract(month from ($44::date)::date)::int)
    - (substr(m.birth_year_month, 1, 4)::int * 12 + substr(m.birth_year_month, 6, 2)::int)) end) >= 216 then 'young-adult' else 'minor' end) = 'minor') as young_adults
          from (
    select chosen.* from (
      select distinct on (s.minor_id) s.*, count(*) over (partition by s.minor_id
          order by s.admission_date desc, s.stay_id desc
          rows between unbounded preceding and unbounded following)::int as present_stays
      from (
    select h.stay_id, h.structure_id, h.minor_id, h.admission_date, h.admission_kind, h.legal_basis,
      h.referring_comune, h.origin, h.msna, h.discharge_date, h.discharge_reason, h.discharge_destination
    from stay_history h
    where h.recorded_from <= $45::timestamptz
          and (h.recorded_to is null or h.recorded_to > $46::timestamptz) and h.admission_date is not null and h.minor_id is not null
      and h.status in ('open', 'closed')
  ) s
      where (s.admission_date is not null and daterange(s.admission_date, case when s.discharge_date < s.admission_date then s.admission_date else s.discharge_date end, '[)') @> ($47::date)::date)
      order by s.minor_id, s.admission_date desc, s.stay_id desc
    ) chosen
    where true
  ) p join minor m on m.id = p.minor_id
          group by p.structure_id
        ) pr on pr.structure_id = structure.id
        left join (
          select s.structure_id,
            count(*) filter (where s.admission_date between $48::date and $49::date) as entries,
            count(*) filter (where s.discharge_date between $50::date and $51::date) as exits
          from (
    select h.stay_id, h.structure_id, h.minor_id, h.admission_date, h.admission_kind, h.legal_basis,
      h.referring_comune, h.origin, h.msna, h.discharge_date, h.discharge_reason, h.discharge_destination
    from stay_history h
    where h.recorded_from <= $52::timestamptz
          and (h.recorded_to is null or h.recorded_to > $53::timestamptz) and h.admission_date is not null and h.minor_id is not null
      and h.status in ('open', 'closed')
  ) s
          where s.admission_date <= $54::date and (s.discharge_date is null or s.discharge_date >= $55::date)
          group by s.structure_id
        ) flows on flows.structure_id = structure.id
        where true
          and (sv.status in ('active', 'suspended') or pr.structure_id is not null
               or coalesce(flows.entries, 0) + coalesce(flows.exits, 0) > 0)
        order by structure.code nulls last, structure.id;
-- parameters: ["2025-12-31","2026-01-15T10:00:00.000Z","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2025-12-31","2025-01-01","2025-12-31","2025-01-01","2025-12-31","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2025-12-31","2025-01-01"]
