/**
 * The expiry lifecycle (SPEC §7, R-BUY-9, R-REF-4, R-LIFE-5): applies every event due up to `to`,
 * account by account, each account's events in time order. State-driven, so a repeated run, two
 * workers (the account row lock) or a long pause give the same result as one run on time (R-LIFE-7).
 */
import { and, asc, eq, inArray, isNotNull, lte, ne, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { apps } from "@/db/schema";
import { DAY_MS } from "@/lib/billing/calendar";
import { nextEvent, RECLAIM_DAY, wantsAutoRenew, type LifecycleEvent } from "@/lib/billing/lifecycle";
import { changeStatus, type AppRow } from "./apps";
import { writeAudit } from "./audit";
import { lockAccount } from "./ledger";
import { autoRenewApp } from "./purchase";

const SYSTEM = { kind: "system" } as const;
/** A guard against a bug looping forever; one account never has this many events in one run. */
const MAX_EVENTS_PER_ACCOUNT = 10_000;

/** Accounts with at least one app that may have an event due by `to` (a cheap, generous pre-filter). */
async function dueAccounts(tx: Tx, to: Date): Promise<string[]> {
  const reclaimHorizon = new Date(to.getTime() - (RECLAIM_DAY - 2) * DAY_MS);
  const rows = await tx
    .selectDistinct({ accountId: apps.accountId })
    .from(apps)
    .where(
      and(
        ne(apps.edition, "trial"),
        or(
          and(inArray(apps.status, ["enabled", "grace"]), isNotNull(apps.expiresAt), lte(apps.expiresAt, to)),
          and(eq(apps.status, "disabling"), lte(apps.disablingUntil, to)),
          and(eq(apps.status, "suspended"), lte(apps.statusChangedAt, reclaimHorizon)),
        ),
      ),
    );
  return rows.map((r) => r.accountId).sort();
}

async function accountApps(tx: Tx, accountId: string): Promise<AppRow[]> {
  return tx
    .select()
    .from(apps)
    .where(and(eq(apps.accountId, accountId), ne(apps.edition, "trial"), inArray(apps.status, ["enabled", "grace", "disabling", "suspended"])))
    .orderBy(asc(apps.sdkAppId))
    .for("update");
}

async function apply(tx: Tx, app: AppRow, e: LifecycleEvent): Promise<void> {
  switch (e.kind) {
    case "expire":
    case "retry_renew": {
      if (wantsAutoRenew(app)) {
        const r = await autoRenewApp(tx, app.accountId, app.sdkAppId, e.at);
        if (r === "renewed") return;
        // Too little balance: tried again at 00:00 on each of the next 6 days while in grace (R-BUY-9).
        await tx.update(apps).set({ renewAttemptAt: e.at }).where(eq(apps.id, app.id));
        await writeAudit(tx, { actor: SYSTEM, at: e.at, accountId: app.accountId, action: "app.auto_renew_failed", entityType: "app", entityId: String(app.sdkAppId), after: { reason: r } });
      }
      if (app.status === "enabled") await changeStatus(tx, SYSTEM, app, { status: "grace", reason: "expired" }, e.at, "app.status");
      return;
    }
    case "suspend_expired":
      await changeStatus(tx, SYSTEM, app, { status: "suspended", reason: "expired" }, e.at, "app.status");
      return;
    case "suspend_refunded":
      await changeStatus(tx, SYSTEM, app, { status: "suspended", reason: "refunded" }, e.at, "app.status");
      return;
    case "reclaim":
      // R-LIFE-5: resources destroyed, out of the cap; orders and bills stay.
      await changeStatus(tx, SYSTEM, app, { status: "reclaimed", reason: app.statusReason }, e.at, "app.reclaim");
      await tx.update(apps).set({ autoRenew: false }).where(eq(apps.id, app.id));
      return;
  }
}

/**
 * Runs every lifecycle event due up to `to`; returns how many it applied. `accountIds` narrows the
 * run to some accounts (tests that must not touch other tests' data).
 */
export async function runLifecycle(tx: Tx, to: Date, opts: { accountIds?: string[] } = {}): Promise<number> {
  let applied = 0;
  const due = await dueAccounts(tx, to);
  for (const accountId of opts.accountIds ? due.filter((a) => opts.accountIds!.includes(a)) : due) {
    await lockAccount(tx, accountId);
    for (let i = 0; i < MAX_EVENTS_PER_ACCOUNT; i++) {
      const rows = await accountApps(tx, accountId);
      let first: { app: AppRow; e: LifecycleEvent } | null = null;
      for (const app of rows) {
        const e = nextEvent(app);
        if (e && e.at <= to && (!first || e.at < first.e.at)) first = { app, e };
      }
      if (!first) break;
      await apply(tx, first.app, first.e);
      applied += 1;
    }
  }
  return applied;
}

