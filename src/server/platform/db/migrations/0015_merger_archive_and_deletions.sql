CREATE TABLE "merger_deletions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merger_id" uuid NOT NULL,
	"merger_name" text NOT NULL,
	"is_demo" boolean NOT NULL,
	"deleted_by_user_id" uuid NOT NULL,
	"deleted_by_name" text NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"counts" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mergers" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
-- hand-written: the deletion log is instance-wide, so its changes count in the global
-- scope of the response cache (decision 019; every table has the trigger).
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "merger_deletions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('global');
