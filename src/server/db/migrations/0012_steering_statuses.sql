ALTER TABLE "tasks" ADD COLUMN "dates_follow_phase" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "deferral_accepted_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "deferral_accepted_by_name" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "deferral_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "deferral_reason" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_deferral_acceptance_check" CHECK (deferral_accepted_at is null or length(trim(coalesce(deferral_reason, ''))) > 0);