import Decimal from "decimal.js";

/** Money is decimal.js in code, numeric in SQL, a two-decimal string on the wire (R-MONEY-1). */
export type Money = Decimal;

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export function money(value: Decimal.Value): Money {
  return new D(value);
}

export const ZERO: Money = new D(0);

/** The one rounding rule: half-up to 0.01 CNY, applied once per line and per total. */
export function roundCents(value: Money): Money {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Wire and database form: "2999.00". */
export function toMoneyString(value: Money): string {
  return roundCents(value).toFixed(2);
}

const MONEY_INPUT = /^-?\d{1,12}(\.\d{1,2})?$/;

/** Parses a money input string; null when it is not a plain decimal with at most two places. */
export function parseMoneyInput(raw: string): Money | null {
  const s = raw.trim();
  if (!MONEY_INPUT.test(s)) return null;
  return new D(s);
}

export function sumMoney(values: Money[]): Money {
  return values.reduce<Money>((acc, v) => acc.plus(v), ZERO);
}

export function minMoney(a: Money, b: Money): Money {
  return a.lte(b) ? a : b;
}

export function maxMoney(a: Money, b: Money): Money {
  return a.gte(b) ? a : b;
}
