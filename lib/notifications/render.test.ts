import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "@/db/schema/notifications";
import { renderNotification, renderSms } from "./render";

const apps = [1400000001, 1400000002];

describe("R-LIFE-6 notification text", () => {
  it.each(
    NOTIFICATION_KINDS.flatMap(
      (k) =>
        [
          [k, "zh-CN"],
          [k, "en"],
        ] as const,
    ),
  )("R-LIFE-6: %s (%s) names every app and never prints a missing value", (kind, locale) => {
    for (const data of [
      {},
      {
        apps: { "1400000001": { expiresAt: "2027-02-01T16:00:00.000Z", reason: "expired" } },
        month: "2027-01",
        total: "12.30",
        available: "-3.00",
        threshold: "100.00",
      },
    ]) {
      const r = renderNotification({ kind, data, sdkAppIds: kind === "balance_alert" ? [] : apps }, { locale });
      expect(r.title.length).toBeGreaterThan(0);
      expect(r.body).not.toMatch(/undefined|null|NaN|\[object/);
      if (kind !== "balance_alert") for (const id of apps) expect(r.body).toContain(String(id));
      expect(renderSms({ kind, data, sdkAppIds: apps }, { locale })).toContain(r.title);
    }
  });

  it("R-LIFE-6: app names are shown with their SDKAppID", () => {
    const r = renderNotification(
      {
        kind: "expiry_warning",
        data: { apps: { "1400000001": { expiresAt: "2027-02-01T16:00:00.000Z" } } },
        sdkAppIds: [1400000001],
      },
      { appNames: { "1400000001": "商城" } },
    );
    expect(r).toEqual({
      title: "1 个应用将在 7 天内到期",
      body: "以下应用即将到期，请及时续费，以免到期后停服：\n- 商城（1400000001）：到期日 2027-02-01",
    });
  });

  it("R-LIFE-8: the balance alert says the balance and the threshold", () => {
    const d = { available: "88.50", threshold: "100.00" };
    expect(renderNotification({ kind: "balance_alert", data: d, sdkAppIds: [] }).body).toContain(
      "当前可用余额 ¥88.50，低于您设置的预警阈值 ¥100.00",
    );
    expect(renderNotification({ kind: "balance_alert", data: d, sdkAppIds: [] }, { locale: "en" }).title).toBe(
      "Balance below your alert threshold",
    );
  });

  it("R-LIFE-6: refund review lists each decision of the day", () => {
    const data = {
      refunds: {
        a: { sdkAppId: 1400000001, product: "plan", status: "executed", total: "999.00" },
        b: { sdkAppId: 1400000002, product: "history", status: "rejected", reason: "滥用" },
      },
    };
    const r = renderNotification({ kind: "refund_reviewed", data, sdkAppIds: apps });
    expect(r.title).toBe("退费审核结果（2 笔）");
    expect(r.body).toContain("- 1400000001 套餐包：已通过，退还 ¥999.00 已到账");
    expect(r.body).toContain("- 1400000002 延长历史消息存储：已拒绝，原因：滥用");
  });
});
