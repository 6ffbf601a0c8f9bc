/** Bulk fixture of the bill-run benchmark (bench/bills.ts): generate_series inserts, no services. */
import type postgres from "postgres";

export const MONTH = "2027-01";
const APPS_PER_ACCOUNT = 100;

export async function fixture(sql: postgres.Sql, apps: number) {
  const accounts = Math.ceil(apps / APPS_PER_ACCOUNT);
  await sql.unsafe(`
    insert into accounts (id, name, verified, cash, gift, created_at)
      select md5('acct' || g)::uuid, 'bench ' || g, true, 100000, 0, '2026-12-01T00:00:00+08'
        from generate_series(1, ${accounts}) g;
    insert into apps (id, sdk_app_id, account_id, name, edition, status, status_reason, status_changed_at,
                      expires_at, created_at)
      select md5('app' || g)::uuid, 1500000000 + g, md5('acct' || ((g - 1) / ${APPS_PER_ACCOUNT} + 1))::uuid,
             'app ' || g, 'pro', 'enabled', 'purchased',
             '2026-12-01T00:00:00+08', '2027-12-01T00:00:00+08', '2026-12-01T00:00:00+08'
        from generate_series(1, ${apps}) g;
    insert into app_status_events (app_id, from_status, to_status, reason, actor, at)
      select md5('app' || g)::uuid, null, 'enabled', 'created', 'bench', '2026-12-01T00:00:00+08'
        from generate_series(1, ${apps}) g;
    insert into orders (id, account_id, type, list_total, discount_total, voucher_amount, total, paid_cash,
                        paid_gift, paid_voucher, placed_by_role, actor, request, created_at)
      select md5('order' || g)::uuid, md5('acct' || g)::uuid, 'plan', 0, 0, 0, 0, 0, 0, 0, 'owner', 'bench', '{}',
             '2026-12-01T00:00:00+08'
        from generate_series(1, ${accounts}) g;
    insert into order_lines (order_id, line_no, account_id, app_id, sdk_app_id, product, edition, tier, billing,
                             kind, months, period_start, period_end, unit_price, list_amount, discount_amount, amount,
                             paid_voucher, paid_gift, paid_cash, refundable, price_book_version)
      select md5('order' || ((g - 1) / ${APPS_PER_ACCOUNT} + 1))::uuid, p.n,
             md5('acct' || ((g - 1) / ${APPS_PER_ACCOUNT} + 1))::uuid, md5('app' || g)::uuid, (1500000000 + g)::text,
             p.product, case when p.product = 'plan' then 'pro' end, case when p.product = 'history' then '30' end,
             case when p.product = 'plan' then 'prepaid' else 'postpaid' end, 'new', 12,
             '2026-12-01T00:00:00+08', '2027-12-01T00:00:00+08', 0, 0, 0, 0, 0, 0, 0, true, '2026-01'
      from generate_series(1, ${apps}) g
      cross join (values (1, 'plan'), (2, 'history'), (3, 'barrage_bandwidth')) as p(n, product)
      where p.product = 'plan' or (p.product = 'history' and g % 4 = 0)
         or (p.product = 'barrage_bandwidth' and g % 5 = 0);
    insert into usage_daily (app_id, day, groups, live_groups, bandwidth_domestic, bandwidth_international, updated_at)
      select md5('app' || g)::uuid, d::date,
             case when g % 100 = 0 and extract(day from d) = 15 then 100001 + g
                  else 1000 + (g * 7 + extract(day from d)::int) % 500 end,
             3, ((g + extract(day from d)::int) % 1000) / 1000.0, ((g * 3) % 500) / 1000.0, now()
      from generate_series(1, ${apps}) g
      cross join generate_series('${MONTH}-01'::date, '${MONTH}-31'::date, interval '1 day') d;
    insert into daily_active_users (app_id, day, user_id, first_login_at)
      select md5('app' || g)::uuid, d::date, 'u' || g, d::timestamp at time zone 'Asia/Shanghai'
      from generate_series(1, ${apps}) g
      cross join generate_series('${MONTH}-01'::date, '${MONTH}-31'::date, interval '1 day') d;
    analyze;
  `);
}
