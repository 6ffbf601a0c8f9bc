import { describe, expect, it } from "vitest";
import { money } from "@/lib/money";
import { renewalNotice, termView, type TermApp } from "./term";

const AT = new Date("2026-12-31T04:00:00Z"); // 2026-12-31 12:00 Shanghai
const I = (s: string) => new Date(s);

describe("termView: what the console shows for an app's term (issue 9, R-REF-4)", () => {
  const cases: [string, TermApp, ReturnType<typeof termView>][] = [
    ["trial: no expiry", { edition: "trial", expiresAt: null, disablingUntil: null }, { kind: "none" }],
    [
      "running term: expiry day is the Shanghai day before E, days left from today",
      { edition: "pro", expiresAt: I("2027-01-09T16:00:00Z"), disablingUntil: null },
      { kind: "term", expiryDay: "2027-01-09", daysLeft: 9 },
    ],
    [
      "lapsed term (not refunded): negative days left",
      { edition: "pro", expiresAt: I("2026-12-28T16:00:00Z"), disablingUntil: null },
      { kind: "term", expiryDay: "2026-12-28", daysLeft: -3 },
    ],
    [
      "R-REF-4 five-day refund on the day of purchase: refunded on that day, service " +
        "until the disabling deadline — never an expiry before it was bought",
      { edition: "pro", expiresAt: I("2026-12-01T02:00:00Z"), disablingUntil: I("2026-12-08T02:00:00Z") },
      { kind: "refunded", refundedDay: "2026-12-01", serviceUntil: "2026-12-08T02:00:00.000Z", serviceEnded: true },
    ],
    [
      "R-REF-4 refund still disabling: service has not ended yet",
      { edition: "ultimate", expiresAt: I("2026-12-30T01:00:00Z"), disablingUntil: I("2027-01-06T01:00:00Z") },
      { kind: "refunded", refundedDay: "2026-12-30", serviceUntil: "2027-01-06T01:00:00.000Z", serviceEnded: false },
    ],
    [
      "refunded at 00:30 Shanghai: the refund day is that day, not the day before",
      { edition: "pro", expiresAt: I("2026-12-29T16:30:00Z"), disablingUntil: I("2027-01-05T16:30:00Z") },
      { kind: "refunded", refundedDay: "2026-12-30", serviceUntil: "2027-01-05T16:30:00.000Z", serviceEnded: false },
    ],
    [
      "renewed after a refund (a new term clears the disabling deadline): a term again",
      { edition: "pro", expiresAt: I("2027-01-30T16:00:00Z"), disablingUntil: null },
      { kind: "term", expiryDay: "2027-01-30", daysLeft: 30 },
    ],
  ];
  for (const [name, app, want] of cases) it(name, () => expect(termView(app, AT)).toEqual(want));
});

describe("renewalNotice: R-BUY-9 announced with its amount and shortfall (issue 9)", () => {
  const app = (sdkAppId: number, expiresAt: string, autoRenew = true, dontRenew = false) => ({
    sdkAppId,
    name: `app ${sdkAppId}`,
    expiresAt: I(expiresAt),
    autoRenew,
    dontRenew,
  });
  const totals = new Map([
    [1, money("2999.00")],
    [2, money("6999.00")],
    [3, money("2999.00")],
  ]);
  const bal = (cash: string, gift = "0") => ({ cash: money(cash), gift: money(gift) });

  it("one app, enough balance: its amount, no shortfall", () => {
    const n = renewalNotice([app(1, "2027-01-01T16:00:00Z")], totals, bal("5000"))!;
    expect(n.renewals.map((r) => r.sdkAppId)).toEqual([1]);
    expect(n.total.toFixed(2)).toBe("2999.00");
    expect(n.shortfall.toFixed(2)).toBe("0.00");
  });
  it("gift pays first, then cash; short by what neither covers", () => {
    expect(renewalNotice([app(1, "2027-01-01T16:00:00Z")], totals, bal("999", "1000"))!.shortfall.toFixed(2)).toBe(
      "1000.00",
    );
  });
  it("a negative cash balance pays nothing", () => {
    expect(renewalNotice([app(1, "2027-01-01T16:00:00Z")], totals, bal("-50", "0"))!.shortfall.toFixed(2)).toBe(
      "2999.00",
    );
  });
  it("several apps: earliest first, one total, shortfall against the total", () => {
    const n = renewalNotice([app(2, "2027-01-03T16:00:00Z"), app(1, "2027-01-01T16:00:00Z")], totals, bal("5000"))!;
    expect(n.renewals.map((r) => r.sdkAppId)).toEqual([1, 2]);
    expect(n.total.toFixed(2)).toBe("9998.00");
    expect(n.shortfall.toFixed(2)).toBe("4998.00");
  });
  it('auto-renew off, "don\'t renew", or no quote: not announced', () => {
    expect(
      renewalNotice(
        [
          app(1, "2027-01-01T16:00:00Z", false),
          app(3, "2027-01-01T16:00:00Z", true, true),
          app(9, "2027-01-01T16:00:00Z"),
        ],
        totals,
        bal("0"),
      ),
    ).toBeNull();
  });
});
