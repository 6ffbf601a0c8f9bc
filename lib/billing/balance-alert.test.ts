import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { money } from "@/lib/money";
import { decideBalanceAlert, MAX_ALERT_DAYS, type BalanceAlertState } from "./balance-alert";

const threshold = money("100.00");
const base: BalanceAlertState = { threshold, streak: 0, lastAlertDay: null };

describe("R-LIFE-8 balance alert decision", () => {
  it.each([
    ["99.99 (one cent below)", "99.99", "alert"],
    ["100.00 (exactly at the threshold)", "100.00", "none"],
    ["100.01", "100.01", "none"],
    ["-5.00 (in arrears)", "-5.00", "alert"],
  ])("R-LIFE-8: available %s → %s", (_label, available, kind) => {
    expect(decideBalanceAlert(base, money(available), "2027-01-01").kind).toBe(kind);
  });

  it("R-LIFE-8: once a day — a second check on the same day sends nothing", () => {
    const first = decideBalanceAlert(base, money("10"), "2027-01-01");
    expect(first).toEqual({ kind: "alert", streak: 1, lastAlertDay: "2027-01-01" });
    expect(decideBalanceAlert({ threshold, streak: 1, lastAlertDay: "2027-01-01" }, money("5"), "2027-01-01")).toEqual({
      kind: "none",
      why: "today",
    });
  });

  it("R-LIFE-8: days 1..5 below alert, day 6 does not, day 7 neither", () => {
    let state = base;
    const sent: string[] = [];
    for (let i = 0; i < 7; i++) {
      const day = addDays("2027-01-01", i);
      const d = decideBalanceAlert(state, money("10"), day);
      if (d.kind === "alert") {
        sent.push(day);
        state = { ...state, streak: d.streak, lastAlertDay: d.lastAlertDay };
      }
    }
    expect(sent).toEqual(["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04", "2027-01-05"]);
    expect(state.streak).toBe(MAX_ALERT_DAYS);
  });

  it("R-LIFE-8: at or above the threshold re-arms an exhausted alert; the next drop alerts again", () => {
    const exhausted: BalanceAlertState = { threshold, streak: 5, lastAlertDay: "2027-01-05" };
    expect(decideBalanceAlert(exhausted, money("10"), "2027-01-09")).toEqual({ kind: "none", why: "exhausted" });
    expect(decideBalanceAlert(exhausted, money("100.00"), "2027-01-09")).toEqual({ kind: "rearm" });
    const rearmed = { ...exhausted, streak: 0 };
    expect(decideBalanceAlert(rearmed, money("99.99"), "2027-01-09")).toEqual({
      kind: "alert",
      streak: 1,
      lastAlertDay: "2027-01-09",
    });
  });

  it("R-LIFE-8: re-armed the same day as the last alert, a new drop that day waits for the next day", () => {
    const rearmed: BalanceAlertState = { threshold, streak: 0, lastAlertDay: "2027-01-03" };
    expect(decideBalanceAlert(rearmed, money("1"), "2027-01-03")).toEqual({ kind: "none", why: "today" });
    expect(decideBalanceAlert(rearmed, money("1"), "2027-01-04").kind).toBe("alert");
  });

  it("R-LIFE-8: above with no run in progress changes nothing", () => {
    expect(decideBalanceAlert(base, money("500"), "2027-01-01")).toEqual({ kind: "none", why: "above" });
  });
});
