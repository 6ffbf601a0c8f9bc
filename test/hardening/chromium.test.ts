import { describe, expect, it } from "vitest";
import { findChromium, INSTALL_HINT } from "@/e2e/chromium";

describe("issue 8: a fresh machine without Chromium", () => {
  it("no system Chromium and no Playwright download → one line saying to apt-get install chromium", () => {
    const r = findChromium({ exists: () => false, bundledPath: "/root/.cache/ms-playwright/chromium/chrome" });
    expect(r.kind).toBe("missing");
    const message = (r as { message: string }).message;
    expect(message).toBe(INSTALL_HINT);
    expect(message).toContain("apt-get install chromium");
    expect(message).not.toContain("\n");
  });

  it(
    "the system's Chromium is found; PLAYWRIGHT_CHROMIUM_PATH wins; " +
      "Playwright's own download is used when installed",
    () => {
      expect(findChromium({ exists: (p) => p === "/usr/bin/chromium" })).toEqual({
        kind: "path",
        path: "/usr/bin/chromium",
      });
      expect(findChromium({ envPath: "/opt/chrome", exists: () => true })).toEqual({
        kind: "path",
        path: "/opt/chrome",
      });
      expect(findChromium({ envPath: "/opt/none", exists: () => false }).kind).toBe("missing");
      expect(findChromium({ bundledPath: "/b/chrome", exists: (p) => p === "/b/chrome" })).toEqual({ kind: "bundled" });
    },
  );
});
