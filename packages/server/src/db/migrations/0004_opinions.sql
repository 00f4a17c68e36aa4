CREATE TABLE "opinion_coauthors" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"opinion_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opinion_forwardings" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"opinion_id" integer NOT NULL,
	"channel" text NOT NULL,
	"unit_id" integer NOT NULL,
	"work_order_number" text,
	"deadline" timestamp with time zone NOT NULL,
	"note" text,
	"state" text DEFAULT 'forwarded' NOT NULL,
	"answer_text" text,
	"answer_attachment_ids" integer[] DEFAULT '{}' NOT NULL,
	"return_reason" text,
	"review_comment" text,
	"forwarded_by" integer NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_instructions" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"opinion_id" integer NOT NULL,
	"leader_name" text NOT NULL,
	"leader_post" text NOT NULL,
	"level" text NOT NULL,
	"text" text NOT NULL,
	"instructed_on" date NOT NULL,
	"attachment_ids" integer[] DEFAULT '{}' NOT NULL,
	"unit_id" integer,
	"result" text,
	"done_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_issue_articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"issue_id" integer NOT NULL,
	"opinion_id" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_issues" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"report_to" text[] DEFAULT '{}' NOT NULL,
	"copy_to" text[] DEFAULT '{}' NOT NULL,
	"report_to_parent" boolean DEFAULT false NOT NULL,
	"compiled_by" integer NOT NULL,
	"sent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_ledger" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"opinion_id" integer NOT NULL,
	"level" text NOT NULL,
	"event" text NOT NULL,
	"at_committee_id" integer,
	"note" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"opinion_id" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"editor_id" integer NOT NULL,
	"editor_name" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinions" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"content" text NOT NULL,
	"edited_title" text,
	"edited_content" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"submitter_type" text NOT NULL,
	"submitted_by" integer NOT NULL,
	"lead_member_id" integer,
	"organisation_proposer_id" integer,
	"attachment_ids" integer[] DEFAULT '{}' NOT NULL,
	"source_proposal_id" integer,
	"source_opinion_id" integer,
	"source_committee_id" integer,
	"adoption_kind" text,
	"combined_into_id" integer,
	"return_comment" text,
	"archive_reason" text,
	"editor_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opinion_coauthors" ADD CONSTRAINT "opinion_coauthors_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_coauthors" ADD CONSTRAINT "opinion_coauthors_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_coauthors" ADD CONSTRAINT "opinion_coauthors_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_forwardings" ADD CONSTRAINT "opinion_forwardings_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_forwardings" ADD CONSTRAINT "opinion_forwardings_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_forwardings" ADD CONSTRAINT "opinion_forwardings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_forwardings" ADD CONSTRAINT "opinion_forwardings_forwarded_by_users_id_fk" FOREIGN KEY ("forwarded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_instructions" ADD CONSTRAINT "opinion_instructions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_instructions" ADD CONSTRAINT "opinion_instructions_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_instructions" ADD CONSTRAINT "opinion_instructions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_instructions" ADD CONSTRAINT "opinion_instructions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_issue_articles" ADD CONSTRAINT "opinion_issue_articles_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_issue_articles" ADD CONSTRAINT "opinion_issue_articles_issue_id_opinion_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."opinion_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_issue_articles" ADD CONSTRAINT "opinion_issue_articles_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_issues" ADD CONSTRAINT "opinion_issues_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_issues" ADD CONSTRAINT "opinion_issues_compiled_by_users_id_fk" FOREIGN KEY ("compiled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_ledger" ADD CONSTRAINT "opinion_ledger_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_ledger" ADD CONSTRAINT "opinion_ledger_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_ledger" ADD CONSTRAINT "opinion_ledger_at_committee_id_committees_id_fk" FOREIGN KEY ("at_committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_versions" ADD CONSTRAINT "opinion_versions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_versions" ADD CONSTRAINT "opinion_versions_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_versions" ADD CONSTRAINT "opinion_versions_editor_id_users_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_lead_member_id_members_id_fk" FOREIGN KEY ("lead_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_organisation_proposer_id_organisation_proposers_id_fk" FOREIGN KEY ("organisation_proposer_id") REFERENCES "public"."organisation_proposers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_source_proposal_id_proposals_id_fk" FOREIGN KEY ("source_proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_source_opinion_id_opinions_id_fk" FOREIGN KEY ("source_opinion_id") REFERENCES "public"."opinions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_source_committee_id_committees_id_fk" FOREIGN KEY ("source_committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_combined_into_id_opinions_id_fk" FOREIGN KEY ("combined_into_id") REFERENCES "public"."opinions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_editor_id_users_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_coauthors_key" ON "opinion_coauthors" USING btree ("opinion_id","member_id");--> statement-breakpoint
CREATE INDEX "opinion_coauthors_member_idx" ON "opinion_coauthors" USING btree ("member_id","status");--> statement-breakpoint
CREATE INDEX "opinion_forwardings_unit_idx" ON "opinion_forwardings" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "opinion_forwardings_opinion_idx" ON "opinion_forwardings" USING btree ("opinion_id");--> statement-breakpoint
CREATE INDEX "opinion_forwardings_committee_idx" ON "opinion_forwardings" USING btree ("committee_id","created_at");--> statement-breakpoint
CREATE INDEX "opinion_instructions_opinion_idx" ON "opinion_instructions" USING btree ("opinion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_issue_articles_key" ON "opinion_issue_articles" USING btree ("issue_id","opinion_id");--> statement-breakpoint
CREATE INDEX "opinion_issue_articles_opinion_idx" ON "opinion_issue_articles" USING btree ("opinion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_issues_number_key" ON "opinion_issues" USING btree ("committee_id","series","year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_ledger_key" ON "opinion_ledger" USING btree ("opinion_id","level","event");--> statement-breakpoint
CREATE INDEX "opinion_ledger_committee_idx" ON "opinion_ledger" USING btree ("committee_id","event","level");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_versions_key" ON "opinion_versions" USING btree ("opinion_id","number");--> statement-breakpoint
CREATE INDEX "opinions_committee_state_idx" ON "opinions" USING btree ("committee_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "opinions_committee_submitted_idx" ON "opinions" USING btree ("committee_id","submitted_at");--> statement-breakpoint
CREATE INDEX "opinions_lead_member_idx" ON "opinions" USING btree ("lead_member_id");--> statement-breakpoint
CREATE INDEX "opinions_submitted_by_idx" ON "opinions" USING btree ("submitted_by");--> statement-breakpoint
CREATE UNIQUE INDEX "opinions_source_key" ON "opinions" USING btree ("committee_id","source_opinion_id") WHERE "opinions"."source_opinion_id" is not null;--> statement-breakpoint
CREATE INDEX "opinions_combined_into_idx" ON "opinions" USING btree ("combined_into_id");