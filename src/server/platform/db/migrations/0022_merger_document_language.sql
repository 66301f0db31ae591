ALTER TABLE "mergers" ADD COLUMN "document_language" text DEFAULT 'nb' NOT NULL;--> statement-breakpoint
ALTER TABLE "mergers" ADD CONSTRAINT "mergers_document_language_check" CHECK ("mergers"."document_language" in ('nb', 'nn', 'en'));--> statement-breakpoint
-- hand-written: a merger whose municipalities all write nynorsk already writes its documents in nynorsk (the rule new mergers follow).
UPDATE "mergers" SET "document_language" = 'nn' WHERE "id" IN (SELECT "merger_id" FROM "merger_municipalities" GROUP BY "merger_id" HAVING bool_and("language_form" = 'nynorsk'));
