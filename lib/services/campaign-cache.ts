/**
 * The campaigns a quote or an order prices with (R-PROMO-1), read once a version (issue 11). Every quote
 * used to read all campaign rows as JSON and map them again; the campaigns change only when an operator edits
 * them. A trigger gives `catalog_version.campaigns` a new number from a sequence with every change, in the
 * changing transaction (migration 0012), so a statement that reads a version sees exactly the campaigns of
 * that version, and a number is never used for two different sets. The
 * quote's and the order's one statement read the version (`campaignsVersion`); `campaignsAt` answers from
 * this process's copy when it is of that version, else reads them again (one statement). Each process keeps
 * its own copy, so several processes (or machines) need nothing shared beyond the database.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { db, oncePerClient, type DbOrTx } from "@/db/client";
import { rowsFromJson } from "@/db/json-rows";
import { campaigns } from "@/db/schema";
import type { CampaignRule } from "@/lib/billing/campaigns";
import { money } from "@/lib/money";

/** The campaigns' version, in a select (null if the version row is gone: then nothing is cached). */
export const campaignsVersion = sql<string | number | null>`(select cv.campaigns from catalog_version cv
  where cv.id = 1)`;

/** A campaigns row as the pricing rule it is (R-PROMO-1). */
export function campaignRuleOf(row: typeof campaigns.$inferSelect): CampaignRule {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    editions: row.editions,
    minMonths: row.minMonths,
    maxMonths: row.maxMonths,
    appliesNew: row.appliesNew,
    appliesRenewal: row.appliesRenewal,
    rate: money(row.rate),
    firstPurchaseOnly: row.firstPurchaseOnly,
    oncePerAccount: row.oncePerAccount,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    refundable: row.refundable,
  };
}

type Copy = { version: number; rules: readonly CampaignRule[] };

/** This process's copy, one a database client (a new pool after closeDb starts empty). */
const copyOf = oncePerClient((): { current: Copy | null } => ({ current: null }));

/** How many times the campaigns were read from the database (tests: the copy is used, and renewed). */
let reads = 0;
export const campaignReads = () => reads;

const toVersion = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));

/**
 * The campaigns at `version` (as the caller's statement read it). A copy of another version, or none, is
 * replaced by a fresh read through `conn` (inside the caller's transaction when it has one). The rules are
 * shared between requests: never change them.
 */
export async function campaignsAt(conn: DbOrTx, version: string | number | null): Promise<readonly CampaignRule[]> {
  const held = copyOf(db());
  const wanted = toVersion(version);
  if (wanted !== null && held.current?.version === wanted) return held.current.rules;
  reads += 1;
  const [row] = await conn.execute<{ version: string | number | null; campaigns: unknown }>(sql`select
    ${campaignsVersion} as version, coalesce((select json_agg(c) from campaigns c), '[]'::json) as campaigns`);
  const rules = Object.freeze(rowsFromJson(campaigns, row!.campaigns).map((c) => Object.freeze(campaignRuleOf(c))));
  const read = toVersion(row!.version);
  // The last read replaces the copy: a version number is never reused (a sequence), so a copy can only be
  // unused, never wrong; while a change commits, two requests may each refresh it once.
  if (read !== null) held.current = { version: read, rules };
  return rules;
}
