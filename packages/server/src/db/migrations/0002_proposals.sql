CREATE TABLE "proposal_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"contact_person" text NOT NULL,
	"contact_phone" text NOT NULL,
	"attachment_ids" integer[] DEFAULT '{}' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"drafted_by" integer NOT NULL,
	"head_approved_by" integer,
	"head_approved_at" timestamp with time zone,
	"head_comment" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"staff_review_note" text,
	"original_category" text,
	"sent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"direction" text NOT NULL,
	"unit_id" integer NOT NULL,
	"member_id" integer,
	"score" integer NOT NULL,
	"comment" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_followups" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"answer_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"request_note" text,
	"requested_by" integer NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"implementation" text,
	"report" text,
	"reported_by" integer,
	"reported_at" timestamp with time zone,
	"review_note" text,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "proposal_proposers" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"merged_from_id" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"invited_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"deadline" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "proposal_ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"answer_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"satisfaction" text NOT NULL,
	"attitude" text NOT NULL,
	"relevance" text NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_supervision_logs" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"author_user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"occurred_on" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_supervisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"leader_user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_unit_opinions" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"from_unit_id" integer NOT NULL,
	"to_unit_id" integer NOT NULL,
	"text" text NOT NULL,
	"contact_person" text,
	"attachment_ids" integer[] DEFAULT '{}' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"role" text NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledge_by" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"decline_reason" text,
	"original_deadline" timestamp with time zone,
	"extension_reason" text,
	"extended_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"kind" text,
	"number" integer,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"content" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"proposer_type" text DEFAULT 'member' NOT NULL,
	"organisation_proposer_id" integer,
	"lead_member_id" integer NOT NULL,
	"created_by" integer NOT NULL,
	"suggested_unit_ids" integer[] DEFAULT '{}' NOT NULL,
	"attachment_ids" integer[] DEFAULT '{}' NOT NULL,
	"cosign_deadline" timestamp with time zone,
	"rejection_ground" text,
	"rejection_reason" text,
	"rejection_disposition" text,
	"forward_unit_id" integer,
	"merged_into_id" integer,
	"return_comment" text,
	"reviewer_id" integer,
	"assignment_mode" text,
	"key_status" text DEFAULT 'none' NOT NULL,
	"excellent_status" text DEFAULT 'none' NOT NULL,
	"answer_category" text,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"deadline" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"rehandle_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"handled_by" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "proposal_answers" ADD CONSTRAINT "proposal_answers_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_answers" ADD CONSTRAINT "proposal_answers_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_answers" ADD CONSTRAINT "proposal_answers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_answers" ADD CONSTRAINT "proposal_answers_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_answers" ADD CONSTRAINT "proposal_answers_head_approved_by_users_id_fk" FOREIGN KEY ("head_approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_answers" ADD CONSTRAINT "proposal_answers_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_evaluations" ADD CONSTRAINT "proposal_evaluations_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_evaluations" ADD CONSTRAINT "proposal_evaluations_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_evaluations" ADD CONSTRAINT "proposal_evaluations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_evaluations" ADD CONSTRAINT "proposal_evaluations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_evaluations" ADD CONSTRAINT "proposal_evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_followups" ADD CONSTRAINT "proposal_followups_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_followups" ADD CONSTRAINT "proposal_followups_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_followups" ADD CONSTRAINT "proposal_followups_answer_id_proposal_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."proposal_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_followups" ADD CONSTRAINT "proposal_followups_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_followups" ADD CONSTRAINT "proposal_followups_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_followups" ADD CONSTRAINT "proposal_followups_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_proposers" ADD CONSTRAINT "proposal_proposers_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_proposers" ADD CONSTRAINT "proposal_proposers_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_proposers" ADD CONSTRAINT "proposal_proposers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_proposers" ADD CONSTRAINT "proposal_proposers_merged_from_id_proposals_id_fk" FOREIGN KEY ("merged_from_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_ratings" ADD CONSTRAINT "proposal_ratings_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_ratings" ADD CONSTRAINT "proposal_ratings_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_ratings" ADD CONSTRAINT "proposal_ratings_answer_id_proposal_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."proposal_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_ratings" ADD CONSTRAINT "proposal_ratings_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supervision_logs" ADD CONSTRAINT "proposal_supervision_logs_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supervision_logs" ADD CONSTRAINT "proposal_supervision_logs_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supervision_logs" ADD CONSTRAINT "proposal_supervision_logs_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supervisions" ADD CONSTRAINT "proposal_supervisions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supervisions" ADD CONSTRAINT "proposal_supervisions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supervisions" ADD CONSTRAINT "proposal_supervisions_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_unit_opinions" ADD CONSTRAINT "proposal_unit_opinions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_unit_opinions" ADD CONSTRAINT "proposal_unit_opinions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_unit_opinions" ADD CONSTRAINT "proposal_unit_opinions_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_unit_opinions" ADD CONSTRAINT "proposal_unit_opinions_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_unit_opinions" ADD CONSTRAINT "proposal_unit_opinions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_units" ADD CONSTRAINT "proposal_units_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_units" ADD CONSTRAINT "proposal_units_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_units" ADD CONSTRAINT "proposal_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_session_id_plenary_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."plenary_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_organisation_proposer_id_organisation_proposers_id_fk" FOREIGN KEY ("organisation_proposer_id") REFERENCES "public"."organisation_proposers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_lead_member_id_members_id_fk" FOREIGN KEY ("lead_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_forward_unit_id_units_id_fk" FOREIGN KEY ("forward_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_merged_into_id_proposals_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_events" ADD CONSTRAINT "domain_events_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_answers_round_key" ON "proposal_answers" USING btree ("proposal_id","unit_id","round");--> statement-breakpoint
CREATE INDEX "proposal_answers_unit_idx" ON "proposal_answers" USING btree ("unit_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_evaluations_unit_key" ON "proposal_evaluations" USING btree ("proposal_id","unit_id") WHERE "proposal_evaluations"."direction" = 'unitToProposal';--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_evaluations_proposer_key" ON "proposal_evaluations" USING btree ("proposal_id","unit_id","member_id") WHERE "proposal_evaluations"."direction" = 'proposerToHandling';--> statement-breakpoint
CREATE INDEX "proposal_followups_proposal_idx" ON "proposal_followups" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_proposers_proposal_member_key" ON "proposal_proposers" USING btree ("proposal_id","member_id");--> statement-breakpoint
CREATE INDEX "proposal_proposers_member_idx" ON "proposal_proposers" USING btree ("member_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_ratings_answer_member_key" ON "proposal_ratings" USING btree ("answer_id","member_id");--> statement-breakpoint
CREATE INDEX "proposal_supervision_logs_proposal_idx" ON "proposal_supervision_logs" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_supervisions_key" ON "proposal_supervisions" USING btree ("proposal_id","leader_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_unit_opinions_key" ON "proposal_unit_opinions" USING btree ("proposal_id","from_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_units_active_key" ON "proposal_units" USING btree ("proposal_id","unit_id") WHERE "proposal_units"."active";--> statement-breakpoint
CREATE INDEX "proposal_units_unit_idx" ON "proposal_units" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_session_number_key" ON "proposals" USING btree ("session_id","number");--> statement-breakpoint
CREATE INDEX "proposals_committee_state_idx" ON "proposals" USING btree ("committee_id","state");--> statement-breakpoint
CREATE INDEX "proposals_lead_member_idx" ON "proposals" USING btree ("lead_member_id");--> statement-breakpoint
CREATE INDEX "proposals_title_trgm_idx" ON "proposals" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "domain_events_name_idx" ON "domain_events" USING btree ("name","created_at");