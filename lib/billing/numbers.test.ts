import { describe, expect, it } from "vitest";
import { formatDocNumber, numberSearchTerm, parseDocNumber } from "./numbers";

describe("order and refund numbers (issue 9)", () => {
  it("O-: the Shanghai day of creation and the sequence padded to 6 digits", () => {
    expect(formatDocNumber("order", new Date("2026-12-01T03:00:00Z"), 9)).toBe("O-20261201-000009");
  });
  it("the day is Shanghai's: 16:00 UTC is already the next day", () => {
    expect(formatDocNumber("refund", new Date("2026-11-30T16:00:00Z"), 12)).toBe("R-20261201-000012");
    expect(formatDocNumber("refund", new Date("2026-11-30T15:59:59Z"), 12)).toBe("R-20261130-000012");
  });
  it("the sequence grows past 6 digits rather than wrapping", () => {
    expect(formatDocNumber("order", new Date("2026-12-01T03:00:00Z"), 1234567)).toBe("O-20261201-1234567");
  });
  it("refuses a non-positive sequence", () => {
    expect(() => formatDocNumber("order", new Date(), 0)).toThrow();
  });
  it("parses back what it formats, case-insensitively", () => {
    expect(parseDocNumber("o-20261201-000009")).toEqual({ kind: "order", day: "2026-12-01", seq: 9 });
    expect(parseDocNumber("R-20261201-1234567")).toEqual({ kind: "refund", day: "2026-12-01", seq: 1234567 });
    expect(parseDocNumber("X-20261201-000009")).toBeNull();
    expect(parseDocNumber("O-2026121-000009")).toBeNull();
  });
  it("a search term is a full or partial number and nothing else", () => {
    expect(numberSearchTerm(" o-2026 ")).toBe("O-2026");
    expect(numberSearchTerm("000009")).toBe("000009");
    expect(numberSearchTerm("x'; drop")).toBeNull();
    expect(numberSearchTerm("%")).toBeNull();
    expect(numberSearchTerm("")).toBeNull();
  });
});
