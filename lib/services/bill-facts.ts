/**
 * The set-based half of the bill run: ONE statement that turns order lines (the terms), refunds,
 * app status history, usage_daily and daily_active_users into one summary row per app with
 * postpaid activity in the month, for every account at once (R-LIFE-3, R-USE-3).
 *
 * Per app (tstzmultirange arithmetic, Shanghai days):
 * - paid    = ⋃ plan order-line periods, each ended early by the refund that claimed it or by an
 *             executed plan refund of the app inside it (a plan change ends the old line at its instant);
 * - out     = ⋃ spans in status suspended / reclaimed / deleted (app_status_events);
 * - service = paid − out; a day is billable when service meets the day;
 * - the day's edition / history tier / barrage pack = the highest held during the day's service time.
 * The row carries exactly what `MonthSummary` (lib/billing/bills.ts) needs.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { monthSpan } from "@/lib/billing/arrears";
import { monthDays, type MonthSummary } from "@/lib/billing/bills";
import type { PaidEdition, PriceBook } from "@/lib/billing/price-book";
import { money } from "@/lib/money";

export type AppMonthRow = { accountId: string; appId: string; sdkAppId: number; summary: MonthSummary };

const EDITIONS: PaidEdition[] = ["pro", "ultimate"];

function historyTiers(book: PriceBook): number[] {
  const all = EDITIONS.flatMap((e) => book.packs.history.tiers[e].map((t) => Number(t.tier)));
  return [...new Set(all)].sort((a, b) => b - a);
}

/** The number of days in a datemultirange expression (a single range, the usual case, without a subquery). */
function daysIn(set: SQL): SQL {
  return sql`(case when isempty(${set}) then 0 when datemultirange(range_merge(${set})) = ${set}
    then upper(${set}) - lower(${set})
    else (select sum(upper(x) - lower(x)) from unnest(${set}) as x)::int end)`;
}

