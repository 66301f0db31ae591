CREATE TABLE "inventory_archives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"location_kind" text,
	"system_id" uuid,
	"noark5" boolean,
	"volume" text,
	"period_from" integer,
	"period_to" integer,
	"access_needed" text,
	CONSTRAINT "inventory_archives_location_check" CHECK ("inventory_archives"."location_kind" in ('system', 'file_share', 'cloud', 'email', 'paper', 'other')),
	CONSTRAINT "inventory_archives_period_check" CHECK ("inventory_archives"."period_to" >= "inventory_archives"."period_from")
);
--> statement-breakpoint
CREATE TABLE "inventory_contract_systems" (
	"merger_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "inventory_contract_systems_contract_id_system_id_pk" PRIMARY KEY("contract_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "inventory_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"vendor" text NOT NULL,
	"type" text,
	"subject" text,
	"start_date" date,
	"end_date" date,
	"notice_period_months" integer,
	"termination_clause" text,
	"change_clause" text,
	"annual_cost" numeric(15, 2),
	CONSTRAINT "inventory_contracts_merger_id_unique" UNIQUE("merger_id","id"),
	CONSTRAINT "inventory_contracts_change_clause_check" CHECK ("inventory_contracts"."change_clause" in ('transfers', 'does_not_transfer', 'unknown')),
	CONSTRAINT "inventory_contracts_dates_check" CHECK ("inventory_contracts"."end_date" >= "inventory_contracts"."start_date"),
	CONSTRAINT "inventory_contracts_notice_check" CHECK ("inventory_contracts"."notice_period_months" >= 0),
	CONSTRAINT "inventory_contracts_cost_check" CHECK ("inventory_contracts"."annual_cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory_digital_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"vendor" text,
	"product_version" text,
	"channel" text,
	"system_id" uuid
);
--> statement-breakpoint
CREATE TABLE "inventory_infrastructure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"location" text,
	CONSTRAINT "inventory_infrastructure_category_check" CHECK ("inventory_infrastructure"."category" in ('server', 'server_room', 'network', 'security', 'identity_access', 'end_user', 'other'))
);
--> statement-breakpoint
CREATE TABLE "inventory_integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"from_system_id" uuid NOT NULL,
	"to_system_id" uuid,
	"common_solution_id" text,
	"direction" text,
	"method" text,
	CONSTRAINT "inventory_integrations_target_check" CHECK (num_nonnulls("inventory_integrations"."to_system_id", "inventory_integrations"."common_solution_id") = 1),
	CONSTRAINT "inventory_integrations_direction_check" CHECK ("inventory_integrations"."direction" in ('outbound', 'inbound', 'both')),
	CONSTRAINT "inventory_integrations_method_check" CHECK ("inventory_integrations"."method" in ('api', 'file', 'manual', 'other'))
);
--> statement-breakpoint
CREATE TABLE "inventory_intermunicipal_cooperation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"scope" text,
	"form" text,
	"partners" text,
	"archive" text,
	CONSTRAINT "inventory_intermunicipal_cooperation_form_check" CHECK ("inventory_intermunicipal_cooperation"."form" in ('iks', 'host_municipality', 'agreement', 'other'))
);
--> statement-breakpoint
CREATE TABLE "inventory_it_organisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"role" text NOT NULL,
	"competence" text,
	"fte" numeric(8, 2),
	CONSTRAINT "inventory_it_organisation_fte_check" CHECK ("inventory_it_organisation"."fte" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"vendor" text,
	"product" text,
	"product_version" text,
	"solution_area_id" text,
	"service_area" text,
	"hosting" text,
	"user_count" integer,
	"system_owner" text,
	"archive_worthy" boolean,
	CONSTRAINT "inventory_systems_merger_id_unique" UNIQUE("merger_id","id"),
	CONSTRAINT "inventory_systems_hosting_check" CHECK ("inventory_systems"."hosting" in ('local', 'vendor', 'saas', 'intermunicipal')),
	CONSTRAINT "inventory_systems_user_count_check" CHECK ("inventory_systems"."user_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "inventory_archives" ADD CONSTRAINT "inventory_archives_municipality_fk" FOREIGN KEY ("merger_id","municipality_number") REFERENCES "public"."merger_municipalities"("merger_id","municipality_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_archives" ADD CONSTRAINT "inventory_archives_system_fk" FOREIGN KEY ("merger_id","system_id") REFERENCES "public"."inventory_systems"("merger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_contract_systems" ADD CONSTRAINT "inventory_contract_systems_contract_fk" FOREIGN KEY ("merger_id","contract_id") REFERENCES "public"."inventory_contracts"("merger_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_contract_systems" ADD CONSTRAINT "inventory_contract_systems_system_fk" FOREIGN KEY ("merger_id","system_id") REFERENCES "public"."inventory_systems"("merger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_contracts" ADD CONSTRAINT "inventory_contracts_municipality_fk" FOREIGN KEY ("merger_id","municipality_number") REFERENCES "public"."merger_municipalities"("merger_id","municipality_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_digital_services" ADD CONSTRAINT "inventory_digital_services_municipality_fk" FOREIGN KEY ("merger_id","municipality_number") REFERENCES "public"."merger_municipalities"("merger_id","municipality_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_digital_services" ADD CONSTRAINT "inventory_digital_services_system_fk" FOREIGN KEY ("merger_id","system_id") REFERENCES "public"."inventory_systems"("merger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_infrastructure" ADD CONSTRAINT "inventory_infrastructure_municipality_fk" FOREIGN KEY ("merger_id","municipality_number") REFERENCES "public"."merger_municipalities"("merger_id","municipality_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_integrations" ADD CONSTRAINT "inventory_integrations_municipality_fk" FOREIGN KEY ("merger_id","municipality_number") REFERENCES "public"."merger_municipalities"("merger_id","municipality_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_integrations" ADD CONSTRAINT "inventory_integrations_from_fk" FOREIGN KEY ("merger_id","from_system_id") REFERENCES "public"."inventory_systems"("merger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_integrations" ADD CONSTRAINT "inventory_integrations_to_fk" FOREIGN KEY ("merger_id","to_system_id") REFERENCES "public"."inventory_systems"("merger_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_intermunicipal_cooperation" ADD CONSTRAINT "inventory_intermunicipal_cooperation_municipality_fk" FOREIGN KEY ("merger_id","municipality_number") REFERENCES "public"."merger_municipalities"("merger_id","municipality_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_it_organisation" ADD CONSTRAINT "inventory_it_organisation_municipality_fk" FOREIGN KEY ("merger_id","municipality_number") REFERENCES "public"."merger_municipalities"("merger_id","municipality_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_systems" ADD CONSTRAINT "inventory_systems_municipality_fk" FOREIGN KEY ("merger_id","municipality_number") REFERENCES "public"."merger_municipalities"("merger_id","municipality_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inventory_archives_merger_municipality_idx" ON "inventory_archives" USING btree ("merger_id","municipality_number");--> statement-breakpoint
CREATE INDEX "inventory_archives_system_idx" ON "inventory_archives" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "inventory_archives_merger_name_idx" ON "inventory_archives" USING btree ("merger_id",lower("name"));--> statement-breakpoint
CREATE INDEX "inventory_contract_systems_system_idx" ON "inventory_contract_systems" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "inventory_contracts_merger_municipality_idx" ON "inventory_contracts" USING btree ("merger_id","municipality_number");--> statement-breakpoint
CREATE INDEX "inventory_contracts_merger_vendor_idx" ON "inventory_contracts" USING btree ("merger_id",lower("vendor"));--> statement-breakpoint
CREATE INDEX "inventory_contracts_merger_end_idx" ON "inventory_contracts" USING btree ("merger_id","end_date");--> statement-breakpoint
CREATE INDEX "inventory_digital_services_merger_municipality_idx" ON "inventory_digital_services" USING btree ("merger_id","municipality_number");--> statement-breakpoint
CREATE INDEX "inventory_digital_services_system_idx" ON "inventory_digital_services" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "inventory_digital_services_merger_name_idx" ON "inventory_digital_services" USING btree ("merger_id",lower("name"));--> statement-breakpoint
CREATE INDEX "inventory_infrastructure_merger_municipality_idx" ON "inventory_infrastructure" USING btree ("merger_id","municipality_number");--> statement-breakpoint
CREATE INDEX "inventory_infrastructure_merger_name_idx" ON "inventory_infrastructure" USING btree ("merger_id",lower("name"));--> statement-breakpoint
CREATE INDEX "inventory_integrations_merger_municipality_idx" ON "inventory_integrations" USING btree ("merger_id","municipality_number");--> statement-breakpoint
CREATE INDEX "inventory_integrations_from_idx" ON "inventory_integrations" USING btree ("from_system_id");--> statement-breakpoint
CREATE INDEX "inventory_integrations_to_idx" ON "inventory_integrations" USING btree ("to_system_id");--> statement-breakpoint
CREATE INDEX "inventory_integrations_merger_common_idx" ON "inventory_integrations" USING btree ("merger_id","common_solution_id");--> statement-breakpoint
CREATE INDEX "inventory_intermunicipal_cooperation_merger_municipality_idx" ON "inventory_intermunicipal_cooperation" USING btree ("merger_id","municipality_number");--> statement-breakpoint
CREATE INDEX "inventory_intermunicipal_cooperation_merger_name_idx" ON "inventory_intermunicipal_cooperation" USING btree ("merger_id",lower("name"));--> statement-breakpoint
CREATE INDEX "inventory_it_organisation_merger_municipality_idx" ON "inventory_it_organisation" USING btree ("merger_id","municipality_number");--> statement-breakpoint
CREATE INDEX "inventory_systems_merger_municipality_idx" ON "inventory_systems" USING btree ("merger_id","municipality_number");--> statement-breakpoint
CREATE INDEX "inventory_systems_merger_area_idx" ON "inventory_systems" USING btree ("merger_id","solution_area_id");--> statement-breakpoint
CREATE INDEX "inventory_systems_merger_name_idx" ON "inventory_systems" USING btree ("merger_id",lower("name"));--> statement-breakpoint
CREATE INDEX "inventory_systems_merger_vendor_idx" ON "inventory_systems" USING btree ("merger_id",lower("vendor"));