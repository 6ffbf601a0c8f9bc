import type { APIRequestContext, Page } from "@playwright/test";
import {
  type Customer,
  e2eDatabaseUrl,
  expect,
  type SeedOptions,
  setLocale,
  shot,
  signIn,
  test,
  uniq,
  v1 as api,
} from "./fixtures";

// Issue 9 (money): one number per order everywhere, the change receipt, a change held for review,
// a refunded app's wording, the auto-renew notice with its amount, CSV and print. The spec makes its
// own verified, funded account through the operator API; one app's expiry is moved into the warning
// window directly on the e2e database (as bills.spec.ts drives its bill steps), nothing else is touched.
process.env.DATABASE_URL = e2eDatabaseUrl();
process.env.APP_MODE = "test";

const NUMBER = /O-\d{8}-\d{6,}/;

const MONEY: SeedOptions = { name: "E2E 账务", cash: "200000.00" };

async function appWithPlan(
  request: APIRequestContext,
  c: Customer,
  name: string,
  edition: "pro" | "ultimate",
  months: number,
) {
  const app = await api(request, c.apiKey, "post", "/apps", { name });
  await api(
    request,
    c.apiKey,
    "post",
    "/orders",
    { type: "plan", sdkAppId: app.sdkAppId, edition, months, packs: [], agreeSla: true },
    { "Idempotency-Key": `money-${uniq()}` },
  );
  return app.sdkAppId as number;
}

