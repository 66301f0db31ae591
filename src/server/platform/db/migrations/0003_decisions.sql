CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"solution_area_id" text NOT NULL,
	"outcome" text NOT NULL,
	"target_system_id" uuid,
	"timing" text NOT NULL,
	"rationale" text,
	"state" text NOT NULL,
	"decided_by_user_id" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "decisions_merger_area_unique" UNIQUE("merger_id","solution_area_id"),
	CONSTRAINT "decisions_outcome_check" CHECK (outcome in ('continue', 'adapt', 'procure', 'retire')),
	CONSTRAINT "decisions_timing_check" CHECK (timing in ('before_merger', 'transition')),
	CONSTRAINT "decisions_state_check" CHECK (state in ('proposed', 'adopted')),
	CONSTRAINT "decisions_adopted_check" CHECK (state <> 'adopted' or decided_at is not null)
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_merger_id_mergers_id_fk" FOREIGN KEY ("merger_id") REFERENCES "public"."mergers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_target_system_fk" FOREIGN KEY ("merger_id","target_system_id") REFERENCES "public"."inventory_systems"("merger_id","id") ON DELETE no action ON UPDATE no action;