CREATE TABLE "activity_speeches" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"mode" text NOT NULL,
	"title" text NOT NULL,
	"content" text,
	"attachment_ids" integer[] DEFAULT '{}' NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"decision_note" text,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_suggestions" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"content" text NOT NULL,
	"unit_id" integer,
	"deadline" timestamp with time zone,
	"state" text DEFAULT 'proposed' NOT NULL,
	"sent_at" timestamp with time zone,
	"adoption_feedback" text,
	"adopted_on" timestamp with time zone,
	"implementation_feedback" text,
	"implemented_on" timestamp with time zone,
	"evidence_attachment_ids" integer[] DEFAULT '{}' NOT NULL,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_plan_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"position" integer NOT NULL,
	"topic" text NOT NULL,
	"kind" text NOT NULL,
	"lead_special_committee_id" integer,
	"quarter" smallint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_on" timestamp with time zone,
	"document_number" text,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reading_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"activity_id" integer,
	"book_title" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "resident_issue" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "issue_resolved" boolean;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "visited_count" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "leader_instructions" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "plan_item_id" integer;--> statement-breakpoint
ALTER TABLE "activity_speeches" ADD CONSTRAINT "activity_speeches_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_speeches" ADD CONSTRAINT "activity_speeches_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_speeches" ADD CONSTRAINT "activity_speeches_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_speeches" ADD CONSTRAINT "activity_speeches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_suggestions" ADD CONSTRAINT "activity_suggestions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_suggestions" ADD CONSTRAINT "activity_suggestions_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_suggestions" ADD CONSTRAINT "activity_suggestions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_suggestions" ADD CONSTRAINT "activity_suggestions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_plan_items" ADD CONSTRAINT "consultation_plan_items_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_plan_items" ADD CONSTRAINT "consultation_plan_items_plan_id_consultation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."consultation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_plan_items" ADD CONSTRAINT "consultation_plan_items_lead_special_committee_id_special_committees_id_fk" FOREIGN KEY ("lead_special_committee_id") REFERENCES "public"."special_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_plans" ADD CONSTRAINT "consultation_plans_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_plans" ADD CONSTRAINT "consultation_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_notes" ADD CONSTRAINT "reading_notes_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_notes" ADD CONSTRAINT "reading_notes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_notes" ADD CONSTRAINT "reading_notes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_speeches_activity_idx" ON "activity_speeches" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_speeches_member_idx" ON "activity_speeches" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE INDEX "activity_speeches_committee_state_idx" ON "activity_speeches" USING btree ("committee_id","state","created_at");--> statement-breakpoint
CREATE INDEX "activity_suggestions_activity_idx" ON "activity_suggestions" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_suggestions_committee_state_idx" ON "activity_suggestions" USING btree ("committee_id","state","created_at");--> statement-breakpoint
CREATE INDEX "activity_suggestions_unit_state_idx" ON "activity_suggestions" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "consultation_plan_items_plan_idx" ON "consultation_plan_items" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_plans_committee_year_key" ON "consultation_plans" USING btree ("committee_id","year");--> statement-breakpoint
CREATE INDEX "reading_notes_member_idx" ON "reading_notes" USING btree ("committee_id","member_id","created_at");--> statement-breakpoint
CREATE INDEX "reading_notes_committee_state_idx" ON "reading_notes" USING btree ("committee_id","state","created_at");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_plan_item_id_consultation_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."consultation_plan_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_plan_item_idx" ON "activities" USING btree ("plan_item_id");