/** The facts query; `skipBilled` leaves out accounts that already have this month's bill. */
export function appMonthQuery(
  book: PriceBook,
  month: string,
  opts: { accountIds?: string[]; skipBilled?: boolean } = {},
): SQL {
  const span = monthSpan(month);
  const start = sql`${span.start.toISOString()}::timestamptz`;
  const end = sql`${span.end.toISOString()}::timestamptz`;
  const days = monthDays(month);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const tiers = historyTiers(book);
  const accountFilter = opts.accountIds
    ? sql`and ol.account_id in (${sql.join(
        opts.accountIds.map((a) => sql`${a}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const tierAggs = sql.join(
    tiers.map(
      (t) =>
        sql`range_agg(span) filter (where product = 'history' and tier = ${String(t)}) as ${sql.identifier(`h${t}`)}`,
    ),
    sql`, `,
  );
  const histFeat = sql.join(
    tiers.map(
      (t) =>
        sql`union all select app_id, account_id, sdk_app_id, 3, ${sql.raw(String(t))}, ${sql.identifier(`h${t}`)} * m
          from service where ${sql.identifier(`h${t}`)} is not null`,
    ),
    sql` `,
  );
  // Per tier, the days on which it is the highest tier held: its own days less those of every higher tier.
  const topTier = (i: number) => {
    const own = sql.identifier(`h${tiers[i]}`);
    if (i === 0) return sql`${own}`;
    return sql`${own} - (${sql.join(
      tiers.slice(0, i).map((t) => sql.identifier(`h${t}`)),
      sql` + `,
    )})`;
  };
  const histCounts = sql.join(
    EDITIONS.flatMap((e) =>
      book.packs.history.tiers[e].map((t) => {
        const top = topTier(tiers.indexOf(Number(t.tier)));
        return e === "ultimate" ? daysIn(sql`(${top}) * u`) : daysIn(sql`(${top}) - u`);
      }),
    ),
    sql`, `,
  );
  const histZeros = EDITIONS.flatMap((e) => book.packs.history.tiers[e].map(() => sql`0`));
  const dayTierSets = sql.join(
    tiers.map(
      (t) =>
        sql`coalesce(range_agg(d) filter (where kind = 3
          and tier = ${sql.raw(String(t))}), '{}') as ${sql.identifier(`h${t}`)}`,
    ),
    sql`, `,
  );
  const dom = (day: SQL) => sql`extract(day from ${day})::int`;
  return sql`
    with plan_refunds as (
      select app_id, array_agg(executed_at) as ats from refunds where product = 'plan' and status = 'executed'
        group by app_id
    ),
    spans as (
      select ol.app_id, ol.account_id, ol.sdk_app_id, ol.product, ol.edition, ol.tier,
             tstzrange(ol.period_start, greatest(ol.period_start, least(
               ol.period_end,
               case when cr.status = 'executed' then cr.executed_at else 'infinity'::timestamptz end,
               coalesce((select min(x) from unnest(pr.ats) as x where x > ol.period_start), 'infinity'::timestamptz)
             ))) as span
      from order_lines ol
      left join refunds cr on cr.id = ol.refund_id
      left join plan_refunds pr on pr.app_id = ol.app_id
      where ol.product in ('plan', 'history', 'barrage_bandwidth') and ol.period_start < ${end}
        and ol.period_end > ${start} ${accountFilter}
    ),
    held as (
      select app_id, account_id, sdk_app_id,
             range_agg(span) filter (where product = 'plan') as paid,
             range_agg(span) filter (where product = 'plan' and edition = 'ultimate') as ult,
             ${tierAggs},
             range_agg(span) filter (where product = 'barrage_bandwidth') as bw
      from spans where not isempty(span) group by app_id, account_id, sdk_app_id
    ),
    ev as (
      select e.app_id, e.to_status, e.at, lead(e.at) over (partition by e.app_id order by e.id) as next_at
      from app_status_events e where e.app_id in (select app_id from held where paid is not null)
    ),
    out_of_service as (
      select app_id, range_agg(tstzrange(at, coalesce(next_at, 'infinity'::timestamptz))) as m
      from ev where to_status in ('suspended', 'reclaimed', 'deleted')
        and at < coalesce(next_at, 'infinity'::timestamptz) and at < ${end}
      group by app_id
    ),
    service as (
      select h.*, h.paid - coalesce(o.m, '{}'::tstzmultirange) as m
      from held h left join out_of_service o using (app_id) where h.paid is not null
    ),
    feat as (
      select app_id, account_id, sdk_app_id, 0 as kind, 0 as tier, m from service
      union all select app_id, account_id, sdk_app_id, 1, 0, ult * m from service where ult is not null
      union all select app_id, account_id, sdk_app_id, 2, 0, bw * m from service where bw is not null
      ${histFeat}
    ),
    -- each stretch of service time as the Shanghai days of the month it meets (a date range, not a row per day)
    feat_days as (
      select f.app_id, f.account_id, f.sdk_app_id, f.kind, f.tier, daterange(x.lo, x.hi, '[]') as d
      from feat f
      cross join lateral unnest(f.m) as r
      cross join lateral (select greatest((lower(r) at time zone 'Asia/Shanghai')::date, ${first}::date) as lo,
                                 least(((upper(r) at time zone 'Asia/Shanghai') - interval '1 microsecond')::date,
                                   ${last}::date) as hi) as x
      where x.lo <= x.hi
    ),
    -- per app: b = billable days, u = ultimate days, w = barrage days, h<tier> = days holding that history tier
    day_sets as (
      select app_id, account_id, sdk_app_id,
             range_agg(d) filter (where kind = 0) as b,
             coalesce(range_agg(d) filter (where kind = 1), '{}') as u,
             coalesce(range_agg(d) filter (where kind = 2), '{}') as w,
             ${dayTierSets}
      from feat_days group by app_id, account_id, sdk_app_id having bool_or(kind = 0)
    ),
    svc as (
      select app_id, account_id, sdk_app_id, b, w,
             ${daysIn(sql`b`)} as days,
             -- the last billable day and its edition, as day of month × 10 + edition rank
             ${dom(sql`upper(b) - 1`)} * 10 + case when u @> (upper(b) - 1) then 2 else 1 end as last_ed,
             case when ${sql.join(
               tiers.map((t) => sql`isempty(${sql.identifier(`h${t}`)})`),
               sql` and `,
             )} then array[${sql.join(histZeros, sql`, `)}]::bigint[]
                  else array[${histCounts}]::bigint[] end as hist,
             ${daysIn(sql`w`)} as bw_days,
             ${dom(sql`lower(b)`)} as first_dom,
             ${dom(sql`lower(w)`)} as first_w_dom
      from day_sets
      ${
        opts.skipBilled
          ? sql`where account_id not in (select b.account_id from bills b
        where b.month = ${month})`
          : sql``
      }
    ),
    -- peaks as one bigint key: value × 100 + (99 − day of month), so max() keeps the first day of the peak
    dau as (
      select app_id, max(k) as k from (
        select d.app_id, count(*) * 100 + (99 - ${dom(sql`d.day`)}) as k
        from daily_active_users d join svc s on s.app_id = d.app_id and s.b @> d.day
        where d.day between ${first}::date and ${last}::date
        group by d.app_id, d.day
      ) as per_day group by app_id
    ),
    ud as (
      select u.app_id,
             max(u.groups::bigint * 100 + (99 - ${dom(sql`u.day`)})) filter (where s.b @> u.day) as groups_k,
             sum(u.bandwidth_domestic) filter (where s.w @> u.day) as dom_sum,
             sum(u.bandwidth_international) filter (where s.w @> u.day) as intl_sum,
             max(round(u.bandwidth_domestic * 1000) * 100 + (99 - ${dom(sql`u.day`)})) filter (where s.w @> u.day)
               as dom_k,
             max(round(u.bandwidth_international * 1000) * 100 + (99 - ${dom(sql`u.day`)}))
               filter (where s.w @> u.day) as intl_k
      -- billable days as aggregate filters, not a join condition: the planner then expects one row per
      -- app-day here and aggregates per app in a hash table instead of sorting every usage row
      from usage_daily u join svc s on s.app_id = u.app_id
      where u.day between ${first}::date and ${last}::date
      group by u.app_id
    )
    -- a billable day without usage rows counts as 0: it can set a peak only as the first such day
    select s.account_id, s.app_id, s.sdk_app_id, s.days, s.last_ed, s.hist, s.bw_days,
           coalesce(ud.dom_sum, 0)::text as dom_sum, coalesce(ud.intl_sum, 0)::text as intl_sum,
           greatest(d.k, 99 - s.first_dom)::text as dau_peak,
           greatest(ud.groups_k, 99 - s.first_dom)::text as groups_peak,
           (case when s.bw_days > 0 then greatest(ud.dom_k, 99 - s.first_w_dom) end)::text as dom_peak,
           (case when s.bw_days > 0 then greatest(ud.intl_k, 99 - s.first_w_dom) end)::text as intl_peak
    from svc s left join dau d on d.app_id = s.app_id left join ud on ud.app_id = s.app_id
    order by s.account_id, s.sdk_app_id`;
}

