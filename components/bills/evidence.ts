import type { BillJson } from "@/lib/wire";

type Line = BillJson["lines"][number];
type T = (key: string, values?: Record<string, string | number>) => string;

/** The sentence that says how a line was reached, from its `detail` (translated). */
export function evidenceText(t: T, l: Line): string {
  const d = l.detail as Record<string, string | number | null>;
  const edition = typeof d.edition === "string" ? t(`edition.${d.edition}`) : "";
  const num = (v: unknown) => (typeof v === "number" ? v.toLocaleString("en-US") : String(v ?? "—"));
  switch (l.item) {
    case "dau_overage":
    case "group_overage":
      return t(`evidence.${l.item}`, {
        peak: num(d.peak),
        peakDay: String(d.peakDay),
        free: num(d.free),
        unit: num(d.unit),
        daysCounted: Number(d.daysCounted),
        edition,
      });
    case "history":
      return t("evidence.history", {
        tier: String(d.tier),
        edition,
        daysCounted: Number(d.daysCounted),
        daysInMonth: Number(d.daysInMonth),
      });
    case "barrage_bandwidth":
      return t("evidence.barrage_bandwidth", {
        region: t(`evidence.region.${d.region}`),
        daysCounted: Number(d.daysCounted),
        peak: String(d.peak),
        peakDay: String(d.peakDay ?? "—"),
      });
    default:
      return JSON.stringify(d);
  }
}
