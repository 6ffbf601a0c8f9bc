-- Issue 11: the usage tables partitioned by month (PostgreSQL declarative partitioning, RANGE on "day").
-- The primary keys hold the partition key ("day"), so ON CONFLICT upserts work unchanged. Each table has a
-- DEFAULT partition (nothing is ever refused) and monthly partitions, made here for 12 months back and 3
-- ahead, and kept ahead by imb_ensure_usage_partitions() (db/partitions.ts: at every start, and daily by the
-- scheduler tick). A month that already has rows in the default partition is carved out of it safely.
ALTER TABLE "daily_active_users" RENAME TO "daily_active_users_unpartitioned";--> statement-breakpoint
ALTER TABLE "daily_active_users_unpartitioned" RENAME CONSTRAINT "daily_active_users_app_id_day_user_id_pk" TO "daily_active_users_unpartitioned_pk";--> statement-breakpoint
ALTER TABLE "daily_active_users_unpartitioned" DROP CONSTRAINT "daily_active_users_app_id_apps_id_fk";--> statement-breakpoint
ALTER TABLE "usage_daily" RENAME TO "usage_daily_unpartitioned";--> statement-breakpoint
ALTER TABLE "usage_daily_unpartitioned" RENAME CONSTRAINT "usage_daily_app_id_day_pk" TO "usage_daily_unpartitioned_pk";--> statement-breakpoint
ALTER TABLE "usage_daily_unpartitioned" DROP CONSTRAINT "usage_daily_app_id_apps_id_fk";--> statement-breakpoint
DROP INDEX "usage_daily_day_idx";--> statement-breakpoint
CREATE TABLE "daily_active_users" (
	"app_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_id" text NOT NULL,
	"first_login_at" timestamp with time zone NOT NULL,
	CONSTRAINT "daily_active_users_app_id_day_user_id_pk" PRIMARY KEY("app_id","day","user_id")
) PARTITION BY RANGE ("day");--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"app_id" uuid NOT NULL,
	"day" date NOT NULL,
	"groups" integer DEFAULT 0 NOT NULL,
	"live_groups" integer DEFAULT 0 NOT NULL,
	"bandwidth_domestic" numeric(14, 3) DEFAULT '0' NOT NULL,
	"bandwidth_international" numeric(14, 3) DEFAULT '0' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "usage_daily_app_id_day_pk" PRIMARY KEY("app_id","day")
) PARTITION BY RANGE ("day");--> statement-breakpoint
ALTER TABLE "daily_active_users" ADD CONSTRAINT "daily_active_users_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_daily_day_idx" ON "usage_daily" USING btree ("day");--> statement-breakpoint
CREATE TABLE "daily_active_users_default" PARTITION OF "daily_active_users" DEFAULT;--> statement-breakpoint
CREATE TABLE "usage_daily_default" PARTITION OF "usage_daily" DEFAULT;--> statement-breakpoint
CREATE OR REPLACE FUNCTION imb_ensure_usage_partitions(first_month date, last_month date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', first_month)::date;
  t text;
  part text;
  made integer := 0;
BEGIN
  WHILE m <= last_month LOOP
    FOREACH t IN ARRAY ARRAY['daily_active_users', 'usage_daily'] LOOP
      part := t || '_' || to_char(m, 'YYYYMM');
      IF to_regclass(part) IS NULL THEN
        -- one caller at a time (several server processes may start together)
        PERFORM pg_advisory_xact_lock(hashtext('imb_ensure_usage_partitions'));
        IF to_regclass(part) IS NULL THEN
          EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS)', part, t);
          -- rows of that month that landed in the default partition move into the new one
          EXECUTE format('WITH moved AS (DELETE FROM %I WHERE day >= %L AND day < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
            t || '_default', m, (m + interval '1 month')::date, part);
          EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', t, part, m, (m + interval '1 month')::date);
          made := made + 1;
        END IF;
      END IF;
    END LOOP;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END $$;--> statement-breakpoint
SELECT imb_ensure_usage_partitions((date_trunc('month', current_date) - interval '12 months')::date, (date_trunc('month', current_date) + interval '3 months')::date);--> statement-breakpoint
INSERT INTO "daily_active_users" SELECT "app_id", "day", "user_id", "first_login_at" FROM "daily_active_users_unpartitioned";--> statement-breakpoint
INSERT INTO "usage_daily" SELECT "app_id", "day", "groups", "live_groups", "bandwidth_domestic", "bandwidth_international", "updated_at" FROM "usage_daily_unpartitioned";--> statement-breakpoint
DROP TABLE "daily_active_users_unpartitioned";--> statement-breakpoint
DROP TABLE "usage_daily_unpartitioned";