type Raw = {
  account_id: string;
  app_id: string;
  sdk_app_id: string | number;
  days: number;
  dau_peak: string;
  groups_peak: string;
  last_ed: number;
  hist: (number | string)[];
  bw_days: number;
  dom_sum: string;
  intl_sum: string;
  dom_peak: string | null;
  intl_peak: string | null;
};

function toSummary(book: PriceBook, month: string, r: Raw): MonthSummary {
  const day = (dom: number | string) => `${month}-${String(99 - Number(dom)).padStart(2, "0")}`;
  const hist: MonthSummary["history"] = [];
  let i = 0;
  for (const e of EDITIONS) {
    for (const t of book.packs.history.tiers[e]) {
      const n = Number(r.hist[i++]);
      if (n > 0) hist.push({ edition: e, tier: t.tier!, days: n });
    }
  }
  // Peaks come as value × 100 + (99 − day of month), see the SQL.
  const dauKey = BigInt(r.dau_peak);
  const groupsKey = BigInt(r.groups_peak);
  const mbps = (key: string | null) => {
    if (key === null) return { v: "0", day: null };
    const k = BigInt(key);
    const milli = k / 100n;
    return milli > 0n
      ? { v: money(milli.toString()).div(1000).toFixed(3), day: day(Number(k % 100n)) }
      : { v: "0", day: null };
  };
  const dom = mbps(r.dom_peak);
  const intl = mbps(r.intl_peak);
  return {
    daysCounted: r.days,
    lastEdition: r.last_ed % 10 === 2 ? "ultimate" : "pro",
    peakDau: Number(dauKey / 100n),
    peakDauDay: day(Number(dauKey % 100n)),
    peakGroups: Number(groupsKey / 100n),
    peakGroupsDay: day(Number(groupsKey % 100n)),
    history: hist,
    barrage: {
      days: r.bw_days,
      domestic: r.dom_sum,
      international: r.intl_sum,
      peakDomestic: dom.v,
      peakDomesticDay: dom.day,
      peakInternational: intl.v,
      peakInternationalDay: intl.day,
    },
  };
}

/** Every app with billable days in `month` and its month summary, in one statement. */
export async function appMonthSummaries(
  conn: DbOrTx,
  book: PriceBook,
  month: string,
  opts: { accountIds?: string[]; skipBilled?: boolean } = {},
): Promise<AppMonthRow[]> {
  if (opts.accountIds && opts.accountIds.length === 0) return [];
  // The planner's row estimates for generate_series over ranges are huge, which switches JIT on for a
  // query that runs in a second or two; compiling it would cost more than running it.
  const rows = await conn.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    // Sorts and hash aggregates over a month of app-days stay in memory (or spill little at 100,000 apps).
    await tx.execute(sql`set local work_mem = '128MB'`);
    return (await tx.execute(appMonthQuery(book, month, opts))) as unknown as Raw[];
  });
  return rows.map((r) => ({
    accountId: r.account_id,
    appId: r.app_id,
    sdkAppId: Number(r.sdk_app_id),
    summary: toSummary(book, month, r),
  }));
}
