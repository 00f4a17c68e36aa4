CREATE TABLE "account_approvals" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"kind" text NOT NULL,
	"target_user_id" integer,
	"payload" jsonb,
	"summary" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" integer NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
ALTER TABLE "account_approvals" ADD CONSTRAINT "account_approvals_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_approvals" ADD CONSTRAINT "account_approvals_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_approvals" ADD CONSTRAINT "account_approvals_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_approvals" ADD CONSTRAINT "account_approvals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_approvals_committee_idx" ON "account_approvals" USING btree ("committee_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "account_approvals_pending_target_key" ON "account_approvals" USING btree ("target_user_id") WHERE status = 'pending' and target_user_id is not null;