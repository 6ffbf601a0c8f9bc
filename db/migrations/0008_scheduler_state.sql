CREATE TABLE "scheduler_state" (
	"id" text PRIMARY KEY NOT NULL,
	"processed_until" timestamp with time zone NOT NULL
);
