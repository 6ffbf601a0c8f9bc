/**
 * Usage history for the demo (issue 7): an app bought at 09:00 on the 1st of the month before last,
 * with realistic logins and daily reports fed through the usage services for every day from then to
 * `at`, then the bill steps of that window run at their own instants — so the demo has past bills
 * (one with DAU overage) and, this month, an app over its free quota (the usage estimate shows it).
 *
 * How it stays honest: the app and its order are made by the ordinary services, given the past
 * instant explicitly (`createApp(..., {at})`, `placeOrder(..., {at})`), so the order lines (the
 * terms) cover the past days; usage goes through recordLogins / recordDaily; bills through
 * runBillsDue. Call it after the demo account has its balance: `await seedDemoUsage(owner, await now())`.
 */
import type { CustomerActor } from "@/lib/auth/actor";
import { previousMonth } from "@/lib/billing/arrears";
import { addDays, daysBetween, shanghaiDay, shanghaiMidnight } from "@/lib/billing/calendar";
import { createApp, listApps } from "@/lib/services/apps";
import { runBillsDue } from "@/lib/services/bills";
import { placeOrder } from "@/lib/services/purchase";
import { recordDaily, recordLogins } from "@/lib/services/usage";

const HOUR = 3_600_000;

/** A small deterministic generator, so every seeded demo looks the same. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export type DemoUsageResult = { sdkAppId: number; days: number; logins: number; bills: number };

/** `withApps`: other paid apps of the account that get usage too (the seed leaves some without, as new apps are). */
export async function seedDemoUsage(owner: CustomerActor, at: Date, withApps: number[] = []): Promise<DemoUsageResult> {
  const today = shanghaiDay(at);
  const thisMonth = today.slice(0, 7);
  const lastMonth = previousMonth(thisMonth);
  const first = shanghaiMidnight(`${previousMonth(lastMonth)}-01`);
  const boughtAt = new Date(first.getTime() + 9 * HOUR);

  const app = await createApp(owner, { name: "星河社区 Galaxy Social" }, { at: boughtAt });
  await placeOrder(
    owner,
    {
      type: "plan",
      sdkAppId: app.sdkAppId,
      edition: "pro",
      months: 12,
      packs: [
        { pack: "history", tier: "30" },
        { pack: "barrage_bandwidth", tier: null },
      ],
      autoRenew: true,
      agreeSla: true,
    },
    "seed-usage-history",
    { at: boughtAt },
  );

  // Every app of the account in service gets usage from the day it was created (at most the last ~3 months).
  const apps = (await listApps(owner.accountId)).filter(
    (a) =>
      a.status !== "stopped" && a.edition !== "trial" && (a.sdkAppId === app.sdkAppId || withApps.includes(a.sdkAppId)),
  );
  const rnd = random(7);
  // The peak days: one in last month (billed: DAU overage) and yesterday or today this month (the estimate).
  const spikes = new Set([`${lastMonth}-18`, today > `${thisMonth}-01` ? addDays(today, -1) : today]);
  let logins = 0;
  let days = 0;
  for (const a of apps) {
    // biome-ignore lint/complexity/useMathMinMax: days are "YYYY-MM-DD" strings, Math.max would give NaN
    const from = shanghaiDay(a.createdAt) > shanghaiDay(first) ? shanghaiDay(a.createdAt) : shanghaiDay(first);
    const n = daysBetween(from, today) + 1;
    const daily: Parameters<typeof recordDaily>[1] = [];
    let events: { sdkAppId: number; userId: string; at: string }[] = [];
    for (let i = 0; i < n; i++) {
      const day = addDays(from, i);
      const weekend = [0, 6].includes(new Date(shanghaiMidnight(day).getTime() + 8 * HOUR).getUTCDay());
      const base = a.id === app.id ? 420 : 160;
      const users =
        a.id === app.id && spikes.has(day)
          ? 10_240 + Math.floor(rnd() * 400)
          : Math.floor(base * (weekend ? 1.35 : 1) * (0.8 + rnd() * 0.4));
      const midnight = shanghaiMidnight(day).getTime();
      for (let u = 0; u < users; u++) {
        // first logins spread over the day, from 07:00
        events.push({
          sdkAppId: a.sdkAppId,
          userId: `user-${u}`,
          at: new Date(midnight + 7 * HOUR + Math.floor((u / users) * 16 * HOUR)).toISOString(),
        });
      }
      if (events.length >= 10_000) {
        logins += await recordLogins(owner, events);
        events = [];
      }
      daily.push({
        sdkAppId: a.sdkAppId,
        date: day,
        groups: Math.floor(1_200 + i * 9 + rnd() * 80),
        liveGroups: Math.floor(3 + rnd() * 6),
        bandwidthMbps: {
          domestic: Math.round((0.8 + rnd() * 2.4) * 1000) / 1000,
          international: Math.round(rnd() * 0.4 * 1000) / 1000,
        },
      });
    }
    logins += await recordLogins(owner, events);
    await recordDaily(owner, daily);
    days += n;
  }

  // The bill steps due between the purchase and now, each at its own instant (make, deduct, arrears).
  const bills = await runBillsDue(boughtAt, at, { accountIds: [owner.accountId] });
  return { sdkAppId: app.sdkAppId, days, logins, bills };
}
