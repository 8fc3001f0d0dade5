-- Discharges of a period (reports of flows): by the discharge day. Not partial: a partial index on
-- the current versions would tempt the planner away from the GiST index of presence.
CREATE INDEX stay_history_discharge ON stay_history (discharge_date);
