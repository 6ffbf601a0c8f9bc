import { describe, expect, it } from "vitest";
import { money } from "@/lib/money";
import type { CampaignRule } from "./campaigns";
import { monthBoundary, shanghaiMidnight } from "./calendar";
import { currentPriceBook } from "./price-book";
import { quote, splitPayment, type AppState, type OrderRequest, type QuoteInput, type QuoteResult } from "./quote";

const NOW = new Date("2027-01-16T02:00:00Z"); // 2027-01-16 10:00 Shanghai
const FIRST: CampaignRule = {
  id: "c-first",
  code: "first_purchase",
  name: "first",
  editions: ["pro", "ultimate"],
  minMonths: 1,
  maxMonths: 1,
  appliesNew: true,
  appliesRenewal: false,
  rate: money("0.10"),
  firstPurchaseOnly: true,
  oncePerAccount: true,
  startsAt: new Date("2000-01-01T00:00:00Z"),
  endsAt: null,
  refundable: false,
};
const ANNUAL: CampaignRule = {
  id: "c-annual",
  code: "ultimate_annual",
  name: "annual",
  editions: ["ultimate"],
  minMonths: 12,
  maxMonths: 24,
  appliesNew: true,
  appliesRenewal: true,
  rate: money("0.75"),
  firstPurchaseOnly: false,
  oncePerAccount: false,
  startsAt: new Date("2000-01-01T00:00:00Z"),
  endsAt: null,
  refundable: true,
};

const trialApp = (over: Partial<AppState> = {}): AppState => ({
  id: "a1",
  sdkAppId: 1400000001,
  name: "chat",
  edition: "trial",
  status: "enabled",
  expiresAt: null,
  packs: [],
  ...over,
});
const paidApp = (over: Partial<AppState> = {}): AppState =>
  trialApp({ edition: "pro", expiresAt: shanghaiMidnight("2027-03-01"), ...over });

function input(
  over: Omit<Partial<QuoteInput>, "account"> & { account?: Partial<QuoteInput["account"]> } = {},
): QuoteInput {
  return {
    book: currentPriceBook(),
    now: NOW,
    apps: [trialApp()],
    campaigns: [FIRST, ANNUAL],
    voucher: null,
    ...over,
    account: { verified: true, role: "owner", hasEarlierOrder: true, usedCampaignIds: [], ...over.account },
  };
}

const plan = (
  edition: "pro" | "ultimate",
  months: number,
  extra: Partial<Extract<OrderRequest, { type: "plan" }>> = {},
): OrderRequest => ({
  type: "plan",
  sdkAppId: 1400000001,
  edition,
  months,
  packs: [],
  agreeSla: true,
  ...extra,
});

function ok(r: QuoteResult) {
  if (r.kind !== "ok") throw new Error(`refused: ${r.code} ${r.message}`);
  return r.quote;
}

