CREATE TABLE "app_packs" (
	"app_id" uuid NOT NULL,
	"pack" text NOT NULL,
	"tier" text,
	"billing" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "app_packs_app_id_pack_pk" PRIMARY KEY("app_id","pack")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"editions" text[] NOT NULL,
	"min_months" integer NOT NULL,
	"max_months" integer NOT NULL,
	"applies_new" boolean NOT NULL,
	"applies_renewal" boolean NOT NULL,
	"rate" numeric(6, 4) NOT NULL,
	"first_purchase_only" boolean NOT NULL,
	"once_per_account" boolean NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"refundable" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaigns_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"account_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"order_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_account_id_key_pk" PRIMARY KEY("account_id","key")
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"app_id" uuid NOT NULL,
	"sdk_app_id" text NOT NULL,
	"product" text NOT NULL,
	"edition" text,
	"tier" text,
	"billing" text NOT NULL,
	"kind" text NOT NULL,
	"months" numeric(20, 12) NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"list_amount" numeric(14, 2) NOT NULL,
	"discount_amount" numeric(14, 2) NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"paid_voucher" numeric(14, 2) NOT NULL,
	"paid_gift" numeric(14, 2) NOT NULL,
	"paid_cash" numeric(14, 2) NOT NULL,
	"campaign_id" uuid,
	"refundable" boolean NOT NULL,
	"price_book_version" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_no" bigserial NOT NULL,
	"account_id" uuid NOT NULL,
	"type" text NOT NULL,
	"list_total" numeric(14, 2) NOT NULL,
	"discount_total" numeric(14, 2) NOT NULL,
	"voucher_amount" numeric(14, 2) NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"paid_cash" numeric(14, 2) NOT NULL,
	"paid_gift" numeric(14, 2) NOT NULL,
	"paid_voucher" numeric(14, 2) NOT NULL,
	"voucher_id" uuid,
	"placed_by_role" text NOT NULL,
	"actor" text NOT NULL,
	"request" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_order_no_unique" UNIQUE("order_no")
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"min_total" numeric(14, 2),
	"expires_at" timestamp with time zone NOT NULL,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"used_order_id" uuid,
	"used_at" timestamp with time zone,
	"used_amount" numeric(14, 2)
);
--> statement-breakpoint
ALTER TABLE "apps" ADD COLUMN "dont_renew" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "app_packs" ADD CONSTRAINT "app_packs_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "order_lines" USING btree ("order_id","line_no");--> statement-breakpoint
CREATE INDEX "order_lines_app_idx" ON "order_lines" USING btree ("app_id","period_end");--> statement-breakpoint
CREATE INDEX "order_lines_campaign_idx" ON "order_lines" USING btree ("account_id","campaign_id");--> statement-breakpoint
CREATE INDEX "orders_account_idx" ON "orders" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "vouchers_account_idx" ON "vouchers" USING btree ("account_id","expires_at");