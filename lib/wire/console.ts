/** Shapes console pages hand to components that are not HTTP answers: plain JSON, money as strings. */
import type { monthToDate } from "@/lib/services/usage";

/** Spend of one Shanghai month (overview chart). */
export type MonthSpend = { month: string; prepaid: string; postpaid: string; refunded: string; net: string };

/** This month's usage of one app so far (R-USE-4), as `monthToDate` returns it. */
export type MonthUsage = Awaited<ReturnType<typeof monthToDate>>;

/** What every server action answers (lib/auth/action.ts `runAction`): the data, or an error with field reasons. */
export type ActionError = { code: string; message: string; fields?: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