describe("plan prices (R-BUY-5, R-PROMO-1/2)", () => {
  it.each([
    ["R-BUY-5: pro × 3 at list price", plan("pro", 3), {}, "2997.00"],
    ["R-BUY-5: ultimate × 1 at list price (not a first purchase)", plan("ultimate", 1), {}, "2999.00"],
    ["R-PROMO-1: ultimate × 12 at 7.5折", plan("ultimate", 12), {}, "26991.00"],
    ["R-PROMO-1: ultimate × 24 at 7.5折", plan("ultimate", 24), {}, "53982.00"],
    ["R-PROMO-1: pro × 12 gets no annual campaign (ultimate only)", plan("pro", 12), {}, "11988.00"],
    ["R-PROMO-1: first purchase pro × 1 = 99.90", plan("pro", 1), { hasEarlierOrder: false }, "99.90"],
    ["R-PROMO-1: first purchase ultimate × 1 = 299.90", plan("ultimate", 1), { hasEarlierOrder: false }, "299.90"],
    [
      "R-PROMO-1: first purchase is for 1-month plans only: pro × 2 at list",
      plan("pro", 2),
      { hasEarlierOrder: false },
      "1998.00",
    ],
    [
      "R-PROMO-2: the cheapest campaign wins: first ultimate × 12 gets 7.5折",
      plan("ultimate", 12),
      { hasEarlierOrder: false },
      "26991.00",
    ],
    [
      "R-PROMO-2: a member gets the list price",
      plan("pro", 1),
      { hasEarlierOrder: false, role: "member" as const },
      "999.00",
    ],
    [
      "R-PROMO-2: a member gets no annual campaign either",
      plan("ultimate", 12),
      { role: "member" as const },
      "35988.00",
    ],
    [
      "R-PROMO-1: first purchase is once per account",
      plan("pro", 1),
      { hasEarlierOrder: false, usedCampaignIds: ["c-first"] },
      "999.00",
    ],
  ])("%s", (_name, req, account, total) => {
    const q = ok(quote(input({ account }), req));
    expect(q.total.toFixed(2)).toBe(total);
    expect(q.listTotal.minus(q.discountTotal).minus(q.voucherAmount).toFixed(2)).toBe(total);
  });

  it("R-PROMO-1: the discount is shown on the line with its campaign, not refundable for first purchase", () => {
    const q = ok(quote(input({ account: { hasEarlierOrder: false } }), plan("pro", 1)));
    expect(q.lines[0]).toMatchObject({ product: "plan", campaign: { id: "c-first", refundable: false } });
    expect(q.lines[0]!.listAmount.toFixed(2)).toBe("999.00");
    expect(q.lines[0]!.discountAmount.toFixed(2)).toBe("899.10");
  });

  it("R-PROMO-1: an ended campaign no longer applies", () => {
    const ended = { ...ANNUAL, endsAt: new Date(NOW.getTime() - 1000) };
    expect(ok(quote(input({ campaigns: [FIRST, ended] }), plan("ultimate", 12))).total.toFixed(2)).toBe("35988.00");
  });

  it("R-BUY-5: packs bought with a plan have the plan's term and list price; only the plan line is discounted", () => {
    const q = ok(
      quote(
        input({ account: { hasEarlierOrder: false } }),
        plan("pro", 1, {
          packs: [
            { pack: "security_advanced", tier: null },
            { pack: "group_members", tier: "2000" },
          ],
        }),
      ),
    );
    expect(q.lines.map((l) => [l.product, l.amount.toFixed(2)])).toEqual([
      ["plan", "99.90"],
      ["security_advanced", "1000.00"],
      ["group_members", "500.00"],
    ]);
    expect(q.lines.every((l) => l.periodEnd.getTime() === monthBoundary(NOW, 1).getTime())).toBe(true);
    expect(q.total.toFixed(2)).toBe("1599.90");
  });

  it("R-PRICE-2: a postpaid pack is opened at 0.00 now and billed monthly", () => {
    const q = ok(quote(input(), plan("ultimate", 1, { packs: [{ pack: "history", tier: "90" }] })));
    expect(q.lines[1]).toMatchObject({ product: "history", tier: "90", billing: "postpaid" });
    expect(q.lines[1]!.amount.toFixed(2)).toBe("0.00");
  });

  it("R-TIME-2: the term ends at 00:00 Shanghai of day T, n months later", () => {
    const q = ok(quote(input(), plan("pro", 1)));
    expect(q.lines[0]!.periodStart).toEqual(NOW);
    expect(q.lines[0]!.periodEnd.toISOString()).toBe("2027-02-15T16:00:00.000Z");
  });
});

