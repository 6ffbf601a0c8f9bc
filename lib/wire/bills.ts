/** API.md `bill`: `{id, month, status, pushedAt, deductedAt|null, total, lines: [{sdkAppId, item, …}]}`. */
import { z } from "zod";
import { BILL_STATUSES, type billLines, type bills } from "@/db/schema/bills";
import { BILL_ITEMS, type BillItem } from "@/lib/billing/bills";
import { money, toMoneyString } from "@/lib/money";
import { id, instant, iso, isoOrNull, month, moneyString, sdkAppId } from "./common";

export const billJsonSchema = z
  .object({
    id,
    billNo: z.number().int(),
    month,
    status: z.enum(BILL_STATUSES),
    pushedAt: instant,
    deductedAt: instant.nullable(),
    total: moneyString,
    paid: z.object({ gift: moneyString, cash: moneyString }).nullable(),
    lines: z.array(
      z.object({
        sdkAppId,
        appName: z.string(),
        item: z.enum(BILL_ITEMS),
        quantity: z.string(),
        unitPrice: moneyString,
        amount: moneyString,
        // how the line was reached: peak and the Shanghai day that set it, days counted, tier held
        detail: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: "Bill" });
export type BillJson = z.infer<typeof billJsonSchema>;

export function billJson(
  b: typeof bills.$inferSelect,
  lines: (typeof billLines.$inferSelect & { appName: string })[],
): BillJson {
  return {
    id: b.id,
    billNo: b.billNo,
    month: b.month,
    status: b.status,
    pushedAt: iso(b.pushedAt),
    deductedAt: isoOrNull(b.deductedAt),
    total: toMoneyString(money(b.total)),
    paid:
      b.paidCash === null ? null : { gift: toMoneyString(money(b.paidGift!)), cash: toMoneyString(money(b.paidCash)) },
    lines: lines.map((l) => ({
      sdkAppId: l.sdkAppId,
      appName: l.appName,
      // the column holds what lib/billing/bills.ts wrote: one of BILL_ITEMS
      item: l.item as BillItem,
      quantity: money(l.quantity).toString(),
      unitPrice: toMoneyString(money(l.unitPrice)),
      amount: toMoneyString(money(l.amount)),
      detail: l.detail as Record<string, unknown>,
    })),
  };
}
