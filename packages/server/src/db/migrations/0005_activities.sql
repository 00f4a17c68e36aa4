CREATE TABLE "activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"organiser_type" text NOT NULL,
	"organiser_id" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"agenda" text,
	"minutes" text,
	"other_participants" text,
	"resident_count" integer DEFAULT 0 NOT NULL,
	"other_count" integer DEFAULT 0 NOT NULL,
	"attachment_ids" integer[] DEFAULT '{}' NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"sign_in_secret" text NOT NULL,
	"cancel_reason" text,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"mandatory" boolean DEFAULT true NOT NULL,
	"reply" text DEFAULT 'pending' NOT NULL,
	"replied_at" timestamp with time zone,
	"signed_in_at" timestamp with time zone,
	"sign_in_method" text,
	"attendance" text,
	"attendance_set_by" text,
	"marked_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_leave_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'requested' NOT NULL,
	"decision_note" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_invitations" ADD CONSTRAINT "activity_invitations_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_invitations" ADD CONSTRAINT "activity_invitations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_invitations" ADD CONSTRAINT "activity_invitations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_invitations" ADD CONSTRAINT "activity_invitations_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_leave_requests" ADD CONSTRAINT "activity_leave_requests_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_leave_requests" ADD CONSTRAINT "activity_leave_requests_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_leave_requests" ADD CONSTRAINT "activity_leave_requests_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_leave_requests" ADD CONSTRAINT "activity_leave_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_committee_starts_idx" ON "activities" USING btree ("committee_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_committee_state_starts_idx" ON "activities" USING btree ("committee_id","state","starts_at");--> statement-breakpoint
CREATE INDEX "activities_committee_kind_starts_idx" ON "activities" USING btree ("committee_id","kind","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_invitations_activity_member_key" ON "activity_invitations" USING btree ("activity_id","member_id");--> statement-breakpoint
CREATE INDEX "activity_invitations_member_idx" ON "activity_invitations" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE INDEX "activity_leave_activity_member_idx" ON "activity_leave_requests" USING btree ("activity_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_leave_live_key" ON "activity_leave_requests" USING btree ("activity_id","member_id") WHERE "activity_leave_requests"."state" in ('requested', 'approved');--> statement-breakpoint
CREATE INDEX "activity_leave_committee_state_idx" ON "activity_leave_requests" USING btree ("committee_id","state");