-- sdk_app_id is one type everywhere (issue 10): bigint, as in apps; the digits already stored convert as they are.
ALTER TABLE "order_lines" ALTER COLUMN "sdk_app_id" SET DATA TYPE bigint USING "sdk_app_id"::bigint;--> statement-breakpoint
ALTER TABLE "refunds" ALTER COLUMN "sdk_app_id" SET DATA TYPE bigint USING "sdk_app_id"::bigint;--> statement-breakpoint
ALTER TABLE "bill_lines" ALTER COLUMN "sdk_app_id" SET DATA TYPE bigint USING "sdk_app_id"::bigint;
