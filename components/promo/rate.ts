import Decimal from "decimal.js";

/** A campaign rate (price multiplier, "0.75") as the customer reads it: 7.5折, pay 75%, 25% off. Display only. */
export function rateParts(rate: string): { zhe: string; pay: string; off: string } | null {
  if (!/^\d+(\.\d+)?$/.test(rate.trim())) return null;
  const r = new Decimal(rate.trim());
  if (r.lte(0) || r.gte(1)) return null;
  const show = (d: Decimal) => d.toDecimalPlaces(2).toString();
  return { zhe: show(r.times(10)), pay: show(r.times(100)), off: show(new Decimal(1).minus(r).times(100)) };
}
