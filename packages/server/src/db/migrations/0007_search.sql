CREATE TABLE "search_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"kind" text NOT NULL,
	"record_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"terms" "tsvector" NOT NULL,
	"year" integer,
	"state" text,
	"category" text,
	"sector_id" integer,
	"unit_ids" integer[] DEFAULT '{}' NOT NULL,
	"occurred_at" timestamp with time zone,
	"source_updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_watermarks" (
	"committee_id" integer NOT NULL,
	"kind" text NOT NULL,
	"synced_until" timestamp with time zone DEFAULT '-infinity' NOT NULL,
	"dictionary" text DEFAULT '' NOT NULL,
	CONSTRAINT "search_watermarks_committee_id_kind_pk" PRIMARY KEY("committee_id","kind")
);
--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_watermarks" ADD CONSTRAINT "search_watermarks_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "search_entries_kind_record_key" ON "search_entries" USING btree ("kind","record_id");--> statement-breakpoint
CREATE INDEX "search_entries_terms_idx" ON "search_entries" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "search_entries_committee_kind_idx" ON "search_entries" USING btree ("committee_id","kind","occurred_at");--> statement-breakpoint
CREATE INDEX "members_committee_updated_idx" ON "members" USING btree ("committee_id","updated_at");--> statement-breakpoint
CREATE INDEX "proposals_committee_updated_idx" ON "proposals" USING btree ("committee_id","updated_at");--> statement-breakpoint
CREATE INDEX "opinions_committee_updated_idx" ON "opinions" USING btree ("committee_id","updated_at");--> statement-breakpoint
CREATE INDEX "activities_committee_updated_idx" ON "activities" USING btree ("committee_id","updated_at");--> statement-breakpoint
CREATE INDEX "activity_suggestions_committee_updated_idx" ON "activity_suggestions" USING btree ("committee_id","updated_at");