describe("packs alone (R-BUY-3, R-BUY-5)", () => {
  const packOrder = (pack: string, tier: string | null = null): OrderRequest => ({
    type: "pack",
    sdkAppId: 1400000001,
    pack: pack as never,
    tier,
    agreeSla: true,
  });

  it("R-BUY-5: a pack bought mid-term is priced by months(now → E): 1 month + 13/28 → 1464.29", () => {
    const start = shanghaiMidnight("2027-01-16");
    const q = ok(quote(input({ now: start, apps: [paidApp()] }), packOrder("security_advanced")));
    expect(q.lines[0]!.months.toString()).toBe(money(1).plus(money(13).div(28)).toString());
    expect(q.lines[0]!.amount.toFixed(2)).toBe("1464.29");
    expect(q.lines[0]!.periodEnd).toEqual(shanghaiMidnight("2027-03-01"));
  });

  it("R-BUY-5: exactly two months before E costs two months", () => {
    const q = ok(
      quote(input({ now: shanghaiMidnight("2027-01-01"), apps: [paidApp()] }), packOrder("groups_per_user", "1000")),
    );
    expect(q.lines[0]!.amount.toFixed(2)).toBe("2200.00");
  });

  it.each([
    [
      "R-BUY-2: a trial app cannot buy a pack alone",
      trialApp(),
      packOrder("security_advanced"),
      "not_eligible",
      "trial_pack_alone",
    ],
    [
      "R-BUY-3: one active pack per type",
      paidApp({
        packs: [
          {
            pack: "security_advanced",
            tier: null,
            billing: "prepaid",
            startsAt: NOW,
            endsAt: shanghaiMidnight("2027-03-01"),
            endedAt: null,
          },
        ],
      }),
      packOrder("security_advanced"),
      "not_eligible",
      "pack_active",
    ],
    [
      "R-BUY-3: an expired app has no valid term",
      paidApp({ status: "grace", expiresAt: shanghaiMidnight("2027-01-10") }),
      packOrder("security_advanced"),
      "not_eligible",
      "no_valid_term",
    ],
    [
      "R-PRICE-2: live groups unlimited is included in ultimate",
      paidApp({ edition: "ultimate" }),
      packOrder("live_groups_unlimited"),
      "not_eligible",
      "pack_not_offered",
    ],
    [
      "R-PRICE-2: the 6000 tier is ultimate's",
      paidApp(),
      packOrder("group_members", "6000"),
      "not_eligible",
      "pack_tier_not_offered",
    ],
    [
      "R-APP-4: a stopped app buys nothing",
      paidApp({ status: "stopped" }),
      packOrder("security_advanced"),
      "invalid_state",
      "app_stopped",
    ],
  ])("%s", (_n, app, req, code, reason) => {
    const r = quote(input({ apps: [app] }), req);
    expect(r).toMatchObject({ kind: "refused", code, details: { reason } });
  });

  it("R-BUY-3: a refunded pack of the same type does not block a new one", () => {
    const app = paidApp({
      packs: [
        {
          pack: "security_advanced",
          tier: null,
          billing: "prepaid",
          startsAt: NOW,
          endsAt: shanghaiMidnight("2027-03-01"),
          endedAt: NOW,
        },
      ],
    });
    expect(quote(input({ apps: [app] }), packOrder("security_advanced")).kind).toBe("ok");
  });
});

describe("eligibility (R-ACC-2, R-BUY-2, R-BUY-4)", () => {
  it("R-ACC-2: an unverified account cannot buy", () => {
    expect(quote(input({ account: { verified: false } }), plan("pro", 1))).toMatchObject({
      kind: "refused",
      code: "not_verified",
    });
  });

  it("R-BUY-4: a paid app with a valid term cannot buy a plan", () => {
    expect(quote(input({ apps: [paidApp()] }), plan("ultimate", 1))).toMatchObject({
      kind: "refused",
      code: "not_eligible",
      details: { reason: "plan_has_valid_term" },
    });
  });

  it.each(["grace", "disabling", "suspended"] as const)(
    "R-BUY-4: a paid app in %s buys a new plan that starts now",
    (status) => {
      const q = ok(
        quote(input({ apps: [paidApp({ status, expiresAt: shanghaiMidnight("2027-01-10") })] }), plan("ultimate", 2)),
      );
      expect(q.lines[0]!.periodStart).toEqual(NOW);
    },
  );

  it("R-BUY-2: the same pack twice in one plan order is refused", () => {
    const r = quote(
      input(),
      plan("pro", 1, {
        packs: [
          { pack: "security_advanced", tier: null },
          { pack: "security_advanced", tier: null },
        ],
      }),
    );
    expect(r).toMatchObject({ kind: "refused", details: { reason: "duplicate_pack" } });
  });
});

