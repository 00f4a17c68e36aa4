-- The distinct pairs of adjacent characters of a text, lower-cased: a title contains a keyword of two
-- or more characters only if it holds every pair of the keyword, which a GIN index answers.
CREATE FUNCTION title_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}') FROM generate_series(1, char_length(t) - 1) AS i
$$;--> statement-breakpoint
CREATE TABLE "data_revisions" (
	"committee_id" integer PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "proposals_committee_state_idx";--> statement-breakpoint
ALTER TABLE "data_revisions" ADD CONSTRAINT "data_revisions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_ratings_proposal_idx" ON "proposal_ratings" USING btree ("proposal_id","member_id");--> statement-breakpoint
CREATE INDEX "proposal_units_open_deadline_idx" ON "proposal_units" USING btree ("committee_id","deadline") WHERE "proposal_units"."active" and "proposal_units"."status" <> 'answered';--> statement-breakpoint
CREATE INDEX "proposals_committee_figures_idx" ON "proposals" USING btree ("committee_id","state","session_id","category","kind","answer_category","key_status","lead_member_id");--> statement-breakpoint
CREATE INDEX "proposals_committee_number_idx" ON "proposals" USING btree ("committee_id","number");--> statement-breakpoint
CREATE INDEX "proposals_title_bigrams_idx" ON "proposals" USING gin (title_bigrams("title"));--> statement-breakpoint
-- Every statement that changes rows of these tables raises the revision of each committee it touched, in
-- its own transaction: a count or figure kept with a revision is current while the revision stands.
CREATE FUNCTION bump_data_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_revisions (committee_id, revision)
    SELECT DISTINCT committee_id, 1 FROM changed_rows
  ON CONFLICT (committee_id) DO UPDATE SET revision = data_revisions.revision + 1;
  RETURN NULL;
END $$;--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['proposals', 'proposal_proposers', 'proposal_units', 'proposal_answers',
    'proposal_ratings', 'proposal_supervisions', 'proposal_supervision_logs', 'members', 'units',
    'sectors', 'plenary_sessions', 'organisation_proposers']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision()', t || '_revision_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision()', t || '_revision_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision()', t || '_revision_delete', t);
  END LOOP;
END $$;
