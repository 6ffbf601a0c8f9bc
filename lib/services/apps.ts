import "server-only";
import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { rowFromJson, rowsFromJson } from "@/db/json-rows";
import { db, leanSelect, oncePerClient, type Tx } from "@/db/client";
import { apiKeys, appPacks, apps, appStatusEvents, featureApplications } from "@/db/schema";
import { actorTag, type CustomerActor } from "@/lib/auth/actor";
import {
  COUNTED_STATUSES,
  checkCap,
  deleteTransition,
  startTransition,
  stopTransition,
  type AppStatus,
  type Edition,
  type StatusReason,
  graceEnd,
  isGone,
  RENEWABLE_STATUSES,
  type Transition,
} from "@/lib/billing/apps";
import { DomainError, invalidState, notFound } from "@/lib/errors";
import { now } from "@/lib/clock";
import { entitlements, inService } from "@/lib/billing/entitlements";
import { enabledFeatures as enabledFeatureFlags } from "@/lib/billing/features";
import { EXPIRY_WARNING_STATUSES, expiryWarningWindow, inExpiryWarning } from "@/lib/billing/lifecycle";
import { currentPriceBook } from "@/lib/billing/price-book";
import { lockAccount } from "./ledger";
import { actorOfKey, keyColumns, keyMatches } from "./api-keys";
import { writeAudit } from "./audit";
import { escapeLike } from "./like";
import { appJson, type AppJson } from "@/lib/wire/apps";

export type AppRow = typeof apps.$inferSelect;

export type PackRow = typeof appPacks.$inferSelect;

/** The packs in force on each app at `at` (not refunded, not past their end), keyed by app id. */
export async function activePacks(appIds: string[], at: Date): Promise<Map<string, PackRow[]>> {
  const out = new Map<string, PackRow[]>();
  if (appIds.length === 0) return out;
  const rows = await db()
    .select()
    .from(appPacks)
    .where(and(inArray(appPacks.appId, appIds), isNull(appPacks.endedAt), gt(appPacks.endsAt, at)))
    .orderBy(asc(appPacks.pack));
  for (const r of rows) out.set(r.appId, [...(out.get(r.appId) ?? []), r]);
  return out;
}

/** Apps with their active packs, in API.md's shape. */
export async function appsJson(rows: AppRow[]): Promise<AppJson[]> {
  const packs = await activePacks(
    rows.map((a) => a.id),
    await now(),
  );
  return rows.map((a) => appJson(a, packs.get(a.id) ?? []));
}

export async function oneAppJson(row: AppRow): Promise<AppJson> {
  return (await appsJson([row]))[0]!;
}

/** R-APP-1, R-APP-2: creates a trial app; the account row lock makes the cap hold under concurrency. */
export async function createApp(
  actor: CustomerActor,
  input: { name: string },
  opts: { at?: Date } = {},
): Promise<AppRow> {
  return db().transaction(async (tx) => {
    await lockAccount(tx, actor.accountId);
    // `opts.at` is for seeding history only (db/demo-usage.ts): an app created at a past instant.
    const at = opts.at ?? (await now(tx));
    const [c] = await tx
      .select({ n: count() })
      .from(apps)
      .where(and(eq(apps.accountId, actor.accountId), inArray(apps.status, COUNTED_STATUSES)));
    const cap = checkCap(c!.n);
    if (cap.kind === "app_limit_reached") {
      throw new DomainError(
        "app_limit_reached",
        `This account already has ${cap.count} apps, the maximum is ${cap.cap}. ` +
          `Stop and delete an app you no longer need to free a slot.`,
        { cap: cap.cap, count: cap.count },
      );
    }
    const [app] = await tx
      .insert(apps)
      .values({ accountId: actor.accountId, name: input.name, statusChangedAt: at, createdAt: at })
      .returning();
    await tx
      .insert(appStatusEvents)
      .values({ appId: app!.id, fromStatus: null, toStatus: "enabled", reason: "created", actor: actorTag(actor), at });
    await writeAudit(tx, {
      actor,
      at,
      accountId: actor.accountId,
      action: "app.create",
      entityType: "app",
      entityId: String(app!.sdkAppId),
      after: { name: app!.name, edition: app!.edition, status: app!.status },
    });
    return app!;
  });
}

