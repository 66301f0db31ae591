CREATE TABLE "status_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"overall_status" text NOT NULL,
	"status_reason" text NOT NULL,
	"main_points" jsonb NOT NULL,
	"decisions_requested" jsonb NOT NULL,
	"issued_by_user_id" uuid,
	"issued_by_name" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_name" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	CONSTRAINT "status_reports_overall_status_check" CHECK (overall_status in ('green', 'yellow', 'red')),
	CONSTRAINT "status_reports_period_check" CHECK (period_from <= period_to)
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "decision_maker" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "decision_maker_other" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "meeting_date" date;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "case_number" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "archive_url" text;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_merger_id_mergers_id_fk" FOREIGN KEY ("merger_id") REFERENCES "public"."mergers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_reports_merger_issued_idx" ON "status_reports" USING btree ("merger_id","issued_at");--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decision_maker_check" CHECK (decision_maker is null or decision_maker in ('steering_group', 'joint_committee', 'council', 'project_leader', 'other'));--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_archive_url_check" CHECK (archive_url is null or archive_url like 'https://%');--> statement-breakpoint
-- hand-written:
-- Issued reports are listed on the reports page: their changes must reach the response cache (decision 019).
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "status_reports"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
