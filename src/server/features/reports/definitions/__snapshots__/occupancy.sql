set local jit = off;
-- parameters: []

set local work_mem = '64MB';
-- parameters: []

select province_abbreviation as value from comune where region_code = $1
        group by province_code, province_abbreviation order by province_code;
-- parameters: ["09"]

select code as value from zone where region_code = $1 order by code;
-- parameters: ["09"]

select structure.id as "structureId", structure.code, sv.name, sv.status,
          sv.national_type as "nationalType", zone_of.zone_code as "zoneCode", zone_of.zone_name as "zoneName",
          coalesce(sv.authorised_places, 0)::int as "authorisedPlaces",
          coalesce(sv.emergency_extra_places, 0)::int as "emergencyExtraPlaces",
          coalesce(pr.present, 0)::int as "present"
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
    select zc.comune_code, z.code as zone_code, z.name as zone_name
    from zone_comune zc join zone z on z.code = zc.zone_code
    where z.region_code = $3
  ) zone_of on zone_of.comune_code = sv.comune
        left join (
          select p.structure_id, count(*) as present from (
    select chosen.* from (
      select distinct on (s.minor_id) s.*, count(*) over (partition by s.minor_id
          order by s.admission_date desc, s.stay_id desc
          rows between unbounded preceding and unbounded following)::int as present_stays
      from (
    select h.stay_id, h.structure_id, h.minor_id, h.admission_date, h.admission_kind, h.legal_basis,
      h.referring_comune, h.origin, h.msna, h.discharge_date, h.discharge_reason, h.discharge_destination
    from stay_history h
    where h.recorded_from <= $4::timestamptz
          and (h.recorded_to is null or h.recorded_to > $5::timestamptz) and h.admission_date is not null and h.minor_id is not null
      and h.status in ('open', 'closed')
  ) s
      where (s.admission_date is not null and daterange(s.admission_date, case when s.discharge_date < s.admission_date then s.admission_date else s.discharge_date end, '[)') @> ($6::date)::date)
      order by s.minor_id, s.admission_date desc, s.stay_id desc
    ) chosen
    where true
  ) p
          group by p.structure_id
        ) pr on pr.structure_id = structure.id
        where true and true
          and (sv.status is not null or pr.structure_id is not null)
        order by structure.code nulls last, structure.id;
-- parameters: ["2025-12-31","2026-01-15T10:00:00.000Z","09","2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","2025-12-31"]