export type AppFilter = { q?: string; status?: AppStatus; edition?: Edition };

/** The account's apps, not deleted (API: GET /apps). */
export async function listApps(accountId: string, f: AppFilter = {}): Promise<AppRow[]> {
  const conds: SQL[] = [eq(apps.accountId, accountId), ne(apps.status, "deleted")];
  if (f.q) conds.push(or(ilike(apps.name, `%${f.q}%`), sql`${apps.sdkAppId}::text like ${`%${f.q}%`}`)!);
  if (f.status) conds.push(eq(apps.status, f.status));
  if (f.edition) conds.push(eq(apps.edition, f.edition));
  return db()
    .select()
    .from(apps)
    .where(and(...conds))
    .orderBy(desc(apps.createdAt), desc(apps.sdkAppId));
}

export const APP_SORTS = ["name", "sdkAppId", "edition", "status", "createdAt", "expiresAt"] as const;
export type AppSort = (typeof APP_SORTS)[number];
export type AppPage = { sort?: AppSort; dir?: "asc" | "desc"; limit: number; offset: number };

/** One page of the account's apps (not deleted) and how many match: two statements whatever the page. */
export async function listAppsPage(
  accountId: string,
  f: AppFilter,
  p: AppPage,
): Promise<{ rows: AppRow[]; total: number }> {
  const conds: SQL[] = [eq(apps.accountId, accountId), ne(apps.status, "deleted")];
  if (f.q)
    conds.push(
      or(ilike(apps.name, `%${escapeLike(f.q)}%`), sql`${apps.sdkAppId}::text like ${`%${escapeLike(f.q)}%`}`)!,
    );
  if (f.status) conds.push(eq(apps.status, f.status));
  if (f.edition) conds.push(eq(apps.edition, f.edition));
  const column = {
    name: apps.name,
    sdkAppId: apps.sdkAppId,
    edition: apps.edition,
    status: apps.status,
    createdAt: apps.createdAt,
    expiresAt: apps.expiresAt,
  }[p.sort ?? "createdAt"];
  const order =
    (p.dir ?? (p.sort ? "asc" : "desc")) === "asc" ? sql`${column} asc nulls last` : sql`${column} desc nulls last`;
  const where = and(...conds);
  const [rows, [c]] = await Promise.all([
    db().select().from(apps).where(where).orderBy(order, desc(apps.sdkAppId)).limit(p.limit).offset(p.offset),
    db().select({ n: count() }).from(apps).where(where),
  ]);
  return { rows, total: c!.n };
}

export async function countApps(accountId: string): Promise<Record<AppStatus, number> & { counted: number }> {
  const rows = await db()
    .select({ status: apps.status, n: count() })
    .from(apps)
    .where(eq(apps.accountId, accountId))
    .groupBy(apps.status);
  const out = { enabled: 0, grace: 0, disabling: 0, suspended: 0, stopped: 0, reclaimed: 0, deleted: 0, counted: 0 };
  for (const r of rows) {
    out[r.status] = r.n;
    if (COUNTED_STATUSES.includes(r.status)) out.counted += r.n;
  }
  return out;
}

/** One app of the account; another account's app is "not found", never "forbidden" (no probing). */
export async function getApp(accountId: string, sdkAppId: number): Promise<AppRow> {
  const [a] = await db()
    .select()
    .from(apps)
    .where(and(eq(apps.accountId, accountId), eq(apps.sdkAppId, sdkAppId), ne(apps.status, "deleted")));
  if (!a) throw notFound(`App ${sdkAppId}`);
  return a;
}

