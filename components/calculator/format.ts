import type { Money } from "@/lib/money";
import { toMoneyString } from "@/lib/money";
import { formatCNY } from "@/lib/format";

/** "¥2,000.00" from a Money: the wire string first, then the one UI formatter. */
export function cny(amount: Money): string {
  return formatCNY(toMoneyString(amount));
}

/** "25,000": grouped digits for counts (the same in zh-CN and en). */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
