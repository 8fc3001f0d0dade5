set local jit = off;
-- parameters: []

set local work_mem = '64MB';
-- parameters: []

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
      null::text as "lengthOfStay",
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
      select minor.sex, minor.citizenship,
        (case when minor.birth_date is not null then
      (case when (s.admission_date)::date >= minor.birth_date then (extract(year from age((s.admission_date)::date, minor.birth_date))::int * 12
    + extract(month from age((s.admission_date)::date, minor.birth_date))::int) end)
    when minor.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from (s.admission_date)::date)::int * 12 + extract(month from (s.admission_date)::date)::int)
    - (substr(minor.birth_year_month, 1, 4)::int * 12 + substr(minor.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from (s.admission_date)::date)::int * 12 + extract(month from (s.admission_date)::date)::int)
    - (substr(minor.birth_year_month, 1, 4)::int * 12 + substr(minor.birth_year_month, 6, 2)::int)) end) as months
      from minor where minor.id = s.minor_id offset 0
    ) m
    left join comune referring on referring.istat_code = s.referring_comune
    where s.admission_date between $4::date and $5::date and true
  ) as classified)
        select "admissionKind", "ageClass", "ageGroup", "citizenshipGroup", "legalBasis", "origin", "sex", grouping("admissionKind", "ageClass", "ageGroup", "citizenshipGroup", "legalBasis", "origin", "sex")::int as grouping_mask,
          count(*)::int as count
        from units
        group by grouping sets (("ageGroup", "origin"), ("ageClass", "ageGroup", "sex"), ("ageGroup", "citizenshipGroup"), ("ageGroup", "legalBasis"), ("admissionKind", "ageGroup"), ("ageGroup", "sex"));
-- parameters: ["09","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2025-01-01","2025-12-31"]

with units as materialized (select * from (
    select (case when m.months is null then 'unknown' when m.months < 36 then '0-2' when m.months < 72 then '3-5' when m.months < 132 then '6-10' when m.months < 180 then '11-14' when m.months < 216 then '15-17' else '18-21' end) as "ageClass", (case when m.months >= 216 then 'young-adult' else 'minor' end) as "ageGroup", m.sex as "sex",
      (case when false then 'msna' when m.citizenship = '100' then 'italian'
    when coalesce(m.citizenship, '') = '' then 'unknown' else 'foreign' end) as "citizenshipGroup",
      'no' as "msna",
      (case f.kind when '1' then 'intra-familial' when '2' then 'hetero-familial' else 'unknown' end) as "fosterKind",
      (case f.form when '1' then 'consensual' when '2' then 'judicial' else 'unknown' end) as "fosterForm",
      null::text as "fosterOutcome",
      null::text as "lengthOfStay"
    from (
    select h.episode_id, h.case_id, coalesce(g.survivor_id, h.minor_id) as minor_id,
      h.service_organisation_id, h.start_date, least(h.end_date, h.case_closed_on) as end_date,
      h.form, h.kind, h.duration, h.character, h.nights_per_week, h.outcome
    from foster_care_history h
    left join minor_merge g on g.merged_id = h.minor_id and g.merged_at <= $1::timestamptz
          and (g.undone_at is null or g.undone_at > $2::timestamptz)
    where h.recorded_from <= $3::timestamptz
          and (h.recorded_to is null or h.recorded_to > $4::timestamptz)
  ) f
    cross join lateral (
      select minor.sex, minor.citizenship,
        (case when minor.birth_date is not null then
      (case when (f.start_date)::date >= minor.birth_date then (extract(year from age((f.start_date)::date, minor.birth_date))::int * 12
    + extract(month from age((f.start_date)::date, minor.birth_date))::int) end)
    when minor.birth_year_month ~ '^[0-9]{4}-[0-9]{2}$' and ((extract(year from (f.start_date)::date)::int * 12 + extract(month from (f.start_date)::date)::int)
    - (substr(minor.birth_year_month, 1, 4)::int * 12 + substr(minor.birth_year_month, 6, 2)::int)) >= 0 then ((extract(year from (f.start_date)::date)::int * 12 + extract(month from (f.start_date)::date)::int)
    - (substr(minor.birth_year_month, 1, 4)::int * 12 + substr(minor.birth_year_month, 6, 2)::int)) end) as months
      from minor where minor.id = f.minor_id offset 0
    ) m
    where (f.character = '1' and coalesce(f.nights_per_week, 7) >= 5)
      and f.start_date between $5::date and $6::date
      and true
  ) as classified)
        select "ageClass", "ageGroup", "fosterForm", "fosterKind", "sex", grouping("ageClass", "ageGroup", "fosterForm", "fosterKind", "sex")::int as grouping_mask,
          count(*)::int as count
        from units
        group by grouping sets (("ageClass", "ageGroup", "sex"), ("ageGroup", "fosterForm", "fosterKind"));
-- parameters: ["2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2025-01-01","2025-12-31"]
