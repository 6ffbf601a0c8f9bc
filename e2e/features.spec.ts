import type { Page } from "@playwright/test";
import { expect, type SeedOptions, setLocale, shot, signIn, test, v1 } from "./fixtures";

// R-FEAT-1 and the app's "what happens when" timeline, on an account this test makes for itself.

/** A verified, funded customer with one ultimate app (3 months) and one trial app. */
const ULTIMATE: SeedOptions = {
  name: "E2E 功能",
  cash: "100000.00",
  apps: [{ name: "旗舰应用 Flagship", plan: { edition: "ultimate", months: 3 } }, { name: "试用应用 Trial" }],
};

async function wideAndNarrow(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, `${name}-wide`);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${name}-narrow`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test(
  "R-FEAT-1: the owner applies, an operator approves one feature and rejects the other; statuses " +
    "and the timeline show it",
  async ({ page, operatorPage: op, request, seedUser }) => {
    test.slow(); // a long journey of many pages in one test: three times the budget, never a retry
    const seeded = await seedUser(ULTIMATE);
    const c = {
      ...seeded,
      sdkAppId: seeded.apps["旗舰应用 Flagship"]!,
      trialId: seeded.apps["试用应用 Trial"]!,
    };

    // Customer: the app page shows the timeline and both features, not applied.
    await signIn(page.context(), c);
    await page.goto(`/apps/${c.sdkAppId}`);
    const timeline = page.getByRole("region", { name: "接下来会发生什么" });
    await expect(timeline).toBeVisible();
    await expect(timeline.getByTestId("timeline-event").first()).toContainText("服务期结束 · 进入宽限期");
    await expect(timeline.getByTestId("timeline-event").filter({ hasText: "资源回收" })).toHaveCount(1);
    const features = page.getByRole("region", { name: "功能申请" });
    await expect(features.getByTestId("feature-broadcast")).toContainText("未申请");

    // Apply for both, each after a confirmation.
    for (const [testId, name] of [
      ["feature-broadcast", "全员推送"],
      ["feature-communities", "社群"],
    ] as const) {
      await features.getByTestId(testId).getByRole("button", { name: "申请开通" }).click();
      const confirm = page.getByRole("alertdialog");
      await expect(confirm).toContainText(`申请开通${name}？`);
      await expect(confirm).toContainText(String(c.sdkAppId));
      await confirm.getByRole("button", { name: "提交申请" }).click();
      await expect(features.getByTestId(testId)).toHaveAttribute("data-feature-status", "pending");
    }
    await expect(features.getByTestId("feature-broadcast")).toContainText("待审核");
    await expect(features.getByRole("button", { name: "申请开通" })).toHaveCount(0);

    // A trial app explains why it cannot apply.
    await page.goto(`/apps/${c.trialId}`);
    await expect(page.getByTestId("features-ineligible")).toContainText("仅限旗舰版");
    await expect(page.getByRole("button", { name: "申请开通" })).toHaveCount(0);

    // Operator: the queue names the account and the app; approve broadcast, reject communities with a reason.
    await op.setViewportSize({ width: 1280, height: 900 });
    await op.goto("/admin");
    await op.getByRole("link", { name: "开通申请" }).first().click();
    await expect(op.getByRole("heading", { level: 1 })).toHaveText("开通申请");
    const rows = op.getByTestId("feature-queue-row").filter({ hasText: c.accountName });
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText(String(c.sdkAppId));
    await expect(rows.first()).toContainText("旗舰应用 Flagship");
    await wideAndNarrow(op, "admin-feature-applications-zh");

    const broadcastRow = rows.filter({ hasText: "全员推送" });
    await broadcastRow.getByRole("button", { name: "通过" }).click();
    await expect(op.getByRole("alertdialog")).toContainText("48 小时");
    await op.getByRole("alertdialog").getByRole("button", { name: "确认通过" }).click();
    await expect(op.getByText(/已通过，将于 .* 开通。/)).toBeVisible();
    await expect(rows).toHaveCount(1);

    await rows.getByRole("button", { name: "拒绝" }).click();
    const dialog = op.getByRole("dialog");
    await dialog.getByRole("button", { name: "确认拒绝" }).click();
    await expect(dialog.getByText("must not be empty").or(dialog.getByText("不能为空"))).toBeVisible();
    await dialog.getByLabel("拒绝原因").fill("请补充社群的内容审核方案");
    await dialog.getByRole("button", { name: "确认拒绝" }).click();
    await expect(rows).toHaveCount(0);

    await op.getByRole("navigation", { name: "按状态筛选" }).getByRole("link", { name: "已通过" }).click();
    await expect(op.getByTestId("feature-queue-row").filter({ hasText: c.accountName })).toContainText("将于");
    await setLocale(op, "en");
    await op.goto("/admin/features?status=all");
    await expect(op.getByRole("heading", { level: 1 })).toHaveText("Feature applications");
    await expect(op.getByTestId("feature-queue-row").filter({ hasText: c.accountName })).toHaveCount(2);
    await wideAndNarrow(op, "admin-feature-applications-en");

    // Customer: approved with its enabling instant (approval + 48 h), rejected with the reason;
    // the timeline has the enablement.
    const apps = await v1(request, c.apiKey, "get", `/apps/${c.sdkAppId}/features`);
    const approved = apps.applications.find((a: { feature: string }) => a.feature === "broadcast");
    expect(approved.status).toBe("approved");
    expect(Date.parse(approved.enableAt) - Date.parse(approved.decidedAt)).toBe(48 * 3600 * 1000);
    const ent = await v1(request, c.apiKey, "post", `/apps/${c.sdkAppId}/entitlements/check`, {
      action: "use_feature",
      feature: "broadcast",
    });
    expect(ent).toMatchObject({ allowed: false, reason: "not_enabled" });

    await page.goto(`/apps/${c.sdkAppId}`);
    await expect(features.getByTestId("feature-broadcast")).toHaveAttribute("data-feature-status", "approved");
    await expect(features.getByTestId("feature-broadcast-line")).toContainText("审核通过，将于");
    await expect(features.getByTestId("feature-communities-line")).toContainText("未通过：请补充社群的内容审核方案");
    const enable = timeline.getByTestId("timeline-event").filter({ hasText: "全员推送开通" });
    await expect(enable).toHaveCount(1);
    // Enablement comes before the term's end, which stops the feature unless renewed.
    const kinds = await timeline
      .getByTestId("timeline-event")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
    expect(kinds.indexOf("feature_enable")).toBeLessThan(kinds.indexOf("expire"));
    expect(kinds).toContain("feature_stop");
    await page.evaluate(() => window.scrollTo(0, 0));
    await wideAndNarrow(page, "app-features-timeline-zh");

    await setLocale(page, "en");
    await page.goto(`/apps/${c.sdkAppId}`);
    await expect(
      page
        .getByRole("region", { name: "What happens when" })
        .getByTestId("timeline-event")
        .filter({ hasText: "Broadcast to all enabled" }),
    ).toHaveCount(1);
    await expect(page.getByTestId("feature-communities-line")).toContainText("Rejected");
    await wideAndNarrow(page, "app-features-timeline-en");
  },
);
