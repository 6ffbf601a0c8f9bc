/**
 * Feature applications (R-FEAT-1): the owner applies, an operator approves or rejects, the feature
 * is enabled 48 hours after approval and stops when the app leaves ultimate or its term ends.
 */
import "server-only";
import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { accounts, apps, featureApplications } from "@/db/schema";
import { actorTag, type Actor, type CustomerActor, type OperatorActor } from "@/lib/auth/actor";
import {
  decision,
  eligibility,
  enableAtOf,
  nextFeatureStep,
  OPEN_STATUSES,
  type AppliedFeature,
  type ApplicationStatus,
  type FeatureStep,
  type NotEligibleReason,
  type StopReason,
} from "@/lib/billing/features";
import { GONE_STATUSES } from "@/lib/billing/apps";
import { now } from "@/lib/clock";
import { DomainError, invalidState, notFound } from "@/lib/errors";
import { writeAudit } from "./audit";
import { lockAccount } from "./ledger";
import { notify } from "./notifications";

export type ApplicationRow = typeof featureApplications.$inferSelect;
const SYSTEM = { kind: "system" } as const;

const NOT_ELIGIBLE: Record<NotEligibleReason, string> = {
  not_ultimate: "Only ultimate apps can apply for broadcast and communities. Upgrade the app to ultimate first.",
  term_ended: "The app's ultimate term has ended. Renew it, then apply.",
  not_in_service: "The app is not in service. Start it (or settle what suspended it) first.",
};

function notEligible(reason: NotEligibleReason, sdkAppId: number): DomainError {
  return new DomainError("not_eligible", NOT_ELIGIBLE[reason], { reason, sdkAppId });
}

async function lockCustomerApp(tx: Tx, accountId: string, sdkAppId: number) {
  const [a] = await tx
    .select()
    .from(apps)
    .where(and(eq(apps.accountId, accountId), eq(apps.sdkAppId, sdkAppId), ne(apps.status, "deleted")))
    .for("update");
  if (!a) throw notFound(`App ${sdkAppId}`);
  return a;
}

/**
 * POST /apps/{sdkAppId}/features. The account and app row locks serialise concurrent applies, and the
 * partial unique index keeps one open application per app and feature whatever happens.
 */
export async function applyFeature(
  actor: CustomerActor,
  sdkAppId: number,
  feature: AppliedFeature,
): Promise<ApplicationRow> {
  return db().transaction(async (tx) => {
    await lockAccount(tx, actor.accountId);
    const app = await lockCustomerApp(tx, actor.accountId, sdkAppId);
    const at = await now(tx);
    const e = eligibility(app, at);
    if (e.kind === "not_eligible") throw notEligible(e.reason, sdkAppId);
    const [open] = await tx
      .select()
      .from(featureApplications)
      .where(
        and(
          eq(featureApplications.appId, app.id),
          eq(featureApplications.feature, feature),
          inArray(featureApplications.status, OPEN_STATUSES),
        ),
      );
    if (open) {
      throw invalidState(`App ${sdkAppId} already has a ${open.status} application for ${feature}.`, {
        reason: "already_applied",
        status: open.status,
        id: open.id,
      });
    }
    const [row] = await tx
      .insert(featureApplications)
      .values({
        appId: app.id,
        accountId: app.accountId,
        sdkAppId: app.sdkAppId,
        feature,
        status: "pending",
        appliedBy: actorTag(actor),
        appliedAt: at,
      })
      .returning();
    await writeAudit(tx, {
      actor,
      at,
      accountId: app.accountId,
      action: "feature.apply",
      entityType: "feature_application",
      entityId: row!.id,
      after: { sdkAppId, feature, status: "pending" },
    });
    return row!;
  });
}

/** GET /apps/{sdkAppId}/features: the app's applications, newest first (another account's app is 404). */
export async function listAppApplications(accountId: string, sdkAppId: number): Promise<ApplicationRow[]> {
  const [app] = await db()
    .select({ id: apps.id })
    .from(apps)
    .where(and(eq(apps.accountId, accountId), eq(apps.sdkAppId, sdkAppId), ne(apps.status, "deleted")));
  if (!app) throw notFound(`App ${sdkAppId}`);
  return applicationsOf([app.id]);
}

export async function applicationsOf(appIds: string[], conn: DbOrTx = db()): Promise<ApplicationRow[]> {
  if (appIds.length === 0) return [];
  return conn
    .select()
    .from(featureApplications)
    .where(inArray(featureApplications.appId, appIds))
    .orderBy(desc(featureApplications.appliedAt), desc(featureApplications.id));
}

