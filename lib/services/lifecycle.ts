/**
 * The expiry lifecycle (SPEC §7, R-BUY-9, R-REF-4, R-LIFE-5): applies every event due up to `to`,
 * one transaction per account, each account's events in time order, and tells the customer
 * (R-LIFE-6). State-driven, so a repeated run, two workers (the account row lock) or a long pause
 * give the same result as one run on time (R-LIFE-7).
 */
import "server-only";
import { and, asc, eq, gt, inArray, lte, ne, or } from "drizzle-orm";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { apps } from "@/db/schema";
import { DAY_MS, shanghaiDay } from "@/lib/billing/calendar";
import {
  expiryWarningWindow,
  nextEvent,
  RECLAIM_DAY,
  remindersIn,
  wantsAutoRenew,
  type LifecycleEvent,
} from "@/lib/billing/lifecycle";
import { GRACE_DAYS } from "@/lib/billing/apps";
import { changeStatus, type AppRow } from "./apps";
import { writeAudit } from "./audit";
import { lockAccount } from "./ledger";
import { notifyMany, type NotifyInput } from "./notifications";
import { autoRenewApp } from "./purchase";

const SYSTEM = { kind: "system" } as const;
/** A guard against a bug looping forever; one account never has this many events in one run. */
const MAX_EVENTS_PER_ACCOUNT = 10_000;

export type LifecycleOptions = { accountIds?: string[] };

