import Decimal from "decimal.js";
import { expiryDay } from "./billing/calendar";

/** The one money formatter for the UI: "¥20,000.00" from a wire string; no float on the way. */
export function formatCNY(amount: string): string {
  const d = new Decimal(amount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [int, frac] = d.abs().toFixed(2).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${d.isNeg() ? "-" : ""}¥${grouped}.${frac}`;
}

const SHANGHAI = "Asia/Shanghai";

/** "2026-11-28 16:05" in Shanghai time (R-TIME-1), whatever the browser's zone. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: SHANGHAI,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour") === "24" ? "00" : get("hour")}:${get("minute")}`;
}

/** "2026-11-28": the Shanghai calendar day of an instant. */
export function formatDay(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return formatDateTime(value).slice(0, 10);
}

/** The expiry day (到期日) of a term ending at instant E: the Shanghai day before E (R-TIME-2). */
export function formatExpiryDay(end: Date | string | null | undefined): string {
  if (!end) return "—";
  return expiryDay(typeof end === "string" ? new Date(end) : end);
}
