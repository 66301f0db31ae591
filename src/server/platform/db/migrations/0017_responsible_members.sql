CREATE TABLE "user_calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "user_calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "responsible_user_id" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "responsible" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "responsible_user_id" uuid;--> statement-breakpoint
ALTER TABLE "benefits" ADD COLUMN "responsible_user_id" uuid;--> statement-breakpoint
ALTER TABLE "risk_mitigations" ADD COLUMN "responsible_user_id" uuid;--> statement-breakpoint
ALTER TABLE "user_calendar_feeds" ADD CONSTRAINT "user_calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_mitigations" ADD CONSTRAINT "risk_mitigations_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_responsible_user_idx" ON "tasks" USING btree ("responsible_user_id");--> statement-breakpoint
CREATE INDEX "decisions_responsible_user_idx" ON "decisions" USING btree ("responsible_user_id");--> statement-breakpoint
CREATE INDEX "benefits_responsible_user_idx" ON "benefits" USING btree ("responsible_user_id");--> statement-breakpoint
CREATE INDEX "risk_mitigations_responsible_user_idx" ON "risk_mitigations" USING btree ("responsible_user_id");