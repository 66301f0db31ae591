ALTER TABLE "tasks" ADD COLUMN "dates_follow_phase" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "deferral_accepted_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "deferral_accepted_by_name" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "deferral_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "deferral_reason" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_deferral_acceptance_check" CHECK (deferral_accepted_at is null or length(trim(coalesce(deferral_reason, ''))) > 0);--> statement-breakpoint
-- Tasks a veivalg put in the plan before Samla dated them get what new ones get
-- (decision 030): the whole of their phase, by the project's own phase dates where it
-- set them, else the defaults from the merger date (schedule.domain.ts: phase 4 is the
-- nine months before the merger date, phase 5 the year from it), and dates that follow
-- the phase from now on. A veivalg's tasks are the library's area tasks («omrade-…»)
-- and go only to phases 4 and 5. A task with either date set is left alone: a person
-- set it. History says Samla did it.
WITH phase_span AS (
  SELECT m.id AS merger_id,
    p.number AS phase_number,
    coalesce(pd.start_date, CASE p.number WHEN 4 THEN (m.merger_date - interval '9 months')::date ELSE m.merger_date END) AS start_date,
    coalesce(pd.end_date, CASE p.number WHEN 4 THEN m.merger_date - 1 ELSE (m.merger_date + interval '12 months')::date - 1 END) AS end_date
  FROM mergers m
  CROSS JOIN (VALUES (4), (5)) AS p(number)
  LEFT JOIN phase_dates pd ON pd.merger_id = m.id AND pd.phase_number = p.number
), dated AS (
  UPDATE tasks t
  SET planned_start = s.start_date, due_date = s.end_date, dates_follow_phase = true, version = t.version + 1, updated_at = now()
  FROM phase_span s
  WHERE t.merger_id = s.merger_id
    AND t.phase_id = 'fase-' || s.phase_number
    AND t.catalog_item_id LIKE 'omrade-%'
    AND t.planned_start IS NULL
    AND t.due_date IS NULL
  RETURNING t.id, t.merger_id, t.title, t.planned_start, t.due_date
)
INSERT INTO audit_events (merger_id, actor_user_id, actor_name, actor_email, entity, entity_id, entity_label, action, changes)
SELECT merger_id, NULL, 'Samla', NULL, 'task', id::text, title, 'update',
  jsonb_build_array(
    jsonb_build_object('field', 'plannedStart', 'old', NULL, 'new', planned_start),
    jsonb_build_object('field', 'dueDate', 'old', NULL, 'new', due_date)
  )
FROM dated;
