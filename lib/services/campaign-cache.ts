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
import type { CampaignRule } from "@/lib/billing/campaigns";
import { money } from "@/lib/money";

/** The campaigns' version, in a select (null if the version row is gone: then nothing is cached). */
export const campaignsVersion = sql<string | number | null>`(select cv.campaigns from catalog_version cv
  where cv.id = 1)`;

/** A campaigns row as json_agg gives it. */
type CampaignJson = {
  id: string;
  code: string | null;
  name: string;
  editions: string[];
  min_months: number;
  max_months: number;
  applies_new: boolean;
  applies_renewal: boolean;
  rate: string | number;
  first_purchase_only: boolean;
  once_per_account: boolean;
  starts_at: string;
  ends_at: string | null;
  refundable: boolean;
};

function ruleOf(c: CampaignJson): CampaignRule {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    editions: c.editions as CampaignRule["editions"],
    minMonths: c.min_months,
    maxMonths: c.max_months,
    appliesNew: c.applies_new,
    appliesRenewal: c.applies_renewal,
    rate: money(String(c.rate)),
    firstPurchaseOnly: c.first_purchase_only,
    oncePerAccount: c.once_per_account,
    startsAt: new Date(c.starts_at),
    endsAt: c.ends_at ? new Date(c.ends_at) : null,
    refundable: c.refundable,
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
  const raw = typeof row!.campaigns === "string" ? JSON.parse(row!.campaigns) : row!.campaigns;
  const rules = Object.freeze((raw as CampaignJson[]).map((c) => Object.freeze(ruleOf(c))));
  const read = toVersion(row!.version);
  // The last read replaces the copy: a version number is never reused (a sequence), so a copy can only be
  // unused, never wrong; while a change commits, two requests may each refresh it once.
  if (read !== null) held.current = { version: read, rules };
  return rules;
}
