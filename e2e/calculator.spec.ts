import { expect, test } from "@playwright/test";
import { shot } from "./fixtures";

test("R-CALC-1: anyone prices a workload for pro and ultimate without logging in", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "价格计算器" }).click();
  await expect(page).toHaveURL(/\/calculator$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("价格计算器");
  // the defaults are priced at once: inside every free quota, the plan price only
  await expect(page.getByRole("region", { name: "专业版", exact: true }).getByTestId("monthly-total")).toHaveText(
    "¥999.00",
  );

  await page.getByLabel("日活跃用户数（DAU）").fill("25000");
  await page.getByLabel("直播群数量（AVChatRoom）").fill("60");
  await page.getByRole("button", { name: "计算" }).click();
  await expect(page).toHaveURL(/dau=25000.*liveGroups=60/);

  const pro = page.getByRole("region", { name: "专业版", exact: true });
  const ultimate = page.getByRole("region", { name: "旗舰版", exact: true });
  for (const card of [pro, ultimate]) {
    const dau = card.getByTestId("line-dau");
    await expect(dau).toContainText("DAU 超量");
    await expect(dau).toContainText(
      "DAU 25,000 − 免费 10,000 = 15,000 → 15,000 ÷ 10,000 向上取整 = 2 → 2 × ¥1,000.00 = ¥2,000.00",
    );
  }
  await expect(pro.getByTestId("line-liveGroups")).toContainText(
    "需要 60 个 > 上限 50 个 → 加购“直播群数量不限” ¥1,000.00/月",
  );
  await expect(ultimate.getByTestId("line-liveGroups")).toContainText("¥0.00");
  // pro 999 + 1,000 + 2,000; ultimate 2,999 + 2,000
  await expect(pro.getByTestId("monthly-total")).toHaveText("¥3,999.00");
  await expect(ultimate.getByTestId("monthly-total")).toHaveText("¥4,999.00");
  await expect(pro.getByTestId("cheaper-badge")).toHaveText("更便宜");
  await expect(ultimate.getByTestId("cheaper-badge")).toHaveCount(0);
  await expect(page.getByTestId("verdict")).toContainText("专业版更便宜");
  await expect(page.getByTestId("verdict")).toContainText("每月省 ¥1,000.00");
  await expect(page.getByTestId("calculator-notes")).toContainText("弹幕带宽按每月 30 天估算");
  await expect(pro.getByRole("link", { name: "登录购买专业版" })).toHaveAttribute("href", "/buy");
  await shot(page, "calculator-zh");

  // longer history than any tier: neither edition can meet it, no totals, still a normal page
  await page.getByLabel("历史消息存储（天）").fill("400");
  await page.getByRole("button", { name: "计算" }).click();
  await expect(page.getByTestId("verdict")).toContainText("两个版本都无法满足需求");
  await expect(pro.getByTestId("line-history")).toContainText("需要 400 天 > 最大档位 360 天：无法满足");
  await expect(page.getByTestId("monthly-total")).toHaveCount(0);
  await expect(page.getByTestId("cheaper-badge")).toHaveCount(0);
  await shot(page, "calculator-zh-cannot-meet");
});

test("R-CALC-1: English on a narrow screen; bad input gets field errors, never an error page", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/calculator");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Price calculator");

  const bad = await page.goto("/calculator?dau=2.5&months=30&peakGroups=");
  expect(bad?.status()).toBe(200);
  await expect(page.getByTestId("calculator-invalid")).toBeVisible();
  await expect(page.getByRole("region", { name: "Pro", exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Daily active users (DAU)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a whole number without decimals")).toBeVisible();
  await expect(page.getByText("Enter a whole number from 1 to 24")).toBeVisible();
  await expect(page.getByText("Enter a value")).toBeVisible();

  await page.getByRole("link", { name: "Reset to defaults" }).click();
  await expect(page.getByTestId("calculator-invalid")).toHaveCount(0);
  await page.getByLabel("Daily active users (DAU)").fill("25000");
  await page.getByLabel("Live groups (AVChatRoom)").fill("60");
  await page.getByLabel("Message history (days)").fill("90");
  await page.getByLabel("Barrage bandwidth, domestic (Mbps)").fill("10");
  await page.getByLabel("Barrage bandwidth, international (Mbps)").fill("1");
  await page.getByLabel("Term (months)").fill("12");
  await page.getByRole("button", { name: "Calculate" }).click();

  const pro = page.getByRole("region", { name: "Pro", exact: true });
  const ultimate = page.getByRole("region", { name: "Ultimate", exact: true });
  await expect(pro.getByTestId("line-dau")).toContainText(
    "DAU 25,000 − 10,000 free = 15,000 → 2 × 10,000 started → 2 × ¥1,000.00 = ¥2,000.00",
  );
  await expect(ultimate.getByTestId("line-dau")).toContainText("¥2,000.00");
  await expect(pro.getByTestId("line-liveGroups")).toContainText("¥1,000.00");
  await expect(pro.getByTestId("line-history")).toContainText("90 days: ¥1,000.00/month");
  await expect(ultimate.getByTestId("line-history")).toContainText("90 days: ¥500.00/month");
  await expect(pro.getByTestId("line-bandwidth")).toContainText("= ¥24.00/day × 30 days = ¥720.00");
  // pro 999 + 1,000 + 1,000 + 2,000 + 720 = 5,719 a month; 12 months
  await expect(pro.getByTestId("monthly-total")).toHaveText("¥5,719.00");
  await expect(pro.getByTestId("term-total")).toHaveText("¥68,628.00 for 12 months");
  await expect(ultimate.getByTestId("monthly-total")).toHaveText("¥6,219.00");
  await expect(page.getByTestId("verdict")).toContainText("Pro is cheaper");
  await expect(page.getByTestId("verdict")).toContainText("¥500.00 less per month and ¥6,000.00 less over 12 months");
  await shot(page, "calculator-en-narrow");
});