describe("renewals (R-LIFE-1)", () => {
  const renew = (ids: number[], months: number): OrderRequest => ({
    type: "renewal",
    sdkAppIds: ids,
    months,
    agreeSla: true,
  });
  const E = shanghaiMidnight("2027-03-01");

  it.each([
    ["enabled", E],
    ["grace", E],
    ["disabling", NOW],
    ["suspended", NOW],
  ] as const)("R-LIFE-1: an app in %s renews from %s", (status, start) => {
    const q = ok(quote(input({ apps: [paidApp({ status, expiresAt: E })] }), renew([1400000001], 1)));
    expect(q.lines[0]!.periodStart).toEqual(start);
    expect(q.lines[0]!.periodEnd).toEqual(monthBoundary(start, 1));
  });

  it("R-LIFE-1: the plan and its co-terminous packs renew together; a refunded pack does not", () => {
    const packs = [
      { pack: "security_advanced", tier: null, billing: "prepaid" as const, startsAt: NOW, endsAt: E, endedAt: null },
      { pack: "group_members", tier: "2000", billing: "prepaid" as const, startsAt: NOW, endsAt: E, endedAt: NOW },
    ];
    const q = ok(quote(input({ apps: [paidApp({ packs })] }), renew([1400000001], 3)));
    expect(q.lines.map((l) => [l.product, l.kind, l.amount.toFixed(2)])).toEqual([
      ["plan", "renewal", "2997.00"],
      ["security_advanced", "renewal", "3000.00"],
    ]);
  });

  it("R-PROMO-1: ultimate annual applies to renewals; first purchase never does", () => {
    const q = ok(
      quote(
        input({ apps: [paidApp({ edition: "ultimate" })], account: { hasEarlierOrder: false } }),
        renew([1400000001], 12),
      ),
    );
    expect(q.total.toFixed(2)).toBe("26991.00");
    const one = ok(quote(input({ apps: [paidApp()], account: { hasEarlierOrder: false } }), renew([1400000001], 1)));
    expect(one.total.toFixed(2)).toBe("999.00");
  });

  it("R-LIFE-2: a batch renewal is one quote over every app", () => {
    const apps = [paidApp(), paidApp({ id: "a2", sdkAppId: 1400000002, edition: "ultimate" })];
    const q = ok(quote(input({ apps }), renew([1400000001, 1400000002], 2)));
    expect(q.lines.map((l) => l.sdkAppId)).toEqual([1400000001, 1400000002]);
    expect(q.total.toFixed(2)).toBe("7996.00");
  });

  it("R-LIFE-1: a trial app has nothing to renew; one bad app refuses the whole batch", () => {
    const r = quote(
      input({ apps: [paidApp(), trialApp({ id: "a2", sdkAppId: 1400000002 })] }),
      renew([1400000001, 1400000002], 1),
    );
    expect(r).toMatchObject({ kind: "refused", code: "not_eligible", details: { reason: "trial_renewal" } });
  });
});

describe("common expiry day (R-LIFE-2)", () => {
  const align = (ids: number[], day: number): OrderRequest => ({ type: "align", sdkAppIds: ids, day, agreeSla: true });
  const E = shanghaiMidnight("2027-03-01"); // expiry day Feb 28

  it("R-LIFE-2: each app runs on to the chosen day; plan and packs cost monthly ÷ 30 × days", () => {
    const packs = [
      { pack: "security_advanced", tier: null, billing: "prepaid" as const, startsAt: NOW, endsAt: E, endedAt: null },
    ];
    const q = ok(quote(input({ apps: [paidApp({ packs })] }), align([1400000001], 5)));
    expect(q.lines.map((l) => [l.product, l.kind, l.amount.toFixed(2)])).toEqual([
      ["plan", "renewal", "166.50"],
      ["security_advanced", "renewal", "166.67"],
    ]);
    expect(q.lines[0]!.periodStart).toEqual(E);
    expect(q.lines[0]!.periodEnd).toEqual(shanghaiMidnight("2027-03-06"));
    expect(q.total.toFixed(2)).toBe("333.17");
  });

  it("R-LIFE-2: apps already on the day are left out; all of them → refused", () => {
    const other = paidApp({ id: "a2", sdkAppId: 1400000002, expiresAt: shanghaiMidnight("2027-03-06") });
    const q = ok(quote(input({ apps: [paidApp(), other] }), align([1400000001, 1400000002], 5)));
    expect(q.lines.map((l) => l.sdkAppId)).toEqual([1400000001]);
    expect(quote(input({ apps: [other] }), align([1400000002], 5))).toMatchObject({
      kind: "refused",
      details: { reason: "already_aligned" },
    });
  });

  it("R-LIFE-2: no campaign on a part-month, and no alignment for a refunded app", () => {
    const ult = paidApp({ edition: "ultimate" });
    expect(ok(quote(input({ apps: [ult] }), align([1400000001], 27))).lines[0]!.campaign).toBeNull();
    expect(quote(input({ apps: [paidApp({ status: "disabling" })] }), align([1400000001], 5))).toMatchObject({
      kind: "refused",
      details: { reason: "align_needs_term" },
    });
  });
});

