import { z } from "zod";
import { sdkAppIdInput } from "./apps";
import { calendarDay, int4, isoInstant, text } from "./text";

const day = calendarDay;
/** usage_daily.groups / live_groups are `integer`. */
const count = int4();
/** bandwidth_* are numeric(14,3); a day's peak above 10^9 Mbps is not a real report. */
const mbps = z
  .number({ error: "must be a number of Mbps ≥ 0" })
  .min(0, "must be a number of Mbps ≥ 0")
  .max(1e9, "must be at most 1000000000");

export const MAX_USER_ID = 128;
export const MAX_LOGIN_EVENTS = 10_000;

/** POST /usage/logins (R-USE-1): at most 10,000 events per call. */
export const loginsSchema = z.object({
  events: z
    .array(
      z.object({
        sdkAppId: sdkAppIdInput,
        userId: text({ max: MAX_USER_ID, trim: false }),
        at: isoInstant,
      }),
      { error: "must be a list of login events" },
    )
    .max(MAX_LOGIN_EVENTS, "must hold at most 10,000 events"),
});

/** POST /usage/daily (R-USE-2). */
export const dailySchema = z.object({
  records: z
    .array(
      z.object({
        sdkAppId: sdkAppIdInput,
        date: day,
        groups: count,
        liveGroups: count,
        bandwidthMbps: z.object(
          { domestic: mbps, international: mbps },
          { error: "must be {domestic, international}" },
        ),
      }),
      { error: "must be a list of daily records" },
    )
    .max(10_000, "must hold at most 10,000 records"),
});

/** GET /apps/{id}/usage?from&to: at most 366 days. */
export const usageRangeSchema = z
  .object({ from: day, to: day })
  .refine((r) => r.from <= r.to, { message: "must not be after `to`", path: ["from"] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < 366, {
    message: "the range must be at most 366 days",
    path: ["to"],
  });
