CREATE TABLE "feature_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"app_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"sdk_app_id" bigint NOT NULL,
	"feature" text NOT NULL,
	"status" text NOT NULL,
	"applied_by" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"reason" text,
	"enable_at" timestamp with time zone,
	"enabled_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"stop_reason" text
);
--> statement-breakpoint
ALTER TABLE "feature_applications" ADD CONSTRAINT "feature_applications_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_applications" ADD CONSTRAINT "feature_applications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feature_applications_one_open" ON "feature_applications" USING btree ("app_id","feature") WHERE status in ('pending', 'approved', 'enabled');--> statement-breakpoint
CREATE INDEX "feature_applications_status_idx" ON "feature_applications" USING btree ("status","applied_at");--> statement-breakpoint
CREATE INDEX "feature_applications_account_idx" ON "feature_applications" USING btree ("account_id","applied_at");