/** Usage reports from the IM backend (SPEC §8): logins → DAU, daily figures, and the per-day view. */
import "server-only";
import { and, between, count, eq, inArray, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { apps, dailyActiveUsers, usageDaily } from "@/db/schema";
import type { CustomerActor } from "@/lib/auth/actor";
import { addDays, daysBetween, daysInMonth, shanghaiDay } from "@/lib/billing/calendar";
import { now } from "@/lib/clock";
import { validationFailed } from "@/lib/errors";
import { activePacks, getApp } from "./apps";
import { monthCharges, type BillableDay } from "@/lib/billing/overage";
import { currentPriceBook, type PaidEdition } from "@/lib/billing/price-book";
import { money, toMoneyString } from "@/lib/money";

const CHUNK = 1000;
/** A whole 10,000-event batch in one statement: 4 parameters a row stays under PostgreSQL's 65,535 (issue 11). */
const LOGIN_CHUNK = 10_000;

/** The account's app ids for the SDKAppIDs a batch names; an unknown one is a 400 naming its place. */
async function appIdsFor(accountId: string, ids: number[], field: (i: number) => string): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await db()
        .select({ id: apps.id, sdkAppId: apps.sdkAppId })
        .from(apps)
        .where(and(eq(apps.accountId, accountId), inArray(apps.sdkAppId, unique), ne(apps.status, "deleted")))
    : [];
  const map = new Map(rows.map((r) => [r.sdkAppId, r.id]));
  const bad = ids.findIndex((id) => !map.has(id));
  if (bad >= 0) throw validationFailed({ [field(bad)]: "is not an app of this account" });
  return map;
}

/** R-USE-1: each (app, Shanghai day, user) counts once; the first login of the day is kept. */
export async function recordLogins(
  actor: CustomerActor,
  events: { sdkAppId: number; userId: string; at: string }[],
): Promise<number> {
  const map = await appIdsFor(
    actor.accountId,
    events.map((e) => e.sdkAppId),
    (i) => `events.${i}.sdkAppId`,
  );
  for (let i = 0; i < events.length; i += LOGIN_CHUNK) {
    // One statement cannot touch a row twice: keep each (app, day, user)'s earliest login of the batch.
    const first = new Map<string, { appId: string; day: string; userId: string; firstLoginAt: Date }>();
    for (const e of events.slice(i, i + LOGIN_CHUNK)) {
      const at = new Date(e.at);
      const row = { appId: map.get(e.sdkAppId)!, day: shanghaiDay(at), userId: e.userId, firstLoginAt: at };
      const k = `${row.appId}|${row.day}|${row.userId}`;
      const seen = first.get(k);
      if (!seen || at < seen.firstLoginAt) first.set(k, row);
    }
    const rows = [...first.values()];
    // One statement with one parameter (issue 11): the batch as a JSON array, unpacked by PostgreSQL. Building a
    // 40,000-parameter VALUES list cost more time in the driver and the parser than the insert itself.
    const json = JSON.stringify(rows.map((r) => [r.appId, r.day, r.userId, r.firstLoginAt.toISOString()]));
    await db().execute(sql`
      insert into daily_active_users (app_id, day, user_id, first_login_at)
      select (r->>0)::uuid, (r->>1)::date, r->>2, (r->>3)::timestamptz from json_array_elements(${json}::json) as r
      on conflict (app_id, day, user_id) do update set first_login_at = least(daily_active_users.first_login_at,
        excluded.first_login_at)`);
  }
  return events.length;
}

type DailyRecord = {
  sdkAppId: number;
  date: string;
  groups: number;
  liveGroups: number;
  bandwidthMbps: { domestic: number; international: number };
};

