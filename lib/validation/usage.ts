import { z } from "zod";
import { sdkAppIdInput } from "./apps";

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const day = z.string({ error: "must be a day YYYY-MM-DD" }).regex(DAY, "must be a day YYYY-MM-DD");
const count = z.number({ error: "must be a whole number ≥ 0" }).int("must be a whole number ≥ 0").min(0, "must be a whole number ≥ 0");
const mbps = z.number({ error: "must be a number of Mbps ≥ 0" }).min(0, "must be a number of Mbps ≥ 0").max(1e9, "is too large");

/** POST /usage/logins (R-USE-1): at most 10,000 events per call. */
export const loginsSchema = z.object({
  events: z
    .array(
      z.object({
        sdkAppId: sdkAppIdInput,
        userId: z.string({ error: "must be a user id" }).min(1, "must not be empty").max(128, "must be at most 128 characters"),
        at: z.iso.datetime({ offset: true, error: "must be an ISO 8601 instant with offset" }),
      }),
      { error: "must be a list of login events" },
    )
    .max(10_000, "must hold at most 10,000 events"),
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
        bandwidthMbps: z.object({ domestic: mbps, international: mbps }, { error: "must be {domestic, international}" }),
      }),
      { error: "must be a list of daily records" },
    )
    .max(10_000, "must hold at most 10,000 records"),
});

/** GET /apps/{id}/usage?from&to: at most 366 days. */
export const usageRangeSchema = z
  .object({ from: day, to: day })
  .refine((r) => r.from <= r.to, { message: "must not be after `to`", path: ["from"] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < 366, { message: "the range must be at most 366 days", path: ["to"] });