/** Accounts with at least one app that may have an event due by `to` (a cheap, generous pre-filter). */
async function dueAccounts(conn: DbOrTx, to: Date, opts: LifecycleOptions): Promise<string[]> {
  const reclaimHorizon = new Date(to.getTime() - (RECLAIM_DAY - 2) * DAY_MS);
  const rows = await conn
    .selectDistinct({ accountId: apps.accountId })
    .from(apps)
    .where(
      and(
        ne(apps.edition, "trial"),
        opts.accountIds ? inArray(apps.accountId, opts.accountIds) : undefined,
        or(
          and(eq(apps.status, "enabled"), lte(apps.expiresAt, to)),
          // in grace: auto-renew retries (daily while it wants to renew), else the suspension at E + 7 d
          and(eq(apps.status, "grace"), lte(apps.expiresAt, to), eq(apps.autoRenew, true), eq(apps.dontRenew, false)),
          and(eq(apps.status, "grace"), lte(apps.expiresAt, new Date(to.getTime() - GRACE_DAYS * DAY_MS))),
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
    .where(
      and(
        eq(apps.accountId, accountId),
        ne(apps.edition, "trial"),
        inArray(apps.status, ["enabled", "grace", "disabling", "suspended"]),
      ),
    )
    .orderBy(asc(apps.sdkAppId))
    .for("update");
}

/** What the account is told about its events; sent together when the account's run ends. */
type Told = NotifyInput[];

async function apply(tx: Tx, app: AppRow, e: LifecycleEvent, told: Told): Promise<void> {
  const about = { accountId: app.accountId, at: e.at, sdkAppIds: [app.sdkAppId] };
  switch (e.kind) {
    case "expire":
    case "retry_renew": {
      if (wantsAutoRenew(app)) {
        const r = await autoRenewApp(tx, app.accountId, app.sdkAppId, e.at);
        if (r === "renewed") {
          told.push({ ...about, kind: "auto_renewed" });
          return;
        }
        // Too little balance: tried again at 00:00 on each of the next 6 days while in grace (R-BUY-9).
        await tx.update(apps).set({ renewAttemptAt: e.at }).where(eq(apps.id, app.id));
        await writeAudit(tx, {
          actor: SYSTEM,
          at: e.at,
          accountId: app.accountId,
          action: "app.auto_renew_failed",
          entityType: "app",
          entityId: String(app.sdkAppId),
          after: { reason: r },
        });
        told.push({ ...about, kind: "auto_renew_failed", data: { reason: r } });
      }
      if (app.status === "enabled") {
        await changeStatus(tx, SYSTEM, app, { status: "grace", reason: "expired" }, e.at, "app.status");
        // §7: the expired warning of day E; "don't renew" silences reminders (R-LIFE-2)
        if (!app.dontRenew) told.push({ ...about, kind: "expired" });
      }
      return;
    }
    case "suspend_expired":
      await changeStatus(tx, SYSTEM, app, { status: "suspended", reason: "expired" }, e.at, "app.status");
      told.push({ ...about, kind: "suspended", data: { reason: "expired" } });
      return;
    case "suspend_refunded":
      await changeStatus(tx, SYSTEM, app, { status: "suspended", reason: "refunded" }, e.at, "app.status");
      told.push({ ...about, kind: "suspended", data: { reason: "refunded" } });
      return;
    case "reclaim":
      // R-LIFE-5: resources destroyed, out of the cap; orders and bills stay.
      await changeStatus(tx, SYSTEM, app, { status: "reclaimed", reason: app.statusReason }, e.at, "app.reclaim");
      await tx.update(apps).set({ autoRenew: false }).where(eq(apps.id, app.id));
      told.push({ ...about, kind: "reclaimed" });
      return;
  }
}

/** Every lifecycle event of one account due up to `to`, in time order; the caller's transaction. */
export async function runAccountLifecycle(tx: Tx, accountId: string, to: Date): Promise<number> {
  await lockAccount(tx, accountId);
  const told: Told = [];
  let applied = 0;
  for (let i = 0; i < MAX_EVENTS_PER_ACCOUNT; i++) {
    const rows = await accountApps(tx, accountId);
    let first: { app: AppRow; e: LifecycleEvent } | null = null;
    for (const app of rows) {
      const e = nextEvent(app);
      if (e && e.at <= to && (!first || e.at < first.e.at)) first = { app, e };
    }
    if (!first) break;
    await apply(tx, first.app, first.e, told);
    applied += 1;
  }
  await notifyMany(tx, told);
  return applied;
}

/**
 * Runs every lifecycle event due up to `to`, one transaction per account; returns how many it
 * applied. `accountIds` narrows the run (tests that must not touch other tests' data).
 */
export async function runLifecycle(to: Date, opts: LifecycleOptions = {}): Promise<number> {
  let applied = 0;
  for (const accountId of await dueAccounts(db(), to, opts)) {
    applied += await db().transaction((tx) => runAccountLifecycle(tx, accountId, to));
  }
  return applied;
}

/**
 * §7 reminders due in (from, to]: expiry warnings before E and expired warnings in grace. Only
 * notification rows are written (no account state), so one transaction serves the window.
 * Idempotent: a notification is one per kind, account and day, so a repeated window adds nothing.
 */
export async function runRemindersDue(from: Date, to: Date, opts: LifecycleOptions = {}): Promise<number> {
  const rows = await db()
    .select()
    .from(apps)
    .where(
      and(
        ne(apps.edition, "trial"),
        eq(apps.dontRenew, false),
        opts.accountIds ? inArray(apps.accountId, opts.accountIds) : undefined,
        or(
          and(
            eq(apps.status, "enabled"),
            // the expiry instants whose warning window meets (from, to]
            gt(apps.expiresAt, expiryWarningWindow(from).after),
            lte(apps.expiresAt, expiryWarningWindow(to).until),
          ),
          and(
            eq(apps.status, "grace"),
            gt(apps.expiresAt, new Date(from.getTime() - GRACE_DAYS * DAY_MS)),
            lte(apps.expiresAt, to),
          ),
        ),
      ),
    )
    .orderBy(asc(apps.accountId), asc(apps.sdkAppId));
  // one notification per account, kind and Shanghai day, naming every app concerned (R-LIFE-6)
  const groups = new Map<
    string,
    { accountId: string; kind: "expiry_warning" | "expired"; at: Date; sdkAppIds: number[] }
  >();
  for (const app of rows) {
    for (const r of remindersIn(app, from, to)) {
      const key = `${app.accountId} ${r.kind} ${shanghaiDay(r.at)}`;
      const g = groups.get(key);
      if (!g) groups.set(key, { accountId: app.accountId, kind: r.kind, at: r.at, sdkAppIds: [app.sdkAppId] });
      else {
        g.sdkAppIds.push(app.sdkAppId);
        if (r.at < g.at) g.at = r.at;
      }
    }
  }
  if (groups.size === 0) return 0;
  await db().transaction((tx) => notifyMany(tx, [...groups.values()]));
  return groups.size;
}