export async function appHistory(appId: string) {
  return db().select().from(appStatusEvents).where(eq(appStatusEvents.appId, appId)).orderBy(asc(appStatusEvents.id));
}

async function lockApp(tx: Tx, accountId: string, sdkAppId: number): Promise<AppRow> {
  const [a] = await tx
    .select()
    .from(apps)
    .where(and(eq(apps.accountId, accountId), eq(apps.sdkAppId, sdkAppId), ne(apps.status, "deleted")))
    .for("update");
  if (!a) throw notFound(`App ${sdkAppId}`);
  return a;
}

const ACTION_WORD = { stop: "stopped", start: "started", delete: "deleted" } as const;

/** Writes a status change with its history row and audit row, inside the caller's transaction. */
export async function changeStatus(
  tx: Tx,
  actor: CustomerActor | { kind: "system" } | { kind: "operator"; userId: string },
  app: AppRow,
  to: { status: AppStatus; reason: StatusReason },
  at: Date,
  action: string,
): Promise<AppRow> {
  const [updated] = await tx
    .update(apps)
    .set({ status: to.status, statusReason: to.reason, statusChangedAt: at })
    .where(eq(apps.id, app.id))
    .returning();
  await tx.insert(appStatusEvents).values({
    appId: app.id,
    fromStatus: app.status,
    toStatus: to.status,
    reason: to.reason,
    actor: actorTag(actor),
    at,
  });
  await writeAudit(tx, {
    actor,
    at,
    accountId: app.accountId,
    action,
    entityType: "app",
    entityId: String(app.sdkAppId),
    before: { status: app.status, statusReason: app.statusReason },
    after: { status: to.status, statusReason: to.reason },
  });
  return updated!;
}

async function transition(
  actor: CustomerActor,
  sdkAppId: number,
  action: "stop" | "start" | "delete",
  decide: (app: AppRow, at: Date) => Transition,
): Promise<AppRow> {
  return db().transaction(async (tx) => {
    const app = await lockApp(tx, actor.accountId, sdkAppId);
    const at = await now(tx);
    const t = decide(app, at);
    if (t.kind === "invalid_state") {
      throw invalidState(`App ${sdkAppId} is ${t.from} and cannot be ${ACTION_WORD[action]}.`, {
        status: t.from,
        action,
      });
    }
    return changeStatus(tx, actor, app, t, at, `app.${action}`);
  });
}

export const stopApp = (actor: CustomerActor, sdkAppId: number) =>
  transition(actor, sdkAppId, "stop", (a) => stopTransition(a.status));
export const startApp = (actor: CustomerActor, sdkAppId: number) =>
  transition(actor, sdkAppId, "start", (a, at) => startTransition(a, at));
/** R-APP-4: deleting frees a cap slot; the row stays (status deleted) so bills and orders keep their app. */
export const deleteApp = (actor: CustomerActor, sdkAppId: number) =>
  transition(actor, sdkAppId, "delete", (a) => deleteTransition(a.status));

export async function renameApp(actor: CustomerActor, sdkAppId: number, name: string): Promise<AppRow> {
  return db().transaction(async (tx) => {
    const app = await lockApp(tx, actor.accountId, sdkAppId);
    if (isGone(app.status)) throw invalidState(`App ${sdkAppId} has been reclaimed and can no longer be changed.`);
    const at = await now(tx);
    const [updated] = await tx.update(apps).set({ name }).where(eq(apps.id, app.id)).returning();
    await writeAudit(tx, {
      actor,
      at,
      accountId: app.accountId,
      action: "app.rename",
      entityType: "app",
      entityId: String(sdkAppId),
      before: { name: app.name },
      after: { name },
    });
    return updated!;
  });
}

