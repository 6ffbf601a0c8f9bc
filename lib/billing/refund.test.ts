import { describe, expect, it } from "vitest";
import { money } from "@/lib/money";
import { shanghaiMidnight, termEnd } from "./calendar";
import {
  computeRefund,
  fiveDayDeadline,
  needsReview,
  splitRefund,
  type RefundableLine,
  type RefundContext,
} from "./refund";

const at = (day: string, seconds = 0) => new Date(shanghaiMidnight(day).getTime() + seconds * 1000);

function line(
  over: Omit<Partial<RefundableLine>, "months"> & { start: string; months?: number; paid?: string },
): RefundableLine {
  const start = shanghaiMidnight(over.start);
  const months = over.months ?? 1;
  return {
    lineId: over.lineId ?? `l-${over.start}-${over.product ?? "plan"}`,
    orderId: over.orderId ?? `o-${over.start}`,
    orderCreatedAt: over.orderCreatedAt ?? start,
    product: over.product ?? "plan",
    months: money(months),
    periodStart: over.periodStart ?? start,
    periodEnd: over.periodEnd ?? termEnd(start, months),
    paidCash: over.paidCash ?? money(over.paid ?? "999.00"),
    paidGift: over.paidGift ?? money("0.00"),
    refundable: over.refundable ?? true,
    billing: over.billing ?? "prepaid",
  };
}

function ctx(now: Date, lines: RefundableLine[], over: Partial<RefundContext> = {}): RefundContext {
  return {
    now,
    app: { edition: "pro", status: "enabled", expiresAt: lines.at(-1)?.periodEnd ?? null },
    fiveDayUsed: false,
    pendingForProduct: false,
    activePacks: [],
    lines,
    ...over,
  };
}

const standard = (c: RefundContext, product = "plan") => computeRefund(c, { product, mode: "standard" });
const fiveDay = (c: RefundContext, product = "plan") => computeRefund(c, { product, mode: "five_day" });

describe("R-REF-2 standard refund, to the second", () => {
  it.each([
    ["R-REF-2: a 28-day month (Feb 2027), half used", "2027-02-01", at("2027-02-15"), "499.50"],
    ["R-REF-2: a 30-day month (Apr 2027), 10 days used", "2027-04-01", at("2027-04-11"), "666.00"],
    ["R-REF-2: a 31-day month (Jan 2027), 10 days used", "2027-01-01", at("2027-01-11"), "676.74"],
    ["R-REF-2: a 29-day month (Feb 2028), 1 day used", "2028-02-01", at("2028-02-02"), "964.55"],
    ["R-REF-2: at the first second nothing is used", "2027-02-01", at("2027-02-01"), "999.00"],
    ["R-REF-2: one second in, still 999.00 after rounding", "2027-02-01", at("2027-02-01", 1), "999.00"],
    ["R-REF-2: at the last second, 0.00 (the product still ends)", "2027-02-01", at("2027-03-01", -1), "0.00"],
  ])("%s", (_n, start, now, expected) => {
    const r = standard(ctx(now, [line({ start })]));
    expect(r.eligible).toBe(true);
    expect(r.total.toFixed(2)).toBe(expected);
    expect(r.lines[0]!.paid.toFixed(2)).toBe("999.00");
  });

  it("R-REF-2: in the second month of a 12-month ultimate order at 7.5折: used = 26991/12 × (1 + 10/28)", () => {
    const r = standard(ctx(at("2027-02-25"), [line({ start: "2027-01-15", months: 12, paid: "26991.00" })]));
    expect(r.lines[0]!.used.toFixed(2)).toBe("3052.55");
    expect(r.total.toFixed(2)).toBe("23938.45");
  });

  it("R-REF-2: a renewal that has not started comes back in full, the current order pro rata", () => {
    const r = standard(
      ctx(at("2027-01-11"), [line({ start: "2027-01-01" }), line({ start: "2027-02-01", orderId: "renewal" })]),
    );
    expect(r.lines.map((l) => [l.orderId, l.used.toFixed(2), l.amount.toFixed(2)])).toEqual([
      ["o-2027-01-01", "322.26", "676.74"],
      ["renewal", "0.00", "999.00"],
    ]);
    expect(r.total.toFixed(2)).toBe("1675.74");
  });

  it("R-REF-2 / R-REF-3: the voucher part is never refunded; cash and gift come back in their own proportion", () => {
    // 999.00 paid as voucher 200.00 + gift 100.00 + cash 699.00
    const l = line({ start: "2027-02-01", paidCash: money("699.00"), paidGift: money("100.00") });
    const full = standard(ctx(at("2027-02-01"), [l]));
    expect([full.total, full.cash, full.gift].map((m) => m.toFixed(2))).toEqual(["799.00", "699.00", "100.00"]);
    const half = standard(ctx(at("2027-02-15"), [l]));
    expect([half.total, half.cash, half.gift].map((m) => m.toFixed(2))).toEqual(["399.50", "349.50", "50.00"]);
  });

  it("R-REF-2: a pack bought alone mid-term (fractional months) is used by the same calendar", () => {
    const l = line({
      start: "2027-01-16",
      product: "security_advanced",
      months: 1,
      paid: "1464.29",
      periodEnd: shanghaiMidnight("2027-03-01"),
    });
    l.months = money(1).plus(money(13).div(28));
    const r = standard(ctx(at("2027-02-16"), [l], { activePacks: ["security_advanced"] }), "security_advanced");
    // one whole month of 1 + 13/28 is used
    expect(r.total.toFixed(2)).toBe(
      money("1464.29").minus(money("1464.29").div(l.months)).toDecimalPlaces(2).toFixed(2),
    );
  });

  it("R-REF-4: a plan refund also refunds the app's active prepaid packs, each as its own line", () => {
    const lines = [
      line({ start: "2027-01-01" }),
      line({ start: "2027-01-01", product: "security_advanced", lineId: "pack", paid: "1000.00" }),
      line({ start: "2027-01-01", product: "group_members", lineId: "gm", paid: "500.00" }),
    ];
    const r = standard(ctx(at("2027-01-01"), lines, { activePacks: ["security_advanced"] }));
    expect(r.lines.map((l) => [l.product, l.amount.toFixed(2)])).toEqual([
      ["plan", "999.00"],
      ["security_advanced", "1000.00"],
    ]);
  });

  it("R-REF-5: a pack refund covers only that pack", () => {
    const lines = [
      line({ start: "2027-01-01" }),
      line({ start: "2027-01-01", product: "security_advanced", lineId: "pack", paid: "1000.00" }),
    ];
    const r = standard(ctx(at("2027-01-01"), lines, { activePacks: ["security_advanced"] }), "security_advanced");
    expect(r.lines.map((l) => l.product)).toEqual(["security_advanced"]);
  });

  it("R-PROMO-1: a first-purchase order is not refundable by self-service", () => {
    const r = standard(ctx(at("2027-01-02"), [line({ start: "2027-01-01", paid: "99.90", refundable: false })]));
    expect(r).toMatchObject({ eligible: false, reason: "campaign_not_refundable" });
  });

  it.each([
    [
      "R-REF-2: a trial app has nothing to refund",
      ctx(at("2027-01-02"), [], { app: { edition: "trial", status: "enabled", expiresAt: null } }),
      "trial_app",
    ],
    [
      "R-REF-2: no current order of the product",
      ctx(
        at("2027-03-02"),
        [line({ start: "2027-01-01" })].filter((l) => l.periodEnd > at("2027-03-02")),
      ),
      "nothing_to_refund",
    ],
    [
      "R-REF-6: a refund of the app waiting for review",
      ctx(at("2027-01-02"), [line({ start: "2027-01-01" })], { pendingForProduct: true }),
      "pending_review",
    ],
  ])("%s", (_n, c, reason) => {
    expect(standard(c)).toMatchObject({ eligible: false, reason });
  });
});

