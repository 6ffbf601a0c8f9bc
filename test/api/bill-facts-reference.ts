/**
 * The bill-facts statement as it was before issue 7's performance work (one row per app per billable
 * day, then aggregated): kept only as the reference the faster statement in lib/services/bill-facts.ts
 * must agree with, row for row (test/api/bill-facts.test.ts). Not used by the application.
 */
import { sql, type SQL } from "drizzle-orm";
import { monthSpan } from "@/lib/billing/arrears";
import { monthDays } from "@/lib/billing/bills";
import type { PaidEdition, PriceBook } from "@/lib/billing/price-book";

const EDITIONS: PaidEdition[] = ["pro", "ultimate"];
const RANK: Record<PaidEdition, number> = { pro: 1, ultimate: 2 };

function historyTiers(book: PriceBook): number[] {
  const all = EDITIONS.flatMap((e) => book.packs.history.tiers[e].map((t) => Number(t.tier)));
  return [...new Set(all)].sort((a, b) => b - a);
}

export function appMonthQueryPerDay(
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
  const histCounts = sql.join(
    EDITIONS.flatMap((e) =>
      book.packs.history.tiers[e].map(
        (t) =>
          sql`count(*) filter (where ed = ${sql.raw(String(RANK[e]))} and tier = ${sql.raw(String(Number(t.tier)))})`,
      ),
    ),
    sql`, `,
  );
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
    feat_days as (
      select f.app_id, f.account_id, f.sdk_app_id, f.kind, f.tier, g::date as day
      from feat f
      cross join lateral unnest(f.m) as r
      cross join lateral generate_series(
        greatest((lower(r) at time zone 'Asia/Shanghai')::date, ${first}::date),
        least(((upper(r) at time zone 'Asia/Shanghai') - interval '1 microsecond')::date, ${last}::date),
        interval '1 day') as g
    ),
    appdays as (
      select app_id, account_id, sdk_app_id, day, extract(day from day)::int as dom,
             case when bool_or(kind = 1) then 2 else 1 end as ed,
             max(tier) filter (where kind = 3) as tier,
             bool_or(kind = 2) as bw
      from feat_days group by app_id, account_id, sdk_app_id, day having bool_or(kind = 0)
    ),
    dau as (
      select app_id, day, count(*)::int as n from daily_active_users
      where day between ${first}::date and ${last}::date and app_id in (select app_id from service)
      group by app_id, day
    ),
    facts as (
      select a.*, coalesce(u.n, 0) as dau, coalesce(ud.groups, 0) as groups,
             coalesce(ud.bandwidth_domestic, 0) as dom_bw, coalesce(ud.bandwidth_international, 0) as intl_bw
      from appdays a
      left join dau u on u.app_id = a.app_id and u.day = a.day
      left join usage_daily ud on ud.app_id = a.app_id and ud.day = a.day
    ),
    per_app as (
      select app_id, account_id, sdk_app_id,
             count(*)::int as days,
             -- peak and its first day in one bigint: value × 100 + (99 − day of month)
             max(dau::bigint * 100 + (99 - dom)) as dau_peak,
             max(groups::bigint * 100 + (99 - dom)) as groups_peak,
             max(dom * 10 + ed) as last_ed,
             array[${histCounts}] as hist,
             count(*) filter (where bw)::int as bw_days,
             coalesce(sum(dom_bw) filter (where bw), 0)::text as dom_sum,
             coalesce(sum(intl_bw) filter (where bw), 0)::text as intl_sum,
             max(round(dom_bw * 1000) * 100 + (99 - dom)) filter (where bw) as dom_peak,
             max(round(intl_bw * 1000) * 100 + (99 - dom)) filter (where bw) as intl_peak
      from facts group by app_id, account_id, sdk_app_id
    )
    select p.account_id, p.app_id, p.sdk_app_id, p.days, p.last_ed, p.hist,
           p.bw_days, p.dom_sum, p.intl_sum, p.dau_peak::text as dau_peak, p.groups_peak::text as groups_peak,
             p.dom_peak::text as dom_peak, p.intl_peak::text as intl_peak
    from per_app p
    ${
      opts.skipBilled
        ? sql`where p.account_id not in (select b.account_id from bills b
      where b.month = ${month})`
        : sql``
    }
    order by p.account_id, p.sdk_app_id::bigint`;
}