/** R-USE-2: reports for the same app and day keep the maximum of each figure. */
export async function recordDaily(actor: CustomerActor, records: DailyRecord[]): Promise<number> {
  const map = await appIdsFor(
    actor.accountId,
    records.map((r) => r.sdkAppId),
    (i) => `records.${i}.sdkAppId`,
  );
  const at = await now();
  for (let i = 0; i < records.length; i += CHUNK) {
    // One statement cannot touch a row twice: fold duplicates of (app, day) in the batch first.
    const folded = new Map<string, DailyRecord>();
    for (const r of records.slice(i, i + CHUNK)) {
      const k = `${r.sdkAppId}|${r.date}`;
      const p = folded.get(k);
      folded.set(
        k,
        p
          ? {
              ...r,
              groups: Math.max(p.groups, r.groups),
              liveGroups: Math.max(p.liveGroups, r.liveGroups),
              bandwidthMbps: {
                domestic: Math.max(p.bandwidthMbps.domestic, r.bandwidthMbps.domestic),
                international: Math.max(p.bandwidthMbps.international, r.bandwidthMbps.international),
              },
            }
          : r,
      );
    }
    await db()
      .insert(usageDaily)
      .values(
        [...folded.values()].map((r) => ({
          appId: map.get(r.sdkAppId)!,
          day: r.date,
          groups: r.groups,
          liveGroups: r.liveGroups,
          bandwidthDomestic: String(r.bandwidthMbps.domestic),
          bandwidthInternational: String(r.bandwidthMbps.international),
          updatedAt: at,
        })),
      )
      .onConflictDoUpdate({
        target: [usageDaily.appId, usageDaily.day],
        set: {
          groups: sql`greatest(${usageDaily.groups}, excluded.groups)`,
          liveGroups: sql`greatest(${usageDaily.liveGroups}, excluded.live_groups)`,
          bandwidthDomestic: sql`greatest(${usageDaily.bandwidthDomestic}, excluded.bandwidth_domestic)`,
          bandwidthInternational: sql`greatest(${usageDaily.bandwidthInternational}, excluded.bandwidth_international)`,
          updatedAt: at,
        },
      });
  }
  return records.length;
}

/** Every day of [from, to] with its DAU and reported figures (zeros when nothing was reported). */
export async function appUsage(actor: CustomerActor, sdkAppId: number, from: string, to: string) {
  const app = await getApp(actor.accountId, sdkAppId);
  const [dau, daily] = await Promise.all([
    db()
      .select({ day: dailyActiveUsers.day, n: count() })
      .from(dailyActiveUsers)
      .where(and(eq(dailyActiveUsers.appId, app.id), between(dailyActiveUsers.day, from, to)))
      .groupBy(dailyActiveUsers.day),
    db()
      .select()
      .from(usageDaily)
      .where(and(eq(usageDaily.appId, app.id), between(usageDaily.day, from, to))),
  ]);
  const dauBy = new Map(dau.map((d) => [d.day, d.n]));
  const dailyBy = new Map(daily.map((d) => [d.day, d]));
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => {
    const date = addDays(from, i);
    const d = dailyBy.get(date);
    return {
      date,
      dau: dauBy.get(date) ?? 0,
      groups: d?.groups ?? 0,
      liveGroups: d?.liveGroups ?? 0,
      bandwidthMbps: {
        domestic: Number(d?.bandwidthDomestic ?? 0),
        international: Number(d?.bandwidthInternational ?? 0),
      },
    };
  });
}

/**
 * R-USE-4: this month so far for one app — each day, today's and the month's peaks, and an
 * ESTIMATE of the month's postpaid charges (current edition and history pack on every day so far).
 */
export async function monthToDate(actor: CustomerActor, sdkAppId: number) {
  const at = await now();
  const today = shanghaiDay(at);
  const from = `${today.slice(0, 8)}01`;
  const [y, m] = today.split("-").map(Number) as [number, number];
  const monthDays = daysInMonth(y, m - 1);
  const days = await appUsage(actor, sdkAppId, from, today);
  const app = await getApp(actor.accountId, sdkAppId);
  const packs = (await activePacks([app.id], at)).get(app.id) ?? [];
  const history = packs.find((p) => p.pack === "history")?.tier ?? null;
  const book = currentPriceBook();
  const billable: BillableDay[] =
    app.edition === "trial" || app.status === "suspended"
      ? []
      : days.map((d) => ({
          edition: app.edition as PaidEdition,
          dau: d.dau,
          groups: d.groups,
          historyTier: history,
          bandwidthDomestic: money(d.bandwidthMbps.domestic),
          bandwidthInternational: money(d.bandwidthMbps.international),
        }));
  const c = monthCharges(book, billable, monthDays);
  const t = days[days.length - 1]!;
  return {
    month: today.slice(0, 7),
    today: { date: today, dau: t.dau, groups: t.groups, liveGroups: t.liveGroups },
    peaks: {
      dau: Math.max(...days.map((d) => d.dau)),
      groups: Math.max(...days.map((d) => d.groups)),
      liveGroups: Math.max(...days.map((d) => d.liveGroups)),
    },
    free: {
      dau: book.editions[app.edition].limits.freeDau,
      peakGroups: book.editions[app.edition].limits.freePeakGroups,
    },
    days,
    estimate: {
      dau: toMoneyString(c.dau.amount),
      groups: toMoneyString(c.groups.amount),
      history: toMoneyString(c.history),
      bandwidth: toMoneyString(c.bandwidth),
      total: toMoneyString(c.total),
    },
  };
}
