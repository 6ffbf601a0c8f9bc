CREATE TABLE "catalog_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"campaigns" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_version_singleton" CHECK ("catalog_version"."id" = 1)
);
--> statement-breakpoint
CREATE SEQUENCE "catalog_version_campaigns_seq";--> statement-breakpoint
INSERT INTO "catalog_version" ("id", "campaigns") VALUES (1, nextval('catalog_version_campaigns_seq'));--> statement-breakpoint
-- Every statement that changes campaigns gives them a new version, in the same transaction: a reader sees the
-- new version exactly when it sees the new campaigns (one snapshot). Versions come from a sequence, so no number
-- is ever used twice: a change that is rolled back (and anything a reader inside it saw) leaves a number nobody
-- sees again. The new number is taken once the version row is locked, so versions grow in commit order.
CREATE FUNCTION "imb_campaigns_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "catalog_version" ("id", "campaigns") VALUES (1, nextval('catalog_version_campaigns_seq'))
    ON CONFLICT ("id") DO UPDATE SET "campaigns" = nextval('catalog_version_campaigns_seq');
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "campaigns_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "campaigns"
  FOR EACH STATEMENT EXECUTE FUNCTION "imb_campaigns_changed"();