export type QueueItem = ApplicationRow & { accountName: string; appName: string };

/** The operators' queue (oldest first, the order customers asked), with account and app named. */
export async function listApplications(f: { status?: ApplicationStatus; limit?: number } = {}): Promise<QueueItem[]> {
  const rows = await db()
    .select({ a: featureApplications, accountName: accounts.name, appName: apps.name })
    .from(featureApplications)
    .innerJoin(accounts, eq(accounts.id, featureApplications.accountId))
    .innerJoin(apps, eq(apps.id, featureApplications.appId))
    .where(f.status ? eq(featureApplications.status, f.status) : undefined)
    .orderBy(asc(featureApplications.appliedAt), asc(featureApplications.id))
    .limit(f.limit ?? 500);
  return rows.map((r) => ({ ...r.a, accountName: r.accountName, appName: r.appName }));
}

/** Locks a pending application (and its account first, as every money/state change does). */
async function lockPending(tx: Tx, id: string): Promise<ApplicationRow> {
  const [peek] = await tx
    .select({ accountId: featureApplications.accountId })
    .from(featureApplications)
    .where(eq(featureApplications.id, id));
  if (!peek) throw notFound("Feature application");
  await lockAccount(tx, peek.accountId);
  const [a] = await tx.select().from(featureApplications).where(eq(featureApplications.id, id)).for("update");
  const d = decision(a!.status);
  if (d.kind === "invalid_state")
    throw invalidState(`This application is ${d.status}, not waiting for a decision.`, { status: d.status });
  return a!;
}

/** R-FEAT-1: approved now, enabled exactly 48 hours later (by runFeaturesDue). The app must still qualify. */
export async function approveFeature(actor: OperatorActor, id: string): Promise<ApplicationRow> {
  return db().transaction(async (tx) => {
    const a = await lockPending(tx, id);
    const at = await now(tx);
    const [app] = await tx.select().from(apps).where(eq(apps.id, a.appId)).for("update");
    const e = eligibility(app!, at);
    if (e.kind === "not_eligible") throw notEligible(e.reason, a.sdkAppId);
    const enableAt = enableAtOf(at);
    const [row] = await tx
      .update(featureApplications)
      .set({ status: "approved", decidedAt: at, decidedBy: actorTag(actor), enableAt })
      .where(eq(featureApplications.id, id))
      .returning();
    await writeAudit(tx, {
      actor,
      at,
      accountId: a.accountId,
      action: "feature.approve",
      entityType: "feature_application",
      entityId: id,
      before: { status: "pending" },
      after: { status: "approved", enableAt: enableAt.toISOString() },
    });
    return row!;
  });
}

/** R-FEAT-1: rejected with a reason the customer sees. */
export async function rejectFeature(actor: OperatorActor, id: string, reason: string): Promise<ApplicationRow> {
  return db().transaction(async (tx) => {
    const a = await lockPending(tx, id);
    const at = await now(tx);
    const [row] = await tx
      .update(featureApplications)
      .set({ status: "rejected", decidedAt: at, decidedBy: actorTag(actor), reason })
      .where(eq(featureApplications.id, id))
      .returning();
    await writeAudit(tx, {
      actor,
      at,
      accountId: a.accountId,
      action: "feature.reject",
      entityType: "feature_application",
      entityId: id,
      before: { status: "pending" },
      after: { status: "rejected", reason },
    });
    return row!;
  });
}

async function stopRows(tx: Tx, rows: ApplicationRow[], at: Date, reason: StopReason, actor: Actor): Promise<number> {
  for (const a of rows) {
    await tx
      .update(featureApplications)
      .set({ status: "stopped", stoppedAt: at, stopReason: reason })
      .where(eq(featureApplications.id, a.id));
    await writeAudit(tx, {
      actor,
      at,
      accountId: a.accountId,
      action: "feature.stop",
      entityType: "feature_application",
      entityId: a.id,
      before: { status: a.status },
      after: { status: "stopped", reason, sdkAppId: a.sdkAppId, feature: a.feature },
    });
  }
  return rows.length;
}

/**
 * R-FEAT-1: stops every open application of the app at `at` (a plan refund, a change to pro), inside
 * the caller's transaction, which holds the account lock.
 */
export async function stopAppFeatures(
  tx: Tx,
  appId: string,
  at: Date,
  reason: StopReason,
  actor: Actor = SYSTEM,
): Promise<number> {
  const rows = await tx
    .select()
    .from(featureApplications)
    .where(and(eq(featureApplications.appId, appId), inArray(featureApplications.status, OPEN_STATUSES)))
    .for("update");
  return stopRows(tx, rows, at, reason, actor);
}

