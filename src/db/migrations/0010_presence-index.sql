-- Who is present on a day is a containment test on the stay's days of presence: from the
-- admission (included) to the discharge (excluded). A GiST index on that range finds the few
-- tens of thousands present among ten years of stays, whatever the day. An open stay has no
-- upper bound; the CASE keeps the expression total for a discharge before its admission (never
-- accepted, but an index expression must not fail).
CREATE INDEX stay_history_current_days ON stay_history
  USING gist (daterange(admission_date, CASE WHEN discharge_date < admission_date THEN admission_date ELSE discharge_date END, '[)'))
  WHERE recorded_to IS NULL;
--> statement-breakpoint
CREATE INDEX stay_history_days ON stay_history
  USING gist (daterange(admission_date, CASE WHEN discharge_date < admission_date THEN admission_date ELSE discharge_date END, '[)'));
