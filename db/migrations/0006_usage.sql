CREATE TABLE "daily_active_users" (
	"app_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_id" text NOT NULL,
	"first_login_at" timestamp with time zone NOT NULL,
	CONSTRAINT "daily_active_users_app_id_day_user_id_pk" PRIMARY KEY("app_id","day","user_id")
);
--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"app_id" uuid NOT NULL,
	"day" date NOT NULL,
	"groups" integer DEFAULT 0 NOT NULL,
	"live_groups" integer DEFAULT 0 NOT NULL,
	"bandwidth_domestic" numeric(14, 3) DEFAULT '0' NOT NULL,
	"bandwidth_international" numeric(14, 3) DEFAULT '0' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "usage_daily_app_id_day_pk" PRIMARY KEY("app_id","day")
);
--> statement-breakpoint
ALTER TABLE "daily_active_users" ADD CONSTRAINT "daily_active_users_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_daily_day_idx" ON "usage_daily" USING btree ("day");