export async function setAutoRenew(actor: CustomerActor, sdkAppId: number, enabled: boolean): Promise<AppRow> {
  return db().transaction(async (tx) => {
    const app = await lockApp(tx, actor.accountId, sdkAppId);
    if (isGone(app.status)) throw invalidState(`App ${sdkAppId} has been reclaimed and cannot be renewed.`);
    if (app.autoRenew === enabled && !(enabled && app.dontRenew)) return app;
    const at = await now(tx);
    // Turning auto-renew on withdraws a "don't renew" mark.
    const [updated] = await tx
      .update(apps)
      .set(enabled ? { autoRenew: true, dontRenew: false } : { autoRenew: false })
      .where(eq(apps.id, app.id))
      .returning();
    await writeAudit(tx, {
      actor,
      at,
      accountId: app.accountId,
      action: "app.auto_renew",
      entityType: "app",
      entityId: String(sdkAppId),
      before: { autoRenew: app.autoRenew },
      after: { autoRenew: enabled },
    });
    return updated!;
  });
}

/** R-LIFE-2 不续费: marks (or unmarks) an app as not to be renewed; marking turns auto-renew off. */
export async function setDontRenew(actor: CustomerActor, sdkAppId: number, on: boolean): Promise<AppRow> {
  return db().transaction(async (tx) => {
    const app = await lockApp(tx, actor.accountId, sdkAppId);
    if (isGone(app.status)) throw invalidState(`App ${sdkAppId} has been reclaimed and cannot be renewed.`);
    if (app.edition === "trial")
      throw invalidState(`App ${sdkAppId} is on the trial edition and has no term to renew.`, {
        reason: "trial_renewal",
        sdkAppId,
      });
    if (app.dontRenew === on) return app;
    const at = await now(tx);
    const [updated] = await tx
      .update(apps)
      .set(on ? { dontRenew: true, autoRenew: false } : { dontRenew: false })
      .where(eq(apps.id, app.id))
      .returning();
    await writeAudit(tx, {
      actor,
      at,
      accountId: app.accountId,
      action: "app.dont_renew",
      entityType: "app",
      entityId: String(sdkAppId),
      before: { dontRenew: app.dontRenew, autoRenew: app.autoRenew },
      after: { dontRenew: updated!.dontRenew, autoRenew: updated!.autoRenew },
    });
    return updated!;
  });
}

/** Paid apps in their expiry warning at `at` (§7, the overview's list): the SQL form of inExpiryWarning. */
export async function expiringApps(accountId: string, at: Date): Promise<AppRow[]> {
  const w = expiryWarningWindow(at);
  return db()
    .select()
    .from(apps)
    .where(
      and(
        eq(apps.accountId, accountId),
        inArray(apps.status, EXPIRY_WARNING_STATUSES),
        ne(apps.edition, "trial"),
        gt(apps.expiresAt, w.after),
        lte(apps.expiresAt, w.until),
      ),
    )
    .orderBy(asc(apps.expiresAt));
}

/** What the §7 banners say about an account at `at`. */
export async function lifecycleSummary(accountId: string, at: Date) {
  const rows = await db()
    .select()
    .from(apps)
    .where(and(eq(apps.accountId, accountId), ne(apps.edition, "trial"), inArray(apps.status, RENEWABLE_STATUSES)))
    .orderBy(asc(apps.expiresAt), asc(apps.sdkAppId));
  return {
    expiring: rows.filter((a) => inExpiryWarning(a, at)),
    grace: rows.filter((a) => a.status === "grace").map((a) => ({ ...a, suspendAt: graceEnd(a.expiresAt!) })),
    disabling: rows.filter((a) => a.status === "disabling"),
    // Arrears suspensions have their own banner (components/bills/arrears-banner.tsx): renewing does not lift them.
    suspended: rows.filter((a) => a.status === "suspended" && a.statusReason !== "arrears"),
  };
}

/**
 * What entitlements are made of besides the app row, as JSON (`appId`: the app's id column in the enclosing
 * query): its packs active at the placeholder `at`, and its enabled feature applications.
 */
