CREATE TABLE "benefit_decisions" (
	"benefit_id" uuid NOT NULL,
	"merger_id" uuid NOT NULL,
	"solution_area_id" text NOT NULL,
	CONSTRAINT "benefit_decisions_benefit_id_solution_area_id_pk" PRIMARY KEY("benefit_id","solution_area_id")
);
--> statement-breakpoint
CREATE TABLE "benefit_opportunities" (
	"benefit_id" uuid NOT NULL,
	"opportunity_id" text NOT NULL,
	CONSTRAINT "benefit_opportunities_benefit_id_opportunity_id_pk" PRIMARY KEY("benefit_id","opportunity_id")
);
--> statement-breakpoint
CREATE TABLE "benefit_tasks" (
	"benefit_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	CONSTRAINT "benefit_tasks_benefit_id_task_id_pk" PRIMARY KEY("benefit_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "benefits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"service_area" text,
	"type" text NOT NULL,
	"owner" text,
	"responsible" text,
	"planned_realisation_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "benefits_type_check" CHECK (type in ('economic', 'quality', 'time', 'other')),
	CONSTRAINT "benefits_status_check" CHECK (status in ('planned', 'in_progress', 'realised', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "benefit_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"benefit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"baseline_value" double precision NOT NULL,
	"baseline_date" date NOT NULL,
	"target_value" double precision NOT NULL,
	"target_date" date NOT NULL,
	"direction" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "benefit_indicators_direction_check" CHECK (direction in ('higher', 'lower')),
	CONSTRAINT "benefit_indicators_dates_check" CHECK (target_date >= baseline_date)
);
--> statement-breakpoint
CREATE TABLE "benefit_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"value" double precision NOT NULL,
	"comment" text,
	"recorded_by_user_id" uuid,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "benefit_decisions" ADD CONSTRAINT "benefit_decisions_benefit_id_benefits_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_decisions" ADD CONSTRAINT "benefit_decisions_decision_fk" FOREIGN KEY ("merger_id","solution_area_id") REFERENCES "public"."decisions"("merger_id","solution_area_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_opportunities" ADD CONSTRAINT "benefit_opportunities_benefit_id_benefits_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_tasks" ADD CONSTRAINT "benefit_tasks_benefit_id_benefits_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_tasks" ADD CONSTRAINT "benefit_tasks_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_merger_id_mergers_id_fk" FOREIGN KEY ("merger_id") REFERENCES "public"."mergers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_indicators" ADD CONSTRAINT "benefit_indicators_benefit_id_benefits_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_measurements" ADD CONSTRAINT "benefit_measurements_indicator_id_benefit_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."benefit_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benefit_tasks_task_idx" ON "benefit_tasks" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "benefits_merger_idx" ON "benefits" USING btree ("merger_id");--> statement-breakpoint
CREATE INDEX "benefit_indicators_benefit_idx" ON "benefit_indicators" USING btree ("benefit_id");--> statement-breakpoint
CREATE INDEX "benefit_measurements_indicator_idx" ON "benefit_measurements" USING btree ("indicator_id","measured_on");