async function change(
  request: APIRequestContext,
  c: Customer,
  sdkAppId: number,
  edition: "pro" | "ultimate",
  months: number,
) {
  const res = await request.post("/api/v1/orders", {
    headers: { Authorization: `Bearer ${c.apiKey}`, "Idempotency-Key": `money-${uniq()}` },
    data: { type: "change", sdkAppId, edition, months, packs: [], agreeSla: true },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return { status: res.status(), order: await res.json() };
}

async function wideAndNarrow(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, `${name}-wide`);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Moves an app's term end to 00:00 of `days` days after today on the server's clock (the warning
 * window), on the e2e database.
 */
async function expireIn(sdkAppId: number, days: number) {
  const { eq } = await import("drizzle-orm");
  const { db } = await import("../db/client");
  const { apps } = await import("../db/schema");
  const { now } = await import("../lib/clock");
  const { addDays, shanghaiDay, shanghaiMidnight } = await import("../lib/billing/calendar");
  // Terms end at 00:00 Shanghai (R-TIME-2).
  await db()
    .update(apps)
    .set({ expiresAt: shanghaiMidnight(addDays(shanghaiDay(await now()), days)) })
    .where(eq(apps.sdkAppId, sdkAppId));
}

test(
  "issue 9: one order number on the toast, receipt, orders list and ledger; CSV and print; the " +
    "auto-renew notice with its amount",
  async ({ page, request, seedUser }) => {
    test.slow(); // a long journey of many pages in one test: three times the budget, never a retry
    const c = await seedUser(MONEY);
    const app = await api(request, c.apiKey, "post", "/apps", { name: "续费应用 Renewing" });
    await signIn(page.context(), c);

    // Buy in the console: the toast names the order number.
    await page.goto(`/buy?app=${app.sdkAppId}`);
    const summary = page.getByRole("region", { name: "订单摘要" });
    await page.getByRole("radio", { name: /专业版/ }).click();
    await page.getByRole("radio", { name: "1 个月" }).click();
    await page.getByRole("checkbox", { name: "到期自动续费" }).check();
    await summary.getByRole("checkbox", { name: /服务等级协议/ }).check();
    await summary.getByRole("button", { name: "立即购买" }).click();
    await page
      .getByRole("alertdialog")
      .getByRole("button", { name: /确认支付/ })
      .click();
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "已支付" });
    await expect(toast).toContainText(NUMBER);
    const orderNo = NUMBER.exec((await toast.textContent()) ?? "")![0];

    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    const receiptUrl = page.url();
    await expect(page.getByTestId("order-no")).toHaveText(orderNo);

    await page.goto("/orders");
    await expect(page.getByTestId("order-no").filter({ hasText: orderNo })).toHaveCount(1);
    await page.goto("/balance");
    await expect(page.getByTestId("ledger-order-no").filter({ hasText: orderNo })).toHaveText(`订单 ${orderNo}`);
    const api_ = (await api(request, c.apiKey, "get", `/orders?q=${orderNo}`)).orders;
    expect(api_.map((o: { orderNo: string }) => o.orderNo)).toEqual([orderNo]);

    // CSV: text/csv with the number in it.
    const csv = await page.request.get("/orders/export.csv");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain(orderNo);
    const receiptCsv = await page.request.get(`${new URL(receiptUrl).pathname}/receipt.csv`);
    expect(receiptCsv.headers()["content-type"]).toContain("text/csv");
    expect(await receiptCsv.text()).toContain(orderNo);

    // Print: the receipt without navigation or banners.
    await page.goto(receiptUrl);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "main" })).toBeHidden();
    await expect(page.getByTestId("order-no")).toBeVisible();
    await page.emulateMedia({ media: "screen" });
    await expect(page.getByRole("navigation", { name: "main" }).first()).toBeVisible();

    // Auto-renew: the app page states the day and the amount; the quote of a 1-month renewal agrees.
    const q = await api(request, c.apiKey, "post", "/quotes", {
      type: "renewal",
      sdkAppIds: [app.sdkAppId],
      months: 1,
      agreeSla: true,
    });
    const amount = `¥${Number(q.total).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
    await expireIn(app.sdkAppId, 3);
    await page.goto(`/apps/${app.sdkAppId}`);
    await expect(page.getByTestId("auto-renew-amount")).toContainText(
      new RegExp(`将于 \\d{4}-\\d{2}-\\d{2} 自动续费，从余额扣除 ${amount.replace(/[.$]/g, "\\$&")}`),
    );
    await expect(page.getByTestId("timeline-event").first()).toContainText(`自动续费 1 个月，从余额扣除 ${amount}`);
    const banner = page.getByTestId("banner-auto-renew");
    await expect(banner).toContainText(`续费应用 Renewing 将于`);
    await expect(banner).toContainText(`自动续费，从余额扣除 ${amount}`);
    await expect(page.getByTestId("banner-expiring")).toHaveCount(0);
    await expect(page.getByTestId("banner-shortfall")).toHaveCount(0);
    await setLocale(page, "en");
    await page.reload();
    await expect(page.getByTestId("banner-auto-renew")).toContainText(`will renew automatically on`);
    await expect(page.getByTestId("banner-auto-renew")).toContainText(`for ${amount} from your balance`);
    await setLocale(page, "zh-CN");

    // Screenshots: orders list, receipt, ledger — zh-CN and en, wide and 390 px.
    for (const locale of ["zh-CN", "en"] as const) {
      await setLocale(page, locale);
      await page.goto("/orders");
      await wideAndNarrow(page, `money-orders-${locale}`);
      await page.goto(receiptUrl);
      await wideAndNarrow(page, `money-receipt-${locale}`);
      await page.goto("/balance");
      await wideAndNarrow(page, `money-ledger-${locale}`);
    }
  },
);

test(
  "issue 9: a refunded app says when it was refunded and until when service runs; the change " +
    "receipt; a change held for review, approved by an operator",
  async ({ page, operatorPage: op, request, seedUser }) => {
    test.slow(); // a long journey of many pages in one test: three times the budget, never a retry
    const c = await seedUser(MONEY);

    // The account's first order carries the first-purchase campaign, which is not refundable; buy it out of the way.
    await appWithPlan(request, c, "首单 First", "pro", 1);
    // A five-day refund (the account's first refund): refunded on …, service until …
    const refunded = await appWithPlan(request, c, "已退费 Refunded", "pro", 1);
    await api(request, c.apiKey, "post", "/refunds", { sdkAppId: refunded, product: "plan", mode: "five_day" });
    await signIn(page.context(), c);
    await page.goto(`/apps/${refunded}`);
    await expect(page.locator("dl").first()).toContainText(
      /已于 \d{4}-\d{2}-\d{2} 退费，服务至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );
    await expect(page.locator("dl").first()).not.toContainText("已过期");
    await page.goto("/apps");
    await expect(page.getByTestId(`app-row-${refunded}`)).toContainText(/已于 \d{4}-\d{2}-\d{2} 退费，服务至/);
    await page.goto("/renewals");
    await expect(page.getByTestId(`renewal-row-${refunded}`)).toContainText(/已于 \d{4}-\d{2}-\d{2} 退费，服务至/);
    await expect(page.getByTestId(`renewal-row-${refunded}`)).not.toContainText("已过期");
    await setLocale(page, "en");
    await page.goto(`/apps/${refunded}`);
    await expect(page.locator("dl").first()).toContainText(
      /Refunded on \d{4}-\d{2}-\d{2}, service until \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );
    await setLocale(page, "zh-CN");

    // A small change (2nd refund, below the threshold) runs at once: its receipt shows refund, purchase and net.
    const small = await appWithPlan(request, c, "变更应用 Change", "pro", 1);
    const done = await change(request, c, small, "ultimate", 1);
    expect(done.status).toBe(201);
    await page.goto(`/orders/${done.order.id}`);
    await expect(page.getByTestId("order-no")).toHaveText(done.order.orderNo);
    const story = page.getByTestId("change-story");
    await expect(story.getByTestId("change-refund-no")).toHaveText(done.order.refund.refundNo);
    await expect(story.getByTestId("change-refund-total")).toContainText("¥");
    await expect(story.getByTestId("change-net")).toContainText("¥");
    for (const locale of ["zh-CN", "en"] as const) {
      await setLocale(page, locale);
      await page.reload();
      await wideAndNarrow(page, `money-change-receipt-${locale}`);
    }
    await setLocale(page, "zh-CN");

    // A change whose refund is ≥ ¥10,000.00 waits as a whole.
    const big = await appWithPlan(request, c, "大额变更 Big change", "ultimate", 12);
    const held = await change(request, c, big, "pro", 1);
    expect(held.status).toBe(202);
    await page.goto(`/orders/${held.order.id}`);
    await expect(page.getByTestId("receipt-status")).toHaveAttribute("data-status", "pending_review");
    await expect(page.getByTestId("order-no")).toHaveText(held.order.orderNo);

    // An operator approves it in the console.
    await op.goto("/admin/refunds");
    const item = op.getByTestId("review-item").filter({ hasText: c.accountName });
    await expect(item.getByTestId("review-change")).toContainText(held.order.orderNo);
    await item.getByRole("button", { name: "通过" }).click();
    await op
      .getByRole("alertdialog")
      .getByRole("button", { name: /通过并退款/ })
      .click();
    await expect(op.getByText(new RegExp(`${held.order.refund.refundNo} 已通过`))).toBeVisible();

    // The customer sees it executed: paid, the refund executed, the app on its new plan.
    await page.reload();
    await expect(page.getByTestId("receipt-status")).toHaveAttribute("data-status", "paid");
    await expect(page.getByTestId("change-story").getByTestId("change-refund-no")).toHaveText(
      held.order.refund.refundNo,
    );
    const after = await api(request, c.apiKey, "get", `/apps/${big}`);
    expect(after.edition).toBe("pro");
  },
);
