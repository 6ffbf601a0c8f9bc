import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryDelaySeconds } from "./retry";

describe("R-LIFE-6 delivery retry schedule", () => {
  it("R-LIFE-6: backoff doubles after each failed attempt", () => {
    expect(Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelaySeconds(i + 1))).toEqual([30, 60, 120, 240]);
  });
});
