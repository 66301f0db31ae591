CREATE TABLE "risk_mitigations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner" text,
	"deadline" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "risk_mitigations_status_check" CHECK (status in ('planned', 'in_progress', 'done'))
);
--> statement-breakpoint
CREATE TABLE "risk_integrations" (
	"merger_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"integration_id" uuid NOT NULL,
	CONSTRAINT "risk_integrations_risk_id_integration_id_pk" PRIMARY KEY("risk_id","integration_id")
);
--> statement-breakpoint
CREATE TABLE "risk_matrices" (
	"merger_id" uuid PRIMARY KEY NOT NULL,
	"matrix" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_suggestion_dismissals" (
	"merger_id" uuid NOT NULL,
	"key" text NOT NULL,
	"dismissed_by_name" text NOT NULL,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_suggestion_dismissals_merger_id_key_pk" PRIMARY KEY("merger_id","key")
);
--> statement-breakpoint
CREATE TABLE "risk_systems" (
	"merger_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	CONSTRAINT "risk_systems_risk_id_system_id_pk" PRIMARY KEY("risk_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"cause" text,
	"area_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"consequences" jsonb NOT NULL,
	"likelihood" integer,
	"residual_likelihood" integer,
	"residual_consequence" integer,
	"owner" text,
	"status" text DEFAULT 'open' NOT NULL,
	"accepted_by_user_id" uuid,
	"accepted_by_name" text,
	"accepted_at" timestamp with time zone,
	"acceptance_reason" text,
	"next_review_date" date,
	"suggestion_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "risks_merger_id_unique" UNIQUE("merger_id","id"),
	CONSTRAINT "risks_merger_suggestion_unique" UNIQUE("merger_id","suggestion_key"),
	CONSTRAINT "risks_status_check" CHECK (status in ('open', 'in_progress', 'accepted', 'closed')),
	CONSTRAINT "risks_accepted_check" CHECK (status <> 'accepted' or (accepted_at is not null and length(trim(coalesce(acceptance_reason, ''))) > 0))
);
--> statement-breakpoint
ALTER TABLE "risk_mitigations" ADD CONSTRAINT "risk_mitigations_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_mitigations" ADD CONSTRAINT "risk_mitigations_risk_fk" FOREIGN KEY ("merger_id","risk_id") REFERENCES "public"."risks"("merger_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_integrations" ADD CONSTRAINT "risk_integrations_integration_id_inventory_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."inventory_integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_integrations" ADD CONSTRAINT "risk_integrations_risk_fk" FOREIGN KEY ("merger_id","risk_id") REFERENCES "public"."risks"("merger_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_matrices" ADD CONSTRAINT "risk_matrices_merger_id_mergers_id_fk" FOREIGN KEY ("merger_id") REFERENCES "public"."mergers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_suggestion_dismissals" ADD CONSTRAINT "risk_suggestion_dismissals_merger_id_mergers_id_fk" FOREIGN KEY ("merger_id") REFERENCES "public"."mergers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_systems" ADD CONSTRAINT "risk_systems_risk_fk" FOREIGN KEY ("merger_id","risk_id") REFERENCES "public"."risks"("merger_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_systems" ADD CONSTRAINT "risk_systems_system_fk" FOREIGN KEY ("merger_id","system_id") REFERENCES "public"."inventory_systems"("merger_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_merger_id_mergers_id_fk" FOREIGN KEY ("merger_id") REFERENCES "public"."mergers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_mitigations_risk_idx" ON "risk_mitigations" USING btree ("risk_id");--> statement-breakpoint
CREATE INDEX "risk_integrations_integration_idx" ON "risk_integrations" USING btree ("integration_id");--> statement-breakpoint
CREATE INDEX "risk_systems_system_idx" ON "risk_systems" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "risks_merger_idx" ON "risks" USING btree ("merger_id");