/** Accounts with an open application whose next step may be due by `to` (a generous pre-filter). */
async function dueAccounts(to: Date): Promise<string[]> {
  const rows = await db()
    .selectDistinct({ accountId: featureApplications.accountId })
    .from(featureApplications)
    .innerJoin(apps, eq(apps.id, featureApplications.appId))
    .where(
      and(
        inArray(featureApplications.status, OPEN_STATUSES),
        or(
          and(eq(featureApplications.status, "approved"), lte(featureApplications.enableAt, to)),
          ne(apps.edition, "ultimate"),
          isNull(apps.expiresAt),
          lte(apps.expiresAt, to),
          inArray(apps.status, GONE_STATUSES),
        ),
      ),
    );
  return rows.map((r) => r.accountId).sort();
}

async function applyStepRow(tx: Tx, a: ApplicationRow, step: FeatureStep): Promise<void> {
  if (step.kind === "stop") {
    await stopRows(tx, [a], step.at, step.reason, SYSTEM);
    return;
  }
  await tx
    .update(featureApplications)
    .set({ status: "enabled", enabledAt: step.at })
    .where(eq(featureApplications.id, a.id));
  await writeAudit(tx, {
    actor: SYSTEM,
    at: step.at,
    accountId: a.accountId,
    action: "feature.enable",
    entityType: "feature_application",
    entityId: a.id,
    before: { status: "approved" },
    after: { status: "enabled", sdkAppId: a.sdkAppId, feature: a.feature },
  });
  await notify(tx, {
    accountId: a.accountId,
    kind: "feature_enabled",
    at: step.at,
    sdkAppIds: [a.sdkAppId],
    data: { [a.feature]: true },
  });
}

/** One account: every step due by `to`, in time order, each at its own instant. */
async function runAccount(accountId: string, to: Date): Promise<number> {
  return db().transaction(async (tx) => {
    await lockAccount(tx, accountId);
    const rows = await tx
      .select({ a: featureApplications, app: apps })
      .from(featureApplications)
      .innerJoin(apps, eq(apps.id, featureApplications.appId))
      .where(and(eq(featureApplications.accountId, accountId), inArray(featureApplications.status, OPEN_STATUSES)))
      .orderBy(asc(featureApplications.appliedAt), asc(featureApplications.id))
      .for("update", { of: featureApplications });
    const due: { a: ApplicationRow; step: FeatureStep }[] = [];
    for (const { a, app } of rows) {
      // Each application is independent: enable (if due) then stop (if due).
      let state = a;
      for (let step = nextFeatureStep(app, state); step && step.at <= to; step = nextFeatureStep(app, state)) {
        due.push({ a: state, step });
        state =
          step.kind === "enable"
            ? { ...state, status: "enabled", enabledAt: step.at }
            : { ...state, status: "stopped" };
      }
    }
    due.sort((x, y) => x.step.at.getTime() - y.step.at.getTime());
    for (const d of due) await applyStepRow(tx, d.a, d.step);
    return due.length;
  });
}

/**
 * The scheduled work of R-FEAT-1 for the window (from, to]: enables approved applications at their
 * enableAt (with a `feature_enabled` notification at that instant) and stops open ones whose app left
 * ultimate or whose term ended, at that instant. Runs after the lifecycle for the same window, so an
 * app auto-renewed at E keeps its feature. State-driven: anything due before `from` that was missed
 * is caught up at its own instant; a second or concurrent call does nothing more (the account lock).
 */
export async function runFeaturesDue(_from: Date, to: Date, opts: { accountIds?: string[] } = {}): Promise<number> {
  let done = 0;
  const due = await dueAccounts(to);
  // `accountIds` narrows a run to some accounts (tests that must not touch other tests' data).
  for (const accountId of opts.accountIds ? due.filter((a) => opts.accountIds!.includes(a)) : due)
    done += await runAccount(accountId, to);
  return done;
}

/** The applications of the apps of one account, keyed by app id (the app page and entitlements). */
export async function applicationsByApp(appIds: string[]): Promise<Map<string, ApplicationRow[]>> {
  const out = new Map<string, ApplicationRow[]>();
  for (const r of await applicationsOf(appIds)) out.set(r.appId, [...(out.get(r.appId) ?? []), r]);
  return out;
}

/** Counts by status (the operator overview / nav badge). */
export async function pendingApplicationCount(): Promise<number> {
  const [r] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(featureApplications)
    .where(eq(featureApplications.status, "pending"));
  return r!.n;
}