describe("R-REF-1 five-day refund", () => {
  it("R-REF-1: placed on day D (23:59) → allowed until 00:00 of D+5", () => {
    const placed = new Date(at("2027-01-10").getTime() + (23 * 3600 + 59 * 60) * 1000);
    expect(fiveDayDeadline(placed)).toEqual(at("2027-01-15"));
    const l = line({
      start: "2027-01-10",
      orderCreatedAt: placed,
      periodStart: placed,
      periodEnd: termEnd(placed, 1),
      paidCash: money("899.00"),
      paidGift: money("100.00"),
    });
    const inside = fiveDay(ctx(at("2027-01-15", -1), [l]));
    expect(inside.eligible).toBe(true);
    expect([inside.total, inside.cash, inside.gift].map((m) => m.toFixed(2))).toEqual(["999.00", "899.00", "100.00"]);
    expect(fiveDay(ctx(at("2027-01-15"), [l]))).toMatchObject({ eligible: false, reason: "five_day_window_passed" });
  });

  it("R-REF-1: full cash and gift back even after days of use; the voucher part is kept", () => {
    const l = line({ start: "2027-01-10", paidCash: money("699.00"), paidGift: money("100.00") });
    const r = fiveDay(ctx(at("2027-01-13"), [l]));
    expect([r.total, r.cash, r.gift].map((m) => m.toFixed(2))).toEqual(["799.00", "699.00", "100.00"]);
  });

  it("R-REF-1: every order of the product must be in the window", () => {
    const old = line({ start: "2027-01-01", months: 1 });
    const renewal = line({ start: "2027-02-01", orderId: "renewal", orderCreatedAt: at("2027-01-09") });
    expect(fiveDay(ctx(at("2027-01-10"), [old, renewal]))).toMatchObject({
      eligible: false,
      reason: "five_day_window_passed",
    });
  });

  it("R-REF-1: once per account", () => {
    expect(fiveDay(ctx(at("2027-01-11"), [line({ start: "2027-01-10" })], { fiveDayUsed: true }))).toMatchObject({
      eligible: false,
      reason: "five_day_used",
    });
  });

  it("R-REF-1: campaign orders marked not refundable are excluded", () => {
    expect(
      fiveDay(ctx(at("2027-01-11"), [line({ start: "2027-01-10", refundable: false, paid: "99.90" })])),
    ).toMatchObject({ eligible: false, reason: "campaign_not_refundable" });
  });
});

describe("R-REF-3, R-REF-6", () => {
  it.each([
    ["R-REF-3: proportional", "100.00", "300.00", "100.00", "75.00", "25.00"],
    ["R-REF-3: gift only", "50.00", "0.00", "80.00", "0.00", "50.00"],
    ["R-REF-3: one cent rounds half-up to cash", "0.01", "0.01", "0.01", "0.01", "0.00"],
  ])("%s", (_n, amount, cash, gift, eCash, eGift) => {
    const r = splitRefund(money(amount), money(cash), money(gift));
    expect([r.cash.toFixed(2), r.gift.toFixed(2)]).toEqual([eCash, eGift]);
  });

  it.each([
    ["R-REF-6: 10,000.00 waits for review", "10000.00", 0, "amount"],
    ["R-REF-6: 9,999.99 does not", "9999.99", 0, null],
    ["R-REF-6: the third refund in 30 days waits", "1.00", 2, "frequency"],
    ["R-REF-6: the second does not", "1.00", 1, null],
  ])("%s", (_n, total, recent, expected) => {
    expect(needsReview(money(total), recent)).toBe(expected);
  });
});