describe("vouchers and payment (R-PROMO-3, R-BUY-7)", () => {
  const voucher = (amount: string, over: Partial<NonNullable<QuoteInput["voucher"]>> = {}) => ({
    id: "v1",
    amount: money(amount),
    minTotal: null,
    expiresAt: new Date("2027-12-31T00:00:00Z"),
    usedAt: null,
    ...over,
  });

  it("R-PROMO-3: a voucher larger than the total pays the total; the rest is forfeited", () => {
    const q = ok(
      quote(
        input({ account: { hasEarlierOrder: false }, voucher: voucher("200.00") }),
        plan("pro", 1, { voucherId: "v1" }),
      ),
    );
    expect(q.voucherAmount.toFixed(2)).toBe("99.90");
    expect(q.total.toFixed(2)).toBe("0.00");
  });

  it("R-PROMO-3: a voucher pays up to its amount", () => {
    const q = ok(quote(input({ voucher: voucher("100.00") }), plan("pro", 3, { voucherId: "v1" })));
    expect([q.voucherAmount.toFixed(2), q.total.toFixed(2)]).toEqual(["100.00", "2897.00"]);
  });

  it.each([
    ["used", voucher("100.00", { usedAt: NOW }), "voucher_used"],
    ["expired", voucher("100.00", { expiresAt: NOW }), "voucher_expired"],
    ["below its minimum order", voucher("100.00", { minTotal: money("3000.00") }), "voucher_min_total"],
  ])("R-PROMO-3: a voucher that is %s is refused", (_n, v, reason) => {
    expect(quote(input({ voucher: v }), plan("pro", 3, { voucherId: "v1" }))).toMatchObject({
      kind: "refused",
      details: { reason },
    });
  });

  it.each([
    ["R-BUY-7: gift first, then cash", "1000.00", "5000.00", "300.00", { kind: "ok", gift: "300.00", cash: "700.00" }],
    ["R-BUY-7: gift alone when it is enough", "250.00", "0.00", "300.00", { kind: "ok", gift: "250.00", cash: "0.00" }],
    [
      "R-BUY-7: exactly the available balance",
      "800.00",
      "500.00",
      "300.00",
      { kind: "ok", gift: "300.00", cash: "500.00" },
    ],
    ["R-BUY-7: short by 200.00", "1000.00", "500.00", "300.00", { kind: "insufficient_balance", shortfall: "200.00" }],
    [
      "R-BUY-7: negative cash (arrears) is never spent below zero",
      "100.00",
      "-100.00",
      "50.00",
      { kind: "insufficient_balance", shortfall: "50.00" },
    ],
    ["R-BUY-7: a zero total needs no balance", "0.00", "-10.00", "0.00", { kind: "ok", gift: "0.00", cash: "0.00" }],
  ])("%s", (_n, total, cash, gift, expected) => {
    const r = splitPayment(money(total), { cash: money(cash), gift: money(gift) });
    const shown =
      r.kind === "ok"
        ? { kind: r.kind, gift: r.gift.toFixed(2), cash: r.cash.toFixed(2) }
        : { kind: r.kind, shortfall: r.shortfall.toFixed(2) };
    expect(shown).toEqual(expected);
  });
});

describe("change (R-BUY-3)", () => {
  const change = (
    edition: "pro" | "ultimate",
    months: number,
    packs: { pack: "group_members" | "security_advanced"; tier: string | null }[] = [],
  ): OrderRequest => ({ type: "change", sdkAppId: 1400000001, edition, months, packs, agreeSla: true });
  const refund = (total: string) => ({
    eligible: true as const,
    mode: "standard" as const,
    lines: [],
    total: money(total),
    cash: money(total),
    gift: money("0.00"),
  });

  it("R-BUY-3: a change quote is the new plan from now, with the standard refund of the old one beside it", () => {
    const q = ok(
      quote(
        input({ apps: [paidApp()], changeRefund: refund("1500.00") }),
        change("ultimate", 1, [{ pack: "group_members", tier: "6000" }]),
      ),
    );
    expect(q.lines.map((l) => [l.product, l.amount.toFixed(2)])).toEqual([
      ["plan", "2999.00"],
      ["group_members", "500.00"],
    ]);
    expect(q.lines[0]!.periodStart).toEqual(NOW);
    expect(q.refund!.total.toFixed(2)).toBe("1500.00");
    expect(q.total.minus(q.refund!.total).toFixed(2)).toBe("1999.00");
  });

  it("R-BUY-3: an app without a valid term cannot change (buy a plan instead)", () => {
    expect(quote(input({ apps: [trialApp()], changeRefund: refund("0.00") }), change("pro", 1))).toMatchObject({
      kind: "refused",
      details: { reason: "change_needs_term" },
    });
  });

  it("R-BUY-3: a plan that cannot be refunded cannot be changed", () => {
    const notRefundable = {
      eligible: false as const,
      reason: "campaign_not_refundable" as const,
      mode: "standard" as const,
      lines: [],
      total: money(0),
      cash: money(0),
      gift: money(0),
    };
    expect(quote(input({ apps: [paidApp()], changeRefund: notRefundable }), change("ultimate", 1))).toMatchObject({
      kind: "refused",
      details: { reason: "campaign_not_refundable" },
    });
  });
});
