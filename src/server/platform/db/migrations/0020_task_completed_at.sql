ALTER TABLE "tasks" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
-- hand-written: tasks already done were done when history last set them so (or when last changed, without history).
UPDATE "tasks" SET "completed_at" = coalesce(
  (SELECT max(e."at") FROM "audit_events" e
    WHERE e."merger_id" = "tasks"."merger_id" AND e."entity" = 'task' AND e."entity_id" = "tasks"."id"::text
      AND e."changes" @> '[{"field":"status","new":"done"}]'::jsonb),
  "tasks"."updated_at")
WHERE "status" = 'done';
