import { describe, expect, it } from "vitest";
import { formatCNY, formatDateTime, formatDay } from "./format";

describe("formatCNY", () => {
  it.each([
    ["0", "¥0.00"],
    ["2999", "¥2,999.00"],
    ["20000.5", "¥20,000.50"],
    ["1234567.89", "¥1,234,567.89"],
    ["-12.3", "-¥12.30"],
  ])("%s → %s", (input, out) => expect(formatCNY(input)).toBe(out));
});

describe("R-TIME-1 Shanghai display", () => {
  it("shows instants in UTC+8", () => {
    expect(formatDateTime("2026-01-31T16:00:00Z")).toBe("2026-02-01 00:00");
    expect(formatDay("2026-01-31T15:59:59Z")).toBe("2026-01-31");
  });
});
