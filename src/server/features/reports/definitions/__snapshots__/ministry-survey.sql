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
      coalesce(sv.national_type, 'unknown') as "nationalType",
      coalesce(p.legal_basis, 'unknown') as "legalBasis",
      (case when extract(year from age($1::date, p.admission_date)) < 1 then '<1y' when extract(year from age($2::date, p.admission_date)) < 2 then '1-2y' when extract(year from age($3::date, p.admission_date)) < 4 then '2-4y' else '>4y' end) as "lengthOfStay",
      (case when p.referring_comune is null then 'unknown'
    when referring.region_code = $4 then 'in-region'
    when referring.region_code is not null then 'out-of-region' else 'unknown' end) as "provenance",
      coalesce(structure_comune.province_abbreviation, 'unknown') as "province",
      coalesce(zone_of.zone_code, 'unknown') as "zone",
      (case when p.present_stays > 1 then 'yes' else 'no' end) as "severalStays",
      (case when sv.structure_id is null then 'yes' else 'no' end) as "structureVersionMissing",
      p.structure_id::text as "structureId"
    from (
    select chosen.* from (
      select distinct on (s.minor_id) s.*, count(*) over (partition by s.minor_id
          order by s.admission_date desc, s.stay_id desc
          rows between unbounded preceding and unbounded following)::int as present_stays
      from (
    select h.stay_id, h.structure_id, h.minor_id, h.admission_date, h.admission_kind, h.legal_basis,
      h.referring_comune, h.origin, h.msna, h.discharge_date, h.discharge_reason, h.discharge_destination
    from stay_history h
    where h.recorded_from <= $5::timestamptz
          and (h.recorded_to is null or h.recorded_to > $6::timestamptz) and h.admission_date is not null and h.minor_id is not null
      and h.status in ('open', 'closed')
  ) s
      where (s.admission_date is not null and daterange(s.admission_date, case when s.discharge_date < s.admission_date
    then s.admission_date else s.discharge_date end, '[)') @> ($7::date)::date)
      order by s.minor_id, s.admission_date desc, s.stay_id desc
    ) chosen
    where true
  ) p
    cross join lateral (
      select minor.sex, minor.citizenship, (case when minor.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from $8::date)::int * 12 + extract(month from $9::date)::int)
    - (substr(minor.birth_year_month, 1, 4)::int * 12 + substr(minor.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from $10::date)::int * 12 + extract(month from $11::date)::int)
    - (substr(minor.birth_year_month, 1, 4)::int * 12 + substr(minor.birth_year_month, 6, 2)::int)) end) as months
      from minor where minor.id = p.minor_id offset 0
    ) m
    left join comune referring on referring.istat_code = p.referring_comune
    left join (
    select distinct on (v.structure_id) v.structure_id, v.name, v.status, v.national_type, v.comune,
      v.authorised_places, v.emergency_extra_places, v.record->>'istatCharacter' as istat_character,
      v.record->>'istatFunction' as istat_function
    from structure_version v
    where v.valid_from <= $12::date and v.recorded_at <= $13::timestamptz
    order by v.structure_id, v.valid_from desc, v.version desc
  ) sv on sv.structure_id = p.structure_id
    left join comune structure_comune on structure_comune.istat_code = sv.comune
    left join (
    select zc.comune_code, z.code as zone_code, z.name as zone_name
    from zone_comune zc join zone z on z.code = zc.zone_code
    where z.region_code = $14
  ) zone_of on zone_of.comune_code = sv.comune
  ) as classified)
        select "ageClass", "ageGroup", "citizenshipGroup", "lengthOfStay", "msna", "nationalType", "provenance", "severalStays", "sex", "structureVersionMissing", grouping("ageClass", "ageGroup", "citizenshipGroup", "lengthOfStay", "msna", "nationalType", "provenance", "severalStays", "sex", "structureVersionMissing")::int as grouping_mask,
          count(*)::int as count
        from units
        group by grouping sets (("ageClass", "ageGroup", "msna", "sex"), ("ageGroup", "citizenshipGroup", "msna"), ("ageGroup", "msna", "nationalType"), ("ageGroup", "lengthOfStay", "msna"), ("ageGroup", "msna", "provenance"), ("ageGroup", "citizenshipGroup"), ("ageGroup", "citizenshipGroup", "sex"), ("severalStays"), ("structureVersionMissing"));
-- parameters: ["2025-12-31","2025-12-31","2025-12-31","09","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2025-12-31","2026-01-15T10:00:00.000Z","09"]

with units as materialized (select * from (
    select (case when m.months is null then 'unknown' when m.months < 36 then '0-2' when m.months < 72 then '3-5' when m.months < 132 then '6-10' when m.months < 180 then '11-14' when m.months < 216 then '15-17' else '18-21' end) as "ageClass", (case when m.months >= 216 then 'young-adult' else 'minor' end) as "ageGroup", m.sex as "sex",
      (case when s.msna then 'msna' when m.citizenship = '100' then 'italian'
    when coalesce(m.citizenship, '') = '' then 'unknown' else 'foreign' end) as "citizenshipGroup",
      (case when s.msna then 'yes' else 'no' end) as "msna",
      (case when coalesce(m.citizenship, '') = '100' and not s.msna then 'italian' else 'foreign' end) as "istatCitizenship",
      coalesce(s.origin, 'unknown') as "origin",
      coalesce(s.legal_basis, 'unknown') as "legalBasis",
      coalesce(s.admission_kind, 'unknown') as "admissionKind",
      coalesce(s.discharge_destination, 'unknown') as "destination",
      coalesce(s.discharge_reason, 'unknown') as "reason",
      (case when extract(year from age(s.discharge_date, s.admission_date)) < 1 then '<1y' when extract(year from age(s.discharge_date, s.admission_date)) < 2 then '1-2y' when extract(year from age(s.discharge_date, s.admission_date)) < 4 then '2-4y' else '>4y' end) as "lengthOfStay",
      (case when s.referring_comune is null then 'unknown'
    when referring.region_code = $1 then 'in-region'
    when referring.region_code is not null then 'out-of-region' else 'unknown' end) as "provenance",
      s.structure_id::text as "structureId"
    from (
    select h.stay_id, h.structure_id, h.minor_id, h.admission_date, h.admission_kind, h.legal_basis,
      h.referring_comune, h.origin, h.msna, h.discharge_date, h.discharge_reason, h.discharge_destination
    from stay_history h
    where h.recorded_from <= $2::timestamptz
          and (h.recorded_to is null or h.recorded_to > $3::timestamptz) and h.admission_date is not null and h.minor_id is not null
      and h.status in ('open', 'closed')
  ) s
    cross join lateral (
      select minor.sex, minor.citizenship, (case when minor.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from s.discharge_date)::int * 12 + extract(month from s.discharge_date)::int)
    - (substr(minor.birth_year_month, 1, 4)::int * 12 + substr(minor.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from s.discharge_date)::int * 12 + extract(month from s.discharge_date)::int)
    - (substr(minor.birth_year_month, 1, 4)::int * 12 + substr(minor.birth_year_month, 6, 2)::int)) end) as months
      from minor where minor.id = s.minor_id offset 0
    ) m
    left join comune referring on referring.istat_code = s.referring_comune
    where s.discharge_date between $4::date and $5::date and true
  ) as classified)
        select "ageGroup", "destination", "msna", grouping("ageGroup", "destination", "msna")::int as grouping_mask,
          count(*)::int as count
        from units
        group by grouping sets (("ageGroup", "destination", "msna"), ("ageGroup", "destination"));
-- parameters: ["09","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2025-01-01","2025-12-31"]
