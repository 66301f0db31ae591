-- Decision 019: a response cache that every app node validates against the
-- database. Each committed change to a merger's data gives that merger a new
-- revision (a value never used before, from one sequence); changes to people
-- (names, e-mail, administrator) give the global scope one. A cached response
-- is served only while both revisions are what they were when it was made.
-- Kept in its own schema: it is bookkeeping, not data, so backups leave it out
-- and a restore rebuilds it through the same triggers.
CREATE SCHEMA "samla_cache";
--> statement-breakpoint
CREATE SEQUENCE "samla_cache"."revision_seq";
--> statement-breakpoint
CREATE TABLE "samla_cache"."revisions" (
  "scope" uuid PRIMARY KEY,
  "revision" bigint NOT NULL
);
--> statement-breakpoint
-- Deferred to commit, so the revision row is locked only for the instant of
-- committing (locking it at the first write would make two writers that touch
-- the same rows in another order deadlock), and once per scope and transaction
-- however many rows an import writes.
CREATE FUNCTION "samla_cache"."note_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed record;
  changed_scope uuid;
  marker text;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  CASE TG_ARGV[0]
    WHEN 'merger_id' THEN changed_scope := changed.merger_id;
    WHEN 'id' THEN changed_scope := changed.id;
    WHEN 'benefit_id' THEN
      SELECT b.merger_id INTO changed_scope FROM public.benefits b WHERE b.id = changed.benefit_id;
    WHEN 'indicator_id' THEN
      SELECT b.merger_id INTO changed_scope
        FROM public.benefit_indicators i JOIN public.benefits b ON b.id = i.benefit_id
        WHERE i.id = changed.indicator_id;
    ELSE changed_scope := '00000000-0000-0000-0000-000000000000';
  END CASE;
  -- A child deleted together with its benefit: the benefit's own row counted.
  IF changed_scope IS NULL THEN RETURN NULL; END IF;
  marker := 'samla_cache.s' || replace(changed_scope::text, '-', '');
  IF current_setting(marker, true) = 'noted' THEN RETURN NULL; END IF;
  PERFORM set_config(marker, 'noted', true);
  INSERT INTO "samla_cache"."revisions" ("scope", "revision")
    VALUES (changed_scope, nextval('samla_cache.revision_seq'))
    ON CONFLICT ("scope") DO UPDATE SET "revision" = excluded."revision";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "audit_events"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "benefit_decisions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "benefit_indicators"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('benefit_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "benefit_measurements"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('indicator_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "benefit_opportunities"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('benefit_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "benefit_tasks"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('benefit_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "benefits"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "calendar_feeds"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "decisions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "inventory_archives"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "inventory_contract_systems"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "inventory_contracts"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "inventory_digital_services"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "inventory_infrastructure"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "inventory_integrations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "inventory_intermunicipal_cooperation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "inventory_it_organisation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "inventory_systems"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "merger_members"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "merger_municipalities"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "mergers"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "milestones"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "phase_dates"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "risk_integrations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "risk_matrices"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "risk_mitigations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "risk_suggestion_dismissals"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "risk_systems"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "risks"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "task_dependencies"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "tasks"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('merger_id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "samla_cache_revision" AFTER INSERT OR UPDATE OR DELETE ON "users"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "samla_cache"."note_change"('global');
