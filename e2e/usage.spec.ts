import type { APIRequestContext, Page } from "@playwright/test";
import { CHAT, expect, type SeedOptions, setLocale, shot, signIn, test, TRIAL, uniq } from "./fixtures";

// R-USE-4: the app page shows this month's usage against the free quota and the overage estimate.
// Each test's account has Galaxy Chat (pro: free DAU 10,000, free peak groups 100,000) and a trial app.
const USAGE: SeedOptions = {
  name: "E2E 用量",
  cash: "5000.00",
  apps: [{ name: CHAT, plan: { edition: "pro", months: 1 } }, { name: TRIAL }],
};

async function appId(page: Page, name: string): Promise<number> {
  await page.goto("/apps");
  const row = page.getByRole("row").filter({ hasText: name });
  return Number((await row.locator("td").nth(1).textContent())!.trim());
}

/** An owner key made on /settings, shown once. */
async function createKey(page: Page): Promise<string> {
  await page.goto("/settings");
  await page.getByRole("form", { name: "创建密钥" }).getByLabel("密钥名称").fill(`usage-${uniq()}`);
  await page.getByRole("button", { name: "创建密钥" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveText(/^imk_/);
  const key = (await page.getByTestId("new-api-key").textContent())!;
  await page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
  return key;
}

/** Today on the server's clock (the test clock may have been moved by earlier runs): the page says it. */
async function today(page: Page, sdkAppId: number): Promise<string> {
  await page.goto(`/apps/${sdkAppId}`);
  const section = page.getByTestId("app-usage");
  await expect(section).toHaveAttribute("data-today", /^\d{4}-\d{2}-\d{2}$/);
  return (await section.getAttribute("data-today"))!;
}

async function report(request: APIRequestContext, key: string, path: "daily" | "logins", data: object) {
  const res = await request.post(`/api/v1/usage/${path}`, { headers: { Authorization: `Bearer ${key}` }, data });
  expect(res.status(), await res.text()).toBe(200);
}

test("R-USE-4: reported usage shows on the app page with peaks, a daily chart and the overage estimate", async ({
  page,
  request,
  seedUser,
}) => {
  await signIn(page.context(), await seedUser(USAGE));
  const chat = await appId(page, CHAT);
  const day = await today(page, chat);
  await expect(page.getByRole("region", { name: /^用量/ })).toBeVisible();
  // Nothing reported yet this month: the empty state says where usage comes from.
  await expect(page.getByTestId("usage-empty")).toContainText("用户开始登录您的应用后");
  await expect(page.getByTestId("usage-empty")).not.toContainText("/api/v1");
  await shot(page, "app-usage-empty-zh");

  const key = await createKey(page);
  const first = `${day.slice(0, 8)}01`;
  const records = [
    { sdkAppId: chat, date: day, groups: 150_000, liveGroups: 12, bandwidthMbps: { domestic: 0, international: 0 } },
  ];
  if (first !== day)
    records.unshift({
      sdkAppId: chat,
      date: first,
      groups: 80_000,
      liveGroups: 30,
      bandwidthMbps: { domestic: 0, international: 0 },
    });
  await report(request, key, "daily", { records });
  await report(request, key, "logins", {
    events: ["u1", "u2", "u3"].map((userId) => ({ sdkAppId: chat, userId, at: `${day}T09:30:00+08:00` })),
  });

  await page.goto(`/apps/${chat}`);
  await expect(page.getByTestId("usage-empty")).toHaveCount(0);
  await expect(page.getByTestId("usage-groups-peak")).toHaveText("150,000");
  await expect(page.getByTestId("usage-groups-today")).toHaveText("150,000");
  await expect(page.getByTestId("usage-dau-today")).toHaveText("3");
  await expect(page.getByTestId("usage-liveGroups-peak")).toHaveText(first !== day ? "30" : "12");
  await expect(page.getByTestId("usage-groups")).toContainText("超出免费额度 50,000");
  for (const metric of ["dau", "groups", "liveGroups"]) {
    await expect(page.getByTestId(`usage-chart-${metric}`).getByRole("img")).toBeVisible();
  }
  await expect(page.getByTestId("usage-chart-groups")).toContainText("免费 100,000");
  const estimate = page.getByTestId("usage-estimate");
  await expect(estimate).toContainText("预估");
  await expect(estimate).toContainText("¥1,000.00");
  await expect(page.getByTestId("usage-estimate-groups")).toHaveText("¥1,000.00");
  await expect(page.getByTestId("usage-estimate-dau")).toHaveText("¥0.00");
  await expect(page.getByTestId("usage-estimate-total")).toHaveText("¥1,000.00");
  await shot(page, "app-usage-zh");

  await setLocale(page, "en");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("region", { name: /^Usage/ })).toBeVisible();
  await expect(estimate).toContainText("Estimate");
  await expect(page.getByTestId("usage-estimate-total")).toHaveText("¥1,000.00");
  await shot(page, "app-usage-en-narrow");
});

test("R-USE-4: a trial app shows its usage but no overage — trial apps are limited, not billed", async ({
  page,
  request,
  seedUser,
}) => {
  await signIn(page.context(), await seedUser(USAGE));
  const trial = await appId(page, TRIAL);
  const day = await today(page, trial);
  const key = await createKey(page);
  await report(request, key, "daily", {
    records: [
      { sdkAppId: trial, date: day, groups: 60, liveGroups: 2, bandwidthMbps: { domestic: 0, international: 0 } },
    ],
  });
  await page.goto(`/apps/${trial}`);
  await expect(page.getByTestId("usage-groups-peak")).toHaveText("60");
  const estimate = page.getByTestId("usage-estimate");
  await expect(estimate).toContainText("体验版应用不计费");
  await expect(estimate).not.toContainText("¥");
  await shot(page, "app-usage-trial-zh");
});
