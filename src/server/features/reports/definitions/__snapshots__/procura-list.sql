set local jit = off;
-- parameters: []

set local work_mem = '64MB';
-- parameters: []

select structure.id, (select v.name from structure_version v where v.structure_id = structure.id
              order by v.valid_from desc, v.version desc limit 1) as name
            from structure where structure.code = $1;
-- parameters: ["ST000040"]

select s.stay_id as "stayId", s.minor_id as "minorId", m.pseudonym,
            s.admission_date::text as "admissionDate", s.discharge_date::text as "dischargeDate",
            s.legal_basis as "legalBasis", current_stay.referring_service_code as "referringService"
          from (
    select h.stay_id, h.structure_id, h.minor_id, h.admission_date, h.admission_kind, h.legal_basis,
      h.referring_comune, h.origin, h.msna, h.discharge_date, h.discharge_reason, h.discharge_destination
    from stay_history h
    where h.recorded_from <= $1::timestamptz
          and (h.recorded_to is null or h.recorded_to > $2::timestamptz) and h.admission_date is not null and h.minor_id is not null
      and h.status in ('open', 'closed')
  ) s
          join minor m on m.id = s.minor_id
          left join stay current_stay on current_stay.id = s.stay_id
          where s.structure_id = $3::uuid and (s.admission_date is not null
    and daterange(s.admission_date, case when s.discharge_date < s.admission_date then s.admission_date else s.discharge_date end, '[)') && daterange(($4)::date, ($5)::date, '[]'));
-- parameters: ["2026-01-15T10:00:00.000Z","2026-01-15T10:00:00.000Z","<uuid>","2026-01-01","2026-06-30"]
