-- Issue 9: give every existing order and refund its human number (lib/billing/numbers.ts), then require one.
UPDATE "orders" SET "number" = 'O-' || to_char("created_at" AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad("order_no"::text, 6, '0') WHERE "number" IS NULL;--> statement-breakpoint
UPDATE "refunds" SET "number" = 'R-' || to_char("requested_at" AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad("refund_no"::text, 6, '0') WHERE "number" IS NULL;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "orders_account_number_idx" ON "orders" ("account_id", "number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "refunds_account_number_idx" ON "refunds" ("account_id", "number" text_pattern_ops);
