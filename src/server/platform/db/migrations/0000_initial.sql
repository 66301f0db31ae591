CREATE TABLE "merger_municipalities" (
	"merger_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"name" text NOT NULL,
	"language_form" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "merger_municipalities_merger_id_municipality_number_pk" PRIMARY KEY("merger_id","municipality_number")
);
--> statement-breakpoint
CREATE TABLE "mergers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"new_municipality_name" text NOT NULL,
	"merger_date" date NOT NULL,
	"catalog_id" text NOT NULL,
	"catalog_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"phase_id" text NOT NULL,
	"activity_id" text NOT NULL,
	"catalog_item_id" text,
	"group_name" text,
	"title" text NOT NULL,
	"activity_position" integer NOT NULL,
	"position" integer NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"not_relevant_reason" text,
	"responsible" text,
	"due_date" date,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tasks_status_check" CHECK ("tasks"."status" in ('not_started', 'in_progress', 'done', 'not_relevant')),
	CONSTRAINT "tasks_not_relevant_reason_check" CHECK ("tasks"."status" <> 'not_relevant' or length(trim(coalesce("tasks"."not_relevant_reason", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "merger_municipalities" ADD CONSTRAINT "merger_municipalities_merger_id_mergers_id_fk" FOREIGN KEY ("merger_id") REFERENCES "public"."mergers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_merger_id_mergers_id_fk" FOREIGN KEY ("merger_id") REFERENCES "public"."mergers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_merger_order_idx" ON "tasks" USING btree ("merger_id","activity_position","position");