const activePacksJson = (appId: SQL) => sql`coalesce((select json_agg(p order by p.pack) from app_packs p
  where p.app_id = ${appId} and p.ended_at is null and p.ends_at > ${sql.placeholder("at")}::timestamptz), '[]'::json)`;
const enabledApplicationsJson = (appId: SQL) => sql`coalesce((select json_agg(f) from feature_applications f
  where f.app_id = ${appId} and f.status = 'enabled'), '[]'::json)`;

/** R-PRICE-5: the app's entitlements now (edition, active packs, status, enabled features). */
/** appEntitlements' one statement (issue 11): the app, its active packs and its enabled feature applications. */
const entitlementQuery = oncePerClient((conn) =>
  conn
    .select({
      app: apps,
      packs: activePacksJson(sql.raw('"apps"."id"')),
      applications: enabledApplicationsJson(sql.raw('"apps"."id"')),
    })
    .from(apps)
    .where(
      and(
        eq(apps.accountId, sql.placeholder("accountId")),
        eq(apps.sdkAppId, sql.placeholder("sdkAppId")),
        ne(apps.status, "deleted"),
      ),
    )
    .prepare("app_entitlements"),
);

export async function appEntitlements(accountId: string, sdkAppId: number) {
  const at = await now();
  const [row] = await entitlementQuery(db()).execute({ at: at.toISOString(), accountId, sdkAppId });
  if (!row) throw notFound(`App ${sdkAppId}`);
  return entitlementsOf(row.app, row.packs, row.applications, at);
}

function entitlementsOf(app: AppRow, packsJson: unknown, applicationsJson: unknown, at: Date) {
  const packs = rowsFromJson(appPacks, packsJson);
  const applications = rowsFromJson(featureApplications, applicationsJson);
  const enabledFeatures = enabledFeatureFlags(app, applications, at, inService(app.status));
  return entitlements(currentPriceBook(), { edition: app.edition, status: app.status, packs, enabledFeatures });
}

/** appEntitlements and the bearer key's actor in one statement (the entitlement check's API path, issue 11). */
const keyedEntitlementQuery = oncePerClient((conn) =>
  leanSelect(
    conn
      .select({
        ...keyColumns,
        app: sql<{ app: Record<string, unknown>; packs: unknown; applications: unknown } | null>`(select
          json_build_object('app', row_to_json(a), 'packs', ${activePacksJson(sql.raw("a.id"))},
            'applications', ${enabledApplicationsJson(sql.raw("a.id"))})
          from apps a where a.account_id = "api_keys"."account_id"
            and a.sdk_app_id = ${sql.placeholder("sdkAppId")} and a.status <> 'deleted')`,
      })
      .from(apiKeys)
      .where(keyMatches())
      .limit(1)
      .prepare("app_entitlements_for_key"),
  ),
);

/**
 * The entitlements of the key's account's app `sdkAppId` (null when the account has no such app), with
 * the key's actor (null when no live key has this hash).
 */
export async function appEntitlementsForKey(keyHash: string, sdkAppId: number) {
  const at = await now();
  const [row] = await keyedEntitlementQuery(db())({ at: at.toISOString(), keyHash, sdkAppId });
  if (!row) return { actor: null, data: null };
  const found = typeof row.app === "string" ? JSON.parse(row.app) : row.app;
  return {
    actor: actorOfKey(row.key, row.ownerId),
    data: found ? entitlementsOf(rowFromJson(apps, found.app), found.packs, found.applications, at) : null,
  };
}

/** Apps of every account by status (the operator overview). */
export async function platformAppCounts(): Promise<Record<AppStatus, number>> {
  const rows = await db().select({ status: apps.status, n: count() }).from(apps).groupBy(apps.status);
  const out = { enabled: 0, grace: 0, disabling: 0, suspended: 0, stopped: 0, reclaimed: 0, deleted: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}
