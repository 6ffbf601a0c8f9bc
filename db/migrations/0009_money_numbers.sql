ALTER TABLE "orders" ADD COLUMN "number" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "status" text DEFAULT 'paid' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "pending_lines" jsonb;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "number" text;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_number_unique" UNIQUE("number");--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_number_unique" UNIQUE("number");