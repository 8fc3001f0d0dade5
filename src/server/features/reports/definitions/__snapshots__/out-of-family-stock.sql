set local jit = off;
-- parameters: []

set local work_mem = '64MB';
-- parameters: []

select province_abbreviation as value from comune where region_code = $1
        group by province_code, province_abbreviation order by province_code;
-- parameters: ["09"]

select code as value from zone where region_code = $1 order by code;
-- parameters: ["09"]

with units as materialized (select * from (
    select (case when m.months is null then 'unknown' when m.months < 36 then '0-2' when m.months < 72 then '3-5' when m.months < 132 then '6-10' when m.months < 180 then '11-14' when m.months < 216 then '15-17' else '18-21' end) as "ageClass", (case when m.months >= 216 then 'young-adult' else 'minor' end) as "ageGroup", m.sex as "sex",
      (case when p.msna then 'msna' when m.citizenship = '100' then 'italian'
    when coalesce(m.citizenship, '') = '' then 'unknown' else 'foreign' end) as "citizenshipGroup",
      (case when p.msna then 'yes' else 'no' end) as "msna",
      p.setting as "setting",
      coalesce(sv.national_type, 'unknown') as "nationalType",
      coalesce(p.legal_basis, 'unknown') as "legalBasis",
      (case p.foster_kind when '1' then 'intra-familial' when '2' then 'hetero-familial' else 'unknown' end) as "fosterKind",
      (case p.foster_form when '1' then 'consensual' when '2' then 'judicial' else 'unknown' end) as "fosterForm",
      (case when extract(year from age($1::date, p.start_date)) < 1 then '<1y' when extract(year from age($2::date, p.start_date)) < 2 then '1-2y' when extract(year from age($3::date, p.start_date)) < 4 then '2-4y' else '>4y' end) as "lengthOfStay",
      (case when p.referring_comune is null then 'unknown'
    when referring.region_code = $4 then 'in-region'
    when referring.region_code is not null then 'out-of-region' else 'unknown' end) as "provenance",
      coalesce(sv.province_abbreviation, 'unknown') as "province",
      coalesce(sv.zone_code, 'unknown') as "zone",
      (case when p.present_stays > 1 then 'yes' else 'no' end) as "severalStays",
      (case when p.in_both_settings then 'yes' else 'no' end) as "bothSettings",
      (case when p.setting = 'residential' and sv.structure_id is null then 'yes' else 'no' end)
        as "structureVersionMissing",
      p.structure_id::text as "structureId"
    from (
    select chosen.* from (
      select distinct on (e.minor_id) e.*,
        (count(*) filter (where e.setting = 'residential') over all_of_minor)::int as present_stays,
        (bool_or(e.setting = 'residential') over all_of_minor
          and bool_or(e.setting = 'foster-care') over all_of_minor) as in_both_settings
      from (
        select 'residential' as setting, 1 as setting_order, s.minor_id, s.stay_id as episode_id,
          s.structure_id, s.admission_date as start_date, s.legal_basis, s.referring_comune, s.msna,
          null::text as foster_kind, null::text as foster_form
        from (
    select h.stay_id, h.structure_id, h.minor_id, h.admission_date, h.admission_kind, h.legal_basis,
      h.referring_comune, h.origin, h.msna, h.discharge_date, h.discharge_reason, h.discharge_destination
    from stay_history h
    where h.recorded_from <= $5::timestamptz
          and (h.recorded_to is null or h.recorded_to > $6::timestamptz) and h.admission_date is not null and h.minor_id is not null
      and h.status in ('open', 'closed')
  ) s
        where (s.admission_date is not null and daterange(s.admission_date, case when s.discharge_date < s.admission_date then s.admission_date else s.discharge_date end, '[)') @> ($7::date)::date)
        union all
        select 'foster-care', 0, f.minor_id, f.episode_id, null::uuid, f.start_date, null::text,
          service.comune, false, f.kind, f.form
        from (
    select h.episode_id, h.case_id, coalesce(g.survivor_id, h.minor_id) as minor_id,
      h.service_organisation_id, h.start_date, least(h.end_date, h.case_closed_on) as end_date,
      h.form, h.kind, h.duration, h.character, h.nights_per_week, h.outcome
    from foster_care_history h
    left join minor_merge g on g.merged_id = h.minor_id and g.merged_at <= $8::timestamptz
          and (g.undone_at is null or g.undone_at > $9::timestamptz)
    where h.recorded_from <= $10::timestamptz
          and (h.recorded_to is null or h.recorded_to > $11::timestamptz)
  ) f
        join organisation service on service.id = f.service_organisation_id
        where ((f.character = '1' and coalesce(f.nights_per_week, 7) >= 5)
    and (daterange(f.start_date, case when f.end_date < f.start_date then f.start_date else f.end_date end, '[)') @> ($12::date)::date))
      ) e
      -- Ordered like the choice, so that one sort serves both.
      window all_of_minor as (partition by e.minor_id
        order by e.start_date desc, e.setting_order desc, e.episode_id desc
        rows between unbounded preceding and unbounded following)
      order by e.minor_id, e.start_date desc, e.setting_order desc, e.episode_id desc
    ) chosen
    where true
  ) p
    cross join lateral (
      select minor.sex, minor.citizenship,
        (case when minor.birth_date is not null then
      (case when ($13::date)::date >= minor.birth_date then (extract(year from age(($14::date)::date, minor.birth_date))::int * 12
    + extract(month from age(($15::date)::date, minor.birth_date))::int) end)
    when minor.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from ($16::date)::date)::int * 12 + extract(month from ($17::date)::date)::int)
    - (substr(minor.birth_year_month, 1, 4)::int * 12 + substr(minor.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from ($18::date)::date)::int * 12 + extract(month from ($19::date)::date)::int)
    - (substr(minor.birth_year_month, 1, 4)::int * 12 + substr(minor.birth_year_month, 6, 2)::int)) end) as months
      from minor where minor.id = p.minor_id offset 0
    ) m
    left join comune referring on referring.istat_code = p.referring_comune
    left join (
      -- Each structure with its province and zone, a few thousand rows hashed once (the fence
      -- keeps the planner from looking up the comune once per person).
      select sv.structure_id, sv.national_type, structure_comune.province_abbreviation, zone_of.zone_code
      from (
    select distinct on (v.structure_id) v.structure_id, v.name, v.status, v.national_type, v.comune,
      v.authorised_places, v.emergency_extra_places, v.record->>'istatCharacter' as istat_character,
      v.record->>'istatFunction' as istat_function
    from structure_version v
    where v.valid_from <= $20::date and v.recorded_at <= $21::timestamptz
    order by v.structure_id, v.valid_from desc, v.version desc
  ) sv
      left join comune structure_comune on structure_comune.istat_code = sv.comune
      left join (
    select zc.comune_code, z.code as zone_code, z.name as zone_name
    from zone_comune zc join zone z on z.code = zc.zone_code
    where z.region_code = $22
  ) zone_of on zone_of.comune_code = sv.comune
      offset 0
    ) sv on sv.structure_id = p.structure_id
  ) as classified)
        select "ageClass", "ageGroup", "bothSettings", "citizenshipGroup", "fosterForm", "fosterKind", "legalBasis", "lengthOfStay", "nationalType", "provenance", "province", "setting", "severalStays", "sex", "structureVersionMissing", "zone", grouping("ageClass", "ageGroup", "bothSettings", "citizenshipGroup", "fosterForm", "fosterKind", "legalBasis", "lengthOfStay", "nationalType", "provenance", "province", "setting", "severalStays", "sex", "structureVersionMissing", "zone")::int as grouping_mask,
          count(*)::int as count
        from units
        group by grouping sets (("ageGroup", "setting"), ("ageClass", "ageGroup", "setting"), ("ageGroup", "citizenshipGroup", "setting"), ("ageClass", "ageGroup", "setting", "sex"), ("ageGroup", "nationalType", "setting"), ("ageGroup", "legalBasis", "setting"), ("ageGroup", "lengthOfStay", "setting"), ("ageGroup", "provenance", "setting"), ("ageGroup", "province", "setting"), ("ageGroup", "setting", "zone"), ("ageGroup", "fosterForm", "fosterKind", "setting"), ("ageGroup", "setting", "sex"), ("ageGroup", "citizenshipGroup", "setting", "sex"), ("severalStays"), ("bothSettings"), ("structureVersionMissing"));
-- parameters: ["2025-12-31","2025-12-31","2025-12-31","09","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2025-12-31","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2026-01-15T10:00:00.000Z","09"]
