CREATE TABLE "bill_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"bill_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"app_id" uuid NOT NULL,
	"sdk_app_id" text NOT NULL,
	"item" text NOT NULL,
	"quantity" numeric(20, 3) NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bill_no" bigserial NOT NULL,
	"account_id" uuid NOT NULL,
	"month" text NOT NULL,
	"status" text NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"paid_gift" numeric(14, 2),
	"paid_cash" numeric(14, 2),
	"price_book_version" text NOT NULL,
	"pushed_at" timestamp with time zone NOT NULL,
	"deducted_at" timestamp with time zone,
	CONSTRAINT "bills_bill_no_unique" UNIQUE("bill_no"),
	CONSTRAINT "bills_account_month_uq" UNIQUE("account_id","month")
);
--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bill_lines_bill_idx" ON "bill_lines" USING btree ("bill_id","line_no");--> statement-breakpoint
CREATE INDEX "bill_lines_app_idx" ON "bill_lines" USING btree ("app_id");--> statement-breakpoint
CREATE INDEX "bills_month_status_idx" ON "bills" USING btree ("month","status");