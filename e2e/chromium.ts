/**
 * Which Chromium the e2e suite drives: PLAYWRIGHT_CHROMIUM_PATH, the system's (Debian's `chromium`
 * package), or Playwright's own download when one is installed. None of them → one line saying what to
 * install, instead of Playwright's advice to download a browser (which cannot work offline).
 */
import { existsSync } from "node:fs";

export const SYSTEM_CHROMIUM = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome",
];
export const INSTALL_HINT =
  "e2e: no Chromium found. Install one with `apt-get install chromium` (Debian/Ubuntu), " +
  "or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary.";

export type ChromiumChoice =
  | { kind: "path"; path: string }
  | { kind: "bundled" }
  | { kind: "missing"; message: string };

export function findChromium(
  opts: { envPath?: string; bundledPath?: string; exists?: (p: string) => boolean } = {},
): ChromiumChoice {
  const exists = opts.exists ?? existsSync;
  if (opts.envPath)
    return exists(opts.envPath)
      ? { kind: "path", path: opts.envPath }
      : {
          kind: "missing",
          message:
            `e2e: PLAYWRIGHT_CHROMIUM_PATH=${opts.envPath} does not exist. ` +
            "Install Chromium with `apt-get install chromium` (Debian/Ubuntu), or point it at a Chromium binary.",
        };
  const system = SYSTEM_CHROMIUM.find((p) => exists(p));
  if (system) return { kind: "path", path: system };
  if (opts.bundledPath && exists(opts.bundledPath)) return { kind: "bundled" };
  return { kind: "missing", message: INSTALL_HINT };
}
