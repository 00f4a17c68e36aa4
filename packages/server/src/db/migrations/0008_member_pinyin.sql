-- Pinyin cannot be computed in SQL: rows written before this migration are filled at start-up, right after
-- the migrations run (backfillNameSpelling in modules/organisation/member-search.ts, called by runMigrations).
ALTER TABLE "members" ADD COLUMN "name_pinyin" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "name_initials" text DEFAULT '' NOT NULL;